// read: stream files or stdin as normalised lines. Memory stays bounded by the longest
// line (capped), never by the size of the log.
//
// Real logs are not clean UTF-8 with LF line breaks: a tool prints one byte of Latin-1, a CI
// job is cut in the middle of a character, Windows PowerShell redirects in UTF-16, an old Mac
// tool ends lines with CR alone, and progress bars redraw a line with a lone CR. None of that
// rejects a log; only a file that is really binary does.
import fs from 'node:fs';
import type { Readable } from 'node:stream';
import { TextDecoder } from 'node:util';
import { UserError } from '../errors.js';
import type { Line } from '../types.js';
import { normaliseLine } from './normalise.js';

/** Longer lines are cut: no real error message is this long, and it bounds regex work. */
export const MAX_LINE = 16 * 1024;
/** The start of a log that decides its encoding, whether it is binary, and its line breaks. */
const HEAD_BYTES = 8 * 1024;

export interface InputStats {
  source: string;
  lines: number;
  bytes: number;
}

export type LogEncoding = 'utf-8' | 'utf-16le' | 'utf-16be';

/**
 * The encoding of a log from its first bytes: a byte-order mark, or else the NUL pattern of
 * UTF-16 written without one (mostly-ASCII text has every other byte zero: Windows PowerShell's
 * `>` and Out-File, a UTF-16 log cut or appended to, `cmd /u`). Everything else is read as UTF-8.
 */
export function detectEncoding(head: Uint8Array): LogEncoding {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return 'utf-8';
  if (head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
  if (head[0] === 0xfe && head[1] === 0xff) return 'utf-16be';
  const pairs = Math.floor(Math.min(head.length, HEAD_BYTES) / 2);
  if (pairs < 2) return 'utf-8';
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < pairs * 2; i += 2) {
    if (head[i] === 0) evenZero++;
    if (head[i + 1] === 0) oddZero++;
  }
  // Two units in five ASCII is enough (box drawing and CJK have no zero byte); the other
  // column must be nearly free of zeros (U+2500 `─` puts one there, binary files put many).
  const utf16 = (zero: number, other: number) => zero >= 4 && zero * 5 >= pairs * 2 && other * 8 < zero;
  if (utf16(oddZero, evenZero)) return 'utf-16le';
  if (utf16(evenZero, oddZero)) return 'utf-16be';
  return 'utf-8';
}

/** Streaming text decoder: invalid bytes become U+FFFD, a character split between chunks is joined. */
class Decoder {
  private readonly inner: TextDecoder;
  /** UTF-16BE is decoded as swapped UTF-16LE (no ICU needed); an odd byte waits for its pair. */
  private carry: number | undefined;

  constructor(private readonly encoding: LogEncoding) {
    this.inner = new TextDecoder(encoding === 'utf-8' ? 'utf-8' : 'utf-16le', { fatal: false });
  }

  decode(buf: Uint8Array): string {
    if (this.encoding !== 'utf-16be') return this.inner.decode(buf, { stream: true });
    const bytes = this.carry === undefined ? buf : Buffer.concat([Uint8Array.of(this.carry), buf]);
    const even = bytes.length - (bytes.length % 2);
    this.carry = even < bytes.length ? bytes[even] : undefined;
    const swapped = Buffer.from(bytes.subarray(0, even));
    swapped.swap16();
    return this.inner.decode(swapped, { stream: true });
  }

  /**
   * The end of the log. What the decoder still holds is the start of a character the log was
   * cut in the middle of (a job killed while it printed): dropped, like the rest of that
   * character, so a cut log reads as the text before the cut.
   */
  end(): void {
    this.inner.decode();
    this.carry = undefined;
  }
}

/**
 * Control characters no text log has: NUL and C0 codes other than tab, line breaks, form feed,
 * backspace, BEL and ESC (which terminals and progress bars use), and DEL.
 */
function isControl(c: number): boolean {
  return (c < 0x20 && !(c >= 0x07 && c <= 0x0d) && c !== 0x1b) || c === 0x7f;
}

/**
 * The 1-based line of the first control character when the decoded start of a log is binary
 * (an executable, an archive, an image: 1 in 10 bytes of compressed data is such a control
 * code), else undefined. A stray control byte in a text log does not make it binary, nor does
 * a run of NULs (a block a crashed writer had allocated): a run counts once.
 */
function binaryFrom(text: string): number | undefined {
  let controls = 0;
  let first = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (isControl(c) && !(c === 0 && i > 0 && text.charCodeAt(i - 1) === 0)) {
      controls++;
      if (first < 0) first = i;
    }
  }
  if (controls < 2 || controls * 50 <= text.length) return undefined;
  const before = text.slice(0, first);
  const breaks = before.includes('\n') ? before.split('\n').length : before.split('\r').length;
  return breaks;
}

/**
 * Splits decoded text into lines. LF and CRLF end a line. A lone CR ends a line too in a log
 * that uses CR alone as its line break (decided from its start: no LF there); in a log with LF
 * line breaks a lone CR is a progress redraw, and each frame it separates becomes a line of its
 * own under the same line number (the number an editor and the CI page show), so nothing a
 * redraw covered is lost. Empty frames and a frame that repeats the previous one are dropped;
 * a physical line still yields at least one (possibly empty) line, so blank lines still
 * separate paragraphs.
 */
class LineSplitter {
  private lineNo = 1;
  private pending = '';
  private tooLong = false;
  private crMode: boolean | undefined;
  private crPending = false;
  private lastFrame: string | undefined;
  private lineHasOutput = false;
  /** The number of the last line emitted. */
  lastLine = 0;

  constructor(private readonly source: string) {}

  /** Decides the line-break convention from the start of the log, when it shows one. */
  sniff(head: string): void {
    if (head.includes('\n')) this.crMode = false;
    else if (head.includes('\r')) this.crMode = true;
  }

  /** Appends the lines `text` completes to `out` (an array per chunk: cheaper than a generator per line). */
  push(text: string, out: Line[]): void {
    let i = 0;
    if (this.crPending) {
      this.crPending = false;
      if (text.length === 0) {
        this.crPending = true;
        return;
      }
      if (text.charCodeAt(0) === 10) {
        this.endLine(out);
        i = 1;
      } else this.loneCR(text, 0, out);
    }
    const n = text.length;
    // The next LF and CR at or after i, each searched again only once passed (-1: none left).
    let lf = text.indexOf('\n', i);
    let cr = text.indexOf('\r', i);
    while (i < n) {
      if (lf !== -1 && lf < i) lf = text.indexOf('\n', i);
      if (cr !== -1 && cr < i) cr = text.indexOf('\r', i);
      const j = lf === -1 ? (cr === -1 ? n : cr) : cr === -1 ? lf : Math.min(lf, cr);
      this.append(text, i, j);
      if (j === n) break;
      if (text.charCodeAt(j) === 10) {
        this.endLine(out);
        i = j + 1;
      } else if (j + 1 === n) {
        this.crPending = true;
        i = n;
      } else if (text.charCodeAt(j + 1) === 10) {
        this.endLine(out);
        i = j + 2;
      } else {
        this.loneCR(text, j + 1, out);
        i = j + 1;
      }
    }
  }

  end(out: Line[]): void {
    if (this.crPending) {
      this.crPending = false;
      this.loneCR('', 0, out);
    }
    if (this.pending.length > 0 || this.tooLong) this.endLine(out);
  }

  private append(text: string, from: number, to: number): void {
    if (this.tooLong || from === to) return;
    this.pending += text.slice(from, to);
    if (this.pending.length > MAX_LINE) {
      this.pending = this.pending.slice(0, MAX_LINE);
      this.tooLong = true;
    }
  }

  /** A CR not followed by LF; `rest` from `at` is what follows it in this chunk. */
  private loneCR(rest: string, at: number, out: Line[]): void {
    // A log whose start showed no line break at all: an LF later on means CR is a redraw.
    if (this.crMode === undefined) this.crMode = rest.indexOf('\n', at) === -1;
    if (this.crMode) this.endLine(out);
    else this.endFrame(out);
  }

  /** The CI annotation (`##[error]`, `::error file=...::`) of the text `take()` last returned. */
  private readonly found: { annotation?: Line['annotation'] } = {};

  private take(): string {
    this.found.annotation = undefined;
    const text = normaliseLine(this.pending, this.found);
    this.pending = '';
    this.tooLong = false;
    return text;
  }

  private line(text: string): Line {
    this.lastLine = this.lineNo;
    const line: Line = { source: this.source, lineNo: this.lineNo, text };
    if (this.found.annotation) line.annotation = this.found.annotation;
    return line;
  }

  private endFrame(out: Line[]): void {
    const text = this.take();
    if (text === '' || text === this.lastFrame) return;
    this.lastFrame = text;
    this.lineHasOutput = true;
    out.push(this.line(text));
  }

  private endLine(out: Line[]): void {
    const text = this.take();
    if (text === '' ? !this.lineHasOutput : text !== this.lastFrame) out.push(this.line(text));
    else this.lastLine = this.lineNo;
    this.lineNo++;
    this.lastFrame = undefined;
    this.lineHasOutput = false;
  }
}

export async function* readLines(stream: Readable, source: string, stats: InputStats): AsyncGenerator<Line> {
  const splitter = new LineSplitter(source);
  let decoder: Decoder | undefined;
  let head: Buffer[] = [];
  let headBytes = 0;
  /** Decodes the start of the log once enough of it is here, refusing a binary file. */
  const open = (): string => {
    const bytes = Buffer.concat(head);
    head = [];
    decoder = new Decoder(detectEncoding(bytes));
    const text = decoder.decode(bytes);
    const line = binaryFrom(text);
    if (line !== undefined) throw new UserError(`${source}: looks like a binary file, not a deploy log (control bytes from line ${line})`);
    splitter.sniff(text);
    return text;
  };
  let out: Line[] = [];
  for await (const chunk of stream) {
    const buf = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    stats.bytes += buf.length;
    if (decoder) splitter.push(decoder.decode(buf), out);
    else {
      head.push(buf);
      headBytes += buf.length;
      if (headBytes >= HEAD_BYTES) splitter.push(open(), out);
    }
    if (out.length) {
      const lines = out;
      out = [];
      for (const line of lines) yield line;
    }
  }
  if (!decoder) splitter.push(open(), out);
  decoder!.end();
  splitter.end(out);
  for (const line of out) yield line;
  stats.lines = splitter.lastLine;
}

export function openInput(path: string): { stream: Readable; source: string } {
  if (path === '-') return { stream: process.stdin, source: '<stdin>' };
  let st: fs.Stats;
  try {
    st = fs.statSync(path);
  } catch {
    throw new UserError(`${path}: no such file`);
  }
  if (st.isDirectory()) throw new UserError(`${path}: is a directory, expected a log file`);
  try {
    fs.accessSync(path, fs.constants.R_OK);
  } catch {
    throw new UserError(`${path}: cannot be read (permission denied)`);
  }
  return { stream: fs.createReadStream(path, { highWaterMark: 256 * 1024 }), source: path };
}
