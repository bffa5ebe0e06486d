// Where a value in TypeScript comes from: follows variables, destructuring, object literals,
// class fields (set in the constructor or any method, getters, parameter properties), function
// and method returns, parameters (to the arguments of the call being followed, or else of every
// call in the project: props passed to a construct from another file), imports and re-exports,
// until it reaches an expression it cannot follow further (a `new`, a call into a package, a
// literal). The caller decides what the origins are (a KMS key, an imported key, a parameter).
import type { ts as TsNamespace } from 'ts-morph';
import { calleeText, findDeclaration, findExport, getProp, type Binding, type Expression, type Node, type Parsed, type SourceProject, type TS, unwrap } from './source.js';

type Fn = TsNamespace.SignatureDeclaration;
type Call = TsNamespace.CallExpression | TsNamespace.NewExpression;

/** A statement that binds the value to a name (`const key = ...`, `this.key = ...`): code can follow it. */
export interface Anchor {
  file: Parsed;
  ref: string;
  stmt: TsNamespace.Statement;
}

/** The call being followed into: its parameters are its arguments. */
export interface Frame {
  fn: Fn;
  call: Call;
  file: Parsed;
  parent?: Frame;
}

export interface Origin {
  file: Parsed;
  node: Expression;
  frame?: Frame;
  /** Statements that bound the value on its way to the use, nearest the origin first. */
  anchors: Anchor[];
  /** Functions the value was returned from, nearest the origin first, with the number of places calling each. */
  via: { fn: Fn; file: Parsed; callers: number }[];
}

export interface Failure {
  status: 'refused' | 'not-found';
  reason: string;
}

export interface Flow {
  origins: Origin[];
  failures: Failure[];
}

interface State {
  depth: number;
  frame?: Frame;
  /** Outermost first. */
  anchors: Anchor[];
  /** Outermost first. */
  via: Origin['via'];
}

/** Attributes that name a key by ARN or id: `key.keyArn` is the key. */
export const KEY_ATTRIBUTES = new Set(['arn', 'id', 'keyId', 'keyArn', 'attrArn', 'attrKeyId', 'ref']);

const MAX_DEPTH = 16;
const none = (): Flow => ({ origins: [], failures: [] });
const fail = (status: Failure['status'], reason: string): Flow => ({ origins: [], failures: [{ status, reason }] });
const merge = (...flows: Flow[]): Flow => ({ origins: flows.flatMap((f) => f.origins), failures: flows.flatMap((f) => f.failures) });

export class ValueFlow {
  private readonly callers = new Map<Fn, { call: Call; file: Parsed }[]>();

  constructor(
    private readonly ts: TS,
    private readonly project: SourceProject,
    /** Project TypeScript files, for finding the calls of a function. */
    private readonly files: () => string[],
  ) {}

  /** The origins of `expr` as seen from `file`. */
  of(file: Parsed, expr: Expression, frame?: Frame): Flow {
    return this.values(file, expr, { depth: 0, frame, anchors: [], via: [] });
  }

  private origin(file: Parsed, node: Expression, st: State): Flow {
    return { origins: [{ file, node, frame: st.frame, anchors: [...st.anchors].reverse(), via: [...st.via].reverse() }], failures: [] };
  }

  private values(file: Parsed, expr: Expression, st: State): Flow {
    const ts = this.ts;
    if (st.depth > MAX_DEPTH) return fail('refused', 'the key is reached through too many steps to follow safely');
    const next: State = { ...st, depth: st.depth + 1 };
    const e = unwrap(ts, expr);
    if (ts.isBinaryExpression(e) && [ts.SyntaxKind.QuestionQuestionToken, ts.SyntaxKind.BarBarToken].includes(e.operatorToken.kind)) {
      return merge(this.values(file, e.left, next), this.values(file, e.right, next));
    }
    if (ts.isConditionalExpression(e)) return merge(this.values(file, e.whenTrue, next), this.values(file, e.whenFalse, next));
    if (ts.isIdentifier(e)) return this.identifier(file, e, next);
    if (ts.isPropertyAccessExpression(e)) return this.member(file, e, next);
    if (ts.isCallExpression(e)) return this.call(file, e, next);
    return this.origin(file, e, st);
  }

  private identifier(file: Parsed, id: TsNamespace.Identifier, st: State): Flow {
    if (id.text === 'undefined') return none();
    const b = findDeclaration(this.ts, file, id, id.text);
    if (!b) return fail('not-found', `cannot find where '${id.text}' is declared`);
    return this.binding(b, id, st);
  }

  private binding(b: Binding, at: Expression, st: State): Flow {
    const ts = this.ts;
    switch (b.kind) {
      case 'var': {
        const ref = b.decl.name.getText(b.file.sf);
        const anchor = (stmt: TsNamespace.Statement): State => ({ ...st, anchors: [...st.anchors, { file: b.file, ref, stmt }] });
        if (b.decl.initializer) return this.values(b.file, b.decl.initializer, anchor(b.stmt));
        const assigned = this.assignments(b.file, b.stmt.parent, ref);
        if (assigned.length === 0) return fail('not-found', `'${ref}' is declared without a value`);
        return merge(...assigned.map((a) => this.values(b.file, (a.expression as TsNamespace.BinaryExpression).right, anchor(a))));
      }
      case 'destructured':
        return this.memberOf(b.file, this.values(b.file, b.decl.initializer!, { ...st, anchors: [] }), b.prop, st, b.decl.initializer!.getText(b.file.sf));
      case 'param':
        return this.param(b, st);
      case 'import': {
        const target = this.project.resolveModule(b.file.path, b.spec);
        if (!target) return b.spec.startsWith('.') ? fail('not-found', `cannot read module ${b.spec}`) : this.origin(b.file, at, st);
        const exp = findExport(ts, this.project, target, b.imported);
        return exp ? this.binding(exp, at, st) : fail('not-found', `${b.spec} does not export '${b.imported}'`);
      }
      case 'function':
      case 'class':
        return this.origin(b.file, at, st);
      default:
        return fail('refused', `the key '${at.getText(b.file.sf)}' is ${b.what}; this codemod cannot follow it`);
    }
  }

  private param(b: Extract<Binding, { kind: 'param' }>, st: State): Flow {
    const ts = this.ts;
    const decl = b.fn.parameters[b.index];
    const viaCall = (call: Call, file: Parsed, parent: Frame | undefined): Flow => {
      const arg = call.arguments?.[b.index];
      const inner: State = { ...st, frame: parent };
      if (!arg || (decl?.dotDotDotToken ?? false)) {
        if (decl?.initializer && !decl.dotDotDotToken) return this.values(b.file, decl.initializer, st);
        return none();
      }
      if (b.prop) return this.memberOf(file, this.values(file, arg, { ...inner, anchors: [] }), b.prop, inner, arg.getText(file.sf));
      return this.values(file, arg, inner);
    };
    for (let f = st.frame; f; f = f.parent) if (f.fn === b.fn) return viaCall(f.call, f.file, f.parent);
    const calls = this.callSites(b.file, b.fn);
    if (calls.length === 0) {
      return fail('refused', `the key is passed in (parameter '${b.name}' of ${this.fnLabel(b.file, b.fn)}) and nothing in this project calls it; add the CloudWatch Logs statement where the caller creates the key`);
    }
    return merge(...calls.map((c) => viaCall(c.call, c.file, { fn: b.fn, call: c.call, file: c.file, parent: st.frame })));
  }

  private member(file: Parsed, e: TsNamespace.PropertyAccessExpression, st: State): Flow {
    const ts = this.ts;
    const obj = unwrap(ts, e.expression);
    const prop = e.name.text;
    if (obj.kind === ts.SyntaxKind.ThisKeyword) {
      const cls = enclosingClassOf(ts, e);
      if (!cls) return fail('not-found', `'${e.getText(file.sf)}' is not inside a class`);
      return this.classMember(file, cls, prop, st);
    }
    if (ts.isIdentifier(obj)) {
      const b = findDeclaration(ts, file, obj, obj.text);
      if (b?.kind === 'import' && b.imported === '*') {
        const target = this.project.resolveModule(b.file.path, b.spec);
        if (!target) return this.origin(file, e, st);
        const exp = findExport(ts, this.project, target, prop);
        return exp ? this.binding(exp, e, st) : fail('not-found', `${b.spec} does not export '${prop}'`);
      }
    }
    // The object's own origins keep the anchors: when `.arn` names the key, they bind the key.
    return this.memberOf(file, this.values(file, obj, st), prop, st, obj.getText(file.sf), e);
  }

  /** Property `prop` of each origin of an object: an object literal's property, a project class's member, or the object itself for `.arn`. */
  private memberOf(file: Parsed, objects: Flow, prop: string, st: State, objText: string, whole?: Expression): Flow {
    const ts = this.ts;
    const out: Flow[] = [{ origins: [], failures: objects.failures }];
    const outer: State = { ...st, anchors: st.anchors };
    for (const o of objects.origins) {
      const node = unwrap(ts, o.node);
      const here: State = { ...outer, frame: o.frame };
      if (ts.isObjectLiteralExpression(node)) {
        const p = getProp(ts, node, prop);
        if (p) out.push(this.values(o.file, p.value, here));
        else if (node.properties.some((x) => ts.isSpreadAssignment(x))) out.push(fail('refused', `'${prop}' may come from a spread in ${node.getText(o.file.sf).slice(0, 60)}`));
        continue;
      }
      if (ts.isNewExpression(node)) {
        const cls = this.projectClass(o.file, node.expression);
        if (cls) {
          const ctor = cls.cls.members.find(ts.isConstructorDeclaration);
          const frame: Frame | undefined = ctor ? { fn: ctor, call: node, file: o.file, parent: o.frame } : o.frame;
          out.push(this.classMember(cls.file, cls.cls, prop, { ...here, frame }));
          continue;
        }
      }
      if (KEY_ATTRIBUTES.has(prop)) out.push({ origins: [o], failures: [] });
      else if (whole) out.push(this.origin(file, whole, outer));
      else out.push(fail('refused', `the key is ${objText}.${prop}, which this codemod cannot follow`));
    }
    return merge(...out);
  }

  /** `this.prop` of a class: a getter, a field initializer, a parameter property, or assignments in its methods. */
  private classMember(file: Parsed, cls: TsNamespace.ClassLikeDeclaration, prop: string, st: State): Flow {
    const ts = this.ts;
    const named = (m: TsNamespace.ClassElement) => m.name !== undefined && m.name.getText(file.sf) === prop;
    const getter = cls.members.find((m): m is TsNamespace.GetAccessorDeclaration => ts.isGetAccessorDeclaration(m) && named(m) && !!m.body);
    if (getter) return merge(...this.returns(getter).map((r) => this.values(file, r, st)));
    const flows: Flow[] = [];
    for (const m of cls.members) {
      if (ts.isPropertyDeclaration(m) && named(m) && m.initializer) {
        // A field initializer runs before the constructor's body: code can follow `super(...)`.
        const ctor = cls.members.find(ts.isConstructorDeclaration);
        const sup = ctor?.body?.statements.find((x) => ts.isExpressionStatement(x) && ts.isCallExpression(x.expression) && x.expression.expression.kind === ts.SyntaxKind.SuperKeyword);
        const isStatic = ts.getModifiers(m)?.some((x) => x.kind === ts.SyntaxKind.StaticKeyword) ?? false;
        const anchors = sup && !isStatic ? [...st.anchors, { file, ref: `this.${prop}`, stmt: sup }] : st.anchors;
        flows.push(this.values(file, m.initializer, { ...st, anchors }));
      }
      if (ts.isConstructorDeclaration(m)) {
        const index = m.parameters.findIndex((p) => ts.isIdentifier(p.name) && p.name.text === prop && (ts.getModifiers(p)?.length ?? 0) > 0);
        if (index >= 0) flows.push(this.param({ kind: 'param', file, name: prop, fn: m, index }, st));
      }
    }
    for (const m of cls.members) {
      const body = (ts.isConstructorDeclaration(m) || ts.isMethodDeclaration(m)) && m.body ? m.body : undefined;
      if (!body) continue;
      for (const a of this.assignments(file, body, `this.${prop}`)) {
        flows.push(this.values(file, (a.expression as TsNamespace.BinaryExpression).right, { ...st, anchors: [...st.anchors, { file, ref: `this.${prop}`, stmt: a }] }));
      }
    }
    if (flows.length === 0) {
      const base = cls.heritageClauses?.find((h) => h.token === ts.SyntaxKind.ExtendsKeyword)?.types[0]?.expression;
      const parent = base ? this.projectClass(file, base) : undefined;
      if (parent) return this.classMember(parent.file, parent.cls, prop, st);
      return fail('not-found', `cannot find where ${cls.name?.text ?? 'the class'}.${prop} is set (${file.path})`);
    }
    return merge(...flows);
  }

  private call(file: Parsed, e: TsNamespace.CallExpression, st: State): Flow {
    const target = this.callee(file, e, st);
    if (!target) return this.origin(file, e, st);
    const returns = this.returns(target.fn);
    if (returns.length === 0) return fail('not-found', `${this.fnLabel(target.file, target.fn)} returns nothing this codemod can follow`);
    const callers = this.callSites(target.file, target.fn).length;
    const inner: State = {
      ...st,
      frame: { fn: target.fn, call: e, file, parent: st.frame },
      via: [...st.via, { fn: target.fn, file: target.file, callers }],
    };
    return merge(...returns.map((r) => this.values(target.file, r, inner)));
  }

  /** The project function a call runs: `this.method()`, `helper()`, an imported or namespaced function, a project object's method. */
  private callee(file: Parsed, e: TsNamespace.CallExpression, st: State): { file: Parsed; fn: TsNamespace.FunctionLikeDeclaration } | undefined {
    const ts = this.ts;
    const callee = unwrap(ts, e.expression);
    const asFn = (b: Binding | undefined): { file: Parsed; fn: TsNamespace.FunctionLikeDeclaration } | undefined => {
      if (!b) return undefined;
      if (b.kind === 'function') return { file: b.file, fn: b.fn };
      if (b.kind === 'var' && b.decl.initializer) {
        const init = unwrap(ts, b.decl.initializer);
        if (ts.isArrowFunction(init) || ts.isFunctionExpression(init)) return { file: b.file, fn: init };
      }
      if (b.kind === 'import') {
        const target = this.project.resolveModule(b.file.path, b.spec);
        const exp = target && b.imported !== '*' ? findExport(ts, this.project, target, b.imported) : undefined;
        return exp?.kind === 'import' ? undefined : asFn(exp);
      }
      return undefined;
    };
    if (ts.isIdentifier(callee)) return asFn(findDeclaration(ts, file, callee, callee.text));
    if (!ts.isPropertyAccessExpression(callee)) return undefined;
    const name = callee.name.text;
    const obj = unwrap(ts, callee.expression);
    const method = (f: Parsed, cls: TsNamespace.ClassLikeDeclaration) => {
      const m = cls.members.find((x) => x.name?.getText(f.sf) === name);
      if (m && ts.isMethodDeclaration(m) && m.body) return { file: f, fn: m };
      if (m && ts.isPropertyDeclaration(m) && m.initializer) {
        const init = unwrap(ts, m.initializer);
        if (ts.isArrowFunction(init) || ts.isFunctionExpression(init)) return { file: f, fn: init };
      }
      return undefined;
    };
    if (obj.kind === ts.SyntaxKind.ThisKeyword) {
      const cls = enclosingClassOf(ts, callee);
      return cls ? method(file, cls) : undefined;
    }
    if (ts.isIdentifier(obj)) {
      const b = findDeclaration(ts, file, obj, obj.text);
      if (b?.kind === 'import' && b.imported === '*') {
        const target = this.project.resolveModule(b.file.path, b.spec);
        return target ? asFn(findExport(ts, this.project, target, name)) : undefined;
      }
      if (b?.kind === 'class') {
        // A static factory: `KeyFactory.create(...)`.
        const m = b.decl.members.find((x) => x.name?.getText(b.file.sf) === name);
        return m && ts.isMethodDeclaration(m) && m.body ? { file: b.file, fn: m } : undefined;
      }
      if (!b || b.kind === 'import') return undefined;
    }
    // A method of a project object: `keys.create(...)` where `keys = new KeyFactory(...)`.
    if (name === 'apply' || name === 'then') return undefined;
    const objs = this.values(file, obj, { ...st, anchors: [], depth: st.depth + 1 });
    for (const o of objs.origins) {
      const n = unwrap(ts, o.node);
      const cls = ts.isNewExpression(n) ? this.projectClass(o.file, n.expression) : undefined;
      const m = cls ? method(cls.file, cls.cls) : undefined;
      if (m) return m;
    }
    return undefined;
  }

  /** The expressions a function returns (an arrow's body; `return x` not inside nested functions). */
  returns(fn: TsNamespace.SignatureDeclaration): Expression[] {
    const ts = this.ts;
    const body = (fn as TsNamespace.FunctionLikeDeclaration).body;
    if (!body) return [];
    if (!ts.isBlock(body)) return [body];
    const out: Expression[] = [];
    const visit = (n: Node): void => {
      if (ts.isFunctionLike(n) || ts.isClassLike(n)) return;
      if (ts.isReturnStatement(n) && n.expression) out.push(n.expression);
      n.forEachChild(visit);
    };
    body.forEachChild(visit);
    return out;
  }

  /** `<ref> = <value>;` statements under `container` (not inside nested functions or classes). */
  assignments(file: Parsed, container: Node, ref: string): TsNamespace.ExpressionStatement[] {
    const ts = this.ts;
    const out: TsNamespace.ExpressionStatement[] = [];
    const visit = (n: Node): void => {
      if (ts.isFunctionDeclaration(n) || ts.isFunctionExpression(n) || ts.isClassLike(n) || ts.isArrowFunction(n)) return;
      if (ts.isExpressionStatement(n) && ts.isBinaryExpression(n.expression) && n.expression.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
        if (n.expression.left.getText(file.sf).replace(/\s+/g, '') === ref) out.push(n);
      }
      n.forEachChild(visit);
    };
    container.forEachChild(visit);
    return out;
  }

  /** The class a constructor expression names, when the project defines it. */
  projectClass(file: Parsed, callee: Expression): { file: Parsed; cls: TsNamespace.ClassLikeDeclaration } | undefined {
    const ts = this.ts;
    let b: Binding | undefined;
    const c = unwrap(ts, callee);
    if (ts.isIdentifier(c)) b = findDeclaration(ts, file, c, c.text);
    else if (ts.isPropertyAccessExpression(c) && ts.isIdentifier(c.expression)) {
      const ns = findDeclaration(ts, file, c.expression, c.expression.text);
      if (ns?.kind === 'import' && ns.imported === '*') {
        const target = this.project.resolveModule(ns.file.path, ns.spec);
        b = target ? findExport(ts, this.project, target, c.name.text) : undefined;
      }
    }
    for (let i = 0; b?.kind === 'import' && i < 5; i++) {
      const target = this.project.resolveModule(b.file.path, b.spec);
      b = target ? findExport(ts, this.project, target, b.imported) : undefined;
    }
    return b?.kind === 'class' ? { file: b.file, cls: b.decl } : undefined;
  }

  /** Every call in the project of a constructor, method or function. */
  callSites(file: Parsed, fn: Fn): { call: Call; file: Parsed }[] {
    const hit = this.callers.get(fn);
    if (hit) return hit;
    const ts = this.ts;
    const out: { call: Call; file: Parsed }[] = [];
    this.callers.set(fn, out);
    const cls = ts.isConstructorDeclaration(fn) ? fn.parent : undefined;
    if (cls && cls.name) {
      const name = cls.name.text;
      for (const f of this.filesMentioning(name)) {
        walk(ts, f.sf, (n) => {
          if (ts.isNewExpression(n) && calleeText(f, n.expression).split('.').at(-1) === name) {
            const found = this.projectClass(f, n.expression);
            if (found?.cls === cls) out.push({ call: n, file: f });
          }
        });
      }
      return out;
    }
    if (ts.isMethodDeclaration(fn) && ts.isClassLike(fn.parent)) {
      const owner = fn.parent;
      const name = fn.name.getText(file.sf);
      walk(ts, owner, (n) => {
        if (ts.isCallExpression(n) && ts.isPropertyAccessExpression(n.expression) && n.expression.name.text === name) {
          const obj = unwrap(ts, n.expression.expression);
          if (obj.kind === ts.SyntaxKind.ThisKeyword || (ts.isIdentifier(obj) && owner.name && obj.text === owner.name.text)) out.push({ call: n, file });
        }
      });
      return out;
    }
    // A function: by its name, where that name resolves to this function.
    const name = this.fnName(fn);
    if (!name) return out;
    for (const f of this.filesMentioning(name)) {
      walk(ts, f.sf, (n) => {
        if (!ts.isCallExpression(n)) return;
        const callee = unwrap(ts, n.expression);
        const last = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : undefined;
        if (last !== name) return;
        const target = this.callee(f, n, { depth: 0, anchors: [], via: [] });
        if (target?.fn === fn) out.push({ call: n, file: f });
      });
    }
    return out;
  }

  private filesMentioning(name: string): Parsed[] {
    const re = new RegExp(`(?<![\\w$])${name.replace(/[$]/g, '\\$')}(?![\\w$])`);
    const out: Parsed[] = [];
    for (const path of this.files()) {
      const f = this.project.get(path);
      if (f && re.test(f.text)) out.push(f);
    }
    return out;
  }

  private fnName(fn: Fn): string | undefined {
    const ts = this.ts;
    if ((ts.isFunctionDeclaration(fn) || ts.isMethodDeclaration(fn)) && fn.name) return fn.name.getText();
    const parent = fn.parent;
    if (parent && ts.isVariableDeclaration(parent) && ts.isIdentifier(parent.name)) return parent.name.text;
    return undefined;
  }

  fnLabel(file: Parsed, fn: Fn): string {
    const ts = this.ts;
    if (ts.isConstructorDeclaration(fn)) return `the ${(fn.parent as TsNamespace.ClassDeclaration).name?.text ?? 'class'} constructor (${file.path})`;
    const name = this.fnName(fn);
    const cls = ts.isMethodDeclaration(fn) && ts.isClassLike(fn.parent) ? `${fn.parent.name?.text ?? ''}.` : '';
    return `${cls}${name ?? 'a function'}() (${file.path})`;
  }
}

export function enclosingClassOf(ts: TS, node: Node): TsNamespace.ClassLikeDeclaration | undefined {
  for (let n: Node | undefined = node.parent; n; n = n.parent) {
    if (ts.isFunctionDeclaration(n) || ts.isFunctionExpression(n)) return undefined;
    if (ts.isClassLike(n)) return n;
  }
  return undefined;
}

export function walk(ts: TS, node: Node, fn: (n: Node) => void): void {
  const visit = (n: Node): void => {
    fn(n);
    n.forEachChild(visit);
  };
  node.forEachChild(visit);
}

/** The function (or method, constructor, arrow) a node sits in, if any. */
export function enclosingFunction(ts: TS, node: Node): Fn | undefined {
  for (let n: Node | undefined = node.parent; n; n = n.parent) if (ts.isFunctionLike(n)) return n;
  return undefined;
}
