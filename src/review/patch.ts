// Unified diffs in the shape `git apply` and review tools expect: `diff --git a/p b/p`,
// `--- a/p`, `+++ b/p`, hunks with three lines of context.
import { structuredPatch } from 'diff';

export function filePatch(rel: string, before: string, after: string): string {
  const p = structuredPatch(`a/${rel}`, `b/${rel}`, before, after, undefined, undefined, { context: 3 });
  const out = [`diff --git a/${rel} b/${rel}`, `--- a/${rel}`, `+++ b/${rel}`];
  for (const h of p.hunks) {
    const oldStart = h.oldLines === 0 ? h.oldStart - 1 : h.oldStart;
    const newStart = h.newLines === 0 ? h.newStart - 1 : h.newStart;
    out.push(`@@ -${oldStart},${h.oldLines} +${newStart},${h.newLines} @@`);
    out.push(...h.lines);
  }
  return `${out.join('\n')}\n`;
}

/** The header `git apply` skips: which signature, the evidence line and why the change fixes it. */
export function patchHeader(lines: string[]): string {
  return lines.map((l) => `# ${l.replace(/\s+/g, ' ').trim()}`).join('\n') + '\n';
}
