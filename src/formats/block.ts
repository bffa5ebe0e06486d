// The text adapters share one driver (text.ts): logs interleave formats (a `cdk deploy` run
// prints synth warnings, a Python traceback, then stack events), so every line is offered to
// the open block first and, when that block is done, to each format's recogniser in turn.
import type { Event, EventLine, Line } from '../types.js';

/** What an open block answers for a line: consumed, or done (and the line goes elsewhere). */
export type Feed = 'taken' | 'done';

export interface Block {
  feed(line: Line): Feed;
  /** Called once when the block is done or the input ends. */
  close(): void;
}

export type FormatName = 'cdk-text' | 'pulumi-text' | 'terraform-text' | 'python-traceback' | 'text' | 'cfn-json';

export interface Sink {
  emit(event: Event): void;
  /** Records which format's framing was seen; the input's reported format is the strongest. */
  saw(format: FormatName): void;
}

/** Tries to open a block at this line; undefined when the line is not this format's. */
export type Recogniser = (line: Line, sink: Sink) => Block | undefined;

/** Builds an event message from its lines: trimmed, joined by single spaces, offsets kept. */
export function joinLines(parts: Array<{ lineNo: number; text: string }>): { message: string; lines: EventLine[] } {
  let message = '';
  const lines: EventLine[] = [];
  for (const p of parts) {
    const text = p.text.trim();
    if (!text) continue;
    if (message) message += ' ';
    lines.push({ lineNo: p.lineNo, text: p.text, offset: message.length });
    message += text;
  }
  return { message, lines };
}

export function span(source: string, lines: EventLine[], fallback: number): Event['span'] {
  const first = lines[0]?.lineNo ?? fallback;
  const last = lines[lines.length - 1]?.lineNo ?? fallback;
  return { source, startLine: first, endLine: last };
}

/** Lines a block keeps are capped: a runaway block must not hold the log in memory. */
export const MAX_BLOCK_LINES = 60;

/**
 * A message that starts on one line and goes on over the lines the format indents under it
 * (cdk's `[WARNING]` blocks, Terraform's legacy `* <address>:` items): `emit` builds the event
 * from the joined message, its first line being the whole first line of the log.
 */
export class IndentedMessage implements Block {
  private parts: Array<{ lineNo: number; text: string }> = [];
  constructor(
    private readonly first: Line,
    msg: string,
    private readonly continues: (line: Line) => boolean,
    private readonly emit: (message: string, lines: EventLine[]) => void,
  ) {
    this.parts.push({ lineNo: first.lineNo, text: msg });
  }
  feed(line: Line): Feed {
    if (this.parts.length >= MAX_BLOCK_LINES || !line.text.trim() || !this.continues(line)) return 'done';
    this.parts.push({ lineNo: line.lineNo, text: line.text });
    return 'taken';
  }
  close(): void {
    const { message, lines } = joinLines(this.parts);
    if (!message) return;
    lines[0]!.text = this.first.text;
    this.emit(message, lines);
  }
}

export const indentOf = (text: string): number => text.length - text.trimStart().length;
