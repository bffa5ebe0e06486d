// Python transform (AWS CDK and Pulumi): find the log group the failure names, follow its key
// argument to where the key is created (same function, `self.x`, another construct's class,
// another module) and grant CloudWatch Logs use of the key there: CDK L2 keys get an
// `add_to_resource_policy(...)` call after the statement that creates them, CfnKey and Pulumi
// keys get a statement appended to their policy document (or, with no policy, a complete one
// that keeps the account-root statement). Edits are splices on the tree-sitter tree's offsets.
import type { CodemodContext, CodemodResult } from '../../src/fix/contract.js';
import { applyEdits, type Edit } from '../../src/fix/python/edits.js';
import type { Node } from '../../src/fix/python/parser.js';
import { namePattern, type NamePattern } from '../../src/fix/python/resources.js';
import { assignmentsOf, boundNames, callArgs, calleeName, classBases, dotted, enclosingClass, field, findAll, indentAt, lineEnd, statementOf, stringLiteral, stringValue, unparen } from '../../src/fix/python/syntax.js';
import { matchScore } from '../../src/fix/sites.js';
import { escapeRe, logGroupNames, nameScore } from './log-groups.js';
import type { ResourceHint } from '../../src/types.js';
import { cdkAddToResourcePolicy, jsonLogsStatement, jsonRootStatement, printPy, pyCode, pyGrantsLogs, styleOf, type PrintOptions, type PyStyle, type PyValue, type Token } from './python-print.js';
import { findBinding, methodOf, paramNames, PyProject, withImports, type Binding, type ImportNeed, type PyModule } from './python-project.js';

type Flavor = 'cdk' | 'pulumi';

interface LogGroupSite {
  mod: PyModule;
  call: Node;
  flavor: Flavor;
  id?: NamePattern;
  name?: NamePattern;
  keyExpr?: Node;
  /** No key argument in sight, but `**kwargs` may carry one. */
  hidden: boolean;
  label: string;
}

type KeyDef =
  | { kind: 'cdk-l2'; mod: PyModule; call: Node; ref: string; stmt: Node; label: string }
  | { kind: 'cdk-l1'; mod: PyModule; call: Node; label: string }
  | { kind: 'pulumi'; mod: PyModule; call: Node; label: string };

type Resolved = { def: KeyDef } | { status: 'refused' | 'not-found'; reason: string };

interface Outcome {
  status: 'proposed' | 'already-fixed' | 'refused' | 'not-found';
  reason: string;
  edits?: { path: string; edit: Edit }[];
  imports?: { path: string; need: ImportNeed }[];
}

type Tokens = { region: Token; account: Token; needs: ImportNeed[] };

const LOG_GROUPS: Record<string, { flavor: Flavor; key: string; name: string }> = {
  'aws_cdk.aws_logs.LogGroup': { flavor: 'cdk', key: 'encryption_key', name: 'log_group_name' },
  'aws_cdk.aws_logs.CfnLogGroup': { flavor: 'cdk', key: 'kms_key_id', name: 'log_group_name' },
  'pulumi_aws.cloudwatch.LogGroup': { flavor: 'pulumi', key: 'kms_key_id', name: 'name' },
};

const KEYS: Record<string, KeyDef['kind']> = {
  'aws_cdk.aws_kms.Key': 'cdk-l2',
  'aws_cdk.aws_kms.CfnKey': 'cdk-l1',
  'pulumi_aws.kms.Key': 'pulumi',
};

/** Attributes that name a key by ARN/id: follow them to the key object. */
const KEY_ATTRIBUTES = new Set(['arn', 'key_arn', 'key_id', 'id', 'attr_arn', 'attr_key_id', 'ref']);

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
const norm = (s: string) => s.replace(/\s+/g, '');
const keyOf = (mod: PyModule, n: Node) => `${mod.path}:${n.startIndex}`;

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

  constructor(
    private readonly ctx: CodemodContext,
    private readonly project: PyProject,
  ) {}

  async run(): Promise<CodemodResult> {
    const sites: LogGroupSite[] = [];
    const broken: string[] = [];
    for (const f of this.ctx.files) {
      if (!f.text.includes('LogGroup')) continue;
      const mod = await this.project.get(f.path);
      const problem = mod ? this.syntaxProblem(mod) : undefined;
      if (problem) broken.push(problem);
      else if (mod) sites.push(...this.logGroupSites(mod));
    }
    if (sites.length === 0) {
      if (broken.length) return { status: 'refused', reason: broken.join('; '), edits: {} };
      return { status: 'not-found', reason: 'no log group (logs.LogGroup, aws.cloudwatch.LogGroup) in the Python sources', edits: {} };
    }

    const picked = this.pickSites(sites);
    if ('status' in picked) return { status: picked.status, reason: picked.reason, edits: {} };

    // Resolve each chosen log group to the key it uses; several log groups often share one key.
    const defs = new Map<string, { def: KeyDef; users: LogGroupSite[] }>();
    const problems: Outcome[] = [];
    for (const group of picked.groups) {
      const found = new Set<string>();
      for (const site of group) {
        if (!site.keyExpr) {
          problems.push({ status: 'refused', reason: `${site.label} passes its arguments through **kwargs; cannot see which key it uses` });
          continue;
        }
        const r = await this.resolveKey(site.mod, site.keyExpr, 0);
        if ('def' in r) {
          const k = keyOf(r.def.mod, r.def.call);
          found.add(k);
          const entry = defs.get(k) ?? { def: r.def, users: [] };
          if (!entry.users.some((u) => u.label === site.label)) entry.users.push(site);
          defs.set(k, entry);
        } else problems.push({ status: r.status, reason: `${site.label}: ${r.reason}` });
      }
      if (found.size > 1) {
        return { status: 'refused', reason: `the failure could be any of ${group.map((s) => s.label).join(', ')}, which use different keys; pass the resource id from the log`, edits: {} };
      }
    }

    const outcomes: Outcome[] = [];
    for (const { def, users } of defs.values()) outcomes.push(await this.fixKey(def, users));
    const proposed = outcomes.filter((o) => o.status === 'proposed');
    const others = [...outcomes.filter((o) => o.status !== 'proposed'), ...problems];
    if (proposed.length === 0) {
      const has = (st: Outcome['status']) => others.some((o) => o.status === st);
      const status = others.length > 0 && others.every((o) => o.status === 'already-fixed') ? 'already-fixed' : has('refused') ? 'refused' : has('already-fixed') ? 'already-fixed' : 'not-found';
      return { status, reason: others.map((o) => o.reason).join('; ') || 'no key found', edits: {} };
    }
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
    const notes = others.filter((o) => o.status !== 'already-fixed').map((o) => ` (not changed: ${o.reason})`);
    return { status: 'proposed', reason: proposed.map((o) => o.reason).join('; ') + notes.join(''), edits };
  }

  private style(mod: PyModule): PyStyle {
    let s = this.styles.get(mod.path);
    if (!s) this.styles.set(mod.path, (s = styleOf(mod.file)));
    return s;
  }

  private line(mod: PyModule, n: Node): number {
    return n.startPosition.row + 1;
  }

  // ---------------------------------------------------------------------------------------
  // Log groups

  private logGroupSites(mod: PyModule): LogGroupSite[] {
    const out: LogGroupSite[] = [];
    for (const call of findAll(mod.root, 'call')) {
      const callee = calleeName(call);
      const spec = LOG_GROUPS[mod.imports.qualify(callee) ?? ''];
      const args = spec ? callArgs(call) : undefined;
      if (!spec || !args) continue;
      const idNode = unparen(spec.flavor === 'cdk' ? (args.positional[1] ?? args.keywords.get('id')?.value) : (args.positional[0] ?? args.keywords.get('resource_name')?.value));
      let name = namePattern(unparen(args.keywords.get(spec.name)?.value));
      const prefix = spec.flavor === 'pulumi' ? namePattern(unparen(args.keywords.get('name_prefix')?.value)) : undefined;
      if (!name && prefix?.exact !== undefined) name = { re: new RegExp(`^${escapeRe(prefix.exact)}`) };
      const key = unparen(args.keywords.get(spec.key)?.value);
      const keyExpr = key && key.type !== 'none' ? key : undefined;
      out.push({
        mod,
        call,
        flavor: spec.flavor,
        id: namePattern(idNode),
        name,
        keyExpr,
        hidden: !keyExpr && args.splat,
        label: `${callee} ${idNode?.text ?? '?'} (${mod.path}:${this.line(mod, call)})`,
      });
    }
    return out;
  }

  /** Which log groups the failure is about: by the log's resource ids and log group name. */
  private pickSites(sites: LogGroupSite[]): { groups: LogGroupSite[][] } | { status: 'not-found' | 'refused'; reason: string } {
    const hints = this.ctx.resources.filter((h) => (h.id || h.constructPath) && (!h.type || /LogGroup/i.test(h.type)));
    const names = logGroupNames(this.ctx.captures);
    const encrypted = sites.filter((s) => s.keyExpr || s.hidden);
    if (hints.length === 0 && names.length === 0) {
      if (encrypted.length === 0) return { status: 'not-found', reason: 'no log group in the Python sources is encrypted with a KMS key (encryption_key= / kms_key_id=)' };
      // With nothing to go by, one encrypted log group, or several sharing one key, is unambiguous.
      return { groups: [encrypted] };
    }
    const groups: LogGroupSite[][] = [];
    const unencrypted: LogGroupSite[] = [];
    const matchers: ((s: LogGroupSite) => number)[] = [
      ...hints.map((h) => (s: LogGroupSite) => this.hintScore(s, h)),
      ...names.map((n) => (s: LogGroupSite) => nameScore(s, n)),
    ];
    for (const score of matchers) {
      const scored = sites.map((s) => ({ s, score: score(s) })).filter((x) => x.score > 0);
      const best = Math.max(0, ...scored.map((x) => x.score));
      const top = scored.filter((x) => x.score === best).map((x) => x.s);
      if (top.length === 0) continue;
      unencrypted.push(...top.filter((s) => !s.keyExpr && !s.hidden));
      const enc = top.filter((s) => s.keyExpr || s.hidden);
      if (enc.length > 0) groups.push(enc);
    }
    if (groups.length > 0) return { groups };
    const wanted = [...hints.map((h) => h.id ?? h.constructPath), ...names].join(', ');
    if (unencrypted.length > 0) {
      return { status: 'not-found', reason: `${unencrypted[0]!.label} (the log group the failure names: ${wanted}) sets no KMS key, so its key policy is not the cause` };
    }
    return { status: 'not-found', reason: `no log group in the Python sources matches ${wanted}` };
  }

  private hintScore(site: LogGroupSite, hint: ResourceHint): number {
    const id = site.id;
    if (!id) return 0;
    if (site.flavor === 'pulumi') {
      if (!hint.id) return 0;
      return id.exact === hint.id ? 10000 : id.re?.test(hint.id) ? 6000 : 0;
    }
    if (id.exact !== undefined) return matchScore([id.exact], hint);
    // An f-string construct id: match it against the construct path's ids.
    const parts = (hint.constructPath ?? '').split('/').filter((p) => p && p !== 'Resource' && p !== 'Default');
    return parts.some((p) => id.re!.test(p)) ? 6000 : 0;
  }

  // ---------------------------------------------------------------------------------------
  // Keys

  private async resolveKey(mod: PyModule, expr: Node, depth: number): Promise<Resolved> {
    if (depth > 8) return { status: 'refused', reason: 'the key is reached through too many indirections to follow safely' };
    const e = unparen(expr) ?? expr;
    const text = e.text;
    if (e.type === 'string' || e.type === 'concatenated_string') {
      return { status: 'refused', reason: `the key is given by ARN/id (${text.slice(0, 80)}); its key policy is managed where that key is created, outside this code: add a statement there that lets ${this.principalLabel()} use it` };
    }
    if (e.type === 'call') {
      const callee = calleeName(e) ?? field(e, 'function')?.text ?? '?';
      const q = mod.imports.qualify(callee);
      if (q && KEYS[q]) return this.keyFromCall(mod, e, undefined, undefined);
      const method = callee.split('.').at(-1) ?? '';
      if (/^from_|^get_key|^get_alias|lookup/.test(method)) {
        return { status: 'refused', reason: `the key is imported (${callee}(...)); its key policy is managed where the key is created (another stack, account or tool): add a statement there that lets ${this.principalLabel()} use it` };
      }
      return { status: 'refused', reason: `the key comes from a function call (${callee}(...)) this codemod cannot follow` };
    }
    if (e.type === 'identifier') {
      const b = findBinding(mod, e.text, e);
      if (!b) return { status: 'not-found', reason: `cannot find where '${e.text}' is assigned` };
      return this.resolveBinding(b, e.text, depth);
    }
    if (e.type === 'attribute') {
      const obj = unparen(field(e, 'object'))!;
      const attr = field(e, 'attribute')!.text;
      const self = this.selfName(e);
      const isSelf = obj.type === 'identifier' && obj.text === self;
      if (KEY_ATTRIBUTES.has(attr) && !isSelf) {
        const inner = await this.resolveKey(mod, obj, depth + 1);
        // `x.id` may be some other resource's id: only accept it when it leads to a key.
        if ('def' in inner || inner.status === 'refused') return inner;
      }
      if (isSelf) {
        const m = methodOf(e)!;
        return this.resolveClassMember(mod, m.cls, attr, depth);
      }
      // `security.key` where `security` is a project module.
      const module = await this.moduleOf(mod, obj);
      if (module) {
        const b = findBinding(module, attr, undefined);
        return b ? this.resolveBinding(b, attr, depth + 1) : { status: 'not-found', reason: `${module.path} does not assign '${attr}'` };
      }
      if (obj.type === 'identifier') {
        const b = findBinding(mod, obj.text, obj);
        if (b?.kind === 'param') return this.passedIn(b, text);
      }
      // `security.key` where `security = SecurityConstruct(self, ...)`: follow into that class.
      const owner = await this.instanceClass(mod, obj, depth);
      if ('cls' in owner) return this.resolveClassMember(owner.mod, owner.cls, attr, depth + 1);
      return owner;
    }
    return { status: 'refused', reason: `the key expression ${text.slice(0, 60)} is not one this codemod can follow` };
  }

  /** The name of the method's instance parameter (`self`) around a node, if in a method. */
  private selfName(n: Node): string | undefined {
    return methodOf(n)?.self;
  }

  private passedIn(b: Extract<Binding, { kind: 'param' }>, what: string): Resolved {
    const fn = field(b.fn, 'name')?.text ?? 'a function';
    const cls = enclosingClass(b.fn);
    const where = cls ? `${field(cls, 'name')?.text}.${fn}` : `${fn}()`;
    return {
      status: 'refused',
      reason: `the key is passed in (${what}, parameter '${b.name}' of ${where}); add the CloudWatch Logs statement where the caller creates the key (the code that calls ${cls ? field(cls, 'name')?.text : fn})`,
    };
  }

  private async resolveBinding(b: Binding, name: string, depth: number): Promise<Resolved> {
    switch (b.kind) {
      case 'assign': {
        const right = unparen(b.right) ?? b.right;
        if (right.type === 'call') {
          const q = b.mod.imports.qualify(calleeName(right));
          if (q && KEYS[q]) return this.keyFromCall(b.mod, right, name, statementOf(b.node));
        }
        return this.resolveKey(b.mod, right, depth + 1);
      }
      case 'param':
        return this.passedIn(b, name);
      case 'import': {
        if (b.imported) {
          const sub = await this.project.resolveModule(b.mod, `${b.module}${b.module.endsWith('.') ? '' : '.'}${b.imported}`);
          if (sub) return { status: 'refused', reason: `'${name}' is the module ${sub.path}, not a key` };
        }
        const target = await this.project.resolveModule(b.mod, b.module);
        if (!target) {
          return this.project.looksLocal(b.module)
            ? { status: 'not-found', reason: `cannot read module ${b.module}` }
            : { status: 'refused', reason: `the key comes from package ${b.module}; its key policy is not in this project` };
        }
        if (!b.imported) return { status: 'refused', reason: `'${name}' is the module ${target.path}, not a key` };
        const inner = findBinding(target, b.imported, undefined);
        return inner ? this.resolveBinding(inner, b.imported, depth + 1) : { status: 'not-found', reason: `${target.path} does not assign '${b.imported}'` };
      }
      case 'class':
        return { status: 'refused', reason: `'${name}' is a class, not a key` };
      default:
        return { status: 'refused', reason: `the key '${name}' is ${b.what}; this codemod cannot follow it` };
    }
  }

  /** A project module an expression names (`security` from `from infra import security`, `infra.security`). */
  private async moduleOf(mod: PyModule, obj: Node): Promise<PyModule | undefined> {
    const path = dotted(obj);
    if (!path) return undefined;
    const [head, ...rest] = path.split('.');
    const b = findBinding(mod, head!, obj);
    if (b?.kind !== 'import') return undefined;
    const base = b.imported ? `${b.module}${b.module.endsWith('.') ? '' : '.'}${b.imported}` : b.module;
    // `import infra.security` binds `infra`: the dotted read names the submodule.
    const name = [base, ...rest].join('.').replace(/^(\.+)\./, '$1');
    return this.project.resolveModule(b.mod, name);
  }

  /** `self.<attr>` in a class: an assignment in its methods, or a property returning one. */
  private async resolveClassMember(mod: PyModule, cls: Node, attr: string, depth: number): Promise<Resolved> {
    const clsName = field(cls, 'name')?.text ?? 'the class';
    const assigned = this.classAssignments(cls, attr).filter((a) => unparen(field(a, 'right'))?.type !== 'none');
    if (assigned.length > 1 && new Set(assigned.map((a) => norm(field(a, 'right')!.text))).size > 1) {
      return { status: 'refused', reason: `${clsName}.${attr} is assigned in several places; cannot tell which key the log group gets` };
    }
    const a = assigned[0];
    if (a) {
      const right = unparen(field(a, 'right'))!;
      if (right.type === 'call') {
        const q = mod.imports.qualify(calleeName(right));
        if (q && KEYS[q]) return this.keyFromCall(mod, right, dotted(field(a, 'left')) ?? `self.${attr}`, statementOf(a));
      }
      return this.resolveKey(mod, right, depth + 1);
    }
    // `@property def key(self): return self._key`
    for (const fn of findAll(field(cls, 'body')!, 'function_definition')) {
      if (field(fn, 'name')?.text !== attr || fn.parent?.type !== 'decorated_definition') continue;
      const returns = findAll(field(fn, 'body')!, 'return_statement');
      const value = returns.length === 1 ? returns[0]!.namedChildren.find((c) => c && c.type !== 'comment') : undefined;
      if (value) return this.resolveKey(mod, value, depth + 1);
    }
    return { status: 'not-found', reason: `cannot find where ${clsName}.${attr} is set (${mod.path})` };
  }

  /** `self.<attr> = ...` assignments in a class's methods (the receiver is each method's first parameter). */
  private classAssignments(cls: Node, attr: string): Node[] {
    const out: Node[] = [];
    for (const fn of findAll(field(cls, 'body')!, 'function_definition')) {
      const m = methodOf(field(fn, 'body') ?? fn);
      if (!m || !m.fn.equals(fn) || !m.cls.equals(cls) || !m.self) continue;
      out.push(...assignmentsOf(field(fn, 'body')!, `${m.self}.${attr}`));
    }
    return out;
  }

  /** The project class an expression is an instance of (`security` where `security = SecurityConstruct(self, ...)`). */
  private async instanceClass(mod: PyModule, obj: Node, depth: number): Promise<{ mod: PyModule; cls: Node } | Resolved> {
    const text = obj.text;
    let init: Node | undefined;
    let initMod = mod;
    if (obj.type === 'identifier') {
      const b = findBinding(mod, obj.text, obj);
      if (b?.kind === 'assign') {
        init = unparen(b.right);
        initMod = b.mod;
      } else if (b?.kind === 'import' && b.imported) {
        const target = await this.project.resolveModule(b.mod, b.module);
        const exp = target ? findBinding(target, b.imported, undefined) : undefined;
        if (exp?.kind === 'assign') {
          init = unparen(exp.right);
          initMod = exp.mod;
        }
      }
    } else if (obj.type === 'attribute') {
      const o = unparen(field(obj, 'object'));
      const m = methodOf(obj);
      if (m && o?.type === 'identifier' && o.text === m.self) {
        const a = this.classAssignments(m.cls, field(obj, 'attribute')!.text)[0];
        if (a) init = unparen(field(a, 'right'));
      }
    }
    if (!init || init.type !== 'call' || depth > 8) {
      return { status: 'refused', reason: `the key is reached through ${text}, which this codemod cannot follow` };
    }
    const callee = field(init, 'function')!;
    const q = initMod.imports.qualify(dotted(callee));
    if (q?.startsWith('aws_cdk.') || q?.startsWith('pulumi')) {
      return { status: 'refused', reason: `the key is ${text}.<attribute> of a ${calleeName(init)} this project does not define; pass the key explicitly (a kms.Key you create) to edit its policy` };
    }
    const found = await this.findClass(initMod, callee);
    return found ?? { status: 'refused', reason: `the key is a member of ${callee.text}, whose source is not in this project` };
  }

  private async findClass(mod: PyModule, callee: Node): Promise<{ mod: PyModule; cls: Node } | undefined> {
    let b: Binding | undefined;
    if (callee.type === 'identifier') b = findBinding(mod, callee.text, callee);
    else if (callee.type === 'attribute') {
      const module = await this.moduleOf(mod, field(callee, 'object')!);
      b = module ? findBinding(module, field(callee, 'attribute')!.text, undefined) : undefined;
    }
    for (let i = 0; b?.kind === 'import' && b.imported && i < 5; i++) {
      const target = await this.project.resolveModule(b.mod, b.module);
      b = target ? findBinding(target, b.imported, undefined) : undefined;
    }
    return b?.kind === 'class' ? { mod: b.mod, cls: b.node } : undefined;
  }

  private keyFromCall(mod: PyModule, call: Node, ref: string | undefined, stmt: Node | undefined): Resolved {
    const callee = calleeName(call) ?? '?';
    const kind = KEYS[mod.imports.qualify(callee) ?? ''];
    const args = callArgs(call);
    const idNode = kind === 'pulumi' ? (args?.positional[0] ?? args?.keywords.get('resource_name')?.value) : (args?.positional[1] ?? args?.keywords.get('id')?.value);
    const label = `${callee} ${idNode?.text ?? ''} (${mod.path}:${this.line(mod, call)})`;
    if (!kind) return { status: 'refused', reason: `the key comes from ${callee}, which is not a KMS key this codemod knows how to edit` };
    if (kind === 'pulumi') return { def: { kind, mod, call, label } };
    if (kind === 'cdk-l1') return { def: { kind, mod, call, label } };
    const assignment = stmt?.namedChildren[0];
    if (!ref || !stmt || stmt.type !== 'expression_statement' || assignment?.type !== 'assignment') {
      return { status: 'refused', reason: `the key ${label} is created inline; assign it to a variable so a statement can be added to its policy` };
    }
    return { def: { kind, mod, call, ref, stmt, label } };
  }

  // ---------------------------------------------------------------------------------------
  // Fixes

  private syntaxProblem(mod: PyModule): string | undefined {
    const [p] = mod.file.problems();
    return p ? `${mod.path}:${p.line} has a syntax error (${p.message}); fix it before applying a codemod` : undefined;
  }

  private async fixKey(def: KeyDef, users: LogGroupSite[]): Promise<Outcome> {
    const problem = this.syntaxProblem(def.mod);
    if (problem) return { status: 'refused', reason: problem };
    try {
      if (def.kind === 'cdk-l2') return this.fixCdkL2(def, users);
      if (def.kind === 'cdk-l1') return this.fixCdkL1(def);
      return this.fixPulumi(def);
    } catch (err) {
      return { status: 'refused', reason: `${def.label}: ${(err as Error).message}` };
    }
  }

  private fixCdkL2(def: Extract<KeyDef, { kind: 'cdk-l2' }>, users: LogGroupSite[]): Outcome {
    const { mod, ref } = def;
    // Grants already on this key: `key.add_to_resource_policy(...)`, `key.grant*(...)`, its `policy=` document.
    const receivers = new Set([norm(ref), ...users.map((u) => norm(u.keyExpr!.text))]);
    const texts = [field(def.call, 'arguments')?.text ?? ''];
    const seen = new Set<string>();
    for (const m of [mod, ...users.map((u) => u.mod)]) {
      if (seen.has(m.path)) continue;
      seen.add(m.path);
      for (const call of findAll(m.root, 'call')) {
        const fn = field(call, 'function');
        if (fn?.type !== 'attribute' || !/^(?:add_to_resource_policy|grant\w*)$/.test(field(fn, 'attribute')!.text)) continue;
        if (receivers.has(norm(field(fn, 'object')!.text))) texts.push(call.text);
      }
    }
    if (texts.some(pyGrantsLogs)) return { status: 'already-fixed', reason: `${def.label} already lets CloudWatch Logs use the key` };

    const text = mod.text;
    const end = def.stmt.endIndex;
    const eol = lineEnd(text, end);
    if (!/^[ \t]*(?:#.*)?$/.test(text.slice(end, eol))) {
      return { status: 'refused', reason: `${def.label}: another statement follows the key on its line; put it on its own line first` };
    }
    const tokens = this.cdkTokens(mod, def.call, ref);
    if ('reason' in tokens) return { status: 'refused', reason: `${def.label}: ${tokens.reason}` };
    const iam = this.iamNames(mod);
    if ('reason' in iam) return { status: 'refused', reason: `${def.label}: ${iam.reason}` };
    const style = this.style(mod);
    const indent = indentAt(text, def.stmt.startIndex);
    const opts: PrintOptions = { style, keyQuote: style.quote };
    const stmt = printPy(cdkAddToResourcePolicy(ref, tokens.region, tokens.account, style.quote, iam), indent, opts);
    return {
      status: 'proposed',
      reason: `${ref}.add_to_resource_policy(...) lets ${this.principalLabel(tokens.region)} use ${def.label}, the key of ${users.map((u) => u.label).join(', ')}`,
      edits: [{ path: mod.path, edit: { start: eol, end: eol, text: `\n${indent}${stmt}` } }],
      imports: [...tokens.needs, ...iam.needs].map((need) => ({ path: mod.path, need })),
    };
  }

  private async fixCdkL1(def: Extract<KeyDef, { kind: 'cdk-l1' }>): Promise<Outcome> {
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
    const tokens = this.cdkTokens(def.mod, def.call, undefined);
    if ('reason' in tokens) return { status: 'refused', reason: `${def.label}: ${tokens.reason}` };
    return this.appendToPolicyDict(docMod, doc, () => tokens, def.label);
  }

  /** `logs.<region>.amazonaws.com` for messages: the log's region, else the expression used. */
  private principalLabel(region?: Token): string {
    const captured = this.captured().region;
    const r = typeof region === 'string' ? region : (captured ?? (region ? `{${region.expr}}` : '<region>'));
    return `logs.${r}.amazonaws.com`;
  }

  private captured(): { region?: string; account?: string } {
    const arn = one(this.ctx.captures.logGroup);
    const m = arn ? /^arn:aws[\w-]*:logs:([\w-]+):(\d{12}|[^:]*):/.exec(arn) : null;
    const region = one(this.ctx.captures.region) ?? m?.[1];
    const account = [one(this.ctx.captures.account), m?.[2]].find((a) => a && /^\d{12}$/.test(a));
    return { region: region && /^[a-z]{2}(?:-[a-z]+)+-\d$/.test(region) ? region : undefined, account };
  }

  /**
   * Region/account for CDK: the stack's own tokens in a Stack, `Stack.of(scope)` in any other
   * construct code, the log's literals only when no construct is in scope.
   */
  private cdkTokens(mod: PyModule, keyCall: Node, ref: string | undefined): Tokens | { reason: string } {
    const m = methodOf(keyCall);
    if (m?.self && classBases(m.cls).some((b) => /(?:^|\.)\w*Stack$/.test(b))) {
      return { region: { expr: `${m.self}.region` }, account: { expr: `${m.self}.account` }, needs: [] };
    }
    const scopeArg = unparen(callArgs(keyCall)?.positional[0]);
    const scope = scopeArg?.type === 'identifier' ? scopeArg.text : ref;
    const stack = scope ? this.stackRef(mod) : undefined;
    if (stack && scope) return { region: { expr: `${stack.name}.of(${scope}).region` }, account: { expr: `${stack.name}.of(${scope}).account` }, needs: stack.needs };
    const c = this.captured();
    if (!c.region) return { reason: 'no region in scope in the code and none in the log; cannot name the regional CloudWatch Logs principal' };
    return { region: c.region, account: c.account ?? '*', needs: [] };
  }

  /** `Stack` (or `cdk.Stack`, `core.Stack`) through the imports, adding it to `from aws_cdk import` when missing. */
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
    // `cdk.aws_iam.X` works through `import aws_cdk as cdk`, but a file that imports its other
    // modules as `from aws_cdk import aws_kms as kms` reads better with `aws_iam as iam` added.
    const root = imp.localFor('aws_cdk');
    const viaRoot = !!root && !!ps?.startsWith(`${root}.aws_iam.`);
    const fromList = imp.fromStatements('aws_cdk').some((s) => s.childrenForFieldName('name').some((n) => /^aws_\w+\s+as\s/.test(n?.text ?? '')));
    const dottedStyle = !fromList && imp.statements.some((s) => s.type === 'import_statement' && /^import\s+aws_cdk\.aws_\w+\s+as\s/.test(s.text));
    if (ps && sp && !(viaRoot && (fromList || dottedStyle) && !bound.has('iam'))) return { policyStatement: ps, servicePrincipal: sp, needs: [] };
    const direct = (r: string | undefined) => r !== undefined && !r.includes('.');
    if (direct(ps) !== direct(sp)) {
      // `from aws_cdk.aws_iam import PolicyStatement`: add the other name to that list.
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

  // Policy documents ---------------------------------------------------------------------

  /** Appends the logs statement to `{"Version": ..., "Statement": [...]}`; already there -> already-fixed. */
  private appendToPolicyDict(mod: PyModule, doc: Node, tokensFor: (spans: Span[]) => Tokens | { reason: string }, label: string): Outcome {
    const pair = doc.namedChildren.find((p) => p?.type === 'pair' && stringValue(field(p, 'key')) === 'Statement');
    const list = unparen(field(pair, 'value'));
    if (!list || list.type !== 'list') {
      if (pyGrantsLogs(doc.text)) return { status: 'already-fixed', reason: `${label} already lets CloudWatch Logs use the key` };
      return { status: 'refused', reason: `${label}: the policy's "Statement" is not a list literal this codemod can edit` };
    }
    const elements = list.namedChildren.filter((c): c is Node => !!c && c.type !== 'comment');
    if (elements.some((el) => pyGrantsLogs(el.text))) return { status: 'already-fixed', reason: `${label} already has a statement for CloudWatch Logs` };
    const tokens = tokensFor(fstringSpans(doc));
    if ('reason' in tokens) return { status: 'refused', reason: `${label}: ${tokens.reason}` };
    const style = this.style(mod);
    const { keyQuote, quote } = jsonQuotes(elements, style.quote);
    const opts: PrintOptions = { style, keyQuote };
    const edit = this.appendItem(mod, list, elements, (base) => printPy(jsonLogsStatement(tokens.region, tokens.account, quote), base, opts));
    return {
      status: 'proposed',
      reason: `added a key-policy statement that lets ${this.principalLabel(tokens.region)} use ${label}`,
      edits: [{ path: mod.path, edit }],
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

  // Pulumi ----------------------------------------------------------------------------------

  private async fixPulumi(def: Extract<KeyDef, { kind: 'pulumi' }>): Promise<Outcome> {
    const { mod, call } = def;
    const args = callArgs(call);
    if (!args || args.splat || args.keywords.has('args')) return { status: 'refused', reason: `${def.label}: its arguments are passed through **kwargs or args=; edit the key policy by hand` };
    const policy = args.keywords.get('policy');
    if (policy && unparen(policy.value)?.type !== 'none') {
      const target = await this.policyTarget(mod, policy.value, undefined, 0);
      if ('reason' in target) return { status: 'refused', reason: `${def.label}: ${target.reason}` };
      return this.appendToPolicyDict(target.mod, target.dict, (spans) => this.pulumiTokens(target.mod, target.dict, spans, target.apply), def.label);
    }
    if (policy) return { status: 'refused', reason: `${def.label}: policy=None; write the key policy by hand` };
    // No policy: AWS applies the default key policy today, but a policy we write replaces it,
    // so it must keep the account-root statement or the account loses control of the key.
    for (const f of this.ctx.files) {
      if (!f.text.includes('KeyPolicy')) continue;
      const m = await this.project.get(f.path);
      if (m && findAll(m.root, 'call').some((c) => m.imports.qualify(calleeName(c)) === 'pulumi_aws.kms.KeyPolicy')) {
        return { status: 'refused', reason: `${def.label} has no inline policy and ${f.path} declares an aws.kms.KeyPolicy; add the CloudWatch Logs statement there` };
      }
    }
    return this.writePulumiPolicy(def, args.list);
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
    if (e.type === 'call') {
      const fn = field(e, 'function')!;
      const callee = dotted(fn) ?? fn.text;
      const q = mod.imports.qualify(callee);
      if ((q === 'json.dumps' || q === 'pulumi.Output.json_dumps') && callArgs(e)?.positional[0]) {
        return this.policyTarget(mod, callArgs(e)!.positional[0]!, apply, depth + 1);
      }
      if (fn.type === 'attribute' && field(fn, 'attribute')!.text === 'apply') {
        const cb = unparen(callArgs(e)?.positional[0]);
        if (cb?.type !== 'lambda') {
          return { reason: `the policy is built by ${cb?.text ?? 'a callback'} inside .apply(...); add the CloudWatch Logs statement to it by hand` };
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

  /**
   * Region/account inside an existing Pulumi policy: expressions the policy's own f-strings
   * already use, the `.apply` lambda's parameters, a `get_caller_identity()` result in scope,
   * else the log's literals.
   */
  private pulumiTokens(mod: PyModule, at: Node, spans: Span[], apply: Apply | undefined): Tokens | { reason: string } {
    const fromPolicy = (re: RegExp) => spans.find((s) => re.test(s.before))?.expr;
    const params = apply ? this.applyParams(mod, apply) : {};
    const c = this.captured();
    const regionExpr = fromPolicy(/(?:arn:aws[\w-]*:[\w-]+:|logs\.)$/) ?? params.region;
    const region: Token | undefined = regionExpr ? { expr: regionExpr } : c.region;
    if (!region) return { reason: 'no region in scope in the code and none in the log; cannot name the regional CloudWatch Logs principal' };
    const accountExpr = fromPolicy(/(?:arn:aws[\w-]*:iam::|arn:aws[\w-]*:[\w-]+:(?:[\w-]+|\u0000):)$/) ?? params.account;
    if (accountExpr) return { region, account: { expr: accountExpr }, needs: [] };
    const account = this.pulumiAccount(mod, at);
    if ('reason' in account) return account;
    return { region, account: account.account, needs: account.needs };
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
    if (/(?:^|\.)account_id$/.test(text) || /^(?:aws_)?account(?:_id)?$/.test(text)) return 'account';
    if (/^(?:aws_)?region(?:_name)?$/.test(text) || /(?:^|\.)config\.region$/.test(text)) return 'region';
    const obj = e.type === 'attribute' ? unparen(field(e, 'object')) : e;
    const call = obj?.type === 'identifier' ? this.assignedCall(mod, obj) : obj?.type === 'call' ? obj : undefined;
    const q = call ? mod.imports.qualify(calleeName(call)) : undefined;
    if (/^pulumi_aws\.get_caller_identity(?:_output)?$/.test(q ?? '') && e.equals(obj!)) return 'identity';
    if (/^pulumi_aws\.get_region(?:_output)?$/.test(q ?? '') && e.type === 'attribute' && /^(?:name|region)$/.test(field(e, 'attribute')!.text)) return 'region';
    return undefined;
  }

  private assignedCall(mod: PyModule, id: Node): Node | undefined {
    const b = findBinding(mod, id.text, id);
    const right = b?.kind === 'assign' ? unparen(b.right) : undefined;
    return right?.type === 'call' ? right : undefined;
  }

  /**
   * The account outside an `.apply`: a plain `get_caller_identity()` result in scope, the log's
   * 12-digit account, else `aws.get_caller_identity().account_id` (a synchronous invoke).
   */
  private pulumiAccount(mod: PyModule, at: Node): { account: Token; needs: ImportNeed[] } | { reason: string } {
    for (const a of findAll(mod.root, 'assignment')) {
      if (a.startIndex >= at.startIndex) break;
      const left = field(a, 'left');
      if (left?.type !== 'identifier') continue;
      // Visible at `at`: module level, or in the function that contains `at`.
      const fn = a.parent?.parent?.type === 'module' ? undefined : findFunction(a);
      if (a.parent?.parent?.type !== 'module' && !(fn && findFunction(at)?.equals(fn))) continue;
      const right = unparen(field(a, 'right'));
      if (right?.type === 'call' && mod.imports.qualify(calleeName(right)) === 'pulumi_aws.get_caller_identity') return { account: { expr: `${left.text}.account_id` }, needs: [] };
      if (right?.type === 'attribute' && field(right, 'attribute')?.text === 'account_id') {
        const inner = unparen(field(right, 'object'));
        if (inner?.type === 'call' && mod.imports.qualify(calleeName(inner)) === 'pulumi_aws.get_caller_identity') return { account: { expr: left.text }, needs: [] };
      }
    }
    const c = this.captured();
    if (c.account) return { account: c.account, needs: [] };
    const aws = mod.imports.reach('pulumi_aws.get_caller_identity');
    if (aws) return { account: { expr: `${aws}().account_id` }, needs: [] };
    if (boundNames(mod.root).has('aws')) return { reason: 'the log masks the account id and pulumi_aws is not imported as a module here; add the account to the statement by hand' };
    return { account: { expr: 'aws.get_caller_identity().account_id' }, needs: [{ module: 'pulumi_aws', alias: 'aws' }] };
  }

  /** A key with no policy: add `policy=json.dumps({...})` keeping the account root and adding CloudWatch Logs. */
  private writePulumiPolicy(def: Extract<KeyDef, { kind: 'pulumi' }>, list: Node): Outcome {
    const { mod, call } = def;
    const c = this.captured();
    if (!c.region) return { status: 'refused', reason: `${def.label}: no region in the log; cannot name the regional CloudWatch Logs principal` };
    const account = this.pulumiAccount(mod, call);
    if ('reason' in account) return { status: 'refused', reason: `${def.label} has no policy, and ${account.reason}` };
    const needs = [...account.needs];
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
        ['Statement', { list: [jsonRootStatement(account.account, q), jsonLogsStatement(c.region, account.account, q)] }],
      ],
    };
    const opts: PrintOptions = { style, keyQuote: q };
    const kw = (base: string) => `policy=${dumps}(${printPy(doc, base, opts)})`;
    const edit = this.appendKeyword(mod, call, list, kw);
    if ('reason' in edit) return { status: 'refused', reason: `${def.label}: ${edit.reason}` };
    return {
      status: 'proposed',
      reason: `${def.label} had no key policy: wrote one that keeps the account-root statement (without it the new policy would lock the account out of the key) and lets ${this.principalLabel(c.region)} use the key`,
      edits: [{ path: mod.path, edit }],
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
      // One argument per line.
      const base = indentAt(text, last.startIndex);
      // Pulumi programs keep `opts=` last: the policy goes before it.
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
      // `aws.kms.Key("k", description="x")` on one line: one argument per line, then the policy.
      const indent = indentAt(text, call.startIndex);
      const base = indent + style.unit;
      const texts = args.map((a) => a.text);
      texts.splice(isOpts(last) ? texts.length - 1 : texts.length, 0, kw(base));
      const lines = texts.map((t) => `${base}${t}`);
      return { start: list.startIndex, end: list.endIndex, text: `(\n${lines.join(',\n')}${style.trailingComma ? ',' : ''}\n${indent})` };
    }
    if (close.startPosition.row === last.endPosition.row && !comma) {
      // Hanging arguments aligned with the first one: `Key("k",\n          description="x")`.
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
