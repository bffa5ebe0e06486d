// Terraform / CDKTF text: `Error:` and `Warning:` diagnostics in the box style (`╷ │ ╵`) and
// the plain `-no-color` style, with `with <address>,` (the failing resource), `on <file> line
// <n>` (the source location) and, in the box style, the detail paragraph after the snippet.
import type { Line } from '../types.js';
import { isCascade } from './cascade.js';
import { type Block, type Feed, type Recogniser, type Sink, MAX_BLOCK_LINES, indentOf, joinLines, span } from './block.js';

const HEAD = /^(?<box>│ ?)?(?<level>Error|Warning): (?<msg>.*)$/;
const WITH = /^\s+with (?<address>[\w.[\]"-]+),\s*$/;
const ON = /^\s+on (?<file>.+?) line (?<line>\d+)(?:, in .*)?:?\s*$/;
const SNIPPET = /^\s+\d+: /;
const PROGRESS = /^[\w.[\]"-]+: (?:Creating|Modifying|Destroying|Still|Creation complete|Modifications complete|Destruction complete|Refreshing state|Reading)/;

class TerraformBlock implements Block {
  private summary: Array<{ lineNo: number; text: string }> = [];
  private detail: Array<{ lineNo: number; text: string }> = [];
  private address: string | undefined;
  private location: { file: string; line: number } | undefined;
  private phase: 'summary' | 'context' | 'detail' = 'summary';
  private blanks = 0;

  constructor(
    private readonly first: Line,
    private readonly boxed: boolean,
    msg: string,
    private readonly severity: 'error' | 'warning',
    private readonly sink: Sink,
  ) {
    this.summary.push({ lineNo: first.lineNo, text: msg });
  }

  feed(line: Line): Feed {
    if (this.ended) return 'done';
    let text = line.text;
    if (this.boxed) {
      if (text.startsWith('╵')) {
        this.ended = true;
        return 'taken';
      }
      if (!text.startsWith('│')) return 'done';
      text = text.replace(/^│ ?/, '');
      if (HEAD.test(text)) return 'done';
    } else if (HEAD.test(text) || PROGRESS.test(text)) {
      return 'done';
    }
    if (this.summary.length + this.detail.length >= MAX_BLOCK_LINES) return this.boxed ? 'taken' : 'done';
    if (!text.trim()) {
      this.blanks++;
      if (this.phase === 'summary') this.phase = 'context';
      // Plain style ends after the context lines; the box style is ended by ╵.
      return !this.boxed && this.blanks > 2 ? 'done' : 'taken';
    }
    const w = WITH.exec(text);
    if (w && this.phase !== 'detail') {
      this.address = w.groups!.address;
      this.sink.saw('terraform-text');
      this.phase = 'context';
      return 'taken';
    }
    const on = ON.exec(text);
    if (on && this.phase !== 'detail') {
      this.location = { file: on.groups!.file!, line: Number(on.groups!.line) };
      this.sink.saw('terraform-text');
      this.phase = 'context';
      return 'taken';
    }
    if (SNIPPET.test(text) && this.phase === 'context') return 'taken';
    if (this.phase === 'summary') {
      this.summary.push({ lineNo: line.lineNo, text });
      return 'taken';
    }
    if (!this.boxed && indentOf(text) === 0) return 'done';
    if (this.boxed) {
      this.phase = 'detail';
      this.detail.push({ lineNo: line.lineNo, text });
      return 'taken';
    }
    return 'done';
  }

  private ended = false;

  close(): void {
    const { message, lines } = joinLines([...this.summary, ...this.detail]);
    if (!message) return;
    lines[0]!.text = this.first.text;
    this.sink.emit({
      tool: 'terraform',
      status: this.severity,
      resourceId: this.address,
      message,
      cascade: isCascade(message) || undefined,
      severity: this.severity,
      span: span(this.first.source, lines, this.first.lineNo),
      lines,
      location: this.location,
    });
  }
}

export const recogniseTerraform: Recogniser = (line: Line, sink: Sink) => {
  if (line.text === '╷') {
    sink.saw('terraform-text');
    return { feed: () => 'done', close() {} };
  }
  if (PROGRESS.test(line.text)) {
    sink.saw('terraform-text');
    return { feed: () => 'done', close() {} };
  }
  const m = HEAD.exec(line.text);
  if (!m) return undefined;
  const boxed = m.groups!.box !== undefined;
  if (boxed) sink.saw('terraform-text');
  return new TerraformBlock(line, boxed, m.groups!.msg!, m.groups!.level === 'Warning' ? 'warning' : 'error', sink);
};
