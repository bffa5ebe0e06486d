// Edits are string ranges of the original text, applied once per file, back to front.
// Overlapping edits are a bug in the codemod, never something to resolve silently.

export interface Edit {
  start: number;
  end: number;
  text: string;
}

export function applyEdits(text: string, edits: readonly Edit[]): string {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  for (let i = 1; i < sorted.length; i++) {
    const prev = sorted[i - 1]!;
    const cur = sorted[i]!;
    // Two insertions at one point keep their given order; anything else touching is an overlap.
    if (cur.start < prev.end || (cur.start === prev.start && (cur.end > cur.start || prev.end > prev.start))) {
      throw new Error(`overlapping edits at ${prev.start}-${prev.end} and ${cur.start}-${cur.end}`);
    }
  }
  let out = text;
  for (let i = sorted.length - 1; i >= 0; i--) {
    const e = sorted[i]!;
    if (e.start < 0 || e.end > text.length || e.start > e.end) throw new Error(`edit out of range: ${e.start}-${e.end}`);
    out = out.slice(0, e.start) + e.text + out.slice(e.end);
  }
  return out;
}

/** Replace a node's text. */
export function replaceNode(node: { startIndex: number; endIndex: number }, text: string): Edit {
  return { start: node.startIndex, end: node.endIndex, text };
}
