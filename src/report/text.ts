// The default human report: per finding the signature and title, the evidence line, the
// explanation, the fix status and the diff. Colour only on a TTY (and never with --no-color
// or NO_COLOR).
import { FORMAT_NAMES, type Report, type ReportFinding } from './model.js';

type Paint = (s: string) => string;

function palette(color: boolean) {
  const c = (code: string): Paint => (s) => (color ? `\x1b[${code}m${s}\x1b[0m` : s);
  return { red: c('31'), green: c('32'), yellow: c('33'), cyan: c('36'), dim: c('2'), bold: c('1') };
}

const STATUS_TEXT: Record<string, string> = {
  proposed: 'fix proposed',
  applied: 'fixed',
  'already-fixed': 'already fixed in the source',
  'not-found': 'source not found',
  refused: 'fix refused',
};

function indent(text: string, pad: string): string {
  return text
    .split('\n')
    .map((l) => (l ? pad + l : l))
    .join('\n');
}

export function renderText(report: Report, options: { color: boolean; fixMode: boolean }): string {
  const p = palette(options.color);
  const out: string[] = [];
  report.findings.forEach((f, i) => {
    if (i > 0) out.push('');
    out.push(renderFinding(f, p));
  });
  if (report.unclassified.length) {
    // A failure no signature knows is still a failure the log shows: never silent.
    if (out.length) out.push('');
    for (const u of report.unclassified) {
      const warning = u.severity === 'warning';
      out.push(`${warning ? p.yellow('⚠') : p.red('✖')} ${p.bold(warning ? 'not recognised (warning):' : 'not recognised:')} ${u.text}`);
      out.push(`  ${p.cyan(`${u.source}:${u.line}`)}`);
    }
  }
  if (out.length) out.push('');
  out.push(summary(report, options.fixMode, p));
  return out.join('\n') + '\n';
}

function renderFinding(f: ReportFinding, p: ReturnType<typeof palette>): string {
  const lines: string[] = [];
  const mark = f.severity === 'error' ? p.red('✖') : p.yellow('⚠');
  const cause = f.rootCause ? '' : p.dim(' (restated in a summary)');
  const notSource = f.kind === 'not-source' ? p.yellow(' not a problem in the IaC source') : '';
  lines.push(`${mark} ${p.bold(f.title)}  ${p.dim(`[${f.signature}]`)}${notSource}${cause}`);
  const first = f.occurrences[0];
  if (first) {
    const where = `${first.source}:${first.line}`;
    // The source location the log names, wherever it printed it (cdk's summary after the events).
    const loc = f.occurrences.find((o) => o.location)?.location;
    const at = loc ? `  ${p.cyan(`${loc.file}:${loc.line}`)}` : '';
    lines.push(`  ${p.cyan(where)}${first.resource ? `  ${first.resource}` : ''}${at}`);
    lines.push(`    ${first.text}`);
    const more = f.occurrences.slice(1);
    if (more.length) lines.push(p.dim(`  also at ${more.slice(0, 8).map((o) => `${o.source}:${o.line}`).join(', ')}${more.length > 8 ? `, +${more.length - 8} more` : ''}`));
  }
  lines.push('');
  lines.push(indent(f.explanation.trim(), '  '));
  if (f.references.length) lines.push(p.dim(`  see ${f.references[0]}`));
  if (f.fix) {
    lines.push('');
    const status = STATUS_TEXT[f.fix.status] ?? f.fix.status;
    const paint = f.fix.status === 'proposed' || f.fix.status === 'applied' || f.fix.status === 'already-fixed' ? p.green : p.yellow;
    lines.push(`  ${paint(status)} ${p.dim(`(${f.fix.codemod})`)}${f.fix.reason ? `: ${f.fix.reason}` : ''}`);
    if (f.fix.patch) {
      lines.push('');
      for (const l of f.fix.patch.replace(/\n$/, '').split('\n')) {
        if (l.startsWith('#')) lines.push(p.dim(l));
        else if (l.startsWith('+++') || l.startsWith('---') || l.startsWith('diff --git')) lines.push(p.bold(l));
        else if (l.startsWith('+')) lines.push(p.green(l));
        else if (l.startsWith('-')) lines.push(p.red(l));
        else if (l.startsWith('@@')) lines.push(p.cyan(l));
        else lines.push(l);
      }
    }
  }
  return lines.join('\n');
}

function summary(report: Report, fixMode: boolean, p: ReturnType<typeof palette>): string {
  const n = report.findings.length;
  const failures = report.unclassified.filter((u) => u.severity !== 'warning').length;
  const warnings = report.unclassified.length - failures;
  if (n === 0) {
    const lines = report.inputs.reduce((a, i) => a + i.lines, 0);
    // Say what the log was read as: a user can tell a log stackfix did not understand from one without failures.
    const read = report.inputs.map((i) => `${i.source}: ${FORMAT_NAMES[i.format] ?? i.format}`).join('; ');
    const head = failures
      ? p.red(p.bold(`${failures} failure(s) in ${lines} line(s) that no signature recognises: see the lines above.`))
      : p.green(`No failure found in ${lines} line(s)${warnings ? ` (${warnings} warning(s) not recognised, above)` : ''}.`);
    return `${head}\n${p.dim(`Read as ${read}.`)}`;
  }
  const count = (s: string) => report.findings.filter((f) => f.fix?.status === s).length;
  const parts: string[] = [];
  if (count('applied')) parts.push(`${count('applied')} fixed`);
  if (count('proposed')) parts.push(`${count('proposed')} fix(es) proposed`);
  if (count('already-fixed')) parts.push(`${count('already-fixed')} already fixed`);
  const manual = report.findings.filter((f) => !f.fix || f.fix.status === 'not-found' || f.fix.status === 'refused').length;
  if (manual) parts.push(`${manual} to fix by hand`);
  if (failures) parts.push(`${failures} failure(s) not recognised`);
  let line = `${n} finding(s): ${parts.join(', ')}.`;
  if (!fixMode && count('proposed')) line += ' Run again with --fix to write the proposed fixes.';
  return p.bold(line);
}
