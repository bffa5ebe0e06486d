// set-rds-instance-class: `RDS does not support creating a DB instance with the following
// combination: DBInstanceClass=db.t3.small, Engine=aurora-mysql, EngineVersion=8.0...` -> the
// smallest class of the same family the engine accepts (src/data/rds-instance-classes.json),
// set on the failing instance only.
import type { Codemod, CodemodResult } from '../../src/fix/contract.js';
import { cdkSize, type Collected } from './typescript.js';
import { pickInstanceClass } from '../../src/data/rds.js';

function capture(v: string | string[] | undefined): string {
  return typeof v === 'string' ? v : '';
}

const codemod: Codemod = {
  id: 'set-rds-instance-class',
  title: 'Move an RDS DB instance to a class its engine version supports',
  languages: ['typescript', 'python'],

  prefilter(text, captures) {
    const cls = capture(captures.instanceClass).replace(/^db\./, '');
    if (!cls) return false;
    // The family, not the exact class: a file already moved to db.t3.medium reports already-fixed.
    if (text.includes(`${cls.split('.')[0]}.`)) return true;
    // CDK: InstanceType.of(InstanceClass.X, InstanceSize.SMALL), or the target size once fixed.
    const choice = pickInstanceClass(cls, capture(captures.engine), capture(captures.engineVersion) || undefined);
    const sizes = [cls.split('.')[1] ?? '', choice?.size ?? ''].filter(Boolean).map(cdkSize);
    return text.includes('InstanceSize') && sizes.some((s) => text.includes(s));
  },

  async run(language, ctx): Promise<CodemodResult> {
    if (language === 'python') return (await import('./python.js')).run(ctx);
    const instanceClass = capture(ctx.captures.instanceClass);
    const [{ default: transform }, { decideClassSites, dbClass }, { default: jscodeshift }] = await Promise.all([
      import('./typescript.js'),
      import('./decide.js'),
      import('jscodeshift'),
    ]);

    const reports: string[] = [];
    const runOn = (file: { path: string; text: string }, extra: Record<string, unknown>) => {
      const j = jscodeshift.withParser(file.path.endsWith('.tsx') ? 'tsx' : 'ts');
      const api = { j, jscodeshift: j, stats: () => {}, report: (msg: string) => reports.push(`${file.path}: ${msg}`) };
      try {
        return transform({ path: file.path, source: file.text }, api, { instanceClass, resources: ctx.resources, ...extra });
      } catch (err) {
        reports.push(`${file.path}: skipped: ${(err as Error).message.split('\n')[0]}`);
        return null;
      }
    };

    const collected: Collected = { sites: [], links: [] };
    for (const file of ctx.files) {
      runOn(file, {
        collect: (found: Collected) => {
          collected.sites.push(...found.sites);
          collected.links.push(...found.links);
        },
      });
    }
    const decided = decideClassSites(collected.sites, ctx.captures, ctx.resources, collected.links);
    if ('status' in decided) return decided;

    const only = Object.fromEntries(decided.selected.map((s) => [s.key, dbClass(s.choice!)]));
    const edits: Record<string, string> = {};
    for (const file of ctx.files) {
      if (!decided.selected.some((s) => s.file === file.path)) continue;
      const out = runOn(file, { only });
      if (typeof out === 'string' && out !== file.text) edits[file.path] = out;
    }
    if (Object.keys(edits).length === 0) return { status: 'not-found', reason: reports.join('; ') || 'nothing to change', edits: {} };
    return { status: 'proposed', reason: decided.reason, edits };
  },
};

export default codemod;
