// TypeScript transform: `JSON.stringify(obj)` whose object holds Outputs (attributes of Pulumi
// resources, `pulumi.output(...)`, `.apply(...)` results) -> `pulumi.jsonStringify(obj)`, and a
// template literal with Output interpolations -> `pulumi.interpolate` tagged. Templates inside a
// changed JSON.stringify are tagged too: jsonStringify resolves Outputs, not the strings a
// template already made of them. Inside an `.apply(...)` callback the code is left alone.
import type { ts as TsNamespace } from 'ts-morph';
import type { CodemodContext, CodemodResult } from '../../src/fix/contract.js';
import { applySplices } from '../add-logs-kms-statement/source.js';
import { importOf, lineOf, localObject, moduleBindings, parsesCleanly, parseTs, qualifiedCdkName, stringText, unwrapExpr, usesRequire, walkTs, type TS, type TsFile, type TsNode } from '../shared/ts-source.js';
import { choose, type OutputSite } from './choose.js';

const OUTPUT_FUNCTIONS = new Set(['output', 'all', 'concat', 'secret', 'unsecret', 'interpolate', 'jsonStringify', 'jsonParse']);
const OUTPUT_METHODS = new Set(['apply', 'requireSecret', 'getSecret', 'requireOutput', 'getOutput', 'requireSecretObject']);

class FileScan {
  readonly resources = new Set<string>();
  readonly outputs = new Set<string>();
  pulumiLocal: string | undefined;
  helperLines = new Set<number>();

  constructor(
    private readonly ts: TS,
    readonly file: TsFile,
  ) {
    // `import * as pulumi from '@pulumi/pulumi'` or `const pulumi = require('@pulumi/pulumi')`.
    for (const b of moduleBindings(ts, file)) {
      if (b.module === '@pulumi/pulumi' && (b.imported === '*' || (b.imported === 'default' && b.kind === 'require'))) this.pulumiLocal ??= b.local;
    }
    // const x = new aws.s3.Bucket(...)  /  const x = pulumi.output(...)  /  const x = bucket.arn
    walkTs(ts, file.sf, (n) => {
      if (!ts.isVariableDeclaration(n) || !ts.isIdentifier(n.name) || !n.initializer) return;
      const init = unwrapExpr(ts, n.initializer);
      if (ts.isNewExpression(init) && qualifiedCdkName(ts, file, init.expression)?.startsWith('@pulumi/')) this.resources.add(n.name.text);
    });
    walkTs(ts, file.sf, (n) => {
      if (ts.isVariableDeclaration(n) && ts.isIdentifier(n.name) && n.initializer && this.isOutput(n.initializer)) this.outputs.add(n.name.text);
    });
  }

  /** Is this expression (visibly) an Output? */
  isOutput(e: TsNamespace.Expression): boolean {
    const ts = this.ts;
    const x = unwrapExpr(ts, e);
    if (ts.isIdentifier(x)) return this.outputs.has(x.text);
    if (ts.isPropertyAccessExpression(x) || ts.isElementAccessExpression(x)) {
      let root: TsNamespace.Expression = x;
      while (ts.isPropertyAccessExpression(root) || ts.isElementAccessExpression(root)) root = root.expression;
      return ts.isIdentifier(root) && (this.resources.has(root.text) || this.outputs.has(root.text));
    }
    if (ts.isCallExpression(x) && ts.isPropertyAccessExpression(x.expression)) {
      const name = x.expression.name.text;
      const head = x.expression.expression;
      if (ts.isIdentifier(head) && importOf(ts, this.file, head.text)?.module === '@pulumi/pulumi') return OUTPUT_FUNCTIONS.has(name);
      return OUTPUT_METHODS.has(name);
    }
    if (ts.isTaggedTemplateExpression(x)) return true;
    return false;
  }

  /** Does the subtree hold an Output (not looking into nested functions)? */
  holdsOutput(n: TsNode): boolean {
    const ts = this.ts;
    let found = false;
    const visit = (c: TsNode): void => {
      if (found || ts.isFunctionLike(c)) return;
      if (ts.isExpression(c) && this.isOutput(c as TsNamespace.Expression)) {
        found = true;
        return;
      }
      c.forEachChild(visit);
    };
    visit(n);
    return found;
  }

  /** An enclosing `.apply(...)` callback, if any. */
  insideApply(n: TsNode): boolean {
    const ts = this.ts;
    for (let p: TsNode | undefined = n.parent; p; p = p.parent) {
      if (ts.isFunctionLike(p) && p.parent && ts.isCallExpression(p.parent) && ts.isPropertyAccessExpression(p.parent.expression) && p.parent.expression.name.text === 'apply') return true;
    }
    return false;
  }

  /** The Pulumi resource whose args hold the node: `new aws.iam.Policy('name', {...})`. */
  owners(n: TsNode): string[][] {
    const ts = this.ts;
    for (let p: TsNode | undefined = n.parent; p; p = p.parent) {
      if (ts.isNewExpression(p)) {
        const name = stringText(this.ts, p.arguments?.[0]);
        if (name !== undefined) return [[name]];
      }
      if (ts.isFunctionLike(p)) return [];
    }
    return [];
  }
}

export async function run(ctx: CodemodContext): Promise<CodemodResult> {
  const { ts } = await import('ts-morph');
  const sites: OutputSite[] = [];
  const scans = new Map<string, FileScan>();
  let helpers = 0;
  for (const f of ctx.files) {
    const file = parseTs(ts, f.path, f.text);
    if (!parsesCleanly(file)) continue;
    const scan = new FileScan(ts, file);
    scans.set(f.path, scan);
    const p = scan.pulumiLocal ?? 'pulumi';
    const stringifies: TsNamespace.CallExpression[] = [];
    walkTs(ts, file.sf, (n) => {
      if (ts.isCallExpression(n) && n.expression.getText(file.sf) === 'JSON.stringify' && n.arguments[0]) stringifies.push(n);
      if (ts.isCallExpression(n) && /\.jsonStringify$/.test(n.expression.getText(file.sf))) helpers++;
      if (ts.isTaggedTemplateExpression(n) && /\.interpolate$/.test(n.tag.getText(file.sf))) helpers++;
    });
    // What each JSON.stringify serialises: its argument, or the object a `const` used only there holds.
    const serialised = new Map<TsNamespace.CallExpression, TsNode>();
    for (const call of stringifies) {
      const arg = unwrapExpr(ts, call.arguments[0]!);
      serialised.set(call, (ts.isIdentifier(arg) && localObject(ts, file, arg)) || arg);
    }
    const covered = [...stringifies, ...serialised.values()];
    const inStringify = (n: TsNode) => covered.some((s) => s.pos <= n.pos && n.end <= s.end);
    const templatesIn = (root: TsNode): TsNamespace.TemplateExpression[] => {
      const out: TsNamespace.TemplateExpression[] = [];
      walkTs(ts, root, (n) => {
        if (ts.isTemplateExpression(n) && !ts.isTaggedTemplateExpression(n.parent) && n.templateSpans.some((s) => scan.isOutput(s.expression))) out.push(n);
      });
      return out;
    };
    const base = (n: TsNode, kind: OutputSite['kind'], what: string) => ({
      key: `${f.path}:${n.getStart(file.sf)}`,
      file: f.path,
      line: lineOf(file, n),
      endLine: file.sf.getLineAndCharacterOfPosition(n.getEnd()).line + 1,
      what,
      kind,
      owners: scan.owners(n),
      ...(scan.insideApply(n) ? { refusal: `${what} at ${f.path}:${lineOf(file, n)} runs inside an .apply(...) callback, where values are already plain; check which value there is still an Output` } : {}),
    });
    for (const call of stringifies) {
      const arg = serialised.get(call)!;
      const splices = [{ pos: call.expression.getStart(file.sf), end: call.expression.getEnd(), text: `${p}.jsonStringify` }];
      for (const t of templatesIn(arg)) splices.push({ pos: t.getStart(file.sf), end: t.getStart(file.sf), text: `${p}.interpolate` });
      sites.push({ ...base(call, 'stringify', 'JSON.stringify(...)'), holdsOutput: scan.holdsOutput(arg), splices });
    }
    for (const t of templatesIn(file.sf)) {
      if (inStringify(t)) continue;
      const pos = t.getStart(file.sf);
      sites.push({ ...base(t, 'template', 'a template literal'), holdsOutput: true, splices: [{ pos, end: pos, text: `${p}.interpolate` }] });
    }
  }
  if (!ctx.location && !sites.some((s) => s.holdsOutput) && helpers > 0) {
    return { status: 'already-fixed', reason: 'the Outputs are already serialised with pulumi.jsonStringify / pulumi.interpolate', edits: {} };
  }
  const chosen = choose(ctx, sites, { stringify: 'pulumi.jsonStringify', template: 'pulumi.interpolate' });
  if ('status' in chosen) return chosen;
  const byFile = new Map<string, OutputSite['splices']>();
  for (const s of chosen.sites) byFile.set(s.file, [...(byFile.get(s.file) ?? []), ...s.splices]);
  const edits: Record<string, string> = {};
  for (const [path, splices] of byFile) {
    const scan = scans.get(path)!;
    if (!scan.pulumiLocal) {
      const clash = importOf(ts, scan.file, 'pulumi');
      if (clash) return { status: 'refused', reason: `${path} binds 'pulumi' to ${clash.module}; import @pulumi/pulumi by hand`, edits: {} };
      splices.push(importSplice(ts, scan.file));
    }
    edits[path] = applySplices(scan.file.text, splices);
  }
  const what = chosen.sites.map((s) => `${s.kind === 'stringify' ? 'JSON.stringify -> pulumi.jsonStringify' : 'template -> pulumi.interpolate'} (${s.file}:${s.line})`);
  return { status: 'proposed', reason: `${what.join(', ')}: Pulumi resolves the Outputs before the text is made`, edits };
}

/**
 * `import * as pulumi from '@pulumi/pulumi';` after the last import (`const pulumi =
 * require('@pulumi/pulumi');` in a CommonJS file), in the file's quote and semicolon style.
 */
function importSplice(ts: TS, file: TsFile): { pos: number; end: number; text: string } {
  const bindings = moduleBindings(ts, file);
  const first = bindings[0]?.statement;
  const last = bindings.at(-1)?.statement;
  const q = first && /^[^'"]*"/.test(first.getText(file.sf)) ? '"' : "'";
  const semi = first ? first.getText(file.sf).trimEnd().endsWith(';') : true;
  const line = usesRequire(ts, file) ? `const pulumi = require(${q}@pulumi/pulumi${q})${semi ? ';' : ''}` : `import * as pulumi from ${q}@pulumi/pulumi${q}${semi ? ';' : ''}`;
  const eol = file.text.includes('\r\n') ? '\r\n' : '\n';
  if (last) return { pos: last.getEnd(), end: last.getEnd(), text: `${eol}${line}` };
  return { pos: 0, end: 0, text: `${line}${eol}` };
}
