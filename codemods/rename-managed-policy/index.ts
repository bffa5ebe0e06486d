// rename-managed-policy: `Policy arn:aws:iam::aws:policy/service-role/ConfigRole does not exist or
// is not attachable` -> the AWS managed policy that exists (src/data/iam-managed-policies.json:
// service-role/AWS_ConfigRole), where the code names it: `ManagedPolicy.fromAwsManagedPolicyName('...')`
// (TS, Python), ARN strings (Pulumi `policyArn`, `managedPolicyArns`, CDK `fromManagedPolicyArn`),
// and `arn:${partition}:...` templates / f-strings. A name with no managed equivalent is refused
// with what to write instead (an inline policy).
import type { Codemod, CodemodResult, Language } from '../../src/fix/contract.js';
import { managedPolicyTable, policyPath } from '../../src/data/iam.js';

export interface Rename {
  from: string;
  to: string;
}

export interface FileOutcome {
  text?: string;
  renamed: string[];
  /** The new names are already there. */
  already: boolean;
}

function capture(v: string | string[] | undefined): string {
  return typeof v === 'string' ? v : '';
}

/** The renames to apply: the one the error names, or every table entry when it names none. */
export function renamesFor(captured: string): { renames: Rename[]; noEquivalent?: string } {
  const table = managedPolicyTable();
  const name = captured ? policyPath(captured) : '';
  if (name) {
    const to = table.renames[name];
    if (to) return { renames: [{ from: name, to }] };
    return { renames: [], noEquivalent: table.noManagedEquivalent[name] ?? '' };
  }
  return { renames: Object.entries(table.renames).map(([from, to]) => ({ from, to })) };
}

const codemod: Codemod = {
  id: 'rename-managed-policy',
  title: 'Use the AWS managed policy name that exists',
  languages: ['typescript', 'python'],

  prefilter(text, captures) {
    const name = capture(captures.policy) || capture(captures.policyArn);
    const { renames } = renamesFor(name);
    // A name with no replacement still reaches run(), which says what to write instead.
    if (!renames.length) return text.includes(policyPath(name).split('/').at(-1)!);
    return renames.some((r) => text.includes(r.from.split('/').at(-1)!) || text.includes(r.to));
  },

  async run(language: Language, ctx): Promise<CodemodResult> {
    const name = capture(ctx.captures.policy) || capture(ctx.captures.policyArn);
    const { renames, noEquivalent } = renamesFor(name);
    if (!renames.length) {
      const why = noEquivalent || `${policyPath(name)} is not in the table of renamed AWS managed policies; look the policy up in the AWS Managed Policy Reference Guide`;
      return { status: 'refused', reason: `arn:aws:iam::aws:policy/${policyPath(name)} has no managed replacement: ${why}`, edits: {} };
    }
    const transform = language === 'python' ? (await import('./python.js')).transformPython : (await import('./typescript.js')).transformTypeScript;
    const edits: Record<string, string> = {};
    const renamed: string[] = [];
    const failed: string[] = [];
    let already = false;
    for (const file of ctx.files) {
      let out: FileOutcome;
      try {
        out = await transform(file.path, file.text, renames);
      } catch (err) {
        failed.push(`${file.path}: could not parse (${(err as Error).message.split('\n')[0]})`);
        continue;
      }
      renamed.push(...out.renamed);
      already ||= out.already;
      if (out.text !== undefined && out.text !== file.text) edits[file.path] = out.text;
    }
    if (Object.keys(edits).length) return { status: 'proposed', reason: `${renamed.join('; ')}`, edits };
    if (already) return { status: 'already-fixed', reason: `the code already names ${renames.length === 1 ? renames[0]!.to : 'the existing managed policies'}`, edits: {} };
    const why = failed.length ? ` (${failed.join('; ')})` : '';
    const what = renames.length === 1 ? renames[0]!.from : 'a renamed AWS managed policy';
    return { status: 'not-found', reason: `no fromAwsManagedPolicyName('${what}') or arn:...:iam::aws:policy/${what} in the candidate files${why}`, edits: {} };
  },
};

export default codemod;
