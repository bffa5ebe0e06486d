// Python transform of set-rds-instance-class (CDK and Pulumi programs).
//
// Sites, only where the class feeds an RDS DB instance:
//   instance_class="db.t3.small"      Pulumi aws.rds.Instance / ClusterInstance (and their *Args)
//   db_instance_class="db.t3.small"   CDK rds.CfnDBInstance
//   (or a constant such a keyword names, when nothing else uses it)
//   ec2.InstanceType.of(ec2.InstanceClass.BURSTABLE3, ec2.InstanceSize.SMALL) -> InstanceSize.MEDIUM and
//   ec2.InstanceType("t3.small") -> "t3.medium", as the `instance_type=` of rds.DatabaseInstance,
//     rds.ClusterInstance.provisioned(...) / serverless_v2(...) or a cluster's instance_props.
// EC2 instances, launch templates and other InstanceType uses are never sites. The engine and
// version come from the log, else from the resource's own arguments (`engine="aurora-mysql"`,
// `rds.DatabaseClusterEngine.aurora_mysql(version=...)`, the cluster a ClusterInstance joins).
import type { CodemodContext, CodemodResult } from '../../src/fix/contract.js';
import { parseInstanceClass } from '../../src/data/rds.js';
import { applyEdits, type Edit } from '../../src/fix/python/edits.js';
import { parsePython, type Node } from '../../src/fix/python/parser.js';
import { usesOf } from '../../src/fix/python/resources.js';
import { callArgs, dotted, field, findAll, stringLiteral } from '../../src/fix/python/syntax.js';
import type { OwnerPath } from '../../src/fix/sites.js';
import {
  bindingOf, calleeOf, cdkEngine, constantImporters, constantRefusal, dedupe, disposeAll, importOf, isCdkMember, isCdktfRds, keywordOf,
  keywordValue, lineOf, moduleConstant, moduleFile, normalizeEngine, ownersFor, parseAll, resolveText, siteKey,
  type PySite, type PySource,
} from '../set-rds-engine-version/python-rds.js';
import { pyCollectResources, pyLinksOf, pyMemberLinks } from '../set-rds-engine-version/py-resources.js';
import { decideClassSites, type ClassSite as NeutralClassSite, type Parts } from './decide.js';
import { cdkFamily, cdkSize, fromCdkSize } from './typescript.js';


/** Resource calls whose class keyword is a DB instance class (CDKTF's DbInstance / RdsClusterInstance: see classHolder). */
const CLASS_HOLDERS: Record<string, string> = {
  'pulumi_aws.rds.Instance': 'instance_class',
  'pulumi_aws.rds.InstanceArgs': 'instance_class',
  'pulumi_aws.rds.ClusterInstance': 'instance_class',
  'pulumi_aws.rds.ClusterInstanceArgs': 'instance_class',
  'aws_cdk.aws_rds.CfnDBInstance': 'db_instance_class',
  'aws_cdk.aws_rds.CfnDBInstanceProps': 'db_instance_class',
};
function classHolder(q: string): string | undefined {
  return CLASS_HOLDERS[q] ?? (isCdktfRds(q, true) && /(DbInstance|RdsClusterInstance)(Config)?$/.test(q) ? 'instance_class' : undefined);
}

/** The cluster a cluster member names (`cluster_identifier=cluster.id`), for its engine version. */
const CLUSTER_LINKS: Record<string, { key: string; cluster: string[] }> = {
  'pulumi_aws.rds.ClusterInstance': { key: 'cluster_identifier', cluster: ['pulumi_aws.rds.Cluster'] },
  'pulumi_aws.rds.ClusterInstanceArgs': { key: 'cluster_identifier', cluster: ['pulumi_aws.rds.Cluster'] },
  'aws_cdk.aws_rds.CfnDBInstance': { key: 'db_cluster_identifier', cluster: ['aws_cdk.aws_rds.CfnDBCluster'] },
  'aws_cdk.aws_rds.CfnDBInstanceProps': { key: 'db_cluster_identifier', cluster: ['aws_cdk.aws_rds.CfnDBCluster'] },
};

function clusterLink(q: string): { key: string; cluster: (q: string) => boolean } | undefined {
  const link = CLUSTER_LINKS[q];
  if (link) return { key: link.key, cluster: (c) => link.cluster.includes(c) };
  if (isCdktfRds(q, true) && /RdsClusterInstance(Config)?$/.test(q)) return { key: 'cluster_identifier', cluster: (c) => isCdktfRds(c) && c.endsWith('RdsCluster') };
  return undefined;
}
const RDS_L2_INSTANCES = new Set(['DatabaseInstance', 'DatabaseInstanceFromSnapshot', 'DatabaseInstanceReadReplica'].map((c) => `aws_cdk.aws_rds.${c}`));
const RDS_L2_CLUSTERS = new Set(['DatabaseCluster', 'DatabaseClusterFromSnapshot'].map((c) => `aws_cdk.aws_rds.${c}`));
const CLUSTER_MEMBER_PROPS = new Set([
  'aws_cdk.aws_rds.ClusterInstance.provisioned', 'aws_cdk.aws_rds.ClusterInstance.serverless_v2',
  'aws_cdk.aws_rds.InstanceProps', 'aws_cdk.aws_rds.ProvisionedClusterInstanceProps',
]);

type ClassSite = NeutralClassSite & PySite<Parts>;

interface Finder {
  ctx: CodemodContext;
}

/** Every RDS instance class set in one file, whatever its value. */
async function findSites(f: Finder, src: PySource): Promise<ClassSite[]> {
  const root = src.file.root;
  const out: ClassSite[] = [];
  const hints = f.ctx.resources;

  // instance_class="db.t3.small" / db_instance_class="db.t3.small"
  for (const kw of findAll(root, 'keyword_argument')) {
    const key = field(kw, 'name')?.text;
    if (key !== 'instance_class' && key !== 'db_instance_class') continue;
    const call = kw.parent?.parent;
    if (!call || call.type !== 'call') continue;
    const holder = calleeOf(src, call) ?? '';
    if (classHolder(holder) !== key) continue;
    const engine = pulumiOrL1Engine(src, call, holder);
    const value = field(kw, 'value');
    if (!value) continue;
    const lit = stringLiteral(value)?.value;
    const base = { file: src.path, cdkEnum: false, ...engine };
    if (lit !== undefined) {
      const cls = parseInstanceClass(lit);
      if (!cls) continue;
      const owned = ownersFor(src, value, hints);
      out.push({
        ...base, key: siteKey(src, value), line: lineOf(value), what: `${key}=${value.text}`, cls,
        owners: owned.owners, ...(owned.refusal ? { refusal: owned.refusal } : {}),
        edit: editString(value, lit),
      });
    } else if (value.type === 'identifier') {
      const s = await constantSite(f, src, value, `${key}=${value.text}`);
      if (s) out.push({ ...base, ...s });
    }
  }

  // ec2.InstanceType.of(ec2.InstanceClass.BURSTABLE3, ec2.InstanceSize.SMALL) / ec2.InstanceType("t3.small")
  for (const call of findAll(root, 'call')) {
    const fn = field(call, 'function');
    const args = callArgs(call);
    if (!fn || !args) continue;
    let cls: Parts | undefined;
    let edit: ((t: Parts) => Edit) | undefined;
    let cdkEnum = false;
    if (fn.type === 'attribute' && field(fn, 'attribute')?.text === 'of' && isCdkMember(src, field(fn, 'object'), 'aws_cdk.aws_ec2', 'InstanceType')) {
      const c = args.positional[0] ?? args.keywords.get('instance_class')?.value;
      const z = args.positional[1] ?? args.keywords.get('instance_size')?.value;
      if (c?.type !== 'attribute' || z?.type !== 'attribute') continue;
      if (!isCdkMember(src, field(c, 'object'), 'aws_cdk.aws_ec2', 'InstanceClass') || !isCdkMember(src, field(z, 'object'), 'aws_cdk.aws_ec2', 'InstanceSize')) continue;
      const family = cdkFamily(field(c, 'attribute')?.text ?? '');
      const member = field(z, 'attribute');
      if (!family || !member) continue;
      cls = { family, size: fromCdkSize(member.text) };
      const range = { start: member.startIndex, end: member.endIndex };
      edit = (t) => ({ ...range, text: cdkSize(t.size) });
      cdkEnum = true;
    } else if (isCdkMember(src, fn, 'aws_cdk.aws_ec2', 'InstanceType')) {
      const arg = args.positional[0] ?? args.keywords.get('instance_type_identifier')?.value;
      const lit = stringLiteral(arg)?.value;
      const m = lit !== undefined ? /^([a-z][a-z0-9-]*)\.([a-z0-9]+)$/.exec(lit) : null;
      if (!m || !arg) continue;
      cls = { family: m[1]!, size: m[2]! };
      edit = editString(arg, lit!);
    } else continue;
    const use = rdsUse(src, call);
    if (!use) continue;
    const info = use.holder ? cdkEngine(src, keywordValue(use.holder, 'engine')) : undefined;
    const owned = ownersFor(src, call, hints);
    const refusal = use.refusal ?? owned.refusal;
    out.push({
      key: siteKey(src, call), file: src.path, line: lineOf(call), what: call.text.replace(/\s+/g, ' '),
      owners: owned.owners, ...(refusal ? { refusal } : {}),
      cls, cdkEnum, ...(info?.engine ? { engine: info.engine } : {}), ...(info?.version ? { engineVersion: info.version } : {}),
      edit,
    });
  }
  return dedupe(out);
}

/** Engine and version a Pulumi / L1 instance's arguments give, falling back on the cluster it joins. */
function pulumiOrL1Engine(src: PySource, call: Node, holder: string): { engine?: string; engineVersion?: string } {
  const out: { engine?: string; engineVersion?: string } = {};
  const engine = resolveText(src, keywordValue(call, 'engine'));
  const version = resolveText(src, keywordValue(call, 'engine_version'));
  if (engine) out.engine = normalizeEngine(engine);
  if (version) out.engineVersion = version;
  const link = clusterLink(holder);
  if ((!out.engine || !out.engineVersion) && link) {
    const ref = keywordValue(call, link.key);
    const obj = ref?.type === 'attribute' ? field(ref, 'object') : undefined;
    const b = obj?.type === 'identifier' ? bindingOf(obj, src.file.root) : undefined;
    if (b && b.count === 1 && b.value.type === 'call' && link.cluster(calleeOf(src, b.value) ?? '')) {
      const e = resolveText(src, keywordValue(b.value, 'engine'));
      const v = resolveText(src, keywordValue(b.value, 'engine_version'));
      if (!out.engine && e) out.engine = normalizeEngine(e);
      if (!out.engineVersion && v && (!out.engine || !e || normalizeEngine(e) === out.engine)) out.engineVersion = v;
    }
  }
  return out;
}

/**
 * Whether a CDK InstanceType expression is the `instance_type` of an RDS instance (directly
 * or through a variable); the call that holds the engine. Undefined when it feeds anything
 * else (an EC2 instance, a launch template, a bastion).
 */
function rdsUse(src: PySource, node: Node, depth = 0): { holder?: Node; refusal?: string } | undefined {
  const parent = node.parent;
  if (!parent) return undefined;
  if (parent.type === 'assignment' && field(parent, 'right')?.equals(node)) {
    const target = dotted(field(parent, 'left'));
    if (!target || depth >= 3) return undefined;
    const uses = usesOf(parent, target);
    const each = uses.map((u) => rdsUse(src, u, depth + 1));
    if (each.length === 0 || each.some((u) => !u)) return undefined;
    return {
      ...(each[0]!.holder ? { holder: each[0]!.holder } : {}),
      ...(each.find((u) => u!.refusal) ? { refusal: each.find((u) => u!.refusal)!.refusal } : {}),
    };
  }
  const kw = keywordOf(node);
  if (kw?.name === 'instance_type') {
    const q = calleeOf(src, kw.call) ?? '';
    if (RDS_L2_INSTANCES.has(q)) return { holder: kw.call };
    if (CLUSTER_MEMBER_PROPS.has(q)) {
      const cluster = enclosingCluster(src, kw.call);
      return cluster ? { holder: cluster } : {};
    }
    return undefined;
  }
  // instance_props={"instance_type": ...}: jsii takes a dict for a struct.
  if (parent.type === 'pair' && stringLiteral(field(parent, 'key'))?.value === 'instance_type' && parent.parent?.type === 'dictionary') {
    const props = keywordOf(parent.parent);
    if (props?.name === 'instance_props' && RDS_L2_CLUSTERS.has(calleeOf(src, props.call) ?? '')) return { holder: props.call };
  }
  return undefined;
}

/** The rds.DatabaseCluster a writer/reader/instance_props expression is passed to. */
function enclosingCluster(src: PySource, node: Node, depth = 0): Node | undefined {
  for (let p = node.parent, child: Node = node; p; child = p, p = p.parent) {
    if (p.type === 'call' && !field(p, 'function')?.equals(child) && RDS_L2_CLUSTERS.has(calleeOf(src, p) ?? '')) return p;
    if (p.type === 'assignment') {
      const target = dotted(field(p, 'left'));
      if (!target || depth >= 3 || !field(p, 'right')?.equals(child)) return undefined;
      const uses = usesOf(p, target);
      return uses.length === 1 ? enclosingCluster(src, uses[0]!, depth + 1) : undefined;
    }
    if (['function_definition', 'lambda', 'return_statement', 'class_definition'].includes(p.type)) return undefined;
  }
  return undefined;
}

/** A class held in a named constant: the constant is the site, the instance that reads it the owner. */
async function constantSite(f: Finder, src: PySource, ident: Node, what: string): Promise<Omit<ClassSite, 'file' | 'cdkEnum'> | undefined> {
  const name = ident.text;
  const hints = f.ctx.resources;
  const b = bindingOf(ident, src.file.root);
  if (!b) {
    const imp = importOf(src, name);
    const file = imp ? moduleFile(f.ctx, src.path, imp.module) : undefined;
    const value = file && imp ? await moduleConstant(f.ctx, file, imp.name) : undefined;
    const cls = value !== undefined ? parseInstanceClass(value) : undefined;
    if (!cls) return undefined;
    return {
      key: siteKey(src, ident), line: lineOf(ident), what: `${what} (imported from ${file})`, cls,
      owners: ownersFor(src, ident, hints).owners,
      refusal: `${value} is held in '${imp!.name}' in ${file}, which other modules can import; change it there by hand`,
      edit: () => ({ start: ident.startIndex, end: ident.startIndex, text: '' }),
    };
  }
  const lit = stringLiteral(b.value)?.value;
  const cls = lit !== undefined ? parseInstanceClass(lit) : undefined;
  if (!cls || lit === undefined) return undefined;
  const owned = ownersFor(src, b.value, hints);
  const refusal = (await constantRefusal(f.ctx, src, b, name, lit)) ?? owned.refusal;
  return {
    key: siteKey(src, b.value), line: lineOf(b.value), what: `${what} (${name} = ${b.value.text})`, cls,
    owners: owned.owners, ...(refusal ? { refusal } : {}),
    edit: editString(b.value, lit),
  };
}

/** The new class in the string's own quotes, with or without the `db.` prefix as it was written. */
function editString(node: Node, old: string): (t: Parts) => Edit {
  const start = node.namedChildren.find((c) => c?.type === 'string_start')?.text ?? '"';
  const end = node.namedChildren.find((c) => c?.type === 'string_end')?.text ?? '"';
  const range = { start: node.startIndex, end: node.endIndex };
  const prefix = old.trim().toLowerCase().startsWith('db.') ? 'db.' : '';
  return (t) => ({ ...range, text: `${start}${prefix}${t.family}.${t.size}${end}` });
}

export async function run(ctx: CodemodContext): Promise<CodemodResult> {
  const finder: Finder = { ctx };
  const from = parseInstanceClass(typeof ctx.captures.instanceClass === 'string' ? ctx.captures.instanceClass : '');
  const { sources, skipped } = await parseAll(ctx.files);
  const matches = (v: string) => !!from && sameParts(parseInstanceClass(v), from);
  const importers = await constantImporters(ctx, sources, matches);
  try {
    const all: ClassSite[] = [];
    const links: Array<[OwnerPath, OwnerPath]> = [];
    for (const src of [...sources, ...importers]) {
      all.push(...(await findSites(finder, src)));
      links.push(...pyLinksOf(src, pyCollectResources(src)), ...pyMemberLinks(src));
    }
    const note = skipped.length ? ` (${skipped.join('; ')})` : '';
    const decided = decideClassSites(all, ctx.captures, ctx.resources, links, note);
    if ('status' in decided) return decided;

    const byFile = new Map<string, Edit[]>();
    for (const s of decided.selected) byFile.set(s.file, [...(byFile.get(s.file) ?? []), s.edit(s.choice!)]);
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
    return { status: 'proposed', reason: decided.reason, edits };
  } finally {
    disposeAll(sources);
    disposeAll(importers);
  }
}

function sameParts(a: Parts | undefined, b: Parts): boolean {
  return !!a && a.family === b.family && a.size === b.size;
}
