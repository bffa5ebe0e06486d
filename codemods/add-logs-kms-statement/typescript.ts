// TypeScript transform (AWS CDK, Pulumi, CDKTF): find the log group the failure names, follow
// its key argument to where the key is created (variables, class fields set in any method,
// helper methods and factory functions, props passed in by the caller in another file,
// constructs of another module; ts-flow.ts) and make the key's policy let CloudWatch Logs use
// it there. What the key's policy already says is read into neutral statement views and judged
// once (policy.ts): already fixed, a statement to correct (the global principal, missing actions,
// a condition that leaves the log group out), or a statement to add. Analysis uses the compiler
// API that ts-morph bundles; edits are text splices, so comments and layout stay.
import type { ts as TsNamespace } from 'ts-morph';
import type { CodemodContext, CodemodResult } from '../../src/fix/contract.js';
import type { NameTemplate } from '../../src/fix/names.js';
import { logGroupNames, pickLogGroups, type Flavor, type LogGroupLike } from './log-groups.js';
import { alreadyFixedAdvice, combineOutcomes, GRANT_ACTIONS, logsNeed, planKey, touches, type Aspect, type LogsNeed, type StatementView } from './policy.js';
import {
  cdkLogsStatementProps,
  code,
  jsonLogsStatement,
  jsonRootStatement,
  printKey,
  printValue,
  tfDocumentLogsStatement,
  type PrintOptions,
  type Token,
  type Value,
} from './print.js';
import {
  afterLineComment,
  applySplices,
  calleeText,
  escapeRe,
  findDeclaration,
  getProp,
  importSource,
  lineIndent,
  propName,
  rootIdentifier,
  SourceProject,
  unwrap,
  type Binding,
  type Expression,
  type Node,
  type Parsed,
  type Splice,
  type TS,
} from './source.js';
import { enclosingClassOf, enclosingFunction, ValueFlow, walk, type Anchor, type Failure, type Frame, type Origin } from './ts-flow.js';

interface LogGroupSite extends LogGroupLike {
  file: Parsed;
  node: TsNamespace.NewExpression;
  keyExpr?: Expression;
  label: string;
  /** A log group made by a helper: one site per call, its parameters bound to that call's arguments. */
  frame?: Frame;
}

type KeyKind = 'cdk-l2' | 'cdk-l1' | 'pulumi' | 'cdktf';

interface KeyDef {
  kind: KeyKind;
  file: Parsed;
  node: TsNamespace.NewExpression;
  label: string;
  /** How the value reached the log group: where statements can follow the key (CDK L2). */
  origin: Origin;
}

interface Outcome {
  status: 'proposed' | 'already-fixed' | 'refused' | 'not-found';
  reason: string;
  splices?: { path: string; splice: Splice }[];
}

type Tokens = { region: Token; account: Token; splices: { path: string; splice: Splice }[] };

/** An editable policy document: the object literal, the `.apply` it sits in, the `JSON.stringify` that could be wrapped in one, or an Output-aware `pulumi.jsonStringify`. */
interface PolicyTarget {
  file: Parsed;
  obj: TsNamespace.ObjectLiteralExpression;
  apply?: TsNamespace.CallExpression;
  wrap?: TsNamespace.CallExpression;
  outputs?: boolean;
}

/** Where a resource class comes from: the CDK, Pulumi's AWS provider, or CDKTF's prebuilt (or generated) AWS provider. */
type Pkg = 'cdk' | 'pulumi' | 'cdktf';

export async function addLogsKmsStatement(ctx: CodemodContext): Promise<CodemodResult> {
  const { ts } = await import('ts-morph');
  return new Transform(ts, ctx).run();
}

const norm = (s: string) => s.replace(/\s+/g, '');

class Transform {
  private readonly project: SourceProject;
  private readonly flow: ValueFlow;
  private readonly need: LogsNeed;

  constructor(
    private readonly ts: TS,
    private readonly ctx: CodemodContext,
  ) {
    this.project = new SourceProject(ts, ctx);
    const files = () => [...new Set([...ctx.files.map((f) => f.path), ...ctx.listFiles('typescript')])].filter((p) => !/(?:^|\/)node_modules\/|\.d\.ts$/.test(p));
    this.flow = new ValueFlow(ts, this.project, files);
    this.need = logsNeed(ctx.captures);
  }

  private projectFiles(): Parsed[] {
    const paths = [...new Set([...this.ctx.files.map((f) => f.path), ...this.ctx.listFiles('typescript')])].filter((p) => !/(?:^|\/)node_modules\/|\.d\.ts$/.test(p));
    return paths.map((p) => this.project.get(p)).filter((p): p is Parsed => !!p);
  }

  run(): CodemodResult {
    const sites = this.ctx.files.filter((f) => f.text.includes('LogGroup')).flatMap((f) => this.logGroupSites(this.project.get(f.path)!));
    const picked = sites.length ? pickLogGroups(sites, this.ctx.resources, logGroupNames(this.ctx.captures), (s) => !!s.keyExpr, 'the sources') : { status: 'not-found' as const, reason: 'no log group construct (LogGroup, CloudwatchLogGroup) in the TypeScript sources' };
    if ('status' in picked) {
      // The log group may be made where this project cannot see it: judge the keys alone.
      const fromKeys = picked.status === 'not-found' ? this.fromKeysAlone(picked.reason) : undefined;
      return fromKeys ?? { status: picked.status, reason: picked.reason, edits: {} };
    }

    // Resolve each chosen log group to the keys it uses; a log group made by a construct used
    // twice has one key per use, and every one needs the statement.
    const defs = new Map<TsNamespace.NewExpression, { def: KeyDef; sites: LogGroupSite[] }>();
    const problems: Outcome[] = [];
    for (const group of picked.groups) {
      const perSite = new Map<LogGroupSite, Set<TsNamespace.NewExpression>>();
      for (const site of group) {
        const r = this.resolveKeys(site);
        problems.push(...r.failures.map((f) => ({ status: f.status, reason: `${site.label}: ${f.reason}` })));
        const keys = new Set<TsNamespace.NewExpression>();
        for (const def of r.defs) {
          keys.add(def.node);
          const entry = defs.get(def.node) ?? { def, sites: [] };
          if (!entry.sites.includes(site)) entry.sites.push(site);
          defs.set(def.node, entry);
        }
        perSite.set(site, keys);
      }
      const distinct = new Set([...perSite.values()].map((s) => [...s].map((n) => `${n.pos}`).sort().join(',')));
      if (group.length > 1 && distinct.size > 1) {
        const labels = group.map((s) => s.label).join(', ');
        return { status: 'refused', reason: `the failure could be any of ${labels}, which use different keys; pass the resource id from the log`, edits: {} };
      }
    }
    return this.assemble([...defs.values()].map(({ def, sites: users }) => this.fixKey(def, users)), problems);
  }

  /** Every needed change, or none (policy.ts decides); the changes as new file texts. */
  private assemble(outcomes: Outcome[], problems: Outcome[]): CodemodResult {
    const combined = combineOutcomes(outcomes, problems);
    if (!('apply' in combined)) return { ...combined, edits: {} };
    const proposed = combined.apply;
    const byPath = new Map<string, Splice[]>();
    for (const o of proposed) for (const s of o.splices ?? []) byPath.set(s.path, [...(byPath.get(s.path) ?? []), s.splice]);
    const edits: Record<string, string> = {};
    for (const [path, splices] of byPath) edits[path] = applySplices(this.project.get(path)!.text, splices);
    return { status: 'proposed', reason: combined.reason, edits };
  }

  // ---------------------------------------------------------------------------------------
  // Resource classes

  /** Which library a constructor expression's class comes from. */
  private pkgOf(file: Parsed, callee: Expression): Pkg | undefined {
    const root = rootIdentifier(this.ts, callee);
    const src = root ? importSource(this.ts, file, root) : undefined;
    if (!src) return undefined;
    if (/^(?:aws-cdk-lib|@aws-cdk\/)/.test(src)) return 'cdk';
    if (src.startsWith('@pulumi/')) return 'pulumi';
    if (src.startsWith('@cdktf/provider-aws') || src === 'cdktf' || /(?:^|\/)(?:\.gen|imports)\/(?:providers\/)?aws(?:\/|$)/.test(src)) return 'cdktf';
    return undefined;
  }

  /** `Key`, `CfnKey`, `KmsKey`... the class name a constructor expression ends in. */
  private className(file: Parsed, callee: Expression): string {
    return calleeText(file, callee).split('.').at(-1) ?? '';
  }

  // ---------------------------------------------------------------------------------------
  // Log groups

  private logGroupSites(file: Parsed): LogGroupSite[] {
    const ts = this.ts;
    const out: LogGroupSite[] = [];
    walk(ts, file.sf, (n) => {
      if (!ts.isNewExpression(n)) return;
      const name = this.className(file, n.expression);
      if (!/^(?:(?:Cfn)?LogGroup|CloudwatchLogGroup)$/.test(name)) return;
      const site = this.logGroupSite(file, n, name);
      if (site) out.push(...this.perCall(site));
    });
    return out;
  }

  /**
   * A log group made by a helper (`createLogGroup(this, 'Id', name, key)`) is one log group per
   * call: its id and name take each call's arguments, and its key is resolved through that call.
   */
  private perCall(site: LogGroupSite): LogGroupSite[] {
    const ts = this.ts;
    const fn = enclosingFunction(ts, site.node);
    if (!fn || ts.isConstructorDeclaration(fn)) return [site];
    const params = new Map(fn.parameters.flatMap((p, i) => (ts.isIdentifier(p.name) ? [[p.name.text, i] as const] : [])));
    const uses = (t: NameTemplate | undefined) => (t ?? []).some((p) => typeof p !== 'string' && params.has(p.hole));
    const scopeArg = site.node.arguments?.[0] ? unwrap(ts, site.node.arguments[0]) : undefined;
    const scopeParam = scopeArg && ts.isIdentifier(scopeArg) && params.has(scopeArg.text) ? params.get(scopeArg.text)! : undefined;
    if (!uses(site.id) && !uses(site.name) && scopeParam === undefined) return [site];
    const calls = this.flow.callSites(site.file, fn);
    if (calls.length === 0 || calls.length > 20) return [site];
    return calls.map((c) => {
      const bind = (t: NameTemplate | undefined): NameTemplate | undefined =>
        t?.flatMap((p) => {
          if (typeof p === 'string' || !params.has(p.hole)) return [p];
          const arg = c.call.arguments?.[params.get(p.hole)!];
          return arg ? (this.template(c.file, arg) ?? [p]) : [p];
        });
      const line = c.file.sf.getLineAndCharacterOfPosition(c.call.getStart(c.file.sf)).line + 1;
      return {
        ...site,
        id: bind(site.id),
        name: bind(site.name),
        scope: site.flavor === 'pulumi' ? undefined : scopeParam !== undefined ? this.constructScope(c.file, c.call) : site.scope,
        frame: { fn, call: c.call, file: c.file },
        label: `${site.label} called at ${c.file.path}:${line}`,
      };
    });
  }

  private logGroupSite(file: Parsed, node: TsNamespace.NewExpression, className: string): LogGroupSite | undefined {
    const ts = this.ts;
    const args = node.arguments ?? [];
    const pkg = this.pkgOf(file, node.expression);
    const flavor: Flavor = className === 'CloudwatchLogGroup' ? 'cdktf' : pkg === 'pulumi' ? 'pulumi' : pkg === 'cdk' ? 'cdk' : args[0] && (ts.isStringLiteralLike(args[0]) || ts.isTemplateExpression(args[0])) ? 'pulumi' : 'cdk';
    const idArg = flavor === 'pulumi' ? args[0] : args[1];
    const props = this.objectArg(file, flavor === 'pulumi' ? args[1] : args[2]);
    const l1 = className === 'CfnLogGroup';
    const keyProp = flavor === 'cdk' && !l1 ? 'encryptionKey' : 'kmsKeyId';
    const nameProp = flavor === 'cdk' ? 'logGroupName' : 'name';
    const nameValue = props ? this.propOrSpread(file, props, nameProp) : undefined;
    const prefix = flavor !== 'cdk' && props ? this.template(file, getProp(ts, props, 'namePrefix')?.value) : undefined;
    const line = file.sf.getLineAndCharacterOfPosition(node.getStart(file.sf)).line + 1;
    const keyValue = props ? this.propOrSpread(file, props, keyProp) : undefined;
    const keyExpr = keyValue && !(ts.isIdentifier(unwrap(ts, keyValue)) && (unwrap(ts, keyValue) as TsNamespace.Identifier).text === 'undefined') ? keyValue : undefined;
    return {
      file,
      node,
      flavor,
      l1,
      id: this.template(file, idArg),
      scope: flavor === 'pulumi' ? undefined : this.constructScope(file, node),
      name: nameValue ? this.template(file, nameValue) : undefined,
      ...(prefix && prefix.every((p) => typeof p === 'string') ? { namePrefix: prefix.join('') } : {}),
      keyExpr,
      label: `${calleeText(file, node.expression)} ${idArg ? idArg.getText(file.sf) : '?'} (${file.path}:${line})`,
    };
  }

  /** A property of an object literal, or of an object literal it spreads (`{ ...commonLogProps, ... }`). */
  private propOrSpread(file: Parsed, obj: TsNamespace.ObjectLiteralExpression, name: string, depth = 0): Expression | undefined {
    const ts = this.ts;
    const own = getProp(ts, obj, name);
    if (own) return own.value;
    if (depth > 3) return undefined;
    // The last spread that has it wins, as at run time.
    for (const p of [...obj.properties].reverse()) {
      if (!ts.isSpreadAssignment(p)) continue;
      const inner = this.objectArg(file, p.expression);
      const v = inner ? this.propOrSpread(file, inner, name, depth + 1) : undefined;
      if (v) return v;
    }
    return undefined;
  }

  /** Construct ids between the stack and a construct made with `this` as its scope. */
  private constructScope(file: Parsed, node: TsNamespace.NewExpression | TsNamespace.CallExpression): NameTemplate[] | 'unknown' {
    const ts = this.ts;
    const scopeArg = node.arguments?.[0] ? unwrap(ts, node.arguments[0]) : undefined;
    const cls = enclosingClassOf(ts, node);
    if (!scopeArg || scopeArg.kind !== ts.SyntaxKind.ThisKeyword || !cls) return 'unknown';
    const path: NameTemplate[] = [];
    let current: { file: Parsed; cls: TsNamespace.ClassLikeDeclaration } = { file, cls };
    for (let depth = 0; depth < 4; depth++) {
      if (this.isStackClass(current.file, current.cls)) return path;
      const ctor = current.cls.members.find(ts.isConstructorDeclaration);
      const calls = ctor ? this.flow.callSites(current.file, ctor) : [];
      if (calls.length !== 1) return 'unknown';
      const call = calls[0]!;
      const id = this.template(call.file, call.call.arguments?.[1]);
      const outerScope = call.call.arguments?.[0] ? unwrap(ts, call.call.arguments[0]) : undefined;
      const outer = enclosingClassOf(ts, call.call);
      if (!id || !outerScope || outerScope.kind !== ts.SyntaxKind.ThisKeyword || !outer) return 'unknown';
      path.unshift(id);
      current = { file: call.file, cls: outer };
    }
    return 'unknown';
  }

  private isStackClass(file: Parsed, cls: TsNamespace.ClassLikeDeclaration): boolean {
    const ts = this.ts;
    const base = cls.heritageClauses?.find((h) => h.token === ts.SyntaxKind.ExtendsKeyword)?.types[0]?.expression;
    if (!base) return false;
    if (/(?:^|\.)(?:\w*Stack|TerraformStack)$/.test(base.getText(file.sf)) && !this.flow.projectClass(file, base)) return true;
    const parent = this.flow.projectClass(file, base);
    return parent ? this.isStackClass(parent.file, parent.cls) : false;
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

  /** A string expression as a name template: literal text, and a hole for each computed part. */
  private template(file: Parsed, expr: Expression | undefined, depth = 0): NameTemplate | undefined {
    const ts = this.ts;
    if (!expr) return undefined;
    const e = unwrap(ts, expr);
    if (ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e)) return [e.text];
    // `pulumi.interpolate\`logs.${region}.amazonaws.com\``: the string it builds.
    if (ts.isTaggedTemplateExpression(e)) return this.template(file, e.template, depth + 1);
    if (ts.isTemplateExpression(e)) {
      const out: NameTemplate = [e.head.text];
      for (const span of e.templateSpans) out.push(...(this.template(file, span.expression, depth + 1) ?? [{ hole: span.expression.getText(file.sf) }]), span.literal.text);
      return out;
    }
    if (ts.isBinaryExpression(e) && e.operatorToken.kind === ts.SyntaxKind.PlusToken) {
      const l = this.template(file, e.left, depth + 1) ?? [{ hole: e.left.getText(file.sf) }];
      const r = this.template(file, e.right, depth + 1) ?? [{ hole: e.right.getText(file.sf) }];
      return [...l, ...r];
    }
    if (ts.isIdentifier(e) && depth < 4) {
      const b = findDeclaration(ts, file, e, e.text);
      if (b?.kind === 'var' && b.decl.initializer && (b.stmt.declarationList.flags & ts.NodeFlags.Const) !== 0) {
        const init = unwrap(ts, b.decl.initializer);
        if (ts.isStringLiteralLike(init) || ts.isTemplateExpression(init) || ts.isBinaryExpression(init)) return this.template(b.file, init, depth + 1);
      }
    }
    return depth > 0 ? [{ hole: e.getText(file.sf) }] : [{ hole: e.getText(file.sf) }];
  }

  // ---------------------------------------------------------------------------------------
  // Keys

  private resolveKeys(site: LogGroupSite): { defs: KeyDef[]; failures: Failure[] } {
    const flow = this.flow.of(site.file, site.keyExpr!, site.frame);
    const defs: KeyDef[] = [];
    const failures: Failure[] = [...flow.failures];
    for (const o of flow.origins) {
      const r = this.keyOf(o);
      if ('def' in r) {
        if (!defs.some((d) => d.node === r.def.node)) defs.push(r.def);
      } else failures.push(r);
    }
    if (defs.length === 0 && failures.length === 0) failures.push({ status: 'not-found', reason: `cannot find the key ${site.keyExpr!.getText(site.file.sf)} stands for` });
    return { defs, failures };
  }

  /** What an origin of a key expression is: a key the project creates, or why it is not one to edit. */
  private keyOf(o: Origin): { def: KeyDef } | Failure {
    const ts = this.ts;
    const { file } = o;
    const e = unwrap(ts, o.node);
    const text = e.getText(file.sf).slice(0, 80);
    const outside = (what: string): Failure => ({ status: 'refused', reason: `the key ${what}; its key policy is managed outside this project: add a statement there that lets ${this.principalLabel()} use it` });
    if (ts.isStringLiteralLike(e) || ts.isTemplateExpression(e)) return outside(`is given by ARN/id (${text})`);
    if (ts.isNewExpression(e)) {
      const name = this.className(file, e.expression);
      const pkg = this.pkgOf(file, e.expression);
      const line = file.sf.getLineAndCharacterOfPosition(e.getStart(file.sf)).line + 1;
      const idArg = e.arguments?.[pkg === 'pulumi' ? 0 : 1];
      const label = `${calleeText(file, e.expression)} ${idArg?.getText(file.sf) ?? ''} (${file.path}:${line})`;
      const kind: KeyKind | undefined =
        name === 'KmsKey' && pkg === 'cdktf' ? 'cdktf' : name === 'CfnKey' && pkg === 'cdk' ? 'cdk-l1' : name === 'Key' && pkg === 'cdk' ? 'cdk-l2' : name === 'Key' && pkg === 'pulumi' ? 'pulumi' : undefined;
      if (kind) return { def: { kind, file, node: e, label, origin: o } };
      if (/^DataAwsKms(?:Key|Alias)$/.test(name)) return outside(`is looked up by the data source ${name} (${label})`);
      if (name === 'TerraformVariable') return outside(`comes from the Terraform variable ${label}`);
      if (name === 'CfnParameter') return outside(`comes from the stack parameter ${label}`);
      return { status: 'refused', reason: `the key comes from ${label}, which is not a KMS key this codemod knows how to edit` };
    }
    if (ts.isCallExpression(e)) {
      const callee = calleeText(file, e.expression);
      if (/\.from\w+$/.test(callee)) return outside(`is imported (${callee}(...))`);
      if (/(?:^|\.)(?:getKey|getAlias)(?:Output)?$/.test(callee)) return outside(`is looked up (${callee}(...))`);
      if (/(?:^|\.)(?:require|get)(?:Secret)?(?:Object|Number|Boolean)?$/.test(callee) && this.isPulumiConfig(file, e)) return outside(`comes from the stack configuration (${callee}(...))`);
      if (/tryGetContext$/.test(callee)) return outside(`comes from the CDK context (${callee}(...))`);
      if (/(?:^|\.)Fn\.importValue$/.test(callee)) return outside(`is exported by another stack (${callee}(...))`);
      return { status: 'refused', reason: `the key comes from ${callee}(...), whose source is not in this project` };
    }
    if (ts.isPropertyAccessExpression(e)) {
      const objText = e.expression.getText(file.sf);
      if (/^process\.env$/.test(objText)) return outside(`comes from the environment variable ${e.name.text}`);
      const objs = this.flow.of(file, e.expression, o.frame);
      for (const oo of objs.origins) {
        const n = unwrap(ts, oo.node);
        if (ts.isNewExpression(n)) {
          const name = this.className(oo.file, n.expression);
          if (name === 'CfnParameter') return outside(`comes from the stack parameter ${n.arguments?.[1]?.getText(oo.file.sf) ?? objText}`);
          if (name === 'TerraformVariable') return outside(`comes from the Terraform variable ${n.arguments?.[1]?.getText(oo.file.sf) ?? objText}`);
          if (/^DataAwsKms(?:Key|Alias)$/.test(name)) return outside(`is looked up by the data source ${name}`);
        }
      }
      return { status: 'refused', reason: `the key is ${text}, a property of something this project does not define` };
    }
    return { status: 'refused', reason: `the key expression ${text} is not one this codemod can follow` };
  }

  private isPulumiConfig(file: Parsed, call: TsNamespace.CallExpression): boolean {
    const ts = this.ts;
    if (!ts.isPropertyAccessExpression(call.expression)) return false;
    const objs = this.flow.of(file, call.expression.expression);
    return objs.origins.some((o) => {
      const n = unwrap(ts, o.node);
      return ts.isNewExpression(n) && /(?:^|\.)Config$/.test(calleeText(o.file, n.expression));
    });
  }

  /**
   * Keys the project creates, judged on their own, when the failing log group is not in these
   * sources (made by a library, another project, or by hand): one that already lets CloudWatch
   * Logs in means the code is fixed; a single key with a wrong CloudWatch Logs statement is
   * the one to correct. Anything else stays not-found.
   */
  private fromKeysAlone(reason: string): CodemodResult | undefined {
    const ts = this.ts;
    const keys: KeyDef[] = [];
    for (const file of this.projectFiles()) {
      if (!/Key\b/.test(file.text)) continue;
      walk(ts, file.sf, (n) => {
        if (!ts.isNewExpression(n)) return;
        const r = this.keyOf({ file, node: n, anchors: [], via: [] });
        if ('def' in r) keys.push(r.def);
      });
    }
    const judged = keys.map((def) => ({ def, views: this.statementsOf(def) })).map((k) => ({ ...k, plan: planKey(k.views, this.need) }));
    const logsKeys = judged.filter((k) => k.plan.action !== 'add' || k.plan.statements.length > 0);
    const fixed = logsKeys.filter((k) => k.plan.action === 'already-fixed');
    if (fixed.length > 0 && fixed.length === logsKeys.length) {
      const labels = fixed.map((k) => k.def.label).join(', ');
      return {
        status: 'already-fixed',
        reason: `${reason}; the key policy of ${labels} already lets CloudWatch Logs use the key; ${alreadyFixedAdvice(this.need)}`,
        edits: {},
      };
    }
    if (logsKeys.length === 1 && logsKeys[0]!.plan.action === 'correct') {
      const k = logsKeys[0]!;
      const outcome = this.fixKey(k.def, []);
      if (outcome.status === 'proposed') {
        return this.assemble([{ ...outcome, reason: `${outcome.reason} (the failing log group is not in these sources; this is the only key with a CloudWatch Logs statement)` }], []);
      }
    }
    return undefined;
  }

  // ---------------------------------------------------------------------------------------
  // What a key's policy says

  /** The statements of a key's policy that this project writes, as neutral views. */
  private statementsOf(def: KeyDef): StatementView<Node>[] {
    const ts = this.ts;
    const out: StatementView<Node>[] = [];
    const { file, node } = def;
    const props = this.objectArg(file, node.arguments?.[def.kind === 'pulumi' ? 1 : 2]);
    if (def.kind === 'cdk-l2') {
      const policy = props ? getProp(ts, props, 'policy')?.value : undefined;
      if (policy) out.push(...this.cdkDocumentStatements(file, policy));
      // `key.addToResourcePolicy(...)` and `key.grant*(...)` anywhere the key reaches.
      for (const f of this.projectFiles()) {
        if (!/addToResourcePolicy|\.grant\w*\(/.test(f.text)) continue;
        walk(ts, f.sf, (n) => {
          if (!ts.isCallExpression(n) || !ts.isPropertyAccessExpression(n.expression)) return;
          const method = n.expression.name.text;
          if (method !== 'addToResourcePolicy' && !(method in GRANT_ACTIONS) && method !== 'grant') return;
          const reaches = this.flow.of(f, n.expression.expression).origins.some((o) => unwrap(ts, o.node) === node);
          if (!reaches) return;
          if (method === 'addToResourcePolicy' && n.arguments[0]) out.push(...this.cdkStatements(f, n.arguments[0]));
          else out.push(this.grantView(f, n, method));
        });
      }
      return out;
    }
    const policyDocs = this.policyDocuments(def);
    for (const d of policyDocs) if ('obj' in d) out.push(...this.documentStatements(d.file, d.obj));
    return out;
  }

  /** Statements of a CDK `policy:` value (`new iam.PolicyDocument({ statements: [...] })`, `PolicyDocument.fromJson({...})`). */
  private cdkDocumentStatements(file: Parsed, expr: Expression): StatementView<Node>[] {
    const ts = this.ts;
    const e = unwrap(ts, expr);
    if (ts.isIdentifier(e)) {
      const b = findDeclaration(ts, file, e, e.text);
      return b?.kind === 'var' && b.decl.initializer ? this.cdkDocumentStatements(b.file, b.decl.initializer) : [];
    }
    if (ts.isCallExpression(e) && /fromJson$/.test(calleeText(file, e.expression)) && e.arguments[0]) {
      const doc = unwrap(ts, e.arguments[0]);
      return ts.isObjectLiteralExpression(doc) ? this.documentStatements(file, doc) : [];
    }
    if (!ts.isNewExpression(e)) return [];
    const props = this.objectArg(file, e.arguments?.[0]);
    const list = props ? getProp(ts, props, 'statements')?.value : undefined;
    const arr = list ? unwrap(ts, list) : undefined;
    if (!arr || !ts.isArrayLiteralExpression(arr)) return [];
    return arr.elements.flatMap((el) => this.cdkStatements(file, el));
  }

  /** `new iam.PolicyStatement({...})` (or a variable holding one, or `PolicyStatement.fromJson`) as a view. */
  private cdkStatements(file: Parsed, expr: Expression): StatementView<Node>[] {
    const ts = this.ts;
    const e = unwrap(ts, expr);
    if (ts.isIdentifier(e)) {
      const b = findDeclaration(ts, file, e, e.text);
      return b?.kind === 'var' && b.decl.initializer ? this.cdkStatements(b.file, b.decl.initializer) : [];
    }
    if (ts.isCallExpression(e) && /fromJson$/.test(calleeText(file, e.expression)) && e.arguments[0]) {
      const st = unwrap(ts, e.arguments[0]);
      return ts.isObjectLiteralExpression(st) ? [this.jsonView(file, st)] : [];
    }
    if (!ts.isNewExpression(e) || !/PolicyStatement$/.test(calleeText(file, e.expression))) return [];
    const props = this.objectArg(file, e.arguments?.[0]);
    const where = this.where(file, e);
    if (!props) return [{ node: e, shape: 'cdk', where, otherPrincipals: true }];
    const services: NameTemplate[] = [];
    let otherPrincipals = false;
    const principals = getProp(ts, props, 'principals')?.value;
    const plist = principals ? unwrap(ts, principals) : undefined;
    if (plist && ts.isArrayLiteralExpression(plist)) {
      for (const p of plist.elements) {
        const pe = unwrap(ts, p);
        if (ts.isNewExpression(pe) && /ServicePrincipal$/.test(calleeText(file, pe.expression)) && pe.arguments?.[0]) services.push(this.template(file, pe.arguments[0])!);
        else otherPrincipals = true;
      }
    } else if (plist) otherPrincipals = true;
    const effect = getProp(ts, props, 'effect')?.value;
    const effectText = effect ? unwrap(ts, effect).getText(file.sf) : undefined;
    return [
      {
        node: props,
        shape: 'cdk',
        where,
        effect: effectText ? [/DENY$/i.test(effectText) ? 'Deny' : 'Allow'] : undefined,
        services,
        otherPrincipals,
        actions: this.stringList(file, getProp(ts, props, 'actions')?.value),
        conditions: this.conditions(file, getProp(ts, props, 'conditions')?.value),
      },
    ];
  }

  /** `key.grantEncryptDecrypt(principal)`: the actions that grant method gives. */
  private grantView(file: Parsed, call: TsNamespace.CallExpression, method: string): StatementView<Node> {
    const ts = this.ts;
    const p = call.arguments[0] ? unwrap(ts, call.arguments[0]) : undefined;
    const services = p && ts.isNewExpression(p) && /ServicePrincipal$/.test(calleeText(file, p.expression)) && p.arguments?.[0] ? [this.template(file, p.arguments[0])!] : [];
    const actions = method === 'grant' ? this.stringList(file, undefined, call.arguments.slice(1)) : GRANT_ACTIONS[method]!.map((a) => [a]);
    return { node: call, shape: 'grant', where: this.where(file, call), services, otherPrincipals: services.length === 0, actions, conditions: [] };
  }

  /** A JSON policy document's statements (`{ Version, Statement: [...] }`). */
  private documentStatements(file: Parsed, doc: TsNamespace.ObjectLiteralExpression): StatementView<Node>[] {
    const ts = this.ts;
    const list = getProp(ts, doc, 'Statement')?.value ?? getProp(ts, doc, 'statement')?.value;
    const arr = list ? unwrap(ts, list) : undefined;
    if (!arr) return [];
    const elements = ts.isArrayLiteralExpression(arr) ? arr.elements : [arr];
    return elements.flatMap((el) => {
      const o = unwrap(ts, el);
      if (!ts.isObjectLiteralExpression(o)) return [];
      return [getProp(ts, o, 'principals') || getProp(ts, o, 'actions') ? this.tfDocumentView(file, o) : this.jsonView(file, o)];
    });
  }

  private jsonView(file: Parsed, st: TsNamespace.ObjectLiteralExpression): StatementView<Node> {
    const ts = this.ts;
    const services: NameTemplate[] = [];
    let otherPrincipals = false;
    const principal = getProp(ts, st, 'Principal')?.value;
    const p = principal ? unwrap(ts, principal) : undefined;
    if (p && ts.isObjectLiteralExpression(p)) {
      for (const prop of p.properties) {
        const key = prop.name ? propName(ts, prop.name) : undefined;
        const value = ts.isPropertyAssignment(prop) ? prop.initializer : ts.isShorthandPropertyAssignment(prop) ? prop.name : undefined;
        if (key === 'Service' && value) services.push(...(this.stringList(file, value) ?? []));
        else otherPrincipals = true;
      }
    } else if (p) otherPrincipals = true;
    const effect = getProp(ts, st, 'Effect')?.value;
    return {
      node: st,
      shape: 'json',
      where: this.where(file, st),
      effect: effect ? this.template(file, effect) : undefined,
      services,
      otherPrincipals,
      actions: this.stringList(file, getProp(ts, st, 'Action')?.value),
      conditions: this.conditions(file, getProp(ts, st, 'Condition')?.value),
    };
  }

  /** A Terraform `aws_iam_policy_document` statement (CDKTF DataAwsIamPolicyDocument). */
  private tfDocumentView(file: Parsed, st: TsNamespace.ObjectLiteralExpression): StatementView<Node> {
    const ts = this.ts;
    const services: NameTemplate[] = [];
    let otherPrincipals = false;
    const principals = getProp(ts, st, 'principals')?.value;
    const arr = principals ? unwrap(ts, principals) : undefined;
    for (const el of arr && ts.isArrayLiteralExpression(arr) ? arr.elements : []) {
      const o = unwrap(ts, el);
      if (!ts.isObjectLiteralExpression(o)) continue;
      const type = this.template(file, getProp(ts, o, 'type')?.value);
      if (type?.join('') === 'Service') services.push(...(this.stringList(file, getProp(ts, o, 'identifiers')?.value) ?? []));
      else otherPrincipals = true;
    }
    const conditions: NonNullable<StatementView['conditions']> = [];
    const cond = getProp(ts, st, 'condition')?.value;
    const carr = cond ? unwrap(ts, cond) : undefined;
    for (const el of carr && ts.isArrayLiteralExpression(carr) ? carr.elements : []) {
      const o = unwrap(ts, el);
      if (!ts.isObjectLiteralExpression(o)) continue;
      const test = this.template(file, getProp(ts, o, 'test')?.value)?.join('') ?? '';
      const variable = this.template(file, getProp(ts, o, 'variable')?.value)?.join('') ?? '';
      conditions.push({ operator: test, key: variable, values: this.stringList(file, getProp(ts, o, 'values')?.value) ?? [] });
    }
    const effect = getProp(ts, st, 'effect')?.value;
    return {
      node: st,
      shape: 'tf-document',
      where: this.where(file, st),
      effect: effect ? this.template(file, effect) : undefined,
      services,
      otherPrincipals,
      actions: this.stringList(file, getProp(ts, st, 'actions')?.value),
      conditions,
    };
  }

  /** A string or an array of strings, as templates; undefined when it is something else. */
  private stringList(file: Parsed, expr: Expression | undefined, items?: readonly Expression[]): NameTemplate[] | undefined {
    const ts = this.ts;
    if (items) return items.map((i) => this.template(file, i) ?? [{ hole: i.getText(file.sf) }]);
    if (!expr) return undefined;
    const e = unwrap(ts, expr);
    if (ts.isArrayLiteralExpression(e)) return e.elements.map((el) => this.template(file, el) ?? [{ hole: el.getText(file.sf) }]);
    return [this.template(file, e)!];
  }

  /** `{ ArnLike: { 'kms:EncryptionContext:aws:logs:arn': ... } }` as a list; undefined when unreadable. */
  private conditions(file: Parsed, expr: Expression | undefined): StatementView['conditions'] {
    const ts = this.ts;
    if (!expr) return [];
    const e = unwrap(ts, expr);
    if (!ts.isObjectLiteralExpression(e)) return undefined;
    const out: NonNullable<StatementView['conditions']> = [];
    for (const op of e.properties) {
      if (!ts.isPropertyAssignment(op)) return undefined;
      const operator = propName(ts, op.name);
      const inner = unwrap(ts, op.initializer);
      if (!operator || !ts.isObjectLiteralExpression(inner)) return undefined;
      for (const kv of inner.properties) {
        if (!ts.isPropertyAssignment(kv)) return undefined;
        const key = propName(ts, kv.name);
        if (!key) return undefined;
        out.push({ operator, key, values: this.stringList(file, kv.initializer) ?? [] });
      }
    }
    return out;
  }

  private where(file: Parsed, n: Node): string {
    return `${file.path}:${file.sf.getLineAndCharacterOfPosition(n.getStart(file.sf)).line + 1}`;
  }

  // ---------------------------------------------------------------------------------------
  // Fixes

  private fixKey(def: KeyDef, users: LogGroupSite[]): Outcome {
    try {
      const plan = planKey(this.statementsOf(def), this.need);
      if (plan.action === 'already-fixed') {
        return { status: 'already-fixed', reason: `${def.label} already lets CloudWatch Logs use the key (${plan.statement.where}); ${alreadyFixedAdvice(this.need)}` };
      }
      if (plan.action === 'correct') return this.correctStatement(def, plan.statement, plan.problems, plan.fix);
      const note = plan.problems.length ? ` (the existing statement is not enough: ${plan.problems.join('; ')})` : '';
      const out = this.addStatement(def, users);
      return out.status === 'proposed' ? { ...out, reason: out.reason + note } : out;
    } catch (err) {
      return { status: 'refused', reason: `${def.label}: ${(err as Error).message}` };
    }
  }

  private addStatement(def: KeyDef, users: LogGroupSite[]): Outcome {
    switch (def.kind) {
      case 'cdk-l2':
        return this.addCdkL2(def, users);
      case 'cdk-l1':
        return this.addCdkL1(def);
      default:
        return this.addToKeyPolicy(def);
    }
  }

  /**
   * A statement for CloudWatch Logs that names it wrongly, corrected in place: each entry that
   * differs from the statement this codemod writes is replaced, missing ones are added, and the
   * rest (its Sid, comments, entries it shares) stays as written.
   */
  private correctStatement(def: KeyDef, st: StatementView<Node>, problems: string[], fix: Aspect[]): Outcome {
    const node = st.node as TsNamespace.ObjectLiteralExpression;
    const file = this.fileOf(node);
    const tokens = this.tokensForStatement(def, file, node);
    if ('reason' in tokens) return { status: 'refused', reason: `${def.label}: ${tokens.reason}` };
    const splices: { path: string; splice: Splice }[] = [...tokens.splices];
    let statement: Value;
    let opts: PrintOptions;
    if (st.shape === 'cdk') {
      const iam = this.iamNames(file, def.node);
      statement = cdkLogsStatementProps(tokens.region, tokens.account, file.style.quote, iam.servicePrincipal);
      opts = { style: file.style, keyQuote: '', quote: file.style.quote };
      splices.push(...iam.splices.map((splice) => ({ path: file.path, splice })));
    } else {
      opts = this.jsonStyle(file, node);
      statement = st.shape === 'tf-document' ? tfDocumentLogsStatement(tokens.region, tokens.account, opts.quote) : jsonLogsStatement(tokens.region, tokens.account, opts.quote);
    }
    splices.push(...this.mergeInto(file, node, statement as Record<string, Value>, opts, fix).map((splice) => ({ path: file.path, splice })));
    return {
      status: 'proposed',
      reason: `corrected the CloudWatch Logs statement at ${st.where} of ${def.label}: ${problems.join('; ')}; it now lets ${this.principalLabel(tokens.region)} use the key for the account's log groups`,
      splices,
    };
  }

  /** Splices that rewrite the entries of an object literal the correction covers, adding those it lacks. */
  private mergeInto(file: Parsed, obj: TsNamespace.ObjectLiteralExpression, entries: Record<string, Value>, opts: PrintOptions, fix: Aspect[]): Splice[] {
    const ts = this.ts;
    const splices: Splice[] = [];
    const missing: [string, Value][] = [];
    for (const [key, value] of Object.entries(entries)) {
      const prop = obj.properties.find((p) => p.name && propName(ts, p.name) === key);
      if (!touches(key, fix, !!prop)) continue;
      if (!prop) {
        missing.push([key, value]);
        continue;
      }
      const indent = lineIndent(file.text, prop.getStart(file.sf));
      const text = printValue(value, indent, opts);
      if (ts.isPropertyAssignment(prop)) {
        if (norm(prop.initializer.getText(file.sf)) !== norm(text)) splices.push({ pos: prop.initializer.getStart(file.sf), end: prop.initializer.getEnd(), text });
      } else splices.push({ pos: prop.getStart(file.sf), end: prop.getEnd(), text: `${printKey(key, opts)}: ${text}` });
    }
    if (missing.length) {
      splices.push(this.appendItem(file, obj, obj.properties, (base) => missing.map(([k, v]) => `${printKey(k, opts)}: ${printValue(v, base, opts)}`).join(`,${file.style.eol}${base}`)));
    }
    return splices;
  }

  private fileOf(node: Node): Parsed {
    const sf = node.getSourceFile();
    return this.project.get(sf.fileName)!;
  }

  /** Where `<ref>.addToResourcePolicy(...)` goes: after the statement binding the key, nearest its creation unless a helper that makes several keys holds it. */
  private anchorFor(def: KeyDef): { anchor?: Anchor; shared?: string } {
    const ts = this.ts;
    const anchors = def.origin.anchors;
    const sharedFns = def.origin.via.filter((v) => v.callers > 1).map((v) => v.fn);
    const inShared = (a: Anchor) => sharedFns.some((fn) => {
      for (let n: Node | undefined = a.stmt.parent; n; n = n.parent) if (n === fn) return true;
      return false;
    });
    const usable = anchors.filter((a) => ts.isBlock(a.stmt.parent) || ts.isSourceFile(a.stmt.parent) || ts.isModuleBlock(a.stmt.parent));
    const own = usable.find((a) => !inShared(a));
    if (own) return { anchor: own };
    const shared = usable[0];
    if (shared) return { anchor: shared, shared: this.flow.fnLabel(def.origin.via[0]!.file, def.origin.via[0]!.fn) };
    return {};
  }

  private addCdkL2(def: KeyDef, users: LogGroupSite[]): Outcome {
    const { anchor, shared } = this.anchorFor(def);
    if (!anchor) {
      return { status: 'refused', reason: `the key ${def.label} is created inline (no variable or field holds it); assign it to a variable so a statement can be added to its policy` };
    }
    const file = anchor.file;
    const tokens = this.cdkTokens(file, anchor.stmt, anchor.ref);
    const iam = this.iamNames(file, def.node);
    const { style } = file;
    const indent = lineIndent(file.text, anchor.stmt.getStart(file.sf));
    const opts: PrintOptions = { style, keyQuote: '', quote: style.quote };
    const props = printValue(cdkLogsStatementProps(tokens.region, tokens.account, style.quote, iam.servicePrincipal), indent, opts);
    const stmtText = `${anchor.ref}.addToResourcePolicy(new ${iam.policyStatement}(${props}))${style.semi ? ';' : ''}`;
    const pos = afterLineComment(file.text, anchor.stmt.getEnd());
    const splices: Splice[] = [{ pos, end: pos, text: `${style.eol}${indent}${stmtText}` }, ...iam.splices];
    const sharedNote = shared ? ` (every key made by ${shared} gets it)` : '';
    const uses = users.length ? `, the key of ${users.map((u) => u.label).join(', ')}` : '';
    return {
      status: 'proposed',
      reason: `${anchor.ref}.addToResourcePolicy(...) lets ${this.principalLabel(tokens.region)} use ${def.label}${uses}${sharedNote}`,
      splices: [...splices.map((splice) => ({ path: file.path, splice })), ...tokens.splices],
    };
  }

  private addCdkL1(def: KeyDef): Outcome {
    const ts = this.ts;
    const props = this.objectArg(def.file, def.node.arguments?.[2]);
    const policy = props ? getProp(ts, props, 'keyPolicy') : undefined;
    const doc = policy ? unwrap(ts, policy.value) : undefined;
    if (!doc || !ts.isObjectLiteralExpression(doc)) {
      return { status: 'refused', reason: `${def.label}: keyPolicy is not an object literal this codemod can edit` };
    }
    const tokens = this.tokensForStatement(def, def.file, doc);
    if ('reason' in tokens) return { status: 'refused', reason: `${def.label}: ${tokens.reason}` };
    return this.appendToDocument(def.file, doc, tokens, def.label);
  }

  /** `logs.<region>.amazonaws.com` for messages: the log's region, else the expression used. */
  private principalLabel(region?: Token): string {
    const r = typeof region === 'string' ? region : (this.need.region ?? (region ? `\${${region.expr}}` : '<region>'));
    return `logs.${r}.amazonaws.com`;
  }

  // Region and account ------------------------------------------------------------------------

  /** Region/account valid at a statement of the key's policy, by the framework of the key. */
  private tokensForStatement(def: KeyDef, file: Parsed, node: Node): Tokens | { reason: string } {
    const ts = this.ts;
    if (def.kind === 'cdk-l2' || def.kind === 'cdk-l1') {
      // In the key's own arguments (its scope is in reach), or in `<key>.addToResourcePolicy(...)`.
      let ref: string | undefined;
      if (this.contains(def.node, node)) {
        const scopeArg = def.node.arguments?.[0] ? unwrap(ts, def.node.arguments[0]) : undefined;
        if (scopeArg && (ts.isIdentifier(scopeArg) || scopeArg.kind === ts.SyntaxKind.ThisKeyword)) ref = scopeArg.getText(def.file.sf);
      } else {
        for (let n: Node | undefined = node.parent; n && !ref; n = n.parent) {
          if (ts.isCallExpression(n) && ts.isPropertyAccessExpression(n.expression) && n.expression.name.text === 'addToResourcePolicy') ref = n.expression.expression.getText(file.sf);
        }
      }
      return this.cdkTokens(file, node, ref);
    }
    if (def.kind === 'cdktf') return this.cdktfTokens(def, file, node);
    const target = this.policyDocuments(def).find((d) => 'obj' in d && this.contains(d.obj, node));
    if (!target || 'reason' in target) return { reason: 'cannot tell which policy document the statement is in' };
    return this.pulumiTokens(def, target);
  }

  /**
   * The stack's own tokens: `this.region` in a Stack, `Stack.of(this)` in another construct,
   * `Stack.of(<scope or key>)` elsewhere; `Stack` is imported when the file does not have it.
   */
  private cdkTokens(file: Parsed, at: Node, ref: string | undefined): Tokens {
    const ts = this.ts;
    const cls = enclosingClassOf(ts, at);
    if (cls && this.isStackClass(file, cls)) return { region: { expr: 'this.region' }, account: { expr: 'this.account' }, splices: [] };
    const scope = cls ? 'this' : (ref ?? 'this');
    const stack = this.cdkStack(file);
    return { region: { expr: `${stack.name}.of(${scope}).region` }, account: { expr: `${stack.name}.of(${scope}).account` }, splices: stack.splices.map((splice) => ({ path: file.path, splice })) };
  }

  /** `cdk.Stack` / `Stack` through the imports, adding `Stack` to the aws-cdk-lib import when missing. */
  private cdkStack(file: Parsed): { name: string; splices: Splice[] } {
    const ts = this.ts;
    let named: TsNamespace.NamedImports | undefined;
    for (const st of file.sf.statements) {
      if (!ts.isImportDeclaration(st) || !st.importClause || st.importClause.isTypeOnly || !ts.isStringLiteral(st.moduleSpecifier)) continue;
      if (!/^(?:aws-cdk-lib|@aws-cdk\/core)$/.test(st.moduleSpecifier.text)) continue;
      const c = st.importClause;
      const nb = c.namedBindings;
      if (nb && ts.isNamespaceImport(nb)) return { name: `${nb.name.text}.Stack`, splices: [] };
      if (c.name) return { name: `${c.name.text}.Stack`, splices: [] };
      if (nb && ts.isNamedImports(nb)) {
        const el = nb.elements.find((x) => (x.propertyName ?? x.name).text === 'Stack');
        if (el) return { name: el.name.text, splices: [] };
        named ??= nb;
      }
    }
    if (findDeclaration(ts, file, file.sf.statements[0] ?? file.sf, 'Stack')) throw new Error(`the name 'Stack' is used for something else in ${file.path}`);
    if (named) return { name: 'Stack', splices: [this.addNamedImport(file, named, ['Stack'])] };
    return { name: 'Stack', splices: [this.newImport(file, `import { Stack } from ${file.style.quote}aws-cdk-lib${file.style.quote}`, 'aws-cdk-lib')] };
  }

  /** A new import line after the file's last import of the same family (or its last import). */
  private newImport(file: Parsed, line: string, family: string): Splice {
    const ts = this.ts;
    const { sf, style } = file;
    const imports = sf.statements.filter(ts.isImportDeclaration).filter((st) => ts.isStringLiteral(st.moduleSpecifier));
    const spec = (st: TsNamespace.ImportDeclaration) => (st.moduleSpecifier as TsNamespace.StringLiteral).text;
    const same = imports.filter((st) => spec(st).startsWith(family));
    const last = same.at(-1) ?? imports.at(-1);
    const text = `${line}${style.semi ? ';' : ''}`;
    if (!last) return { pos: 0, end: 0, text: `${text}${style.eol}` };
    const pos = afterLineComment(file.text, last.getEnd());
    return { pos, end: pos, text: `${style.eol}${text}` };
  }

  /** Names for PolicyStatement/ServicePrincipal, reusing an aws-iam import or adding one. */
  private iamNames(file: Parsed, keyNode: TsNamespace.NewExpression): { policyStatement: string; servicePrincipal: string; splices: Splice[] } {
    const ts = this.ts;
    const { sf, style } = file;
    const q = style.quote;
    const imports = sf.statements.filter(ts.isImportDeclaration).filter((st) => ts.isStringLiteral(st.moduleSpecifier));
    const spec = (st: TsNamespace.ImportDeclaration) => (st.moduleSpecifier as TsNamespace.StringLiteral).text;
    let cdkRootNamed: TsNamespace.NamedImports | undefined;
    let rootNs: string | undefined;
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
      if (spec(st) === 'aws-cdk-lib' && nb && ts.isNamespaceImport(nb)) rootNs = nb.name.text;
    }
    if (findDeclaration(ts, file, file.sf.statements[0] ?? file.sf, 'iam')) throw new Error(`the name 'iam' is used for something else in ${file.path}; add the statement by hand`);
    const names = { policyStatement: 'iam.PolicyStatement', servicePrincipal: 'iam.ServicePrincipal' };
    // `import { aws_kms as kms } from 'aws-cdk-lib'` style: add `aws_iam as iam` to that list.
    if (cdkRootNamed) return { ...names, splices: [this.addNamedImport(file, cdkRootNamed, ['aws_iam as iam'])] };
    // `import * as cdk from 'aws-cdk-lib'` and no module imports: `cdk.aws_iam` reads as the file does.
    if (rootNs && !imports.some((i) => /^aws-cdk-lib\/aws-/.test(spec(i)))) {
      return { policyStatement: `${rootNs}.aws_iam.PolicyStatement`, servicePrincipal: `${rootNs}.aws_iam.ServicePrincipal`, splices: [] };
    }
    const keySrc = this.fileOf(keyNode) === file ? (importSource(ts, file, rootIdentifier(ts, keyNode.expression) ?? '') ?? '') : '';
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
    // `aws_iam as iam` goes among the other `aws_*` modules, wherever the list keeps them.
    const kin = (n: string) => /^aws_/.test(n) === /^aws_/.test(names[0]!);
    const siblings = els.filter((el) => kin((el.propertyName ?? el.name).text));
    const before = siblings.find((el) => (el.propertyName ?? el.name).text.toLowerCase() > key);
    const lastSibling = siblings.at(-1);
    if (!before && lastSibling && lastSibling !== last) {
      const pos = lastSibling.getEnd();
      const sep = multi ? `,${style.eol}${lineIndent(text, lastSibling.getStart(sf))}` : ', ';
      return { pos, end: pos, text: `${sep}${names.join(sep)}` };
    }
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

  // JSON key policies (Pulumi, CDKTF, CfnKey) ----------------------------------------------------

  /**
   * The documents that hold a Pulumi or CDKTF key's policy: its `policy` argument, or a separate
   * KeyPolicy / KmsKeyPolicy resource for the key. Each is an editable object literal (with the
   * `.apply(...)` it sits in), or a reason it is not.
   */
  private policyDocuments(def: KeyDef): (PolicyTarget | { reason: string })[] {
    const ts = this.ts;
    const { file, node } = def;
    if (def.kind === 'cdk-l1') {
      const props = this.objectArg(file, node.arguments?.[2]);
      const doc = props ? getProp(ts, props, 'keyPolicy')?.value : undefined;
      const d = doc ? unwrap(ts, doc) : undefined;
      return d && ts.isObjectLiteralExpression(d) ? [{ file, obj: d }] : [];
    }
    const props = this.objectArg(file, node.arguments?.[def.kind === 'pulumi' ? 1 : 2]);
    const policy = props ? getProp(ts, props, 'policy') : undefined;
    const out: ReturnType<Transform['policyDocuments']> = [];
    if (policy) out.push(this.policyTarget(file, policy.value, 0));
    out.push(...this.separatePolicies(def).map((p) => this.policyTarget(p.file, p.policy, 0)));
    return out;
  }

  /** `new aws.kms.KeyPolicy(..., { keyId: key.id, policy })` / `new KmsKeyPolicy(...)` for this key. */
  private separatePolicies(def: KeyDef): { file: Parsed; node: TsNamespace.NewExpression; policy: Expression }[] {
    const ts = this.ts;
    const out: { file: Parsed; node: TsNamespace.NewExpression; policy: Expression }[] = [];
    for (const f of this.projectFiles()) {
      if (!/KeyPolicy\b/.test(f.text)) continue;
      walk(ts, f.sf, (n) => {
        if (!ts.isNewExpression(n) || !/^(?:KeyPolicy|KmsKeyPolicy)$/.test(this.className(f, n.expression))) return;
        const pkg = this.pkgOf(f, n.expression);
        const props = this.objectArg(f, n.arguments?.[pkg === 'pulumi' ? 1 : 2]);
        const keyId = props ? getProp(ts, props, 'keyId')?.value : undefined;
        const policy = props ? getProp(ts, props, 'policy')?.value : undefined;
        if (!keyId || !policy) return;
        if (this.flow.of(f, keyId).origins.some((o) => unwrap(ts, o.node) === def.node)) out.push({ file: f, node: n, policy });
      });
    }
    return out;
  }

  /** The object literal that holds the policy document, and the `.apply` it sits in, if any. */
  private policyTarget(file: Parsed, expr: Expression, depth: number): PolicyTarget | { reason: string } {
    const ts = this.ts;
    const e = unwrap(ts, expr);
    if (depth > 5) return { reason: 'the policy is built through too many indirections' };
    if (ts.isObjectLiteralExpression(e)) return { file, obj: e };
    if (ts.isIdentifier(e)) {
      const b = findDeclaration(ts, file, e, e.text);
      if (b?.kind === 'var' && b.decl.initializer) return this.policyTarget(b.file, b.decl.initializer, depth + 1);
      return { reason: `the policy comes from '${e.text}', which this codemod cannot follow` };
    }
    if (ts.isPropertyAccessExpression(e) && e.name.text === 'json') {
      // CDKTF `new DataAwsIamPolicyDocument(this, 'x', { statement: [...] }).json`.
      const docs = this.flow.of(file, e.expression).origins;
      const doc = docs.length === 1 ? unwrap(ts, docs[0]!.node) : undefined;
      if (doc && ts.isNewExpression(doc) && this.className(docs[0]!.file, doc.expression) === 'DataAwsIamPolicyDocument') {
        const props = this.objectArg(docs[0]!.file, doc.arguments?.[2]);
        return props ? { file: docs[0]!.file, obj: props } : { reason: 'the DataAwsIamPolicyDocument arguments are not an object literal' };
      }
    }
    if (ts.isCallExpression(e)) {
      const callee = calleeText(file, e.expression);
      if (/(?:^|\.)jsonStringify$/.test(callee) && e.arguments[0]) {
        // pulumi.jsonStringify takes Outputs anywhere in the document: nothing to wrap.
        const inner = this.policyTarget(file, e.arguments[0], depth + 1);
        return 'obj' in inner && !inner.apply ? { ...inner, outputs: true } : inner;
      }
      if (/(?:^|\.)(?:JSON\.stringify|jsonencode)$/.test(callee) && e.arguments[0]) {
        const inner = this.policyTarget(file, e.arguments[0], depth + 1);
        return 'obj' in inner && !inner.apply ? { ...inner, wrap: e } : inner;
      }
      if (ts.isPropertyAccessExpression(e.expression) && e.expression.name.text === 'apply') {
        const fn = e.arguments[0] ? unwrap(ts, e.arguments[0]) : undefined;
        if (!fn || !(ts.isArrowFunction(fn) || ts.isFunctionExpression(fn))) return { reason: 'the policy is built in an .apply(...) callback this codemod cannot read' };
        const body = this.flow.returns(fn);
        if (body.length !== 1) return { reason: 'the .apply(...) callback does not return a single JSON.stringify(...) this codemod can edit' };
        const inner = this.policyTarget(file, body[0]!, depth + 1);
        return 'obj' in inner ? { file: inner.file, obj: inner.obj, apply: inner.apply ?? e } : inner;
      }
      return { reason: `the policy is built by ${callee}(...); edit it by hand` };
    }
    if (ts.isStringLiteralLike(e) || ts.isTemplateExpression(e) || ts.isTaggedTemplateExpression(e)) {
      return { reason: 'the policy is a raw JSON string; edit it by hand (or turn it into JSON.stringify({...}))' };
    }
    return { reason: `the policy expression ${e.getText(file.sf).slice(0, 60)} is not one this codemod can edit` };
  }

  /** A Pulumi or CDKTF key: append to its policy document, or write a policy when it has none. */
  private addToKeyPolicy(def: KeyDef): Outcome {
    const ts = this.ts;
    const { file, node } = def;
    const propsArg = node.arguments?.[def.kind === 'pulumi' ? 1 : 2];
    const props = this.objectArg(file, propsArg);
    if (propsArg && !props) return { status: 'refused', reason: `${def.label}: its arguments are not an object literal this codemod can edit` };
    const docs = this.policyDocuments(def);
    const problem = docs.find((d): d is { reason: string } => 'reason' in d);
    if (problem) return { status: 'refused', reason: `${def.label}: ${problem.reason}` };
    const editable = docs.filter((d): d is Exclude<(typeof docs)[number], { reason: string }> => 'obj' in d);
    if (editable.length > 1) return { status: 'refused', reason: `${def.label} has its policy in several places (${editable.map((d) => this.where(d.file, d.obj)).join(', ')}); add the CloudWatch Logs statement by hand` };
    const target = editable[0];
    if (target) {
      const shared = this.sharedNote(def);
      const tokens = def.kind === 'cdktf' ? this.cdktfTokens(def, target.file, target.obj) : this.pulumiTokens(def, target);
      if ('reason' in tokens) return { status: 'refused', reason: `${def.label}: ${tokens.reason}` };
      const out = this.appendToDocument(target.file, target.obj, tokens, def.label);
      return out.status === 'proposed' ? { ...out, reason: out.reason + shared } : out;
    }
    // No policy: AWS applies the default key policy today, but a policy we write replaces it,
    // so it must keep the account-root statement or the account loses control of the key.
    return def.kind === 'cdktf' ? this.writeCdktfPolicy(def, props) : this.writePulumiPolicy(def, props);
  }

  private sharedNote(def: KeyDef): string {
    const shared = def.origin.via.find((v) => v.callers > 1 && this.contains(v.fn, def.node));
    return shared ? ` (every key made by ${this.flow.fnLabel(shared.file, shared.fn)} gets it)` : '';
  }

  private contains(outer: Node, inner: Node): boolean {
    for (let n: Node | undefined = inner; n; n = n.parent) if (n === outer) return true;
    return false;
  }

  /** Appends the logs statement to `{ Version, Statement: [...] }` (or a Terraform document's `statement`). */
  private appendToDocument(file: Parsed, doc: TsNamespace.ObjectLiteralExpression, tokens: Tokens, label: string): Outcome {
    const ts = this.ts;
    const tf = !getProp(ts, doc, 'Statement') && !!getProp(ts, doc, 'statement');
    const statementProp = getProp(ts, doc, tf ? 'statement' : 'Statement');
    const list = statementProp ? unwrap(ts, statementProp.value) : undefined;
    if (!list || !ts.isArrayLiteralExpression(list)) {
      return { status: 'refused', reason: `${label}: the policy's ${tf ? 'statement' : 'Statement'} is not an array literal this codemod can edit` };
    }
    const opts = this.jsonStyle(file, list);
    const statement = tf ? tfDocumentLogsStatement(tokens.region, tokens.account, opts.quote) : jsonLogsStatement(tokens.region, tokens.account, opts.quote);
    const splice = this.appendItem(file, list, list.elements, (base) => printValue(statement, base, opts));
    return {
      status: 'proposed',
      reason: `added a key-policy statement that lets ${this.principalLabel(tokens.region)} use ${label}`,
      splices: [{ path: file.path, splice }, ...tokens.splices],
    };
  }

  /** Key and value quotes as the existing statements write them. */
  private jsonStyle(file: Parsed, at: TsNamespace.ArrayLiteralExpression | TsNamespace.ObjectLiteralExpression): PrintOptions {
    const ts = this.ts;
    let keyQuote = '';
    let quote = file.style.quote;
    const first = ts.isObjectLiteralExpression(at) ? at : at.elements.find(ts.isObjectLiteralExpression);
    const prop = first?.properties.find(ts.isPropertyAssignment);
    if (prop && ts.isStringLiteral(prop.name)) keyQuote = prop.name.getText(file.sf)[0]!;
    const literal = first?.properties.find((p): p is TsNamespace.PropertyAssignment => ts.isPropertyAssignment(p) && ts.isStringLiteral(p.initializer));
    if (literal) quote = literal.initializer.getText(file.sf)[0]!;
    return { style: file.style, keyQuote, quote };
  }

  /**
   * `${expr}` parts of template strings in the policy, with the literal text before each. A
   * tagged template's parts (`pulumi.interpolate`) are Outputs: kept only where Outputs may go.
   */
  private templateSpans(file: Parsed, doc: Node, outputs = false): string[] {
    const ts = this.ts;
    const out: string[] = [];
    const visit = (n: Node): void => {
      if (ts.isTaggedTemplateExpression(n) && !outputs) return;
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

  // Pulumi ----------------------------------------------------------------------------------

  /**
   * Region/account for a statement inside an existing Pulumi policy: expressions the policy's
   * own templates use, the `.apply` callback's parameters, plain values in scope; otherwise the
   * provider's lookups (`aws.getRegionOutput()`, `aws.getCallerIdentityOutput()`), added to the
   * `pulumi.all([...])` the callback reads, or wrapping a bare `JSON.stringify(...)` in one.
   */
  private pulumiTokens(def: KeyDef, target: PolicyTarget): Tokens | { reason: string } {
    const { file, obj, apply } = target;
    if (target.outputs) return this.outputTokens(file, obj);
    const existing = this.templateSpans(file, obj);
    const fromPolicy = (re: RegExp) => existing.find((s) => re.test(s.split('\u0000')[0]!))?.split('\u0000')[1];
    const params = apply ? this.applyParams(file, apply) : {};
    const scope = this.pulumiScope(file, obj);
    const asExpr = (e: string | undefined): Token | undefined => (e ? { expr: e } : undefined);
    const literal = this.policyLiterals(file, obj);
    let region: Token | undefined = asExpr(fromPolicy(/(?:arn:aws[\w-]*:[\w-]+:|logs\.)$/) ?? params.region ?? scope.region?.plain) ?? literal.region;
    let account: Token | undefined = asExpr(fromPolicy(/(?:arn:aws[\w-]*:iam::|arn:aws[\w-]*:[\w-]+:[^:]*:)$/) ?? params.account ?? scope.account?.plain) ?? literal.account;
    if (region && account) return { region, account, splices: [] };
    // Lookups are Outputs: they can only be read inside a callback that holds the document.
    const holder = apply ?? target.wrap;
    if (!holder || !this.contains(holder, obj)) {
      return { reason: `the policy document (${this.where(file, obj)}) is a plain value with no ${region ? 'account' : 'region'} in scope; add the CloudWatch Logs statement by hand, or build the document inside pulumi.all([...]).apply(...)` };
    }
    const aws = this.namespaceImport(file, '@pulumi/aws');
    if (!aws) return { reason: '@pulumi/aws is not imported as a namespace here; add the region and account to the statement by hand' };
    const lookups: { element: string; param: string; use: string; for: 'region' | 'account' }[] = [];
    if (!region) lookups.push({ element: scope.region?.output ?? `${aws}.getRegionOutput().name`, param: 'region', use: 'region', for: 'region' });
    if (!account) {
      if (scope.account?.output) lookups.push({ element: scope.account.output, param: 'accountId', use: 'accountId', for: 'account' });
      else if (scope.account?.promise) lookups.push({ element: scope.account.promise, param: 'identity', use: 'identity.accountId', for: 'account' });
      else lookups.push({ element: `${aws}.getCallerIdentityOutput().accountId`, param: 'accountId', use: 'accountId', for: 'account' });
    }
    // The callback's parameters must not hide a name the policy already reads.
    const used = this.identifiers(obj);
    for (const l of lookups) {
      const free = this.freeParam(l.param, used);
      l.use = l.use.replace(l.param, free);
      l.param = free;
    }
    const use = (f: 'region' | 'account') => ({ expr: lookups.find((l) => l.for === f)!.use });
    const splices = apply ? this.extendApply(file, apply, lookups) : target.wrap ? this.wrapInApply(file, target.wrap, lookups) : undefined;
    if (!splices) return { reason: 'the policy is not written where the region and account can be looked up; add them to the statement by hand' };
    return { region: region ?? use('region'), account: account ?? use('account'), splices: splices.map((splice) => ({ path: file.path, splice })) };
  }

  /**
   * Region/account inside an Output-aware document (`pulumi.jsonStringify`): Outputs go in as
   * they are, in `pulumi.interpolate` strings.
   */
  private outputTokens(file: Parsed, obj: TsNamespace.ObjectLiteralExpression): Tokens | { reason: string } {
    const existing = this.templateSpans(file, obj, true);
    const fromPolicy = (re: RegExp) => existing.find((s) => re.test(s.split('\u0000')[0]!))?.split('\u0000')[1];
    const scope = this.pulumiScope(file, obj);
    const literal = this.policyLiterals(file, obj);
    const aws = this.namespaceImport(file, '@pulumi/aws');
    const pulumiNs = this.namespaceImport(file, '@pulumi/pulumi');
    if (!pulumiNs) return { reason: '@pulumi/pulumi is not imported as a namespace here; add the statement by hand' };
    const tag = `${pulumiNs}.interpolate`;
    const region = fromPolicy(/(?:arn:aws[\w-]*:[\w-]+:|logs\.)$/) ?? scope.region?.plain ?? scope.region?.output ?? (aws ? `${aws}.getRegionOutput().name` : undefined);
    const account = fromPolicy(/(?:arn:aws[\w-]*:iam::|arn:aws[\w-]*:[\w-]+:[^:]*:)$/) ?? scope.account?.plain ?? scope.account?.output ?? (aws ? `${aws}.getCallerIdentityOutput().accountId` : undefined);
    if ((!region && !literal.region) || (!account && !literal.account)) return { reason: '@pulumi/aws is not imported as a namespace here; add the region and account to the statement by hand' };
    return { region: region ? { expr: region, tag } : literal.region!, account: account ? { expr: account, tag } : literal.account!, splices: [] };
  }

  /** Account and region the policy document itself writes as literals (`arn:aws:iam::123456789012:root`): the code's own values. */
  private policyLiterals(file: Parsed, doc: Node): { region?: string; account?: string } {
    const ts = this.ts;
    const out: { region?: string; account?: string } = {};
    const visit = (n: Node): void => {
      if (ts.isStringLiteralLike(n) || ts.isTemplateHead(n) || ts.isTemplateMiddle(n) || ts.isTemplateTail(n)) {
        const m = /arn:aws[\w-]*:([\w-]+):([a-z]{2}(?:-[a-z]+)+-\d)?:(\d{12}):/.exec(n.text);
        if (m?.[3]) out.account ??= m[3];
        if (m?.[2]) out.region ??= m[2];
      }
      n.forEachChild(visit);
    };
    visit(doc);
    return out;
  }

  private identifiers(node: Node): Set<string> {
    const ts = this.ts;
    const out = new Set<string>();
    const visit = (n: Node): void => {
      if (ts.isIdentifier(n)) out.add(n.text);
      n.forEachChild(visit);
    };
    visit(node);
    return out;
  }

  private freeParam(base: string, used: Set<string>): string {
    if (!used.has(base)) return base;
    for (let i = 2; ; i++) if (!used.has(`${base}${i}`)) return `${base}${i}`;
  }

  /**
   * Adds lookups to the Outputs an `.apply` callback reads: to the array and the parameters of
   * `pulumi.all([a]).apply(([x]) => ...)`, or by turning `a.apply((x) => ...)` into
   * `pulumi.all([a, ...]).apply(([x, ...]) => ...)`.
   */
  private extendApply(file: Parsed, apply: TsNamespace.CallExpression, lookups: { element: string; param: string }[]): Splice[] | undefined {
    const ts = this.ts;
    const fn = unwrap(ts, apply.arguments[0]!) as TsNamespace.ArrowFunction;
    const source = unwrap(ts, (apply.expression as TsNamespace.PropertyAccessExpression).expression);
    const param = fn.parameters[0];
    const p0 = param?.name;
    if (!param || !p0 || fn.parameters.length !== 1) return undefined;
    if (ts.isCallExpression(source) && /(?:^|\.)all$/.test(calleeText(file, source.expression))) {
      if (!ts.isArrayBindingPattern(p0)) return undefined;
      const arr = source.arguments[0] ? unwrap(ts, source.arguments[0]) : undefined;
      if (!arr || !ts.isArrayLiteralExpression(arr) || arr.elements.length !== p0.elements.length) return undefined;
      const lastEl = arr.elements[arr.elements.length - 1];
      const lastP = p0.elements[p0.elements.length - 1];
      if (!lastEl || !lastP) return undefined;
      return [
        { pos: lastEl.getEnd(), end: lastEl.getEnd(), text: lookups.map((l) => `, ${l.element}`).join('') },
        { pos: lastP.getEnd(), end: lastP.getEnd(), text: lookups.map((l) => `, ${l.param}`).join('') },
      ];
    }
    if (!ts.isIdentifier(p0) || param.type) return undefined;
    const splices: Splice[] = [];
    let ns = this.namespaceImport(file, '@pulumi/pulumi');
    if (!ns) {
      if (findDeclaration(ts, file, apply, 'pulumi')) return undefined;
      ns = 'pulumi';
      const q = file.style.quote;
      splices.push(this.newImport(file, `import * as pulumi from ${q}@pulumi/pulumi${q}`, '@pulumi/'));
    }
    const names = [p0.text, ...lookups.map((l) => l.param)].join(', ');
    // `x => ...` has no parentheses of its own: the arrow starts at its parameter.
    const parenthesized = fn.getStart(file.sf) !== param.getStart(file.sf);
    splices.push({ pos: source.getStart(file.sf), end: source.getEnd(), text: `${ns}.all([${source.getText(file.sf)}, ${lookups.map((l) => l.element).join(', ')}])` });
    splices.push({ pos: p0.getStart(file.sf), end: p0.getEnd(), text: parenthesized ? `[${names}]` : `([${names}])` });
    return splices;
  }

  /** `JSON.stringify({...})` -> `pulumi.all([lookups]).apply(([names]) => JSON.stringify({...}))`. */
  private wrapInApply(file: Parsed, call: TsNamespace.CallExpression, lookups: { element: string; param: string }[]): Splice[] | undefined {
    const pulumi = this.namespaceImport(file, '@pulumi/pulumi');
    const q = file.style.quote;
    const splices: Splice[] = [];
    let ns = pulumi;
    if (!ns) {
      if (findDeclaration(this.ts, file, call, 'pulumi')) return undefined;
      ns = 'pulumi';
      splices.push(this.newImport(file, `import * as pulumi from ${q}@pulumi/pulumi${q}`, '@pulumi/'));
    }
    const start = call.getStart(file.sf);
    splices.push({ pos: start, end: start, text: `${ns}.all([${lookups.map((l) => l.element).join(', ')}]).apply(([${lookups.map((l) => l.param).join(', ')}]) => ` });
    splices.push({ pos: call.getEnd(), end: call.getEnd(), text: ')' });
    return splices;
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
    // What the variable holds decides first: `region = aws.getRegion()` is a result, not a name.
    const id = /^[\w$]+$/.test(el) ? el : undefined;
    const b = id ? findDeclaration(this.ts, file, at, id) : undefined;
    const init = b?.kind === 'var' ? (b.decl.initializer?.getText(file.sf) ?? '') : '';
    if (/getCallerIdentity/.test(init) && !/\.accountId\s*$/.test(init)) return 'identity';
    if (/getRegion/.test(init) && !/\.(?:name|region|id)\s*$/.test(init)) return 'regionResult';
    if (/getCallerIdentity\w*\([^)]*\)\s*\)?$/.test(el)) return 'identity';
    if (/\.accountId$|^account(?:Id)?$/i.test(el)) return 'account';
    if (/config\.region$|region\w*\.(?:name|region|id)$|^region(?:Name)?$/i.test(el) || /getRegion\w*\([^)]*\)\.(?:name|region|id)$/.test(el)) return 'region';
    if (/caller|identity/i.test(el)) return 'identity';
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
    for (const d of this.visibleVariables(file, at)) {
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
      } else if (/^(?:region|regionName|awsRegion)$/.test(name) && !ts.isObjectLiteralExpression(unwrap(ts, d.initializer!))) {
        out.region = isOutput ? { output: name } : { plain: name };
      } else if (/^(?:account|accountId|awsAccountId)$/.test(name)) {
        out.account = isOutput ? { output: name } : { plain: name };
      }
    }
    const awsNs = this.namespaceImport(file, '@pulumi/aws');
    if (!out.region && awsNs && file.text.includes(`${awsNs}.config.region`)) out.region = { plain: `${awsNs}.config.region` };
    return out;
  }

  /** Variables declared before `at` in a block that encloses it. */
  private visibleVariables(file: Parsed, at: Node): TsNamespace.VariableDeclaration[] {
    const ts = this.ts;
    const visible: TsNamespace.VariableDeclaration[] = [];
    walk(ts, file.sf, (n) => {
      if (ts.isVariableDeclaration(n) && ts.isIdentifier(n.name) && n.initializer && n.getEnd() <= at.getStart(file.sf)) {
        const container = n.parent.parent.parent; // VariableDeclarationList -> VariableStatement -> Block/SourceFile
        for (let p: Node | undefined = at.parent; p; p = p.parent) if (p === container) visible.push(n);
      }
    });
    return visible;
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

  /** A Pulumi key with no policy: write one that keeps the account root and adds CloudWatch Logs. */
  private writePulumiPolicy(def: KeyDef, props: TsNamespace.ObjectLiteralExpression | undefined): Outcome {
    const { file, node } = def;
    const { style } = file;
    const scope = this.pulumiScope(file, node);
    const aws = this.namespaceImport(file, '@pulumi/aws');
    const inputs: { element: string; param: string }[] = [];
    let region: Token | undefined;
    let account: Token | undefined;
    if (scope.region?.plain) region = { expr: scope.region.plain };
    else {
      if (!scope.region?.output && !aws) return { status: 'refused', reason: `${def.label}: @pulumi/aws is not imported as a namespace here; write the key policy by hand` };
      inputs.push({ element: scope.region?.output ?? `${aws}.getRegionOutput().name`, param: 'region' });
      region = { expr: 'region' };
    }
    if (scope.account?.plain) account = { expr: scope.account.plain };
    else if (scope.account?.promise) {
      inputs.push({ element: scope.account.promise, param: 'identity' });
      account = { expr: 'identity.accountId' };
    } else {
      if (!scope.account?.output && !aws) return { status: 'refused', reason: `${def.label}: @pulumi/aws is not imported as a namespace here; write the key policy by hand` };
      inputs.push({ element: scope.account?.output ?? `${aws}.getCallerIdentityOutput().accountId`, param: 'accountId' });
      account = { expr: 'accountId' };
    }

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
      splices.push(this.newImport(file, `import * as pulumi from ${q}@pulumi/pulumi${q}`, '@pulumi/'));
    }
    const policy = (base: string): string => {
      if (inputs.length === 0) return `policy: JSON.stringify(${printValue(doc, base, opts)})`;
      const inner = base + style.unit;
      const all = `${pulumiNs}.all([${inputs.map((i) => i.element).join(', ')}])`;
      const params = `([${inputs.map((i) => i.param).join(', ')}])`;
      return `policy: ${all}.apply(${params} =>${style.eol}${inner}JSON.stringify(${printValue(doc, inner, opts)})${style.trailingComma ? ',' : ''}${style.eol}${base})`;
    };
    const insert = this.addProperty(file, node, props, policy, def.label);
    if ('reason' in insert) return { status: 'refused', reason: insert.reason };
    splices.push(insert);
    const principal = this.principalLabel(region);
    return {
      status: 'proposed',
      reason: `${def.label} had no key policy: wrote one that keeps the account-root statement (without it the new policy would lock the account out of the key) and lets ${principal} use the key${this.sharedNote(def)}`,
      splices: splices.map((splice) => ({ path: file.path, splice })),
    };
  }

  /** Adds `policy: ...` to a resource's arguments object, or an arguments object to a call without one. */
  private addProperty(file: Parsed, node: TsNamespace.NewExpression, props: TsNamespace.ObjectLiteralExpression | undefined, prop: (base: string) => string, label: string): Splice | { reason: string } {
    const { style } = file;
    if (props) return this.appendItem(file, props, props.properties, prop);
    const indent = lineIndent(file.text, node.getStart(file.sf));
    const base = indent + style.unit;
    const anchor = node.arguments?.at(-1);
    if (!anchor) return { reason: `${label}: unexpected constructor call` };
    return { pos: anchor.getEnd(), end: anchor.getEnd(), text: `, {${style.eol}${base}${prop(base)}${style.trailingComma ? ',' : ''}${style.eol}${indent}}` };
  }

  // CDKTF -----------------------------------------------------------------------------------

  /**
   * Region/account for CDKTF: the policy's own template parts, a DataAwsRegion /
   * DataAwsCallerIdentity in scope, the region given to the AwsProvider; otherwise a
   * DataAwsRegion / DataAwsCallerIdentity lookup is added before the key.
   */
  private cdktfTokens(def: KeyDef, file: Parsed, at: Node): Tokens | { reason: string } {
    const existing = this.templateSpans(file, at);
    const fromPolicy = (re: RegExp) => existing.find((s) => re.test(s.split('\u0000')[0]!))?.split('\u0000')[1];
    const scope = this.cdktfScope(file, at);
    const policyRegion = fromPolicy(/(?:arn:aws[\w-]*:[\w-]+:|logs\.)$/);
    const policyAccount = fromPolicy(/(?:arn:aws[\w-]*:iam::|arn:aws[\w-]*:[\w-]+:[^:]*:)$/);
    const literal = this.policyLiterals(file, at);
    let region: Token | undefined = policyRegion ? { expr: policyRegion } : (scope.region ?? literal.region);
    let account: Token | undefined = policyAccount ? { expr: policyAccount } : (scope.account ?? literal.account);
    const splices: { path: string; splice: Splice }[] = [];
    if (!region || !account) {
      const added = this.addCdktfLookups(def, file, !region, !account);
      if ('reason' in added) return added;
      region ??= added.region;
      account ??= added.account;
      splices.push(...added.splices);
    }
    return { region: region!, account: account!, splices };
  }

  /** DataAwsRegion / DataAwsCallerIdentity variables (and the AwsProvider's region) visible at `at`. */
  private cdktfScope(file: Parsed, at: Node): { region?: Token; account?: Token } {
    const ts = this.ts;
    const out: { region?: Token; account?: Token } = {};
    const visible = this.visibleVariables(file, at);
    for (const d of visible) {
      const init = unwrap(ts, d.initializer!);
      const name = (d.name as TsNamespace.Identifier).text;
      if (!ts.isNewExpression(init)) continue;
      const cls = this.className(file, init.expression);
      if (cls === 'DataAwsCallerIdentity') out.account ??= { expr: `${name}.accountId` };
      if (cls === 'DataAwsRegion') out.region ??= { expr: `${name}.${new RegExp(`(?<![\\w$])${escapeRe(name)}\\.region\\b`).test(file.text) ? 'region' : 'name'}` };
    }
    // `new AwsProvider(this, 'aws', { region: awsRegion })`: the code's own region, when it is
    // a literal or a variable in scope here.
    walk(ts, file.sf, (n) => {
      if (out.region || !ts.isNewExpression(n) || this.className(file, n.expression) !== 'AwsProvider') return;
      const props = this.objectArg(file, n.arguments?.[2]);
      const value = props ? getProp(ts, props, 'region')?.value : undefined;
      const v = value ? unwrap(ts, value) : undefined;
      if (!v) return;
      if (ts.isStringLiteral(v) && /^[a-z]{2}(?:-[a-z]+)+-\d$/.test(v.text)) out.region = v.text;
      else if (ts.isIdentifier(v) && this.inScope(file, at, v.text, findDeclaration(ts, file, n, v.text))) out.region = { expr: v.text };
    });
    return out;
  }

  /** Is `name` where `at` reads it the same binding (declared before it) as `expected`? */
  private inScope(file: Parsed, at: Node, name: string, expected: Binding | undefined): boolean {
    const ts = this.ts;
    const b = findDeclaration(ts, file, at, name);
    if (!b || !expected || b.kind !== expected.kind) return false;
    if (b.kind === 'param' && expected.kind === 'param') return b.fn === expected.fn;
    if ((b.kind === 'var' || b.kind === 'destructured') && (expected.kind === 'var' || expected.kind === 'destructured')) {
      return b.decl === expected.decl && b.decl.getEnd() <= at.getStart(file.sf);
    }
    return false;
  }

  /** Adds `new DataAwsRegion(...)` / `new DataAwsCallerIdentity(...)` before the statement that creates the key. */
  private addCdktfLookups(def: KeyDef, file: Parsed, needRegion: boolean, needAccount: boolean): { region?: Token; account?: Token; splices: { path: string; splice: Splice }[] } | { reason: string } {
    const ts = this.ts;
    if (file !== def.file) return { reason: 'no region or account lookup is in scope where the policy is written; add them to the statement by hand' };
    let stmt: Node | undefined = def.node;
    while (stmt && !(stmt.parent && (ts.isBlock(stmt.parent) || ts.isSourceFile(stmt.parent)))) stmt = stmt.parent;
    if (!stmt) return { reason: 'cannot find the statement that creates the key' };
    const scopeArg = def.node.arguments?.[0] ? unwrap(ts, def.node.arguments[0]) : undefined;
    if (!scopeArg || !(scopeArg.kind === ts.SyntaxKind.ThisKeyword || ts.isIdentifier(scopeArg))) return { reason: 'the key is not created with a scope this codemod can reuse for a lookup' };
    const scope = scopeArg.getText(file.sf);
    const { style } = file;
    const q = style.quote;
    const indent = lineIndent(file.text, stmt.getStart(file.sf));
    const lines: string[] = [];
    const splices: { path: string; splice: Splice }[] = [];
    const out: { region?: Token; account?: Token } = {};
    const importFrom = (cls: string, module: string) => {
      const imp = this.cdktfImport(file, cls, module);
      if ('reason' in imp) throw new Error(imp.reason);
      splices.push(...imp.splices.map((splice) => ({ path: file.path, splice })));
      return imp.name;
    };
    const semi = style.semi ? ';' : '';
    if (needAccount) {
      const name = this.freeName(file, def.node, 'callerIdentity');
      lines.push(`const ${name} = new ${importFrom('DataAwsCallerIdentity', 'data-aws-caller-identity')}(${scope}, ${q}caller-identity${q})${semi}`);
      out.account = { expr: `${name}.accountId` };
    }
    if (needRegion) {
      const name = this.freeName(file, def.node, 'currentRegion');
      lines.push(`const ${name} = new ${importFrom('DataAwsRegion', 'data-aws-region')}(${scope}, ${q}current-region${q})${semi}`);
      out.region = { expr: `${name}.name` };
    }
    const pos = stmt.getStart(file.sf);
    splices.push({ path: file.path, splice: { pos, end: pos, text: lines.map((l) => `${l}${style.eol}${indent}`).join('') } });
    return { ...out, splices };
  }

  private freeName(file: Parsed, at: Node, base: string): string {
    for (let i = 0; ; i++) {
      const name = i ? `${base}${i + 1}` : base;
      if (!findDeclaration(this.ts, file, at, name) && !new RegExp(`(?<![\\w$])${name}(?![\\w$])`).test(file.text)) return name;
    }
  }

  /** A CDKTF provider class by the file's own import style: a named import of its `lib/<module>`, or through the provider namespace. */
  private cdktfImport(file: Parsed, cls: string, module: string): { name: string; splices: Splice[] } | { reason: string } {
    const ts = this.ts;
    const q = file.style.quote;
    let libImport: string | undefined;
    for (const st of file.sf.statements) {
      if (!ts.isImportDeclaration(st) || !ts.isStringLiteral(st.moduleSpecifier) || !st.importClause) continue;
      const spec = st.moduleSpecifier.text;
      const nb = st.importClause.namedBindings;
      if (nb && ts.isNamedImports(nb)) {
        const el = nb.elements.find((x) => (x.propertyName ?? x.name).text === cls);
        if (el) return { name: el.name.text, splices: [] };
      }
      if (spec === '@cdktf/provider-aws' && nb && ts.isNamespaceImport(nb)) {
        const member = module.replace(/-(\w)/g, (_, c: string) => c.toUpperCase());
        return { name: `${nb.name.text}.${member}.${cls}`, splices: [] };
      }
      const m = /^(.*\/(?:lib|providers\/aws))\/[\w-]+$/.exec(spec);
      if (m && (spec.startsWith('@cdktf/provider-aws') || /\.gen\/providers\/aws|imports\/aws/.test(spec))) libImport ??= m[1];
    }
    if (findDeclaration(ts, file, file.sf.statements[0] ?? file.sf, cls)) return { reason: `the name '${cls}' is used for something else in ${file.path}` };
    const from = `${libImport ?? '@cdktf/provider-aws/lib'}/${module}`;
    return { name: cls, splices: [this.newImport(file, `import { ${cls} } from ${q}${from}${q}`, libImport ?? '@cdktf/provider-aws')] };
  }

  /** A CDKTF key with no policy: a complete one (account root and CloudWatch Logs) in `JSON.stringify`. */
  private writeCdktfPolicy(def: KeyDef, props: TsNamespace.ObjectLiteralExpression | undefined): Outcome {
    const { file, node } = def;
    const { style } = file;
    const tokens = this.cdktfTokens(def, file, node);
    if ('reason' in tokens) return { status: 'refused', reason: `${def.label}: ${tokens.reason}` };
    const q = style.quote;
    const opts: PrintOptions = { style, keyQuote: '', quote: q };
    const doc: Value = {
      Version: code(`${q}2012-10-17${q}`),
      Statement: [jsonRootStatement(tokens.account, q), jsonLogsStatement(tokens.region, tokens.account, q)],
    };
    const insert = this.addProperty(file, node, props, (base) => `policy: JSON.stringify(${printValue(doc, base, opts)})`, def.label);
    if ('reason' in insert) return { status: 'refused', reason: insert.reason };
    return {
      status: 'proposed',
      reason: `${def.label} had no key policy: wrote one that keeps the account-root statement (without it the new policy would lock the account out of the key) and lets ${this.principalLabel(tokens.region)} use the key${this.sharedNote(def)}`,
      splices: [{ path: file.path, splice: insert }, ...tokens.splices],
    };
  }
}

export { enclosingFunction };
