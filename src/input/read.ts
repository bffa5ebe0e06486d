// read: stream files or stdin as normalised lines. Memory stays bounded by the longest
// line (capped), never by the size of the log.
import fs from 'node:fs';
import type { Readable } from 'node:stream';
import { UserError } from '../errors.js';
import type { Line } from '../types.js';
import { normaliseLine } from './normalise.js';

/** Longer lines are cut: no real error message is this long, and it bounds regex work. */
export const MAX_LINE = 16 * 1024;

export interface InputStats {
  source: string;
  lines: number;
  bytes: number;
}

export async function* readLines(stream: Readable, source: string, stats: InputStats): AsyncGenerator<Line> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let pending = '';
  let pendingTooLong = false;
  let lineNo = 0;
  let first = true;
  const found: { annotation?: Line['annotation'] } = {};
  const emit = (raw: string): Line => {
    lineNo++;
    found.annotation = undefined;
    const line: Line = { source, lineNo, text: normaliseLine(raw, found) };
    if (found.annotation) line.annotation = found.annotation;
    return line;
  };
  for await (const chunk of stream) {
    const buf = chunk as Buffer;
    stats.bytes += buf.length;
    if (first) {
      first = false;
      if (looksBinary(buf)) throw new UserError(`${source}: looks like a binary file, not a deploy log`);
    }
    let text: string;
    try {
      text = decoder.decode(buf, { stream: true });
    } catch {
      throw new UserError(`${source}: is not valid UTF-8 text (line ${lineNo + 1})`);
    }
    let start = 0;
    for (;;) {
      const nl = text.indexOf('\n', start);
      if (nl === -1) break;
      const piece = text.slice(start, nl);
      const raw = pendingTooLong ? pending : (pending + piece).slice(0, MAX_LINE);
      pending = '';
      pendingTooLong = false;
      yield emit(raw);
      start = nl + 1;
    }
    if (!pendingTooLong) {
      pending += text.slice(start);
      if (pending.length > MAX_LINE) {
        pending = pending.slice(0, MAX_LINE);
        pendingTooLong = true;
      }
    }
  }
  try {
    pending += pendingTooLong ? '' : decoder.decode();
  } catch {
    throw new UserError(`${source}: is not valid UTF-8 text (line ${lineNo + 1})`);
  }
  if (pending.length > 0) yield emit(pending.slice(0, MAX_LINE));
  stats.lines = lineNo;
}

function looksBinary(buf: Buffer): boolean {
  const n = Math.min(buf.length, 8000);
  for (let i = 0; i < n; i++) if (buf[i] === 0) return true;
  return false;
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
