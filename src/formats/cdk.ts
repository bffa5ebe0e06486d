// `cdk deploy` text: the stack-events printer (`STACK | n/N | time | STATUS | Type | path
// (LogicalId) reason`), the `Failed resources:` recap (same row without progress), the
// errors-only/bar printers, the final ❌ line, and synth-time `[WARNING]` annotations.
import type { Line } from '../types.js';
import { isCascade } from './cascade.js';
import { type Block, type Feed, type Recogniser, type Sink, MAX_BLOCK_LINES, indentOf, joinLines, span } from './block.js';

// The status column is padded, and truncated to 20 characters by the events printer.
const ROW =
  /^(?<stack>[\w-]+) \| +(?:\d+\/\d+ \| +)?(?:(?<time>\d{1,2}:\d\d:\d\d(?: ?[AP]M)?) \| +)?(?<status>[A-Z][A-Z_]{2,}) *\| (?<type>[A-Za-z0-9]+(?:::[A-Za-z0-9]+)+) *\| (?<rest>.*)$/;
const TARGET = /^(?<path>\S+)(?: \((?<id>[^()\s]+)\))?(?: (?<reason>.*))?$/;
const CROSS = /^\s*❌\s+(?:(?<stack>\S+) failed|Deployment failed|Synthesis failed|(?<other>\S.*?)):\s+(?<msg>.*)$/;
const CROSS_PREFIX = /^(?:_?ToolkitError|Error|ValidationError|DeploymentError|AssemblyError):\s+/;
const STACK_FAILED = /^The stack named \S+ failed (?:creation|to deploy|update|deletion)[^:]*?: (?:[A-Z_]+: )?/;
const WARNING = /^\[(?:WARNING|Warning at (?<path>[^\]]+))\]\s+(?<msg>.*)$/;

export const recogniseCdkRow: Recogniser = (line: Line, sink: Sink) => {
  if (line.text === 'Failed resources:') {
    sink.saw('cdk-text');
    return SKIP_ONE;
  }
  const row = ROW.exec(line.text);
  if (!row) return undefined;
  sink.saw('cdk-text');
  const g = row.groups!;
  const status = g.status!;
  const target = TARGET.exec(g.rest!)?.groups ?? {};
  const reason = (target.reason ?? '').trim();
  const failed = /_FAIL/.test(status);
  const stackRollback = /ROLLBACK/.test(status) && isCascade(reason);
  if ((failed || stackRollback) && reason) {
    const { message, lines } = joinLines([{ lineNo: line.lineNo, text: reason }]);
    lines[0]!.text = line.text;
    sink.emit({
      tool: 'cdk',
      status,
      stackName: g.stack,
      resourceType: g.type,
      resourceId: target.id ?? target.path,
      constructPath: target.id ? target.path : undefined,
      message,
      cascade: isCascade(reason) || undefined,
      severity: 'error',
      span: span(line.source, lines, line.lineNo),
      lines,
    });
  }
  return SKIP_ONE;
};

/** A block of one line: the row was handled when recognised. */
const SKIP_ONE: Block = { feed: () => 'done', close() {} };

export const recogniseCross: Recogniser = (line: Line, sink: Sink) => {
  const m = CROSS.exec(line.text);
  if (!m) return undefined;
  sink.saw('cdk-text');
  let msg = m.groups!.msg!.replace(CROSS_PREFIX, '');
  const restated = STACK_FAILED.exec(msg);
  if (restated) msg = msg.slice(restated[0].length);
  const { message, lines } = joinLines([{ lineNo: line.lineNo, text: msg }]);
  if (lines[0]) lines[0].text = line.text;
  sink.emit({
    tool: 'cdk',
    status: 'failed',
    stackName: m.groups!.stack,
    message,
    // The ❌ line restates the stack's failure reasons: it adds occurrences, never a cause.
    cascade: restated !== null || isCascade(message) || undefined,
    severity: 'error',
    span: span(line.source, lines, line.lineNo),
    lines,
  });
  return SKIP_ONE;
};

/** `[WARNING] aws-cdk-lib.aws_ecr.RepositoryProps#autoDeleteImages is deprecated.` + indented lines. */
class WarningBlock implements Block {
  private parts: Array<{ lineNo: number; text: string }> = [];
  constructor(
    private readonly first: Line,
    private readonly path: string | undefined,
    msg: string,
    private readonly sink: Sink,
  ) {
    this.parts.push({ lineNo: first.lineNo, text: msg });
  }
  feed(line: Line): Feed {
    if (line.text.trim() && indentOf(line.text) >= 2 && this.parts.length < MAX_BLOCK_LINES) {
      this.parts.push({ lineNo: line.lineNo, text: line.text });
      return 'taken';
    }
    return 'done';
  }
  close(): void {
    const { message, lines } = joinLines(this.parts);
    lines[0]!.text = this.first.text;
    this.sink.emit({
      tool: 'cdk',
      status: 'warning',
      constructPath: this.path,
      message,
      severity: 'warning',
      span: span(this.first.source, lines, this.first.lineNo),
      lines,
    });
  }
}

export const recogniseCdkWarning: Recogniser = (line: Line, sink: Sink) => {
  const m = WARNING.exec(line.text);
  if (!m) return undefined;
  sink.saw('cdk-text');
  return new WarningBlock(line, m.groups!.path, m.groups!.msg!, sink);
};
