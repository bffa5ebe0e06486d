// set-rds-engine-version: `Cannot find version 15.4 for postgres` -> the lowest version the
// region still offers above it in the same major (src/data/rds-engine-versions.json, or the
// error's own list of valid versions), written where the failing resource's engine is set.
import type { Codemod, CodemodContext, CodemodResult, Language } from '../../src/fix/contract.js';
import type { Collected } from './typescript.js';
import { engineVersionTable, majorOf, pickEngineVersion } from '../../src/data/rds.js';
import { decideVersionSites, proposedReason } from './decide.js';

const INSTANCE_DTS = 'node_modules/aws-cdk-lib/aws-rds/lib/instance-engine.d.ts';
const CLUSTER_DTS = 'node_modules/aws-cdk-lib/aws-rds/lib/cluster-engine.d.ts';

function asList(v: string | string[] | undefined): string[] | undefined {
  if (v === undefined) return undefined;
  const list = Array.isArray(v) ? v : v.split(/[\s,]+/);
  const clean = list.map((x) => x.trim()).filter(Boolean);
  return clean.length ? clean : undefined;
}

/**
 * Whether the project's installed aws-cdk-lib declares `static readonly <member>` on the class.
 * Looked up next to each source file, walking up to the project root. No aws-cdk-lib found
 * (not installed, or not a CDK project) -> true: the enum member is what a current CDK has
 * and what a reviewer expects; a missing member then shows up at compile time, not deploy.
 */
export function cdkHasEnumMember(ctx: Pick<CodemodContext, 'readFile'>, fromFiles: string[], className: string, member: string): boolean {
  const dirs = new Set<string>();
  for (const f of fromFiles) {
    const parts = f.split('/').slice(0, -1);
    for (let i = parts.length; i >= 0; i--) dirs.add(parts.slice(0, i).join('/'));
  }
  const dtsName = className.startsWith('Aurora') ? CLUSTER_DTS : INSTANCE_DTS;
  for (const dir of [...dirs].sort((a, b) => b.length - a.length)) {
    const text = ctx.readFile(dir ? `${dir}/${dtsName}` : dtsName);
    if (text === undefined) continue;
    const start = text.search(new RegExp(`declare class ${className}\\b`));
    if (start < 0) return false;
    const next = text.indexOf('declare class ', start + 1);
    const body = text.slice(start, next < 0 ? undefined : next);
    return new RegExp(`static readonly ${member}\\b`).test(body);
  }
  return true;
}

const codemod: Codemod = {
  id: 'set-rds-engine-version',
  title: 'Replace an RDS engine version the region no longer offers',
  languages: ['typescript', 'python'],

  prefilter(text, captures) {
    const version = typeof captures.version === 'string' ? captures.version : '';
    // A message without the version (`engine version not found`): any file that pins one.
    if (!version) return /engine_?[vV]ersion|EngineVersion\.(?:VER_|of\()/.test(text);
    const engine = typeof captures.engine === 'string' ? captures.engine : '';
    // The target too: a file already moved to it must reach the transform to report already-fixed.
    const target = engine ? pickEngineVersion(engine, version, asList(captures.validVersions)) : undefined;
    const enumForm = (v: string) => v.replace(/^\d+\.\d+\.mysql_aurora\./, '').replace(/\./g, '_');
    // No engine (cfn-lint's message has none): the enum form too, the transform decides the engine.
    return [version, target].some((v) => v !== undefined && (text.includes(v) || text.includes(enumForm(v))));
  },

  run(language, ctx): Promise<CodemodResult> {
    const engine = typeof ctx.captures.engine === 'string' ? ctx.captures.engine : '';
    const version = typeof ctx.captures.version === 'string' ? ctx.captures.version : '';
    if (!version) return inferVersion(language, ctx);
    return engine ? runFor(language, ctx) : inferEngine(language, ctx);
  },
};

const VERSION_CLASSES: Record<string, string> = {
  PostgresEngineVersion: 'postgres', AuroraPostgresEngineVersion: 'aurora-postgresql', MysqlEngineVersion: 'mysql',
  AuroraMysqlEngineVersion: 'aurora-mysql', MariaDbEngineVersion: 'mariadb',
};

/**
 * The versions the candidate files pin, as (engine, version) pairs to try: CDK enum members and
 * `.of('x')`, `engineVersion` / `engine_version` strings. Only a list of candidates: each is then
 * looked for, and changed, on the syntax tree by the transforms.
 */
function pinnedVersions(files: { text: string }[], engine: string): Array<{ engine: string; version: string }> {
  const out = new Map<string, { engine: string; version: string }>();
  const add = (e: string, v: string) => {
    if (!engine || e === engine) out.set(`${e}|${v}`, { engine: e, version: v });
  };
  for (const { text } of files) {
    for (const m of text.matchAll(/\b(\w+EngineVersion)\.(?:VER_(\d+(?:_\w+?)*)\b|of\(\s*['"`](\d[\w.-]*)['"`])/g)) {
      const e = VERSION_CLASSES[m[1]!];
      if (e) add(e, m[3] ?? m[2]!.replace(/_/g, '.').toLowerCase());
    }
    for (const m of text.matchAll(/\bengine_?[vV]ersion\s*[:=]\s*['"`](\d[\w.-]*)['"`]/g)) {
      for (const e of enginesFor(m[1]!)) add(e, m[1]!);
    }
  }
  return [...out.values()];
}

/**
 * A message that names no version (`engine version not found`): try each version the files pin
 * and keep the one whose sites belong to the resource the log names. Refused when more than one
 * fits (the log then does not say which), as when none of them is known to be retired.
 */
async function inferVersion(language: Language, ctx: CodemodContext): Promise<CodemodResult> {
  const engine = typeof ctx.captures.engine === 'string' ? ctx.captures.engine : '';
  const all = pinnedVersions(ctx.files, engine);
  if (all.length === 0) return { status: 'not-found', reason: `the log names no engine version, and the candidate files pin none${engine ? ` for ${engine}` : ''}`, edits: {} };
  // A version the table lists as offered is not the one that was refused (and is where a fix leaves it).
  const table = engineVersionTable();
  const offered = (p: { engine: string; version: string }) => {
    const full = p.engine === 'aurora-mysql' && /^[23]\.\d+\.\d+$/.test(p.version) ? `${p.version.startsWith('3.') ? '8.0' : '5.7'}.mysql_aurora.${p.version}` : p.version;
    return (table.engines[p.engine]?.[majorOf(p.engine, full) ?? ''] ?? []).includes(full);
  };
  const pairs = all.filter((p) => !offered(p));
  const named = ctx.resources.map((r) => r.id ?? r.constructPath).filter(Boolean).join(', ');
  const results: Array<[{ engine: string; version: string }, CodemodResult]> = [];
  for (const pair of pairs) results.push([pair, await runFor(language, { ...ctx, captures: { ...ctx.captures, ...pair } })]);
  const proposed = results.filter(([, r]) => r.status === 'proposed');
  if (proposed.length === 0) {
    // The named database already pins an offered version: what a fix leaves behind.
    for (const pair of all.filter(offered)) {
      const r = await runFor(language, { ...ctx, captures: { ...ctx.captures, ...pair } });
      if (r.status === 'proposed') {
        return { status: 'already-fixed', reason: `${named || 'the database'} pins ${pair.engine} ${pair.version}, which stackfix's table (${table.generated}) lists as offered; if the deploy still fails, check \`aws rds describe-db-engine-versions --engine ${pair.engine}\``, edits: {} };
      }
    }
  }
  if (proposed.length === 1) {
    const [pair, result] = proposed[0]!;
    return { ...result, reason: `${result.reason} (the message names no version: ${pair.engine} ${pair.version} is what ${named || 'the only database in the candidate files'} pins)` };
  }
  if (proposed.length > 1) {
    return {
      status: 'refused',
      reason: `the message names no engine version and ${proposed.map(([p]) => `${p.engine} ${p.version}`).join(', ')} are all pinned${named ? ` where ${named} could be` : ''}; run \`aws rds describe-db-engine-versions\` to see which one is no longer offered`,
      edits: {},
    };
  }
  const refused = results.find(([, r]) => r.status === 'refused' && !/no other offered|is not an RDS engine/.test(r.reason ?? ''));
  if (refused) return refused[1];
  return { status: 'not-found', reason: `the log names no engine version, and none of the pinned ones (${pairs.map((p) => `${p.engine} ${p.version}`).join(', ')}) has a known replacement for ${named || 'a named database'}`, edits: {} };
}

/** Engines a version can belong to by its form: '8.0.mysql_aurora.3.05.2' is Aurora MySQL only. */
export function enginesFor(version: string, validVersions?: readonly string[]): string[] {
  const aurora = /mysql_aurora|^[23]\.\d+\.\d+$/.test(version);
  const table = engineVersionTable().engines;
  return Object.keys(table).filter((engine) => {
    if ((engine === 'aurora-mysql') !== aurora) return false;
    const major = majorOf(engine, version);
    if (!major) return false;
    return validVersions?.length ? validVersions.some((v) => majorOf(engine, v) === major) : table[engine]![major] !== undefined;
  });
}

/**
 * cfn-lint's E3690/E3691 print the version and the valid list but not the engine: try each
 * engine the version can belong to and keep the one whose resources in the source set it.
 */
async function inferEngine(language: Language, ctx: CodemodContext): Promise<CodemodResult> {
  const version = typeof ctx.captures.version === 'string' ? ctx.captures.version : '';
  const candidates = version ? enginesFor(version, asList(ctx.captures.validVersions)) : [];
  if (candidates.length === 0) return { status: 'refused', reason: `the log does not name the engine of ${version || 'the version'}, and no RDS engine offers its major`, edits: {} };
  const results: Array<[string, CodemodResult]> = [];
  for (const engine of candidates) results.push([engine, await runFor(language, { ...ctx, captures: { ...ctx.captures, engine } })]);
  const pick = (status: CodemodResult['status']) => results.filter(([, r]) => r.status === status);
  const decided = [...pick('proposed'), ...pick('refused').filter(([, r]) => !/is not an RDS engine/.test(r.reason ?? ''))];
  if (decided.length > 1) {
    return { status: 'refused', reason: `${version} is set for more than one engine (${decided.map(([e]) => e).join(', ')}) and the log does not say which failed`, edits: {} };
  }
  const [engine, result] = decided[0] ?? pick('already-fixed')[0] ?? results[0]!;
  return { ...result, reason: `${result.reason ?? ''} (engine ${engine}, from the resource that sets ${version}; the log does not name it)`.trim() };
}

async function runFor(language: Language, ctx: CodemodContext): Promise<CodemodResult> {
  {
    if (language === 'python') return (await import('./python.js')).run(ctx);
    const engine = typeof ctx.captures.engine === 'string' ? ctx.captures.engine : '';
    const version = typeof ctx.captures.version === 'string' ? ctx.captures.version : '';
    const { default: transform, ENUM_CLASS, enumMember } = await import('./typescript.js');
    const { chooseEngineVersion, engineVersionTable } = await import('../../src/data/rds.js');
    const className = ENUM_CLASS[engine];
    if (!className || !version) return { status: 'refused', reason: `engine '${engine}' is not an RDS engine this fix knows`, edits: {} };

    const validVersions = asList(ctx.captures.validVersions);
    const choice = chooseEngineVersion(engine, version, validVersions);
    const target = choice?.version;
    const useEnum = target ? cdkHasEnumMember(ctx, ctx.files.map((f) => f.path), className, enumMember(engine, target)) : true;
    const { default: jscodeshift } = await import('jscodeshift');

    const reports: string[] = [];
    const runOn = (file: { path: string; text: string }, extra: Record<string, unknown>) => {
      const j = jscodeshift.withParser(file.path.endsWith('.tsx') ? 'tsx' : 'ts');
      const api = { j, jscodeshift: j, stats: () => {}, report: (msg: string) => reports.push(`${file.path}: ${msg}`) };
      try {
        return transform({ path: file.path, source: file.text }, api, { engine, version, target, enum: useEnum, resources: ctx.resources, ...extra });
      } catch (err) {
        reports.push(`${file.path}: skipped: ${(err as Error).message.split('\n')[0]}`);
        return null;
      }
    };

    const collected: Collected = { sites: [], links: [], families: [] };
    for (const file of ctx.files) {
      runOn(file, {
        collect: (found: Collected) => {
          collected.sites.push(...found.sites);
          collected.links.push(...found.links);
          collected.families.push(...found.families);
        },
      });
    }
    const sites = collected.sites;

    if (sites.length === 0) {
      for (const file of ctx.files) runOn(file, {});
      const fixed = reports.find((r) => r.includes('already-fixed:'));
      if (fixed) return { status: 'already-fixed', reason: fixed.replace(/^.*already-fixed: /, ''), edits: {} };
      return { status: 'not-found', reason: `no ${engine} engine version ${version} in the candidate files`, edits: {} };
    }
    if (!target) {
      const table = engineVersionTable();
      return {
        status: 'refused',
        reason: `no other offered ${engine} version in the major of ${version} is known (${validVersions ? 'versions listed by the error' : `data table of ${table.generated}`}); choose one with \`aws rds describe-db-engine-versions --engine ${engine}\``,
        edits: {},
      };
    }
    const decided = decideVersionSites({ engine, version, target, sites, links: collected.links, families: collected.families, hints: ctx.resources });
    if ('status' in decided) return decided;

    if (decided.selected.length === 0) {
      const named = ctx.resources.map((r) => r.id ?? r.constructPath).join(', ');
      return { status: 'not-found', reason: `${version} is set only for resources the log does not name (not ${named})`, edits: {} };
    }
    const only = decided.selected.map((s) => s.key);
    const edits: Record<string, string> = {};
    for (const file of ctx.files) {
      if (!decided.selected.some((s) => s.file === file.path)) continue;
      const out = runOn(file, { only });
      if (typeof out === 'string' && out !== file.text) edits[file.path] = out;
    }
    if (Object.keys(edits).length === 0) return { status: 'not-found', reason: reports.join('; ') || 'nothing to change', edits: {} };
    // Say what is written: the enum member or .of(...) where CDK's class is used, else the string.
    const usesClass = decided.selected.some((s) => s.what.startsWith(className));
    const how = !usesClass ? `'${target}'` : useEnum ? enumMember(engine, target) : `${className}.of('${target}', ...)`;
    return { status: 'proposed', reason: proposedReason(engine, version, target, how, decided.selected, sites.length, choice, decided.notes), edits };
  }
}

export default codemod;
