// TypeScript transform (AWS CDK and Pulumi): find the log group the failure names, follow
// its key argument to where the key is created (same file, `this.x`, another construct,
// another module) and grant CloudWatch Logs use of the key there. Analysis uses the
// compiler API that ts-morph bundles; edits are text splices so comments and layout stay.
import type { ts as TsNamespace } from 'ts-morph';
import type { CodemodContext, CodemodResult } from '../../src/fix/contract.js';
import type { ResourceHint } from '../../src/types.js';
import { logGroupNames, nameScore } from './log-groups.js';
import {
  afterLineComment,
  applySplices,
  calleeText,
  escapeRe,
  enclosingClass,
  findDeclaration,
  findExport,
  getProp,
  importSource,
  lineIndent,
  rootIdentifier,
  SourceProject,
  stringPattern,
  unwrap,
  type Binding,
  type Expression,
  type Node,
  type Parsed,
  type Splice,
  type TS,
} from './source.js';
import {
  cdkLogsStatementProps,
  code,
  grantsLogs,
  jsonLogsStatement,
  jsonRootStatement,
  printValue,
  str,
  type PrintOptions,
  type Token,
  type Value,
} from './print.js';

type Flavor = 'cdk' | 'pulumi';

interface LogGroupSite {
  file: Parsed;
  node: TsNamespace.NewExpression;
  flavor: Flavor;
  id?: { exact?: string; re?: RegExp };
  name?: { exact?: string; re?: RegExp };
  keyExpr?: Expression;
  label: string;
}

type KeyDef =
  | { kind: 'cdk-l2'; file: Parsed; node: TsNamespace.NewExpression; ref: string; stmt: TsNamespace.Statement; label: string }
  | { kind: 'cdk-l1'; file: Parsed; node: TsNamespace.NewExpression; label: string }
  | { kind: 'pulumi'; file: Parsed; node: TsNamespace.NewExpression; label: string };

type Resolved = { def: KeyDef } | { status: 'refused' | 'not-found'; reason: string };

interface Outcome {
  status: 'proposed' | 'already-fixed' | 'refused' | 'not-found';
  reason: string;
  splices?: { path: string; splice: Splice }[];
}

const KEY_ATTRIBUTES = new Set(['arn', 'id', 'keyId', 'keyArn', 'attrArn', 'attrKeyId', 'ref']);

export async function addLogsKmsStatement(ctx: CodemodContext): Promise<CodemodResult> {
  const { ts } = await import('ts-morph');
  return new Transform(ts, ctx).run();
}

class Transform {
  private readonly project: SourceProject;

  constructor(
    private readonly ts: TS,
    private readonly ctx: CodemodContext,
  ) {
    this.project = new SourceProject(ts, ctx);
  }

  run(): CodemodResult {
    const sites = this.ctx.files.filter((f) => f.text.includes('LogGroup')).flatMap((f) => this.logGroupSites(this.project.get(f.path)!));
    if (sites.length === 0) return { status: 'not-found', reason: 'no log group construct (LogGroup) in the TypeScript sources', edits: {} };

    const picked = this.pickSites(sites);
    if ('status' in picked) return { status: picked.status, reason: picked.reason, edits: {} };

    // Resolve each chosen log group to the key it uses; several log groups often share one key.
    const defs = new Map<string, { def: KeyDef; sites: LogGroupSite[] }>();
    const problems: Outcome[] = [];
    for (const group of picked.groups) {
      const found = new Map<string, KeyDef>();
      for (const site of group) {
        const r = this.resolveKey(site.file, site.keyExpr!, site.flavor, 0);
        if ('def' in r) {
          const k = `${r.def.file.path}:${r.def.node.pos}`;
          found.set(k, r.def);
          const entry = defs.get(k) ?? { def: r.def, sites: [] };
          if (!entry.sites.includes(site)) entry.sites.push(site);
          defs.set(k, entry);
        } else problems.push({ status: r.status, reason: `${site.label}: ${r.reason}` });
      }
      if (found.size > 1) {
        const labels = group.map((s) => s.label).join(', ');
        return { status: 'refused', reason: `the failure could be any of ${labels}, which use different keys; pass the resource id from the log`, edits: {} };
      }
    }

    const outcomes: Outcome[] = [...defs.values()].map(({ def, sites: users }) => this.fixKey(def, users));
    const proposed = outcomes.filter((o) => o.status === 'proposed');
    const others = [...outcomes.filter((o) => o.status !== 'proposed'), ...problems];
    if (proposed.length === 0) {
      const has = (st: Outcome['status']) => others.some((o) => o.status === st);
      const status = others.length > 0 && others.every((o) => o.status === 'already-fixed') ? 'already-fixed' : has('refused') ? 'refused' : has('already-fixed') ? 'already-fixed' : 'not-found';
      return { status, reason: others.map((o) => o.reason).join('; ') || 'no key found', edits: {} };
    }
    const byPath = new Map<string, Splice[]>();
    for (const o of proposed) for (const s of o.splices ?? []) byPath.set(s.path, [...(byPath.get(s.path) ?? []), s.splice]);
    const edits: Record<string, string> = {};
    for (const [path, splices] of byPath) edits[path] = applySplices(this.project.get(path)!.text, splices);
    const notes = others.filter((o) => o.status !== 'already-fixed').map((o) => ` (not changed: ${o.reason})`);
    return { status: 'proposed', reason: proposed.map((o) => o.reason).join('; ') + notes.join(''), edits };
  }

  // ---------------------------------------------------------------------------------------
  // Log groups

  private logGroupSites(file: Parsed): LogGroupSite[] {
    const ts = this.ts;
    const out: LogGroupSite[] = [];
    const visit = (n: Node): void => {
      if (ts.isNewExpression(n) && /(?:^|\.)(?:Cfn)?LogGroup$/.test(calleeText(file, n.expression))) {
        const site = this.logGroupSite(file, n);
        if (site) out.push(site);
      }
      n.forEachChild(visit);
    };
    file.sf.forEachChild(visit);
    return out;
  }

  private logGroupSite(file: Parsed, node: TsNamespace.NewExpression): LogGroupSite | undefined {
    const ts = this.ts;
    const callee = calleeText(file, node.expression);
    const args = node.arguments ?? [];
    const flavor = this.flavorOf(file, node);
    const idArg = flavor === 'pulumi' ? args[0] : args[1];
    const props = this.objectArg(file, flavor === 'pulumi' ? args[1] : args[2]);
    const l1 = /CfnLogGroup$/.test(callee);
    const keyProp = flavor === 'cdk' && !l1 ? 'encryptionKey' : 'kmsKeyId';
    const nameProp = flavor === 'cdk' ? 'logGroupName' : 'name';
    const id = stringPattern(ts, idArg ? unwrap(ts, idArg) : undefined);
    let name = props ? stringPattern(ts, (getProp(ts, props, nameProp)?.value && unwrap(ts, getProp(ts, props, nameProp)!.value)) || undefined) : undefined;
    const prefix = flavor === 'pulumi' && props ? stringPattern(ts, getProp(ts, props, 'namePrefix')?.value) : undefined;
    if (!name && prefix?.exact !== undefined) name = { re: new RegExp(`^${escapeRe(prefix.exact)}`) };
    const line = file.sf.getLineAndCharacterOfPosition(node.getStart(file.sf)).line + 1;
    const idText = idArg ? idArg.getText(file.sf) : '?';
    return {
      file,
      node,
      flavor,
      id,
      name,
      keyExpr: props ? getProp(ts, props, keyProp)?.value : undefined,
      label: `${callee} ${idText} (${file.path}:${line})`,
    };
  }

  private flavorOf(file: Parsed, node: TsNamespace.NewExpression): Flavor {
    const root = rootIdentifier(this.ts, node.expression);
    const src = root ? importSource(this.ts, file, root) : undefined;
    if (src?.startsWith('@pulumi/')) return 'pulumi';
    if (src && /^(?:aws-cdk-lib|@aws-cdk\/)/.test(src)) return 'cdk';
    const first = node.arguments?.[0];
    return first && (this.ts.isStringLiteralLike(first) || this.ts.isTemplateExpression(first)) ? 'pulumi' : 'cdk';
  }

  private objectArg(file: Parsed, arg: Expression | undefined): TsNamespace.ObjectLiteralExpression | undefined {
    const ts = this.ts;
    if (!arg) return undefined;
    const e = unwrap(ts, arg);
    if (ts.isObjectLiteralExpression(e)) return e;
    if (ts.isIdentifier(e)) {
      const b = findDeclaration(ts, file, e, e.text);
      const init = b?.kind === 'var' && b.decl.initializer ? unwrap(ts, b.decl.initializer) : undefined;
      if (init && ts.isObjectLiteralExpression(init)) return init;
    }
    return undefined;
  }

  /** Which log groups the failure is about: by the log's resource ids and log group name. */
  private pickSites(sites: LogGroupSite[]): { groups: LogGroupSite[][] } | { status: 'not-found' | 'refused'; reason: string } {
    const hints = this.ctx.resources.filter((h) => (h.id || h.constructPath) && (!h.type || /LogGroup/i.test(h.type)));
    const names = logGroupNames(this.ctx.captures);
    const encrypted = sites.filter((s) => s.keyExpr);
    if (hints.length === 0 && names.length === 0) {
      if (encrypted.length === 0) return { status: 'not-found', reason: 'no log group in the sources is encrypted with a KMS key' };
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
      unencrypted.push(...top.filter((s) => !s.keyExpr));
      const enc = top.filter((s) => s.keyExpr);
      if (enc.length > 0) groups.push(enc);
    }
    if (groups.length > 0) return { groups };
    const wanted = [...hints.map((h) => h.id ?? h.constructPath), ...names].join(', ');
    if (unencrypted.length > 0) {
      return { status: 'not-found', reason: `${unencrypted[0]!.label} (the log group the failure names: ${wanted}) sets no KMS key, so its key policy is not the cause` };
    }
    return { status: 'not-found', reason: `no log group in the sources matches ${wanted}` };
  }

  private hintScore(site: LogGroupSite, hint: ResourceHint): number {
    let score = 0;
    const sanitize = (s: string) => s.replace(/[^A-Za-z0-9]/g, '');
    const id = site.id;
    if (hint.id && id) {
      if (id.exact === hint.id) score = 10;
      else if (id.re?.test(hint.id)) score = 6;
      else if (site.flavor === 'cdk' && id.exact) {
        // CDK logical id: the construct path's ids (less Resource/Default) run together + 8 hex digits.
        const human = hint.id.replace(/[0-9A-F]{8}$/, '');
        const cid = sanitize(id.exact);
        if (cid && human === cid) score = 9;
        else if (cid && human.endsWith(cid)) score = 5;
      }
    }
    if (hint.constructPath && id?.exact) {
      const parts = hint.constructPath.split('/').filter((p) => p && p !== 'Resource' && p !== 'Default');
      if (parts[parts.length - 1] === id.exact) score = Math.max(score, 8);
    }
    return score;
  }

  // ---------------------------------------------------------------------------------------
  // Keys

  private resolveKey(file: Parsed, expr: Expression, flavor: Flavor, depth: number): Resolved {
    const ts = this.ts;
    if (depth > 8) return { status: 'refused', reason: 'the key is reached through too many indirections to follow safely' };
    const e = unwrap(ts, expr);
    const text = e.getText(file.sf);
    if (ts.isStringLiteralLike(e) || ts.isTemplateExpression(e)) {
      return { status: 'refused', reason: `the key is given by ARN/id (${text}); its key policy is managed outside this project, add the CloudWatch Logs statement there` };
    }
    if (ts.isNewExpression(e)) return this.keyFromNew(file, e, undefined, undefined);
    if (ts.isCallExpression(e)) {
      const callee = calleeText(file, e.expression);
      if (/\.from\w+$|getKey|getAlias|\.get$|lookup/i.test(callee)) {
        return { status: 'refused', reason: `the key is imported (${callee}(...)); its key policy is managed outside this project, add the CloudWatch Logs statement there` };
      }
      return { status: 'refused', reason: `the key comes from a function call (${callee}(...)) this codemod cannot follow` };
    }
    if (ts.isIdentifier(e)) {
      const b = findDeclaration(ts, file, e, e.text);
      if (!b) return { status: 'not-found', reason: `cannot find where '${e.text}' is declared` };
      return this.resolveBinding(b, e.text, flavor, depth);
    }
    if (ts.isPropertyAccessExpression(e)) {
      const obj = unwrap(ts, e.expression);
      const prop = e.name.text;
      if (KEY_ATTRIBUTES.has(prop) && !(obj.kind === ts.SyntaxKind.ThisKeyword)) {
        const inner = this.resolveKey(file, obj, flavor, depth + 1);
        // `x.id` may be a plain object's id rather than a key's: only accept it when it leads to a key.
        if ('def' in inner || inner.status === 'refused') return inner;
      }
      if (obj.kind === ts.SyntaxKind.ThisKeyword) {
        const cls = enclosingClass(ts, e);
        if (!cls) return { status: 'not-found', reason: `'${text}' is not inside a class` };
        return this.resolveClassMember(file, cls, prop, flavor, depth);
      }
      if (ts.isIdentifier(obj)) {
        const b = findDeclaration(ts, file, obj, obj.text);
        if (b?.kind === 'param') {
          return { status: 'refused', reason: `the key is passed in (${text}); fix the key where the caller creates it` };
        }
        if (b?.kind === 'import' && b.imported === '*') {
          const target = this.project.resolveModule(b.file.path, b.spec);
          if (!target) return this.outsideProject(b.spec);
          const exp = findExport(ts, this.project, target, prop);
          return exp ? this.resolveBinding(exp, prop, flavor, depth + 1) : { status: 'not-found', reason: `${b.spec} does not export '${prop}'` };
        }
      }
      // `security.logsKey` where `security = new SecurityConstruct(...)`: follow into that class.
      const owner = this.instanceClass(file, obj, depth);
      if ('cls' in owner) return this.resolveClassMember(owner.file, owner.cls, prop, flavor, depth + 1);
      return owner;
    }
    return { status: 'refused', reason: `the key expression ${text} is not one this codemod can follow` };
  }

  private outsideProject(spec: string): Resolved {
    return spec.startsWith('.')
      ? { status: 'not-found', reason: `cannot read module ${spec}` }
      : { status: 'refused', reason: `the key comes from package ${spec}; its key policy is not in this project` };
  }

  private resolveBinding(b: Binding, name: string, flavor: Flavor, depth: number): Resolved {
    const ts = this.ts;
    switch (b.kind) {
      case 'var': {
        const ref = b.decl.name.getText(b.file.sf);
        if (b.decl.initializer) {
          const init = unwrap(ts, b.decl.initializer);
          if (ts.isNewExpression(init)) return this.keyFromNew(b.file, init, ref, b.stmt);
          return this.resolveKey(b.file, init, flavor, depth + 1);
        }
        const assigned = this.findAssignment(b.file, b.stmt.parent, ref);
        if (assigned) return this.keyFromAssignment(b.file, assigned, ref, flavor, depth);
        return { status: 'not-found', reason: `'${ref}' is declared without a value` };
      }
      case 'param':
        return { status: 'refused', reason: `the key is passed in as parameter '${b.name}'; fix the key where the caller creates it` };
      case 'import': {
        const target = this.project.resolveModule(b.file.path, b.spec);
        if (!target) return this.outsideProject(b.spec);
        const exp = findExport(ts, this.project, target, b.imported);
        return exp ? this.resolveBinding(exp, b.imported, flavor, depth + 1) : { status: 'not-found', reason: `${b.spec} does not export '${b.imported}'` };
      }
      case 'class':
        return { status: 'refused', reason: `'${name}' is a class, not a key` };
      default:
        return { status: 'refused', reason: `the key '${name}' is ${b.what}; this codemod cannot follow it` };
    }
  }

  /** `this.prop` in a class: a field initializer or an assignment in the constructor/methods. */
  private resolveClassMember(file: Parsed, cls: TsNamespace.ClassLikeDeclaration, prop: string, flavor: Flavor, depth: number): Resolved {
    const ts = this.ts;
    for (const m of cls.members) {
      if (ts.isPropertyDeclaration(m) && m.name.getText(file.sf) === prop && m.initializer) {
        const init = unwrap(ts, m.initializer);
        if (ts.isNewExpression(init)) {
          const r = this.keyFromNew(file, init, undefined, undefined);
          if ('def' in r && r.def.kind === 'cdk-l2') {
            return { status: 'refused', reason: `the key is a class field initializer (${prop}); move it into the constructor to add a statement` };
          }
          return r;
        }
        return this.resolveKey(file, init, flavor, depth + 1);
      }
      if (ts.isConstructorDeclaration(m) && m.parameters.some((p) => p.name.getText(file.sf) === prop && (ts.getModifiers(p)?.length ?? 0) > 0)) {
        return { status: 'refused', reason: `the key is passed in as constructor parameter '${prop}'; fix the key where the caller creates it` };
      }
    }
    for (const m of cls.members) {
      const body = (ts.isConstructorDeclaration(m) || ts.isMethodDeclaration(m)) && m.body ? m.body : undefined;
      if (!body) continue;
      const assigned = this.findAssignment(file, body, `this.${prop}`);
      if (assigned) return this.keyFromAssignment(file, assigned, `this.${prop}`, flavor, depth);
    }
    return { status: 'not-found', reason: `cannot find where ${cls.name?.text ?? 'the class'}.${prop} is set` };
  }

  private keyFromAssignment(file: Parsed, stmt: TsNamespace.ExpressionStatement, ref: string, flavor: Flavor, depth: number): Resolved {
    const ts = this.ts;
    const right = unwrap(ts, (stmt.expression as TsNamespace.BinaryExpression).right);
    if (ts.isNewExpression(right)) return this.keyFromNew(file, right, ref, stmt);
    return this.resolveKey(file, right, flavor, depth + 1);
  }

  /** `<ref> = <value>;` anywhere under `container` (not inside nested functions). */
  private findAssignment(file: Parsed, container: Node, ref: string): TsNamespace.ExpressionStatement | undefined {
    const ts = this.ts;
    let found: TsNamespace.ExpressionStatement | undefined;
    const visit = (n: Node): void => {
      if (found || ts.isFunctionDeclaration(n) || ts.isFunctionExpression(n) || ts.isClassLike(n)) return;
      if (ts.isExpressionStatement(n) && ts.isBinaryExpression(n.expression) && n.expression.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
        if (n.expression.left.getText(file.sf).replace(/\s+/g, '') === ref) {
          found = n;
          return;
        }
      }
      n.forEachChild(visit);
    };
    container.forEachChild(visit);
    return found;
  }

  /** The class an expression is an instance of, when it is `new SomeClass(...)` in the project. */
  private instanceClass(file: Parsed, obj: Expression, depth: number): { file: Parsed; cls: TsNamespace.ClassLikeDeclaration } | Resolved {
    const ts = this.ts;
    const text = obj.getText(file.sf);
    let init: Expression | undefined;
    let initFile = file;
    if (ts.isIdentifier(obj)) {
      const b = findDeclaration(ts, file, obj, obj.text);
      if (b?.kind === 'var' && b.decl.initializer) init = unwrap(ts, b.decl.initializer);
      else if (b?.kind === 'import') {
        const target = this.project.resolveModule(b.file.path, b.spec);
        const exp = target ? findExport(ts, this.project, target, b.imported) : undefined;
        if (exp?.kind === 'var' && exp.decl.initializer) {
          init = unwrap(ts, exp.decl.initializer);
          initFile = exp.file;
        }
      }
    } else if (ts.isPropertyAccessExpression(obj) && obj.expression.kind === ts.SyntaxKind.ThisKeyword) {
      const cls = enclosingClass(ts, obj);
      const assigned = cls ? this.findClassAssignment(file, cls, obj.name.text) : undefined;
      if (assigned) init = assigned;
    }
    if (!init || !ts.isNewExpression(init) || depth > 8) {
      return { status: 'refused', reason: `the key is reached through ${text}, which this codemod cannot follow` };
    }
    const found = this.findClass(initFile, init.expression);
    return found ?? { status: 'refused', reason: `the key is a member of ${calleeText(initFile, init.expression)}, whose source is not in this project` };
  }

  private findClassAssignment(file: Parsed, cls: TsNamespace.ClassLikeDeclaration, prop: string): Expression | undefined {
    const ts = this.ts;
    for (const m of cls.members) {
      if (ts.isPropertyDeclaration(m) && m.name.getText(file.sf) === prop && m.initializer) return unwrap(ts, m.initializer);
      const body = (ts.isConstructorDeclaration(m) || ts.isMethodDeclaration(m)) && m.body ? m.body : undefined;
      const st = body ? this.findAssignment(file, body, `this.${prop}`) : undefined;
      if (st) return unwrap(ts, (st.expression as TsNamespace.BinaryExpression).right);
    }
    return undefined;
  }

  private findClass(file: Parsed, callee: Expression): { file: Parsed; cls: TsNamespace.ClassLikeDeclaration } | undefined {
    const ts = this.ts;
    let b: Binding | undefined;
    if (ts.isIdentifier(callee)) b = findDeclaration(ts, file, callee, callee.text);
    else if (ts.isPropertyAccessExpression(callee) && ts.isIdentifier(callee.expression)) {
      const ns = findDeclaration(ts, file, callee.expression, callee.expression.text);
      if (ns?.kind === 'import' && ns.imported === '*') {
        const target = this.project.resolveModule(ns.file.path, ns.spec);
        b = target ? findExport(ts, this.project, target, callee.name.text) : undefined;
      }
    }
    for (let i = 0; b?.kind === 'import' && i < 5; i++) {
      const target = this.project.resolveModule(b.file.path, b.spec);
      b = target ? findExport(ts, this.project, target, b.imported) : undefined;
    }
    return b?.kind === 'class' ? { file: b.file, cls: b.decl } : undefined;
  }

  private keyFromNew(file: Parsed, node: TsNamespace.NewExpression, ref: string | undefined, stmt: TsNamespace.Statement | undefined): Resolved {
    const callee = calleeText(file, node.expression);
    const root = rootIdentifier(this.ts, node.expression);
    const src = (root && importSource(this.ts, file, root)) ?? '';
    const line = file.sf.getLineAndCharacterOfPosition(node.getStart(file.sf)).line + 1;
    const label = `${callee} ${node.arguments?.[this.flavorOf(file, node) === 'pulumi' ? 0 : 1]?.getText(file.sf) ?? ''} (${file.path}:${line})`;
    if (!/(?:^|\.)(?:Cfn)?Key$/.test(callee) || !(/kms/i.test(callee) || /kms/i.test(src))) {
      return { status: 'refused', reason: `the key comes from ${callee}, which is not a KMS key this codemod knows how to edit` };
    }
    if (this.flavorOf(file, node) === 'pulumi') return { def: { kind: 'pulumi', file, node, label } };
    if (/CfnKey$/.test(callee)) return { def: { kind: 'cdk-l1', file, node, label } };
    if (!ref || !stmt) {
      return { status: 'refused', reason: `the key ${label} is created inline; assign it to a variable so a statement can be added to its policy` };
    }
    return { def: { kind: 'cdk-l2', file, node, ref, stmt, label } };
  }

  // ---------------------------------------------------------------------------------------
  // Fixes

  private fixKey(def: KeyDef, users: LogGroupSite[]): Outcome {
    try {
      switch (def.kind) {
        case 'cdk-l2':
          return this.fixCdkL2(def, users);
        case 'cdk-l1':
          return this.fixCdkL1(def);
        default:
          return this.fixPulumi(def);
      }
    } catch (err) {
      return { status: 'refused', reason: `${def.label}: ${(err as Error).message}` };
    }
  }

  private fixCdkL2(def: Extract<KeyDef, { kind: 'cdk-l2' }>, users: LogGroupSite[]): Outcome {
    const ts = this.ts;
    const { file, ref } = def;
    const norm = (s: string) => s.replace(/\s+/g, '');
    // Grants already on this key: `key.addToResourcePolicy(...)`, `key.grant*(...)`, its `policy:` document.
    const receivers = new Set([norm(ref), ...users.map((u) => norm(u.keyExpr!.getText(u.file.sf)))]);
    const texts: string[] = [def.node.arguments?.[2]?.getText(file.sf) ?? ''];
    for (const f of new Set([file, ...users.map((u) => u.file)])) {
      const visit = (n: Node): void => {
        if (ts.isCallExpression(n) && ts.isPropertyAccessExpression(n.expression) && /^(?:addToResourcePolicy|grant\w*)$/.test(n.expression.name.text)) {
          if (receivers.has(norm(n.expression.expression.getText(f.sf)))) texts.push(n.getText(f.sf));
        }
        n.forEachChild(visit);
      };
      f.sf.forEachChild(visit);
    }
    if (texts.some(grantsLogs)) return { status: 'already-fixed', reason: `${def.label} already lets CloudWatch Logs use the key` };

    const tokens = this.cdkTokens(file, def.stmt, ref);
    if ('reason' in tokens) return { status: 'refused', reason: tokens.reason };
    const iam = this.iamNames(file, def.node);
    const { style } = file;
    const indent = lineIndent(file.text, def.stmt.getStart(file.sf));
    const opts: PrintOptions = { style, keyQuote: '', quote: style.quote };
    const props = printValue(cdkLogsStatementProps(tokens.region, tokens.account, style.quote, iam.servicePrincipal), indent, opts);
    const stmtText = `${ref}.addToResourcePolicy(new ${iam.policyStatement}(${props}))${style.semi ? ';' : ''}`;
    const pos = afterLineComment(file.text, def.stmt.getEnd());
    const splices: Splice[] = [{ pos, end: pos, text: `${style.eol}${indent}${stmtText}` }, ...iam.splices];
    return {
      status: 'proposed',
      reason: `${ref}.addToResourcePolicy(...) lets ${this.principalLabel(tokens.region)} use ${def.label}, the key of ${users.map((u) => u.label).join(', ')}`,
      splices: splices.map((splice) => ({ path: file.path, splice })),
    };
  }

  private fixCdkL1(def: Extract<KeyDef, { kind: 'cdk-l1' }>): Outcome {
    const ts = this.ts;
    const props = this.objectArg(def.file, def.node.arguments?.[2]);
    const policy = props ? getProp(ts, props, 'keyPolicy') : undefined;
    const doc = policy ? unwrap(ts, policy.value) : undefined;
    if (!doc || !ts.isObjectLiteralExpression(doc)) {
      return { status: 'refused', reason: `${def.label}: keyPolicy is not an object literal this codemod can edit` };
    }
    const tokens = this.cdkTokens(def.file, def.node, undefined);
    if ('reason' in tokens) return { status: 'refused', reason: tokens.reason };
    return this.appendToPolicyObject(def.file, doc, () => tokens, def.label);
  }

  /** `logs.<region>.amazonaws.com` for messages: the log's region, else the expression used. */
  private principalLabel(region: Token): string {
    const captured = this.ctx.captures.region;
    const r = typeof region === 'string' ? region : (Array.isArray(captured) ? captured[0] : captured) ?? `<${region.expr}>`;
    return `logs.${r}.amazonaws.com`;
  }

  /** Region/account expressions valid where the statement goes, else the values from the log. */
  private cdkTokens(file: Parsed, at: Node, ref: string | undefined): { region: Token; account: Token } | { reason: string } {
    const ts = this.ts;
    const cls = enclosingClass(ts, at);
    const heritage = cls?.heritageClauses?.find((h) => h.token === ts.SyntaxKind.ExtendsKeyword)?.types[0]?.expression.getText(file.sf);
    if (heritage && /(?:^|\.)\w*Stack$/.test(heritage)) return { region: { expr: 'this.region' }, account: { expr: 'this.account' } };
    const scope = cls ? 'this' : ref;
    const stackOf = scope ? this.cdkStackOf(file) : undefined;
    if (stackOf && scope) return { region: { expr: `${stackOf}.of(${scope}).region` }, account: { expr: `${stackOf}.of(${scope}).account` } };
    return this.capturedTokens();
  }

  private cdkStackOf(file: Parsed): string | undefined {
    const ts = this.ts;
    for (const st of file.sf.statements) {
      if (!ts.isImportDeclaration(st) || !st.importClause || !ts.isStringLiteral(st.moduleSpecifier)) continue;
      if (!/^(?:aws-cdk-lib|@aws-cdk\/core)$/.test(st.moduleSpecifier.text)) continue;
      const c = st.importClause;
      const nb = c.namedBindings;
      if (nb && ts.isNamespaceImport(nb)) return `${nb.name.text}.Stack`;
      if (c.name) return `${c.name.text}.Stack`;
      if (nb && ts.isNamedImports(nb)) {
        const el = nb.elements.find((x) => (x.propertyName ?? x.name).text === 'Stack');
        if (el) return el.name.text;
      }
    }
    return undefined;
  }

  private capturedTokens(): { region: Token; account: Token } | { reason: string } {
    const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
    const arn = one(this.ctx.captures.logGroup);
    const m = arn ? /^arn:aws[\w-]*:logs:([\w-]+):(\d{12}):/.exec(arn) : null;
    const region = one(this.ctx.captures.region) ?? m?.[1];
    const account = one(this.ctx.captures.account) ?? m?.[2];
    if (!region) return { reason: 'no region in scope in the code and none in the log; cannot name the regional CloudWatch Logs principal' };
    return { region, account: account ?? '*' };
  }

  /** Names for PolicyStatement/ServicePrincipal, reusing an aws-iam import or adding one. */
  private iamNames(file: Parsed, keyNode: TsNamespace.NewExpression): { policyStatement: string; servicePrincipal: string; splices: Splice[] } {
    const ts = this.ts;
    const { sf, style } = file;
    const q = style.quote;
    const imports = sf.statements.filter(ts.isImportDeclaration).filter((st) => ts.isStringLiteral(st.moduleSpecifier));
    const spec = (st: TsNamespace.ImportDeclaration) => (st.moduleSpecifier as TsNamespace.StringLiteral).text;
    let cdkRootNamed: TsNamespace.NamedImports | undefined;
    for (const st of imports) {
      const c = st.importClause;
      if (!c || c.isTypeOnly) continue;
      const nb = c.namedBindings;
      if (/^(?:aws-cdk-lib\/aws-iam|@aws-cdk\/aws-iam)$/.test(spec(st))) {
        if (nb && ts.isNamespaceImport(nb)) return { policyStatement: `${nb.name.text}.PolicyStatement`, servicePrincipal: `${nb.name.text}.ServicePrincipal`, splices: [] };
        if (c.name) return { policyStatement: `${c.name.text}.PolicyStatement`, servicePrincipal: `${c.name.text}.ServicePrincipal`, splices: [] };
        if (nb && ts.isNamedImports(nb)) {
          const local = (n: string) => nb.elements.find((x) => (x.propertyName ?? x.name).text === n)?.name.text;
          const missing = ['PolicyStatement', 'ServicePrincipal'].filter((n) => !local(n));
          const splices = missing.length ? [this.addNamedImport(file, nb, missing)] : [];
          return { policyStatement: local('PolicyStatement') ?? 'PolicyStatement', servicePrincipal: local('ServicePrincipal') ?? 'ServicePrincipal', splices };
        }
      }
      if (spec(st) === 'aws-cdk-lib' && nb && ts.isNamedImports(nb)) {
        const el = nb.elements.find((x) => (x.propertyName ?? x.name).text === 'aws_iam');
        if (el) return { policyStatement: `${el.name.text}.PolicyStatement`, servicePrincipal: `${el.name.text}.ServicePrincipal`, splices: [] };
        if (nb.elements.some((x) => (x.propertyName ?? x.name).text.startsWith('aws_'))) cdkRootNamed = nb;
      }
    }
    const names = { policyStatement: 'iam.PolicyStatement', servicePrincipal: 'iam.ServicePrincipal' };
    // `import { aws_kms as kms } from 'aws-cdk-lib'` style: add `aws_iam as iam` to that list.
    if (cdkRootNamed) return { ...names, splices: [this.addNamedImport(file, cdkRootNamed, ['aws_iam as iam'])] };
    const keySrc = importSource(ts, file, rootIdentifier(ts, keyNode.expression) ?? '') ?? '';
    const pkg = keySrc.startsWith('@aws-cdk/') ? '@aws-cdk/aws-iam' : 'aws-cdk-lib/aws-iam';
    const line = `import * as iam from ${q}${pkg}${q}${style.semi ? ';' : ''}`;
    const cdkImports = imports.filter((st) => /^(?:aws-cdk-lib|@aws-cdk\/)/.test(spec(st)));
    const after = cdkImports.find((st) => spec(st).startsWith(pkg.replace(/iam$/, '')) && spec(st) > pkg);
    if (after) {
      const pos = after.getStart(sf);
      return { ...names, splices: [{ pos, end: pos, text: `${line}${style.eol}` }] };
    }
    const last = cdkImports[cdkImports.length - 1] ?? imports[imports.length - 1];
    const pos = last ? afterLineComment(file.text, last.getEnd()) : 0;
    return { ...names, splices: [{ pos, end: pos, text: last ? `${style.eol}${line}` : `${line}${style.eol}` }] };
  }

  /** Adds names to `{ a, b }`, before the first element that sorts after them, in the list's layout. */
  private addNamedImport(file: Parsed, nb: TsNamespace.NamedImports, names: string[]): Splice {
    const { text, style, sf } = file;
    const els = nb.elements;
    const last = els[els.length - 1];
    if (!last) {
      const pos = nb.getStart(sf) + 1;
      return { pos, end: pos, text: ` ${names.join(', ')} ` };
    }
    const multi = text.slice(nb.getStart(sf), els[0]!.getStart(sf)).includes('\n');
    const key = names[0]!.toLowerCase();
    const before = els.find((el) => (el.propertyName ?? el.name).text.toLowerCase() > key);
    if (before) {
      const pos = before.getStart(sf);
      const sep = multi ? `,${style.eol}${lineIndent(text, pos)}` : ', ';
      return { pos, end: pos, text: `${names.join(sep)}${sep}` };
    }
    if (multi) {
      const indent = lineIndent(text, last.getStart(sf));
      const pos = els.hasTrailingComma ? els.end : last.getEnd();
      const add = names.map((n) => `${style.eol}${indent}${n}`).join(',');
      return els.hasTrailingComma ? { pos, end: pos, text: `${add},` } : { pos, end: pos, text: `,${add}` };
    }
    const pos = last.getEnd();
    return { pos, end: pos, text: `, ${names.join(', ')}` };
  }

  // Pulumi ----------------------------------------------------------------------------------

  private fixPulumi(def: Extract<KeyDef, { kind: 'pulumi' }>): Outcome {
    const ts = this.ts;
    const { file, node } = def;
    const propsArg = node.arguments?.[1];
    const props = this.objectArg(file, propsArg);
    if (propsArg && !props) return { status: 'refused', reason: `${def.label}: its arguments are not an object literal this codemod can edit` };
    const policy = props ? getProp(ts, props, 'policy') : undefined;
    if (policy) {
      const target = this.policyTarget(file, policy.value, 0);
      if ('reason' in target) return { status: 'refused', reason: `${def.label}: ${target.reason}` };
      return this.appendToPolicyObject(file, target.obj, (existing) => this.pulumiTokens(file, target.obj, existing, target.apply), def.label);
    }
    // No policy: AWS applies the default key policy today, but a policy we write replaces it,
    // so it must keep the account-root statement or the account loses control of the key.
    const separate = this.ctx.files.find((f) => /KeyPolicy\s*\(/.test(f.text));
    if (separate) return { status: 'refused', reason: `${def.label} has no inline policy and ${separate.path} declares a KeyPolicy resource; add the CloudWatch Logs statement there` };
    return this.writePulumiPolicy(def, props);
  }

  /** The object literal that holds the policy document, and the `.apply` it sits in, if any. */
  private policyTarget(file: Parsed, expr: Expression, depth: number): { obj: TsNamespace.ObjectLiteralExpression; apply?: TsNamespace.CallExpression } | { reason: string } {
    const ts = this.ts;
    const e = unwrap(ts, expr);
    if (depth > 5) return { reason: 'the policy is built through too many indirections' };
    if (ts.isObjectLiteralExpression(e)) return { obj: e };
    if (ts.isIdentifier(e)) {
      const b = findDeclaration(ts, file, e, e.text);
      if (b?.kind === 'var' && b.decl.initializer) return this.policyTarget(b.file, b.decl.initializer, depth + 1);
      return { reason: `the policy comes from '${e.text}', which this codemod cannot follow` };
    }
    if (ts.isCallExpression(e)) {
      const callee = calleeText(file, e.expression);
      if (/(?:^|\.)(?:JSON\.stringify|jsonStringify)$/.test(callee) && e.arguments[0]) {
        const doc = this.policyTarget(file, e.arguments[0], depth + 1);
        return doc;
      }
      if (ts.isPropertyAccessExpression(e.expression) && e.expression.name.text === 'apply') {
        const fn = e.arguments[0] ? unwrap(ts, e.arguments[0]) : undefined;
        if (!fn || !(ts.isArrowFunction(fn) || ts.isFunctionExpression(fn))) return { reason: 'the policy is built in an .apply(...) callback this codemod cannot read' };
        const body = this.returnedExpression(fn);
        if (!body) return { reason: 'the .apply(...) callback does not return a single JSON.stringify(...) this codemod can edit' };
        const inner = this.policyTarget(file, body, depth + 1);
        return 'obj' in inner ? { obj: inner.obj, apply: inner.apply ?? e } : inner;
      }
      return { reason: `the policy is built by ${callee}(...); edit it by hand` };
    }
    if (ts.isStringLiteralLike(e) || ts.isTemplateExpression(e) || ts.isTaggedTemplateExpression(e)) {
      return { reason: 'the policy is a raw JSON string; edit it by hand (or turn it into JSON.stringify({...}))' };
    }
    return { reason: `the policy expression ${e.getText(file.sf).slice(0, 60)} is not one this codemod can edit` };
  }

  private returnedExpression(fn: TsNamespace.ArrowFunction | TsNamespace.FunctionExpression): Expression | undefined {
    const ts = this.ts;
    if (!ts.isBlock(fn.body)) return fn.body;
    const returns = fn.body.statements.filter(ts.isReturnStatement);
    return returns.length === 1 ? returns[0]!.expression : undefined;
  }

  /** Appends the logs statement to `{ Version, Statement: [...] }`; already there -> already-fixed. */
  private appendToPolicyObject(
    file: Parsed,
    doc: TsNamespace.ObjectLiteralExpression,
    tokensFor: (existing: string[]) => { region: Token; account: Token } | { reason: string },
    label: string,
  ): Outcome {
    const ts = this.ts;
    const statementProp = getProp(ts, doc, 'Statement');
    const list = statementProp ? unwrap(ts, statementProp.value) : undefined;
    if (!list || !ts.isArrayLiteralExpression(list)) {
      if (grantsLogs(doc.getText(file.sf))) return { status: 'already-fixed', reason: `${label} already lets CloudWatch Logs use the key` };
      return { status: 'refused', reason: `${label}: the policy's Statement is not an array literal this codemod can edit` };
    }
    if (list.elements.some((el) => grantsLogs(el.getText(file.sf)))) {
      return { status: 'already-fixed', reason: `${label} already has a statement for CloudWatch Logs` };
    }
    const tokens = tokensFor(this.templateSpans(file, doc));
    if ('reason' in tokens) return { status: 'refused', reason: `${label}: ${tokens.reason}` };
    const opts = this.jsonStyle(file, list);
    const splice = this.appendItem(file, list, list.elements, (base) => printValue(jsonLogsStatement(tokens.region, tokens.account, opts.quote), base, opts));
    return { status: 'proposed', reason: `added a key-policy statement that lets ${this.principalLabel(tokens.region)} use ${label}`, splices: [{ path: file.path, splice }] };
  }

  /** Key and value quotes as the existing statements write them. */
  private jsonStyle(file: Parsed, list: TsNamespace.ArrayLiteralExpression): PrintOptions {
    const ts = this.ts;
    let keyQuote = '';
    let quote = file.style.quote;
    const first = list.elements.find(ts.isObjectLiteralExpression);
    const prop = first?.properties.find(ts.isPropertyAssignment);
    if (prop && ts.isStringLiteral(prop.name)) keyQuote = prop.name.getText(file.sf)[0]!;
    if (prop && ts.isStringLiteral(prop.initializer)) quote = prop.initializer.getText(file.sf)[0]!;
    return { style: file.style, keyQuote, quote };
  }

  /** `${expr}` parts of template strings in the policy, with the literal text before each. */
  private templateSpans(file: Parsed, doc: Node): string[] {
    const ts = this.ts;
    const out: string[] = [];
    const visit = (n: Node): void => {
      if (ts.isTemplateExpression(n)) {
        let before = n.head.text;
        for (const span of n.templateSpans) {
          out.push(`${before}\u0000${span.expression.getText(file.sf)}`);
          before = span.literal.text;
        }
      }
      n.forEachChild(visit);
    };
    visit(doc);
    return out;
  }

  /** Inserts an element after the last one of an array/object literal, in its layout. */
  private appendItem(file: Parsed, lit: Node, elements: TsNamespace.NodeArray<Node>, item: (base: string) => string): Splice {
    const { text, style } = file;
    const { sf } = file;
    const last = elements[elements.length - 1];
    const litStart = lit.getStart(sf);
    const litIndent = lineIndent(text, litStart);
    if (!last) {
      const base = litIndent + style.unit;
      const open = text[litStart]!;
      const close = text[lit.getEnd() - 1]!;
      return { pos: litStart, end: lit.getEnd(), text: `${open}${style.eol}${base}${item(base)}${style.trailingComma ? ',' : ''}${style.eol}${litIndent}${close}` };
    }
    const multi = text.slice(litStart + 1, elements[0]!.getStart(sf)).includes('\n');
    if (multi) {
      const base = lineIndent(text, last.getStart(sf));
      if (elements.hasTrailingComma) {
        const pos = afterLineComment(text, elements.end);
        return { pos, end: pos, text: `${style.eol}${base}${item(base)},` };
      }
      const pos = last.getEnd();
      return { pos, end: pos, text: `,${style.eol}${base}${item(base)}` };
    }
    // `{ description: 'x' }` on one line: lay it out one property per line rather than
    // hanging a multi-line policy off the end (only when nothing but commas sits between).
    const litText = text.slice(litStart, lit.getEnd());
    const gaps = elements.slice(1).map((el, i) => text.slice(elements[i]!.getEnd(), el.getStart(sf)));
    if (this.ts.isObjectLiteralExpression(lit) && !litText.includes('\n') && gaps.every((g) => /^\s*,\s*$/.test(g))) {
      const base = litIndent + style.unit;
      const lines = [...elements.map((el) => el.getText(sf)), item(base)].map((t) => `${base}${t}`);
      return { pos: litStart, end: lit.getEnd(), text: `{${style.eol}${lines.join(`,${style.eol}`)}${style.trailingComma ? ',' : ''}${style.eol}${litIndent}}` };
    }
    const base = lineIndent(text, last.getEnd());
    const pos = last.getEnd();
    return { pos, end: pos, text: `, ${item(base)}` };
  }

  /** Region/account for a statement inside an existing Pulumi policy. */
  private pulumiTokens(file: Parsed, at: Node, existing: string[], apply: TsNamespace.CallExpression | undefined): { region: Token; account: Token } | { reason: string } {
    // The policy's own template parts are valid where the new statement goes: reuse them first.
    const fromPolicy = (re: RegExp) => existing.find((s) => re.test(s.split('\u0000')[0]!))?.split('\u0000')[1];
    const params = apply ? this.applyParams(file, apply) : { region: undefined, account: undefined };
    const scope = this.pulumiScope(file, at);
    const captured = this.capturedTokens();
    const pick = (fromCode: string | undefined, plain: string | undefined, fallback: Token | undefined): Token | undefined => fromCode ? { expr: fromCode } : plain ? { expr: plain } : fallback;
    const region = pick(fromPolicy(/(?:arn:aws[\w-]*:[\w-]+:|logs\.)$/) ?? params.region, scope.region?.plain, 'reason' in captured ? undefined : captured.region);
    const account = pick(fromPolicy(/(?:arn:aws[\w-]*:iam::|arn:aws[\w-]*:[\w-]+:[^:]*:)$/) ?? params.account, scope.account?.plain, 'reason' in captured ? undefined : captured.account);
    if (!region) return { reason: 'no region in scope in the code and none in the log' };
    return { region, account: account ?? '*' };
  }

  /** What the `.apply` callback's parameters hold: `pulumi.all([current.accountId, region.name])`. */
  private applyParams(file: Parsed, apply: TsNamespace.CallExpression): { region?: string; account?: string } {
    const ts = this.ts;
    const fn = unwrap(ts, apply.arguments[0]!) as TsNamespace.ArrowFunction;
    const source = unwrap(ts, (apply.expression as TsNamespace.PropertyAccessExpression).expression);
    let pairs: [string, string][] = [];
    const p0 = fn.parameters[0]?.name;
    if (ts.isCallExpression(source) && /(?:^|\.)all$/.test(calleeText(file, source.expression)) && source.arguments[0]) {
      const arr = unwrap(ts, source.arguments[0]);
      if (ts.isArrayLiteralExpression(arr) && p0 && ts.isArrayBindingPattern(p0)) {
        pairs = arr.elements.flatMap((el, i) => {
          const b = p0.elements[i];
          return b && ts.isBindingElement(b) && ts.isIdentifier(b.name) ? [[el.getText(file.sf), b.name.text] as [string, string]] : [];
        });
      }
    } else if (p0 && ts.isIdentifier(p0)) {
      pairs = [[source.getText(file.sf), p0.text]];
    }
    const out: { region?: string; account?: string } = {};
    for (const [el, p] of pairs) {
      const kind = this.outputKind(file, source, el);
      if (kind === 'account' || kind === 'identity') out.account ??= kind === 'identity' ? `${p}.accountId` : p;
      if (kind === 'region' || kind === 'regionResult') out.region ??= kind === 'regionResult' ? `${p}.${this.regionField(file, el)}` : p;
    }
    return out;
  }

  private outputKind(file: Parsed, at: Node, el: string): 'account' | 'identity' | 'region' | 'regionResult' | undefined {
    if (/\.accountId$|^account(?:Id)?$/i.test(el)) return 'account';
    if (/config\.region$|region\w*\.(?:name|region|id)$|^region(?:Name)?$/i.test(el)) return 'region';
    const id = /^[\w$]+$/.test(el) ? el : undefined;
    const b = id ? findDeclaration(this.ts, file, at, id) : undefined;
    const init = b?.kind === 'var' ? b.decl.initializer?.getText(file.sf) ?? '' : '';
    if (/getCallerIdentity/.test(init) || /caller|identity/i.test(el)) return 'identity';
    if (/getRegion/.test(init)) return 'regionResult';
    return undefined;
  }

  private regionField(file: Parsed, name: string): string {
    if (new RegExp(`(?<![\\w$])${escapeRe(name)}\\.region\\b`).test(file.text)) return 'region';
    return 'name';
  }

  /** Region/account values in scope at `at`: plain strings usable anywhere, or Outputs/promises. */
  private pulumiScope(file: Parsed, at: Node): { region?: { plain?: string; output?: string }; account?: { plain?: string; output?: string; promise?: string } } {
    const ts = this.ts;
    const out: ReturnType<Transform['pulumiScope']> = {};
    const visible: TsNamespace.VariableDeclaration[] = [];
    const visit = (n: Node): void => {
      if (ts.isVariableDeclaration(n) && ts.isIdentifier(n.name) && n.initializer && n.getEnd() <= at.getStart(file.sf)) {
        const container = n.parent.parent.parent; // VariableDeclarationList -> VariableStatement -> Block/SourceFile
        for (let p: Node | undefined = at.parent; p; p = p.parent) if (p === container) visible.push(n);
      }
      n.forEachChild(visit);
    };
    file.sf.forEachChild(visit);
    for (const d of visible) {
      const name = (d.name as TsNamespace.Identifier).text;
      const init = d.initializer!.getText(file.sf);
      const isOutput = /Output\(|\.apply\(|interpolate|pulumi\.output|pulumi\.all/.test(init);
      const awaited = /^\s*await\b/.test(init);
      if (/getCallerIdentity/.test(init)) {
        const field = /\.accountId\s*$/.test(init) ? name : `${name}.accountId`;
        if (awaited) out.account = { plain: field };
        else if (isOutput) out.account ??= { output: field };
        else out.account ??= { promise: name };
      } else if (/getRegion/.test(init)) {
        const field = /\.(?:name|region|id)\s*$/.test(init) ? name : `${name}.${this.regionField(file, name)}`;
        if (awaited) out.region = { plain: field };
        else if (isOutput) out.region ??= { output: field };
      } else if (/^(?:region|regionName|awsRegion)$/.test(name)) {
        out.region = isOutput ? { output: name } : { plain: name };
      } else if (/^(?:account|accountId|awsAccountId)$/.test(name)) {
        out.account = isOutput ? { output: name } : { plain: name };
      }
    }
    const awsNs = this.namespaceImport(file, '@pulumi/aws');
    if (!out.region?.plain && awsNs && file.text.includes(`${awsNs}.config.region`)) out.region = { plain: `${awsNs}.config.region` };
    return out;
  }

  private namespaceImport(file: Parsed, spec: string): string | undefined {
    const ts = this.ts;
    for (const st of file.sf.statements) {
      if (!ts.isImportDeclaration(st) || !ts.isStringLiteral(st.moduleSpecifier) || st.moduleSpecifier.text !== spec) continue;
      const nb = st.importClause?.namedBindings;
      if (nb && ts.isNamespaceImport(nb)) return nb.name.text;
      if (st.importClause?.name) return st.importClause.name.text;
    }
    return undefined;
  }

  /** A key with no policy: write one that keeps the account root and adds CloudWatch Logs. */
  private writePulumiPolicy(def: Extract<KeyDef, { kind: 'pulumi' }>, props: TsNamespace.ObjectLiteralExpression | undefined): Outcome {
    const { file, node } = def;
    const { style } = file;
    const scope = this.pulumiScope(file, node);
    const captured = this.capturedTokens();
    const inputs: { element: string; param: string }[] = [];
    let region: Token | undefined;
    let account: Token | undefined;
    if (scope.region?.plain) region = { expr: scope.region.plain };
    else if (scope.region?.output) {
      inputs.push({ element: scope.region.output, param: 'region' });
      region = { expr: 'region' };
    } else if (!('reason' in captured)) region = captured.region;
    if (scope.account?.plain) account = { expr: scope.account.plain };
    else if (scope.account?.output || scope.account?.promise) {
      inputs.push({ element: scope.account.output ?? scope.account.promise!, param: scope.account.output ? 'accountId' : 'identity' });
      account = { expr: scope.account.output ? 'accountId' : 'identity.accountId' };
    } else if (!('reason' in captured) && captured.account !== '*') account = captured.account;
    if (!region) return { status: 'refused', reason: `${def.label}: no region in scope in the code and none in the log` };
    if (!account) return { status: 'refused', reason: `${def.label} has no policy, and without the account id a new policy would lock the account out of the key` };

    const q = style.quote;
    const opts: PrintOptions = { style, keyQuote: '', quote: q };
    const doc: Value = {
      Version: code(`${q}2012-10-17${q}`),
      Statement: [jsonRootStatement(account, q), jsonLogsStatement(region, account, q)],
    };
    const splices: Splice[] = [];
    let pulumiNs = this.namespaceImport(file, '@pulumi/pulumi');
    if (inputs.length > 0 && !pulumiNs) {
      pulumiNs = 'pulumi';
      const first = file.sf.statements.find(this.ts.isImportDeclaration);
      const pos = first ? first.getStart(file.sf) : 0;
      splices.push({ pos, end: pos, text: `import * as pulumi from ${q}@pulumi/pulumi${q}${style.semi ? ';' : ''}${style.eol}` });
    }
    const policy = (base: string): string => {
      if (inputs.length === 0) return `policy: JSON.stringify(${printValue(doc, base, opts)})`;
      const inner = base + style.unit;
      const all = `${pulumiNs}.all([${inputs.map((i) => i.element).join(', ')}])`;
      const params = `([${inputs.map((i) => i.param).join(', ')}])`;
      return `policy: ${all}.apply(${params} =>${style.eol}${inner}JSON.stringify(${printValue(doc, inner, opts)})${style.trailingComma ? ',' : ''}${style.eol}${base})`;
    };
    if (props) {
      splices.push(this.appendItem(file, props, props.properties, policy));
    } else {
      const indent = lineIndent(file.text, node.getStart(file.sf));
      const base = indent + style.unit;
      const anchor = node.arguments?.[0];
      if (!anchor) return { status: 'refused', reason: `${def.label}: unexpected constructor call` };
      splices.push({ pos: anchor.getEnd(), end: anchor.getEnd(), text: `, {${style.eol}${base}${policy(base)}${style.trailingComma ? ',' : ''}${style.eol}${indent}}` });
    }
    const principal = this.principalLabel(region);
    return {
      status: 'proposed',
      reason: `${def.label} had no key policy: wrote one that keeps the account-root statement (without it the new policy would lock the account out of the key) and lets ${principal} use the key`,
      splices: splices.map((splice) => ({ path: file.path, splice })),
    };
  }
}
