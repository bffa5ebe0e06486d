// Which serialisation to change, for both languages: the one at the traceback's line when the
// log has one, else the one in the resource the log names, else the only candidate.
import type { CodemodContext, CodemodResult } from '../../src/fix/contract.js';
import { selectSites, type Site } from '../../src/fix/sites.js';

export interface OutputSite extends Site {
  endLine: number;
  /** 'stringify' (JSON.stringify / json.dumps) or 'template' (a template literal). */
  kind: 'stringify' | 'template';
  /** Does the serialised value visibly hold an Output? (A traceback's site need not show it.) */
  holdsOutput: boolean;
  /** Text splices that make the change, on the site's file. */
  splices: Array<{ pos: number; end: number; text: string }>;
}

export interface Chosen {
  sites: OutputSite[];
}

export function choose(ctx: CodemodContext, sites: OutputSite[], helper: { stringify: string; template: string }): Chosen | CodemodResult {
  const none = (status: 'not-found' | 'refused', reason: string): CodemodResult => ({ status, reason, edits: {} });
  const loc = ctx.location;
  if (loc) {
    const at = sites.filter((s) => s.file === loc.file && s.line <= loc.line && loc.line <= s.endLine);
    if (at.length === 0) {
      if (sites.some((s) => s.file === loc.file)) return none('not-found', `the traceback points at ${loc.file}:${loc.line}, where no ${helper.stringify.includes('json_dumps') ? 'json.dumps' : 'JSON.stringify'} call is`);
      return none('not-found', `the traceback points at ${loc.file}:${loc.line}, outside the candidate files`);
    }
    // The innermost call on that line: the one the exception came from.
    const inner = at.sort((a, b) => b.line - a.line || a.endLine - b.endLine)[0]!;
    return inner.refusal ? none('refused', inner.refusal) : { sites: [inner] };
  }
  const method = typeof ctx.captures.method === 'string' ? ctx.captures.method : '';
  let pool = sites.filter((s) => s.holdsOutput);
  if (method === 'toString') pool = pool.filter((s) => s.kind === 'template');
  else if (method === 'toJSON') pool = pool.filter((s) => s.kind === 'stringify');
  if (pool.length === 0) {
    const blocked = sites.find((s) => s.refusal && (method !== 'toString' || s.kind === 'template'));
    if (blocked) return none('refused', blocked.refusal!);
  }
  if (pool.length === 0) return none('not-found', `no ${method === 'toString' ? 'template literal' : 'serialisation'} of a Pulumi Output in the candidate files`);
  const pick = selectSites(pool, ctx.resources.filter((h) => h.id || h.constructPath));
  if ('refused' in pick) return none('refused', pick.refused);
  if (pick.selected.length === 0) return none('not-found', `no serialisation of an Output in ${ctx.resources.map((r) => r.id).join(', ')}`);
  return { sites: pick.selected };
}
