// Python transform of set-rds-engine-version (CDK and Pulumi programs).
//
// Sites, for the captured engine and version only:
//   rds.PostgresEngineVersion.VER_15_4          -> VER_15_8, or `.of("15.8", "15", ...)` when the
//                                                 project's installed aws-cdk-lib lacks that member
//   rds.PostgresEngineVersion.of("15.4", "15")  -> .of("15.8", "15")
//   engine_version="15.4" in aws.rds.Instance / Cluster / ClusterInstance / GlobalCluster (and
//     their *Args), rds.CfnDBInstance / CfnDBCluster / CfnGlobalCluster, CDKTF DbInstance /
//     RdsCluster / RdsClusterInstance / RdsGlobalCluster, and a `PG_VERSION = "15.4"` such
//     keywords name.
// Each site is tied to the resources it configures (py-resources.ts); decide.ts picks the
// failing resources' sites and those of the resources tied to them. Other engines' versions and derived values
// (`engine_version=cluster.engine_version`) are never sites.
import type { CodemodContext, CodemodResult } from '../../src/fix/contract.js';
import { chooseEngineVersion, engineVersionTable } from '../../src/data/rds.js';
import { applyEdits, type Edit } from '../../src/fix/python/edits.js';
import { parsePython, type Node } from '../../src/fix/python/parser.js';
import { callArgs, field, findAll, preferredQuote, stringLiteral } from '../../src/fix/python/syntax.js';
import type { OwnerPath } from '../../src/fix/sites.js';
import { decideVersionSites, proposedReason, type Family } from './decide.js';
import { pyCollectResources, pyFamilyOf, pyLinksOf } from './py-resources.js';
import { ENUM_CLASS, enumMember, ofMajor } from './typescript.js';
import {
  bindingOf, calleeOf, constantImporters, constantRefusal, dedupe, disposeAll, importOf, installedCdkRds, isCdkMember, isCdktfRds, keywordValue, lineOf,
  moduleConstant, moduleFile, normalizeEngine, ownersFor, parseAll, settles, pyClassHasMember, pyOfTakesFeatures, resolveText, siteKey,
  type PySite, type PySource,
} from './python-rds.js';

function capture(v: string | string[] | undefined): string {
  return typeof v === 'string' ? v.trim() : '';
}

function asList(v: string | string[] | undefined): string[] | undefined {
  if (v === undefined) return undefined;
  const list = Array.isArray(v) ? v : v.split(/[\s,]+/);
  const clean = list.map((x) => x.trim()).filter(Boolean);
  return clean.length ? clean : undefined;
}

/** Aurora MySQL versions written without their MySQL prefix ('3.05.2') compare as the full form. */
function fullVersion(engine: string, v: string): string {
  if (engine !== 'aurora-mysql' || !/^[23]\.\d+\.\d+$/.test(v)) return v;
  return `${v.startsWith('3.') ? '8.0' : '5.7'}.mysql_aurora.${v}`;
}

/** The target written the way the old value was: '3.05.2' stays short, '8.0.mysql_aurora...' full. */
function likeOld(engine: string, old: string, target: string): string {
  if (engine === 'aurora-mysql' && !old.includes('mysql_aurora')) return target.replace(/^\d+\.\d+\.mysql_aurora\./, '');
  return target;
}

/** Resource calls whose `engine_version=` is an RDS engine version; engineOptional: CFN lets `engine` be omitted there. */
const VERSION_HOLDERS: Record<string, { engineOptional: boolean }> = {
  'pulumi_aws.rds.Instance': { engineOptional: false },
  'pulumi_aws.rds.InstanceArgs': { engineOptional: false },
  'pulumi_aws.rds.Cluster': { engineOptional: false },
  'pulumi_aws.rds.ClusterArgs': { engineOptional: false },
  'pulumi_aws.rds.ClusterInstance': { engineOptional: false },
  'pulumi_aws.rds.ClusterInstanceArgs': { engineOptional: false },
  'pulumi_aws.rds.GlobalCluster': { engineOptional: false },
  'pulumi_aws.rds.GlobalClusterArgs': { engineOptional: false },
  'aws_cdk.aws_rds.CfnDBInstance': { engineOptional: true },
  'aws_cdk.aws_rds.CfnDBInstanceProps': { engineOptional: true },
  'aws_cdk.aws_rds.CfnDBCluster': { engineOptional: true },
  'aws_cdk.aws_rds.CfnDBClusterProps': { engineOptional: true },
  'aws_cdk.aws_rds.CfnGlobalCluster': { engineOptional: true },
  'aws_cdk.aws_rds.CfnGlobalClusterProps': { engineOptional: true },
};

function versionHolder(q: string | undefined): { engineOptional: boolean } | undefined {
  if (!q) return undefined;
  return VERSION_HOLDERS[q] ?? (isCdktfRds(q, true) ? { engineOptional: false } : undefined);
}

interface Emit {
  /** Write the enum member (else `.of(...)`). */
  useEnum: boolean;
  /** `.of(...)` for PostgreSQL: the s3 features CDK's own VER_ members carry. */
  features: boolean;
}

interface Finder {
  ctx: CodemodContext;
  engine: string;
  className: string;
  emit: Emit;
}

type VersionSite = PySite<string>;

/** Every place in one file that sets `version` for the engine. */
async function findSites(f: Finder, src: PySource, version: string): Promise<VersionSite[]> {
  const { engine, className } = f;
  const root = src.file.root;
  const out: VersionSite[] = [];
  const same = (v: string) => fullVersion(engine, v) === fullVersion(engine, version);
  const owned = (n: Node) => ownersFor(src, n, f.ctx.resources);
  const quote = preferredQuote(root);

  // rds.PostgresEngineVersion.VER_15_4
  const member = enumMember(engine, version);
  for (const attr of findAll(root, 'attribute')) {
    const name = field(attr, 'attribute');
    const obj = field(attr, 'object');
    if (!name || name.text !== member || !isCdkMember(src, obj, 'aws_cdk.aws_rds', className)) continue;
    const nameRange = { start: name.startIndex, end: name.endIndex };
    const whole = { start: attr.startIndex, end: attr.endIndex, obj: obj!.text };
    out.push({
      key: siteKey(src, attr),
      file: src.path,
      line: lineOf(attr),
      what: `${className}.${member}`,
      ...ownedSite(owned(attr)),
      edit: (t): Edit => {
        if (f.emit.useEnum) return { ...nameRange, text: enumMember(engine, t) };
        const features = f.emit.features ? ', s3_import=True, s3_export=True' : '';
        return { start: whole.start, end: whole.end, text: `${whole.obj}.of(${quote}${t}${quote}, ${quote}${ofMajor(engine, t)}${quote}${features})` };
      },
    });
  }

  // rds.PostgresEngineVersion.of("15.4", "15")
  for (const call of findAll(root, 'call')) {
    const fn = field(call, 'function');
    if (fn?.type !== 'attribute' || field(fn, 'attribute')?.text !== 'of' || !isCdkMember(src, field(fn, 'object'), 'aws_cdk.aws_rds', className)) continue;
    const args = callArgs(call);
    const first = args?.positional[0] ?? [...(args?.keywords.entries() ?? [])].find(([k]) => k.endsWith('_full_version'))?.[1].value;
    if (!first) continue;
    const lit = stringLiteral(first)?.value;
    if (lit !== undefined) {
      if (!same(lit)) continue;
      out.push({
        key: siteKey(src, first),
        file: src.path,
        line: lineOf(first),
        what: `${className}.of(${first.text})`,
        ...ownedSite(owned(call)),
        edit: editString(first, lit, engine),
      });
    } else if (first.type === 'identifier') {
      const s = await constantSite(f, src, first, `${className}.of(${first.text})`, same);
      if (s) out.push(s);
    }
  }

  // engine_version="15.4" in RDS resource arguments
  for (const kw of findAll(root, 'keyword_argument')) {
    if (field(kw, 'name')?.text !== 'engine_version') continue;
    const call = kw.parent?.parent;
    if (!call || call.type !== 'call') continue;
    const holder = versionHolder(calleeOf(src, call));
    if (!holder) continue;
    const engineArg = keywordValue(call, 'engine');
    if (engineArg === undefined) {
      if (!holder.engineOptional) continue;
    } else {
      const named = resolveText(src, engineArg);
      // Unknown (computed elsewhere) or another engine: not this finding's version.
      if (named === undefined || normalizeEngine(named) !== engine) continue;
    }
    let value = field(kw, 'value');
    // A default after `or` (`args.engine_version or "15.4"`) is the version when nothing overrides it.
    if (value?.type === 'boolean_operator' && value.children.some((c) => c?.text === 'or')) value = field(value, 'right');
    if (!value) continue;
    const lit = stringLiteral(value)?.value;
    if (lit !== undefined) {
      if (!same(lit)) continue;
      out.push({
        key: siteKey(src, value),
        file: src.path,
        line: lineOf(value),
        what: `engine_version=${value.text}`,
        ...ownedSite(owned(value)),
        edit: editString(value, lit, engine),
      });
    } else if (value.type === 'identifier') {
      const s = await constantSite(f, src, value, `engine_version=${value.text}`, same);
      if (s) out.push(s);
    }
  }
  return dedupe(out);
}

/** A version held in a named constant: the constant is the site, the resource that reads it the owner. */
async function constantSite(f: Finder, src: PySource, ident: Node, what: string, same: (v: string) => boolean): Promise<VersionSite | undefined> {
  const name = ident.text;
  const b = bindingOf(ident, src.file.root);
  if (!b) {
    // `from .settings import PG_VERSION`: say where it is rather than edit a module others import.
    const imp = importOf(src, name);
    const file = imp ? moduleFile(f.ctx, src.path, imp.module) : undefined;
    const value = file && imp ? await moduleConstant(f.ctx, file, imp.name) : undefined;
    if (value === undefined || !same(value)) return undefined;
    return {
      key: siteKey(src, ident),
      file: src.path,
      line: lineOf(ident),
      what: `${what} (imported from ${file})`,
      owners: ownersFor(src, ident, f.ctx.resources).owners,
      refusal: `${value} is held in '${imp!.name}' in ${file}, which other modules can import; change it there by hand`,
      edit: () => ({ start: ident.startIndex, end: ident.startIndex, text: '' }),
    };
  }
  const lit = stringLiteral(b.value)?.value;
  if (lit === undefined || !same(lit)) return undefined;
  const owned = ownersFor(src, b.value, f.ctx.resources);
  const refusal = (await constantRefusal(f.ctx, src, b, name, lit)) ?? owned.refusal;
  return {
    key: siteKey(src, b.value),
    file: src.path,
    line: lineOf(b.value),
    what: `${what} (${name} = ${b.value.text})`,
    ...ownedSite({ ...owned, refusal }),
    edit: editString(b.value, lit, f.engine),
  };
}

function ownedSite(o: { owners: OwnerPath[]; followers?: OwnerPath[]; refusal?: string }): { owners: OwnerPath[]; followers?: OwnerPath[]; refusal?: string } {
  return {
    owners: o.owners,
    ...(o.followers?.length ? { followers: o.followers } : {}),
    ...(o.refusal ? { refusal: o.refusal } : {}),
  };
}

function editString(node: Node, old: string, engine: string): (t: string) => Edit {
  const start = node.namedChildren.find((c) => c?.type === 'string_start')?.text ?? '"';
  const end = node.namedChildren.find((c) => c?.type === 'string_end')?.text ?? '"';
  const range = { start: node.startIndex, end: node.endIndex };
  return (t) => ({ ...range, text: `${start}${likeOld(engine, old, t)}${end}` });
}

export async function run(ctx: CodemodContext): Promise<CodemodResult> {
  const engine = capture(ctx.captures.engine);
  const version = capture(ctx.captures.version);
  const className = ENUM_CLASS[engine];
  if (!className || !version) return { status: 'refused', reason: `engine '${engine}' is not an RDS engine this fix knows`, edits: {} };

  const validVersions = asList(ctx.captures.validVersions);
  const choice = chooseEngineVersion(engine, version, validVersions);
  const target = choice?.version;
  // The enum member only if the installed aws-cdk-lib has it; no package found -> the member (as a current CDK has).
  const pkg = target ? installedCdkRds(ctx, ctx.files.map((x) => x.path)) : undefined;
  const useEnum = !pkg || !target || pyClassHasMember(pkg.text, className, enumMember(engine, target));
  const features = !useEnum && (engine === 'postgres' || engine === 'aurora-postgresql') && pyOfTakesFeatures(pkg!.text, className);
  const finder: Finder = { ctx, engine, className, emit: { useEnum, features } };

  const { sources, skipped } = await parseAll(ctx.files);
  const same = (v: string) => fullVersion(engine, v) === fullVersion(engine, version);
  // Files that set a resource from a candidate's constant: their sites are refusals, never edits.
  const importers = await constantImporters(ctx, sources, same);
  try {
    const sites: VersionSite[] = [];
    const done: VersionSite[] = [];
    for (const src of [...sources, ...importers]) {
      sites.push(...(await findSites(finder, src, version)));
      if (target) done.push(...(await findSites(finder, src, target)));
    }
    const note = skipped.length ? ` (${skipped.join('; ')})` : '';
    // Already at the target: for the resource the log names, when it names one that is found.
    const alreadyFixed = () => settles(done, ctx.resources);
    const fixedReason = () => `${engine} ${target} is already set (${done.map((s) => `${s.file}:${s.line}`).join(', ')})`;

    if (sites.length === 0) {
      if (alreadyFixed()) return { status: 'already-fixed', reason: fixedReason(), edits: {} };
      return { status: 'not-found', reason: `no ${engine} engine version ${version} in the candidate files${note}`, edits: {} };
    }
    if (!target) {
      const table = engineVersionTable();
      return {
        status: 'refused',
        reason: `no other offered ${engine} version in the major of ${version} is known (${validVersions ? 'versions listed by the error' : `data table of ${table.generated}`}); choose one with \`aws rds describe-db-engine-versions --engine ${engine}\``,
        edits: {},
      };
    }
    const links: Array<[OwnerPath, OwnerPath]> = [];
    const families: Family[] = [];
    for (const src of [...sources, ...importers]) {
      const resources = pyCollectResources(src);
      links.push(...pyLinksOf(src, resources));
      for (const r of resources) {
        const family = pyFamilyOf(r);
        if (family) families.push({ owner: r.path, family, file: src.path, line: r.line });
      }
    }
    const pick = decideVersionSites({ engine, version, target, sites, links, families, hints: ctx.resources });
    if ('status' in pick) return pick;
    if (pick.selected.length === 0) {
      if (alreadyFixed()) return { status: 'already-fixed', reason: fixedReason(), edits: {} };
      const named = ctx.resources.map((r) => r.id ?? r.constructPath).join(', ');
      return { status: 'not-found', reason: `${version} is set only for resources the log does not name (not ${named})`, edits: {} };
    }

    const byFile = new Map<string, Edit[]>();
    for (const s of pick.selected) byFile.set(s.file, [...(byFile.get(s.file) ?? []), s.edit(target)]);
    const edits: Record<string, string> = {};
    for (const [path, list] of byFile) {
      const src = sources.find((x) => x.path === path);
      if (!src) return { status: 'refused', reason: `${path} is not a file this fix may edit`, edits: {} };
      const out = applyEdits(src.text, list);
      const check = await parsePython(path, out);
      const problem = check.problems()[0];
      check.dispose();
      if (problem) return { status: 'refused', reason: `the change to ${path} would not parse (line ${problem.line}: ${problem.message})`, edits: {} };
      if (out !== src.text) edits[path] = out;
    }
    if (Object.keys(edits).length === 0) return { status: 'not-found', reason: 'nothing to change', edits: {} };
    const how = [...new Set(pick.selected.map((s) => s.edit(target).text))].join(', ');
    return { status: 'proposed', reason: proposedReason(engine, version, target, how, pick.selected, sites.length, choice, pick.notes), edits };
  } finally {
    disposeAll(sources);
    disposeAll(importers);
  }
}
