// Which log group a failure names, for both transforms: the log group names the log gives
// (from the ARN in the message) and how well a log group in the source matches one of them.
import type { Captures } from '../../src/types.js';

/** A name or id as written in the source: exact, or a pattern for template strings / f-strings. */
export interface NamePattern {
  exact?: string;
  re?: RegExp;
}

export interface LogGroupLike {
  flavor: 'cdk' | 'pulumi';
  /** Construct id (CDK) or resource name (Pulumi). */
  id?: NamePattern;
  /** The log group name it sets, if any. */
  name?: NamePattern;
}

export const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The log group names a finding's captures give: from `logGroup` ARNs and `logGroupName`. */
export function logGroupNames(captures: Captures): string[] {
  const out = new Set<string>();
  const add = (v: string | string[] | undefined, fromArn: boolean) => {
    for (const x of Array.isArray(v) ? v : v ? [v] : []) {
      const n = fromArn ? /:log-group:([^:]+)/.exec(x)?.[1] : x;
      if (n && n !== '*') out.add(n);
    }
  };
  add(captures.logGroup, true);
  add(captures.logGroupName, false);
  return [...out];
}

/** How well a log group matches a name from the log; 0 = not it. */
export function nameScore(site: LogGroupLike, name: string): number {
  if (site.name) return site.name.exact === name ? 10 : site.name.re?.test(name) ? 6 : 0;
  // No explicit name: the provider made one up. Pulumi: `<resource name>-<7 hex>`;
  // CloudFormation: `<stack>-<logical id>-<suffix>`, the logical id ending in the construct id + 8 hex.
  const id = site.id;
  if (!id) return 0;
  if (site.flavor === 'pulumi') {
    const m = /^(.*)-[0-9a-f]{7}$/.exec(name);
    if (!m) return 0;
    return id.exact === m[1] ? 8 : id.re?.test(m[1]!) ? 5 : 0;
  }
  const cid = id.exact?.replace(/[^A-Za-z0-9]/g, '');
  return cid && new RegExp(`${escapeRe(cid)}[0-9A-F]{8}-`).test(name) ? 5 : 0;
}
