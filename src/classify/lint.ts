// Regexes in a catalogue run over untrusted log text: a pattern with catastrophic
// backtracking would hang stackfix on one crafted line. recheck proves each one safe (or not).
//
// recheck takes 0.05-3 s per pattern, so proving a catalogue of hundreds of patterns on every
// test run would cost minutes. Verdicts are kept in signatures/recheck-verdicts.json, keyed by a
// hash of the recheck version, the flags and the pattern source: an edited or new pattern has
// no entry and is checked again. `npm run lint:signatures` refreshes the file.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Signature } from './catalogue.js';

export interface LintProblem {
  file: string;
  field: string;
  status: string;
  attack?: string;
}

export interface Verdicts {
  /** key -> 'safe' (only safe verdicts are kept: anything else is checked every time). */
  [key: string]: 'safe';
}

export interface LintOptions {
  /** Proven-safe patterns; checked patterns found safe are added to it. */
  verdicts?: Verdicts;
}

let recheckVersion: string | undefined;
function version(): string {
  if (!recheckVersion) {
    const require = createRequire(import.meta.url);
    recheckVersion = (require('recheck/package.json') as { version: string }).version;
  }
  return recheckVersion;
}

export function verdictKey(source: string, flags: string): string {
  return createHash('sha256').update(`recheck@${version()}\u0000${flags}\u0000${source}`).digest('hex').slice(0, 32);
}

export function verdictsFile(signatureDir: string): string {
  return path.join(signatureDir, 'recheck-verdicts.json');
}

export function readVerdicts(file: string): Verdicts {
  try {
    const raw = JSON.parse(fs.readFileSync(file, 'utf8')) as { verdicts?: Verdicts };
    return raw.verdicts && typeof raw.verdicts === 'object' ? { ...raw.verdicts } : {};
  } catch {
    return {};
  }
}

export function writeVerdicts(file: string, verdicts: Verdicts): void {
  const sorted = Object.fromEntries(Object.entries(verdicts).sort(([a], [b]) => a.localeCompare(b)));
  fs.writeFileSync(file, `${JSON.stringify({ recheck: version(), verdicts: sorted }, null, 1)}\n`);
}

/** Every pattern of the signatures, as recheck sees it. */
export function patternsOf(sig: Signature): Array<{ field: string; source: string; flags: string }> {
  const fields = [
    ...sig.match.patterns.map((_, i) => `match.patterns[${i}]`),
    ...sig.match.extra.map((_, i) => `match.extra[${i}]`),
    ...sig.match.not.map((_, i) => `match.not[${i}]`),
    ...(sig.match.resources ?? []).map((_, i) => `match.resources[${i}]`),
  ];
  return [...sig.match.patterns, ...sig.match.extra, ...sig.match.not, ...(sig.match.resources ?? [])].map((re, i) => ({
    field: fields[i]!,
    source: re.source,
    flags: re.flags.replace('g', ''),
  }));
}

export async function lintSignatures(signatures: Signature[], options: LintOptions = {}): Promise<LintProblem[]> {
  const { check } = await import('recheck');
  const problems: LintProblem[] = [];
  for (const sig of signatures) {
    for (const p of patternsOf(sig)) {
      const key = verdictKey(p.source, p.flags);
      if (options.verdicts?.[key] === 'safe') continue;
      const result = await check(p.source, p.flags, { timeout: 10_000 });
      if (result.status === 'vulnerable') {
        problems.push({ file: sig.file, field: p.field, status: result.status, attack: result.attack?.pattern });
      } else if (result.status === 'safe' && options.verdicts) options.verdicts[key] = 'safe';
    }
  }
  return problems;
}
