// One entry for every output format, so the default command and `suggest` render alike. Each
// formatter is loaded only when its format is asked for, except the default text.
//
// Every format gets the report through the redaction boundary first (src/redact/): secrets masked
// everywhere, account ids masked where other people read the output, control characters and
// workflow commands made inert in the line-oriented formats; JSON formats are escaped losslessly
// after serialising. The patch format prints only the project's own source, unchanged.
import type { Signature } from '../classify/catalogue.js';
import { type Audience, DEFAULT_POLICY, type RedactionPolicy, redactReport } from '../redact/index.js';
import { jsonSafe, neutraliseCommands } from '../redact/neutralise.js';
import type { RunDetails } from '../run.js';
import type { Report } from './model.js';
import { renderText } from './text.js';

export const FORMATS = ['text', 'json', 'sarif', 'github', 'markdown', 'rdjson', 'patch'] as const;
export type FormatName = (typeof FORMATS)[number];

/** Who reads each format: the user (local) or the team, reviewers and code scanning (shared). */
export const AUDIENCE: Record<FormatName, Audience> = { text: 'local', json: 'local', patch: 'local', sarif: 'shared', github: 'shared', markdown: 'shared', rdjson: 'shared' };
/** Formats read line by line by people and CI runners (the others are JSON or a bare diff). */
const LINE_FORMATS = new Set<FormatName>(['text', 'github', 'markdown']);

export interface RenderOptions {
  color: boolean;
  fixMode: boolean;
  cwd: string;
  signatures: Signature[];
  /** What may be shown (account ids); the default masks them in shared formats. */
  policy?: RedactionPolicy;
}

export async function render(format: FormatName, report: Report, details: RunDetails, options: RenderOptions): Promise<string> {
  const safe = redactReport(report, { audience: AUDIENCE[format], policy: options.policy ?? DEFAULT_POLICY, display: LINE_FORMATS.has(format) });
  const ctx = { report: safe, details, cwd: options.cwd };
  switch (format) {
    case 'json':
      return jsonSafe(`${JSON.stringify(safe, null, 2)}\n`);
    case 'sarif':
      return jsonSafe((await import('./sarif.js')).renderSarif(ctx, { signatures: options.signatures }));
    case 'github':
      // Each line is a command of ours whose message and properties are escaped: the log's text
      // never starts a line (see src/report/github.ts).
      return (await import('./github.js')).renderGithub(ctx);
    case 'markdown':
      // A step summary holds at most 1 MiB; characters can take several bytes.
      return neutraliseCommands((await import('./markdown.js')).renderMarkdown(safe, { maxChars: 256 * 1024 }));
    case 'rdjson':
      return jsonSafe((await import('./rdjson.js')).renderRdjson(ctx));
    case 'patch':
      return (await import('./patch.js')).renderPatch(details);
    default:
      return neutraliseCommands(renderText(safe, { color: options.color, fixMode: options.fixMode }));
  }
}
