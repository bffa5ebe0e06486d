// The report every formatter renders: the JSON document DESIGN.md freezes, plus the patch
// headers the text formatter prints above each diff.
import type { Captures, FixStatus } from '../types.js';

export interface ReportOccurrence {
  source: string;
  line: number;
  text: string;
  /** CloudFormation logical id, Terraform address or Pulumi name, as the log printed it. */
  resource?: string;
  /** Its type (AWS::RDS::DBInstance, aws_db_instance, aws:rds/instance:Instance) when the log says. */
  resourceType?: string;
  /** The CDK / CDKTF construct path when the log (or cdktf.out) gives it. */
  constructPath?: string;
  /** A restatement of the cause (recap, ❌ line, wrapper exit code), not the cause itself. */
  cascade?: boolean;
  /**
   * The source location the log names (a traceback's frame, Terraform's `on <file> line <n>`, the
   * construct's source location cdk prints): project-relative when the file is in `--project`,
   * else as the log printed it.
   */
  location?: { file: string; line: number };
}

export interface ReportFix {
  codemod: string;
  status: FixStatus;
  reason?: string;
  files: string[];
  patch?: string;
}

export interface ReportFinding {
  signature: string;
  title: string;
  severity: 'error' | 'warning';
  kind: 'auto' | 'guidance' | 'not-source';
  rootCause: boolean;
  captures: Captures;
  occurrences: ReportOccurrence[];
  explanation: string;
  references: string[];
  fix: ReportFix | null;
}

export interface Report {
  version: 1;
  tool: { name: 'stackfix'; version: string };
  inputs: Array<{ source: string; format: string; lines: number }>;
  findings: ReportFinding[];
  unclassified: ReportUnclassified[];
}

/** A failure (or warning) the log shows that no signature recognised: listed so it is never silent. */
export interface ReportUnclassified {
  source: string;
  line: number;
  text: string;
  /** `error`: a failure the log shows (the run exits 1); `warning`: listed, the exit code unchanged. */
  severity: 'error' | 'warning';
}

/** How each detected input format is named to a user. */
export const FORMAT_NAMES: Record<string, string> = {
  'cdk-text': 'cdk deploy/synth output',
  'cfn-json': 'CloudFormation describe-stack-events JSON',
  'pulumi-text': 'pulumi output',
  'pulumi-json': 'pulumi --json events',
  'terraform-text': 'Terraform/CDKTF output',
  'terraform-json': 'terraform -json output',
  'python-traceback': 'a Python traceback',
  text: 'plain text (no known tool framing)',
};

/**
 * Exit codes (frozen): 0 nothing left to do, 1 something remains, 2 usage/input/internal error.
 * Something remains when a finding is not fixed (or already fixed), or when the log shows a
 * failure no signature recognised: a failed deploy never exits 0. A warning nothing recognised
 * is listed but is not a failure, so it does not make the run exit 1.
 */
export function exitCodeOf(report: Report): 0 | 1 {
  const open = report.findings.some((f) => !f.fix || (f.fix.status !== 'applied' && f.fix.status !== 'already-fixed'));
  const failure = report.unclassified.some((u) => u.severity !== 'warning');
  return open || failure ? 1 : 0;
}
