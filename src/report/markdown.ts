// --format markdown: the job summary ($GITHUB_STEP_SUMMARY) and the pull-request comment. One
// section per finding: evidence, explanation, fix status and the patch in a ```diff block whose
// fence is longer than any backtick run inside. GitHub caps a comment at 65 536 characters and a
// step summary at 1 MiB: past `maxChars` the patches are left out, largest first, with a note.
// Text from the log is set as code or escaped (src/redact/markdown.ts): nothing a log line holds
// becomes HTML, a link, an image, a mention or a marker.
import type { Report, ReportFinding } from './model.js';
import { patchBody } from './changes.js';
import { codeBlock, codeSpan, escapeText, inlineMarkdown, oneLine } from '../redact/markdown.js';

export interface MarkdownOptions {
  /** Headline of the document; default "stackfix: N finding(s)". */
  title?: string;
  /** Extra paragraph under the headline. */
  intro?: string;
  /** Adds `<!-- stackfix:fingerprint=... -->` to each section (pull-request comments). */
  fingerprints?: string[];
  /** Only these findings (indexes into report.findings). */
  only?: number[];
  /** Notes shown in a finding's section, by index (e.g. "posted as a suggestion on lib/x.ts:12"). */
  notes?: Map<number, string>;
  maxChars?: number;
}

const STATUS: Record<string, string> = {
  proposed: 'Fix proposed',
  applied: 'Fixed',
  'already-fixed': 'Already fixed in the source',
  'not-found': 'Source not found',
  refused: 'Fix refused',
};

const code = codeSpan;
const block = codeBlock;

export function renderFindingMarkdown(f: ReportFinding, options: { fingerprint?: string; note?: string; withPatch?: boolean; level?: number } = {}): string {
  const h = '#'.repeat(options.level ?? 3);
  const mark = f.severity === 'error' ? '❌' : '⚠️';
  const out: string[] = [];
  out.push(`${h} ${mark} ${escapeText(oneLine(f.title))} (${code(f.signature)})`);
  if (options.fingerprint) out.push(`<!-- stackfix:fingerprint=${options.fingerprint} -->`);
  out.push('');
  const ev = f.occurrences[0];
  if (ev) {
    const more = f.occurrences.length > 1 ? ` and ${f.occurrences.length - 1} more line(s)` : '';
    out.push(`**Evidence** ${code(`${ev.source}:${ev.line}`)}${ev.resource ? ` (${code(ev.resource)})` : ''}${more}${f.rootCause ? '' : ', restated in a summary'}:`);
    out.push('');
    out.push(block(ev.text, 'text'));
    out.push('');
  }
  out.push(inlineMarkdown(f.explanation.trim()));
  if (f.references.length) {
    out.push('');
    out.push(`See ${f.references.map((r) => `<${r}>`).join(', ')}`);
  }
  if (f.fix) {
    out.push('');
    out.push(`**${STATUS[f.fix.status] ?? f.fix.status}** (${code(f.fix.codemod)})${f.fix.reason ? `: ${inlineMarkdown(f.fix.reason)}` : ''}`);
    const patch = patchBody(f);
    if (patch && options.withPatch !== false) {
      out.push('');
      out.push(block(patch, 'diff'));
    } else if (patch) {
      out.push('');
      out.push('_The patch is left out here to stay within GitHub\'s size limit: run `stackfix --format patch` to get it._');
    }
  }
  if (options.note) {
    out.push('');
    out.push(options.note);
  }
  return out.join('\n');
}

function headline(report: Report, shown: ReportFinding[]): string {
  if (report.findings.length === 0) return 'stackfix: no known failure found';
  const proposed = shown.filter((f) => f.fix?.status === 'proposed').length;
  const applied = shown.filter((f) => f.fix?.status === 'applied').length;
  const manual = shown.filter((f) => !f.fix || f.fix.status === 'not-found' || f.fix.status === 'refused').length;
  const parts = [proposed && `${proposed} fix(es) proposed`, applied && `${applied} fixed`, manual && `${manual} to fix by hand`].filter(Boolean);
  return `stackfix: ${shown.length} finding(s)${parts.length ? `, ${parts.join(', ')}` : ''}`;
}

export function renderMarkdown(report: Report, options: MarkdownOptions = {}): string {
  const indexes = options.only ?? report.findings.map((_, i) => i);
  const shown = indexes.map((i) => report.findings[i]!);
  const render = (withPatch: Set<number>) => {
    const out: string[] = [`## ${options.title ?? headline(report, shown)}`, ''];
    if (options.intro) out.push(options.intro, '');
    for (const i of indexes) {
      out.push(renderFindingMarkdown(report.findings[i]!, { fingerprint: options.fingerprints?.[i], note: options.notes?.get(i), withPatch: withPatch.has(i) }), '');
    }
    if (report.unclassified.length && !options.only) {
      out.push(`<details><summary>${report.unclassified.length} log line(s) look like errors but match no signature</summary>`, '');
      out.push(block(report.unclassified.map((u) => `${u.source}:${u.line}: ${u.text}`).join('\n'), 'text'), '', '</details>', '');
    }
    return out.join('\n');
  };
  const withPatch = new Set(indexes);
  let text = render(withPatch);
  if (options.maxChars) {
    const bySize = [...indexes].sort((a, b) => (report.findings[b]!.fix?.patch?.length ?? 0) - (report.findings[a]!.fix?.patch?.length ?? 0));
    for (const i of bySize) {
      if (text.length <= options.maxChars) break;
      withPatch.delete(i);
      text = render(withPatch);
    }
    if (text.length > options.maxChars) text = `${text.slice(0, options.maxChars - 80)}\n\n_…cut to stay within GitHub's size limit._\n`;
  }
  return text;
}
