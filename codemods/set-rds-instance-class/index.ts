// set-rds-instance-class: `RDS does not support creating a DB instance with the following
// combination: DBInstanceClass=db.t3.small, Engine=aurora-mysql, EngineVersion=8.0...` -> the
// smallest class of the same family the engine accepts (src/data/rds-instance-classes.json),
// set on the failing instance only.
import type { Codemod, CodemodResult } from '../../src/fix/contract.js';
import { cdkSize, type Site } from './typescript.js';
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
    const engine = capture(ctx.captures.engine);
    const engineVersion = capture(ctx.captures.engineVersion);
    const [{ default: transform, selectSites }, { pickInstanceClass, instanceClassTable }, { default: jscodeshift }] = await Promise.all([
      import('./typescript.js'),
      import('../../src/data/rds.js'),
      import('jscodeshift'),
    ]);
    const choice = pickInstanceClass(instanceClass, engine, engineVersion);
    const target = choice?.instanceClass;

    const reports: string[] = [];
    const runOn = (file: { path: string; text: string }, extra: Record<string, unknown>) => {
      const j = jscodeshift.withParser(file.path.endsWith('.tsx') ? 'tsx' : 'ts');
      const api = { j, jscodeshift: j, stats: () => {}, report: (msg: string) => reports.push(`${file.path}: ${msg}`) };
      try {
        return transform({ path: file.path, source: file.text }, api, { instanceClass, engine, engineVersion, target, resources: ctx.resources, ...extra });
      } catch (err) {
        reports.push(`${file.path}: skipped: ${(err as Error).message.split('\n')[0]}`);
        return null;
      }
    };

    const sites: Site[] = [];
    for (const file of ctx.files) runOn(file, { collect: (found: Site[]) => sites.push(...found) });
    if (sites.length === 0) {
      for (const file of ctx.files) runOn(file, {});
      const fixed = reports.find((r) => r.includes('already-fixed:'));
      if (fixed) return { status: 'already-fixed', reason: fixed.replace(/^.*already-fixed: /, ''), edits: {} };
      return { status: 'not-found', reason: `no RDS instance with ${instanceClass} in the candidate files`, edits: {} };
    }
    if (!target) {
      return {
        status: 'refused',
        reason: `the data table (${instanceClassTable().generated}) has no smaller-is-unsupported rule for ${instanceClass} on ${engine} ${engineVersion}; ` +
          `check \`aws rds describe-orderable-db-instance-options --engine ${engine} --engine-version ${engineVersion || '<version>'}\``,
        edits: {},
      };
    }
    const pick = selectSites(sites, ctx.resources);
    if ('refused' in pick) return { status: 'refused', reason: pick.refused, edits: {} };
    if (pick.selected.length === 0) {
      const named = ctx.resources.map((r) => r.id ?? r.constructPath).join(', ');
      return { status: 'not-found', reason: `${instanceClass} is set only for instances the log does not name (not ${named})`, edits: {} };
    }
    const blocked = pick.selected.find((s) => s.refusal);
    if (blocked) return { status: 'refused', reason: blocked.refusal!, edits: {} };

    const only = pick.selected.map((s) => s.key);
    const edits: Record<string, string> = {};
    for (const file of ctx.files) {
      if (!pick.selected.some((s) => s.file === file.path)) continue;
      const out = runOn(file, { only });
      if (typeof out === 'string' && out !== file.text) edits[file.path] = out;
    }
    if (Object.keys(edits).length === 0) return { status: 'not-found', reason: reports.join('; ') || 'nothing to change', edits: {} };
    return {
      status: 'proposed',
      reason: `${instanceClass} -> ${target} (smallest ${choice!.family} class for ${engine} ${engineVersion}) in ${pick.selected.map((s) => `${s.file}:${s.line}`).join(', ')}`,
      edits,
    };
  },
};

export default codemod;
