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
// EC2 instances, bastions and other InstanceType.of calls are never touched. Self-contained
// (type-only imports) so the jscodeshift CLI can load it; index.ts computes --target from src/data.
import type { API, ASTPath, Collection, FileInfo, JSCodeshift, Options } from 'jscodeshift';

/* eslint-disable @typescript-eslint/no-explicit-any */
type AnyNode = any;

export interface ResourceHintLike {
  id?: string;
  constructPath?: string;
}

export interface Site {
  /** `${file}:${offset}`: stable between the collecting and the applying pass. */
  key: string;
  file: string;
  line: number;
  what: string;
  /** Resource paths (construct ids outermost first, or a Pulumi name) the site configures; [] = unknown. */
  owners: string[][];
  /** Set when the site may not be changed whatever the hints say. */
  refusal?: string;
}

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
  collect?: (sites: Site[]) => void;
  only?: Set<string>;
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
    only: options.only ? new Set<string>(options.only) : undefined,
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
  const found = findSites(j, root, file.path, s, s.from);
  if (s.collect) {
    s.collect(found.map((f) => f.site));
    return null;
  }
  if (found.length === 0) {
    if (s.target && findSites(j, root, file.path, s, s.target).length > 0) {
      api.report(`already-fixed: db.${s.target.family}.${s.target.size} is already set`);
    }
    return null;
  }
  if (!s.target) {
    api.report(`refused: no class known to replace db.${s.from.family}.${s.from.size} for ${s.engine}`);
    return null;
  }
  let chosen = found;
  if (s.only) {
    chosen = found.filter((f) => s.only!.has(f.site.key));
  } else {
    const pick = selectSites(found.map((f) => f.site), s.hints);
    if ('refused' in pick) {
      api.report(`refused: ${pick.refused}`);
      return null;
    }
    const keys = new Set(pick.selected.map((x) => x.key));
    chosen = found.filter((f) => keys.has(f.site.key));
  }
  if (chosen.length === 0) return null;
  const target = s.target;
  const blocked = chosen.find((f) => f.site.refusal);
  if (blocked) {
    api.report(`refused: ${blocked.site.refusal}`);
    return null;
  }
  for (const f of chosen) f.apply(target);
  return root.toSource({ quote: fileQuote(j, root) });
}

interface Found {
  site: Site;
  apply(target: InstanceClassParts): void;
}

function findSites(j: JSCodeshift, root: Collection, file: string, s: Settings, cls: InstanceClassParts): Found[] {
  const out: Found[] = [];
  const dbClass = `db.${cls.family}.${cls.size}`;
  const site = (path: ASTPath, what: string, owners: Owners, apply: Found['apply']) => {
    const node = path.node as AnyNode;
    out.push({
      site: { key: `${file}:${node.start}`, file, line: node.loc?.start.line ?? 0, what, owners: owners.paths, refusal: owners.refusal },
      apply,
    });
  };
  const familyChange = s.target && s.target.family !== s.from.family
    ? `the fix changes the family (${s.from.family} -> ${s.target.family}); CDK's InstanceClass member has to be chosen by hand`
    : undefined;

  // instanceClass: 'db.t3.small' / dbInstanceClass: 'db.t3.small'
  root.find(j.ObjectExpression).forEach((path) => {
    const obj = path.node as AnyNode;
    const prop = obj.properties.find((p: AnyNode) => isProp(p) && STRING_KEYS.has(keyName(p) ?? ''));
    if (!prop || !rdsInstanceArgs(path)) return;
    const engine = engineOf(j, root, obj);
    if (engine !== undefined && engine !== s.engine) return;
    if (prop.value.type === 'Identifier') {
      const name: string = prop.value.name;
      const decl = findConst(j, root, name);
      if (!decl || stringValue((decl.node as AnyNode).init) !== dbClass) return;
      const owners = ownersOf(j, root, decl.get('init'));
      const refs = references(j, root, name).length;
      const refusal = refs > 1 || isExported(decl) ? `${dbClass} is held in '${name}', which other resources may use; change it by hand` : owners.refusal;
      site(decl, `${keyName(prop)}: ${name} (const ${name} = '${dbClass}')`, { paths: owners.paths, refusal }, (t) => {
        const d = decl.node as AnyNode;
        d.init = withQuote(j, d.init, `db.${t.family}.${t.size}`);
      });
      return;
    }
    if (stringValue(prop.value) !== dbClass) return;
    site(path, `${keyName(prop)}: '${dbClass}'`, ownersOf(j, root, path), (t) => {
      prop.value = withQuote(j, prop.value, `db.${t.family}.${t.size}`);
    });
  });

  // ec2.InstanceType.of(ec2.InstanceClass.BURSTABLE3, ec2.InstanceSize.SMALL)
  root.find(j.CallExpression).forEach((path) => {
    const node = path.node as AnyNode;
    if (node.callee.type !== 'MemberExpression' || node.callee.property?.name !== 'of' || lastName(node.callee.object) !== 'InstanceType') return;
    const [c, z] = node.arguments;
    if (c?.type !== 'MemberExpression' || lastName(c.object) !== 'InstanceClass' || z?.type !== 'MemberExpression' || lastName(z.object) !== 'InstanceSize') return;
    if (cdkFamily(c.property.name) !== cls.family || fromCdkSize(z.property.name) !== cls.size) return;
    const owners = rdsInstanceType(j, root, path);
    if (!owners) return;
    site(path, `InstanceType.of(InstanceClass.${c.property.name}, InstanceSize.${z.property.name})`,
      { paths: owners.paths, refusal: owners.refusal ?? familyChange },
      (t) => { z.property = j.identifier(cdkSize(t.size)); });
  });

  // new ec2.InstanceType('t3.small')
  root.find(j.NewExpression).forEach((path) => {
    const node = path.node as AnyNode;
    if (lastName(node.callee) !== 'InstanceType' || stringValue(node.arguments[0]) !== `${cls.family}.${cls.size}`) return;
    const owners = rdsInstanceType(j, root, path);
    if (!owners) return;
    site(path, `new InstanceType('${cls.family}.${cls.size}')`, owners, (t) => {
      node.arguments[0] = withQuote(j, node.arguments[0], `${t.family}.${t.size}`);
    });
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
 * Owners of a CDK InstanceType expression that is the `instanceType` of an RDS instance
 * (directly, or through a const); undefined when it feeds anything else (EC2, ECS, a bastion).
 */
function rdsInstanceType(j: JSCodeshift, root: Collection, path: ASTPath, depth = 0): Owners | undefined {
  // `.parent` is the nearest enclosing node's path (`.parentPath` may be an array of them).
  let p: ASTPath | null = path.parent;
  while (p && ['TSAsExpression', 'TSSatisfiesExpression'].includes((p.node as AnyNode).type)) p = p.parent;
  const parent = p?.node as AnyNode;
  if (!p || !parent) return undefined;
  if (parent.type === 'VariableDeclarator' && parent.id.type === 'Identifier' && depth < 3) {
    const refs = references(j, root, parent.id.name);
    const each = refs.map((r) => rdsInstanceType(j, root, r, depth + 1));
    if (each.length === 0 || each.some((o) => !o)) return undefined;
    return {
      paths: each.flatMap((o) => o!.paths),
      refusal: refs.length > 1 ? `the instance type in '${parent.id.name}' is shared by ${refs.length} instances; change it by hand` : undefined,
    };
  }
  const valuePath = p;
  // `instanceType: x` or shorthand `{ instanceType }` resolved through the const above.
  if (!((parent.type === 'ObjectProperty' || parent.type === 'Property') && keyName(parent) === 'instanceType')) return undefined;
  const objPath = valuePath.parent as ASTPath | null;
  const holder = objPath?.parent?.node as AnyNode;
  if (!objPath || !holder) return undefined;
  const ok =
    (holder.type === 'NewExpression' && RDS_L2.has(lastName(holder.callee) ?? '')) ||
    (holder.type === 'CallExpression' && holder.callee.type === 'MemberExpression' && lastName(holder.callee.object) === 'ClusterInstance') ||
    ((holder.type === 'ObjectProperty' || holder.type === 'Property') && keyName(holder) === 'instanceProps');
  return ok ? ownersOf(j, root, objPath) : undefined;
}

/** The engine a Pulumi/L1 resource's props name, or undefined when not written there. */
function engineOf(j: JSCodeshift, root: Collection, obj: AnyNode): string | undefined {
  const prop = obj.properties.find((p: AnyNode) => isProp(p) && keyName(p) === 'engine');
  if (!prop) return undefined;
  let v = prop.value;
  if (v.type === 'Identifier') v = (findConst(j, root, v.name)?.node as AnyNode)?.init ?? v;
  const str = stringValue(v);
  if (str !== undefined) return str;
  if (v.type === 'MemberExpression' && lastName(v.object) === 'EngineType') {
    const name = String(v.property.name ?? '').toLowerCase();
    return ['postgres', 'aurora-postgresql', 'mysql', 'aurora-mysql', 'mariadb', 'aurora'].find((e) => e.replace('-', '') === name) ?? name;
  }
  return undefined;
}

// ---- owners and resource hints (kept in sync with set-rds-engine-version) -----------------

interface Owners {
  paths: string[][];
  refusal?: string;
}

/**
 * The resources a node configures: walk up to the construct or Pulumi resource it is an
 * argument of (`new X(this, 'Id', ...)` / `new aws.rds.Instance('name', ...)`), collecting
 * `ClusterInstance.provisioned('writer')` ids on the way; through a variable, follow its uses.
 */
export function ownersOf(j: JSCodeshift, root: Collection, start: ASTPath, depth = 0): Owners {
  const inner: string[] = [];
  // `.parent`, not `.parentPath`: the latter also visits argument arrays, whose `.node` is their owner again.
  for (let p: ASTPath | null = start.parent; p; p = p.parent) {
    const node = p.node as AnyNode;
    if (node.type === 'NewExpression') {
      const id = stringValue(node.arguments[1]) ?? stringValue(node.arguments[0]);
      if (id !== undefined) return { paths: [[id, ...inner]] };
    } else if (node.type === 'CallExpression' && node.callee.type === 'MemberExpression' &&
      ['provisioned', 'serverlessV2'].includes(node.callee.property?.name) && stringValue(node.arguments[0]) !== undefined) {
      inner.unshift(stringValue(node.arguments[0])!);
    } else if (node.type === 'VariableDeclarator' && node.id.type === 'Identifier' && depth < 4) {
      const paths: string[][] = [];
      for (const ref of references(j, root, node.id.name)) {
        for (const o of ownersOf(j, root, ref, depth + 1).paths) paths.push([...o, ...inner]);
      }
      return { paths };
    } else if (/Function|ClassMethod|Program/.test(node.type) && !/Arrow/.test(node.type)) {
      if (node.type !== 'ClassMethod' || node.kind !== 'constructor') return { paths: [] };
    }
  }
  return { paths: [] };
}

/** CloudFormation logical ids end in an 8-hex hash; construct paths drop non-alphanumerics. */
function hintStem(id: string): string {
  const clean = id.replace(/[^A-Za-z0-9]/g, '');
  return /^[A-Za-z][A-Za-z0-9]*[0-9A-F]{8}$/.test(id) ? clean.slice(0, -8) : clean;
}

function matchScore(owner: string[], hint: ResourceHintLike): number {
  const joined = owner.join('').replace(/[^A-Za-z0-9]/g, '');
  if (!joined) return 0;
  if (hint.constructPath && `/${hint.constructPath}/`.includes(`/${owner.join('/')}/`)) return 10000;
  if (!hint.id) return 0;
  if (hint.id === owner.at(-1) || hint.id === owner.join('/')) return 10000;
  const stem = hintStem(hint.id);
  if (stem === joined) return 5000 + joined.length;
  // Nested constructs: the id sits inside the path (Legacy/Cluster/Instance1 -> LegacyClusterInstance1).
  if (stem.startsWith(joined) || stem.endsWith(joined)) return 2 * joined.length;
  if (stem.includes(joined)) return joined.length;
  return 0;
}

/**
 * Which sites to change. With resource hints: the best-matching sites per hint, refusing a
 * site that also configures a resource the log does not name (changing it would upgrade a
 * running database). Without a usable hint: a single site is taken; several are ambiguous.
 */
export function selectSites(sites: Site[], hints: ResourceHintLike[]): { selected: Site[] } | { refused: string } {
  if (sites.length === 0) return { selected: [] };
  let selected: Site[] = [];
  if (hints.length > 0) {
    const picked = new Set<Site>();
    for (const hint of hints) {
      const scores = sites.map((s) => Math.max(0, ...s.owners.map((o) => matchScore(o, hint))));
      const best = Math.max(...scores);
      if (best > 0) sites.forEach((s, i) => scores[i] === best && picked.add(s));
    }
    selected = sites.filter((s) => picked.has(s));
    for (const s of selected) {
      const stranger = s.owners.find((o) => !hints.some((h) => matchScore(o, h) > 0));
      if (stranger) return { refused: `${s.what} (${s.file}:${s.line}) also configures '${stranger.join('/')}', which the log does not name` };
    }
  }
  if (selected.length === 0) {
    // The log names a resource, and these places belong to other, known resources.
    if (hints.length > 0 && sites.every((s) => s.owners.length > 0)) return { selected: [] };
    if (sites.length > 1) {
      const where = sites.map((s) => `${s.file}:${s.line}`).join(', ');
      const named = hints.map((h) => h.id ?? h.constructPath).join(', ');
      return { refused: `${sites.length} places set this (${where}) and ${named ? `none of them is clearly ${named}` : 'the log names no resource'}` };
    }
    selected = sites;
  }
  const blocked = selected.find((s) => s.refusal);
  if (blocked) return { refused: blocked.refusal! };
  return { selected };
}

// ---- small AST helpers ---------------------------------------------------------------------

function lastName(node: AnyNode): string | undefined {
  if (!node) return undefined;
  if (node.type === 'Identifier') return node.name;
  if (node.type === 'MemberExpression' && !node.computed) return node.property.name;
  return undefined;
}

function qualifiedLast(node: AnyNode): string | undefined {
  if (node?.type === 'Identifier') return node.name;
  if (node?.type === 'TSQualifiedName') return node.right.name;
  return undefined;
}

function isProp(p: AnyNode): boolean {
  return (p.type === 'ObjectProperty' || p.type === 'Property') && !p.computed;
}

function keyName(p: AnyNode): string | undefined {
  if (p.key.type === 'Identifier') return p.key.name;
  if (p.key.type === 'StringLiteral' || p.key.type === 'Literal') return String(p.key.value);
  return undefined;
}

function stringValue(node: AnyNode): string | undefined {
  if (!node) return undefined;
  if (node.type === 'StringLiteral' || (node.type === 'Literal' && typeof node.value === 'string')) return node.value;
  if (node.type === 'TemplateLiteral' && node.expressions.length === 0) return node.quasis[0].value.cooked;
  return undefined;
}

/** A new string literal written with the quote of the one it replaces. */
function withQuote(j: JSCodeshift, old: AnyNode, value: string): AnyNode {
  if (old?.type === 'TemplateLiteral') return j.templateLiteral([j.templateElement({ raw: value, cooked: value }, true)], []);
  const q = old?.extra?.raw?.[0] === '"' ? '"' : "'";
  // A `Literal` keeps its raw text when printed (recast prints a StringLiteral with the file-wide quote).
  const lit: AnyNode = j.literal(value);
  lit.extra = { raw: `${q}${value}${q}`, rawValue: value };
  return lit;
}

function fileQuote(j: JSCodeshift, root: Collection): 'single' | 'double' {
  const first = root.find(j.ImportDeclaration).nodes()[0] as AnyNode;
  return first?.source?.extra?.raw?.[0] === '"' ? 'double' : 'single';
}

function findConst(j: JSCodeshift, root: Collection, name: string): ASTPath<AnyNode> | undefined {
  const decls = root.find(j.VariableDeclarator).filter((p) => (p.node as AnyNode).id.type === 'Identifier' && (p.node as AnyNode).id.name === name);
  if (decls.length !== 1) return undefined;
  const decl = decls.paths()[0]!;
  return (decl.parentPath?.node as AnyNode)?.kind === 'const' ? decl : undefined;
}

function isExported(decl: ASTPath): boolean {
  return (decl.parentPath?.parentPath?.node as AnyNode)?.type === 'ExportNamedDeclaration';
}

/** Value uses of a name (not declarations, keys, member names or types). */
function references(j: JSCodeshift, root: Collection, name: string): ASTPath[] {
  return root.find(j.Identifier, { name }).filter((p) => {
    const parent = p.parentPath?.node as AnyNode;
    const node = p.node;
    if (!parent) return false;
    if (parent.type === 'VariableDeclarator' && parent.id === node) return false;
    if ((parent.type === 'MemberExpression' || parent.type === 'OptionalMemberExpression') && parent.property === node && !parent.computed) return false;
    if ((parent.type === 'ObjectProperty' || parent.type === 'ClassProperty') && parent.key === node && !parent.computed && !parent.shorthand) return false;
    if (parent.type === 'ObjectProperty' && parent.shorthand && parent.key === node && parent.value !== node) return false;
    if (/^TS|Import|Export/.test(parent.type)) return false;
    return true;
  }).paths();
}
