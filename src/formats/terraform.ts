// Terraform / CDKTF text: `Error:` and `Warning:` diagnostics in the box style (`╷ │ ╵`) and
// the plain `-no-color` style, with `with <address>,` (the failing resource), `on <file> line
// <n>, in <context>:` (the source location; in CDKTF's generated cdk.tf.json the context names
// the resource instead) and the detail paragraph after the snippet, word-wrapped at 78 columns
// (joined back with single spaces). CDKTF's UI prefixes each line with `<stack>  `.
import type { Line } from '../types.js';
import { isCascade } from './cascade.js';
import { type Block, type Feed, type Recogniser, type Sink, IndentedMessage, MAX_BLOCK_LINES, indentOf, joinLines, span } from './block.js';

const HEAD = /^(?<box>│ ?)?(?<level>Error|Warning): (?<msg>.*)$/;
const WITH = /^\s+with (?<address>[\w.[\]"-]+),\s*$/;
const ON = /^\s+on (?<file>.+?) line (?<line>\d+)(?:, in (?<context>.*?))?:?\s*$/;
const SNIPPET = /^\s+\d+: /;
/** Under the snippet, the values of the expression it highlights: `├────`, `│ local.x is null`. */
const EXPRESSION_NOTE = /^\s+(?:[├└]─|│ )/;
/** `on <file> line <n>` inside a one-line paste of a diagnostic. */
const INLINE_ON = /\son (?<file>[^\s,]{1,300}\.tf(?:\.json)?) line (?<line>\d{1,7})\b/;
// A progress line names a resource address, which always has a dot (`aws_s3_bucket.logs`,
// `module.db.aws_db_instance.this[0]`): `Error: Creating ...` is a diagnostic, not progress.
const ADDRESS = String.raw`[\w-]+(?:\[[^\]]{0,200}\])?(?:\.[\w-]+(?:\[[^\]]{0,200}\])?){1,20}`;
const PROGRESS = new RegExp(String.raw`^${ADDRESS}(?: \([^)]{0,200}\))?: (?:Creating|Modifying|Destroying|Still|Creation complete|Modifications complete|Destruction complete|Refreshing state|Reading|Read complete|Importing|Import complete)`);
/** cdktf's ink UI: `<stack>  ` before Terraform's own output (`orders  ╷`, `orders  │ Error: ...`). */
const STACK_PREFIX = new RegExp(String.raw`^(?<stack>[A-Za-z][\w-]*) {2,}(?=[╷│╵]|(?:Error|Warning): |${ADDRESS}(?: \([^)]{0,200}\))?: (?:Creating|Modifying|Destroying|Still|Creation complete|Reading))`);
/**
 * Terraform before 0.12 listed errors as `* <address>: <message>` under `Error: Error applying
 * plan:` (and 0.12-0.14 print the same inside some diagnostics): the address reads like a
 * progress line's, the message is the provider's.
 */
const LEGACY_ITEM = new RegExp(String.raw`^\* (?<address>${ADDRESS}): (?<msg>(?!\d+ error\(s\) occurred:).+)$`);
/** `in resource.aws_s3_bucket.logs_bucket_1A2B3C4D.lifecycle_rule:` (JSON configuration syntax). */
const JSON_CONTEXT = /^resource\.(?<type>[a-z][a-z0-9_]*)\.(?<name>[\w-]+)/;
/** `in resource "aws_db_instance" "orders":`: the resource when no `with` line names it (before 0.15). */
const HCL_CONTEXT = /^resource "(?<type>[a-z][a-z0-9_]*)" "(?<name>[\w-]+)"/;

/** The resource type of an address: `module.db.aws_db_instance.this[0]` -> `aws_db_instance`. */
const typeOf = (address: string): string | undefined => /(?:^|\.)(?<type>[a-z][a-z0-9]*_[a-z0-9_]+)\.[^.]+$/.exec(address.replace(/\[[^\]]*\]/g, ''))?.groups?.type;

/** The CDKTF stack prefix, when the rest of the line is Terraform's. */
export function splitStackPrefix(text: string): { stack?: string; text: string } {
  // (two spaces follow every prefix: most lines are not tried against the pattern)
  const m = text.includes('  ') ? STACK_PREFIX.exec(text) : null;
  return m ? { stack: m.groups!.stack, text: text.slice(m[0].length) } : { text };
}

class TerraformBlock implements Block {
  private summary: Array<{ lineNo: number; text: string }> = [];
  private detail: Array<{ lineNo: number; text: string }> = [];
  private address: string | undefined;
  private location: { file: string; line: number } | undefined;
  private phase: 'summary' | 'context' | 'detail' = 'summary';
  private sawContext = false;
  private blanks = 0;
  private ended = false;

  constructor(
    private readonly first: Line,
    private readonly boxed: boolean,
    private readonly stack: string | undefined,
    msg: string,
    private readonly severity: 'error' | 'warning',
    private readonly sink: Sink,
  ) {
    this.summary.push({ lineNo: first.lineNo, text: msg });
  }

  feed(line: Line): Feed {
    if (this.ended) return 'done';
    let text = line.text;
    // cdktf prefixes a chunk of output and indents the chunk's other lines under the prefix;
    // another stack's prefix is another stack's output.
    const split = splitStackPrefix(text);
    if (split.stack !== undefined) {
      if (split.stack !== this.stack) return 'done';
      text = split.text;
    } else if (this.stack !== undefined && /^ +[│╵]/.test(text)) {
      // indented under the prefix (however wide cdktf padded it)
      text = text.trimStart();
    }
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
      // Plain style: the detail is one paragraph after the context; a blank after it ends the block.
      if (!this.boxed && this.phase === 'detail') return 'done';
      return !this.boxed && this.blanks > 2 ? 'done' : 'taken';
    }
    const w = WITH.exec(text);
    if (w && this.phase !== 'detail') {
      this.address = w.groups!.address;
      this.sink.saw('terraform-text');
      this.phase = 'context';
      this.sawContext = true;
      return 'taken';
    }
    const on = ON.exec(text);
    if (on && this.phase !== 'detail') {
      this.sawContext = true;
      const file = on.groups!.file!;
      const json = JSON_CONTEXT.exec(on.groups!.context ?? '');
      // cdk.tf.json is generated: the resource it names leads to the construct, not its line.
      if (/(?:^|[\\/])cdk\.tf\.json$/.test(file)) {
        if (json && !this.address) this.address = `${json.groups!.type}.${json.groups!.name}`;
      } else {
        this.location = { file, line: Number(on.groups!.line) };
        const hcl = HCL_CONTEXT.exec(on.groups!.context ?? '');
        if (hcl && !this.address) this.address = `${hcl.groups!.type}.${hcl.groups!.name}`;
      }
      this.sink.saw('terraform-text');
      this.phase = 'context';
      return 'taken';
    }
    if ((SNIPPET.test(text) || EXPRESSION_NOTE.test(text)) && this.phase === 'context') return 'taken';
    if (this.phase === 'summary') {
      this.summary.push({ lineNo: line.lineNo, text });
      return 'taken';
    }
    if (this.boxed || (this.sawContext && (this.phase === 'detail' || indentOf(text) === 0))) {
      this.phase = 'detail';
      this.detail.push({ lineNo: line.lineNo, text });
      return 'taken';
    }
    return 'done';
  }

  close(): void {
    const { message, lines } = joinLines([...this.summary, ...this.detail]);
    if (!message) return;
    lines[0]!.text = this.first.text;
    // Whether it restates another failure is the summary's to say: a detail paragraph may quote anything.
    const summary = joinLines(this.summary).message;
    const detail = joinLines(this.detail).message;
    // A bare `Error: x` with no box, stack prefix, `with`/`on` lines or detail is how many tools
    // print an error (Node, Go, scripts): read it as text, not as a Terraform diagnostic. A
    // diagnostic pasted onto one line still names its place (`... on main.tf line 12, in ...`).
    const inline = this.sawContext ? null : INLINE_ON.exec(summary);
    if (inline && !this.location && !/(?:^|[\\/])cdk\.tf\.json$/.test(inline.groups!.file!)) this.location = { file: inline.groups!.file!, line: Number(inline.groups!.line) };
    const framed = this.boxed || this.stack !== undefined || this.sawContext || this.detail.length > 0 || inline !== null;
    this.sink.emit({
      tool: framed ? 'terraform' : 'text',
      facts: framed ? { summary, ...(detail ? { detail: detail.length > 1000 ? `${detail.slice(0, 999)}…` : detail } : {}) } : undefined,
      status: this.severity,
      resourceId: this.address,
      resourceType: this.address ? typeOf(this.address) : undefined,
      stackName: this.stack,
      message,
      cascade: isCascade(summary) || undefined,
      severity: this.severity,
      span: span(this.first.source, lines, this.first.lineNo),
      lines,
      location: this.location,
    });
  }
}

const SKIP_ONE: Block = { feed: () => 'done', close() {} };

/** `<stack>  ╷` then the box indented under the prefix: the diagnostic starts on the next line. */
class PrefixedBox implements Block {
  private inner: TerraformBlock | undefined;
  constructor(
    private readonly stack: string,
    private readonly sink: Sink,
  ) {}
  feed(line: Line): Feed {
    if (this.inner) return this.inner.feed(line);
    const split = splitStackPrefix(line.text);
    const text = split.stack === this.stack ? split.text : /^ +[│╵]/.test(line.text) ? line.text.trimStart() : line.text;
    const m = HEAD.exec(text);
    if (!m || m.groups!.box === undefined) return 'done';
    this.inner = new TerraformBlock(line, true, this.stack, m.groups!.msg!, m.groups!.level === 'Warning' ? 'warning' : 'error', this.sink);
    return 'taken';
  }
  close(): void {
    this.inner?.close();
  }
}

export const recogniseTerraform: Recogniser = (line: Line, sink: Sink) => {
  const legacy = LEGACY_ITEM.exec(line.text);
  if (legacy) {
    sink.saw('terraform-text');
    // `* aws_db_instance.orders: 1 error(s) occurred:` only counts the items below it; an item
    // goes on over indented lines (Go SDK v1's `\tstatus code: 400, request id: ...`).
    const address = legacy.groups!.address!;
    return new IndentedMessage(line, legacy.groups!.msg!, (l) => /^\s/.test(l.text) && !LEGACY_ITEM.test(l.text.trim()), (message, lines) =>
      sink.emit({
        tool: 'terraform',
        status: 'error',
        resourceId: address,
        resourceType: typeOf(address),
        message,
        cascade: isCascade(message) || undefined,
        severity: 'error',
        span: span(line.source, lines, line.lineNo),
        lines,
      }),
    );
  }
  const { stack, text } = splitStackPrefix(line.text);
  if (text === '╷') {
    sink.saw('terraform-text');
    return stack ? new PrefixedBox(stack, sink) : SKIP_ONE;
  }
  if (text.includes(': ') && PROGRESS.test(text)) {
    sink.saw('terraform-text');
    return SKIP_ONE;
  }
  const m = HEAD.exec(text);
  if (!m) return undefined;
  const boxed = m.groups!.box !== undefined;
  if (boxed || stack) sink.saw('terraform-text');
  return new TerraformBlock(line, boxed, stack, m.groups!.msg!, m.groups!.level === 'Warning' ? 'warning' : 'error', sink);
};
