// `cdk deploy` text: the stack-events printer (`STACK | n/N | time | STATUS | Type | path
// (LogicalId) reason`), the `Failed resources:` recap (same row without progress), the
// errors-only/bar printers, the final ❌ line, and synth-time `[WARNING]` annotations.
import type { Event, Line } from '../types.js';
import { isCascade } from './cascade.js';
import { type Block, type Feed, type Recogniser, type Sink, MAX_BLOCK_LINES, indentOf, joinLines, span } from './block.js';

// Times are the runner's locale (`4:48:03 PM`, `16:48:03`, `4:48:03 p.m.`).
const TIME = String.raw`\d{1,2}:\d\d:\d\d(?:\s?(?:[AaPp]\.?[Mm]\.?))?`;
const TYPE = String.raw`[A-Za-z0-9]+(?:::[A-Za-z0-9]+)+`;
// The status column is padded, and truncated to 20 characters by the events printer.
const ROW = new RegExp(
  String.raw`^(?<stack>[\w-]+) \| +(?:\d+\/\d+ \| +)?(?:(?<time>${TIME}) \| +)?(?<status>[A-Z][A-Z_]{2,}) *\| (?<type>${TYPE}) *\| (?<rest>.*)$`,
);
// The bar printer (a TTY): `  12:58:26 PM | CREATE_FAILED | AWS::Logs::LogGroup | path`, the
// reason on the next line, indented; the path is shortened to 40 characters (`Orders...Group`).
const BAR_ROW = new RegExp(String.raw`^\s*(?<time>${TIME}) \| (?<status>[A-Z][A-Z_]{2,}) *\| (?<type>${TYPE}) *\| (?<rest>.*)$`);
/** Construct trace lines the events printer adds under a failed row (`\t<frame>`, `\t\\_ <frame>`). */
const TRACE = /^\t(?:\\_ )?\S/;
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
  const bar = BAR_ROW.exec(line.text);
  if (bar) {
    sink.saw('cdk-text');
    const g = bar.groups!;
    const target = TARGET.exec(g.rest!.trim())?.groups ?? {};
    if (!/_FAIL/.test(g.status!)) return SKIP_ONE;
    // Without a logical id the column is the construct path (or the id itself), maybe shortened.
    const path = target.id || (target.path?.includes('/') && !target.path.includes('...')) ? target.path : undefined;
    return new BarFailure(line, g.status!, g.type!, target.id ?? target.path, path, (target.reason ?? '').trim(), sink);
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
  if (!((failed || stackRollback) && reason)) return SKIP_ONE;
  const { message, lines } = joinLines([{ lineNo: line.lineNo, text: reason }]);
  lines[0]!.text = line.text;
  const event: Event = {
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
  };
  return new TracedRow(event, sink);
};

/** `(/path/lib/stack.ts:21:22)` or `at /path/lib/stack.ts:21:22` at the end of a trace frame. */
const FRAME_FILE = /\(?(?<file>(?:[A-Za-z]:)?[^\s():]+\.(?:[cm]?[jt]s|py)):(?<line>\d+)(?::\d+)?\)?\s*$/;

/**
 * A failed row and the construct trace the events printer puts under it (`\t<frame>`,
 * `\t\\_ <frame>`, with CDK_DEBUG or --debug): the first frame outside node_modules is where
 * the construct was created, the source location of the failing resource.
 */
class TracedRow implements Block {
  constructor(
    private readonly event: Event,
    private readonly sink: Sink,
  ) {}
  feed(line: Line): Feed {
    if (!TRACE.test(line.text)) return 'done';
    if (!this.event.location) {
      const m = FRAME_FILE.exec(line.text);
      const file = m?.groups?.file;
      if (file && !/[\\/]node_modules[\\/]|^node:|^internal[\\/]/.test(file)) this.event.location = { file, line: Number(m.groups!.line) };
    }
    return 'taken';
  }
  close(): void {
    this.sink.emit(this.event);
  }
}

/** A failed bar row and its reason, on the indented line(s) below it. */
class BarFailure implements Block {
  private parts: Array<{ lineNo: number; text: string }> = [];
  constructor(
    private readonly first: Line,
    private readonly status: string,
    private readonly type: string,
    private readonly id: string | undefined,
    private readonly path: string | undefined,
    reason: string,
    private readonly sink: Sink,
  ) {
    if (reason) this.parts.push({ lineNo: first.lineNo, text: reason });
  }
  feed(line: Line): Feed {
    if (this.parts.length >= MAX_BLOCK_LINES || !line.text.trim() || BAR_ROW.test(line.text) || TRACE.test(line.text)) return 'done';
    // The reason is indented under the row; a line at column 0 is something else.
    if (indentOf(line.text) === 0) return 'done';
    this.parts.push({ lineNo: line.lineNo, text: line.text });
    return 'taken';
  }
  close(): void {
    const { message, lines } = joinLines(this.parts);
    if (!message) return;
    // Evidence starts at the row: it names the resource.
    const all = [{ lineNo: this.first.lineNo, text: this.first.text, offset: 0 }, ...lines.filter((l) => l.lineNo !== this.first.lineNo)];
    this.sink.emit({
      tool: 'cdk',
      status: this.status,
      resourceType: this.type,
      resourceId: this.id,
      constructPath: this.path,
      message,
      cascade: isCascade(message) || undefined,
      severity: 'error',
      span: span(this.first.source, all, this.first.lineNo),
      lines: lines.length && lines[0]!.lineNo === this.first.lineNo ? [{ ...lines[0]!, text: this.first.text }, ...lines.slice(1)] : lines,
    });
  }
}

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

// The toolkit's diagnosis (`cdk diagnose`, and the text a failed `cdk deploy` raises since the
// toolkit learned to diagnose): `❌ Stack <name>:`, a heading such as `Resource updates failed:`,
// then per resource `<constructPath>  (<Type> <LogicalId>)` with its message indented below and
// an optional `Source Location:` list of frames.
const DIAGNOSIS_HEAD = /^\s*❌\s+Stack (?<stack>[\w-]+):\s*$/;
const DIAGNOSIS_RESOURCE = new RegExp(String.raw`^(?<indent>\s*)(?<path>\S+)\s{2,}\((?<type>${TYPE}) (?<id>[A-Za-z][A-Za-z0-9]*)\)\s*$`);
const SOURCE_LOCATION = /^\s*Source Location:\s*$/;

class DiagnosisBlock implements Block {
  private current: { head: Line; indent: number; path: string; type: string; id: string; parts: Array<{ lineNo: number; text: string }>; location?: { file: string; line: number }; inSource: boolean } | undefined;
  constructor(
    private readonly stack: string,
    private readonly sink: Sink,
  ) {}
  feed(line: Line): Feed {
    const text = line.text;
    if (!text.trim()) return 'taken';
    if (indentOf(text) === 0) {
      this.flush();
      return 'done';
    }
    const res = DIAGNOSIS_RESOURCE.exec(text);
    if (res) {
      this.flush();
      const g = res.groups!;
      this.current = { head: line, indent: g.indent!.length, path: g.path!, type: g.type!, id: g.id!, parts: [], inSource: false };
      return 'taken';
    }
    const cur = this.current;
    if (!cur) return 'taken'; // headings such as `Resource updates failed:`
    if (indentOf(text) <= cur.indent) {
      this.flush();
      return 'taken';
    }
    if (SOURCE_LOCATION.test(text)) {
      cur.inSource = true;
      return 'taken';
    }
    if (cur.inSource) {
      const m = FRAME_FILE.exec(text);
      const file = m?.groups?.file;
      if (!cur.location && file && !/[\\/]node_modules[\\/]|^node:|^internal[\\/]/.test(file)) cur.location = { file, line: Number(m.groups!.line) };
      return 'taken';
    }
    if (cur.parts.length < MAX_BLOCK_LINES) cur.parts.push({ lineNo: line.lineNo, text });
    return 'taken';
  }
  private flush(): void {
    const cur = this.current;
    this.current = undefined;
    if (!cur) return;
    const { message, lines } = joinLines(cur.parts);
    if (!message) return;
    this.sink.emit({
      tool: 'cdk',
      status: 'failed',
      stackName: this.stack,
      resourceType: cur.type,
      resourceId: cur.id,
      constructPath: cur.path,
      message,
      cascade: isCascade(message) || undefined,
      severity: 'error',
      span: { source: cur.head.source, startLine: cur.head.lineNo, endLine: lines[lines.length - 1]?.lineNo ?? cur.head.lineNo },
      lines: [{ ...lines[0]!, text: lines[0]!.text }, ...lines.slice(1)],
      location: cur.location,
    });
  }
  close(): void {
    this.flush();
  }
}

export const recogniseCdkDiagnosis: Recogniser = (line: Line, sink: Sink) => {
  const m = DIAGNOSIS_HEAD.exec(line.text);
  if (!m) return undefined;
  sink.saw('cdk-text');
  return new DiagnosisBlock(m.groups!.stack!, sink);
};
