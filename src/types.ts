// Shared types of the pipeline: read -> parse -> classify -> locate -> fix -> review -> report.

/** One normalised input line (ANSI, Pulumi colour directives and CR already stripped). */
export interface Line {
  source: string;
  lineNo: number;
  text: string;
  /**
   * A CI annotation the line carried before its prefix was removed (GitHub Actions and Azure
   * Pipelines `##[error]`, `::error file=...,line=...::`): a structural failure marker.
   */
  annotation?: Annotation;
}

export interface Annotation {
  level: 'error' | 'warning';
  /** `file=` and `line=` of a workflow command. */
  file?: string;
  line?: number;
}

export interface Span {
  source: string;
  startLine: number;
  endLine: number;
}

/** A failure (or warning) as a format adapter understood it, framing removed. */
export interface Event {
  /** Whose message it is: CloudFormation's events are `cloudformation` whether the AWS CLI or cdk printed them. */
  tool: 'cloudformation' | 'cdk' | 'pulumi' | 'terraform' | 'python' | 'text';
  /** CREATE_FAILED, **creating failed**, error, warning ... as printed. */
  status?: string;
  resourceType?: string;
  /** CloudFormation logical id, Pulumi resource name (from the URN), Terraform address. */
  resourceId?: string;
  constructPath?: string;
  stackName?: string;
  /** The provider's own message, continuation lines joined with spaces. */
  message: string;
  /** Set by adapters for events that only restate or follow from another failure. */
  cascade?: boolean;
  severity?: 'error' | 'warning';
  /**
   * A plain paragraph whose only sign of failure is a word (failed, invalid, cannot) with no
   * marker of its own: listed as a failure only when it is all its input holds (a message
   * pasted on its own), never in a log where such words fill notices and help texts.
   */
  weak?: boolean;
  span: Span;
  /** The original lines the message was built from; offset is where each starts in message. */
  lines: EventLine[];
  location?: { file: string; line: number };
  /**
   * Facts the log states in a structured field rather than in the message (describe-events
   * `ValidationPath`, a Terraform diagnostic's summary and detail): a generic signature that
   * declares a capture of the same name gets it when its pattern did not set it; any signature
   * that declares `summary`, `validationName` or `hookType` gets those; `validationPath` is kept
   * on every finding.
   */
  facts?: Record<string, string>;
}

export interface EventLine {
  lineNo: number;
  text: string;
  offset: number;
}

export type Captures = Record<string, string | string[]>;

export type FixStatus = 'proposed' | 'applied' | 'already-fixed' | 'not-found' | 'refused';

/** What the log tells about the failing resource; codemods use it to pick the right node. */
export interface ResourceHint {
  /** CloudFormation logical id or Pulumi resource name or Terraform address. */
  id?: string;
  type?: string;
  constructPath?: string;
}

export interface Occurrence {
  source: string;
  line: number;
  text: string;
  resource?: string;
  resourceType?: string;
  constructPath?: string;
  cascade?: boolean;
  /** The source location the log names for this occurrence (traceback frame, `on file line`, a construct's trace). */
  location?: { file: string; line: number };
}
