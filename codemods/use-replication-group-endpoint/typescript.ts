// TypeScript/JavaScript side: `error TS2339: Property 'cacheNodes' does not exist on type
// 'ReplicationGroup'` (Pulumi `aws.elasticache.ReplicationGroup`, CDKTF
// `ElasticacheReplicationGroup`). The compiler has already said which reads are on a
// replication group and where: only the reads on the lines it names are rewritten, so a
// Cluster's `cacheNodes` (which exists) is never touched.
//   q.cacheNodes[0].address                      -> q.primaryEndpointAddress
//   q.cacheNodes[0].port                         -> q.port
//   q.cacheNodes.get(0).address                  -> q.primaryEndpointAddress        (CDKTF)
//   q.cacheNodes.apply(n => n[0].address)        -> q.primaryEndpointAddress
//   q.cacheNodes.apply(n => `${n[0].address}:6379`) -> q.primaryEndpointAddress.apply(address => `${address}:6379`)
// `configurationEndpointAddress` when every replication group the project creates is in
// cluster mode; when the project's groups disagree, or one's mode cannot be read, refused.
import type { ts as TsNamespace } from 'ts-morph';
import type { CodemodContext, CodemodResult } from '../../src/fix/contract.js';
import { applyEdits, type Edit } from '../../src/fix/python/edits.js';
import { findProp, lineOf, parsesCleanly, parseTs, qualifiedCdkName, stringText, unwrapExpr, walkTs, type TS, type TsFile } from '../shared/ts-source.js';

const PRIMARY = 'primaryEndpointAddress';
const CONFIGURATION = 'configurationEndpointAddress';
const CREATORS = new Set([
  '@pulumi/aws.elasticache.ReplicationGroup',
  '@cdktf/provider-aws/lib/elasticache-replication-group.ElasticacheReplicationGroup',
  '@cdktf/provider-aws.elasticacheReplicationGroup.ElasticacheReplicationGroup',
]);

type Member = 'address' | 'port';

interface Rewrite {
  edits: Edit[];
  what: string;
}

export async function run(ctx: CodemodContext): Promise<CodemodResult> {
  const attribute = typeof ctx.captures.attribute === 'string' ? ctx.captures.attribute : '';
  // The Python AttributeError is the Python side's.
  if (attribute !== 'cacheNodes') return { status: 'not-found', reason: 'the log reports a Python read of cache_nodes', edits: {} };
  const { ts } = await import('ts-morph');
  const files = new Map<string, TsFile>();
  for (const f of ctx.files) files.set(f.path, parseTs(ts, f.path, f.text));
  const locations = (ctx.locations ?? (ctx.location ? [ctx.location] : [])).filter((l) => files.has(l.file));
  if (!locations.length) {
    return {
      status: 'refused',
      reason: ctx.location
        ? `the compiler names ${ctx.location.file}, which is not a TypeScript or JavaScript source stackfix can read`
        : 'the log names no file and line for the cacheNodes read; read <group>.primaryEndpointAddress (cluster mode: configurationEndpointAddress) and <group>.port there',
      edits: {},
    };
  }
  const refusals: string[] = [];
  const byFile = new Map<string, Edit[]>();
  const seen = new Set<string>();
  const summaries: string[] = [];
  let already = 0;
  let address: string | { why: string } | undefined;
  const addressAttr = () => (address ??= endpointOf(ts, [...files.values()]));
  for (const loc of locations) {
    const file = files.get(loc.file)!;
    const where = `${loc.file}:${loc.line}`;
    if (!parsesCleanly(file)) {
      refusals.push(`${loc.file} has a syntax error; fix it first`);
      continue;
    }
    const reads: TsNamespace.PropertyAccessExpression[] = [];
    walkTs(ts, file.sf, (n) => {
      if (ts.isPropertyAccessExpression(n) && n.name.text === 'cacheNodes' && lineOf(file, n.name) === loc.line) reads.push(n);
    });
    if (!reads.length) {
      // Fixed: the line reads the endpoint (or the port) now, or the file reads no cacheNodes at all.
      const text = file.text.split('\n')[loc.line - 1] ?? '';
      if (/\.(?:primaryEndpointAddress|configurationEndpointAddress|port)\b/.test(text) || !/\.cacheNodes\b/.test(file.text)) already++;
      else refusals.push(`${where} no longer reads cacheNodes, and stackfix cannot tell what the compiler saw there; run the build again`);
      continue;
    }
    // Several reads on the line: the compiler's line says which only when they share one receiver
    // (`${q.cacheNodes[0].address}:${q.cacheNodes[0].port}`).
    const receivers = new Set(reads.map((r) => r.expression.getText(file.sf)));
    if (receivers.size > 1) {
      refusals.push(`${where} reads cacheNodes on ${[...receivers].join(' and ')}, and the compiler's line does not say which is the replication group; fix it by hand`);
      continue;
    }
    for (const read of reads) {
      const key = `${loc.file}:${read.getStart(file.sf)}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const r = rewrite(ts, file, read, addressAttr);
      if ('why' in r) refusals.push(`${where}: ${r.why}`);
      else {
        byFile.set(loc.file, [...(byFile.get(loc.file) ?? []), ...r.edits]);
        summaries.push(`${r.what} (${where})`);
      }
    }
  }
  // Every read the compiler names, or none: the build fails at the first one left.
  if (refusals.length) return { status: 'refused', reason: refusals.join('; '), edits: {} };
  if (!byFile.size) {
    return already
      ? { status: 'already-fixed', reason: 'the lines the compiler named read the replication group endpoint already', edits: {} }
      : { status: 'not-found', reason: 'no cacheNodes read on the lines the compiler named', edits: {} };
  }
  const edits: Record<string, string> = {};
  for (const [path, list] of byFile) edits[path] = applyEdits(files.get(path)!.text, list);
  return { status: 'proposed', reason: `a replication group has no cacheNodes: ${summaries.join(', ')}`, edits };
}

/** The rewrite of one `x.cacheNodes` read, or why it cannot be made. */
function rewrite(ts: TS, file: TsFile, read: TsNamespace.PropertyAccessExpression, addressAttr: () => string | { why: string }): Rewrite | { why: string } {
  const sf = file.sf;
  const recv = read.expression.getText(sf);
  const start = read.getStart(sf);
  const to = (member: Member): string | { why: string } => {
    if (member === 'port') return `${recv}.port`;
    const a = addressAttr();
    return typeof a === 'string' ? `${recv}.${a}` : a;
  };
  const parent = read.parent;
  // x.cacheNodes[0].address
  if (ts.isElementAccessExpression(parent) && parent.expression === read) {
    const index = ts.isNumericLiteral(parent.argumentExpression) ? Number(parent.argumentExpression.text) : undefined;
    return direct(ts, sf, recv, start, parent, index, to);
  }
  if (ts.isPropertyAccessExpression(parent) && parent.expression === read && ts.isCallExpression(parent.parent) && parent.parent.expression === parent) {
    const call = parent.parent;
    // CDKTF: x.cacheNodes.get(0).address
    if (parent.name.text === 'get') {
      const arg = call.arguments.length === 1 ? call.arguments[0] : undefined;
      const index = arg && ts.isNumericLiteral(arg) ? Number(arg.text) : undefined;
      return direct(ts, sf, recv, start, call, index, to);
    }
    // Pulumi: x.cacheNodes.apply(nodes => nodes[0].address)
    if (parent.name.text === 'apply') return applied(ts, sf, recv, read, call, to);
  }
  return { why: `\`${clip(parent.getText(sf))}\` reads cacheNodes as a list; a replication group has none: use ${recv}.${PRIMARY}, ${recv}.readerEndpointAddress or ${recv}.memberClusters by hand` };
}

function memberOf(ts: TS, node: TsNamespace.Node): Member | undefined {
  const p = node.parent;
  if (!ts.isPropertyAccessExpression(p) || p.expression !== node) return undefined;
  return p.name.text === 'address' || p.name.text === 'port' ? p.name.text : undefined;
}

function direct(ts: TS, sf: TsNamespace.SourceFile, recv: string, start: number, node: TsNamespace.Expression, index: number | undefined, to: (m: Member) => string | { why: string }): Rewrite | { why: string } {
  if (index === undefined) return { why: 'cacheNodes is read with an index stackfix cannot read' };
  if (index !== 0) return { why: `cacheNodes[${index}] reads a replica node, which a replication group does not list; use ${recv}.readerEndpointAddress` };
  const member = memberOf(ts, node);
  if (!member) return { why: `\`${clip(node.parent.getText(sf))}\` has no replication group equivalent stackfix knows; use ${recv}.${PRIMARY} / ${recv}.port` };
  const text = to(member);
  if (typeof text !== 'string') return text;
  const end = node.parent.getEnd();
  return { edits: [{ start, end, text }], what: `${clip(sf.text.slice(start, end))} -> ${text}` };
}

function applied(ts: TS, sf: TsNamespace.SourceFile, recv: string, read: TsNamespace.Expression, call: TsNamespace.CallExpression, to: (m: Member) => string | { why: string }): Rewrite | { why: string } {
  const fn = call.arguments.length === 1 ? unwrapExpr(ts, call.arguments[0]!) : undefined;
  const arrow = fn && (ts.isArrowFunction(fn) || ts.isFunctionExpression(fn)) ? fn : undefined;
  const param = arrow?.parameters.length === 1 && ts.isIdentifier(arrow.parameters[0]!.name) && !arrow.parameters[0]!.type ? arrow.parameters[0]!.name : undefined;
  const body = arrow && ts.isArrowFunction(arrow) && !ts.isBlock(arrow.body) ? unwrapExpr(ts, arrow.body) : undefined;
  if (!arrow || !param || !body) return { why: `${recv}.cacheNodes.apply(...) takes a callback stackfix cannot read; use ${recv}.${PRIMARY} and ${recv}.port` };
  const reads: Array<{ node: TsNamespace.Node; member: Member }> = [];
  let bad: string | undefined;
  walkTs(ts, body, (n) => {
    if (!ts.isIdentifier(n) || n.text !== param.text || bad) return;
    const el = n.parent;
    const ok = ts.isElementAccessExpression(el) && el.expression === n && ts.isNumericLiteral(el.argumentExpression) && el.argumentExpression.text === '0';
    const member = ok ? memberOf(ts, el) : undefined;
    if (!member) bad = clip(n.parent.getText(sf));
    else reads.push({ node: el.parent, member });
  });
  const members = new Set(reads.map((r) => r.member));
  if (bad || members.size !== 1) return { why: `the callback of ${recv}.cacheNodes.apply(...) reads ${bad ? `\`${bad}\`` : members.size ? 'both the address and the port' : 'no node'}; use pulumi.all([${recv}.${PRIMARY}, ${recv}.port]).apply(...) by hand` };
  const member = reads[0]!.member;
  const target = to(member);
  if (typeof target !== 'string') return target;
  const start = read.getStart(sf);
  if (reads.length === 1 && reads[0]!.node.getStart(sf) === body.getStart(sf) && reads[0]!.node.getEnd() === body.getEnd()) {
    return { edits: [{ start, end: call.getEnd(), text: target }], what: `${recv}.cacheNodes.apply(...) -> ${target}` };
  }
  // The callback now receives the endpoint itself.
  const taken = new Set<string>();
  walkTs(ts, body, (n) => {
    // Names the body reads (not member names after a dot): the new parameter must not shadow one.
    if (ts.isIdentifier(n) && !(ts.isPropertyAccessExpression(n.parent) && n.parent.name === n)) taken.add(n.text);
  });
  const name = [member, `node${member[0]!.toUpperCase()}${member.slice(1)}`].find((n) => !taken.has(n)) ?? `${member}Value`;
  const edits: Edit[] = [
    { start, end: read.getEnd(), text: target },
    { start: param.getStart(sf), end: param.getEnd(), text: name },
    ...reads.map((r) => ({ start: r.node.getStart(sf), end: r.node.getEnd(), text: name })),
  ];
  return { edits, what: `${recv}.cacheNodes.apply(...) -> ${target}.apply(...)` };
}

/**
 * The address attribute of the project's replication groups: primary without cluster mode,
 * configuration with it. The compiler's type names no instance, so every group the candidate
 * files create must agree.
 */
function endpointOf(ts: TS, files: TsFile[]): string | { why: string } {
  const attrs = new Set<string>();
  let found = 0;
  for (const file of files) {
    walkTs(ts, file.sf, (n) => {
      if (!ts.isNewExpression(n)) return;
      const name = qualifiedCdkName(ts, file, n.expression);
      if (!name || !CREATORS.has(name)) return;
      found++;
      const where = `${file.path}:${lineOf(file, n)}`;
      // Pulumi: new X(name, args); CDKTF: new X(scope, id, config).
      const props = n.arguments?.[name.startsWith('@pulumi') ? 1 : 2];
      const obj = props ? unwrapExpr(ts, props) : undefined;
      if (!obj || !ts.isObjectLiteralExpression(obj)) {
        attrs.add(`?the replication group at ${where} is configured by \`${clip(props?.getText(file.sf) ?? '')}\``);
        return;
      }
      const mode = findProp(ts, obj, 'clusterMode');
      const groups = findProp(ts, obj, 'numNodeGroups');
      const params = findProp(ts, obj, 'parameterGroupName');
      const modeText = stringText(ts, mode.value);
      if (mode.value && modeText !== 'enabled' && modeText !== 'disabled') attrs.add(`?the replication group at ${where} sets clusterMode to \`${clip(mode.value.getText(file.sf))}\``);
      else if (modeText === 'enabled') attrs.add(CONFIGURATION);
      else if (groups.value && !ts.isNumericLiteral(unwrapExpr(ts, groups.value))) attrs.add(`?the replication group at ${where} sets numNodeGroups to \`${clip(groups.value.getText(file.sf))}\``);
      else if (groups.value && Number((unwrapExpr(ts, groups.value) as TsNamespace.NumericLiteral).text) > 1) attrs.add(CONFIGURATION);
      else if (stringText(ts, params.value)?.includes('.cluster.on')) attrs.add(CONFIGURATION);
      else if (obj.properties.some((p) => ts.isSpreadAssignment(p)) && !mode.value && !groups.value) attrs.add(`?the replication group at ${where} spreads props that may turn cluster mode on`);
      else attrs.add(PRIMARY);
    });
  }
  const unsure = [...attrs].find((a) => a.startsWith('?'));
  if (unsure) return { why: `${unsure.slice(1)}, so stackfix cannot tell whether cluster mode is on; read ${PRIMARY} (cluster mode disabled) or ${CONFIGURATION} (enabled) by hand` };
  if (!found) return { why: `stackfix finds no replication group created in the project's sources, so it cannot tell whether cluster mode is on; read ${PRIMARY} (cluster mode disabled) or ${CONFIGURATION} (enabled) by hand` };
  if (attrs.size > 1) return { why: `the project creates replication groups with and without cluster mode, and the compiler's message does not say which this is; read ${PRIMARY} or ${CONFIGURATION} by hand` };
  return [...attrs][0]!;
}

function clip(s: string): string {
  const one = s.replace(/\s+/g, ' ');
  return one.length > 60 ? `${one.slice(0, 57)}...` : one;
}
