// Regexes in a catalogue run over untrusted log text: a pattern with catastrophic
// backtracking would hang stackfix on one crafted line. recheck proves each one safe (or not).
import type { Signature } from './catalogue.js';

export interface LintProblem {
  file: string;
  field: string;
  status: string;
  attack?: string;
}

export async function lintSignatures(signatures: Signature[]): Promise<LintProblem[]> {
  const { check } = await import('recheck');
  const problems: LintProblem[] = [];
  for (const sig of signatures) {
    const fields = [
      ...sig.match.patterns.map((_, i) => `match.patterns[${i}]`),
      ...sig.match.extra.map((_, i) => `match.extra[${i}]`),
      ...sig.match.not.map((_, i) => `match.not[${i}]`),
    ];
    const regexes = [...sig.match.patterns, ...sig.match.extra, ...sig.match.not];
    for (let i = 0; i < regexes.length; i++) {
      const re = regexes[i]!;
      const flags = re.flags.replace('g', '');
      const result = await check(re.source, flags, { timeout: 10_000 });
      if (result.status === 'vulnerable') {
        problems.push({ file: sig.file, field: fields[i]!, status: result.status, attack: result.attack?.pattern });
      }
    }
  }
  return problems;
}
