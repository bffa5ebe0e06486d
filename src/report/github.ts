// --format github: GitHub Actions workflow commands, one annotation per finding, most important
// first (errors, causes, fixable). GitHub shows at most 10 error and 10 warning annotations per
// step: the ones past that are counted in a single notice that points at the job summary.
// A finding with a fix is annotated on the lines its fix changes (paths relative to the working
// directory, the repository root in Actions), not on an import it adds; one without on the source
// line the log names when it is in the project, else on the evidence line of the log.
import { type CiContext, type FindingView, byImportance, fromCwd, logFromCwd, prose, views } from './changes.js';

/** Per-step limits of the annotations GitHub shows. */
export const ANNOTATION_LIMIT = { error: 10, warning: 10 } as const;

/** Escapes the message of a workflow command. */
export function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escapes a property value of a workflow command (also `:` and `,`). */
export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export function command(name: string, props: Record<string, string | number | undefined>, message: string): string {
  const list = Object.entries(props)
    .filter(([, v]) => v !== undefined && v !== '')
    .map(([k, v]) => `${k}=${escapeProperty(String(v))}`)
    .join(',');
  return `::${name}${list ? ` ${list}` : ''}::${escapeData(message)}`;
}

function annotation(ctx: CiContext, v: FindingView): string {
  const f = v.finding;
  const first = v.primary;
  const props: Record<string, string | number | undefined> = { title: `${f.title} [${f.signature}]` };
  if (first) {
    props.file = fromCwd(ctx, first.file);
    props.line = first.startLine;
    props.endLine = first.endLine;
  } else if (v.place) {
    props.file = fromCwd(ctx, v.place.file);
    props.line = v.place.line;
  } else if (v.log) {
    props.file = logFromCwd(ctx, v.log.source);
    props.line = v.log.line;
  }
  const ev = f.occurrences[0];
  const lines = [prose(f.explanation)];
  if (ev) lines.push('', `Evidence ${ev.source}:${ev.line}${ev.resource ? ` (${ev.resource})` : ''}: ${ev.text}`);
  if (f.fix) lines.push('', `Fix ${f.fix.status} (${f.fix.codemod})${f.fix.reason ? `: ${f.fix.reason}` : ''}`);
  return command(f.severity === 'error' ? 'error' : 'warning', { ...props, title: props.title }, lines.join('\n'));
}

export function renderGithub(ctx: CiContext): string {
  const out: string[] = [];
  const shown = { error: 0, warning: 0 };
  let hidden = 0;
  for (const v of views(ctx).sort(byImportance)) {
    const sev = v.finding.severity === 'error' ? 'error' : 'warning';
    if (shown[sev] >= ANNOTATION_LIMIT[sev]) {
      hidden++;
      continue;
    }
    shown[sev]++;
    out.push(annotation(ctx, v));
  }
  if (hidden) {
    out.push(command('notice', { title: 'stackfix' }, `${hidden} more finding(s) not shown as annotations (GitHub shows ${ANNOTATION_LIMIT.error} errors and ${ANNOTATION_LIMIT.warning} warnings per step); the job summary lists every finding.`));
  }
  const u = ctx.report.unclassified.length;
  if (u) out.push(command('notice', { title: 'stackfix' }, `${u} log line(s) look like errors but match no signature: ${ctx.report.unclassified.slice(0, 3).map((x) => `${x.source}:${x.line}`).join(', ')}${u > 3 ? ', …' : ''}`));
  return out.length ? `${out.join('\n')}\n` : '';
}
