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
  unclassified: Array<{ source: string; line: number; text: string }>;
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

/** Exit codes (frozen): 0 nothing left to do, 1 findings remain, 2 usage/input/internal error. */
export function exitCodeOf(report: Report): 0 | 1 {
  const open = report.findings.filter((f) => !f.fix || (f.fix.status !== 'applied' && f.fix.status !== 'already-fixed'));
  return open.length ? 1 : 0;
}
