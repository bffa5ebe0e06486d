// `stackfix list` and `stackfix explain <id>`: the catalogue as text or JSON.
// Only the signatures and the codemod registry (codemods/index.ts) are read: no codemod, parser
// or transform is loaded, so listing stays as fast as loading the catalogue.
import path from 'node:path';
import type { Signature } from '../classify/catalogue.js';
import type { Language } from '../fix/contract.js';

export interface CatalogueEntry {
  id: string;
  title: string;
  kind: Signature['kind'];
  severity: Signature['severity'];
  /** The codemod that fixes it, or null for guidance. */
  codemod: string | null;
  /** Languages the codemod fixes (empty for guidance, or a codemod this build does not have). */
  languages: Language[];
  /** Where the signature was loaded from: the bundled catalogue, or a --signatures folder. */
  origin: 'bundled' | 'user';
  file: string;
}

export type CodemodMeta = (id: string) => Promise<{ languages: Language[] } | undefined>;

/** Codemod metadata from the registry, which loads no codemod. */
export const registryMeta: CodemodMeta = async (id) => {
  const languages = (await import('../../codemods/index.js')).codemodLanguages(id);
  return languages ? { languages } : undefined;
};

export async function catalogueEntries(signatures: Signature[], bundledDir: string, meta: CodemodMeta = registryMeta): Promise<CatalogueEntry[]> {
  const out: CatalogueEntry[] = [];
  for (const s of [...signatures].sort((a, b) => a.id.localeCompare(b.id))) {
    const codemod = 'codemod' in s.fix ? s.fix.codemod : null;
    const languages = codemod ? ((await meta(codemod))?.languages ?? []) : [];
    const bundled = s.file.startsWith(bundledDir + path.sep);
    // Bundled files by their path in the package (signatures/<id>.yaml); a user's as given.
    const file = bundled ? path.relative(path.dirname(bundledDir), s.file).split(path.sep).join('/') : s.file;
    out.push({ id: s.id, title: s.title, kind: s.kind, severity: s.severity, codemod, languages, origin: bundled ? 'bundled' : 'user', file });
  }
  return out;
}

/** Aligned columns, no colour: the output is meant for pipes (grep, awk) as much as for people. */
export function renderList(entries: CatalogueEntry[]): string {
  const rows = entries.map((e) => [
    e.id,
    e.kind,
    e.codemod ?? '-',
    e.codemod ? (e.languages.length ? e.languages.join(',') : '(missing)') : '-',
    e.origin === 'user' ? `${e.title} [${e.file}]` : e.title,
  ]);
  const header = ['ID', 'KIND', 'CODEMOD', 'LANGUAGES', 'TITLE'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]!))).join('  ').trimEnd();
  const kinds = ['auto', 'guidance', 'not-source'].map((k) => `${entries.filter((e) => e.kind === k).length} ${k}`).join(', ');
  return `${[line(header), ...rows.map(line)].join('\n')}\n\n${entries.length} signatures (${kinds}); stackfix explain <id> shows one\n`;
}

export function listJson(entries: CatalogueEntry[], version: string): string {
  return `${JSON.stringify({ version: 1, tool: { name: 'stackfix', version }, signatures: entries }, null, 2)}\n`;
}

function indent(text: string, by = '  '): string {
  return text.trim().split('\n').map((l) => (l ? by + l : l)).join('\n');
}

function showCaptures(c: Record<string, string | string[]> | undefined): string {
  if (!c || Object.keys(c).length === 0) return '';
  return Object.entries(c).map(([k, v]) => `${k}=${Array.isArray(v) ? `[${v.join(', ')}]` : v}`).join(' ');
}

export function renderExplain(sig: Signature, entry: CatalogueEntry): string {
  const out: string[] = [];
  out.push(`${sig.id}: ${sig.title}`);
  out.push(`kind: ${sig.kind}, severity: ${sig.severity}${sig.match.fallback ? ', fallback (tried only when no specific signature matches)' : ''}${sig.match.generic ? ', generic (tried only on failures no specific or fallback signature matches)' : ''}${sig.match.restates ? ', restates (joins the cause printed before it)' : ''}`);
  if (entry.origin === 'user') out.push(`from: ${sig.file}`);
  if (sig.headline.length) out.push('', 'Headlines (the first the finding has every {placeholder} of):', ...sig.headline.map((h) => `  ${h}`));
  out.push('', 'What stackfix says ({placeholders} are filled from the captures; a [[segment]] only when the log gave all of its own):', indent(sig.message));
  out.push('');
  if ('codemod' in sig.fix) {
    const langs = entry.languages.length ? entry.languages.join(', ') : 'not in this build';
    out.push(`Fix: codemod ${sig.fix.codemod} (${langs})`);
    const args = Object.entries(sig.fix.args);
    if (args.length) out.push(`  args: ${args.map(([k, v]) => `${k}=${v}`).join(', ')}`);
  } else {
    out.push('Fix (guidance, no codemod):', indent(sig.fix.guidance));
  }
  const caps = Object.entries(sig.captures);
  if (caps.length) {
    const w = Math.max(...caps.map(([k]) => k.length));
    out.push('', 'Captures:');
    for (const [k, v] of caps) out.push(`  ${k.padEnd(w)}  ${v.list ? '(list) ' : ''}${v.description}`);
    if (sig.fingerprint.length) out.push(`  one finding per: ${sig.fingerprint.join(', ')}`);
  }
  if (sig.references.length) out.push('', 'References:', ...sig.references.map((r) => `  ${r}`));
  out.push('', 'Recognises, for example:');
  for (const e of sig.examples.match) {
    out.push(`  ${e.text}`);
    const c = showCaptures(e.captures);
    if (c) out.push(`    -> ${c}`);
  }
  if (sig.examples.nomatch.length) out.push('', 'Near misses it does not claim:', ...sig.examples.nomatch.map((t) => `  ${t}`));
  return `${out.join('\n')}\n`;
}

export function explainJson(sig: Signature, entry: CatalogueEntry, version: string): string {
  const doc = {
    version: 1,
    tool: { name: 'stackfix', version },
    signature: {
      ...entry,
      message: sig.message,
      fix: 'codemod' in sig.fix ? { codemod: sig.fix.codemod, languages: entry.languages, args: sig.fix.args } : { guidance: sig.fix.guidance },
      captures: sig.captures,
      fingerprint: sig.fingerprint,
      references: sig.references,
      fallback: sig.match.fallback,
      generic: sig.match.generic,
      restates: sig.match.restates,
      headline: sig.headline,
      patterns: sig.sources,
      examples: sig.examples,
    },
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}

function distance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0]!;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = prev[j]!;
      prev[j] = Math.min(prev[j]! + 1, prev[j - 1]! + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = up;
    }
  }
  return prev[b.length]!;
}

/**
 * Ids close to an unknown one: a typo (edit distance), a prefix or fragment of an id
 * ('rds-engine'), or ids sharing its words ('kms policy'). Best first, at most `max`.
 */
export function closestIds(wanted: string, ids: string[], max = 3): string[] {
  const w = wanted.toLowerCase().trim();
  const words = w.split(/[^a-z0-9]+/).filter((x) => x.length > 1);
  const scored = ids.map((id) => {
    const d = distance(w, id);
    const parts = id.split('-');
    const shared = words.filter((x) => parts.some((p) => p === x || (x.length > 2 && p.startsWith(x)))).length;
    let score = d / Math.max(id.length, w.length, 1);
    if (w.length > 2 && id.includes(w)) score = Math.min(score, 0.1);
    if (shared) score = Math.min(score, 0.5 - 0.1 * Math.min(shared, 4));
    return { id, score };
  });
  return scored.filter((s) => s.score <= 0.45).sort((a, b) => a.score - b.score || a.id.localeCompare(b.id)).slice(0, max).map((s) => s.id);
}
