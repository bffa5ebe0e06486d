// --format patch: only the combined unified diff of every proposed (or applied) fix, each file
// once from its text on disk to its text after all fixes, paths relative to --project, so
// `git apply` in the project root takes it. Empty when there is nothing to change.
import type { RunDetails } from '../run.js';

export async function renderPatch(details: RunDetails): Promise<string> {
  if (details.files.length === 0) return '';
  const { filePatch } = await import('../review/patch.js');
  return details.files.map((f) => filePatch(f.rel, f.before, f.after)).join('');
}
