// `cdk deploy` text: the stack-events printer (`STACK | n/N | time | STATUS | Type | path
// (LogicalId) reason`), the `Failed resources:` recap (same row without progress), the
// errors-only/bar printers, the final ❌ line, and synth-time `[WARNING]` annotations.
// Resource rows and the toolkit's per-resource diagnosis are CloudFormation's events as cdk prints
// them (tool `cloudformation`, like describe-stack-events); the ❌ line, the chain of causes and
// synth warnings are the toolkit's own (tool `cdk`).
import type { Event, Line } from '../types.js';
import { isCascade } from './cascade.js';
import { type Block, type Feed, type Recogniser, type Sink, IndentedMessage, MAX_BLOCK_LINES, indentOf, joinLines, span } from './block.js';

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
const CROSS = /^\s*❌\s+(?:(?<stack>\S+) failed|Deployment failed|Synthesis failed|(?<other>\S.*?)):(?:\s+(?<msg>.*))?$/;
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
    tool: 'cloudformation',
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

/**
 * A failed bar row and its reason, on the indented line(s) below it. Copied from a terminal the
 * row and the reason are hard-wrapped at its width, from column 0: a row cut at that width
 * continues on the next line (the end of a logical id), and so does each reason line that fills
 * it (the next piece continues the word it cut).
 */
class BarFailure implements Block {
  private parts: Array<{ lineNo: number; text: string }> = [];
  private readonly width: number | undefined;
  private wrapped = false;
  private lastLength = 0;
  constructor(
    private readonly first: Line,
    private readonly status: string,
    private readonly type: string,
    private id: string | undefined,
    private readonly path: string | undefined,
    reason: string,
    private readonly sink: Sink,
  ) {
    if (reason) this.parts.push({ lineNo: first.lineNo, text: reason });
    // A row with no reason and no logical id in brackets may have been cut by the terminal.
    this.width = reason || !id || /\)$/.test(first.text.trimEnd()) ? undefined : first.text.length;
    this.lastLength = first.text.length;
  }
  feed(line: Line): Feed {
    const text = line.text;
    if (this.parts.length >= MAX_BLOCK_LINES || !text.trim() || BAR_ROW.test(text) || TRACE.test(text)) return 'done';
    if (indentOf(text) === 0) {
      if (text === 'Failed resources:' || ROW.test(text) || CROSS.test(text)) return 'done';
      // The reason is indented under the row; at column 0 only the terminal's wrapping puts it.
      if (this.width === undefined || (this.parts.length > 0 && !this.wrapped)) return 'done';
      if (this.parts.length === 0 && !this.wrapped && this.lastLength >= this.width && /^[A-Za-z0-9]{1,40}$/.test(text.trim())) {
        this.id = `${this.id ?? ''}${text.trim()}`;
        this.wrapped = true;
        this.lastLength = text.length;
        return 'taken';
      }
      const prev = this.parts[this.parts.length - 1];
      if (prev && this.lastLength >= this.width) prev.text += text;
      else this.parts.push({ lineNo: line.lineNo, text });
      this.wrapped = true;
      this.lastLength = text.length;
      return 'taken';
    }
    if (this.wrapped) return 'done';
    this.parts.push({ lineNo: line.lineNo, text });
    return 'taken';
  }
  close(): void {
    const { message, lines } = joinLines(this.parts);
    const row = { lineNo: this.first.lineNo, text: this.first.text, offset: 0 };
    // Evidence starts at the row: it names the resource. A failed row whose reason was not
    // printed still shows a failure: the row is its message.
    const evidence = !message ? [row] : lines[0]!.lineNo === this.first.lineNo ? [{ ...lines[0]!, text: this.first.text }, ...lines.slice(1)] : lines;
    this.sink.emit({
      tool: 'cloudformation',
      status: this.status,
      resourceType: this.type,
      resourceId: this.id,
      constructPath: this.path,
      message: message || this.first.text.trim(),
      cascade: (message && isCascade(message)) || undefined,
      severity: 'error',
      span: span(this.first.source, [row, ...lines.filter((l) => l.lineNo !== this.first.lineNo)], this.first.lineNo),
      lines: evidence,
    });
  }
}

/** A block of one line: the row was handled when recognised. */
const SKIP_ONE: Block = { feed: () => 'done', close() {} };

export const recogniseCross: Recogniser = (line: Line, sink: Sink) => {
  const m = CROSS.exec(line.text);
  if (!m) return undefined;
  sink.saw('cdk-text');
  let msg = (m.groups!.msg ?? '').replace(CROSS_PREFIX, '');
  const restated = STACK_FAILED.exec(msg);
  if (restated) msg = msg.slice(restated[0].length);
  const { message, lines } = joinLines([{ lineNo: line.lineNo, text: msg }]);
  if (lines[0]) lines[0].text = line.text;
  const event: Event = {
    tool: 'cdk',
    status: 'failed',
    stackName: m.groups!.stack,
    message,
    // The ❌ line restates the stack's failure reasons: it adds occurrences, never a cause.
    cascade: restated !== null || isCascade(message) || undefined,
    severity: 'error',
    span: span(line.source, lines, line.lineNo),
    lines,
  };
  // `Resource updates failed:`, `ChangeSet 'x' on stack 'y' failed early validation:`: the
  // failures follow, one per resource (the toolkit's diagnosis); the line itself is only a heading.
  if (message.endsWith(':') && !restated) return new DiagnosisBlock(m.groups!.stack, sink, event);
  // `‣` lines below it give the chain of causes.
  if (!message) return new ChainAfterCross(m.groups!.stack, sink, event);
  sink.emit(event);
  return SKIP_ONE;
};

/** A ❌ line with no message of its own: the `‣` chain under it, or the line itself. */
class ChainAfterCross implements Block {
  private chain: ChainBlock | undefined;
  constructor(
    private readonly stack: string | undefined,
    private readonly sink: Sink,
    private readonly opener: Event,
  ) {}
  feed(line: Line): Feed {
    if (this.chain) return this.chain.feed(line);
    if (!CHAIN.test(line.text)) return 'done';
    this.chain = new ChainBlock(line, this.stack, this.sink);
    return 'taken';
  }
  close(): void {
    if (this.chain) this.chain.close();
    else this.sink.emit({ ...this.opener, message: this.opener.lines[0]?.text.trim() ?? '' });
  }
}

/** `[WARNING] aws-cdk-lib.aws_ecr.RepositoryProps#autoDeleteImages is deprecated.` + indented lines. */
export const recogniseCdkWarning: Recogniser = (line: Line, sink: Sink) => {
  const m = WARNING.exec(line.text);
  if (!m) return undefined;
  sink.saw('cdk-text');
  const path = m.groups!.path;
  return new IndentedMessage(line, m.groups!.msg!, (l) => indentOf(l.text) >= 2, (message, lines) =>
    sink.emit({ tool: 'cdk', status: 'warning', constructPath: path, message, severity: 'warning', span: span(line.source, lines, line.lineNo), lines }),
  );
};

// The toolkit's diagnosis of a failed deploy (`cdk deploy` since the toolkit learned to
// diagnose, and `cdk diagnose`). It follows `❌ Stack <name>:` or a ❌ line whose message is only
// a heading (`❌  Orders failed: DeploymentError: Resource updates failed:`), in three layouts:
//   - a tree: ` └─ <stack>`, `     ├─ <construct>`, `     │   └─ <id>  (<Type> <LogicalId>)`,
//     then `🛑 <message>` (wrapped lines indented under it) and `Source Location: <frame>` with
//     further frames aligned below (library and Node frames elided as `...x in aws-cdk-lib...`);
//   - flat: `<constructPath>  (<Type> <LogicalId>)` from column 0, the message indented below;
//   - the early-validation list: `  - <reason> (at <ValidationPath>)`.
// Headings (`Resource updates failed:`, `Early validation failed for change set x:`) may sit at
// column 0. Each resource is one event with its logical id, construct path and source location.
const DIAGNOSIS_HEAD = /^\s*❌\s+Stack (?<stack>[\w-]+):\s*$/;
const DIAGNOSIS_RESOURCE = new RegExp(String.raw`^(?<path>\S+)\s{2,}\((?<type>${TYPE}) (?<id>[A-Za-z][A-Za-z0-9]*)\)\s*$`);
/** Tree drawing before a line's text: `│   └─ `, `├─ `, `│      `. */
const TREE = /^[ │├└─]*/;
const SOURCE_LOCATION = /^Source Location:\s*(?<frame>.*)$/;
const HEADING = /^[A-Z][^:]{0,200}:\s*$/;
const VALIDATION_ITEM = /^- (?<reason>.+?)(?: \(at (?<path>\/[^()]{1,500})\))?$/;
const AT_PATH = /\s\(at (?<path>\/[^()]{1,500})\)$/;
const NOT_USER_FRAME = /[\\/]node_modules[\\/]|^node:|^internal[\\/]/;

interface DiagnosedResource {
  head: Line;
  depth: number;
  path: string;
  type?: string;
  id?: string;
  parts: Array<{ lineNo: number; text: string }>;
  location?: { file: string; line: number };
  inSource: boolean;
  /** A blank line ends the message; what follows (CloudWatch log lines the toolkit adds) is not part of it. */
  ended: boolean;
}

class DiagnosisBlock implements Block {
  private current: DiagnosedResource | undefined;
  /** Tree nodes above the current line: depth of the node's text and its name. */
  private nodes: Array<{ depth: number; name: string }> = [];
  private emitted = 0;

  constructor(
    private readonly stack: string | undefined,
    private readonly sink: Sink,
    /** The ❌ line that opened the block: the event when no resource follows it. */
    private readonly opener?: Event,
  ) {}

  feed(line: Line): Feed {
    const text = line.text;
    if (!text.trim()) {
      if (this.current?.parts.length) this.current.ended = true;
      return 'taken';
    }
    const prefix = TREE.exec(text)![0];
    const content = text.slice(prefix.length).trimEnd();
    const marker = prefix.search(/[├└]─/);
    const node = marker !== -1;
    // A tree node's children (its message, its source location) are indented past its marker.
    const depth = node ? marker : prefix.length;
    const res = DIAGNOSIS_RESOURCE.exec(content);
    if (res) {
      this.flush();
      const g = res.groups!;
      this.nodes = this.nodes.filter((n) => n.depth < depth);
      // A tree names one segment per level; the flat layout prints the whole path.
      const path = g.path!.includes('/') || !node ? g.path! : [...this.nodes.map((n) => n.name), g.path!].join('/');
      this.current = { head: line, depth, path, type: g.type, id: g.id, parts: [], inSource: false, ended: false };
      return 'taken';
    }
    if (node) {
      this.flush();
      this.nodes = this.nodes.filter((n) => n.depth < depth);
      this.nodes.push({ depth, name: content });
      return 'taken';
    }
    const item = depth > 0 ? VALIDATION_ITEM.exec(content) : null;
    if (item && (!this.current || depth <= this.current.depth)) {
      this.flush();
      // `/Resources/<LogicalId>/Properties/...` names the resource.
      const id = /^\/Resources\/(?<id>[A-Za-z][A-Za-z0-9]*)/.exec(item.groups!.path ?? '')?.groups?.id;
      this.current = { head: line, depth, path: '', id, parts: [{ lineNo: line.lineNo, text: content.slice(2) }], inSource: false, ended: false };
      return 'taken';
    }
    if (depth === 0) {
      this.flush();
      return HEADING.test(content) ? 'taken' : 'done';
    }
    const cur = this.current;
    if (!cur) return 'taken'; // a heading under the ❌ line
    if (depth <= cur.depth && !content.startsWith('🛑')) {
      this.flush();
      return HEADING.test(content) ? 'taken' : 'taken';
    }
    const source = SOURCE_LOCATION.exec(content);
    if (source) {
      cur.inSource = true;
      this.frame(cur, source.groups!.frame!);
      return 'taken';
    }
    if (cur.inSource) {
      this.frame(cur, content);
      return 'taken';
    }
    if (cur.ended) return 'taken';
    const msg = content.replace(/^🛑\s*/, '');
    if (cur.parts.length < MAX_BLOCK_LINES) cur.parts.push({ lineNo: line.lineNo, text: msg });
    return 'taken';
  }

  private frame(cur: DiagnosedResource, text: string): void {
    if (cur.location) return;
    const m = FRAME_FILE.exec(text.trim());
    const file = m?.groups?.file;
    if (file && !NOT_USER_FRAME.test(file)) cur.location = { file, line: Number(m.groups!.line) };
  }

  private flush(): void {
    const cur = this.current;
    this.current = undefined;
    if (!cur) return;
    const { message, lines } = joinLines(cur.parts);
    if (!message) return;
    const validationPath = AT_PATH.exec(message)?.groups?.path;
    this.emitted++;
    this.sink.emit({
      tool: 'cloudformation',
      status: 'failed',
      stackName: this.stack,
      resourceType: cur.type,
      resourceId: cur.id,
      constructPath: cur.path || undefined,
      message,
      cascade: isCascade(message) || undefined,
      severity: 'error',
      span: { source: cur.head.source, startLine: cur.head.lineNo, endLine: lines[lines.length - 1]?.lineNo ?? cur.head.lineNo },
      // Evidence starts at the resource line: it names the resource.
      lines: [{ ...lines[0]!, lineNo: cur.head.lineNo, text: cur.head.text }, ...lines.slice(1)],
      location: cur.location,
      ...(validationPath ? { facts: { validationPath } } : {}),
    });
  }

  close(): void {
    this.flush();
    if (!this.emitted && this.opener) this.sink.emit(this.opener);
  }
}

export const recogniseCdkDiagnosis: Recogniser = (line: Line, sink: Sink) => {
  const m = DIAGNOSIS_HEAD.exec(line.text);
  if (!m) return undefined;
  sink.saw('cdk-text');
  return new DiagnosisBlock(m.groups!.stack!, sink);
};

// The toolkit prints a failure's whole chain of causes, one `‣ <name>: <message>` line per
// level: the stack's failure, the toolkit's reason, then the service's error. Every level but the
// last restates the one below it.
const CHAIN = /^\s*‣\s+(?<msg>\S.*)$/;

class ChainBlock implements Block {
  private links: Line[] = [];
  constructor(
    first: Line,
    private readonly stack: string | undefined,
    private readonly sink: Sink,
  ) {
    this.links.push(first);
  }
  feed(line: Line): Feed {
    if (!CHAIN.test(line.text) || this.links.length >= MAX_BLOCK_LINES) return 'done';
    this.links.push(line);
    return 'taken';
  }
  close(): void {
    this.links.forEach((link, i) => {
      const msg = CHAIN.exec(link.text)!.groups!.msg!.replace(CROSS_PREFIX, '');
      const { message, lines } = joinLines([{ lineNo: link.lineNo, text: msg }]);
      if (!message) return;
      lines[0]!.text = link.text;
      this.sink.emit({
        tool: 'cdk',
        status: 'failed',
        stackName: this.stack,
        message,
        cascade: i < this.links.length - 1 || isCascade(message) || undefined,
        severity: 'error',
        span: span(link.source, lines, link.lineNo),
        lines,
      });
    });
  }
}

export const recogniseCdkChain: Recogniser = (line: Line, sink: Sink) => {
  if (!CHAIN.test(line.text)) return undefined;
  sink.saw('cdk-text');
  return new ChainBlock(line, undefined, sink);
};
