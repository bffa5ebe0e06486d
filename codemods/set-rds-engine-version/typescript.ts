// jscodeshift transform: replace an RDS engine version the region no longer offers.
//
//   npx jscodeshift -t codemods/set-rds-engine-version/typescript.ts --parser ts \
//     --engine=postgres --engineVersion='"15.4"' [--target='"15.8"'] [--enum=false] [--resources=OrdersDbA1B2C3D4] lib/
// (the CLI owns --version and JSON-parses values, so versions go as JSON strings; in-process the
// capture is `version`.)
//
// Sites, for the captured engine and version only:
//   rds.PostgresEngineVersion.VER_15_4          -> VER_15_8 (or .of('15.8', '15', ...) when the
//                                                 installed aws-cdk-lib lacks that member: --enum=false)
//   rds.PostgresEngineVersion.of('15.4', '15')  -> .of('15.8', '15')
//   engineVersion: '15.4' in aws.rds.Instance / Cluster / ClusterInstance / GlobalCluster,
//     CfnDBInstance / CfnDBCluster / CfnGlobalCluster, CDKTF DbInstance / RdsCluster /
//     RdsClusterInstance / RdsGlobalCluster, and a `const v = '15.4'` such properties name.
// Each site is tied to the resources it configures (construct ids and Pulumi names as templates,
// ts-resources.ts); decide.ts picks the failing resources' sites and those of the resources tied
// to them (a cluster, its instances, its global cluster). Its imports use `.ts` specifiers so the
// jscodeshift CLI can load it alone; index.ts runs it in-process and computes --target.
import type { API, ASTPath, Collection, FileInfo, JSCodeshift, Options } from 'jscodeshift';
import { fileQuote, findConst, isExported, isProp, keyName, lastName, qualifiedLast, stringValue, withQuote } from '../shared/jscodeshift.ts';
import { selectSites, type OwnerPath, type Site } from '../../src/fix/sites.ts';
import { collectResources, familyOf, linksOf, ownersAt, references, type OwnersAt } from './ts-resources.ts';

export { selectSites, type Site };

/** What one file contributes to the decision: its sites, which resources are tied, parameter-group families. */
export interface Collected {
  sites: Site[];
  links: Array<[OwnerPath, OwnerPath]>;
  families: Array<{ owner: OwnerPath; family: string; file: string; line: number }>;
}
import type { ResourceHint as ResourceHintLike } from '../../src/types.ts';

/* eslint-disable @typescript-eslint/no-explicit-any */
type AnyNode = any;

export const ENUM_CLASS: Record<string, string> = {
  postgres: 'PostgresEngineVersion',
  'aurora-postgresql': 'AuroraPostgresEngineVersion',
  mysql: 'MysqlEngineVersion',
  'aurora-mysql': 'AuroraMysqlEngineVersion',
  mariadb: 'MariaDbEngineVersion',
};

/** CDK's enum member for a full version: '15.4' -> VER_15_4, '8.0.mysql_aurora.3.05.2' -> VER_3_05_2. */
export function enumMember(engine: string, version: string): string {
  const v = engine === 'aurora-mysql' ? version.replace(/^\d+\.\d+\.mysql_aurora\./, '') : version;
  return `VER_${v.replace(/[^0-9A-Za-z]+/g, '_')}`;
}

/** The major CDK's `.of()` wants: '15.8' -> '15', '8.0.39' -> '8.0', '8.0.mysql_aurora.3.08.2' -> '8.0'. */
export function ofMajor(engine: string, version: string): string {
  const parts = version.split('.');
  if ((engine === 'postgres' || engine === 'aurora-postgresql') && Number(parts[0]) >= 10) return parts[0]!;
  return parts.slice(0, 2).join('.');
}

/** Pulumi classes (aws.rds.X) and CDK L1 / CDKTF classes whose `engineVersion` is an RDS engine version. */
const PULUMI_CLASSES = new Set(['Instance', 'Cluster', 'ClusterInstance', 'GlobalCluster']);
const L1_CLASSES = new Set(['CfnDBInstance', 'CfnDBCluster', 'CfnGlobalCluster']);
const CDKTF_CLASSES = new Set(['DbInstance', 'RdsCluster', 'RdsClusterInstance', 'RdsGlobalCluster']);
const VERSION_KEYS = new Set(['engineVersion']);

interface Settings {
  engine: string;
  version: string;
  target?: string;
  useEnum: boolean;
  hints: ResourceHintLike[];
  collect?: (found: Collected) => void;
  only?: Set<string>;
}

function settings(options: Options): Settings {
  const hints: ResourceHintLike[] = Array.isArray(options.resources)
    ? options.resources
    : typeof options.resources === 'string' && options.resources
      ? options.resources.split(',').map((id: string) => ({ id: id.trim() }))
      : [];
  const engine = String(options.engine ?? '');
  // The jscodeshift CLI keeps --version for itself: standalone runs pass --engineVersion.
  const version = String(typeof options.version === 'string' ? options.version : options.engineVersion ?? '');
  return {
    engine,
    version,
    target: options.target ? String(options.target) : tableReplacement(engine, version),
    useEnum: options.enum !== false && options.enum !== 'false',
    hints,
    collect: typeof options.collect === 'function' ? options.collect : undefined,
    only: options.only ? new Set<string>(options.only) : undefined,
  };
}

/** Standalone CLI runs only: the precomputed table in src/data (in-process, index.ts passes target). */
function tableReplacement(engine: string, version: string): string | undefined {
  try {
    const table = typeof require === 'function' ? require('../../src/data/rds-engine-versions.json') : undefined;
    return table?.replacements?.[engine]?.[version];
  } catch {
    return undefined;
  }
}

export default function transform(file: FileInfo, api: API, options: Options): string | null | undefined {
  // The jscodeshift CLI JSON-parses option values: --engineVersion=15.10 arrives as the number 15.1.
  const numeric = ['version', 'engineVersion', 'target'].filter((k) => typeof options[k] === 'number');
  if (numeric.length) {
    api.report(`refused: pass ${numeric.map((k) => `--${k}`).join(', ')} as a JSON string (--${numeric[0]}='"15.10"'); the CLI read a number`);
    return null;
  }
  const s = settings(options);
  const j = api.jscodeshift;
  const cls = ENUM_CLASS[s.engine];
  if (!cls || !s.version) {
    api.report(`refused: unknown engine '${s.engine}' or no version`);
    return null;
  }
  const mentions = (v: string | undefined) => v !== undefined && (file.source.includes(v) || file.source.includes(enumMember(s.engine, v)));
  // The target too, so that a file already moved to it reports already-fixed.
  if (!mentions(s.version) && !mentions(s.target)) return null;
  const root = j(file.source);
  const splices = new Map<string, string>();
  const found = findSites(j, root, file.path, file.source, s, splices);
  if (s.collect) {
    const resources = collectResources(j, root, file.source, file.path);
    s.collect({
      sites: found.map((f) => f.site),
      links: linksOf(j, root, file.source, resources),
      families: resources.flatMap((r) => {
        const family = familyOf(r);
        return family ? [{ owner: r.path, family, file: file.path, line: r.line }] : [];
      }),
    });
    return null;
  }
  if (found.length === 0) {
    if (s.target && hasVersion(j, root, file.source, s, s.target)) api.report(`already-fixed: ${s.engine} ${s.target} is already set`);
    return null;
  }
  if (!s.target) {
    api.report(`refused: no offered ${s.engine} version to replace ${s.version} with (not in the data table)`);
    return null;
  }
  let chosen = found;
  if (s.only) {
    chosen = found.filter((f) => s.only!.has(f.site.key));
  } else {
    const resources = collectResources(j, root, file.source, file.path);
    const pick = selectSites(found.map((f) => f.site), s.hints, { links: linksOf(j, root, file.source, resources) });
    if ('refused' in pick) {
      api.report(`refused: ${pick.refused}`);
      return null;
    }
    const keys = new Set(pick.selected.map((x) => x.key));
    chosen = found.filter((f) => keys.has(f.site.key));
  }
  if (chosen.length === 0) return null;
  for (const f of chosen) f.apply(s.target);
  let out = root.toSource({ quote: fileQuote(j, root) });
  for (const [placeholder, text] of splices) out = out.replace(placeholder, text);
  return out;
}

interface Found {
  site: Site;
  apply(target: string): void;
}

function findSites(j: JSCodeshift, root: Collection, file: string, source: string, s: Settings, splices = new Map<string, string>()): Found[] {
  const quoteChar = fileQuote(j, root) === 'double' ? '"' : "'";
  const cls = ENUM_CLASS[s.engine]!;
  const member = enumMember(s.engine, s.version);
  const out: Found[] = [];
  const owned = (path: ASTPath) => ownersAt(j, root, source, file, path);
  const site = (path: ASTPath, what: string, owners: OwnersAt, apply: (t: string) => void, refusal?: string) => {
    const node = path.node as AnyNode;
    out.push({
      site: {
        key: `${file}:${node.start}`, file, line: node.loc?.start.line ?? 0, what, owners: owners.owners,
        ...(owners.followers.length ? { followers: owners.followers } : {}),
        ...(refusal ? { refusal } : {}),
      },
      apply,
    });
  };

  // rds.PostgresEngineVersion.VER_15_4
  root.find(j.MemberExpression).forEach((path) => {
    const node = path.node as AnyNode;
    if (node.computed || node.property.type !== 'Identifier' || node.property.name !== member) return;
    if (lastName(node.object) !== cls) return;
    site(path, `${cls}.${member}`, owned(path), (target) => {
      if (s.useEnum) {
        node.property = j.identifier(enumMember(s.engine, target));
      } else {
        // Written as text: recast would spread the features object over several lines.
        const q = quoteChar;
        const features = s.engine === 'postgres' || s.engine === 'aurora-postgresql'
          ? ', { s3Import: true, s3Export: true }' // as CDK's own VER_ members for current PostgreSQL minors
          : '';
        const placeholder = `__stackfix_of_${splices.size}__`;
        splices.set(placeholder, `${q}${target}${q}, ${q}${ofMajor(s.engine, target)}${q}${features}`);
        path.replace(j.callExpression(j.memberExpression(node.object, j.identifier('of')), [j.identifier(placeholder)]));
      }
    });
  });

  // rds.PostgresEngineVersion.of('15.4', '15')
  root.find(j.CallExpression).forEach((path) => {
    const node = path.node as AnyNode;
    const callee = node.callee;
    if (callee.type !== 'MemberExpression' || callee.computed || callee.property.name !== 'of') return;
    if (lastName(callee.object) !== cls) return;
    const arg = node.arguments[0];
    const lit = stringValue(arg) === s.version ? { holder: node.arguments, index: 0 } : undefined;
    if (lit) {
      site(path, `${cls}.of('${s.version}')`, owned(path), (target) => {
        lit.holder[lit.index] = withQuote(j, lit.holder[lit.index], target);
      });
    } else if (arg?.type === 'Identifier') {
      constSite(arg.name, `${cls}.of(${arg.name})`);
    }
  });

  // engineVersion: '15.4' in RDS resource arguments
  root.find(j.ObjectExpression).forEach((path) => {
    const obj = path.node as AnyNode;
    const prop = obj.properties.find((p: AnyNode) => isProp(p) && VERSION_KEYS.has(keyName(p) ?? ''));
    if (!prop) return;
    const usage = rdsResourceUsage(j, root, path);
    if (!usage) return;
    const engine = engineOf(j, root, obj);
    if (engine !== undefined && engine !== s.engine) return;
    if (engine === undefined && !usage.engineOptional) return;
    // A default after `??` / `||` (`args.engineVersion ?? '15.4'`) is the version when nothing overrides it.
    const holder = prop.value.type === 'LogicalExpression' && ['??', '||'].includes(prop.value.operator) ? prop.value : prop;
    const value = holder === prop ? prop.value : holder.right;
    if (stringValue(value) === s.version) {
      site(path, `${keyName(prop)}: '${s.version}'`, owned(path), (target) => {
        if (holder === prop) prop.value = withQuote(j, prop.value, target);
        else holder.right = withQuote(j, holder.right, target);
      });
    } else if (value.type === 'Identifier') {
      constSite(value.name, `${keyName(prop)}: ${value.name}`);
    }
  });

  // A version held in `const v = '15.4'`: the const is the site, the resources that read it its owners.
  function constSite(name: string, what: string) {
    const decl = findConst(j, root, name);
    if (!decl || stringValue(decl.node.init) !== s.version) return;
    const refusal = isExported(decl) ? `${s.version} is held in the exported '${name}', which other files may use; change it there by hand` : undefined;
    const init = decl.node as AnyNode;
    site(decl, `${what} (const ${name} = '${s.version}')`, owned(decl.get('init')), (target) => {
      init.init = withQuote(j, init.init, target);
    }, refusal);
  }

  // Sites found twice (a const reached from two properties) count once.
  const seen = new Set<string>();
  return out.filter((f) => (seen.has(f.site.key) ? false : (seen.add(f.site.key), true)));
}

function hasVersion(j: JSCodeshift, root: Collection, source: string, s: Settings, version: string): boolean {
  return findSites(j, root, '', source, { ...s, version }).length > 0;
}

/** How an object literal reaches an RDS resource: as its props, or via a variable passed as them. */
function rdsResourceUsage(j: JSCodeshift, root: Collection, path: ASTPath): { engineOptional: boolean } | undefined {
  let p: ASTPath | null = path.parentPath;
  while (p && ['TSAsExpression', 'TSSatisfiesExpression', 'TSNonNullExpression'].includes((p.node as AnyNode).type)) p = p.parentPath;
  const parent = p?.node as AnyNode;
  if (!parent) return undefined;
  if (parent.type === 'NewExpression') return resourceClass(parent.callee);
  if (parent.type === 'VariableDeclarator' && parent.id.type === 'Identifier') {
    const ann = parent.id.typeAnnotation?.typeAnnotation;
    const typeName = ann?.type === 'TSTypeReference' ? qualifiedLast(ann.typeName) : undefined;
    if (typeName && /^(Instance|Cluster|ClusterInstance|GlobalCluster)Args$|^(DbInstance|RdsCluster|RdsClusterInstance|RdsGlobalCluster)Config$/.test(typeName)) return { engineOptional: false };
    if (typeName && /^Cfn(DBInstance|DBCluster|GlobalCluster)Props$/.test(typeName)) return { engineOptional: true };
    for (const ref of references(j, root, parent.id.name)) {
      const up = (ref.parentPath?.node as AnyNode);
      if (up?.type === 'NewExpression') return resourceClass(up.callee);
    }
  }
  return undefined;
}

function resourceClass(callee: AnyNode): { engineOptional: boolean } | undefined {
  const name = lastName(callee);
  if (!name) return undefined;
  if (L1_CLASSES.has(name)) return { engineOptional: true };
  if (CDKTF_CLASSES.has(name)) return { engineOptional: false };
  // Pulumi's aws.rds.Instance: `Instance` alone is too common a name to trust.
  if (PULUMI_CLASSES.has(name) && callee.type === 'MemberExpression' && lastName(callee.object) === 'rds') return { engineOptional: false };
  return undefined;
}

/** The resource a variable holds, when the file creates it: `const cluster = new aws.rds.Cluster(...)`. */
function resourceProps(j: JSCodeshift, root: Collection, name: string): AnyNode | undefined {
  const decl = findConst(j, root, name);
  let init = decl?.node.init as AnyNode;
  while (init && ['TSAsExpression', 'TSSatisfiesExpression', 'TSNonNullExpression'].includes(init.type)) init = init.expression;
  if (init?.type !== 'NewExpression' || !resourceClass(init.callee)) return undefined;
  const props = init.arguments.find((a: AnyNode) => a.type === 'ObjectExpression');
  return props;
}

/** The engine an RDS resource's props name: 'postgres', or undefined when not written there; '?' when not known. */
function engineOf(j: JSCodeshift, root: Collection, obj: AnyNode, depth = 0): string | undefined {
  const prop = obj.properties.find((p: AnyNode) => isProp(p) && keyName(p) === 'engine');
  if (!prop) return undefined;
  return engineValue(j, root, prop.value, depth);
}

function engineValue(j: JSCodeshift, root: Collection, value: AnyNode, depth: number): string {
  let v = value;
  while (v && ['TSAsExpression', 'TSSatisfiesExpression', 'TSNonNullExpression'].includes(v.type)) v = v.expression;
  if (v.type === 'Identifier') v = findConst(j, root, v.name)?.node.init ?? v;
  const str = stringValue(v);
  if (str !== undefined) return str;
  // aws.rds.EngineType.AuroraPostgresql -> 'aurora-postgresql'
  if (v.type === 'MemberExpression' && lastName(v.object) === 'EngineType') {
    const name = String(v.property.name ?? '').toLowerCase();
    return Object.keys(ENUM_CLASS).find((e) => e.replace('-', '') === name) ?? name;
  }
  // cluster.engine (or cluster.engine.apply(...)): the engine of a resource this file creates.
  if (v.type === 'CallExpression' && v.callee.type === 'MemberExpression' && lastName(v.callee) === 'apply') v = v.callee.object;
  if (v.type === 'MemberExpression' && lastName(v) === 'engine' && v.object.type === 'Identifier' && depth < 3) {
    const props = resourceProps(j, root, v.object.name);
    const e = props ? engineOf(j, root, props, depth + 1) : undefined;
    if (e !== undefined) return e;
  }
  return '?';
}
