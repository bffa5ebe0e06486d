// Which places in the source to change, when the log names the failing resources. A site
// is one place a codemod could edit (an engine version, an instance class); its owners are
// the resources it configures, as construct-id paths (CDK) or resource names (Pulumi).
// Language-neutral: the TypeScript and the Python transforms use it alike. Keep its imports
// type-only: the jscodeshift CLI loads it from a transform through Babel.
import type { ResourceHint } from '../types.js';

export interface Site {
  /** `${file}:${offset}`: stable between the collecting and the applying pass. */
  key: string;
  file: string;
  line: number;
  what: string;
  /** Resource paths (construct ids outermost first, or a Pulumi name) the site configures; [] = unknown. */
  owners: string[][];
  /** Set when the site may not be changed whatever the hints say. */
  refusal?: string;
}

/** CloudFormation logical ids end in an 8-hex hash; construct paths drop non-alphanumerics. */
function hintStem(id: string): string {
  const clean = id.replace(/[^A-Za-z0-9]/g, '');
  return /^[A-Za-z][A-Za-z0-9]*[0-9A-F]{8}$/.test(id) ? clean.slice(0, -8) : clean;
}

/** How well a resource path matches what the log printed; 0 = not this resource. */
export function matchScore(owner: string[], hint: ResourceHint): number {
  const joined = owner.join('').replace(/[^A-Za-z0-9]/g, '');
  if (!joined) return 0;
  if (hint.constructPath && `/${hint.constructPath}/`.includes(`/${owner.join('/')}/`)) return 10000;
  if (!hint.id) return 0;
  if (hint.id === owner.at(-1) || hint.id === owner.join('/')) return 10000;
  const stem = hintStem(hint.id);
  if (stem === joined) return 5000 + joined.length;
  // Nested constructs: the id sits inside the path (Legacy/Cluster/Instance1 -> LegacyClusterInstance1).
  if (stem.startsWith(joined) || stem.endsWith(joined)) return 2 * joined.length;
  if (stem.includes(joined)) return joined.length;
  return 0;
}

/**
 * Which sites to change. With resource hints: the best-matching sites per hint, refusing a
 * site that also configures a resource the log does not name (changing it would change a
 * running resource). Without a usable hint: a single site is taken; several are ambiguous.
 */
export function selectSites<S extends Site>(sites: S[], hints: ResourceHint[]): { selected: S[] } | { refused: string } {
  if (sites.length === 0) return { selected: [] };
  let selected: S[] = [];
  if (hints.length > 0) {
    const picked = new Set<S>();
    for (const hint of hints) {
      const scores = sites.map((s) => Math.max(0, ...s.owners.map((o) => matchScore(o, hint))));
      const best = Math.max(...scores);
      if (best > 0) sites.forEach((s, i) => scores[i] === best && picked.add(s));
    }
    selected = sites.filter((s) => picked.has(s));
    for (const s of selected) {
      const stranger = s.owners.find((o) => !hints.some((h) => matchScore(o, h) > 0));
      if (stranger) return { refused: `${s.what} (${s.file}:${s.line}) also configures '${stranger.join('/')}', which the log does not name` };
    }
  }
  if (selected.length === 0) {
    // The log names a resource, and these places belong to other, known resources.
    if (hints.length > 0 && sites.every((s) => s.owners.length > 0)) return { selected: [] };
    if (sites.length > 1) {
      const where = sites.map((s) => `${s.file}:${s.line}`).join(', ');
      const named = hints.map((h) => h.id ?? h.constructPath).join(', ');
      return { refused: `${sites.length} places set this (${where}) and ${named ? `none of them is clearly ${named}` : 'the log names no resource'}` };
    }
    selected = sites;
  }
  const blocked = selected.find((s) => s.refusal);
  if (blocked) return { refused: blocked.refusal! };
  return { selected };
}
