// The project view the Python transform needs: lazily parsed modules, project-relative module
// resolution (`from infra.security import X`, `from .security import X`, `import app.kms as k`)
// and lexical name lookup (function scope, then module scope, then imports).
import { posix } from 'node:path';
import type { CodemodContext } from '../../src/fix/contract.js';
import { applyEdits, type Edit } from '../../src/fix/python/edits.js';
import { Imports } from '../../src/fix/python/imports.js';
import { parsePython, type Node, type PyFile } from '../../src/fix/python/parser.js';
import { field, walk } from '../../src/fix/python/syntax.js';

export interface PyModule {
  path: string;
  text: string;
  file: PyFile;
  imports: Imports;
  root: Node;
}

export class PyProject {
  private readonly cache = new Map<string, PyModule | null>();
  private readonly known: Set<string>;

  constructor(private readonly ctx: CodemodContext) {
    this.known = new Set([...ctx.files.map((f) => f.path), ...ctx.listFiles('python')]);
  }

  async get(path: string): Promise<PyModule | undefined> {
    const hit = this.cache.get(path);
    if (hit !== undefined) return hit ?? undefined;
    const text = this.ctx.files.find((f) => f.path === path)?.text ?? (this.known.has(path) ? this.ctx.readFile(path) : undefined);
    if (text === undefined) {
      this.cache.set(path, null);
      return undefined;
    }
    const file = await parsePython(path, text);
    const mod: PyModule = { path, text, file, imports: new Imports(file), root: file.root };
    this.cache.set(path, mod);
    return mod;
  }

  /** The project file a module name refers to from `from` (`.security`, `infra.security`), if any. */
  async resolveModule(from: PyModule, name: string): Promise<PyModule | undefined> {
    const dots = /^\.*/.exec(name)![0].length;
    const parts = name.slice(dots).split('.').filter(Boolean);
    const bases: string[] = [];
    if (dots > 0) {
      let dir = posix.dirname(from.path);
      for (let i = 1; i < dots; i++) dir = posix.dirname(dir);
      bases.push(dir === '.' ? '' : dir);
    } else {
      // Absolute imports: from the project root, or from a source root above the importing file.
      bases.push('');
      for (let dir = posix.dirname(from.path); dir !== '.' && dir !== '/' && dir !== ''; dir = posix.dirname(dir)) bases.push(dir);
      bases.push('src');
    }
    for (const base of bases) {
      const stem = [base, ...parts].filter(Boolean).join('/');
      const candidates = parts.length ? [`${stem}.py`, `${stem}/__init__.py`] : [`${stem ? `${stem}/` : ''}__init__.py`];
      for (const c of candidates) {
        if (!this.known.has(c)) continue;
        const m = await this.get(c);
        if (m) return m;
      }
    }
    return undefined;
  }

  /** Is this module name one a project file could provide (relative, or its first part is a project folder/file)? */
  looksLocal(name: string): boolean {
    if (name.startsWith('.')) return true;
    const head = name.split('.')[0]!;
    return [...this.known].some((p) => p === `${head}.py` || p.startsWith(`${head}/`) || p.includes(`/${head}/`) || p.endsWith(`/${head}.py`));
  }

  dispose(): void {
    for (const m of this.cache.values()) m?.file.dispose();
    this.cache.clear();
  }
}

export type Binding =
  | { kind: 'assign'; mod: PyModule; node: Node; right: Node }
  | { kind: 'param'; mod: PyModule; name: string; fn: Node }
  | { kind: 'import'; mod: PyModule; module: string; imported?: string }
  | { kind: 'class'; mod: PyModule; node: Node }
  | { kind: 'function'; mod: PyModule; node: Node }
  | { kind: 'other'; mod: PyModule; what: string; node?: Node };

const SCOPES = new Set(['function_definition', 'class_definition', 'lambda']);

/** The function/lambda scopes around a node, innermost first. */
function enclosingScopes(node: Node): Node[] {
  const out: Node[] = [];
  for (let p = node.parent; p; p = p.parent) if (p.type === 'function_definition' || p.type === 'lambda') out.push(p);
  return out;
}

/** Parameter names of a function or lambda. */
export function paramNames(fn: Node): string[] {
  const params = field(fn, 'parameters');
  const out: string[] = [];
  for (const p of params?.namedChildren ?? []) {
    if (!p) continue;
    if (p.type === 'identifier') out.push(p.text);
    else if (p.type === 'default_parameter' || p.type === 'typed_default_parameter') {
      const n = field(p, 'name');
      if (n) out.push(n.text);
    } else if (p.type === 'typed_parameter' || p.type === 'list_splat_pattern' || p.type === 'dictionary_splat_pattern') {
      const n = p.namedChildren.find((c) => c?.type === 'identifier');
      if (n) out.push(n.text);
    }
  }
  return out;
}

/** Bindings of `name` directly in a scope body (not in nested functions or classes). */
function bindingsIn(mod: PyModule, body: Node, name: string): Binding[] {
  const out: Binding[] = [];
  walk(body, (n) => {
    if (!n.equals(body) && SCOPES.has(n.type)) {
      if ((n.type === 'class_definition' || n.type === 'function_definition') && field(n, 'name')?.text === name) {
        out.push(n.type === 'class_definition' ? { kind: 'class', mod, node: n } : { kind: 'function', mod, node: n });
      }
      return false;
    }
    if (n.type === 'assignment') {
      const left = field(n, 'left');
      const right = field(n, 'right');
      if (left?.type === 'identifier' && left.text === name && right) out.push({ kind: 'assign', mod, node: n, right });
      else if (left && ['pattern_list', 'tuple_pattern', 'list_pattern', 'tuple', 'list'].includes(left.type) && targetNames(left).includes(name)) {
        out.push({ kind: 'other', mod, what: 'unpacked from a tuple', node: n });
      }
    } else if (n.type === 'for_statement' || n.type === 'for_in_clause') {
      if (targetNames(field(n, 'left')).includes(name)) out.push({ kind: 'other', mod, what: 'a loop variable', node: n });
    } else if (n.type === 'as_pattern' && n.parent?.type === 'with_item') {
      if (targetNames(field(n, 'alias')).includes(name)) out.push({ kind: 'other', mod, what: 'a with-statement target', node: n });
    } else if (n.type === 'import_from_statement') {
      const modName = field(n, 'module_name')?.text;
      for (const c of n.childrenForFieldName('name')) {
        if (!c || !modName) continue;
        const imported = c.type === 'aliased_import' ? field(c, 'name')!.text : c.text;
        const local = c.type === 'aliased_import' ? field(c, 'alias')!.text : c.text;
        if (local === name) out.push({ kind: 'import', mod, module: modName, imported });
      }
    } else if (n.type === 'import_statement') {
      for (const c of n.childrenForFieldName('name')) {
        if (!c) continue;
        if (c.type === 'aliased_import' && field(c, 'alias')?.text === name) out.push({ kind: 'import', mod, module: field(c, 'name')!.text });
        else if (c.type === 'dotted_name' && c.text.split('.')[0] === name) out.push({ kind: 'import', mod, module: name });
      }
    }
  });
  return out;
}

/** Identifiers a target pattern binds (`a`, `a, (b, c)`). */
function targetNames(n: Node | undefined): string[] {
  const out: string[] = [];
  if (n) walk(n, (c) => {
    if (c.type === 'identifier' && c.parent?.type !== 'attribute') out.push(c.text);
    if (c.type === 'attribute' || c.type === 'subscript') return false;
  });
  return out;
}

/** Picks the binding a read at `at` sees: the last one before it, else (module scope, read later) the last one. */
function pick(bindings: Binding[], at: Node | undefined, sameScope: boolean): Binding | undefined {
  const pos = (b: Binding) => ('node' in b && b.node ? b.node.startIndex : -1);
  if (!at) return bindings.at(-1);
  const before = bindings.filter((b) => pos(b) < at.startIndex);
  if (before.length) return before.at(-1);
  return sameScope ? undefined : bindings.at(-1);
}

/** What `name` refers to where `at` reads it (at undefined: the module's top-level binding). */
export function findBinding(mod: PyModule, name: string, at: Node | undefined): Binding | undefined {
  if (at) {
    for (const scope of enclosingScopes(at)) {
      if (scope.type === 'lambda') {
        if (paramNames(scope).includes(name)) return { kind: 'other', mod, what: 'a lambda parameter' };
        continue;
      }
      const body = field(scope, 'body');
      const local = body ? pick(bindingsIn(mod, body, name), at, true) : undefined;
      if (local) return local;
      if (paramNames(scope).includes(name)) return { kind: 'param', mod, name, fn: scope };
      // Assigned later in the same function only (a loop): not something to follow.
      if (body && bindingsIn(mod, body, name).length) return { kind: 'other', mod, what: 'assigned after it is used' };
    }
  }
  const atModuleLevel = at ? enclosingScopes(at).length === 0 : false;
  return pick(bindingsIn(mod, mod.root, name), atModuleLevel ? at : undefined, atModuleLevel);
}

/** Enclosing function_definition that is a method directly in a class body, and that class. */
export function methodOf(node: Node): { fn: Node; cls: Node; self?: string } | undefined {
  for (let p = node.parent; p; p = p.parent) {
    if (p.type === 'lambda') continue;
    if (p.type === 'class_definition') return undefined;
    if (p.type !== 'function_definition') continue;
    let up = p.parent;
    if (up?.type === 'decorated_definition') up = up.parent;
    const cls = up?.type === 'block' ? up.parent : undefined;
    if (cls?.type !== 'class_definition') return undefined;
    return { fn: p, cls, self: paramNames(p)[0] };
  }
  return undefined;
}

/** An import the edit needs: `from m import name [as alias]` or `import m [as alias]`. */
export type ImportNeed = { from: string; name: string; alias?: string } | { module: string; alias?: string };

const STDLIB = new Set(['abc', 'base64', 'collections', 'dataclasses', 'datetime', 'enum', 'functools', 'hashlib', 'itertools', 'json', 'logging', 'os', 'pathlib', 're', 'subprocess', 'sys', 'textwrap', 'time', 'typing', 'typing_extensions', 'uuid']);

/**
 * Applies the imports one at a time, re-reading the file each time, so two names added to the
 * same `from aws_cdk import (...)` list both land in its layout.
 */
export async function withImports(path: string, text: string, needs: ImportNeed[]): Promise<string> {
  let out = text;
  const seen = new Set<string>();
  for (const need of needs) {
    const key = JSON.stringify(need);
    if (seen.has(key)) continue;
    seen.add(key);
    const file = await parsePython(path, out);
    try {
      const imports = new Imports(file);
      let edit: Edit | undefined;
      if ('from' in need) {
        if (imports.localFor(`${need.from}.${need.name}`) === (need.alias ?? need.name)) continue;
        edit = oneNamePerLine(imports, need) ?? imports.addFromImport(need.from, need.name, need.alias);
      } else {
        if (imports.localFor(need.module) === (need.alias ?? need.module.split('.')[0])) continue;
        edit = STDLIB.has(need.module) && !need.alias ? stdlibImport(file, imports, need.module) : (siblingImport(imports, need.module, need.alias) ?? imports.addImport(need.module, need.alias));
      }
      out = applyEdits(out, [edit]);
    } finally {
      file.dispose();
    }
  }
  return out;
}

/**
 * `from aws_cdk import aws_kms as kms` on a line of its own, one per module: a new aliased name
 * gets a line of its own too, after the last of them.
 */
function oneNamePerLine(imports: Imports, need: { from: string; name: string; alias?: string }): Edit | undefined {
  const stmts = imports.fromStatements(need.from);
  // isort keeps `as` imports on lines of their own by default (combine_as_imports = false).
  const single = (s: Node) => {
    const names = s.childrenForFieldName('name').filter(Boolean);
    return names.length === 1 && names[0]!.type === 'aliased_import' && !s.text.includes('(');
  };
  const singles = stmts.filter(single);
  if (!need.alias || singles.length === 0) return undefined;
  const last = singles.at(-1)!;
  const text = imports.file.text;
  const eol = text.indexOf('\n', last.endIndex);
  const end = eol === -1 ? text.length : eol;
  const entry = need.alias && need.alias !== need.name ? `${need.name} as ${need.alias}` : need.name;
  return { start: end, end, text: `\nfrom ${need.from} import ${entry}` };
}

/** `import json` goes with the standard-library imports at the top, not after `pulumi_aws`. */
function stdlibImport(file: PyFile, imports: Imports, module: string): Edit {
  const first = imports.statements.find((s) => s.type !== 'future_import_statement');
  if (!first) return imports.addImport(module);
  const firstModule = (first.type === 'import_statement' ? first.childrenForFieldName('name')[0]?.text : field(first, 'module_name')?.text) ?? '';
  const head = firstModule.replace(/ as .*$/, '').split('.')[0]!;
  const at = first.startIndex;
  return { start: at, end: at, text: STDLIB.has(head) ? `import ${module}\n` : `import ${module}\n\n` };
}

/** `import aws_cdk.aws_iam as iam` in sorted place among the file's other `import aws_cdk.x` lines. */
function siblingImport(imports: Imports, module: string, alias: string | undefined): Edit | undefined {
  const head = module.split('.')[0]!;
  const moduleOf = (s: Node) => s.childrenForFieldName('name')[0]?.childForFieldName('name')?.text ?? s.childrenForFieldName('name')[0]?.text ?? '';
  const siblings = imports.statements.filter((s) => s.type === 'import_statement' && moduleOf(s).split('.')[0] === head);
  if (siblings.length === 0) return undefined;
  const line = alias ? `import ${module} as ${alias}` : `import ${module}`;
  const after = siblings.find((s) => moduleOf(s) > module);
  if (after) return { start: after.startIndex, end: after.startIndex, text: `${line}\n` };
  const text = imports.file.text;
  const eol = text.indexOf('\n', siblings.at(-1)!.endIndex);
  const end = eol === -1 ? text.length : eol;
  return { start: end, end, text: `\n${line}` };
}
