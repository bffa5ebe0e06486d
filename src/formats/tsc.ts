// TypeScript compiler diagnostics, as `tsc`, `ts-node` (cdk synth's TSError) and `tsc --pretty`
// print them:
//   lib/stack.ts(12,5): error TS2561: Object literal may only specify known properties, ...
//   lib/stack.ts:12:5 - error TS2561: Object literal may only specify known properties, ...
// followed by indented continuation lines of a chained message, or (pretty) a code frame
// (`12     keyPolicy: doc,` and a `~~~~` underline). The event's message starts at `error TSnnnn:`
// and its location is the file and line the compiler names.
import type { Line } from '../types.js';
import { type Block, type Feed, type Recogniser, type Sink, MAX_BLOCK_LINES, indentOf, joinLines, span } from './block.js';

const HEAD = /^(?:TSError: ⨯ Unable to compile TypeScript:\s*)?(?<file>[^\s():][^():]{0,500}?\.(?:tsx?|mts|cts))(?:\((?<line>\d+),(?<col>\d+)\): |:(?<pline>\d+):(?<pcol>\d+) - )(?<level>error|warning) (?<msg>TS\d+: .*)$/;
const FRAME = /^\s*\d+\s|^\s*~+\s*$/;

class TscBlock implements Block {
  private parts: Array<{ lineNo: number; text: string }> = [];
  private blanks = 0;
  private framed = false;
  private closed = false;

  constructor(
    private readonly first: Line,
    private readonly location: { file: string; line: number },
    private readonly severity: 'error' | 'warning',
    msg: string,
    private readonly sink: Sink,
  ) {
    this.parts.push({ lineNo: first.lineNo, text: `${severity} ${msg}` });
  }

  feed(line: Line): Feed {
    // The next diagnostic, also when the list is indented (under Pulumi's `Diagnostics:`).
    if (HEAD.test(line.text.trim()) || this.parts.length >= MAX_BLOCK_LINES) return 'done';
    if (!line.text.trim()) {
      // Pretty output: a blank line, the code frame, a blank line.
      return ++this.blanks <= 2 && (this.blanks === 1 || this.framed) ? 'taken' : 'done';
    }
    if (FRAME.test(line.text) && this.blanks > 0) {
      this.framed = true;
      return 'taken';
    }
    // A chained message's next link, indented under the first.
    if (this.blanks === 0 && indentOf(line.text) > 0) {
      this.parts.push({ lineNo: line.lineNo, text: line.text });
      return 'taken';
    }
    return 'done';
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    const { message, lines } = joinLines(this.parts);
    this.sink.emit({
      tool: 'text',
      status: this.severity,
      message,
      severity: this.severity,
      span: span(this.first.source, lines, this.first.lineNo),
      lines,
      location: this.location,
    });
  }
}

export const recogniseTsc: Recogniser = (line: Line, sink: Sink): Block | undefined => {
  const m = HEAD.exec(line.text.trim());
  if (!m) return undefined;
  const g = m.groups!;
  return new TscBlock(line, { file: g.file!, line: Number(g.line ?? g.pline) }, g.level as 'error' | 'warning', g.msg!, sink);
};
