// Which lines of a pull request a review comment may be placed on: GitHub accepts a comment
// (and a suggestion) only on the RIGHT side of one hunk of the PR's diff, from its first to its
// last line, both in the same hunk. The `patch` of each entry of "list pull request files" is
// that diff; a file without one (binary, too large) takes no comments.

export interface Hunk {
  /** First and last line of the hunk in the new file (RIGHT side). */
  start: number;
  end: number;
}

const HEADER = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@/;

export function rightHunks(patch: string | undefined): Hunk[] {
  if (!patch) return [];
  const out: Hunk[] = [];
  for (const line of patch.split('\n')) {
    const m = HEADER.exec(line);
    if (!m) continue;
    const start = Number(m[1]);
    const count = m[2] === undefined ? 1 : Number(m[2]);
    if (count > 0) out.push({ start, end: start + count - 1 });
  }
  return out;
}

/** True when lines start..end lie inside one hunk. */
export function insideOneHunk(hunks: Hunk[], start: number, end: number): boolean {
  return hunks.some((h) => h.start <= start && end <= h.end);
}
