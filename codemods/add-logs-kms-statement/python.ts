// Python transform (AWS CDK, Pulumi, CDKTF): find the log group the failure names, follow its
// key argument to where the key is created (names, `self.x` set in any method, helper methods
// and factory functions, keys passed to a construct by another module; py-flow.ts) and make
// the key's policy let CloudWatch Logs use it there. What the policy already says is read into
// neutral statement views and judged once (policy.ts): already fixed, a statement to correct, or
// one to add. CDK L2 keys get an `add_to_resource_policy(...)` call after the statement that
// binds them; CfnKey, Pulumi and CDKTF keys get a statement appended to their policy document
// (or, with no policy, a complete one that keeps the account-root statement). Edits are
// splices on the tree-sitter tree's offsets.
import type { CodemodContext, CodemodResult } from '../../src/fix/contract.js';
import { applyEdits, type Edit } from '../../src/fix/python/edits.js';
import type { Node } from '../../src/fix/python/parser.js';
import { boundNames, callArgs, calleeName, classBases, dotted, field, findAll, indentAt, lineEnd, stringLiteral, stringValue, unparen, walk } from '../../src/fix/python/syntax.js';
import type { NameTemplate } from '../../src/fix/names.js';
import { logGroupNames, pickLogGroups, type Flavor, type LogGroupLike } from './log-groups.js';
import { alreadyFixedAdvice, combineOutcomes, GRANT_ACTIONS, logsNeed, planKey, touches, type Aspect, type LogsNeed, type StatementView } from './policy.js';
import { cdkAddToResourcePolicy, cdkPolicyStatement, jsonLogsStatement, jsonRootStatement, printPy, pyCode, styleOf, type PrintOptions, type PyStyle, type PyValue, type Token } from './python-print.js';
import { findBinding, methodOf, paramNames, PyProject, withImports, type ImportNeed, type PyModule } from './python-project.js';
import { nodeKey, PyValueFlow, type PyAnchor, type PyFailure, type PyFrame, type PyOrigin } from './py-flow.js';

interface LogGroupSite extends LogGroupLike {
  mod: PyModule;
  call: Node;
  keyExpr?: Node;
  /** No key argument in sight, but `**kwargs` may carry one. */
  hidden: boolean;
  label: string;
  /** A log group made by a helper: one site per call, its parameters bound to that call's arguments. */
  frame?: PyFrame;
}

type KeyKind = 'cdk-l2' | 'cdk-l1' | 'pulumi' | 'cdktf';

interface KeyDef {
  kind: KeyKind;
  mod: PyModule;
  call: Node;
  label: string;
  origin: PyOrigin;
}

interface Outcome {
  status: 'proposed' | 'already-fixed' | 'refused' | 'not-found';
  reason: string;
  edits?: { path: string; edit: Edit }[];
  imports?: { path: string; need: ImportNeed }[];
}

type Tokens = { region: Token; account: Token; needs: ImportNeed[]; edits: { path: string; edit: Edit }[] };

/** Classes by what the imports make of them (module path, then class). */
const LOG_GROUPS: { re: RegExp; flavor: Flavor; key: string; name: string; l1?: boolean }[] = [
  { re: /^aws_cdk\.aws_logs\.LogGroup$/, flavor: 'cdk', key: 'encryption_key', name: 'log_group_name' },
  { re: /^aws_cdk\.aws_logs\.CfnLogGroup$/, flavor: 'cdk', key: 'kms_key_id', name: 'log_group_name', l1: true },
  { re: /^pulumi_aws\.cloudwatch\.LogGroup$/, flavor: 'pulumi', key: 'kms_key_id', name: 'name' },
  { re: /(?:^|\.)cloudwatch_log_group\.CloudwatchLogGroup$/, flavor: 'cdktf', key: 'kms_key_id', name: 'name' },
];

/** What a qualified callee is, for keys and the things a key may come from. */
function classify(q: string | undefined): KeyKind | 'pulumi-key-policy' | 'cdktf-key-policy' | 'tf-data' | 'tf-variable' | 'cfn-parameter' | 'caller-identity' | 'region' | 'provider' | 'policy-document' | undefined {
  if (!q) return undefined;
  if (q === 'aws_cdk.aws_kms.Key') return 'cdk-l2';
  if (q === 'aws_cdk.aws_kms.CfnKey') return 'cdk-l1';
  if (q === 'pulumi_aws.kms.Key') return 'pulumi';
  if (q === 'pulumi_aws.kms.KeyPolicy') return 'pulumi-key-policy';
  if (/(?:^|\.)kms_key\.KmsKey$/.test(q)) return 'cdktf';
  if (/(?:^|\.)kms_key_policy\.KmsKeyPolicy$/.test(q)) return 'cdktf-key-policy';
  if (/(?:^|\.)data_aws_kms_(?:key|alias)\.DataAwsKms(?:Key|Alias)$/.test(q)) return 'tf-data';
  if (/^cdktf\.TerraformVariable$/.test(q)) return 'tf-variable';
  if (/^aws_cdk(?:\.core)?\.CfnParameter$/.test(q)) return 'cfn-parameter';
  if (/(?:^|\.)data_aws_caller_identity\.DataAwsCallerIdentity$/.test(q)) return 'caller-identity';
  if (/(?:^|\.)data_aws_region\.DataAwsRegion$/.test(q)) return 'region';
  if (/(?:^|\.)provider\.AwsProvider$/.test(q)) return 'provider';
  if (/(?:^|\.)data_aws_iam_policy_document\.DataAwsIamPolicyDocument$/.test(q)) return 'policy-document';
  return undefined;
}

const norm = (s: string) => s.replace(/\s+/g, '');

export async function run(ctx: CodemodContext): Promise<CodemodResult> {
  const project = new PyProject(ctx);
  try {
    return await new Transform(ctx, project).run();
  } catch (err) {
    return { status: 'refused', reason: `could not analyse the source safely: ${(err as Error).message}`, edits: {} };
  } finally {
    project.dispose();
  }
}

class Transform {
  private readonly styles = new Map<string, PyStyle>();
  /** The module each statement view's node was read from. */
  private readonly owners = new WeakMap<Node, PyModule>();
  private readonly flow: PyValueFlow;
  private readonly need: LogsNeed;

  constructor(
    private readonly ctx: CodemodContext,
    private readonly project: PyProject,
  ) {
    this.flow = new PyValueFlow(project, () => this.paths());
    this.need = logsNeed(ctx.captures);
  }

  private paths(): string[] {
    return [...new Set([...this.ctx.files.map((f) => f.path), ...this.ctx.listFiles('python')])];
  }

  private async modules(): Promise<PyModule[]> {
    const out: PyModule[] = [];
    for (const p of this.paths()) {
      const m = await this.project.get(p);
      if (m) out.push(m);
    }
    return out;
  }

  private q(mod: PyModule, call: Node): string | undefined {
    return mod.imports.qualify(calleeName(call));
  }

  async run(): Promise<CodemodResult> {
    const sites: LogGroupSite[] = [];
    const broken: string[] = [];
    for (const f of this.ctx.files) {
      if (!f.text.includes('LogGroup')) continue;
      const mod = await this.project.get(f.path);
      const problem = mod ? this.syntaxProblem(mod) : undefined;
      if (problem) broken.push(problem);
      else if (mod) sites.push(...(await this.logGroupSites(mod)));
    }
    if (sites.length === 0 && broken.length) return { status: 'refused', reason: broken.join('; '), edits: {} };
    const picked = sites.length
      ? pickLogGroups(sites, this.ctx.resources, logGroupNames(this.ctx.captures), (s) => !!s.keyExpr || s.hidden, 'the Python sources')
      : { status: 'not-found' as const, reason: 'no log group (logs.LogGroup, aws.cloudwatch.LogGroup, CloudwatchLogGroup) in the Python sources' };
    if ('status' in picked) {
      const fromKeys = picked.status === 'not-found' ? await this.fromKeysAlone(picked.reason) : undefined;
      return fromKeys ?? { status: picked.status, reason: picked.reason, edits: {} };
    }

    const defs = new Map<string, { def: KeyDef; users: LogGroupSite[] }>();
    const problems: Outcome[] = [];
    for (const group of picked.groups) {
      const perSite: string[] = [];
      for (const site of group) {
        if (!site.keyExpr) {
          problems.push({ status: 'refused', reason: `${site.label} passes its arguments through **kwargs; cannot see which key it uses` });
          continue;
        }
        const r = await this.resolveKeys(site);
        problems.push(...r.failures.map((f) => ({ status: f.status, reason: `${site.label}: ${f.reason}` })));
        const keys: string[] = [];
        for (const def of r.defs) {
          const k = nodeKey(def.mod, def.call);
          keys.push(k);
          const entry = defs.get(k) ?? { def, users: [] };
          if (!entry.users.some((u) => u.label === site.label)) entry.users.push(site);
          defs.set(k, entry);
        }
        perSite.push(keys.sort().join(','));
      }
      if (group.length > 1 && new Set(perSite).size > 1) {
        return { status: 'refused', reason: `the failure could be any of ${group.map((s) => s.label).join(', ')}, which use different keys; pass the resource id from the log`, edits: {} };
      }
    }
    const outcomes: Outcome[] = [];
    for (const { def, users } of defs.values()) outcomes.push(await this.fixKey(def, users));
    return this.assemble(outcomes, problems);
  }

  /** Every needed change, or none (policy.ts decides); the changes as new file texts. */
  private async assemble(outcomes: Outcome[], problems: Outcome[]): Promise<CodemodResult> {
    const combined = combineOutcomes(outcomes, problems);
    if (!('apply' in combined)) return { ...combined, edits: {} };
    const proposed = combined.apply;
    const byPath = new Map<string, { edits: Edit[]; needs: ImportNeed[] }>();
    const entry = (p: string) => byPath.get(p) ?? byPath.set(p, { edits: [], needs: [] }).get(p)!;
    for (const o of proposed) {
      for (const e of o.edits ?? []) entry(e.path).edits.push(e.edit);
      for (const i of o.imports ?? []) entry(i.path).needs.push(i.need);
    }
    const edits: Record<string, string> = {};
    for (const [path, { edits: list, needs }] of byPath) {
      const mod = (await this.project.get(path))!;
      const seen = new Set<string>();
      const unique = list.filter((e) => !seen.has(`${e.start}:${e.end}:${e.text}`) && !!seen.add(`${e.start}:${e.end}:${e.text}`));
      edits[path] = await withImports(path, applyEdits(mod.text, unique), needs);
    }
    return { status: 'proposed', reason: combined.reason, edits };
  }

  private style(mod: PyModule): PyStyle {
    let s = this.styles.get(mod.path);
    if (!s) this.styles.set(mod.path, (s = styleOf(mod.file)));
    return s;
  }

  private line(n: Node): number {
    return n.startPosition.row + 1;
  }

  private where(mod: PyModule, n: Node): string {
    return `${mod.path}:${this.line(n)}`;
  }

  private syntaxProblem(mod: PyModule): string | undefined {
    const [p] = mod.file.problems();
    return p ? `${mod.path}:${p.line} has a syntax error (${p.message}); fix it before applying a codemod` : undefined;
  }

  // ---------------------------------------------------------------------------------------
  // Log groups

  private async logGroupSites(mod: PyModule): Promise<LogGroupSite[]> {
    const out: LogGroupSite[] = [];
    for (const call of findAll(mod.root, 'call')) {
      const q = this.q(mod, call);
      const spec = q ? LOG_GROUPS.find((s) => s.re.test(q)) : undefined;
      const args = spec ? callArgs(call) : undefined;
      if (!spec || !args) continue;
      const construct = spec.flavor !== 'pulumi';
      const idNode = unparen(construct ? (args.positional[1] ?? args.keywords.get('id')?.value) : (args.positional[0] ?? args.keywords.get('resource_name')?.value));
      const key = unparen(args.keywords.get(spec.key)?.value ?? this.fromDictSplat(mod, args.list, spec.key));
      const keyExpr = key && key.type !== 'none' ? key : undefined;
      const nameNode = unparen(args.keywords.get(spec.name)?.value ?? this.fromDictSplat(mod, args.list, spec.name));
      const prefix = spec.flavor !== 'cdk' ? this.template(mod, unparen(args.keywords.get('name_prefix')?.value)) : undefined;
      const site: LogGroupSite = {
        mod,
        call,
        flavor: spec.flavor,
        l1: spec.l1,
        id: this.template(mod, idNode),
        scope: construct ? await this.constructScope(mod, call) : undefined,
        name: nameNode ? this.template(mod, nameNode) : undefined,
        ...(prefix && prefix.every((p) => typeof p === 'string') ? { namePrefix: prefix.join('') } : {}),
        keyExpr,
        hidden: !keyExpr && args.splat,
        label: `${calleeName(call)} ${idNode?.text ?? '?'} (${mod.path}:${this.line(call)})`,
      };
      out.push(...(await this.perCall(site)));
    }
    return out;
  }

  /**
   * A log group made by a helper (`self._create_log_group("builder", key.arn)`) is one log group
   * per call: its id and name take each call's arguments, and its key is resolved through it.
   */
  private async perCall(site: LogGroupSite): Promise<LogGroupSite[]> {
    const fn = findFunction(site.call);
    if (!fn || field(fn, 'name')?.text === '__init__') return [site];
    const method = methodOf(field(fn, 'body') ?? fn);
    const params = new Set(paramNames(fn).slice(method ? 1 : 0));
    const uses = (t: NameTemplate | undefined) => (t ?? []).some((p) => typeof p !== 'string' && params.has(p.hole));
    const scopeArg = unparen(callArgs(site.call)?.positional[0]);
    const scopeParam = scopeArg?.type === 'identifier' && params.has(scopeArg.text);
    if (!uses(site.id) && !uses(site.name) && !scopeParam) return [site];
    const calls = await this.flow.callSites(site.mod, fn);
    if (calls.length === 0 || calls.length > 20) return [site];
    const out: LogGroupSite[] = [];
    for (const c of calls) {
      const bind = (t: NameTemplate | undefined): NameTemplate | undefined =>
        t?.flatMap((p) => {
          if (typeof p === 'string' || !params.has(p.hole)) return [p];
          const arg = this.flow.argumentFor(fn, p.hole, c.call, c.bound);
          return arg.value && !arg.isDefault ? (this.template(c.mod, arg.value) ?? [p]) : [p];
        });
      out.push({
        ...site,
        id: bind(site.id),
        name: bind(site.name),
        scope: site.flavor === 'pulumi' ? undefined : scopeParam ? await this.constructScope(c.mod, c.call) : site.scope,
        frame: { fn, call: c.call, mod: c.mod, bound: c.bound },
        label: `${site.label} called at ${c.mod.path}:${this.line(c.call)}`,
      });
    }
    return out;
  }

  /** A keyword argument passed through `**common_args` where `common_args` is a dict literal. */
  private fromDictSplat(mod: PyModule, list: Node, key: string): Node | undefined {
    for (const a of [...list.namedChildren].reverse()) {
      if (a?.type !== 'dictionary_splat') continue;
      const inner = unparen(a.namedChildren.find((c) => c && c.type !== 'comment') ?? undefined);
      const b = inner?.type === 'identifier' ? findBinding(mod, inner.text, inner) : undefined;
      const dict = b?.kind === 'assign' ? unparen(b.right) : inner;
      if (dict?.type !== 'dictionary') continue;
      const pair = dict.namedChildren.find((p) => p?.type === 'pair' && stringValue(field(p, 'key')) === key);
      if (pair) return field(pair, 'value');
    }
    return undefined;
  }

  /** A string expression as a name template: literal text, and a hole for each computed part. */
  private template(mod: PyModule, node: Node | undefined, depth = 0): NameTemplate | undefined {
    const e = unparen(node);
    if (!e) return undefined;
    const hole = (n: Node): NameTemplate => [{ hole: n.text }];
    if (e.type === 'string') {
      const start = e.namedChildren.find((c) => c?.type === 'string_start');
      if (!start || /b/i.test(start.text)) return hole(e);
      const out: NameTemplate = [];
      for (const c of e.namedChildren) {
        if (!c || c.type === 'string_start' || c.type === 'string_end') continue;
        if (c.type === 'interpolation') {
          const inner = field(c, 'expression');
          out.push(...(inner && depth < 4 ? (this.template(mod, inner, depth + 1) ?? hole(c)) : hole(c)));
        } else out.push(c.text);
      }
      return out.length ? out : [''];
    }
    if (e.type === 'concatenated_string') return e.namedChildren.flatMap((c) => (c ? (this.template(mod, c, depth + 1) ?? hole(c)) : []));
    if (e.type === 'binary_operator' && e.children.some((c) => c?.type === '+')) {
      const l = field(e, 'left');
      const r = field(e, 'right');
      if (l && r) return [...(this.template(mod, l, depth + 1) ?? hole(l)), ...(this.template(mod, r, depth + 1) ?? hole(r))];
    }
    if (e.type === 'identifier' && depth < 4) {
      const b = findBinding(mod, e.text, e);
      const right = b?.kind === 'assign' ? unparen(b.right) : undefined;
      if (right && ['string', 'concatenated_string', 'binary_operator'].includes(right.type)) return this.template(b!.mod, right, depth + 1);
    }
    return hole(e);
  }

  /** Construct ids between the stack and a construct made with `self` as its scope. */
  private async constructScope(mod: PyModule, call: Node): Promise<NameTemplate[] | 'unknown'> {
    const path: NameTemplate[] = [];
    let current: { mod: PyModule; node: Node } = { mod, node: call };
    for (let depth = 0; depth < 4; depth++) {
      const m = methodOf(current.node);
      const scopeArg = unparen(callArgs(current.node)?.positional[0] ?? callArgs(current.node)?.keywords.get('scope')?.value);
      if (!m || !m.self || scopeArg?.type !== 'identifier' || scopeArg.text !== m.self) return 'unknown';
      if (await this.isStackClass(current.mod, m.cls)) return path;
      const init = findAll(field(m.cls, 'body')!, 'function_definition').find((f) => field(f, 'name')?.text === '__init__');
      const calls = init ? await this.flow.callSites(current.mod, init) : [];
      if (calls.length !== 1) return 'unknown';
      const c = calls[0]!;
      const args = callArgs(c.call);
      const id = this.template(c.mod, unparen(args?.positional[1] ?? args?.keywords.get('id')?.value ?? args?.keywords.get('construct_id')?.value));
      if (!id) return 'unknown';
      path.unshift(id);
      current = { mod: c.mod, node: c.call };
    }
    return 'unknown';
  }

  private async isStackClass(mod: PyModule, cls: Node): Promise<boolean> {
    for (const base of field(cls, 'superclasses')?.namedChildren ?? []) {
      if (!base || base.type === 'keyword_argument') continue;
      const q = mod.imports.qualify(dotted(base));
      if (q && /^(?:aws_cdk(?:\.core)?\.(?:Stack|NestedStack)|cdktf\.TerraformStack)$/.test(q)) return true;
      const parent = await this.flow.projectClass(mod, base);
      if (parent) {
        if (await this.isStackClass(parent.mod, parent.cls)) return true;
      } else if (/(?:^|\.)\w*Stack$/.test(dotted(base) ?? '')) return true;
    }
    return false;
  }

  // ---------------------------------------------------------------------------------------
  // Keys

  private async resolveKeys(site: LogGroupSite): Promise<{ defs: KeyDef[]; failures: PyFailure[] }> {
    const flow = await this.flow.of(site.mod, site.keyExpr!, site.frame);
    const defs: KeyDef[] = [];
    const failures: PyFailure[] = [...flow.failures];
    for (const o of flow.origins) {
      const r = await this.keyOf(o);
      if ('def' in r) {
        if (!defs.some((d) => nodeKey(d.mod, d.call) === nodeKey(r.def.mod, r.def.call))) defs.push(r.def);
      } else failures.push(r);
    }
    if (defs.length === 0 && failures.length === 0) failures.push({ status: 'not-found', reason: `cannot find the key ${site.keyExpr!.text} stands for` });
    return { defs, failures };
  }

  private principalLabel(region?: Token): string {
    const r = typeof region === 'string' ? region : (this.need.region ?? (region ? `{${region.expr}}` : '<region>'));
    return `logs.${r}.amazonaws.com`;
  }

  /** What an origin of a key expression is: a key the project creates, or why it is not one to edit. */
  private async keyOf(o: PyOrigin): Promise<{ def: KeyDef } | PyFailure> {
    const { mod } = o;
    const e = unparen(o.node) ?? o.node;
    const text = e.text.slice(0, 80);
    const outside = (what: string): PyFailure => ({ status: 'refused', reason: `the key ${what}; its key policy is managed outside this project: add a statement there that lets ${this.principalLabel()} use it` });
    if (e.type === 'string' || e.type === 'concatenated_string') return outside(`is given by ARN/id (${text})`);
    if (e.type === 'call') {
      const callee = calleeName(e) ?? field(e, 'function')?.text ?? '?';
      const q = this.q(mod, e);
      const kind = classify(q);
      const args = callArgs(e);
      const idNode = kind === 'pulumi' ? (args?.positional[0] ?? args?.keywords.get('resource_name')?.value) : (args?.positional[1] ?? args?.keywords.get('id')?.value);
      const label = `${callee} ${idNode?.text ?? ''} (${mod.path}:${this.line(e)})`;
      if (kind === 'cdk-l2' || kind === 'cdk-l1' || kind === 'pulumi' || kind === 'cdktf') return { def: { kind, mod, call: e, label, origin: o } };
      if (kind === 'tf-data') return outside(`is looked up by the data source ${label}`);
      if (kind === 'tf-variable') return outside(`comes from the Terraform variable ${label}`);
      if (kind === 'cfn-parameter') return outside(`comes from the stack parameter ${label}`);
      const method = callee.split('.').at(-1) ?? '';
      if (/^from_/.test(method)) return outside(`is imported (${callee}(...))`);
      if (/^(?:get_key|get_alias)(?:_output)?$/.test(method)) return outside(`is looked up (${callee}(...))`);
      if (/^(?:require|get)(?:_secret)?(?:_object|_int|_bool|_float)?$/.test(method) && /config/i.test(callee)) return outside(`comes from the stack configuration (${callee}(...))`);
      if (method === 'try_get_context') return outside(`comes from the CDK context (${callee}(...))`);
      if (/(?:^|\.)Fn\.import_value$/.test(q ?? callee)) return outside(`is exported by another stack (${callee}(...))`);
      if (/^(?:os\.environ\.get|os\.getenv)$/.test(q ?? callee)) return outside(`comes from an environment variable (${text})`);
      return { status: 'refused', reason: `the key comes from ${callee}(...), whose source is not in this project` };
    }
    if (e.type === 'attribute' || e.type === 'subscript') {
      if (/^os\.environ\b/.test(e.text)) return outside(`comes from an environment variable (${text})`);
      const obj = unparen(field(e, e.type === 'attribute' ? 'object' : 'value'));
      if (obj) {
        const objs = await this.flow.of(mod, obj, o.frame);
        for (const oo of objs.origins) {
          const n = unparen(oo.node) ?? oo.node;
          const kind = n.type === 'call' ? classify(this.q(oo.mod, n)) : undefined;
          if (kind === 'cfn-parameter') return outside(`comes from the stack parameter ${n.text.slice(0, 60)}`);
          if (kind === 'tf-variable') return outside(`comes from the Terraform variable ${n.text.slice(0, 60)}`);
          if (kind === 'tf-data') return outside(`is looked up by the data source ${n.text.slice(0, 60)}`);
        }
      }
      return { status: 'refused', reason: `the key is ${text}, a property of something this project does not define` };
    }
    return { status: 'refused', reason: `the key expression ${text} is not one this codemod can follow` };
  }

  /**
   * Keys the project creates, judged on their own, when the failing log group is not in these
   * sources: one that already lets CloudWatch Logs in means the code is fixed; a single key with
   * a wrong CloudWatch Logs statement is the one to correct.
   */
  private async fromKeysAlone(reason: string): Promise<CodemodResult | undefined> {
    const keys: KeyDef[] = [];
    for (const mod of await this.modules()) {
      if (!/Key\b/.test(mod.text) || this.syntaxProblem(mod)) continue;
      for (const call of findAll(mod.root, 'call')) {
        const kind = classify(this.q(mod, call));
        if (kind !== 'cdk-l2' && kind !== 'cdk-l1' && kind !== 'pulumi' && kind !== 'cdktf') continue;
        const r = await this.keyOf({ mod, node: call, anchors: [], via: [] });
        if ('def' in r) keys.push(r.def);
      }
    }
    const judged: { def: KeyDef; plan: ReturnType<typeof planKey<Node>> }[] = [];
    for (const def of keys) judged.push({ def, plan: planKey(await this.statementsOf(def), this.need) });
    const logsKeys = judged.filter((k) => k.plan.action !== 'add' || k.plan.statements.length > 0);
    const fixed = logsKeys.filter((k) => k.plan.action === 'already-fixed');
    if (fixed.length > 0 && fixed.length === logsKeys.length) {
      return {
        status: 'already-fixed',
        reason: `${reason}; the key policy of ${fixed.map((k) => k.def.label).join(', ')} already lets CloudWatch Logs use the key; ${alreadyFixedAdvice(this.need)}`,
        edits: {},
      };
    }
    if (logsKeys.length === 1 && logsKeys[0]!.plan.action === 'correct') {
      const out = await this.fixKey(logsKeys[0]!.def, []);
      if (out.status === 'proposed') return this.assemble([{ ...out, reason: `${out.reason} (the failing log group is not in these sources; this is the only key with a CloudWatch Logs statement)` }], []);
    }
    return undefined;
  }

  // ---------------------------------------------------------------------------------------
  // What a key's policy says

  private async statementsOf(def: KeyDef): Promise<StatementView<Node>[]> {
    const out: StatementView<Node>[] = [];
    const args = callArgs(def.call);
    if (def.kind === 'cdk-l2') {
      const policy = unparen(args?.keywords.get('policy')?.value);
      if (policy) out.push(...this.cdkDocumentStatements(def.mod, policy));
      // `key.add_to_resource_policy(...)` and `key.grant_*(...)` anywhere the key reaches.
      const target = nodeKey(def.mod, def.call);
      for (const mod of await this.modules()) {
        if (!/add_to_resource_policy|\.grant\w*\(/.test(mod.text)) continue;
        for (const call of findAll(mod.root, 'call')) {
          const fn = field(call, 'function');
          if (fn?.type !== 'attribute') continue;
          const method = field(fn, 'attribute')!.text;
          const camel = method.replace(/_(\w)/g, (_, c: string) => c.toUpperCase());
          if (method !== 'add_to_resource_policy' && method !== 'grant' && !(camel in GRANT_ACTIONS)) continue;
          const receivers = await this.flow.of(mod, field(fn, 'object')!);
          if (!receivers.origins.some((o) => nodeKey(o.mod, unparen(o.node) ?? o.node) === target)) continue;
          const a = callArgs(call);
          if (method === 'add_to_resource_policy' && a?.positional[0]) out.push(...this.cdkStatements(mod, a.positional[0]));
          else out.push(this.grantView(mod, call, method === 'grant' ? 'grant' : camel));
        }
      }
      return out;
    }
    for (const d of await this.policyDocuments(def)) if ('dict' in d) out.push(...this.documentStatements(d.mod, d.dict));
    return out;
  }

  private cdkDocumentStatements(mod: PyModule, expr: Node): StatementView<Node>[] {
    const e = unparen(expr) ?? expr;
    if (e.type === 'identifier') {
      const b = findBinding(mod, e.text, e);
      return b?.kind === 'assign' ? this.cdkDocumentStatements(b.mod, b.right) : [];
    }
    if (e.type !== 'call') return [];
    const args = callArgs(e);
    if (/from_json$/.test(calleeName(e) ?? '')) {
      const doc = unparen(args?.positional[0]);
      return doc?.type === 'dictionary' ? this.documentStatements(mod, doc) : [];
    }
    const list = unparen(args?.keywords.get('statements')?.value);
    if (list?.type !== 'list') return [];
    return list.namedChildren.filter((c): c is Node => !!c && c.type !== 'comment').flatMap((el) => this.cdkStatements(mod, el));
  }

  private cdkStatements(mod: PyModule, expr: Node): StatementView<Node>[] {
    const e = unparen(expr) ?? expr;
    if (e.type === 'identifier') {
      const b = findBinding(mod, e.text, e);
      return b?.kind === 'assign' ? this.cdkStatements(b.mod, b.right) : [];
    }
    if (e.type !== 'call') return [];
    const args = callArgs(e);
    if (/from_json$/.test(calleeName(e) ?? '')) {
      const st = unparen(args?.positional[0]);
      return st?.type === 'dictionary' ? [this.jsonView(mod, st)] : [];
    }
    if (!/PolicyStatement$/.test(calleeName(e) ?? '') || !args) return [];
    const where = this.where(mod, e);
    if (args.splat || args.positional.length) return [this.owned(mod, { node: e, shape: 'cdk', where, otherPrincipals: true })];
    const services: NameTemplate[] = [];
    let otherPrincipals = false;
    const plist = unparen(args.keywords.get('principals')?.value);
    if (plist?.type === 'list') {
      for (const p of plist.namedChildren) {
        if (!p || p.type === 'comment') continue;
        const pe = unparen(p);
        const arg = pe?.type === 'call' && /ServicePrincipal$/.test(calleeName(pe) ?? '') ? callArgs(pe)?.positional[0] : undefined;
        if (arg) services.push(this.template(mod, arg)!);
        else otherPrincipals = true;
      }
    } else if (plist) otherPrincipals = true;
    const effect = args.keywords.get('effect')?.value;
    return [
      this.owned(mod, {
        node: e,
        shape: 'cdk',
        where,
        effect: effect ? [/DENY$/i.test(effect.text) ? 'Deny' : 'Allow'] : undefined,
        services,
        otherPrincipals,
        actions: this.stringList(mod, args.keywords.get('actions')?.value),
        conditions: this.conditions(mod, args.keywords.get('conditions')?.value),
      }),
    ];
  }

  private grantView(mod: PyModule, call: Node, method: string): StatementView<Node> {
    const a = callArgs(call);
    const p = unparen(a?.positional[0]);
    const arg = p?.type === 'call' && /ServicePrincipal$/.test(calleeName(p) ?? '') ? callArgs(p)?.positional[0] : undefined;
    const services = arg ? [this.template(mod, arg)!] : [];
    const actions = method === 'grant' ? (a?.positional.slice(1) ?? []).map((x) => this.template(mod, x)!) : GRANT_ACTIONS[method]!.map((x) => [x]);
    return this.owned(mod, { node: call, shape: 'grant', where: this.where(mod, call), services, otherPrincipals: services.length === 0, actions, conditions: [] });
  }

  private documentStatements(mod: PyModule, doc: Node): StatementView<Node>[] {
    const pair = doc.namedChildren.find((p) => p?.type === 'pair' && stringValue(field(p, 'key')) === 'Statement');
    const list = unparen(field(pair, 'value'));
    if (!list) return [];
    const elements = list.type === 'list' ? list.namedChildren.filter((c): c is Node => !!c && c.type !== 'comment') : [list];
    return elements.flatMap((el) => (unparen(el)?.type === 'dictionary' ? [this.jsonView(mod, unparen(el)!)] : []));
  }

  private dictGet(dict: Node, key: string): Node | undefined {
    const pair = dict.namedChildren.find((p) => p?.type === 'pair' && stringValue(field(p, 'key')) === key);
    return unparen(field(pair, 'value'));
  }

  private jsonView(mod: PyModule, st: Node): StatementView<Node> {
    const services: NameTemplate[] = [];
    let otherPrincipals = false;
    const p = this.dictGet(st, 'Principal');
    if (p?.type === 'dictionary') {
      for (const pair of p.namedChildren) {
        if (pair?.type !== 'pair') continue;
        if (stringValue(field(pair, 'key')) === 'Service') services.push(...(this.stringList(mod, field(pair, 'value')) ?? []));
        else otherPrincipals = true;
      }
    } else if (p) otherPrincipals = true;
    const effect = this.dictGet(st, 'Effect');
    return this.owned(mod, {
      node: st,
      shape: 'json',
      where: this.where(mod, st),
      effect: effect ? this.template(mod, effect) : undefined,
      services,
      otherPrincipals,
      actions: this.stringList(mod, this.dictGet(st, 'Action')),
      conditions: this.conditions(mod, this.dictGet(st, 'Condition')),
    });
  }

  private stringList(mod: PyModule, node: Node | undefined): NameTemplate[] | undefined {
    const e = unparen(node);
    if (!e) return undefined;
    if (e.type === 'list' || e.type === 'tuple') return e.namedChildren.filter((c): c is Node => !!c && c.type !== 'comment').map((c) => this.template(mod, c) ?? [{ hole: c.text }]);
    return [this.template(mod, e) ?? [{ hole: e.text }]];
  }

  private conditions(mod: PyModule, node: Node | undefined): StatementView['conditions'] {
    const e = unparen(node);
    if (!e) return [];
    if (e.type !== 'dictionary') return undefined;
    const out: NonNullable<StatementView['conditions']> = [];
    for (const op of e.namedChildren) {
      if (!op || op.type === 'comment') continue;
      if (op.type !== 'pair') return undefined;
      const operator = stringValue(field(op, 'key'));
      const inner = unparen(field(op, 'value'));
      if (!operator || inner?.type !== 'dictionary') return undefined;
      for (const kv of inner.namedChildren) {
        if (!kv || kv.type === 'comment') continue;
        if (kv.type !== 'pair') return undefined;
        const key = stringValue(field(kv, 'key'));
        if (!key) return undefined;
        out.push({ operator, key, values: this.stringList(mod, field(kv, 'value')) ?? [] });
      }
    }
    return out;
  }

  // ---------------------------------------------------------------------------------------
  // Fixes

  private async fixKey(def: KeyDef, users: LogGroupSite[]): Promise<Outcome> {
    const problem = this.syntaxProblem(def.mod);
    if (problem) return { status: 'refused', reason: problem };
    try {
      const plan = planKey(await this.statementsOf(def), this.need);
      if (plan.action === 'already-fixed') return { status: 'already-fixed', reason: `${def.label} already lets CloudWatch Logs use the key (${plan.statement.where}); ${alreadyFixedAdvice(this.need)}` };
      if (plan.action === 'correct') return await this.correctStatement(def, plan.statement, plan.problems, plan.fix);
      const note = plan.problems.length ? ` (the existing statement is not enough: ${plan.problems.join('; ')})` : '';
      const out = def.kind === 'cdk-l2' ? await this.addCdkL2(def, users) : def.kind === 'cdk-l1' ? await this.addCdkL1(def) : await this.addToKeyPolicy(def);
      return out.status === 'proposed' ? { ...out, reason: out.reason + note } : out;
    } catch (err) {
      return { status: 'refused', reason: `${def.label}: ${(err as Error).message}` };
    }
  }

  /**
   * A statement for CloudWatch Logs that names it wrongly, corrected in place: each entry that
   * differs from the statement this codemod writes is replaced, missing ones are added, and the
   * rest (its Sid, comments, entries it shares) stays as written.
   */
  private async correctStatement(def: KeyDef, st: StatementView<Node>, problems: string[], fix: Aspect[]): Promise<Outcome> {
    const node = st.node;
    const mod = await this.moduleOfNode(def, node);
    const tokens = await this.tokensForStatement(def, mod, node);
    if ('reason' in tokens) return { status: 'refused', reason: `${def.label}: ${tokens.reason}` };
    const style = this.style(mod);
    const needs = [...tokens.needs];
    const edits: Edit[] = [];
    if (st.shape === 'cdk') {
      const iam = this.iamNames(mod);
      if ('reason' in iam) return { status: 'refused', reason: `${def.label}: ${iam.reason}` };
      needs.push(...iam.needs);
      const value = cdkPolicyStatement(tokens.region, tokens.account, style.quote, iam) as Extract<PyValue, { call: string }>;
      const merged = this.mergeKeywords(mod, node, value.kwargs ?? [], { style, keyQuote: style.quote }, fix);
      if ('reason' in merged) return { status: 'refused', reason: `${def.label}: ${merged.reason}` };
      edits.push(...merged);
    } else {
      const { keyQuote, quote } = jsonQuotes([node], style.quote);
      const value = jsonLogsStatement(tokens.region, tokens.account, quote) as Extract<PyValue, { dict: unknown }>;
      edits.push(...this.mergeDict(mod, node, value.dict, { style, keyQuote }, fix));
    }
    return {
      status: 'proposed',
      reason: `corrected the CloudWatch Logs statement at ${st.where} of ${def.label}: ${problems.join('; ')}; it now lets ${this.principalLabel(tokens.region)} use the key for the account's log groups`,
      edits: [...edits.map((edit) => ({ path: mod.path, edit })), ...tokens.edits],
      imports: needs.map((need) => ({ path: mod.path, need })),
    };
  }

  /** Edits that rewrite the entries of a dict literal the correction covers, adding those it lacks. */
  private mergeDict(mod: PyModule, dict: Node, entries: [string, PyValue][], opts: PrintOptions, fix: Aspect[]): Edit[] {
    const edits: Edit[] = [];
    const missing: [string, PyValue][] = [];
    const pairs = dict.namedChildren.filter((p): p is Node => p?.type === 'pair');
    for (const [key, value] of entries) {
      const pair = pairs.find((p) => stringValue(field(p, 'key')) === key);
      if (!touches(key, fix, !!pair)) continue;
      if (!pair) {
        missing.push([key, value]);
        continue;
      }
      const v = field(pair, 'value')!;
      const text = printPy(value, indentAt(mod.text, pair.startIndex), opts);
      if (norm(v.text) !== norm(text)) edits.push({ start: v.startIndex, end: v.endIndex, text });
    }
    if (missing.length) {
      const elements = dict.namedChildren.filter((c): c is Node => !!c && c.type !== 'comment');
      const q = opts.keyQuote;
      edits.push(this.appendItem(mod, dict, elements, (base) => missing.map(([k, v]) => `${q}${k}${q}: ${printPy(v, base, opts)}`).join(`,\n${base}`)));
    }
    return edits;
  }

  /** Edits that rewrite the keyword arguments the correction covers, adding those it lacks. */
  private mergeKeywords(mod: PyModule, call: Node, entries: [string, PyValue][], opts: PrintOptions, fix: Aspect[]): Edit[] | { reason: string } {
    const args = callArgs(call);
    if (!args) return { reason: 'the statement is not a call this codemod can edit' };
    const edits: Edit[] = [];
    const missing: [string, PyValue][] = [];
    for (const [key, value] of entries) {
      const kw = args.keywords.get(key);
      if (!touches(key, fix, !!kw)) continue;
      if (!kw) {
        missing.push([key, value]);
        continue;
      }
      const text = printPy(value, indentAt(mod.text, kw.arg.startIndex), opts);
      if (norm(kw.value.text) !== norm(text)) edits.push({ start: kw.value.startIndex, end: kw.value.endIndex, text });
    }
    if (missing.length) {
      const edit = this.appendKeyword(mod, call, args.list, (base) => missing.map(([k, v]) => `${k}=${printPy(v, base, opts)}`).join(`,\n${base}`));
      if ('reason' in edit) return edit;
      edits.push(edit);
    }
    return edits;
  }

  /** The module a statement view was read from (the key's own, or the one holding its add_to_resource_policy / KeyPolicy). */
  private async moduleOfNode(def: KeyDef, node: Node): Promise<PyModule> {
    return this.owners.get(node) ?? def.mod;
  }

  private owned<T extends StatementView<Node>>(mod: PyModule, view: T): T {
    this.owners.set(view.node, mod);
    return view;
  }

  private async tokensForStatement(def: KeyDef, mod: PyModule, node: Node): Promise<Tokens | { reason: string }> {
    if (def.kind === 'cdk-l2' || def.kind === 'cdk-l1') {
      let ref: string | undefined;
      if (mod.path === def.mod.path && def.call.startIndex <= node.startIndex && def.call.endIndex >= node.endIndex) {
        const scope = unparen(callArgs(def.call)?.positional[0]);
        if (scope?.type === 'identifier') ref = scope.text;
      } else {
        for (let n = node.parent; n && !ref; n = n.parent) {
          const fn = n.type === 'call' ? field(n, 'function') : undefined;
          if (fn?.type === 'attribute' && field(fn, 'attribute')?.text === 'add_to_resource_policy') ref = field(fn, 'object')!.text;
        }
      }
      return this.cdkTokens(mod, node, ref);
    }
    if (def.kind === 'cdktf') return this.cdktfTokens(def, mod, node, []);
    const docs = await this.policyDocuments(def);
    const target = docs.find((d): d is Extract<(typeof docs)[number], { dict: Node }> => 'dict' in d && d.mod.path === mod.path && d.dict.startIndex <= node.startIndex && d.dict.endIndex >= node.endIndex);
    if (!target) return { reason: 'cannot tell which policy document the statement is in' };
    return this.pulumiTokens(target.mod, target.dict, fstringSpans(target.dict), target.apply);
  }

  /** Where `<ref>.add_to_resource_policy(...)` goes: after the statement binding the key, nearest its creation unless a helper that makes several keys holds it. */
  private anchorFor(def: KeyDef): { anchor?: PyAnchor; shared?: string } {
    const shared = def.origin.via.filter((v) => v.callers > 1);
    const inShared = (a: PyAnchor) => shared.some((v) => v.mod.path === a.mod.path && v.fn.startIndex <= a.stmt.startIndex && v.fn.endIndex >= a.stmt.endIndex);
    const usable = def.origin.anchors.filter((a) => a.stmt.parent?.type === 'block' || a.stmt.parent?.type === 'module');
    const own = usable.find((a) => !inShared(a));
    if (own) return { anchor: own };
    if (usable[0]) return { anchor: usable[0], shared: this.flow.fnLabel(def.origin.via[0]!.mod, def.origin.via[0]!.fn) };
    return {};
  }

  private async addCdkL2(def: KeyDef, users: LogGroupSite[]): Promise<Outcome> {
    const { anchor, shared } = this.anchorFor(def);
    if (!anchor) return { status: 'refused', reason: `the key ${def.label} is created inline (no variable or attribute holds it); assign it to a variable so a statement can be added to its policy` };
    const { mod, ref, stmt } = anchor;
    const problem = this.syntaxProblem(mod);
    if (problem) return { status: 'refused', reason: problem };
    const text = mod.text;
    const eol = lineEnd(text, stmt.endIndex);
    if (!/^[ \t]*(?:#.*)?$/.test(text.slice(stmt.endIndex, eol))) {
      return { status: 'refused', reason: `${def.label}: another statement follows the key on its line; put it on its own line first` };
    }
    const tokens = this.cdkTokens(mod, stmt, ref);
    if ('reason' in tokens) return { status: 'refused', reason: `${def.label}: ${tokens.reason}` };
    const iam = this.iamNames(mod);
    if ('reason' in iam) return { status: 'refused', reason: `${def.label}: ${iam.reason}` };
    const style = this.style(mod);
    const indent = indentAt(text, stmt.startIndex);
    const printed = printPy(cdkAddToResourcePolicy(ref, tokens.region, tokens.account, style.quote, iam), indent, { style, keyQuote: style.quote });
    const uses = users.length ? `, the key of ${users.map((u) => u.label).join(', ')}` : '';
    return {
      status: 'proposed',
      reason: `${ref}.add_to_resource_policy(...) lets ${this.principalLabel(tokens.region)} use ${def.label}${uses}${shared ? ` (every key made by ${shared} gets it)` : ''}`,
      edits: [{ path: mod.path, edit: { start: eol, end: eol, text: `\n${indent}${printed}` } }, ...tokens.edits],
      imports: [...tokens.needs, ...iam.needs].map((need) => ({ path: mod.path, need })),
    };
  }

  private async addCdkL1(def: KeyDef): Promise<Outcome> {
    const args = callArgs(def.call);
    let doc = unparen(args?.keywords.get('key_policy')?.value);
    let docMod = def.mod;
    if (doc?.type === 'identifier') {
      const b = findBinding(def.mod, doc.text, doc);
      doc = b?.kind === 'assign' ? unparen(b.right) : undefined;
      if (b?.kind === 'assign') docMod = b.mod;
    }
    if (!doc || doc.type !== 'dictionary' || docMod.path !== def.mod.path) {
      return { status: 'refused', reason: `${def.label}: key_policy is not a dict literal this codemod can edit` };
    }
    const tokens = await this.tokensForStatement(def, def.mod, def.call);
    if ('reason' in tokens) return { status: 'refused', reason: `${def.label}: ${tokens.reason}` };
    return this.appendToPolicyDict(docMod, doc, tokens, def.label);
  }

  // Region and account ------------------------------------------------------------------------

  /**
   * The stack's own tokens: `self.region` in a Stack, `Stack.of(self)` in another construct,
   * `Stack.of(<scope or key>)` elsewhere; `Stack` is imported when the file does not have it.
   */
  private cdkTokens(mod: PyModule, at: Node, ref: string | undefined): Tokens | { reason: string } {
    const m = methodOf(at);
    if (m?.self && classBases(m.cls).some((b) => /(?:^|\.)\w*Stack$/.test(b))) {
      return { region: { expr: `${m.self}.region` }, account: { expr: `${m.self}.account` }, needs: [], edits: [] };
    }
    const scope = m?.self ?? ref;
    if (!scope) return { reason: 'no construct in scope to ask Stack.of(...) for the region and account' };
    const stack = this.stackRef(mod);
    if (!stack) return { reason: `the name 'Stack' is used for something else in ${mod.path}` };
    return { region: { expr: `${stack.name}.of(${scope}).region` }, account: { expr: `${stack.name}.of(${scope}).account` }, needs: stack.needs, edits: [] };
  }

  private stackRef(mod: PyModule): { name: string; needs: ImportNeed[] } | undefined {
    const r = mod.imports.reach('aws_cdk.Stack') ?? mod.imports.reach('aws_cdk.core.Stack');
    if (r) return { name: r, needs: [] };
    if (boundNames(mod.root).has('Stack')) return undefined;
    const v1 = [...mod.imports.bindings.values()].some((b) => b.target === 'aws_cdk.core' || b.target.startsWith('aws_cdk.core.'));
    return { name: 'Stack', needs: [{ from: v1 ? 'aws_cdk.core' : 'aws_cdk', name: 'Stack' }] };
  }

  /** Names for PolicyStatement/ServicePrincipal, reusing an aws_iam import or adding `aws_iam as iam`. */
  private iamNames(mod: PyModule): { policyStatement: string; servicePrincipal: string; needs: ImportNeed[] } | { reason: string } {
    const imp = mod.imports;
    const ps = imp.reach('aws_cdk.aws_iam.PolicyStatement');
    const sp = imp.reach('aws_cdk.aws_iam.ServicePrincipal');
    const bound = boundNames(mod.root);
    const root = imp.localFor('aws_cdk');
    const viaRoot = !!root && !!ps?.startsWith(`${root}.aws_iam.`);
    const fromList = imp.fromStatements('aws_cdk').some((s) => s.childrenForFieldName('name').some((n) => /^aws_\w+\s+as\s/.test(n?.text ?? '')));
    const dottedStyle = !fromList && imp.statements.some((s) => s.type === 'import_statement' && /^import\s+aws_cdk\.aws_\w+\s+as\s/.test(s.text));
    if (ps && sp && !(viaRoot && (fromList || dottedStyle) && !bound.has('iam'))) return { policyStatement: ps, servicePrincipal: sp, needs: [] };
    const direct = (r: string | undefined) => r !== undefined && !r.includes('.');
    if (direct(ps) !== direct(sp)) {
      const missing = ps ? 'ServicePrincipal' : 'PolicyStatement';
      if (!bound.has(missing)) return { policyStatement: ps ?? missing, servicePrincipal: sp ?? missing, needs: [{ from: 'aws_cdk.aws_iam', name: missing }] };
    }
    if (bound.has('iam')) return { reason: `the name 'iam' is already used in ${mod.path} for something other than aws_cdk.aws_iam; import aws_cdk.aws_iam under another name and add the statement by hand` };
    return {
      policyStatement: 'iam.PolicyStatement',
      servicePrincipal: 'iam.ServicePrincipal',
      needs: [dottedStyle ? { module: 'aws_cdk.aws_iam', alias: 'iam' } : { from: 'aws_cdk', name: 'aws_iam', alias: 'iam' }],
    };
  }

  /**
   * Region/account for a Pulumi policy: expressions the policy's own f-strings use, the
   * `.apply` lambda's parameters, values in scope (`aws.get_region()`, `get_caller_identity()`
   * results), literals the policy already writes; otherwise the provider's own lookups
   * (`aws.get_region().name`, `aws.get_caller_identity().account_id`, synchronous invokes).
   */
  private pulumiTokens(mod: PyModule, at: Node, spans: Span[], apply: Apply | undefined): Tokens | { reason: string } {
    const fromPolicy = (re: RegExp) => spans.find((s) => re.test(s.before))?.expr;
    const params = apply ? this.applyParams(mod, apply) : {};
    const scope = this.pulumiScope(mod, at);
    const literal = policyLiterals(at);
    const needs: ImportNeed[] = [];
    const regionExpr = fromPolicy(/(?:arn:aws[\w-]*:[\w-]+:|logs\.)$/) ?? params.region ?? scope.region;
    let region: Token | undefined = regionExpr ? { expr: regionExpr } : literal.region;
    const accountExpr = fromPolicy(/(?:arn:aws[\w-]*:iam::|arn:aws[\w-]*:[\w-]+:(?:[\w-]+|\u0000):)$/) ?? params.account ?? scope.account;
    let account: Token | undefined = accountExpr ? { expr: accountExpr } : literal.account;
    if (!region) {
      const r = this.pulumiLookup(mod, 'get_region', 'name', needs);
      if (typeof r !== 'string') return r;
      region = { expr: r };
    }
    if (!account) {
      const a = this.pulumiLookup(mod, 'get_caller_identity', 'account_id', needs);
      if (typeof a !== 'string') return a;
      account = { expr: a };
    }
    return { region, account, needs, edits: [] };
  }

  /**
   * `aws.get_region().name` in the file's import style: through the module alias, a name added
   * to its `from pulumi_aws import ...` list, or a new `import pulumi_aws as aws`.
   */
  private pulumiLookup(mod: PyModule, fn: string, attr: string, needs: ImportNeed[]): string | { reason: string } {
    const reach = mod.imports.reach(`pulumi_aws.${fn}`);
    if (reach) return `${reach}().${attr}`;
    const bound = boundNames(mod.root);
    if (mod.imports.fromStatements('pulumi_aws').length && !bound.has(fn)) {
      needs.push({ from: 'pulumi_aws', name: fn });
      return `${fn}().${attr}`;
    }
    if (!bound.has('aws')) {
      needs.push({ module: 'pulumi_aws', alias: 'aws' });
      return `aws.${fn}().${attr}`;
    }
    return { reason: `pulumi_aws.${fn} cannot be reached from ${mod.path} (the name aws is taken); add the region and account to the statement by hand` };
  }

  /** `get_region()` / `get_caller_identity()` results and region/account variables visible at `at`. */
  private pulumiScope(mod: PyModule, at: Node): { region?: string; account?: string } {
    const out: { region?: string; account?: string } = {};
    const atFn = findFunction(at);
    for (const a of findAll(mod.root, 'assignment')) {
      if (a.startIndex >= at.startIndex) break;
      const left = field(a, 'left');
      if (left?.type !== 'identifier') continue;
      const fn = findFunction(a);
      if (fn && !(atFn && fn.equals(atFn))) continue;
      if (a.parent?.parent?.type !== 'module' && !fn) continue;
      const right = unparen(field(a, 'right'));
      const q = (n: Node | undefined) => (n?.type === 'call' ? mod.imports.qualify(calleeName(n)) : undefined);
      const inner = right?.type === 'attribute' ? unparen(field(right, 'object')) : undefined;
      const attr = right?.type === 'attribute' ? field(right, 'attribute')!.text : undefined;
      if (q(right) === 'pulumi_aws.get_caller_identity') out.account = `${left.text}.account_id`;
      else if (q(inner) === 'pulumi_aws.get_caller_identity' && attr === 'account_id') out.account = left.text;
      else if (q(right) === 'pulumi_aws.get_region') out.region = `${left.text}.${/\.region\b/.test(mod.text) && !/\.name\b/.test(mod.text) ? 'region' : 'name'}`;
      else if (q(inner) === 'pulumi_aws.get_region' && (attr === 'name' || attr === 'region')) out.region = left.text;
      else if (/^(?:aws_)?region(?:_name)?$/.test(left.text) && right && !['dictionary', 'list'].includes(right.type) && !/Output|apply|get_region_output/.test(right.text)) out.region = left.text;
      else if (/^(?:aws_)?account(?:_id)?$/.test(left.text) && right && !/Output|apply|_output\(/.test(right.text)) out.account = left.text;
    }
    return out;
  }

  /** What the `.apply` lambda's parameter holds: `Output.all(current.account_id, region.name)` -> args[0], args[1]. */
  private applyParams(mod: PyModule, apply: Apply): { region?: string; account?: string } {
    const [p] = paramNames(apply.lambda);
    if (!p) return {};
    const src = apply.source;
    let pairs: [Node, string][] = [];
    if (src.type === 'call' && /(?:^|\.)Output\.all$/.test(mod.imports.qualify(calleeName(src)) ?? calleeName(src) ?? '')) {
      const a = callArgs(src);
      if (a && a.keywords.size === 0 && !a.splat) pairs = a.positional.map((el, i) => [el, `${p}[${i}]`]);
    } else pairs = [[src, p]];
    const out: { region?: string; account?: string } = {};
    for (const [el, expr] of pairs) {
      const kind = this.outputKind(mod, el);
      if (kind === 'account') out.account ??= expr;
      else if (kind === 'identity') out.account ??= `${expr}.account_id`;
      else if (kind === 'region') out.region ??= expr;
    }
    return out;
  }

  private outputKind(mod: PyModule, el: Node): 'account' | 'identity' | 'region' | undefined {
    const e = unparen(el) ?? el;
    const text = e.text;
    if (/(?:^|\.)account_id$/.test(text)) return 'account';
    if (/(?:^|\.)config\.region$/.test(text)) return 'region';
    const obj = e.type === 'attribute' ? unparen(field(e, 'object')) : e;
    let call = obj?.type === 'call' ? obj : undefined;
    if (obj?.type === 'identifier') {
      const b = findBinding(mod, obj.text, obj);
      const right = b?.kind === 'assign' ? unparen(b.right) : undefined;
      if (right?.type === 'call') call = right;
    }
    const q = call ? mod.imports.qualify(calleeName(call)) : undefined;
    if (/^pulumi_aws\.get_caller_identity(?:_output)?$/.test(q ?? '') && e.equals(obj!)) return 'identity';
    if (/^pulumi_aws\.get_region(?:_output)?$/.test(q ?? '') && e.type === 'attribute' && /^(?:name|region)$/.test(field(e, 'attribute')!.text)) return 'region';
    // What the variable holds decides first: `region = aws.get_region()` is a result, not a name.
    if (call && /^pulumi_aws\./.test(q ?? '')) return undefined;
    if (/^(?:aws_)?account(?:_id)?$/.test(text)) return 'account';
    if (/^(?:aws_)?region(?:_name)?$/.test(text)) return 'region';
    return undefined;
  }

  /**
   * Region/account for CDKTF: the policy's own f-string parts, a DataAwsRegion /
   * DataAwsCallerIdentity in scope, the region given to the AwsProvider, literals the policy
   * writes; otherwise the lookups are added before the statement that creates the key.
   */
  private async cdktfTokens(def: KeyDef, mod: PyModule, at: Node, spans: Span[]): Promise<Tokens | { reason: string }> {
    const fromPolicy = (re: RegExp) => spans.find((s) => re.test(s.before))?.expr;
    const scope = await this.cdktfScope(mod, at);
    const literal = policyLiterals(at);
    const r = fromPolicy(/(?:arn:aws[\w-]*:[\w-]+:|logs\.)$/);
    const a = fromPolicy(/(?:arn:aws[\w-]*:iam::|arn:aws[\w-]*:[\w-]+:(?:[\w-]+|\u0000):)$/);
    let region: Token | undefined = r ? { expr: r } : (scope.region ?? literal.region);
    let account: Token | undefined = a ? { expr: a } : (scope.account ?? literal.account);
    const needs: ImportNeed[] = [];
    const edits: { path: string; edit: Edit }[] = [];
    if (!region || !account) {
      if (mod.path !== def.mod.path) return { reason: 'no region or account lookup is in scope where the policy is written; add them to the statement by hand' };
      const stmt = statementAt(def.call);
      const scopeArg = unparen(callArgs(def.call)?.positional[0]);
      if (!stmt || scopeArg?.type !== 'identifier') return { reason: 'the key is not created with a scope this codemod can reuse for a lookup' };
      const indent = indentAt(mod.text, stmt.startIndex);
      const q = this.style(mod).quote;
      const lines: string[] = [];
      const bound = boundNames(mod.root);
      const free = (base: string) => {
        for (let i = 1; ; i++) {
          const n = i === 1 ? base : `${base}_${i}`;
          if (!bound.has(n)) return n;
        }
      };
      const cls = (name: string, module: string): string | { reason: string } => {
        const target = `${this.cdktfPackage(mod)}.${module}.${name}`;
        const local = mod.imports.reach(target);
        if (local) return local;
        if (bound.has(name)) return { reason: `the name '${name}' is used for something else in ${mod.path}` };
        needs.push({ from: `${this.cdktfPackage(mod)}.${module}`, name });
        return name;
      };
      if (!account) {
        const c = cls('DataAwsCallerIdentity', 'data_aws_caller_identity');
        if (typeof c !== 'string') return c;
        const name = free('caller_identity');
        lines.push(`${name} = ${c}(${scopeArg.text}, ${q}caller-identity${q})`);
        account = { expr: `${name}.account_id` };
      }
      if (!region) {
        const c = cls('DataAwsRegion', 'data_aws_region');
        if (typeof c !== 'string') return c;
        const name = free('current_region');
        lines.push(`${name} = ${c}(${scopeArg.text}, ${q}current-region${q})`);
        region = { expr: `${name}.name` };
      }
      edits.push({ path: mod.path, edit: { start: stmt.startIndex, end: stmt.startIndex, text: lines.map((l) => `${l}\n${indent}`).join('') } });
    }
    return { region, account, needs, edits };
  }

  /** The package the file's CDKTF provider classes come from (`cdktf_cdktf_provider_aws`, or generated `imports.aws`). */
  private cdktfPackage(mod: PyModule): string {
    for (const b of mod.imports.bindings.values()) {
      const m = /^(.*)\.(?:kms_key|cloudwatch_log_group|provider|[a-z_]+)\.[A-Z]\w*$/.exec(b.target);
      if (m && /cdktf_cdktf_provider_aws|(?:^|\.)aws$/.test(m[1]!)) return m[1]!;
    }
    return 'cdktf_cdktf_provider_aws';
  }

  private async cdktfScope(mod: PyModule, at: Node): Promise<{ region?: Token; account?: Token }> {
    const out: { region?: Token; account?: Token } = {};
    const atFn = findFunction(at);
    for (const a of findAll(mod.root, 'assignment')) {
      if (a.startIndex >= at.startIndex) break;
      const fn = findFunction(a);
      if (fn && !(atFn && fn.equals(atFn))) continue;
      const left = dotted(field(a, 'left'));
      const right = unparen(field(a, 'right'));
      if (!left || right?.type !== 'call') continue;
      const kind = classify(this.q(mod, right));
      if (kind === 'caller-identity') out.account ??= { expr: `${left}.account_id` };
      if (kind === 'region') out.region ??= { expr: `${left}.name` };
    }
    if (!out.region) {
      for (const call of findAll(mod.root, 'call')) {
        if (classify(this.q(mod, call)) !== 'provider') continue;
        const v = unparen(callArgs(call)?.keywords.get('region')?.value);
        const lit = stringLiteral(v);
        if (lit && /^[a-z]{2}(?:-[a-z]+)+-\d$/.test(lit.value)) out.region = lit.value;
        else if (v?.type === 'identifier') {
          const b = findBinding(mod, v.text, at);
          if (b && (b.kind === 'assign' || b.kind === 'param') && findBinding(mod, v.text, call)?.kind === b.kind) out.region = { expr: v.text };
        }
        break;
      }
    }
    return out;
  }

  // Policy documents ---------------------------------------------------------------------

  /** The documents holding a Pulumi or CDKTF key's policy: its `policy=` argument, or a separate KeyPolicy / KmsKeyPolicy for the key. */
  private async policyDocuments(def: KeyDef): Promise<({ mod: PyModule; dict: Node; apply?: Apply } | { reason: string })[]> {
    const args = callArgs(def.call);
    if (def.kind === 'cdk-l1') {
      const doc = unparen(args?.keywords.get('key_policy')?.value);
      return doc?.type === 'dictionary' ? [{ mod: def.mod, dict: doc }] : [];
    }
    const out: ({ mod: PyModule; dict: Node; apply?: Apply } | { reason: string })[] = [];
    const policy = args?.keywords.get('policy');
    if (policy && unparen(policy.value)?.type !== 'none') out.push(await this.policyTarget(def.mod, policy.value, undefined, 0));
    const target = nodeKey(def.mod, def.call);
    for (const mod of await this.modules()) {
      if (!/KeyPolicy\b/.test(mod.text)) continue;
      for (const call of findAll(mod.root, 'call')) {
        const kind = classify(this.q(mod, call));
        if (kind !== 'pulumi-key-policy' && kind !== 'cdktf-key-policy') continue;
        const a = callArgs(call);
        const keyId = a?.keywords.get('key_id')?.value;
        const pol = a?.keywords.get('policy')?.value;
        if (!keyId || !pol) continue;
        const origins = await this.flow.of(mod, keyId);
        if (origins.origins.some((o) => nodeKey(o.mod, unparen(o.node) ?? o.node) === target)) out.push(await this.policyTarget(mod, pol, undefined, 0));
      }
    }
    return out;
  }

  /** The dict literal that holds the policy document, and the `.apply(lambda ...)` it sits in, if any. */
  private async policyTarget(mod: PyModule, expr: Node, apply: Apply | undefined, depth: number): Promise<{ mod: PyModule; dict: Node; apply?: Apply } | { reason: string }> {
    const e = unparen(expr) ?? expr;
    if (depth > 6) return { reason: 'the policy is built through too many indirections' };
    if (e.type === 'dictionary') return { mod, dict: e, apply };
    if (e.type === 'identifier') {
      const b = findBinding(mod, e.text, e);
      if (b?.kind === 'assign') return this.policyTarget(b.mod, b.right, apply, depth + 1);
      if (b?.kind === 'import' && b.imported) {
        const target = await this.project.resolveModule(b.mod, b.module);
        const exp = target ? findBinding(target, b.imported, undefined) : undefined;
        if (exp?.kind === 'assign') return this.policyTarget(exp.mod, exp.right, apply, depth + 1);
      }
      return { reason: `the policy comes from '${e.text}', which this codemod cannot follow` };
    }
    if (e.type === 'attribute' && field(e, 'attribute')?.text === 'json') {
      return { reason: `the policy is built by a DataAwsIamPolicyDocument (${e.text}); add the CloudWatch Logs statement to its statement list by hand` };
    }
    if (e.type === 'call') {
      const fn = field(e, 'function')!;
      const callee = dotted(fn) ?? fn.text;
      const q = mod.imports.qualify(callee);
      if ((q === 'json.dumps' || q === 'pulumi.Output.json_dumps' || /(?:^|\.)Fn\.jsonencode$/.test(q ?? callee)) && callArgs(e)?.positional[0]) {
        return this.policyTarget(mod, callArgs(e)!.positional[0]!, apply, depth + 1);
      }
      if (fn.type === 'attribute' && field(fn, 'attribute')!.text === 'apply') {
        const cb = unparen(callArgs(e)?.positional[0]);
        if (cb?.type !== 'lambda') {
          const target = cb?.type === 'identifier' ? await this.lambdaLike(mod, cb) : undefined;
          if (!target) return { reason: `the policy is built by ${cb?.text ?? 'a callback'} inside .apply(...); add the CloudWatch Logs statement to it by hand` };
          const returns = this.flow.returns(target);
          if (returns.length !== 1) return { reason: `${cb!.text} does not return a single policy document` };
          return this.policyTarget(mod, returns[0]!, { lambda: target, source: unparen(field(fn, 'object'))! }, depth + 1);
        }
        const body = field(cb, 'body');
        if (!body) return { reason: 'the .apply(...) lambda has no body this codemod can read' };
        return this.policyTarget(mod, body, { lambda: cb, source: unparen(field(fn, 'object'))! }, depth + 1);
      }
      if (/(?:^|\.)(?:read|read_text|load)$/.test(callee) || /\bopen\s*\(/.test(e.text)) {
        return { reason: `the policy is read from a file (${e.text.slice(0, 60)}); add the CloudWatch Logs statement to that file` };
      }
      return { reason: `the policy is built by ${callee}(...); add the CloudWatch Logs statement to it by hand` };
    }
    if (e.type === 'string' || e.type === 'concatenated_string') {
      return { reason: 'the policy is a raw JSON string; edit it by hand (or turn it into json.dumps({...}))' };
    }
    return { reason: `the policy expression ${e.text.slice(0, 60)} is not one this codemod can edit` };
  }

  /** A local function passed to `.apply(build_policy)`, defined in the same module. */
  private async lambdaLike(mod: PyModule, id: Node): Promise<Node | undefined> {
    const b = findBinding(mod, id.text, id);
    return b?.kind === 'function' && b.mod.path === mod.path ? b.node : undefined;
  }

  /** A Pulumi or CDKTF key: append to its policy document, or write a policy when it has none. */
  private async addToKeyPolicy(def: KeyDef): Promise<Outcome> {
    const { mod, call } = def;
    const args = callArgs(call);
    if (!args || args.splat || args.keywords.has('args')) return { status: 'refused', reason: `${def.label}: its arguments are passed through **kwargs or args=; edit the key policy by hand` };
    const policy = args.keywords.get('policy');
    if (policy && unparen(policy.value)?.type === 'none') return { status: 'refused', reason: `${def.label}: policy=None; write the key policy by hand` };
    const docs = await this.policyDocuments(def);
    const problem = docs.find((d): d is { reason: string } => 'reason' in d);
    if (problem) return { status: 'refused', reason: `${def.label}: ${problem.reason}` };
    const editable = docs.filter((d): d is { mod: PyModule; dict: Node; apply?: Apply } => 'dict' in d);
    if (editable.length > 1) return { status: 'refused', reason: `${def.label} has its policy in several places (${editable.map((d) => this.where(d.mod, d.dict)).join(', ')}); add the CloudWatch Logs statement by hand` };
    const target = editable[0];
    const shared = this.sharedNote(def);
    if (target) {
      const spans = fstringSpans(target.dict);
      const tokens = def.kind === 'cdktf' ? await this.cdktfTokens(def, target.mod, target.dict, spans) : this.pulumiTokens(target.mod, target.dict, spans, target.apply);
      if ('reason' in tokens) return { status: 'refused', reason: `${def.label}: ${tokens.reason}` };
      const out = this.appendToPolicyDict(target.mod, target.dict, tokens, def.label);
      return out.status === 'proposed' ? { ...out, reason: out.reason + shared } : out;
    }
    // No policy: AWS applies the default key policy today, but a policy we write replaces it,
    // so it must keep the account-root statement or the account loses control of the key.
    return this.writePolicy(def, args.list, shared);
  }

  private sharedNote(def: KeyDef): string {
    const shared = def.origin.via.find((v) => v.callers > 1 && v.mod.path === def.mod.path && v.fn.startIndex <= def.call.startIndex && v.fn.endIndex >= def.call.endIndex);
    return shared ? ` (every key made by ${this.flow.fnLabel(shared.mod, shared.fn)} gets it)` : '';
  }

  /** Appends the logs statement to `{"Version": ..., "Statement": [...]}`. */
  private appendToPolicyDict(mod: PyModule, doc: Node, tokens: Tokens, label: string): Outcome {
    const pair = doc.namedChildren.find((p) => p?.type === 'pair' && stringValue(field(p, 'key')) === 'Statement');
    const list = unparen(field(pair, 'value'));
    if (!list || list.type !== 'list') return { status: 'refused', reason: `${label}: the policy's "Statement" is not a list literal this codemod can edit` };
    const elements = list.namedChildren.filter((c): c is Node => !!c && c.type !== 'comment');
    const style = this.style(mod);
    const { keyQuote, quote } = jsonQuotes(elements, style.quote);
    const opts: PrintOptions = { style, keyQuote };
    const edit = this.appendItem(mod, list, elements, (base) => printPy(jsonLogsStatement(tokens.region, tokens.account, quote), base, opts));
    return {
      status: 'proposed',
      reason: `added a key-policy statement that lets ${this.principalLabel(tokens.region)} use ${label}`,
      edits: [{ path: mod.path, edit }, ...tokens.edits],
      imports: tokens.needs.map((need) => ({ path: mod.path, need })),
    };
  }

  /** Inserts an element after the last one of a list, in its layout (indent, trailing comma, comments). */
  private appendItem(mod: PyModule, list: Node, elements: Node[], item: (base: string) => string): Edit {
    const { text } = mod;
    const style = this.style(mod);
    const listIndent = indentAt(text, list.startIndex);
    const last = elements.at(-1);
    if (!last) {
      const base = listIndent + style.unit;
      return { start: list.startIndex, end: list.endIndex, text: `[\n${base}${item(base)}${style.trailingComma ? ',' : ''}\n${listIndent}]` };
    }
    const kids = list.children.filter((c): c is Node => !!c);
    const lastIdx = kids.findIndex((k) => k.startIndex === last.startIndex && k.type === last.type);
    const comma = kids[lastIdx + 1]?.type === ',' ? kids[lastIdx + 1] : undefined;
    const multi = elements[0]!.startPosition.row !== list.startPosition.row;
    if (multi) {
      const base = indentAt(text, last.startIndex);
      if (comma) {
        const eol = lineEnd(text, comma.endIndex);
        const pos = /^[ \t]*(?:#.*)?$/.test(text.slice(comma.endIndex, eol)) ? eol : comma.endIndex;
        return { start: pos, end: pos, text: `\n${base}${item(base)},` };
      }
      const eol = lineEnd(text, last.endIndex);
      const rest = text.slice(last.endIndex, eol);
      if (/^[ \t]*#.*$/.test(rest)) return { start: last.endIndex, end: eol, text: `,${rest}\n${base}${item(base)}` };
      return { start: last.endIndex, end: last.endIndex, text: `,\n${base}${item(base)}` };
    }
    return { start: last.endIndex, end: last.endIndex, text: `, ${item(listIndent)}` };
  }

  /** A key with no policy: add `policy=json.dumps({...})` keeping the account root and adding CloudWatch Logs. */
  private async writePolicy(def: KeyDef, list: Node, shared: string): Promise<Outcome> {
    const { mod, call } = def;
    const tokens = def.kind === 'cdktf' ? await this.cdktfTokens(def, mod, call, []) : this.pulumiTokens(mod, call, [], undefined);
    if ('reason' in tokens) return { status: 'refused', reason: `${def.label} has no policy, and ${tokens.reason}` };
    const needs = [...tokens.needs];
    let dumps = mod.imports.reach('json.dumps');
    if (!dumps) {
      if (boundNames(mod.root).has('json')) return { status: 'refused', reason: `${def.label}: the name 'json' is used for something other than the json module in ${mod.path}` };
      dumps = 'json.dumps';
      needs.unshift({ module: 'json' });
    }
    const style = this.style(mod);
    const q = style.quote;
    const doc: PyValue = {
      dict: [
        ['Version', pyCode(`${q}2012-10-17${q}`)],
        ['Statement', { list: [jsonRootStatement(tokens.account, q), jsonLogsStatement(tokens.region, tokens.account, q)] }],
      ],
    };
    const opts: PrintOptions = { style, keyQuote: q };
    const kw = (base: string) => `policy=${dumps}(${printPy(doc, base, opts)})`;
    const edit = this.appendKeyword(mod, call, list, kw);
    if ('reason' in edit) return { status: 'refused', reason: `${def.label}: ${edit.reason}` };
    return {
      status: 'proposed',
      reason: `${def.label} had no key policy: wrote one that keeps the account-root statement (without it the new policy would lock the account out of the key) and lets ${this.principalLabel(tokens.region)} use the key${shared}`,
      edits: [{ path: mod.path, edit }, ...tokens.edits],
      imports: needs.map((need) => ({ path: mod.path, need })),
    };
  }

  /** Adds a keyword argument after the last argument, in the call's layout. */
  private appendKeyword(mod: PyModule, call: Node, list: Node, kw: (base: string) => string): Edit | { reason: string } {
    const { text } = mod;
    const style = this.style(mod);
    const args = list.namedChildren.filter((c): c is Node => !!c && c.type !== 'comment');
    const last = args.at(-1);
    if (!last) return { reason: 'unexpected constructor call without arguments' };
    const kids = list.children.filter((c): c is Node => !!c);
    const lastIdx = kids.findIndex((k) => k.startIndex === last.startIndex && k.type === last.type);
    const comma = kids[lastIdx + 1]?.type === ',' ? kids[lastIdx + 1] : undefined;
    const close = kids.at(-1)!;
    const isOpts = (a: Node) => a.type === 'keyword_argument' && field(a, 'name')?.text === 'opts';
    if (args[0]!.startPosition.row !== list.startPosition.row) {
      const base = indentAt(text, last.startIndex);
      if (isOpts(last) && args.length > 1 && indentAt(text, last.startIndex).length === last.startPosition.column) {
        return { start: last.startIndex, end: last.startIndex, text: `${kw(base)},\n${base}` };
      }
      if (comma) {
        const eol = lineEnd(text, comma.endIndex);
        const pos = /^[ \t]*(?:#.*)?$/.test(text.slice(comma.endIndex, eol)) ? eol : comma.endIndex;
        return { start: pos, end: pos, text: `\n${base}${kw(base)},` };
      }
      const eol = lineEnd(text, last.endIndex);
      const rest = text.slice(last.endIndex, eol);
      if (/^[ \t]*#.*$/.test(rest)) return { start: last.endIndex, end: eol, text: `,${rest}\n${base}${kw(base)}` };
      return { start: last.endIndex, end: last.endIndex, text: `,\n${base}${kw(base)}` };
    }
    const gaps = args.slice(1).map((a, i) => text.slice(args[i]!.endIndex, a.startIndex));
    if (!list.text.includes('\n') && gaps.every((g) => /^\s*,\s*$/.test(g))) {
      const indent = indentAt(text, call.startIndex);
      const base = indent + style.unit;
      const texts = args.map((a) => a.text);
      texts.splice(isOpts(last) ? texts.length - 1 : texts.length, 0, kw(base));
      const lines = texts.map((t) => `${base}${t}`);
      return { start: list.startIndex, end: list.endIndex, text: `(\n${lines.join(',\n')}${style.trailingComma ? ',' : ''}\n${indent})` };
    }
    if (close.startPosition.row === last.endPosition.row && !comma) {
      const base = ' '.repeat(args[0]!.startPosition.column);
      const sameCol = args.every((a, i) => i === 0 || a.startPosition.column === args[0]!.startPosition.column || a.startPosition.row === args[0]!.startPosition.row);
      if (sameCol && !/\t/.test(indentAt(text, last.startIndex))) return { start: last.endIndex, end: last.endIndex, text: `,\n${base}${kw(base)}` };
    }
    return { reason: 'the key arguments are laid out in a way this codemod does not rewrite; add the policy by hand' };
  }
}

interface Apply {
  lambda: Node;
  /** What `.apply` is called on: `pulumi.Output.all(...)` or a single Output. */
  source: Node;
}

/** An f-string interpolation in a policy: the literal text before it (earlier ones as \u0000) and its expression. */
interface Span {
  before: string;
  expr: string;
}

function fstringSpans(node: Node): Span[] {
  const out: Span[] = [];
  for (const s of findAll(node, 'string')) {
    let before = '';
    for (const c of s.namedChildren) {
      if (!c) continue;
      if (c.type === 'string_content') before += c.text;
      else if (c.type === 'interpolation') {
        const expr = field(c, 'expression')?.text;
        if (expr) out.push({ before, expr });
        before += '\u0000';
      }
    }
  }
  return out;
}

/** Account and region a policy writes as literals (`arn:aws:iam::123456789012:root`): the code's own values. */
function policyLiterals(node: Node): { region?: string; account?: string } {
  const out: { region?: string; account?: string } = {};
  walk(node, (n) => {
    if (n.type !== 'string_content') return;
    const m = /arn:aws[\w-]*:([\w-]+):([a-z]{2}(?:-[a-z]+)+-\d)?:(\d{12}):/.exec(n.text);
    if (m?.[3]) out.account ??= m[3];
    if (m?.[2]) out.region ??= m[2];
  });
  return out;
}

/** Key and value quotes as the existing statements write them. */
function jsonQuotes(elements: Node[], fallback: string): { keyQuote: string; quote: string } {
  const first = elements.find((e) => e.type === 'dictionary');
  const pairs = (first?.namedChildren ?? []).filter((p): p is Node => p?.type === 'pair');
  const q = (n: Node | undefined) => {
    const lit = stringLiteral(n);
    return lit && lit.quote.length === 1 ? lit.quote : undefined;
  };
  const keyQuote = pairs.map((p) => q(field(p, 'key'))).find(Boolean) ?? fallback;
  const quote = pairs.map((p) => q(field(p, 'value'))).find(Boolean) ?? keyQuote;
  return { keyQuote, quote };
}

function findFunction(n: Node): Node | undefined {
  for (let p = n.parent; p; p = p.parent) if (p.type === 'function_definition') return p;
  return undefined;
}

/** The statement (child of a block or the module) that holds a node. */
function statementAt(n: Node): Node | undefined {
  let cur: Node | null = n;
  while (cur && cur.parent && cur.parent.type !== 'block' && cur.parent.type !== 'module') cur = cur.parent;
  return cur && cur.parent ? cur : undefined;
}

