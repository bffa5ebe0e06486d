// Where a value in Python comes from: follows names, `self.x` (assigned in any method, or a
// property), function and method returns, parameters (to the arguments of the call being
// followed, or else of every call in the project: a key passed to a construct from another
// module, by position, keyword or **kwargs), props objects (a dataclass or a class that keeps its
// arguments, a dict), project modules and imports, until it reaches an expression it cannot
// follow further (a call into a package, a literal). The caller decides what the origins are.
import type { Node } from '../../src/fix/python/parser.js';
import { callArgs, calleeName, dotted, field, findAll, stringValue, unparen, walk } from '../../src/fix/python/syntax.js';
import { findBinding, methodOf, paramNames, type Binding, type PyModule, type PyProject } from './python-project.js';

/** A statement binding the value to a name (`key = ...`, `self.key = ...`): code can follow it. */
export interface PyAnchor {
  mod: PyModule;
  ref: string;
  /** The expression_statement holding the assignment. */
  stmt: Node;
}

export interface PyFrame {
  fn: Node;
  /** The call; for a class, the call of the class (its `__init__`). */
  call: Node;
  mod: PyModule;
  /** The method is called through an instance (`self.m(...)`, `Cls(...)`): its first parameter is not an argument. */
  bound: boolean;
  parent?: PyFrame;
}

export interface PyOrigin {
  mod: PyModule;
  node: Node;
  frame?: PyFrame;
  /** Nearest the origin first. */
  anchors: PyAnchor[];
  /** Functions the value was returned from, nearest the origin first, with how many places call each. */
  via: { fn: Node; mod: PyModule; callers: number }[];
}

export interface PyFailure {
  status: 'refused' | 'not-found';
  reason: string;
}

export interface PyFlowResult {
  origins: PyOrigin[];
  failures: PyFailure[];
}

interface State {
  depth: number;
  frame?: PyFrame;
  anchors: PyAnchor[];
  via: PyOrigin['via'];
}

/** Attributes that name a key by ARN or id: `key.key_arn` is the key. */
export const PY_KEY_ATTRIBUTES = new Set(['arn', 'key_arn', 'key_id', 'id', 'attr_arn', 'attr_key_id', 'ref']);

const MAX_DEPTH = 16;
const none = (): PyFlowResult => ({ origins: [], failures: [] });
const fail = (status: PyFailure['status'], reason: string): PyFlowResult => ({ origins: [], failures: [{ status, reason }] });
const merge = (...flows: PyFlowResult[]): PyFlowResult => ({ origins: flows.flatMap((f) => f.origins), failures: flows.flatMap((f) => f.failures) });

export const nodeKey = (mod: PyModule, n: Node) => `${mod.path}:${n.startIndex}:${n.endIndex}`;

export class PyValueFlow {
  private readonly callers = new Map<string, { call: Node; mod: PyModule; bound: boolean }[]>();

  constructor(
    private readonly project: PyProject,
    private readonly files: () => string[],
  ) {}

  of(mod: PyModule, expr: Node, frame?: PyFrame): Promise<PyFlowResult> {
    return this.values(mod, expr, { depth: 0, frame, anchors: [], via: [] });
  }

  private origin(mod: PyModule, node: Node, st: State): PyFlowResult {
    return { origins: [{ mod, node, frame: st.frame, anchors: [...st.anchors].reverse(), via: [...st.via].reverse() }], failures: [] };
  }

  private async values(mod: PyModule, expr: Node, st: State): Promise<PyFlowResult> {
    if (st.depth > MAX_DEPTH) return fail('refused', 'the key is reached through too many steps to follow safely');
    const next: State = { ...st, depth: st.depth + 1 };
    const e = unparen(expr) ?? expr;
    if (e.type === 'boolean_operator') {
      return merge(await this.values(mod, field(e, 'left')!, next), await this.values(mod, field(e, 'right')!, next));
    }
    if (e.type === 'conditional_expression') {
      const [a, , b] = e.namedChildren.filter((c): c is Node => !!c && c.type !== 'comment');
      return merge(a ? await this.values(mod, a, next) : none(), b ? await this.values(mod, b, next) : none());
    }
    if (e.type === 'identifier') return this.identifier(mod, e, next);
    if (e.type === 'attribute') return this.attribute(mod, e, next);
    if (e.type === 'subscript') return this.subscript(mod, e, next);
    if (e.type === 'call') return this.call(mod, e, next);
    return this.origin(mod, e, st);
  }

  private async identifier(mod: PyModule, id: Node, st: State): Promise<PyFlowResult> {
    if (id.text === 'None') return none();
    const b = findBinding(mod, id.text, id);
    if (!b) return fail('not-found', `cannot find where '${id.text}' is assigned`);
    return this.binding(b, id, st);
  }

  private async binding(b: Binding, at: Node, st: State): Promise<PyFlowResult> {
    switch (b.kind) {
      case 'assign': {
        const stmt = b.node.parent?.type === 'expression_statement' ? b.node.parent : undefined;
        const ref = field(b.node, 'left')?.text ?? at.text;
        const anchors = stmt ? [...st.anchors, { mod: b.mod, ref, stmt }] : st.anchors;
        return this.values(b.mod, b.right, { ...st, anchors });
      }
      case 'param':
        return this.param(b.mod, b.fn, b.name, st);
      case 'import': {
        if (b.imported) {
          const sub = await this.project.resolveModule(b.mod, `${b.module}${b.module.endsWith('.') ? '' : '.'}${b.imported}`);
          if (sub) return this.origin(b.mod, at, st);
        }
        const target = await this.project.resolveModule(b.mod, b.module);
        if (!target) {
          return this.project.looksLocal(b.module) ? fail('not-found', `cannot read module ${b.module}`) : this.origin(b.mod, at, st);
        }
        if (!b.imported) return this.origin(b.mod, at, st);
        const inner = findBinding(target, b.imported, undefined);
        return inner ? this.binding(inner, at, st) : fail('not-found', `${target.path} does not assign '${b.imported}'`);
      }
      case 'class':
      case 'function':
        return this.origin(b.mod, at, st);
      default:
        return fail('refused', `the key '${at.text}' is ${b.what}; this codemod cannot follow it`);
    }
  }

  /** The argument a call passes for a parameter: by keyword, by position, or the default. */
  argumentFor(fn: Node, name: string, call: Node, bound: boolean): { value?: Node; isDefault?: boolean; splat: boolean } {
    const args = callArgs(call);
    if (!args) return { splat: false };
    const kw = args.keywords.get(name);
    if (kw) return { value: kw.value, splat: args.splat };
    const params = field(fn, 'parameters')?.namedChildren.filter((p): p is Node => !!p && p.type !== 'comment') ?? [];
    let index = 0;
    let keywordOnly = false;
    for (const p of params.slice(bound ? 1 : 0)) {
      if (p.type === 'keyword_separator' || p.type === 'list_splat_pattern') {
        keywordOnly = true;
        continue;
      }
      const pname = p.type === 'identifier' ? p.text : field(p, 'name')?.text ?? p.namedChildren.find((c) => c?.type === 'identifier')?.text;
      if (pname === name) {
        if (!keywordOnly && args.positional[index]) return { value: args.positional[index], splat: args.splat };
        const dflt = field(p, 'value');
        return { value: dflt && dflt.type !== 'none' ? dflt : undefined, isDefault: true, splat: args.splat };
      }
      index++;
    }
    return { splat: args.splat };
  }

  private async param(mod: PyModule, fn: Node, name: string, st: State, key?: string): Promise<PyFlowResult> {
    const viaCall = async (call: Node, callMod: PyModule, bound: boolean, parent: PyFrame | undefined): Promise<PyFlowResult> => {
      const inner: State = { ...st, frame: parent };
      if (key !== undefined) {
        // `**kwargs` read as `kwargs["key"]` / `kwargs.get("key")`.
        const kw = callArgs(call)?.keywords.get(key);
        return kw ? this.values(callMod, kw.value, inner) : none();
      }
      const arg = this.argumentFor(fn, name, call, bound);
      if (!arg.value) return arg.splat ? fail('refused', `${this.fnLabel(mod, fn)} is called with *args/**kwargs (${callMod.path}:${call.startPosition.row + 1}); cannot see which key it passes`) : none();
      // A default value is read where the function is defined.
      return arg.isDefault ? this.values(mod, arg.value, st) : this.values(callMod, arg.value, inner);
    };
    for (let f = st.frame; f; f = f.parent) if (f.fn.equals(fn) && f.mod.path === mod.path) return viaCall(f.call, f.mod, f.bound, f.parent);
    const calls = await this.callSites(mod, fn);
    if (calls.length === 0) {
      return fail('refused', `the key is passed in (parameter '${name}' of ${this.fnLabel(mod, fn)}) and nothing in this project calls it; add the CloudWatch Logs statement where the caller creates the key`);
    }
    return merge(...(await Promise.all(calls.map((c) => viaCall(c.call, c.mod, c.bound, { fn, call: c.call, mod: c.mod, bound: c.bound, parent: st.frame })))));
  }

  private async attribute(mod: PyModule, e: Node, st: State): Promise<PyFlowResult> {
    const obj = unparen(field(e, 'object'))!;
    const attr = field(e, 'attribute')!.text;
    const m = methodOf(e);
    if (obj.type === 'identifier' && m?.self && obj.text === m.self) return this.classMember(mod, m.cls, attr, st);
    // `security.logs_key` where `security` is a project module.
    const module = await this.moduleOf(mod, obj);
    if (module) {
      const b = findBinding(module, attr, undefined);
      return b ? this.binding(b, e, st) : fail('not-found', `${module.path} does not assign '${attr}'`);
    }
    return this.memberOf(mod, await this.values(mod, obj, st), attr, st, obj.text, e);
  }

  private async subscript(mod: PyModule, e: Node, st: State): Promise<PyFlowResult> {
    const obj = unparen(field(e, 'value'))!;
    const key = stringValue(unparen(field(e, 'subscript')));
    if (key === undefined) return this.origin(mod, e, st);
    const kwargs = obj.type === 'identifier' ? this.kwargsParam(mod, obj) : undefined;
    if (kwargs) return this.param(mod, kwargs.fn, kwargs.name, st, key);
    return this.memberOf(mod, await this.values(mod, obj, { ...st, anchors: [] }), key, st, obj.text, e, true);
  }

  /** `name` is the `**kwargs` parameter of the function around `at`. */
  private kwargsParam(mod: PyModule, at: Node): { fn: Node; name: string } | undefined {
    const b = findBinding(mod, at.text, at);
    if (b?.kind !== 'param') return undefined;
    const splat = field(b.fn, 'parameters')?.namedChildren.find((p) => p?.type === 'dictionary_splat_pattern');
    return splat?.namedChildren.some((c) => c?.type === 'identifier' && c.text === at.text) ? { fn: b.fn, name: at.text } : undefined;
  }

  /** Attribute (or dict key) `attr` of each origin of an object. */
  private async memberOf(mod: PyModule, objects: PyFlowResult, attr: string, st: State, objText: string, whole: Node, isKey = false): Promise<PyFlowResult> {
    const out: PyFlowResult[] = [{ origins: [], failures: objects.failures }];
    for (const o of objects.origins) {
      const node = unparen(o.node) ?? o.node;
      const here: State = { ...st, frame: o.frame };
      if (node.type === 'dictionary') {
        const pair = node.namedChildren.find((p) => p?.type === 'pair' && stringValue(field(p, 'key')) === attr);
        if (pair) out.push(await this.values(o.mod, field(pair, 'value')!, here));
        else if (node.namedChildren.some((p) => p?.type === 'dictionary_splat')) out.push(fail('refused', `'${attr}' may come from a ** in ${node.text.slice(0, 60)}`));
        continue;
      }
      if (node.type === 'call' && !isKey) {
        const cls = await this.projectClass(o.mod, field(node, 'function')!);
        if (cls) {
          out.push(await this.instanceMember(cls.mod, cls.cls, node, o.mod, attr, here));
          continue;
        }
      }
      if (!isKey && PY_KEY_ATTRIBUTES.has(attr)) out.push({ origins: [o], failures: [] });
      else out.push(this.origin(mod, whole, st));
    }
    return merge(...out);
  }

  /** `obj.attr` of `obj = Cls(...)`: a dataclass field (the call's argument), or what the class sets. */
  private async instanceMember(mod: PyModule, cls: Node, call: Node, callMod: PyModule, attr: string, st: State): Promise<PyFlowResult> {
    const init = this.method(cls, '__init__');
    const frame: PyFrame | undefined = init ? { fn: init, call, mod: callMod, bound: true, parent: st.frame } : st.frame;
    if (!init && this.fields(cls).includes(attr)) {
      // A dataclass (or NamedTuple, attrs, pydantic model): its fields are its arguments, in order.
      const args = callArgs(call);
      const value = args?.keywords.get(attr)?.value ?? args?.positional[this.fields(cls).indexOf(attr)];
      return value ? this.values(callMod, value, st) : none();
    }
    return this.classMember(mod, cls, attr, { ...st, frame });
  }

  /** Annotated class-level names, in order: a dataclass's fields. */
  private fields(cls: Node): string[] {
    const out: string[] = [];
    for (const st of field(cls, 'body')?.namedChildren ?? []) {
      const a = st?.type === 'expression_statement' ? st.namedChildren[0] : undefined;
      const left = a?.type === 'assignment' ? field(a, 'left') : undefined;
      if (left?.type === 'identifier' && field(a!, 'type')) out.push(left.text);
    }
    return out;
  }

  private method(cls: Node, name: string): Node | undefined {
    for (const st of field(cls, 'body')?.namedChildren ?? []) {
      const fn = st?.type === 'decorated_definition' ? field(st, 'definition') : st;
      if (fn?.type === 'function_definition' && field(fn, 'name')?.text === name) return fn;
    }
    return undefined;
  }

  /** `self.<attr>` in a class: assignments in its methods, a property, a class attribute, or a base class's. */
  async classMember(mod: PyModule, cls: Node, attr: string, st: State): Promise<PyFlowResult> {
    const flows: PyFlowResult[] = [];
    for (const a of this.classAssignments(cls, attr)) {
      const right = unparen(field(a, 'right'));
      if (!right || right.type === 'none') continue;
      const stmt = a.parent?.type === 'expression_statement' ? a.parent : undefined;
      const ref = dotted(field(a, 'left')) ?? `self.${attr}`;
      flows.push(await this.values(mod, right, { ...st, anchors: stmt ? [...st.anchors, { mod, ref, stmt }] : st.anchors }));
    }
    if (flows.length) return merge(...flows);
    const prop = this.method(cls, attr);
    if (prop && prop.parent?.type === 'decorated_definition') {
      const returns = this.returns(prop);
      if (returns.length) return merge(...(await Promise.all(returns.map((r) => this.values(mod, r, st)))));
    }
    for (const base of field(cls, 'superclasses')?.namedChildren ?? []) {
      if (!base || base.type === 'keyword_argument') continue;
      const parent = await this.projectClass(mod, base);
      if (parent) return this.classMember(parent.mod, parent.cls, attr, st);
    }
    return fail('not-found', `cannot find where ${field(cls, 'name')?.text ?? 'the class'}.${attr} is set (${mod.path})`);
  }

  /** `self.<attr> = ...` in the class's methods (the receiver is each method's first parameter). */
  classAssignments(cls: Node, attr: string): Node[] {
    const out: Node[] = [];
    for (const fn of findAll(field(cls, 'body')!, 'function_definition')) {
      const m = methodOf(field(fn, 'body') ?? fn);
      if (!m || !m.fn.equals(fn) || !m.cls.equals(cls) || !m.self) continue;
      walk(field(fn, 'body')!, (n) => {
        if (n.type === 'function_definition' || n.type === 'class_definition' || n.type === 'lambda') return false;
        if (n.type === 'assignment' && dotted(field(n, 'left')) === `${m.self}.${attr}` && field(n, 'right')) out.push(n);
      });
    }
    return out;
  }

  private async call(mod: PyModule, e: Node, st: State): Promise<PyFlowResult> {
    const fnNode = field(e, 'function')!;
    // `kwargs.get("key")` on a `**kwargs` parameter.
    if (fnNode.type === 'attribute' && field(fnNode, 'attribute')?.text === 'get') {
      const obj = unparen(field(fnNode, 'object'));
      const key = stringValue(callArgs(e)?.positional[0]);
      const kwargs = obj?.type === 'identifier' ? this.kwargsParam(mod, obj) : undefined;
      if (kwargs && key !== undefined) return this.param(mod, kwargs.fn, kwargs.name, st, key);
    }
    const target = await this.callee(mod, e, st);
    if (!target) return this.origin(mod, e, st);
    const returns = this.returns(target.fn);
    if (returns.length === 0) return fail('not-found', `${this.fnLabel(target.mod, target.fn)} returns nothing this codemod can follow`);
    const callers = (await this.callSites(target.mod, target.fn)).length;
    const inner: State = {
      ...st,
      frame: { fn: target.fn, call: e, mod, bound: target.bound, parent: st.frame },
      via: [...st.via, { fn: target.fn, mod: target.mod, callers }],
    };
    return merge(...(await Promise.all(returns.map((r) => this.values(target.mod, r, inner)))));
  }

  /** The project function a call runs: `self.method()`, `helper()`, an imported or module function, a static method. */
  private async callee(mod: PyModule, e: Node, st: State): Promise<{ mod: PyModule; fn: Node; bound: boolean } | undefined> {
    const fn = unparen(field(e, 'function'))!;
    if (fn.type === 'identifier') {
      const b = findBinding(mod, fn.text, fn);
      return this.asFunction(b);
    }
    if (fn.type !== 'attribute') return undefined;
    const obj = unparen(field(fn, 'object'))!;
    const name = field(fn, 'attribute')!.text;
    const m = methodOf(fn);
    if (obj.type === 'identifier' && m?.self && obj.text === m.self) {
      const method = this.method(m.cls, name);
      return method ? { mod, fn: method, bound: true } : undefined;
    }
    const module = await this.moduleOf(mod, obj);
    if (module) return this.asFunction(findBinding(module, name, undefined));
    if (obj.type === 'identifier') {
      const b = findBinding(mod, obj.text, obj);
      if (b?.kind === 'class') {
        const method = this.method(b.node, name);
        return method ? { mod: b.mod, fn: method, bound: false } : undefined;
      }
      if (!b || b.kind === 'import') {
        const cls = b ? await this.projectClass(mod, obj) : undefined;
        const method = cls ? this.method(cls.cls, name) : undefined;
        return method && cls ? { mod: cls.mod, fn: method, bound: false } : undefined;
      }
    }
    if (name === 'apply') return undefined;
    const objs = await this.values(mod, obj, { ...st, anchors: [], depth: st.depth + 1 });
    for (const o of objs.origins) {
      const n = unparen(o.node) ?? o.node;
      const cls = n.type === 'call' ? await this.projectClass(o.mod, field(n, 'function')!) : undefined;
      const method = cls ? this.method(cls.cls, name) : undefined;
      if (cls && method) return { mod: cls.mod, fn: method, bound: true };
    }
    return undefined;
  }

  private async asFunction(b: Binding | undefined): Promise<{ mod: PyModule; fn: Node; bound: boolean } | undefined> {
    for (let i = 0; b?.kind === 'import' && b.imported && i < 5; i++) {
      const target = await this.project.resolveModule(b.mod, b.module);
      b = target ? findBinding(target, b.imported, undefined) : undefined;
    }
    if (b?.kind === 'function') return { mod: b.mod, fn: b.node, bound: false };
    if (b?.kind === 'assign' && unparen(b.right)?.type === 'lambda') return { mod: b.mod, fn: unparen(b.right)!, bound: false };
    return undefined;
  }

  /** The expressions a function returns (not inside nested functions), or a lambda's body. */
  returns(fn: Node): Node[] {
    if (fn.type === 'lambda') return field(fn, 'body') ? [field(fn, 'body')!] : [];
    const out: Node[] = [];
    walk(field(fn, 'body')!, (n) => {
      if (n.type === 'function_definition' || n.type === 'class_definition' || n.type === 'lambda') return false;
      if (n.type === 'return_statement') {
        const v = n.namedChildren.find((c) => c && c.type !== 'comment');
        if (v) out.push(v);
      }
    });
    return out;
  }

  /** A project module an expression names (`security` from `from infra import security`). */
  async moduleOf(mod: PyModule, obj: Node): Promise<PyModule | undefined> {
    const path = dotted(obj);
    if (!path) return undefined;
    const [head, ...rest] = path.split('.');
    const b = findBinding(mod, head!, obj);
    if (b?.kind !== 'import') return undefined;
    const base = b.imported ? `${b.module}${b.module.endsWith('.') ? '' : '.'}${b.imported}` : b.module;
    const name = [base, ...rest].join('.').replace(/^(\.+)\./, '$1');
    return this.project.resolveModule(b.mod, name);
  }

  /** The class a callee names, when the project defines it. */
  async projectClass(mod: PyModule, callee: Node): Promise<{ mod: PyModule; cls: Node } | undefined> {
    let b: Binding | undefined;
    const c = unparen(callee) ?? callee;
    if (c.type === 'identifier') b = findBinding(mod, c.text, c);
    else if (c.type === 'attribute') {
      const module = await this.moduleOf(mod, field(c, 'object')!);
      b = module ? findBinding(module, field(c, 'attribute')!.text, undefined) : undefined;
    }
    for (let i = 0; b?.kind === 'import' && b.imported && i < 5; i++) {
      const target = await this.project.resolveModule(b.mod, b.module);
      b = target ? findBinding(target, b.imported, undefined) : undefined;
    }
    return b?.kind === 'class' ? { mod: b.mod, cls: b.node } : undefined;
  }

  /** Every call in the project of a function, a method (through `self`), or a class's `__init__`. */
  async callSites(mod: PyModule, fn: Node): Promise<{ call: Node; mod: PyModule; bound: boolean }[]> {
    const key = nodeKey(mod, fn);
    const hit = this.callers.get(key);
    if (hit) return hit;
    const out: { call: Node; mod: PyModule; bound: boolean }[] = [];
    this.callers.set(key, out);
    const name = field(fn, 'name')?.text;
    if (!name) return out;
    const m = methodOf(field(fn, 'body') ?? fn);
    if (m && name === '__init__') {
      const clsName = field(m.cls, 'name')?.text;
      if (!clsName) return out;
      for (const f of await this.modulesMentioning(clsName)) {
        for (const call of findAll(f.root, 'call')) {
          const callee = field(call, 'function')!;
          if ((dotted(callee) ?? '').split('.').at(-1) !== clsName) continue;
          const found = await this.projectClass(f, callee);
          if (found && found.mod.path === mod.path && found.cls.equals(m.cls)) out.push({ call, mod: f, bound: true });
        }
      }
      return out;
    }
    if (m) {
      for (const call of findAll(m.cls, 'call')) {
        const callee = field(call, 'function');
        if (callee?.type !== 'attribute' || field(callee, 'attribute')?.text !== name) continue;
        const obj = unparen(field(callee, 'object'));
        const inner = methodOf(call);
        if (obj?.type === 'identifier' && inner?.self && obj.text === inner.self) out.push({ call, mod, bound: true });
      }
      return out;
    }
    for (const f of await this.modulesMentioning(name)) {
      for (const call of findAll(f.root, 'call')) {
        if ((calleeName(call) ?? '').split('.').at(-1) !== name) continue;
        const target = await this.callee(f, call, { depth: 0, anchors: [], via: [] });
        if (target && target.mod.path === mod.path && target.fn.equals(fn)) out.push({ call, mod: f, bound: false });
      }
    }
    return out;
  }

  private async modulesMentioning(name: string): Promise<PyModule[]> {
    const re = new RegExp(`(?<![\\w])${name}(?![\\w])`);
    const out: PyModule[] = [];
    for (const path of this.files()) {
      const m = await this.project.get(path);
      if (m && re.test(m.text)) out.push(m);
    }
    return out;
  }

  fnLabel(mod: PyModule, fn: Node): string {
    const name = field(fn, 'name')?.text ?? 'a function';
    const m = methodOf(field(fn, 'body') ?? fn);
    const cls = m ? `${field(m.cls, 'name')?.text}.` : '';
    return `${cls}${name}() (${mod.path})`;
  }
}

export { paramNames };
