// `pulumi up` / `pulumi preview` text: streaming rows that carry an `error:`, the resource
// table, and the `Diagnostics:` section (resource headers, `error:`/`warning:` messages with
// their continuation lines, and Python tracebacks inside, with or without Pulumi's legacy
// `error: ` prefix on every line).
import type { Event, Line } from '../types.js';
import { isCascade } from './cascade.js';
import { type Block, type Feed, type Recogniser, type Sink, MAX_BLOCK_LINES, indentOf, joinLines, span } from './block.js';
import { TracebackBlock } from './python.js';
import { recogniseTsc } from './tsc.js';

const TYPE = String.raw`[\w.-]+:[\w/.-]+:[\w.-]+`;
const STREAM_ERROR = new RegExp(String.raw`^\s*[-+~=<>]*\s*(?<type>${TYPE})\s+(?<name>\S+)\s+(?<status>.*?)\s*error: (?<msg>.*)$`);
// Resource rows (tree and streaming, any status) and the table header carry no message.
const TABLE_ROW = new RegExp(String.raw`^\s*[-+~=<>]*\s*(?:[├└│]─\s*)?(?<type>${TYPE})\s+\S+|^\s+Type\s+Name\s+(?:Status|Plan)\b`);
const HEADER = new RegExp(String.raw`^  (?<type>${TYPE}) \((?<name>[^)]+)\):$`);
const DIAG_MESSAGE = /^\s{4}(?<level>error|warning): ?(?<msg>.*)$/;
const TRACEBACK = /^Traceback \(most recent call last\):\s*$/;
const BANNER = /^(?:Updating|Previewing update|Destroying|Refreshing|Previewing destroy) \([\w./-]+\):?$/;

type Framing = Pick<Event, 'resourceType' | 'resourceId'>;

/** One `error:` message and its continuation lines. */
class MessageCollector {
  parts: Array<{ lineNo: number; text: string }> = [];
  constructor(
    readonly first: Line,
    msg: string,
    readonly severity: 'error' | 'warning',
    readonly framing: Framing,
  ) {
    this.parts.push({ lineNo: first.lineNo, text: msg });
  }
  add(line: Line): void {
    if (this.parts.length < MAX_BLOCK_LINES) this.parts.push({ lineNo: line.lineNo, text: line.text });
  }
  emit(sink: Sink): void {
    const { message, lines } = joinLines(this.parts);
    if (!message) return;
    lines[0]!.text = this.first.text;
    sink.emit({
      tool: 'pulumi',
      status: this.severity,
      ...this.framing,
      message,
      cascade: isCascade(message) || undefined,
      severity: this.severity,
      span: span(this.first.source, lines, this.first.lineNo),
      lines,
    });
  }
}

/** A streaming row with an inline error; continuation lines are indented. */
class StreamBlock implements Block {
  constructor(
    private readonly collector: MessageCollector,
    private readonly sink: Sink,
    private readonly repeat = false,
  ) {}
  feed(line: Line): Feed {
    if (line.text.trim() && indentOf(line.text) >= 4 && !STREAM_ERROR.test(line.text)) {
      this.collector.add(line);
      return 'taken';
    }
    return 'done';
  }
  close(): void {
    if (!this.repeat) this.collector.emit(this.sink);
  }
}

class DiagnosticsBlock implements Block {
  private framing: Framing = {};
  private current: MessageCollector | undefined;
  private traceback: TracebackBlock | undefined;
  /** ts-node's `TSError: ⨯ Unable to compile TypeScript:` lists compiler diagnostics with their file and line. */
  private tsc: Block | undefined;

  constructor(private readonly sink: Sink) {}

  private flush(): void {
    this.current?.emit(this.sink);
    this.current = undefined;
  }

  feed(line: Line): Feed {
    if (this.traceback) {
      if (this.traceback.feed(line) === 'taken') return 'taken';
      this.traceback = undefined;
    }
    if (this.tsc) {
      if (this.tsc.feed(line) === 'taken') return 'taken';
      this.tsc.close();
      this.tsc = undefined;
    }
    const text = line.text;
    if (!text.trim()) {
      this.flush();
      return 'taken';
    }
    if (indentOf(text) === 0) return 'done';
    const header = HEADER.exec(text);
    if (header) {
      this.flush();
      this.framing = { resourceType: header.groups!.type, resourceId: header.groups!.name };
      return 'taken';
    }
    const diag = DIAG_MESSAGE.exec(text);
    if (diag) {
      const msg = diag.groups!.msg!;
      this.flush();
      if (TRACEBACK.test(msg)) {
        // Legacy Pulumi prints `error: ` before every line of the traceback.
        this.traceback = new TracebackBlock(line, 0, this.sink, stripLegacy, this.frameFraming());
        return 'taken';
      }
      this.current = new MessageCollector(line, msg, diag.groups!.level as 'error' | 'warning', this.framing);
      return 'taken';
    }
    if (TRACEBACK.test(text.trim())) {
      this.flush();
      this.traceback = new TracebackBlock(line, indentOf(text), this.sink, (t) => t, this.frameFraming());
      return 'taken';
    }
    const tsc = recogniseTsc(line, this.sink);
    if (tsc) {
      this.flush();
      this.tsc = tsc;
      return 'taken';
    }
    this.current?.add(line);
    return 'taken';
  }

  /** A traceback under the stack's own header has no resource: the program itself failed. */
  private frameFraming(): Partial<Event> {
    const stack = this.framing.resourceType === 'pulumi:pulumi:Stack';
    return stack ? { tool: 'pulumi' } : { tool: 'pulumi', ...this.framing };
  }

  close(): void {
    this.tsc?.close();
    this.flush();
  }
}

function stripLegacy(text: string): string | undefined {
  const m = /^\s{4}error: ?(.*)$/.exec(text);
  return m ? m[1] : undefined;
}

export const recognisePulumi: Recogniser = (line: Line, sink: Sink) => {
  const text = line.text;
  if (text === 'Diagnostics:') {
    sink.saw('pulumi-text');
    return new DiagnosticsBlock(sink);
  }
  const stream = STREAM_ERROR.exec(text);
  if (stream) {
    sink.saw('pulumi-text');
    const g = stream.groups!;
    // `**creating failed** error: ...` repeats the message of the row before it.
    if (/\*\*/.test(text.slice(0, text.indexOf(' error: ')))) return new StreamBlock(new MessageCollector(line, g.msg!, 'error', {}), sink, true);
    return new StreamBlock(new MessageCollector(line, g.msg!, 'error', { resourceType: g.type, resourceId: g.name }), sink);
  }
  if (TABLE_ROW.test(text) || BANNER.test(text)) {
    sink.saw('pulumi-text');
    return { feed: () => 'done', close() {} };
  }
  return undefined;
};
