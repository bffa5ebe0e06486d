// --format rdjson: reviewdog's DiagnosticResult, so `reviewdog -f=rdjson` posts the fixes as
// suggestions. One diagnostic per changed range (reviewdog suggests only on the diagnostic's own
// lines), whole-line ranges without columns (end line inclusive, replacement text ending in a
// newline); a finding without a fix is one diagnostic on the evidence line of the log. Paths are
// relative to the working directory, where reviewdog runs. reviewdog posts `message` as Markdown:
// its log-derived text is escaped (src/redact/markdown.ts).
import { escapeText, inlineMarkdown, oneLine } from '../redact/markdown.js';
import { type CiContext, fromCwd, logFromCwd, prose, views } from './changes.js';

const SEVERITY = { error: 'ERROR', warning: 'WARNING' } as const;

export function renderRdjson(ctx: CiContext): string {
  const diagnostics: Array<Record<string, unknown>> = [];
  for (const v of views(ctx)) {
    const f = v.finding;
    const ev = f.occurrences[0];
    const url = f.references.find((r) => /^https?:\/\//.test(r));
    const base = {
      message: `${escapeText(oneLine(f.title))}: ${inlineMarkdown(prose(f.explanation))}${f.fix ? `\n\nFix ${f.fix.status} (${f.fix.codemod})${f.fix.reason ? `: ${inlineMarkdown(f.fix.reason)}` : ''}` : ''}`,
      severity: SEVERITY[f.severity],
      code: { value: f.signature, ...(url ? { url } : {}) },
      ...(ev ? { original_output: ev.text } : {}),
      ...(v.log ? { related_locations: [{ message: 'evidence in the deploy log', location: { path: logFromCwd(ctx, v.log.source), range: { start: { line: v.log.line } } } }] } : {}),
    };
    if (v.regions.length) {
      for (const r of v.regions) {
        const range = { start: { line: r.startLine }, end: { line: r.endLine } };
        diagnostics.push({
          ...base,
          location: { path: fromCwd(ctx, r.file), range },
          suggestions: [{ range, text: r.lines.map((l) => `${l}\n`).join('') }],
        });
      }
    } else if (v.log) {
      diagnostics.push({ ...base, location: { path: logFromCwd(ctx, v.log.source), range: { start: { line: v.log.line } } } });
    } else {
      diagnostics.push({ ...base, location: { path: '.' } });
    }
  }
  return `${JSON.stringify({ source: { name: 'stackfix' }, severity: diagnostics.some((d) => d.severity === 'ERROR') ? 'ERROR' : diagnostics.length ? 'WARNING' : 'INFO', diagnostics }, null, 2)}\n`;
}
