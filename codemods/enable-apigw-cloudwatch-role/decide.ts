// Which RestApi to change, for both languages: the one the log names (its stage's logical id
// or construct path starts with the API's id), else the only one that lacks the role.
import type { CodemodContext, CodemodResult } from '../../src/fix/contract.js';
import { selectSites, type Site } from '../../src/fix/sites.js';
import { flagNote, PULUMI_GUIDANCE } from './index.js';

export interface ApiSite extends Site {
  /** How the API's props set the role today. */
  state: 'missing' | 'true' | 'false' | 'other';
  /** The property as the language spells it: cloudWatchRole / cloud_watch_role. */
  prop: string;
  /** The new text of the site's file with the role turned on (state 'missing' only). */
  apply?: () => string;
}

export function decide(ctx: CodemodContext, sites: ApiSite[], pulumiFiles: string[], spell: { yes: string; no: string }): CodemodResult {
  const refused = (reason: string): CodemodResult => ({ status: 'refused', reason, edits: {} });
  if (sites.length === 0) {
    if (pulumiFiles.length) return refused(`${pulumiFiles.join(', ')}: ${PULUMI_GUIDANCE}`);
    return { status: 'not-found', reason: 'no API Gateway RestApi construct in the candidate files', edits: {} };
  }
  const hints = ctx.resources.filter((h) => h.id || h.constructPath);
  // Without a usable hint, an API that already creates the role is not the one that failed.
  const pool = hints.length ? sites : sites.filter((s) => s.state !== 'true');
  if (pool.length === 0) return { status: 'already-fixed', reason: `${sites.map((s) => s.what).join(', ')} already set ${sites[0]!.prop}: ${spell.yes}`, edits: {} };
  const pick = selectSites(pool, hints);
  if ('refused' in pick) return refused(pick.refused);
  if (pick.selected.length === 0) {
    const named = hints.map((h) => h.id ?? h.constructPath).join(', ');
    return { status: 'not-found', reason: `no RestApi in the candidate files is ${named}`, edits: {} };
  }
  const edits: Record<string, string> = {};
  const done: string[] = [];
  for (const s of pick.selected) {
    const where = `${s.file}:${s.line}`;
    if (s.state === 'true') continue;
    if (s.state === 'false') {
      return refused(
        `${s.what} (${where}) sets ${s.prop}: ${spell.no} on purpose, so stackfix leaves it: set it to ${spell.yes} to let this API create the ` +
          `account's CloudWatch role, or give the account that role once elsewhere (apigateway.CfnAccount with a role that has ` +
          `AmazonAPIGatewayPushToCloudWatchLogs), or turn off loggingLevel / dataTraceEnabled in its deploy options`,
      );
    }
    if (s.state === 'other' || !s.apply) return refused(`${s.what} (${where}) sets ${s.prop} from an expression or passes props built elsewhere; set ${s.prop}: ${spell.yes} by hand`);
    if (edits[s.file]) return refused(`${s.file} holds several failing APIs; set ${s.prop} on each by hand`);
    edits[s.file] = s.apply();
    done.push(`${s.what} (${where})`);
  }
  if (done.length === 0) return { status: 'already-fixed', reason: `${pick.selected.map((s) => s.what).join(', ')} already set ${pick.selected[0]!.prop}: ${spell.yes}`, edits: {} };
  return { status: 'proposed', reason: `${pick.selected[0]!.prop}: ${spell.yes} on ${done.join(', ')}; ${flagNote(ctx, pick.selected[0]!.file)}`, edits };
}
