// What real bytes do to reading a log: every log fixture gives the same findings when its line
// breaks are CR alone, when it is UTF-16 (with and without a byte-order mark), when a stray
// invalid byte sits in it, and when it was cut in the middle of a character. A binary file is
// still refused, naming the line. Chunk boundaries never change what is read.
import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { beforeAll, describe, expect, test } from '@jest/globals';
import { Classifier } from '../src/classify/index.js';
import { bundledSignatureDir, loadCatalogue, type Signature } from '../src/classify/catalogue.js';
import { parseLines } from '../src/formats/index.js';
import { detectEncoding, readLines } from '../src/input/read.js';
import type { Line } from '../src/types.js';
import { runStackfix } from './helpers/cli.js';

const ROOT = path.resolve('__testfixtures__/logs');
const logs = [
  ...fs.readdirSync(ROOT, { withFileTypes: true }).filter((d) => d.isDirectory()).flatMap((d) =>
    fs.readdirSync(path.join(ROOT, d.name)).filter((f) => f.endsWith('.log')).map((f) => path.join(ROOT, d.name, f)),
  ),
  ...fs.readdirSync('examples').flatMap((d) =>
    fs.readdirSync(path.join('examples', d)).filter((f) => f.endsWith('.log')).map((f) => path.resolve('examples', d, f)),
  ),
];

let signatures: Signature[];
beforeAll(async () => {
  signatures = await loadCatalogue([bundledSignatureDir()]);
});

function stream(bytes: Buffer, chunk = 64 * 1024): Readable {
  const parts: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += chunk) parts.push(bytes.subarray(i, i + chunk));
  return Readable.from(parts);
}

/** The lines each event was read from (its span and the lines of its message). */
const eventLines = new WeakMap<object, Set<number>>();

async function analyse(bytes: Buffer) {
  const classifier = new Classifier(signatures);
  const stats = { source: 'x.log', lines: 0, bytes: 0 };
  const seen = new Set<number>();
  const { format } = await parseLines(readLines(stream(bytes), 'x.log', stats), (e) => {
    for (let n = e.span.startLine; n <= e.span.endLine; n++) seen.add(n);
    for (const l of e.lines) seen.add(l.lineNo);
    classifier.add(e);
  });
  const { findings, unclassified, unclassifiedCount } = classifier.result();
  for (const u of unclassified) seen.add(u.line);
  const result = {
    format,
    unclassifiedCount,
    findings: findings.map((f) => ({
      signature: f.signature.id,
      captures: f.captures,
      resources: f.occurrences.map((o) => o.resource),
      lines: f.occurrences.map((o) => o.line),
    })),
  };
  eventLines.set(result, seen);
  return result;
}

/** UTF-16 code units of a UTF-8 text, little- or big-endian. */
function utf16(text: string, bigEndian: boolean, bom: boolean): Buffer {
  const le = Buffer.from((bom ? '\ufeff' : '') + text, 'utf16le');
  if (bigEndian) le.swap16();
  return le;
}

/**
 * A stray byte that is not UTF-8 (0xFF), where a tool that printed one Latin-1 character would
 * leave it (a user name in a path, a localised progress message): in a line (no header) before
 * the first line any event or unclassified failure was read from (or else after the last), inside its
 * first JSON string value or quoted word, or at its end. A log that is all failure (a bare
 * traceback) gets a command line before it holding the byte; its lines move down by one.
 */
function strayByte(original: Buffer, avoid: Set<number>): { bytes: Buffer; moved: number } {
  const lines = original.toString('utf8').split('\n');
  const first = Math.min(...avoid, lines.length + 1);
  const last = Math.max(...avoid, 0);
  // Not a blank line nor a section header (`Diagnostics:`): those frame what follows them.
  const candidates = lines.map((l, i) => i + 1).filter((n) => !/^\s*$|:\s*$/.test(lines[n - 1]!) && (n < first - 1 || n > last + 1));
  const pick = candidates.find((n) => n < first) ?? candidates.at(-1);
  if (pick === undefined) return { bytes: Buffer.concat([Buffer.from('$ python -m unittest tests/test_infra.py # caf'), Buffer.from([0xff, 0x0a]), original]), moved: 1 };
  const line = lines[pick - 1]!;
  const value = line.indexOf('":"');
  const q = line.indexOf('"');
  const col = value >= 0 ? value + 3 : q >= 0 ? q + 1 : line.replace(/\r$/, '').length;
  const offset = Buffer.byteLength(lines.slice(0, pick - 1).map((l) => `${l}\n`).join('') + line.slice(0, col));
  return { bytes: Buffer.concat([original.subarray(0, offset), Buffer.from([0xff]), original.subarray(offset)]), moved: 0 };
}

describe('every log fixture reads the same whatever its bytes', () => {
  test('there are log fixtures to convert', () => {
    expect(logs.length).toBeGreaterThanOrEqual(100);
  });

  test.each(logs.map((l) => [path.relative(process.cwd(), l), l]))('%s', async (_name, file) => {
    const original = fs.readFileSync(file);
    const text = original.toString('utf8');
    const want = await analyse(original);
    const avoid = eventLines.get(want)!;

    // CR alone: the lone CRs a line already had (progress redraws) become line breaks too, so
    // the numbers of the lines after them move by as many.
    const lineStarts = text.split('\n').map((l) => (l.replace(/\r$/, '').match(/\r/g) ?? []).length);
    const shift = (n: number) => n + lineStarts.slice(0, n - 1).reduce((a, b) => a + b, 0);
    const crOnly = Buffer.from(text.replace(/\r?\n/g, '\r'));
    const crWant = { ...want, findings: want.findings.map((f) => ({ ...f, lines: f.lines.map(shift) })) };
    expect(await analyse(original)).toEqual(want);
    expect({ variant: 'CR-only', ...(await analyse(crOnly)) }).toEqual({ variant: 'CR-only', ...crWant });

    for (const [variant, bytes] of [
      ['UTF-16LE with BOM', utf16(text, false, true)],
      ['UTF-16LE without BOM', utf16(text, false, false)],
      ['UTF-16BE with BOM', utf16(text, true, true)],
      ['UTF-16LE cut after an odd byte', Buffer.concat([utf16(text.endsWith('\n') ? text : `${text}\n`, false, false), Buffer.from([0x3c])])],
      // The log ended while a line was being written, two bytes into `✅`.
      ['cut mid-character', Buffer.concat([original, Buffer.from(text.endsWith('\n') ? '' : '\n'), Buffer.from([0xe2, 0x9c])])],
    ] as const) {
      expect({ variant, ...(await analyse(bytes)) }).toEqual({ variant, ...want });
    }
    const stray = strayByte(original, avoid);
    const strayWant = { ...want, findings: want.findings.map((f) => ({ ...f, lines: f.lines.map((n) => n + stray.moved) })) };
    expect({ variant: 'a stray invalid byte', ...(await analyse(stray.bytes)) }).toEqual({ variant: 'a stray invalid byte', ...strayWant });
  });
});

async function lines(bytes: Buffer, chunk?: number): Promise<Array<[number, string]>> {
  const out: Array<[number, string]> = [];
  for await (const l of readLines(stream(bytes, chunk), 'in.log', { source: 'in.log', lines: 0, bytes: 0 }) as AsyncGenerator<Line>) out.push([l.lineNo, l.text]);
  return out;
}

describe('line breaks', () => {
  test('CR alone, LF and CRLF each end one line', async () => {
    expect(await lines(Buffer.from('a\rb\r\rc'))).toEqual([[1, 'a'], [2, 'b'], [3, ''], [4, 'c']]);
    expect(await lines(Buffer.from('a\r\nb\r\n\r\nc\r\n'))).toEqual([[1, 'a'], [2, 'b'], [3, ''], [4, 'c']]);
    expect(await lines(Buffer.from('a\nb\n\nc'))).toEqual([[1, 'a'], [2, 'b'], [3, ''], [4, 'c']]);
  });

  test('in a log with LF line breaks, each progress frame is read under its line number', async () => {
    const log = [
      'Uploading assets 10%\rUploading assets 60%\rUploading assets 100%',
      // The redraw clears the line after the error: the old reading kept only the empty last frame.
      'Error: Cannot find version 15.4 for postgres\r\x1b[K',
      '\r\x1b[2K',
      'done',
    ].join('\n');
    expect(await lines(Buffer.from(log))).toEqual([
      [1, 'Uploading assets 10%'],
      [1, 'Uploading assets 60%'],
      [1, 'Uploading assets 100%'],
      [2, 'Error: Cannot find version 15.4 for postgres'],
      [3, ''],
      [4, 'done'],
    ]);
  });

  test('a frame that repeats the one before it is read once', async () => {
    expect(await lines(Buffer.from('x\n⠋ deploying\r⠋ deploying\r⠙ deploying\n'))).toEqual([
      [1, 'x'],
      [2, '⠋ deploying'],
      [2, '⠙ deploying'],
    ]);
  });

  test('a log whose first line is longer than the sniffed start still learns its line breaks', async () => {
    const long = 'x'.repeat(20_000);
    expect((await lines(Buffer.from(`${long}\ra\rb`))).map(([n, t]) => [n, t.length])).toEqual([[1, 16 * 1024], [2, 1], [3, 1]]);
    expect((await lines(Buffer.from(`${long}\ra\nb`))).map(([n, t]) => [n, t.length])).toEqual([[1, 16 * 1024], [1, 1], [2, 1]]);
  });

  test('chunk boundaries change nothing: CRLF, characters and UTF-16 units split across chunks', async () => {
    const text = 'état: échec ✅\r\nline two 🚀\rframe\nthree\r\n\r\nlast ─ line\r';
    for (const bytes of [Buffer.from(text), utf16(text, false, true), utf16(text, true, true), utf16(text, false, false), utf16(text, true, false)]) {
      const whole = await lines(bytes);
      expect(whole.map(([, t]) => t)).toEqual(['état: échec ✅', 'line two 🚀', 'frame', 'three', '', 'last ─ line']);
      for (const chunk of [1, 2, 3, 5, 7]) expect(await lines(bytes, chunk)).toEqual(whole);
    }
  });

  test('a long line of redraws keeps its last frame, each frame capped on its own', async () => {
    const frames = Array.from({ length: 2000 }, (_, i) => `progress ${String(i).padStart(4, '0')} ${'='.repeat(20)}`);
    const got = await lines(Buffer.from(`npm ci\n${frames.join('\r')}\rError: the real failure\nnext\n`));
    expect(got.length).toBe(2003);
    expect(got.at(-2)).toEqual([2, 'Error: the real failure']);
    expect(got.at(-1)).toEqual([3, 'next']);
  });
});

describe('encodings and binary files', () => {
  test.each([
    ['UTF-16LE BOM', Buffer.from([0xff, 0xfe, 0x41, 0x00]), 'utf-16le'],
    ['UTF-16BE BOM', Buffer.from([0xfe, 0xff, 0x00, 0x41]), 'utf-16be'],
    ['UTF-8 BOM', Buffer.from([0xef, 0xbb, 0xbf, 0x41]), 'utf-8'],
    ['UTF-16LE without BOM', Buffer.from('Error: boom\r\n', 'utf16le'), 'utf-16le'],
    ['UTF-16BE without BOM', Buffer.from('Error: boom\r\n', 'utf16le').swap16(), 'utf-16be'],
    ['UTF-8 with box drawing', Buffer.from('╷\n│ Error: x\n╵\n'), 'utf-8'],
    ['too short to tell', Buffer.from([0x41, 0x00, 0x0a, 0x00]), 'utf-8'],
    ['an executable header', Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00]), 'utf-8'],
  ])('%s', (_name, bytes, want) => {
    expect(detectEncoding(bytes)).toBe(want);
  });

  test('a binary file is refused, naming the line where the control bytes start', async () => {
    await expect(lines(Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0x00, 0x00, 0x00]))).rejects.toThrow('in.log: looks like a binary file, not a deploy log (control bytes from line 1)');
    const gz = Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x03, 0x4b, 0x4c, 0x4a, 0x06, 0x00, 0xc2, 0x41, 0x24, 0x35, 0x03, 0x00, 0x00, 0x00]);
    const log = Buffer.concat([Buffer.from('Deploying OrdersStack\r\nsynth done\r\nuploading:\r\n'), gz, gz, gz]);
    await expect(lines(log)).rejects.toThrow('(control bytes from line 4)');
  });

  test('a stray NUL, or a block of them a crashed writer left, does not make a log binary and is dropped', async () => {
    const log = Buffer.concat([Buffer.from('Deploying OrdersStack\n'), Buffer.alloc(4096), Buffer.from('Error: Cannot find version 15.4 for postgres\nok\0\n')]);
    expect(await lines(log)).toEqual([[1, 'Deploying OrdersStack'], [2, 'Error: Cannot find version 15.4 for postgres'], [3, 'ok']]);
  });
});

describe('CLI', () => {
  const rds = 'Resource handler returned message: "Cannot find version 15.4 for postgres (Service: Rds, Status Code: 400, Request ID: 5b3c0f7e-1d2a-4c55-9e0f-2a7b8c9d0e1f)"';
  test('a Latin-1 byte in the log: read on, the failure found', () => {
    const dir = fs.mkdtempSync(path.join(fs.realpathSync(process.env.TMPDIR ?? '/tmp'), 'stackfix-bytes-'));
    try {
      const file = path.join(dir, 'deploy.log');
      fs.writeFileSync(file, Buffer.concat([Buffer.from('Déploiement: caf'), Buffer.from([0xe9]), Buffer.from(` échoué\n${rds}\n`)]));
      const r = runStackfix([file, '--project', dir, '--format', 'json']);
      expect(r.stderr).toBe('');
      expect(r.status).toBe(1);
      expect((JSON.parse(r.stdout) as { findings: Array<{ signature: string }> }).findings.map((f) => f.signature)).toEqual(['rds-engine-version-unavailable']);

      fs.writeFileSync(file, Buffer.from(`Deploying OrdersStack\r\n${rds}\r\n`, 'utf16le'));
      const u = runStackfix([file, '--project', dir, '--format', 'json']);
      expect(u.status).toBe(1);
      const report = JSON.parse(u.stdout) as { findings: Array<{ signature: string; occurrences: Array<{ line: number }> }> };
      expect(report.findings.map((f) => [f.signature, f.occurrences[0]!.line])).toEqual([['rds-engine-version-unavailable', 2]]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
