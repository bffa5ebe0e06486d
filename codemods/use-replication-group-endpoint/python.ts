// Python transform: `AttributeError: 'ReplicationGroup' object has no attribute 'cache_nodes'`.
// `cache_nodes` belongs to a single-node `aws.elasticache.Cluster`; a replication group exposes
// its endpoints directly. Rewrites, where the receiver is created by
// `aws.elasticache.ReplicationGroup(...)` (followed through assignments, `self.` attributes,
// helper functions, component classes and project imports):
//   x.cache_nodes[0].address                       -> x.primary_endpoint_address
//   x.cache_nodes[0].port                          -> x.port
//   x.cache_nodes.apply(lambda nodes: nodes[0].address)  -> x.primary_endpoint_address
//   x.cache_nodes.apply(lambda n: f"{n[0].address}:6379") -> x.primary_endpoint_address.apply(lambda address: f"{address}:6379")
// (`configuration_endpoint_address` when the group is in cluster mode). Cluster receivers stay
// as they are; a receiver stackfix cannot trace, a replica (`cache_nodes[1]`) or any other use
// of the node list is refused with the reason.
import type { CodemodContext, CodemodResult } from '../../src/fix/contract.js';
import { applyEdits, type Edit } from '../../src/fix/python/edits.js';
import type { Node } from '../../src/fix/python/parser.js';
import { callArgs, calleeName, field, findAll, nameUses, stringValue, unparen, walk } from '../../src/fix/python/syntax.js';
import { Resolver, resourceKeywords, type Creation, type Mod } from './python-origin.js';

type Member = 'address' | 'port';

interface Site {
  file: string;
  line: number;
  /** 'fix': rewritten; 'skip': not a ReplicationGroup; 'blocked': one, but not rewritable; 'unknown': origin not traceable. */
  status: 'fix' | 'skip' | 'blocked' | 'unknown';
  edits: Edit[];
  what: string;
  reason?: string;
  /** First and last 1-based line of the expression, for matching the traceback's line. */
  lines: [number, number];
}

const PRIMARY = 'primary_endpoint_address';
const CONFIGURATION = 'configuration_endpoint_address';

export async function run(ctx: CodemodContext): Promise<CodemodResult> {
  const attribute = typeof ctx.captures.attribute === 'string' ? ctx.captures.attribute : 'cache_nodes';
  // The TypeScript compiler's `cacheNodes` is the TypeScript side's.
  if (attribute === 'cacheNodes') return { status: 'not-found', reason: 'the log reports a TypeScript read of cacheNodes', edits: {} };
  if (attribute !== 'cache_nodes') return { status: 'refused', reason: `no rewrite is known for ReplicationGroup.${attribute}`, edits: {} };
  const resolver = new Resolver(ctx);
  try {
    const sites: Site[] = [];
    const unparsable: string[] = [];
    let endpointReads = 0;
    for (const file of ctx.files) {
      const mod = await resolver.module(file.path, file.text);
      if (!mod) {
        unparsable.push(file.path);
        continue;
      }
      for (const a of findAll(mod.file.root, 'attribute')) {
        const attr = field(a, 'attribute')?.text;
        if (attr === PRIMARY || attr === CONFIGURATION) endpointReads++;
        if (attr !== 'cache_nodes') continue;
        const site = await siteOf(resolver, mod, a);
        if (site) sites.push(site);
      }
    }
    return decide(ctx, sites, endpointReads, unparsable);
  } finally {
    resolver.dispose();
  }
}

function decide(ctx: CodemodContext, sites: Site[], endpointReads: number, unparsable: string[]): CodemodResult {
  const where = (s: Site) => `${s.file}:${s.line}`;
  const loc = ctx.location;
  const atLocation = loc ? sites.filter((s) => s.file === loc.file && s.lines[0] <= loc.line && loc.line <= s.lines[1]) : [];
  for (const s of atLocation) {
    if (s.status === 'blocked' || s.status === 'unknown') return refused(`${where(s)}: ${s.reason}`);
  }
  // The traceback says a ReplicationGroup is read on that line: a line with only Cluster reads contradicts it.
  const skipped = atLocation.filter((s) => s.status === 'skip');
  if (skipped.length && skipped.length === atLocation.length) {
    const s = skipped[0]!;
    return refused(`the traceback points at ${where(s)}, where stackfix traces \`${s.what}\` to ${s.reason}, not a ReplicationGroup; check which object reaches that line`);
  }
  // A ReplicationGroup read stackfix cannot rewrite still fails the program: fix nothing rather than half.
  const blocked = sites.filter((s) => s.status === 'blocked');
  if (blocked.length) return refused(blocked.map((s) => `${where(s)}: ${s.reason}`).join('; '));
  const fixes = sites.filter((s) => s.status === 'fix');
  const unknown = sites.filter((s) => s.status === 'unknown');
  const clusters = sites.filter((s) => s.status === 'skip');
  if (fixes.length) {
    const byFile = new Map<string, Edit[]>();
    for (const s of fixes) byFile.set(s.file, [...(byFile.get(s.file) ?? []), ...s.edits]);
    const edits: Record<string, string> = {};
    for (const [path, list] of byFile) {
      const text = ctx.files.find((f) => f.path === path)!.text;
      try {
        edits[path] = applyEdits(text, list);
      } catch (err) {
        return refused(`overlapping rewrites in ${path} (${(err as Error).message}); fix it by hand`);
      }
    }
    const notes = [
      clusters.length ? `${clusters.length} Cluster read${clusters.length > 1 ? 's' : ''} left alone` : '',
      unknown.length ? `not changed: ${unknown.map((s) => `${where(s)} (${s.reason})`).join('; ')}` : '',
    ].filter(Boolean);
    const summary = fixes.map((s) => `${s.what} (${where(s)})`).join(', ');
    return { status: 'proposed', reason: `ReplicationGroup has no cache_nodes: ${summary}${notes.length ? `; ${notes.join('; ')}` : ''}`, edits };
  }
  if (unknown.length) return refused(unknown.map((s) => `${where(s)}: ${s.reason}`).join('; '));
  const why = unparsable.length ? ` (${unparsable.join(', ')} could not be parsed)` : '';
  const left = clusters.length ? `; ${clusters.length} read${clusters.length > 1 ? 's' : ''} of aws.elasticache.Cluster.cache_nodes, which is valid, left alone` : '';
  if (endpointReads) return { status: 'already-fixed', reason: `the ReplicationGroup endpoints are already read directly${left}`, edits: {} };
  return { status: 'not-found', reason: `no cache_nodes read on an aws.elasticache.ReplicationGroup in the candidate files${why}${left}`, edits: {} };
}

function refused(reason: string): CodemodResult {
  return { status: 'refused', reason, edits: {} };
}

async function siteOf(resolver: Resolver, mod: Mod, a: Node): Promise<Site | undefined> {
  const receiver = field(a, 'object');
  if (!receiver) return undefined;
  // `self.cache_nodes = ...` is the project's own attribute; so is any assignment target.
  if (receiver.type === 'identifier' && receiver.text === 'self') return undefined;
  const parent = a.parent;
  if (parent?.type === 'assignment' && field(parent, 'left')?.equals(a)) return undefined;
  if (parent?.type === 'keyword_argument' || parent?.type === 'dotted_name') return undefined;

  const use = useOf(a);
  const whole = use.kind === 'refuse' ? a : use.whole;
  const base: Omit<Site, 'status' | 'edits' | 'what'> = {
    file: mod.path,
    line: a.startPosition.row + 1,
    lines: [whole.startPosition.row + 1, whole.endPosition.row + 1],
  };
  const recv = receiver.text;
  const origin = await resolver.origin(mod, receiver);
  if (origin.kind === 'cluster') return { ...base, status: 'skip', edits: [], what: recv, reason: 'an aws.elasticache.Cluster' };
  if (origin.kind === 'other') return { ...base, status: 'skip', edits: [], what: recv, reason: origin.what };
  if (origin.kind === 'unknown') {
    return { ...base, status: 'unknown', edits: [], what: recv, reason: `cannot tell what \`${recv}\` is (${origin.why}); if it is an aws.elasticache.ReplicationGroup read ${recv}.${PRIMARY} and ${recv}.port` };
  }
  // A ReplicationGroup from here on.
  const blocked = (reason: string): Site => ({ ...base, status: 'blocked', edits: [], what: recv, reason });
  if (use.kind === 'refuse') return blocked(use.reason.replace(/\{x\}/g, recv));
  let attr = 'port';
  if (use.member === 'address') {
    const ep = endpoint(origin.creations);
    if ('why' in ep) return blocked(`\`${recv}\` ${ep.why}; read ${recv}.${PRIMARY} (cluster mode disabled) or ${recv}.${CONFIGURATION} (cluster mode enabled) by hand`);
    attr = ep.attr;
  }
  const to = `${recv}.${attr}`;
  if (use.kind === 'direct') {
    return { ...base, status: 'fix', edits: [{ start: use.whole.startIndex, end: use.whole.endIndex, text: to }], what: `${clip(use.whole.text)} -> ${to}` };
  }
  // `.apply(lambda nodes: <body>)`: the lambda now receives the endpoint itself.
  const edits: Edit[] = [
    { start: a.startIndex, end: a.endIndex, text: to },
    { start: use.param.startIndex, end: use.param.endIndex, text: use.newParam },
    ...use.reads.map((r) => ({ start: r.startIndex, end: r.endIndex, text: use.newParam })),
  ];
  return { ...base, status: 'fix', edits, what: `${recv}.cache_nodes.apply(...) -> ${to}.apply(...)` };
}

type Use =
  | { kind: 'direct'; whole: Node; member: Member }
  | { kind: 'lambda'; whole: Node; member: Member; param: Node; newParam: string; reads: Node[] }
  | { kind: 'refuse'; reason: string };

/** How `x.cache_nodes` is read; `{x}` in a reason stands for the receiver. */
function useOf(a: Node): Use {
  const p = a.parent;
  if (p?.type === 'subscript' && field(p, 'value')?.equals(a)) {
    const index = indexOf(p);
    if (index === undefined) return { kind: 'refuse', reason: '{x}.cache_nodes[...] with an index stackfix cannot read' };
    if (index !== 0) {
      return {
        kind: 'refuse',
        reason: `{x}.cache_nodes[${index}] reads a replica node, which a ReplicationGroup does not list; use {x}.reader_endpoint_address for reads from replicas (or {x}.member_clusters for the node ids)`,
      };
    }
    const m = memberOf(p);
    if (m.kind === 'member') return { kind: 'direct', whole: m.node, member: m.member };
    return { kind: 'refuse', reason: `{x}.cache_nodes[0]${m.what} has no ReplicationGroup equivalent stackfix knows; use {x}.${PRIMARY} / {x}.port` };
  }
  // CDKTF: `x.cache_nodes.get(0).address` (a list attribute read with get()).
  if (p?.type === 'attribute' && field(p, 'attribute')?.text === 'get' && p.parent?.type === 'call' && field(p.parent, 'function')?.equals(p)) {
    const call = p.parent;
    const args = callArgs(call);
    const arg = args && args.positional.length === 1 && args.keywords.size === 0 && !args.splat ? unparen(args.positional[0]) : undefined;
    if (arg?.type !== 'integer' || !/^\d+$/.test(arg.text)) return { kind: 'refuse', reason: '{x}.cache_nodes.get(...) with an index stackfix cannot read' };
    if (Number(arg.text) !== 0) {
      return { kind: 'refuse', reason: `{x}.cache_nodes.get(${arg.text}) reads a replica node, which a replication group does not list; use {x}.reader_endpoint_address for reads from replicas (or {x}.member_clusters for the node ids)` };
    }
    const m = memberOf(call);
    if (m.kind === 'member') return { kind: 'direct', whole: m.node, member: m.member };
    return { kind: 'refuse', reason: `{x}.cache_nodes.get(0)${m.what} has no replication group equivalent stackfix knows; use {x}.${PRIMARY} / {x}.port` };
  }
  if (p?.type === 'attribute' && field(p, 'attribute')?.text === 'apply' && p.parent?.type === 'call' && field(p.parent, 'function')?.equals(p)) {
    const call = p.parent;
    const args = callArgs(call);
    const fn = args && args.positional.length === 1 && args.keywords.size === 0 && !args.splat ? unparen(args.positional[0]) : undefined;
    const params = fn?.type === 'lambda' ? field(fn, 'parameters')?.namedChildren.filter((c): c is Node => !!c) : undefined;
    const body = fn ? field(fn, 'body') : undefined;
    if (!fn || !body || !params || params.length !== 1 || params[0]!.type !== 'identifier') {
      return { kind: 'refuse', reason: `{x}.cache_nodes.apply(${clip(call.text.slice(p.text.length + 1, -1))}) takes a callback stackfix cannot read; a ReplicationGroup has no node list: use {x}.${PRIMARY}, {x}.port or {x}.member_clusters` };
    }
    const param = params[0]!;
    const reads: Node[] = [];
    const members = new Set<Member>();
    for (const u of nameUses(body, param.text)) {
      const s = u.parent;
      const index = s?.type === 'subscript' && field(s, 'value')?.equals(u) ? indexOf(s) : undefined;
      const m = index === 0 ? memberOf(s!) : undefined;
      if (!m || m.kind !== 'member') {
        return { kind: 'refuse', reason: `the callback of {x}.cache_nodes.apply(...) reads \`${clip(u.parent?.text ?? u.text)}\`; a ReplicationGroup has no node list: use {x}.${PRIMARY} and {x}.port` };
      }
      reads.push(m.node);
      members.add(m.member);
    }
    if (!reads.length || members.size !== 1) {
      return { kind: 'refuse', reason: `the callback of {x}.cache_nodes.apply(...) reads ${members.size > 1 ? 'both the address and the port' : 'no node'}; rewrite it with pulumi.Output.all({x}.${PRIMARY}, {x}.port).apply(...)` };
    }
    const member = [...members][0]!;
    const only = reads[0]!;
    if (reads.length === 1 && only.startIndex === unparen(body)!.startIndex && only.endIndex === unparen(body)!.endIndex) {
      return { kind: 'direct', whole: call, member };
    }
    // Names the body reads (not attribute members or keyword names): the new parameter must not shadow one.
    const taken = new Set<string>();
    walk(body, (n) => {
      const up = n.parent;
      if (n.type !== 'identifier' || !up) return;
      if (up.type === 'attribute' && field(up, 'attribute')?.equals(n)) return;
      if (up.type === 'keyword_argument' && field(up, 'name')?.equals(n)) return;
      taken.add(n.text);
    });
    const newParam = [member, `node_${member}`, `${member}_value`].find((n) => !taken.has(n))!;
    return { kind: 'lambda', whole: call, member, param, newParam, reads };
  }
  return { kind: 'refuse', reason: `{x}.cache_nodes is read as a list here (\`${clip(p?.text ?? a.text)}\`); a ReplicationGroup has no node list: use {x}.${PRIMARY}, {x}.reader_endpoint_address or {x}.member_clusters` };
}

/** The integer literal index of `value[<n>]`, or undefined. */
function indexOf(subscript: Node): number | undefined {
  const idx = subscript.childrenForFieldName('subscript').filter((c): c is Node => !!c);
  if (idx.length !== 1 || idx[0]!.type !== 'integer' || !/^\d+$/.test(idx[0]!.text)) return undefined;
  return Number(idx[0]!.text);
}

/** `<node>.address` / `<node>["port"]` around a `cache_nodes[0]` subscript. */
function memberOf(s: Node): { kind: 'member'; node: Node; member: Member } | { kind: 'other'; what: string } {
  const q = s.parent;
  let name: string | undefined;
  if (q?.type === 'attribute' && field(q, 'object')?.equals(s)) name = field(q, 'attribute')?.text;
  else if (q?.type === 'subscript' && field(q, 'value')?.equals(s)) {
    const idx = q.childrenForFieldName('subscript').filter((c): c is Node => !!c);
    name = idx.length === 1 ? stringValue(idx[0]) : undefined;
    if (name === undefined) return { kind: 'other', what: '[...]' };
  } else return { kind: 'other', what: '' };
  if ((name === 'address' || name === 'port') && q) return { kind: 'member', node: q, member: name };
  return { kind: 'other', what: q?.type === 'attribute' ? `.${name}` : `["${name}"]` };
}

/** Which address attribute a ReplicationGroup has: cluster mode decides. */
function endpoint(creations: Creation[]): { attr: string } | { why: string } {
  const attrs = new Set<string>();
  for (const c of creations) {
    const e = endpointOf(c);
    if ('why' in e) return e;
    attrs.add(e.attr);
  }
  if (attrs.size !== 1) return { why: 'is created in cluster mode on one path and without it on another' };
  return { attr: [...attrs][0]! };
}

function endpointOf({ mod, call }: Creation): { attr: string } | { why: string } {
  const at = `${mod.path}:${call.startPosition.row + 1}`;
  if (calleeName(call)?.endsWith('.get')) return { why: `is looked up with ReplicationGroup.get() (${at}), so stackfix cannot see whether cluster mode is on` };
  const { keywords, opaque } = resourceKeywords(call);
  const clusterMode = keywords.get('cluster_mode');
  if (clusterMode) {
    const v = stringValue(clusterMode);
    if (v === 'enabled') return { attr: CONFIGURATION };
    if (v !== 'disabled') return { why: `sets cluster_mode=${clip(clusterMode.text)} (${at})` };
  }
  const groups = keywords.get('num_node_groups');
  if (groups) {
    const g = unparen(groups);
    if (g?.type !== 'integer') return { why: `sets num_node_groups=${clip(groups.text)} (${at}), which decides between cluster mode and not` };
    if (Number(g.text) > 1) return { attr: CONFIGURATION };
  }
  const params = stringValue(keywords.get('parameter_group_name'));
  if (params?.includes('.cluster.on')) return { attr: CONFIGURATION };
  if (opaque && !clusterMode && !groups) return { why: `is created with ${opaque} (${at}), which may turn cluster mode on` };
  return { attr: PRIMARY };
}

function clip(s: string): string {
  const one = s.replace(/\s+/g, ' ');
  return one.length > 60 ? `${one.slice(0, 57)}...` : one;
}
