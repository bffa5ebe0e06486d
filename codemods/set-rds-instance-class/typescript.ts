// jscodeshift transform: move an RDS DB instance to the smallest class its engine accepts.
//
//   npx jscodeshift -t codemods/set-rds-instance-class/typescript.ts --parser ts \
//     --instanceClass=db.t3.small --engine=aurora-mysql --engineVersion='"8.0"' [--target=db.t3.medium] \
//     [--resources=OrdersClusterwriterA1B2C3D4] lib/
//
// Sites, only where the class feeds an RDS instance:
//   instanceClass: 'db.t3.small'   Pulumi aws.rds.Instance / ClusterInstance, CDKTF DbInstance / RdsClusterInstance
//   dbInstanceClass: 'db.t3.small' CDK L1 CfnDBInstance
//   ec2.InstanceType.of(ec2.InstanceClass.BURSTABLE3, ec2.InstanceSize.SMALL) -> InstanceSize.MEDIUM and
//   new ec2.InstanceType('t3.small') -> 't3.medium', as the `instanceType` of rds.DatabaseInstance,
//     ClusterInstance.provisioned(...) or a cluster's `instanceProps`.
// EC2 instances, bastions and other InstanceType.of calls are never touched. Its imports use
// `.ts` specifiers so the jscodeshift CLI can load it alone; index.ts computes --target from src/data.
import type { API, ASTPath, Collection, FileInfo, JSCodeshift, Options } from 'jscodeshift';
import { fileQuote, findConst, isExported, isProp, keyName, lastName, stringValue, withQuote } from '../shared/jscodeshift.ts';
import { selectSites, type OwnerPath, type Site } from '../../src/fix/sites.ts';
import { cdkEngineInfo, collectResources, linksOf, memberLinks, ownersAt, propsEngine, references, type EngineInfo, type OwnersAt } from '../set-rds-engine-version/ts-resources.ts';
import type { ClassSite } from './decide.ts';

export { selectSites, type Site };
import type { ResourceHint as ResourceHintLike } from '../../src/types.ts';

/** What one file contributes to the decision: every RDS instance class it sets, and which resources are tied. */
export interface Collected {
  sites: ClassSite[];
  links: Array<[OwnerPath, OwnerPath]>;
}

/* eslint-disable @typescript-eslint/no-explicit-any */
type AnyNode = any;

interface InstanceClassParts {
  family: string;
  size: string;
}

/** aws-cdk-lib ec2.InstanceClass long names -> RDS family (short names like T3 map by lower-casing). */
export const CDK_CLASS_FAMILY: Record<string, string> = {
  BURSTABLE2: 't2', BURSTABLE3: 't3', BURSTABLE3_AMD: 't3a', BURSTABLE4_GRAVITON: 't4g',
  MEMORY4: 'r4', MEMORY5: 'r5', MEMORY5_AMD: 'r5a', MEMORY6_GRAVITON: 'r6g', MEMORY6_INTEL: 'r6i',
  MEMORY7_GRAVITON: 'r7g', MEMORY7_INTEL: 'r7i', MEMORY8_GRAVITON: 'r8g',
  STANDARD4: 'm4', STANDARD5: 'm5', STANDARD6_GRAVITON: 'm6g', STANDARD6_INTEL: 'm6i',
  STANDARD7_GRAVITON: 'm7g', STANDARD7_INTEL: 'm7i', MEMORY_INTENSIVE_2_GRAVITON: 'x2g',
};

export function cdkFamily(member: string): string | undefined {
  return CDK_CLASS_FAMILY[member] ?? (/^[A-Z]\d+[A-Z]*$/.test(member) ? member.toLowerCase() : undefined);
}

/** 'medium' -> 'MEDIUM', '2xlarge' -> 'XLARGE2' (ec2.InstanceSize members). */
export function cdkSize(size: string): string {
  const m = /^(\d+)xlarge$/.exec(size);
  return m ? `XLARGE${m[1]}` : size.toUpperCase();
}

export function fromCdkSize(member: string): string {
  const m = /^XLARGE(\d+)$/.exec(member);
  return m ? `${m[1]}xlarge` : member.toLowerCase();
}

const STRING_KEYS = new Set(['instanceClass', 'dbInstanceClass']);
const RDS_L2 = new Set(['DatabaseInstance', 'DatabaseInstanceFromSnapshot', 'DatabaseInstanceReadReplica', 'DatabaseCluster', 'DatabaseClusterFromSnapshot']);

interface Settings {
  from: InstanceClassParts;
  engine: string;
  target?: InstanceClassParts;
  hints: ResourceHintLike[];
  collect?: (found: Collected) => void;
  /** Keys of the sites to change, each with its new class ('db.t3.medium'). */
  only?: Map<string, string>;
}

function parseClass(c: string): InstanceClassParts | undefined {
  const m = /^(?:db\.)?([a-z][a-z0-9-]*)\.([a-z0-9]+)$/.exec(c.trim().toLowerCase());
  return m ? { family: m[1]!, size: m[2]! } : undefined;
}

function settings(options: Options): Settings | undefined {
  const from = parseClass(String(options.instanceClass ?? ''));
  if (!from) return undefined;
  const engine = String(options.engine ?? '');
  const hints: ResourceHintLike[] = Array.isArray(options.resources)
    ? options.resources
    : typeof options.resources === 'string' && options.resources
      ? options.resources.split(',').map((id: string) => ({ id: id.trim() }))
      : [];
  const target = options.target ? parseClass(String(options.target)) : tableTarget(from, engine, String(options.engineVersion ?? ''));
  return {
    from,
    engine,
    target,
    hints,
    collect: typeof options.collect === 'function' ? options.collect : undefined,
    only: options.only ? new Map<string, string>(Object.entries(options.only as Record<string, string>)) : undefined,
  };
}

/**
 * Standalone CLI runs only: the rule of src/data/rds.ts pickInstanceClass in short, read from the
 * same table (in-process, index.ts passes --target computed by rds.ts).
 */
function tableTarget(from: InstanceClassParts, engine: string, engineVersion: string): InstanceClassParts | undefined {
  try {
    const t = typeof require === 'function' ? require('../../src/data/rds-instance-classes.json') : undefined;
    const byMajor = t?.engines?.[engine];
    const major = /^\d+\.\d+/.exec(engineVersion)?.[0] ?? '';
    const families = byMajor?.[major] ?? byMajor?.[major.split('.')[0] ?? ''] ?? byMajor?.default;
    const family: string | undefined = families?.[from.family] ? from.family : t?.retiredFamilies?.[from.family];
    const min: string | undefined = family ? families?.[family] : undefined;
    if (!family || !min) return undefined;
    const size = t.sizes.indexOf(from.size) < t.sizes.indexOf(min) ? min : from.size;
    return family === from.family && size === from.size ? undefined : { family, size };
  } catch {
    return undefined;
  }
}

export default function transform(file: FileInfo, api: API, options: Options): string | null | undefined {
  // The jscodeshift CLI JSON-parses option values: --engineVersion=15.10 arrives as the number 15.1.
  const numeric = ['engineVersion'].filter((k) => typeof options[k] === 'number');
  if (numeric.length) {
    api.report(`refused: pass ${numeric.map((k) => `--${k}`).join(', ')} as a JSON string (--${numeric[0]}='"15.10"'); the CLI read a number`);
    return null;
  }
  const s = settings(options);
  if (!s) {
    api.report('refused: needs --instanceClass like db.t3.small');
    return null;
  }
  const j = api.jscodeshift;
  const root = j(file.source);
  const all = findSites(j, root, file.path, file.source, s);
  if (s.collect) {
    const resources = collectResources(j, root, file.source, file.path);
    s.collect({
      sites: all.map((f) => f.site),
      links: [...linksOf(j, root, file.source, resources), ...memberLinks(j, root, file.source, file.path)],
    });
    return null;
  }
  const same = (c: InstanceClassParts, d: InstanceClassParts) => c.family === d.family && c.size === d.size;
  const found = all.filter((f) => same(f.site.cls, s.from));
  if (found.length === 0) {
    if (s.target && all.some((f) => same(f.site.cls, s.target!))) api.report(`already-fixed: db.${s.target.family}.${s.target.size} is already set`);
    return null;
  }
  let chosen: Array<[Found, InstanceClassParts]>;
  if (s.only) {
    chosen = found.filter((f) => s.only!.has(f.site.key)).map((f) => [f, parseClass(s.only!.get(f.site.key)!)!]);
  } else {
    // Standalone run: the target given (or the table's), on the sites the hints select.
    if (!s.target) {
      api.report(`refused: no class known to replace db.${s.from.family}.${s.from.size} for ${s.engine}`);
      return null;
    }
    const resources = collectResources(j, root, file.source, file.path);
    const pick = selectSites(found.map((f) => f.site), s.hints, { links: [...linksOf(j, root, file.source, resources), ...memberLinks(j, root, file.source, file.path)] });
    if ('refused' in pick) {
      api.report(`refused: ${pick.refused}`);
      return null;
    }
    const blocked = pick.selected.find((x) => x.refusal);
    if (blocked) {
      api.report(`refused: ${blocked.refusal}`);
      return null;
    }
    const keys = new Set(pick.selected.map((x) => x.key));
    chosen = found.filter((f) => keys.has(f.site.key)).map((f) => [f, s.target!]);
  }
  if (chosen.length === 0) return null;
  for (const [f, t] of chosen) f.apply(t);
  return root.toSource({ quote: fileQuote(j, root) });
}

interface Found {
  site: ClassSite;
  apply(target: InstanceClassParts): void;
}

/** Every RDS instance class the file sets, whatever its value. */
function findSites(j: JSCodeshift, root: Collection, file: string, source: string, s: Settings): Found[] {
  const out: Found[] = [];
  const site = (path: ASTPath, what: string, cls: InstanceClassParts, owners: OwnersAt, info: EngineInfo | undefined, apply: Found['apply'], extra: { refusal?: string; cdkEnum?: boolean } = {}) => {
    const node = path.node as AnyNode;
    out.push({
      site: {
        key: `${file}:${node.start}`, file, line: node.loc?.start.line ?? 0, what, owners: owners.owners, cls, cdkEnum: extra.cdkEnum ?? false,
        ...(extra.refusal ? { refusal: extra.refusal } : {}),
        ...(info?.engine ? { engine: engineName(info.engine) } : {}),
        ...(info?.version ? { engineVersion: info.version } : {}),
      },
      apply,
    });
  };
  const owned = (path: ASTPath) => ownersAt(j, root, source, file, path);

  // instanceClass: 'db.t3.small' / dbInstanceClass: 'db.t3.small'
  root.find(j.ObjectExpression).forEach((path) => {
    const obj = path.node as AnyNode;
    const prop = obj.properties.find((p: AnyNode) => isProp(p) && STRING_KEYS.has(keyName(p) ?? ''));
    if (!prop || !rdsInstanceArgs(path)) return;
    const info = propsEngine(j, root, obj);
    if (prop.value.type === 'Identifier') {
      const name: string = prop.value.name;
      const decl = findConst(j, root, name);
      const value = decl ? stringValue((decl.node as AnyNode).init) : undefined;
      const cls = value !== undefined ? parseClass(value) : undefined;
      if (!decl || !cls) return;
      const refusal = isExported(decl) ? `${value} is held in the exported '${name}', which other files may use; change it there by hand` : undefined;
      site(decl, `${keyName(prop)}: ${name} (const ${name} = '${value}')`, cls, owned(decl.get('init')), info, (t) => {
        const d = decl.node as AnyNode;
        d.init = withQuote(j, d.init, `${/^db\./.test(value!) ? 'db.' : ''}${t.family}.${t.size}`);
      }, { refusal });
      return;
    }
    const value = stringValue(prop.value);
    const cls = value !== undefined ? parseClass(value) : undefined;
    if (!cls) return;
    site(path, `${keyName(prop)}: '${value}'`, cls, owned(path), info, (t) => {
      prop.value = withQuote(j, prop.value, `${/^db\./.test(value!) ? 'db.' : ''}${t.family}.${t.size}`);
    });
  });

  // ec2.InstanceType.of(ec2.InstanceClass.BURSTABLE3, ec2.InstanceSize.SMALL)
  root.find(j.CallExpression).forEach((path) => {
    const node = path.node as AnyNode;
    if (node.callee.type !== 'MemberExpression' || node.callee.property?.name !== 'of' || lastName(node.callee.object) !== 'InstanceType') return;
    const [c, z] = node.arguments;
    if (c?.type !== 'MemberExpression' || lastName(c.object) !== 'InstanceClass' || z?.type !== 'MemberExpression' || lastName(z.object) !== 'InstanceSize') return;
    const family = cdkFamily(c.property.name);
    if (!family) return;
    const use = rdsInstanceType(j, root, path);
    if (!use) return;
    site(path, `InstanceType.of(InstanceClass.${c.property.name}, InstanceSize.${z.property.name})`, { family, size: fromCdkSize(z.property.name) }, owned(path), use.engine,
      (t) => { z.property = j.identifier(cdkSize(t.size)); }, { refusal: use.refusal, cdkEnum: true });
  });

  // new ec2.InstanceType('t3.small')
  root.find(j.NewExpression).forEach((path) => {
    const node = path.node as AnyNode;
    const value = stringValue(node.arguments[0]);
    if (lastName(node.callee) !== 'InstanceType' || value === undefined) return;
    const cls = parseClass(value);
    if (!cls) return;
    const use = rdsInstanceType(j, root, path);
    if (!use) return;
    site(path, `new InstanceType('${value}')`, cls, owned(path), use.engine, (t) => {
      node.arguments[0] = withQuote(j, node.arguments[0], `${t.family}.${t.size}`);
    }, { refusal: use.refusal });
  });

  const seen = new Set<string>();
  return out.filter((f) => (seen.has(f.site.key) ? false : (seen.add(f.site.key), true)));
}

/** Is this object literal the args of a Pulumi / CDKTF / L1 RDS DB instance? */
function rdsInstanceArgs(path: ASTPath): boolean {
  let p: ASTPath | null = path.parentPath;
  while (p && ['TSAsExpression', 'TSSatisfiesExpression'].includes((p.node as AnyNode).type)) p = p.parentPath;
  const parent = p?.node as AnyNode;
  if (parent?.type !== 'NewExpression') return false;
  const name = lastName(parent.callee);
  if (name === 'CfnDBInstance' || name === 'DbInstance' || name === 'RdsClusterInstance') return true;
  return (name === 'Instance' || name === 'ClusterInstance') && parent.callee.type === 'MemberExpression' && lastName(parent.callee.object) === 'rds';
}

/**
 * Whether a CDK InstanceType expression is the `instanceType` of an RDS instance (directly, or
 * through a const), and the engine its database runs; undefined when it feeds anything else
 * (EC2, ECS, a bastion).
 */
function rdsInstanceType(j: JSCodeshift, root: Collection, path: ASTPath, depth = 0): { engine?: EngineInfo; refusal?: string } | undefined {
  // `.parent` is the nearest enclosing node's path (`.parentPath` may be an array of them).
  let p: ASTPath | null = path.parent;
  while (p && ['TSAsExpression', 'TSSatisfiesExpression'].includes((p.node as AnyNode).type)) p = p.parent;
  const parent = p?.node as AnyNode;
  if (!p || !parent) return undefined;
  if (parent.type === 'VariableDeclarator' && parent.id.type === 'Identifier' && depth < 3) {
    const refs = references(j, root, parent.id.name);
    const each = refs.map((r) => rdsInstanceType(j, root, r, depth + 1));
    if (each.length === 0 || each.some((o) => !o)) return undefined;
    const refusal = each.find((o) => o!.refusal)?.refusal;
    return { ...(each[0]!.engine ? { engine: each[0]!.engine } : {}), ...(refusal ? { refusal } : {}) };
  }
  // `instanceType: x` or shorthand `{ instanceType }` resolved through the const above.
  if (!((parent.type === 'ObjectProperty' || parent.type === 'Property') && keyName(parent) === 'instanceType')) return undefined;
  const objPath = p.parent as ASTPath | null;
  const holderPath = objPath?.parent as ASTPath | null;
  const holder = holderPath?.node as AnyNode;
  if (!objPath || !holder) return undefined;
  const engineOf = (call: AnyNode) => {
    const props = call?.arguments?.find((a: AnyNode) => a?.type === 'ObjectExpression');
    const e = props?.properties.find((x: AnyNode) => isProp(x) && keyName(x) === 'engine');
    return e ? cdkEngineInfo(j, root, e.value) : undefined;
  };
  if (holder.type === 'NewExpression' && RDS_L2.has(lastName(holder.callee) ?? '')) return { engine: engineOf(holder) };
  if (holder.type === 'CallExpression' && holder.callee.type === 'MemberExpression' && lastName(holder.callee.object) === 'ClusterInstance') {
    return { engine: engineOf(enclosingNew(holderPath!)) };
  }
  if ((holder.type === 'ObjectProperty' || holder.type === 'Property') && keyName(holder) === 'instanceProps') return { engine: engineOf(enclosingNew(holderPath!)) };
  return undefined;
}

/** The RDS cluster a writer / reader / instanceProps expression is written in (through one const at most). */
function enclosingNew(path: ASTPath): AnyNode | undefined {
  for (let p: ASTPath | null = path.parent; p; p = p.parent) {
    const n = p.node as AnyNode;
    if (n.type === 'NewExpression' && RDS_L2.has(lastName(n.callee) ?? '')) return n;
    if (/Function|ClassMethod/.test(n.type) && !(n.type === 'ClassMethod' && n.kind === 'constructor')) return undefined;
  }
  return undefined;
}

const ENGINE_NAMES: Record<string, string> = { postgresql: 'postgres', auroramysql: 'aurora-mysql', aurorapostgresql: 'aurora-postgresql', aurorapostgres: 'aurora-postgresql' };
function engineName(text: string): string {
  const flat = text.toLowerCase().replace(/[\s_-]/g, '');
  return ENGINE_NAMES[flat] ?? text.toLowerCase();
}
