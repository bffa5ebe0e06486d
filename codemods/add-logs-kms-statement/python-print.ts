// Printing for the Python transform: Python values (dicts, lists, keyword calls, f-strings)
// in the target file's layout, and the statements this codemod writes. The constants are
// shared with the TypeScript transform (print.ts).
import type { Node, PyFile } from '../../src/fix/python/parser.js';
import { hasTrailingComma, indentUnit, preferredQuote, walk } from '../../src/fix/python/syntax.js';
import { LOGS_ACTIONS, LOGS_SID } from './print.js';

export interface PyStyle {
  unit: string;
  quote: '"' | "'";
  /** Multi-line brackets end with a trailing comma. */
  trailingComma: boolean;
}

/** A Python expression to print: code as written, a list, a dict, or a call with keyword arguments. */
export type PyValue =
  | { code: string }
  | { list: PyValue[]; inline?: boolean }
  | { dict: [string, PyValue][]; inline?: boolean }
  | { call: string; arg?: PyValue; kwargs?: [string, PyValue][] };

export const pyCode = (code: string): PyValue => ({ code });

export interface PrintOptions {
  style: PyStyle;
  /** Quote for dict keys (always strings in a policy document). */
  keyQuote: string;
}

/** Prints v as if it started at a line indented by `indent` (continuation lines get unit steps). */
export function printPy(v: PyValue, indent: string, o: PrintOptions): string {
  const { unit, trailingComma } = o.style;
  const inner = indent + unit;
  const tc = trailingComma ? ',' : '';
  if ('code' in v) return v.code;
  if ('list' in v) {
    if (v.list.length === 0) return '[]';
    if (v.inline) return `[${v.list.map((x) => printPy(x, indent, o)).join(', ')}]`;
    return `[\n${v.list.map((x) => inner + printPy(x, inner, o)).join(',\n')}${tc}\n${indent}]`;
  }
  if ('dict' in v) {
    if (v.dict.length === 0) return '{}';
    const entry = (k: string, x: PyValue, at: string) => `${o.keyQuote}${k}${o.keyQuote}: ${printPy(x, at, o)}`;
    if (v.inline) return `{${v.dict.map(([k, x]) => entry(k, x, indent)).join(', ')}}`;
    return `{\n${v.dict.map(([k, x]) => inner + entry(k, x, inner)).join(',\n')}${tc}\n${indent}}`;
  }
  // A call: one argument on its own line (no comma after it, as black writes a lone argument),
  // or keyword arguments one per line.
  if (v.arg) return `${v.call}(\n${inner}${printPy(v.arg, inner, o)}\n${indent})`;
  const kw = v.kwargs ?? [];
  if (kw.length === 0) return `${v.call}()`;
  return `${v.call}(\n${kw.map(([k, x]) => `${inner}${k}=${printPy(x, inner, o)}`).join(',\n')}${tc}\n${indent})`;
}

/** A region or account: an expression valid where the code goes, or a literal from the log. */
export type Token = { expr: string } | string;

/**
 * A string literal, or an f-string when some part is an expression. The quote switches when an
 * expression contains it (f-strings cannot reuse their quote before Python 3.12).
 */
export function pyStr(parts: Token[], quote: string): string {
  if (parts.every((p) => typeof p === 'string')) return `${quote}${parts.join('')}${quote}`;
  const exprs = parts.filter((p): p is { expr: string } => typeof p !== 'string').map((p) => p.expr);
  let q = quote;
  if (exprs.some((e) => e.includes(q))) q = q === '"' ? "'" : '"';
  if (exprs.some((e) => e.includes(q) || e.includes('\\') || e.includes('\n'))) throw new Error(`cannot put ${exprs.join(', ')} in an f-string`);
  const body = parts.map((p) => (typeof p === 'string' ? p.replace(/[{}]/g, (c) => c + c) : `{${p.expr}}`)).join('');
  return `f${q}${body}${q}`;
}

const principal = (region: Token) => ['logs.', region, '.amazonaws.com'];
const logGroupArns = (region: Token, account: Token) => ['arn:aws:logs:', region, ':', account, ':log-group:*'];

/** The key-policy statement as a dict (Pulumi and CDKTF `json.dumps({...})`, CfnKey `key_policy`); `sid` keeps an existing Sid (code as written). */
export function jsonLogsStatement(region: Token, account: Token, quote: string, sid?: string): PyValue {
  const q = (s: string) => pyCode(`${quote}${s}${quote}`);
  return {
    dict: [
      ['Sid', sid ? pyCode(sid) : q(LOGS_SID)],
      ['Effect', q('Allow')],
      ['Principal', { dict: [['Service', pyCode(pyStr(principal(region), quote))]], inline: true }],
      ['Action', { list: LOGS_ACTIONS.map(q) }],
      ['Resource', q('*')],
      ['Condition', { dict: [['ArnLike', { dict: [['kms:EncryptionContext:aws:logs:arn', pyCode(pyStr(logGroupArns(region, account), quote))]] }]] }],
    ],
  };
}

/** Keeps the account in control of a key whose policy is written from scratch. */
export function jsonRootStatement(account: Token, quote: string): PyValue {
  const q = (s: string) => pyCode(`${quote}${s}${quote}`);
  return {
    dict: [
      ['Sid', q('EnableRootAccountPermissions')],
      ['Effect', q('Allow')],
      ['Principal', { dict: [['AWS', pyCode(pyStr(['arn:aws:iam::', account, ':root'], quote))]], inline: true }],
      ['Action', q('kms:*')],
      ['Resource', q('*')],
    ],
  };
}

/** `iam.PolicyStatement(...)` for CloudWatch Logs (CDK); `sid` keeps an existing sid (code as written). */
export function cdkPolicyStatement(region: Token, account: Token, quote: string, names: { policyStatement: string; servicePrincipal: string }, sid?: string): PyValue {
  const q = (s: string) => pyCode(`${quote}${s}${quote}`);
  return {
    call: names.policyStatement,
    kwargs: [
      ['sid', sid ? pyCode(sid) : q(LOGS_SID)],
      ['principals', pyCode(`[${names.servicePrincipal}(${pyStr(principal(region), quote)})]`)],
      ['actions', { list: LOGS_ACTIONS.map(q) }],
      ['resources', pyCode(`[${quote}*${quote}]`)],
      ['conditions', { dict: [['ArnLike', { dict: [['kms:EncryptionContext:aws:logs:arn', pyCode(pyStr(logGroupArns(region, account), quote))]] }]] }],
    ],
  };
}

/** `<ref>.add_to_resource_policy(iam.PolicyStatement(...))` for a CDK L2 key. */
export function cdkAddToResourcePolicy(ref: string, region: Token, account: Token, quote: string, names: { policyStatement: string; servicePrincipal: string }): PyValue {
  return { call: `${ref}.add_to_resource_policy`, arg: cdkPolicyStatement(region, account, quote, names) };
}

/** The file's indent step, preferred quote, and whether its multi-line brackets end with a comma. */
export function styleOf(file: PyFile): PyStyle {
  let withComma = 0;
  let without = 0;
  walk(file.root, (n: Node) => {
    if (!['argument_list', 'list', 'dictionary', 'set', 'tuple', 'parameters'].includes(n.type)) return;
    const kids = n.children.filter((c): c is Node => !!c && c.type !== 'comment');
    const close = kids.at(-1);
    const before = kids.at(-2);
    // Only brackets whose closer sits on its own line, after at least one element.
    if (!close || !before || kids.length < 3 || close.startPosition.row === before.endPosition.row) return;
    if (hasTrailingComma(n)) withComma++;
    else without++;
  });
  return { unit: indentUnit(file.text), quote: preferredQuote(file.root), trailingComma: withComma >= without };
}

