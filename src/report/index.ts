// One entry for every output format, so the default command and `suggest` render alike. Each
// formatter is loaded only when its format is asked for, except the default text.
import type { Signature } from '../classify/catalogue.js';
import type { RunDetails } from '../run.js';
import type { Report } from './model.js';
import { renderText } from './text.js';

export const FORMATS = ['text', 'json', 'sarif', 'github', 'markdown', 'rdjson', 'patch'] as const;
export type FormatName = (typeof FORMATS)[number];

export interface RenderOptions {
  color: boolean;
  fixMode: boolean;
  cwd: string;
  signatures: Signature[];
}

export async function render(format: FormatName, report: Report, details: RunDetails, options: RenderOptions): Promise<string> {
  const ctx = { report, details, cwd: options.cwd };
  switch (format) {
    case 'json':
      return `${JSON.stringify(report, null, 2)}\n`;
    case 'sarif':
      return (await import('./sarif.js')).renderSarif(ctx, { signatures: options.signatures });
    case 'github':
      return (await import('./github.js')).renderGithub(ctx);
    case 'markdown':
      // A step summary holds at most 1 MiB; characters can take several bytes.
      return (await import('./markdown.js')).renderMarkdown(report, { maxChars: 256 * 1024 });
    case 'rdjson':
      return (await import('./rdjson.js')).renderRdjson(ctx);
    case 'patch':
      return (await import('./patch.js')).renderPatch(details);
    default:
      return renderText(report, { color: options.color, fixMode: options.fixMode });
  }
}
