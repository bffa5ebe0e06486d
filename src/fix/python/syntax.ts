// Small, exact queries over tree-sitter-python trees that every Python codemod needs:
// dotted names, string literals, call arguments, assignments, enclosing scopes, layout.
import type { Node } from './parser.js';

/** Pre-order walk; return false from fn to skip a node's children. */
export function walk(node: Node, fn: (n: Node) => boolean | void): void {
  const stack: Node[] = [node];
  while (stack.length) {
    const n = stack.pop()!;
    if (fn(n) === false) continue;
    const kids = n.namedChildren;
    for (let i = kids.length - 1; i >= 0; i--) {
      const k = kids[i];
      if (k) stack.push(k);
    }
  }
}

export function findAll(node: Node, type: string | string[]): Node[] {
  const types = new Set(Array.isArray(type) ? type : [type]);
  const out: Node[] = [];
  walk(node, (n) => {
    if (types.has(n.type)) out.push(n);
  });
  return out;
}

export function field(node: Node | null | undefined, name: string): Node | undefined {
  return node?.childForFieldName(name) ?? undefined;
}

/** `a.b.c` for an identifier/attribute chain, else undefined (calls, subscripts...). */
export function dotted(node: Node | null | undefined): string | undefined {
  if (!node) return undefined;
  if (node.type === 'identifier') return node.text;
  if (node.type === 'attribute') {
    const obj = dotted(field(node, 'object'));
    const attr = field(node, 'attribute');
    return obj !== undefined && attr ? `${obj}.${attr.text}` : undefined;
  }
  return undefined;
}

/** Strips parentheses around an expression. */
export function unparen(node: Node | undefined): Node | undefined {
  let n = node;
  while (n?.type === 'parenthesized_expression') n = n.namedChildren.find((c) => c && c.type !== 'comment') ?? undefined;
  return n;
}

export interface StringLiteral {
  value: string;
  /** The quote as written: ' " ''' or """. */
  quote: string;
  /** String prefix letters (r, u, f, b...), lower-cased. */
  prefix: string;
}

/**
 * A plain string literal's value: no interpolation, no escapes, no implicit concatenation,
 * not bytes. Anything else is undefined: callers must not guess what it evaluates to.
 */
export function stringLiteral(node: Node | undefined): StringLiteral | undefined {
  const n = unparen(node);
  if (!n || n.type !== 'string') return undefined;
  const start = n.namedChildren.find((c) => c?.type === 'string_start');
  if (!start) return undefined;
  const m = /^([A-Za-z]*)('''|"""|'|")$/.exec(start.text);
  if (!m) return undefined;
  const prefix = m[1]!.toLowerCase();
  if (prefix.includes('b')) return undefined;
  let value = '';
  for (const c of n.namedChildren) {
    if (!c || c.type === 'string_start' || c.type === 'string_end') continue;
    if (c.type !== 'string_content') return undefined; // interpolation or escape sequence
    if (c.namedChildren.some((x) => x && x.type !== 'comment')) return undefined;
    value += c.text;
  }
  if (!prefix.includes('r') && value.includes('\\')) return undefined;
  return { value, quote: m[2]!, prefix };
}

export function stringValue(node: Node | undefined): string | undefined {
  return stringLiteral(node)?.value;
}

export interface CallArgs {
  positional: Node[];
  keywords: Map<string, { arg: Node; value: Node }>;
  /** `*args` or `**kwargs`: the call may pass arguments this view cannot see. */
  splat: boolean;
  list: Node;
}

export function callArgs(call: Node): CallArgs | undefined {
  const list = field(call, 'arguments');
  if (!list || list.type !== 'argument_list') return undefined;
  const out: CallArgs = { positional: [], keywords: new Map(), splat: false, list };
  for (const a of list.namedChildren) {
    if (!a || a.type === 'comment') continue;
    if (a.type === 'keyword_argument') {
      const name = field(a, 'name');
      const value = field(a, 'value');
      if (name && value) out.keywords.set(name.text, { arg: a, value });
    } else if (a.type === 'list_splat' || a.type === 'dictionary_splat') out.splat = true;
    else out.positional.push(a);
  }
  return out;
}

/** The callee of a call as dotted text (`aws.kms.Key`), or undefined. */
export function calleeName(call: Node): string | undefined {
  return dotted(field(call, 'function'));
}

/** Statement-level ancestor: the child of a module or block that contains node. */
export function statementOf(node: Node): Node | undefined {
  let n: Node | null = node;
  while (n && n.parent && n.parent.type !== 'module' && n.parent.type !== 'block') n = n.parent;
  return n && n.parent ? n : undefined;
}

export function ancestor(node: Node, type: string | string[]): Node | undefined {
  const types = new Set(Array.isArray(type) ? type : [type]);
  for (let n = node.parent; n; n = n.parent) if (types.has(n.type)) return n;
  return undefined;
}

/** The class a node is written in (through methods, not through nested functions' classes). */
export function enclosingClass(node: Node): Node | undefined {
  return ancestor(node, 'class_definition');
}

/** Names of a class's bases as written: `Stack`, `cdk.Stack`, `pulumi.ComponentResource`. */
export function classBases(cls: Node): string[] {
  const sup = field(cls, 'superclasses');
  return (sup?.namedChildren ?? []).map((b) => (b ? dotted(b) : undefined)).filter((b): b is string => b !== undefined);
}

/**
 * Where a value comes from when it is assigned: `x = <value>` or `self.x = <value>`
 * (annotated assignments too). Returns the assignment nodes whose target is the name.
 */
export function assignmentsOf(scope: Node, target: string): Node[] {
  const out: Node[] = [];
  walk(scope, (n) => {
    if (n.type === 'assignment') {
      const left = field(n, 'left');
      if (left && dotted(left) === target && field(n, 'right')) out.push(n);
    }
  });
  return out;
}

/** Every name the module binds anywhere: assignments, imports, defs, params, loop/with/except targets. */
export function boundNames(root: Node): Set<string> {
  const out = new Set<string>();
  const targets = (n: Node | undefined): void => {
    if (!n) return;
    if (n.type === 'identifier') out.add(n.text);
    else if (['pattern_list', 'tuple_pattern', 'list_pattern', 'tuple', 'list', 'list_splat_pattern', 'parenthesized_expression'].includes(n.type)) {
      for (const c of n.namedChildren) if (c) targets(c);
    }
  };
  walk(root, (n) => {
    switch (n.type) {
      case 'assignment':
      case 'augmented_assignment':
        targets(field(n, 'left'));
        break;
      case 'named_expression':
        targets(field(n, 'name'));
        break;
      case 'for_statement':
      case 'for_in_clause':
        targets(field(n, 'left'));
        break;
      case 'function_definition':
      case 'class_definition':
        targets(field(n, 'name'));
        break;
      case 'parameters':
      case 'lambda_parameters':
        for (const p of n.namedChildren) {
          if (!p) continue;
          if (p.type === 'identifier') out.add(p.text);
          else targets(field(p, 'name') ?? p.namedChildren.find((c) => c?.type === 'identifier') ?? undefined);
        }
        break;
      case 'as_pattern':
        targets(field(n, 'alias')?.namedChildren.find((c) => c?.type === 'identifier') ?? field(n, 'alias'));
        break;
      case 'except_clause': {
        // `except E as name`: the name follows `as`
        const kids = n.children;
        const as = kids.findIndex((c) => c?.type === 'as');
        if (as >= 0) targets(kids[as + 1] ?? undefined);
        break;
      }
      case 'global_statement':
      case 'nonlocal_statement':
        for (const c of n.namedChildren) if (c?.type === 'identifier') out.add(c.text);
        break;
      case 'import_statement':
        for (const c of n.childrenForFieldName('name')) {
          if (!c) continue;
          if (c.type === 'aliased_import') out.add(field(c, 'alias')!.text);
          else out.add(c.text.split('.')[0]!);
        }
        break;
      case 'import_from_statement':
        for (const c of n.childrenForFieldName('name')) {
          if (!c) continue;
          if (c.type === 'aliased_import') out.add(field(c, 'alias')!.text);
          else out.add(c.text);
        }
        if (n.namedChildren.some((c) => c?.type === 'wildcard_import')) out.add('*');
        break;
    }
  });
  return out;
}

/** Identifier nodes that read a name: not attribute members, keyword names, or definitions. */
export function nameUses(root: Node, name: string): Node[] {
  const out: Node[] = [];
  walk(root, (n) => {
    if (n.type !== 'identifier' || n.text !== name) return;
    const p = n.parent;
    if (!p) return;
    if (p.type === 'attribute' && field(p, 'attribute')?.equals(n)) return;
    if (p.type === 'keyword_argument' && field(p, 'name')?.equals(n)) return;
    if ((p.type === 'function_definition' || p.type === 'class_definition') && field(p, 'name')?.equals(n)) return;
    if (p.type === 'dotted_name' || p.type === 'aliased_import') return;
    out.push(n);
  });
  return out;
}

// ---- layout ------------------------------------------------------------------------------

export function lineStart(text: string, index: number): number {
  return text.lastIndexOf('\n', index - 1) + 1;
}

export function lineEnd(text: string, index: number): number {
  const nl = text.indexOf('\n', index);
  return nl === -1 ? text.length : nl;
}

/** The whitespace a line starts with (tabs stay tabs). */
export function indentAt(text: string, index: number): string {
  const start = lineStart(text, index);
  return /^[ \t]*/.exec(text.slice(start))![0];
}

/**
 * The file's indent step: the first increase of indentation after a line that opens a block
 * (ends in ':'), else after one that ends in an open bracket (a Pulumi program may have no
 * block at all), else four spaces.
 */
export function indentUnit(text: string): string {
  const lines = text.split('\n').map((l) => l.replace(/\r$/, ''));
  const step = (opener: RegExp): string | undefined => {
    for (let i = 0; i < lines.length - 1; i++) {
      if (!opener.test(lines[i]!)) continue;
      const here = /^[ \t]*/.exec(lines[i]!)![0];
      const next = lines.slice(i + 1).find((l) => l.trim());
      const ind = next ? /^[ \t]*/.exec(next)![0] : '';
      if (ind.length > here.length && ind.startsWith(here)) return ind.slice(here.length);
    }
    return undefined;
  };
  return step(/:\s*(?:#.*)?$/) ?? step(/[([{]\s*(?:#.*)?$/) ?? '    ';
}

export function eolOf(text: string): string {
  return /\r\n/.test(text) ? '\r\n' : '\n';
}

/** The quote the file uses most for strings: `"` or `'`. */
export function preferredQuote(root: Node): '"' | "'" {
  let single = 0;
  let double = 0;
  walk(root, (n) => {
    if (n.type === 'string_start') {
      if (n.text.endsWith("'")) single++;
      else if (n.text.endsWith('"')) double++;
    }
  });
  return single > double ? "'" : '"';
}

/** Does the argument list end with a comma (`f(a, b,)` / one per line with a trailing comma)? */
export function hasTrailingComma(list: Node): boolean {
  const kids = list.children.filter((c): c is Node => !!c && c.type !== 'comment');
  return kids.length >= 2 && kids[kids.length - 2]!.type === ',';
}

/** Is the node's source on more than one line? */
export function isMultiline(node: Node): boolean {
  return node.startPosition.row !== node.endPosition.row;
}
