// TypeScript side: Lambda functions are `new <...>Function(...)` (lambda.Function, NodejsFunction,
// DockerImageFunction, Pulumi aws.lambda.Function / CallbackFunction, CDKTF LambdaFunction). Their
// environment is `environment: { KEY: ... }` (CDK) or `environment: { variables: { KEY: ... } }`
// (Pulumi, CDKTF), inline or in a local const; `fn.addEnvironment('KEY', ...)` statements on such a
// function go whole. Edits are text ranges of the original, so everything else stays as it was.
import type { Collection, JSCodeshift } from 'jscodeshift';
import { applyEdits, type Edit } from '../../src/fix/python/edits.js';
import type { FileOutcome } from './index.js';
import { removeListItem } from './list-edit.js';
import { parserFor } from '../shared/jscodeshift.js';

/* eslint-disable @typescript-eslint/no-explicit-any */
type AnyNode = any;

const FUNCTION = /(?:^|\.)(?:[A-Za-z]*Function)$/;

function dotted(node: AnyNode): string | undefined {
  if (node?.type === 'Identifier') return node.name;
  if (node?.type === 'ThisExpression') return 'this';
  if (node?.type === 'MemberExpression' && !node.computed && node.property.type === 'Identifier') {
    const left = dotted(node.object);
    return left === undefined ? undefined : `${left}.${node.property.name}`;
  }
  return undefined;
}

function unwrap(node: AnyNode): AnyNode {
  while (node && ['TSAsExpression', 'TSSatisfiesExpression', 'TSNonNullExpression', 'ParenthesizedExpression'].includes(node.type)) node = node.expression;
  return node;
}

function keyName(p: AnyNode): string | undefined {
  if (p.computed) return undefined;
  if (p.key?.type === 'Identifier') return p.key.name;
  if (p.key?.type === 'StringLiteral' || p.key?.type === 'Literal') return String(p.key.value);
  return undefined;
}

function isLambdaNew(node: AnyNode): boolean {
  if (node?.type !== 'NewExpression') return false;
  const d = dotted(node.callee);
  // CloudFront Functions and AppSync functions have no environment: harmless, they never match one.
  return d !== undefined && FUNCTION.test(d) && !/StepFunction/.test(d);
}

function localConst(j: JSCodeshift, root: Collection, name: string): AnyNode | undefined {
  const decls = root.find(j.VariableDeclarator).filter((p: any) => p.node.id.type === 'Identifier' && p.node.id.name === name);
  if (decls.length !== 1) return undefined;
  const init = unwrap((decls.nodes()[0] as AnyNode).init);
  return init?.type === 'ObjectExpression' ? init : undefined;
}


/** The statement's whole lines when it has them to itself, else just its range. */
function statementRange(source: string, stmt: AnyNode): Edit {
  const lineStart = source.lastIndexOf('\n', stmt.start - 1) + 1;
  let lineEnd = source.indexOf('\n', stmt.end);
  if (lineEnd < 0) lineEnd = source.length;
  if (/^[ \t]*$/.test(source.slice(lineStart, stmt.start)) && /^[ \t]*\r?$/.test(source.slice(stmt.end, lineEnd))) {
    return { start: lineStart, end: Math.min(lineEnd + 1, source.length), text: '' };
  }
  return { start: stmt.start, end: stmt.end, text: '' };
}

export async function transformTypeScript(path: string, source: string, keys: string[]): Promise<FileOutcome> {
  const { default: jscodeshift } = await import('jscodeshift');
  const j = jscodeshift.withParser(parserFor(path));
  const root = j(source);
  const out: FileOutcome = { removed: [], functions: 0, opaque: [] };
  const edits: Edit[] = [];
  const where = (n: AnyNode) => `${path}:${n.loc?.start.line ?? '?'}`;
  const maps = new Set<AnyNode>();
  /** Names (`fn`, `this.handler`) bound to a Lambda function in this file. */
  const functionNames = new Set<string>();

  root.find(j.NewExpression).forEach((p) => {
    const node = p.node as AnyNode;
    if (!isLambdaNew(node)) return;
    out.functions++;
    const parent = p.parent?.node as AnyNode;
    if (parent?.type === 'VariableDeclarator' && parent.id.type === 'Identifier') functionNames.add(parent.id.name);
    if (parent?.type === 'AssignmentExpression') {
      const d = dotted(parent.left);
      if (d) functionNames.add(d);
    }
    for (const arg of node.arguments as AnyNode[]) {
      let props = unwrap(arg);
      if (props?.type === 'Identifier') props = localConst(j, root, props.name);
      if (props?.type !== 'ObjectExpression') continue;
      const envProp = props.properties.find((q: AnyNode) => keyName(q) === 'environment');
      if (!envProp) continue;
      let env = unwrap(envProp.value);
      if (env?.type === 'Identifier') env = localConst(j, root, env.name) ?? env;
      if (env?.type !== 'ObjectExpression') {
        out.opaque.push(`${where(envProp)} environment`);
        continue;
      }
      // Pulumi / CDKTF: `environment: { variables: { ... } }`.
      const vars = env.properties.find((q: AnyNode) => keyName(q) === 'variables');
      if (vars) {
        let inner = unwrap(vars.value);
        if (inner?.type === 'Identifier') inner = localConst(j, root, inner.name) ?? inner;
        if (inner?.type === 'ObjectExpression') maps.add(inner);
        else out.opaque.push(`${where(vars)} environment.variables`);
      } else maps.add(env);
    }
  });

  for (const map of maps) {
    const props: AnyNode[] = map.properties;
    const hits = props.map((q, i) => [q, i] as const).filter(([q]) => keys.includes(keyName(q) ?? ''));
    if (!hits.length && props.some((q) => q.type === 'SpreadElement' || q.type === 'SpreadProperty' || q.computed)) {
      out.opaque.push(`${where(map)} environment spread`);
    }
    // Back to front so that each removal's neighbours are still the original ones.
    const remaining = [...props];
    for (const [q] of hits.reverse()) {
      const i = remaining.indexOf(q);
      edits.push(removeListItem(source, remaining, i, map));
      remaining.splice(i, 1);
      out.removed.push(`${keyName(q)} (${where(q)})`);
    }
  }

  // `fn.addEnvironment('AWS_REGION', ...)` on a function created here.
  root.find(j.ExpressionStatement).forEach((p) => {
    const call = (p.node as AnyNode).expression;
    if (call?.type !== 'CallExpression' || call.callee?.type !== 'MemberExpression') return;
    if (call.callee.property?.name !== 'addEnvironment') return;
    const key = call.arguments[0];
    const value = key?.type === 'StringLiteral' || key?.type === 'Literal' ? key.value : undefined;
    if (typeof value !== 'string' || !keys.includes(value)) return;
    const receiver = dotted(call.callee.object);
    if (!receiver || !functionNames.has(receiver)) {
      out.opaque.push(`${where(call)} ${receiver ?? 'an expression'}.addEnvironment('${value}')`);
      return;
    }
    edits.push(statementRange(source, p.node));
    out.removed.push(`${value} (${where(call)})`);
  });

  if (edits.length) out.text = applyEdits(source, edits);
  return out;
}
