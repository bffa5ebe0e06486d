// jscodeshift transform: replace a deprecated CDK construct property with the replacement its
// deprecation warning names, in the shape the replacement takes (deprecations.ts), e.g.
//   `RepositoryProps#autoDeleteImages`  autoDeleteImages: x      -> emptyOnDelete: x
//   `TableOptions#pointInTimeRecovery`  pointInTimeRecovery: x   -> pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: x }
//   `ClusterProps#containerInsights`    containerInsights: true  -> containerInsightsV2: ecs.ContainerInsights.ENABLED
//   `VpcProps#cidr`                     cidr: '10.0.0.0/16'      -> ipAddresses: ec2.IpAddresses.cidr('10.0.0.0/16')
//
// Only the props of the row's construct classes (from aws-cdk-lib/<module>, whatever the import
// style) and object literals declared with one of its props types change. Edits are ranges of
// the original text, so the value, comments and layout around them stay byte for byte.
//
//   npx jscodeshift -t codemods/rename-deprecated-property/typescript.ts --parser ts \
//     --property=cidr --replacement=ipAddresses --propsType=VpcProps --module=aws_ec2 lib/
import type { API, ASTPath, Collection, FileInfo, JSCodeshift, Options } from 'jscodeshift';
import { applyEdits, type Edit } from '../../src/fix/python/edits.ts';
import { deprecationFor, targetsOf, type Deprecation } from './deprecations.ts';
import { fileQuote, moduleBindings, namespaceImportLine, usesRequire } from '../shared/jscodeshift.ts';

/* eslint-disable @typescript-eslint/no-explicit-any */
type AnyNode = any;

export default function transform(file: FileInfo, api: API, options: Options): string | null | undefined {
  const row = deprecationFor({
    module: String(options.module ?? ''),
    propsType: String(options.propsType ?? ''),
    property: String(options.property ?? ''),
    replacement: String(options.replacement ?? ''),
  });
  if (!row) {
    api.report('refused: the warning names no known props type, module and replacement (e.g. aws_ecr.RepositoryProps#autoDeleteImages -> emptyOnDelete)');
    return null;
  }
  if (!file.source.includes(row.property) && !file.source.includes(row.replacement)) return null;
  const j = api.jscodeshift;
  const root = j(file.source);

  /** Props objects to fix, with the `new X(scope, id, props)` that takes them when known. */
  const objects = new Map<AnyNode, AnyNode | undefined>();
  /** Props built from values this file does not show (an imported object, a caller elsewhere). */
  const unresolved = new Set<string>();
  for (const target of targetsOf(row)) {
    const refs = moduleRefs(j, root, target.module, target.classes, target.propsTypes);
    if (!refs.namespaces.length && !refs.named.size) continue;
    // `new ecr.Repository(scope, id, props)`, and `super(scope, id, props)` in a subclass of it.
    const calls = [...root.find(j.NewExpression).paths(), ...root.find(j.CallExpression, { callee: { type: 'Super' } }).paths()];
    calls.forEach((path) => {
      const node = path.node as AnyNode;
      if (node.type === 'CallExpression') {
        const cls = j(path).closest(j.ClassDeclaration).nodes()[0] as AnyNode ?? (j(path).closest(j.ClassExpression).nodes()[0] as AnyNode);
        if (!cls?.superClass || !target.classes.some((c) => isRef(cls.superClass, c, refs))) return;
      } else if (!target.classes.some((c) => isRef(node.callee, c, refs))) return;
      const props = unwrap(node.arguments[2]);
      if (props?.type === 'ObjectExpression') objects.set(props, node);
      else if (props?.type === 'Identifier') {
        const init = localObject(j, root, props.name);
        if (init) objects.set(init, usedOnce(j, root, props.name) ? node : undefined);
      }
      // What the props are built from: spread defaults (`{ ...repositoryDefaults, ... }`) and,
      // for a helper's parameter, the objects its callers in this file pass.
      if (!props) return;
      const found = propsSources(j, root, path, props);
      for (const o of found.objects) if (!objects.has(o)) objects.set(o, undefined);
      for (const u of found.unresolved) unresolved.add(u);
    });
    // `const props: ecr.RepositoryProps = { ... }`, wherever it goes.
    root.find(j.VariableDeclarator).forEach((path) => {
      const node = path.node as AnyNode;
      const ann = node.id.typeAnnotation?.typeAnnotation;
      const init = unwrap(node.init);
      const isProps = (t: AnyNode) => t?.type === 'TSTypeReference' && target.propsTypes.some((p) => isRef(t.typeName, p, refs));
      const typed = isProps(ann) || ((node.init?.type === 'TSSatisfiesExpression' || node.init?.type === 'TSAsExpression') && isProps(node.init.typeAnnotation));
      if (typed && init?.type === 'ObjectExpression' && !objects.has(init)) objects.set(init, undefined);
    });
  }
  if (!objects.size) return null;

  const valueModule = row.value.kind === 'construct' ? row.value.module : row.module;
  const valueRefs = moduleRefs(j, root, valueModule, [], []);
  const edits: Edit[] = [];
  const imported = new Map<string, string>();
  const reachName = (name: string) => reach(j, root, file.path, name, valueRefs, row, file.source, edits, imported);
  let changed = 0;
  let already = 0;
  for (const [obj, site] of objects) {
    const props = obj.properties.filter((p: AnyNode) => (p.type === 'ObjectProperty' || p.type === 'Property') && !p.computed);
    const old = props.filter((p: AnyNode) => keyName(p) === row.property);
    const repl = props.find((p: AnyNode) => keyName(p) === row.replacement);
    const line = obj.loc?.start.line ?? '?';
    if (old.length && repl) {
      api.report(`refused: ${row.classes[0]} props at line ${line} set both ${row.property} and ${row.replacement}; keep one by hand`);
      return null;
    }
    if (repl) already++;
    for (const p of old) {
      const valueText = p.shorthand ? p.key.name : file.source.slice(p.value.start, p.value.end);
      const value = newValue(row, p.shorthand ? p.key : p.value, valueText, reachName, site, file.source);
      if (typeof value === 'object') {
        api.report(`refused: ${row.property} at line ${p.loc?.start.line ?? line}: ${value.refused}`);
        return null;
      }
      if (p.shorthand) {
        // `{ autoDeleteImages }` -> `{ emptyOnDelete: autoDeleteImages }`: the variable keeps its name.
        edits.push({ start: p.start, end: p.end, text: `${row.replacement}: ${value}` });
      } else {
        const quote = p.key.type === 'Identifier' ? '' : file.source[p.key.start];
        edits.push({ start: p.key.start, end: p.key.end, text: `${quote}${row.replacement}${quote}` });
        if (value !== valueText) edits.push({ start: p.value.start, end: p.value.end, text: value });
      }
      changed++;
    }
  }
  if (unresolved.size) api.report(`note: ${row.classes[0]} props at ${[...unresolved].join(', ')} come from values built where stackfix cannot follow; check them for ${row.property}`);
  if (changed === 0) {
    if (already) api.report(`already-fixed: ${row.classes[0]} already uses ${row.replacement}`);
    return null;
  }
  return applyEdits(file.source, edits);
}

/** The replacement's value for the old value's node and text, or why it cannot be written. */
function newValue(row: Deprecation, node: AnyNode, text: string, reachName: (name: string) => string | { refused: string }, site: AnyNode | undefined, source: string): string | { refused: string } {
  const v = row.value;
  switch (v.kind) {
    case 'same':
      return text;
    case 'struct':
      return `{ ${v.key}: ${text} }`;
    case 'boolean-enum': {
      const literal = unwrap(node);
      const isBool = literal?.type === 'BooleanLiteral' || (literal?.type === 'Literal' && typeof literal.value === 'boolean');
      if (!isBool) return { refused: `the value is computed (${text.split('\n')[0]}); choose ${v.enum}.${v.whenTrue} or .${v.whenFalse} for ${row.replacement} by hand` };
      const ref = reachName(v.enum);
      return typeof ref === 'string' ? `${ref}.${literal.value ? v.whenTrue : v.whenFalse}` : ref;
    }
    case 'factory': {
      const ref = reachName(v.class);
      return typeof ref === 'string' ? `${ref}.${v.method}(${text})` : ref;
    }
    case 'construct': {
      if (!site) return { refused: `the props are not passed straight to one construct, so the scope for the new ${v.class} is unclear; add ${row.replacement} by hand` };
      const [scope, id] = site.arguments as AnyNode[];
      if (!(scope?.type === 'ThisExpression' || scope?.type === 'Identifier')) return { refused: `the construct's scope is computed; create the ${v.class} in that scope by hand` };
      const idValue = id?.type === 'StringLiteral' || (id?.type === 'Literal' && typeof id.value === 'string') ? String(id.value) : undefined;
      if (idValue === undefined) return { refused: `the construct's id is not a string literal, so the new ${v.class} has no id to derive; add it by hand` };
      const newId = `${idValue}${v.idSuffix}`;
      const q = source[id.start];
      if (source.includes(`${q}${newId}${q}`)) return { refused: `the id ${newId} is already used in this file; add the ${v.class} by hand` };
      const ref = reachName(v.class);
      if (typeof ref !== 'string') return ref;
      return `new ${ref}(${source.slice(scope.start, scope.end)}, ${q}${newId}${q}, { ${v.key}: ${text} })`;
    }
  }
}

interface Refs {
  module: string;
  /** An `import { aws_x as x } from 'aws-cdk-lib'` declaration: the file's style for a module import. */
  libImport?: AnyNode;
  /** Local names that stand for the module, in source order: `ecr` in `ecr.Repository`, `cdk.aws_ecr`. */
  namespaces: string[];
  /** Local names of the construct classes (or aliases). */
  classNames: Set<string>;
  propsNames: Set<string>;
  /** Imported name -> local name, for every named import from the submodule. */
  named: Map<string, string>;
  /** The first `import { ... } from 'aws-cdk-lib/<module>'` with named specifiers. */
  namedImport?: AnyNode;
}

function moduleRefs(j: JSCodeshift, root: Collection, module: string, classes: string[], propsTypes: string[]): Refs {
  const refs: Refs = { module, namespaces: [], classNames: new Set(), propsNames: new Set(), named: new Map() };
  const dashed = module.replace(/_/g, '-');
  const sub = new Set([`aws-cdk-lib/${dashed}`, `@aws-cdk/${dashed}`]);
  // ESM imports and CommonJS requires alike: `const ecr = require('aws-cdk-lib/aws-ecr')`,
  // `const { aws_ecr: ecr } = require('aws-cdk-lib')`, `const { Repository } = require('aws-cdk-lib/aws-ecr')`.
  for (const b of moduleBindings(j, root)) {
    const whole = b.imported === '*' || b.imported === 'default';
    if (sub.has(b.module)) {
      if (whole) refs.namespaces.push(b.local);
      else {
        refs.named.set(b.imported, b.local);
        // Values (ContainerInsights, IpAddresses) join a value import, never `import type { ... }`.
        if (!refs.namedImport && b.kind === 'import' && !b.typeOnly && b.declaration.type === 'ImportDeclaration') refs.namedImport = b.declaration;
        if (classes.includes(b.imported)) refs.classNames.add(b.local);
        else if (propsTypes.includes(b.imported)) refs.propsNames.add(b.local);
      }
    } else if (b.module === 'aws-cdk-lib') {
      if (whole) refs.namespaces.push(`${b.local}.${module}`);
      else if (b.imported === module) refs.namespaces.push(b.local);
      else if (!refs.libImport && b.kind === 'import' && b.declaration.type === 'ImportDeclaration' && /^aws_\w+$/.test(b.imported)) refs.libImport = b.declaration;
    }
  }
  return refs;
}

/**
 * A local expression for a member of the module (`IpAddresses` -> `ec2.IpAddresses`), adding it
 * to the file's named import from the submodule when that is how the file imports it.
 */
function reach(j: JSCodeshift, root: Collection, path: string, name: string, refs: Refs, row: Deprecation, source: string, edits: Edit[], imported: Map<string, string>): string | { refused: string } {
  // `ec2` (the submodule's own import) before `cdk.aws_ec2`.
  const ns = refs.namespaces.find((n) => !n.includes('.')) ?? refs.namespaces[0] ?? imported.get('*');
  if (ns) return `${ns}.${name}`;
  const local = refs.named.get(name) ?? imported.get(name);
  if (local) return local;
  const decl = refs.namedImport;
  const dashed = refs.module.replace(/_/g, '-');
  const eol = source.includes('\r\n') ? '\r\n' : '\n';
  if (decl) {
    imported.set(name, name);
    edits.push(addSpecifier(source, decl, name, eol));
    return name;
  }
  // The file does not import the module at all: only a module of a construct the fix creates
  // (aws-logs for a new LogGroup) gets a new import; a value of the row's own module refuses.
  if (row.value.kind !== 'construct') return { refused: `no import of aws-cdk-lib/${dashed} to reach ${name} from` };
  const alias = row.value.alias;
  if (root.find(j.Identifier, { name: alias }).size()) return { refused: `the name ${alias} is taken in this file, so aws-cdk-lib/${dashed} cannot be imported under it; add the import and ${row.replacement} by hand` };
  imported.set('*', alias);
  if (refs.libImport) {
    // `import { Stack, aws_lambda as lambda } from 'aws-cdk-lib'` -> `..., aws_logs as logs }`
    edits.push(addSpecifier(source, refs.libImport, `${refs.module} as ${alias}`, eol));
  } else {
    // After the last import (or require), in the file's module system, quote and semicolon habit.
    const last = moduleBindings(j, root).at(-1)?.declaration;
    const quote = fileQuote(j, root) === 'double' ? '"' : "'";
    const semi = last ? source.slice(last.start, last.end).trimEnd().endsWith(';') : true;
    const line = namespaceImportLine(alias, `aws-cdk-lib/${dashed}`, { commonjs: usesRequire(j, root, path), quote, semi });
    if (last) edits.push({ start: last.end, end: last.end, text: `${eol}${line}` });
    else edits.push({ start: 0, end: 0, text: `${line}${eol}` });
  }
  return `${alias}.${name}`;
}

/** Adds a specifier to `import { a, b } from '...'` in its layout (one per line keeps one per line). */
function addSpecifier(source: string, decl: AnyNode, entry: string, eol: string): Edit {
  const specs = decl.specifiers.filter((s: AnyNode) => s.type === 'ImportSpecifier');
  const last = specs.at(-1);
  const close = source.indexOf('}', last.end);
  const between = source.slice(last.end, close);
  const comma = between.indexOf(',');
  if (comma >= 0 && between.includes('\n')) {
    // One specifier per line with a trailing comma: a new line in the same indent.
    const lineStart = source.lastIndexOf('\n', last.start - 1) + 1;
    const indent = source.slice(lineStart, last.start);
    const at = last.end + comma + 1;
    return { start: at, end: at, text: `${eol}${/^\s*$/.test(indent) ? indent : '  '}${entry},` };
  }
  return { start: last.end, end: last.end, text: `, ${entry}` };
}

/** Whether the identifier is referenced once besides its declaration (the props go to one construct). */
function usedOnce(j: JSCodeshift, root: Collection, name: string): boolean {
  return root.find(j.Identifier, { name }).size() === 2;
}

function dotted(node: AnyNode): string | undefined {
  if (!node) return undefined;
  if (node.type === 'Identifier') return node.name;
  if (node.type === 'MemberExpression' && !node.computed && node.property.type === 'Identifier') {
    const left = dotted(node.object);
    return left === undefined ? undefined : `${left}.${node.property.name}`;
  }
  if (node.type === 'TSQualifiedName') {
    const left = dotted(node.left);
    return left === undefined ? undefined : `${left}.${node.right.name}`;
  }
  return undefined;
}

function isRef(node: AnyNode, name: string, refs: Refs): boolean {
  const d = dotted(node);
  if (!d) return false;
  if (!d.includes('.')) return refs.named.get(name) === d;
  const i = d.lastIndexOf('.');
  return d.slice(i + 1) === name && refs.namespaces.includes(d.slice(0, i));
}

function unwrap(node: AnyNode): AnyNode {
  while (node && ['TSAsExpression', 'TSSatisfiesExpression', 'TSNonNullExpression', 'ParenthesizedExpression'].includes(node.type)) node = node.expression;
  return node;
}

function localObject(j: JSCodeshift, root: Collection, name: string): AnyNode | undefined {
  const decls = root.find(j.VariableDeclarator).filter((p: ASTPath) => (p.node as AnyNode).id.type === 'Identifier' && (p.node as AnyNode).id.name === name);
  if (decls.length !== 1) return undefined;
  const init = unwrap((decls.nodes()[0] as AnyNode).init);
  return init?.type === 'ObjectExpression' ? init : undefined;
}

function keyName(p: AnyNode): string | undefined {
  if (p.key.type === 'Identifier') return p.key.name;
  if (p.key.type === 'StringLiteral' || p.key.type === 'Literal') return String(p.key.value);
  return undefined;
}

/**
 * The object literals a construct's props are built from, besides the props literal itself:
 * `...defaults` spread from a local const, and for a props parameter of the enclosing helper
 * (`private repo(id: string, props: ecr.RepositoryProps)`), the literals its callers in this
 * file pass. `unresolved` names the values it cannot see (`line 12: ...sharedProps`).
 */
function propsSources(j: JSCodeshift, root: Collection, site: ASTPath, props: AnyNode): { objects: AnyNode[]; unresolved: string[] } {
  const out = { objects: [] as AnyNode[], unresolved: [] as string[] };
  const line = (n: AnyNode) => `line ${n.loc?.start.line ?? '?'}`;
  const spreads = (obj: AnyNode, at: ASTPath, depth: number) => {
    for (const p of obj.properties) if (p.type === 'SpreadElement' || p.type === 'SpreadProperty') visit(p.argument, `...${clip(p.argument)}`, at, depth);
  };
  const visit = (value: AnyNode, what: string, at: ASTPath, depth: number): void => {
    const v = unwrap(value);
    if (depth > 4 || out.objects.includes(v)) return;
    if (v?.type === 'ObjectExpression') {
      out.objects.push(v);
      spreads(v, at, depth);
      return;
    }
    // `...(dev ? { autoDeleteImages: true } : {})`, `...(dev && { autoDeleteImages: true })`
    if (v?.type === 'ConditionalExpression') {
      visit(v.consequent, what, at, depth + 1);
      visit(v.alternate, what, at, depth + 1);
      return;
    }
    if (v?.type === 'LogicalExpression') {
      visit(v.right, what, at, depth + 1);
      if (v.operator !== '&&') visit(v.left, what, at, depth + 1);
      return;
    }
    if (v?.type === 'Identifier' && v.name === 'undefined') return;
    if (v?.type === 'Identifier') {
      const init = localObject(j, root, v.name);
      if (init) return visit(init, what, at, depth + 1);
      const callers = callerArguments(j, root, at, v.name);
      if (callers?.length) {
        for (const c of callers) visit(c.arg, `${v.name} from the call at ${line(c.arg)}`, c.path, depth + 1);
        return;
      }
      if (callers) return void out.unresolved.push(`${line(value)} (${what}: no call of this helper in the file)`);
    }
    out.unresolved.push(`${line(value)} (${what})`);
  };
  const top = unwrap(props);
  if (top?.type === 'ObjectExpression') spreads(top, site, 0);
  else if (top?.type === 'Identifier' && !localObject(j, root, top.name)) visit(top, top.name, site, 0);
  return out;
}

function clip(node: AnyNode): string {
  const d = dotted(node);
  return d ?? node?.type ?? '?';
}

/**
 * When `name` is a parameter of the function around `site`, the arguments the file's calls of
 * that function pass for it (an empty list when there is no call here); undefined when it is not
 * a parameter.
 */
function callerArguments(j: JSCodeshift, root: Collection, site: ASTPath, name: string): Array<{ arg: AnyNode; path: ASTPath }> | undefined {
  let fn: AnyNode | undefined;
  let fnPath: ASTPath | undefined;
  for (let p: ASTPath | null = site.parent; p; p = p.parent) {
    const t = (p.node as AnyNode).type;
    if (/Function|ClassMethod|ClassPrivateMethod/.test(t)) {
      fn = p.node;
      fnPath = p;
      break;
    }
  }
  if (!fn || !fnPath) return undefined;
  const index = (fn.params ?? []).findIndex((q: AnyNode) => (q.type === 'TSParameterProperty' ? q.parameter : q)?.name === name);
  if (index < 0) return undefined;
  const args: Array<{ arg: AnyNode; path: ASTPath }> = [];
  const collect = (path: ASTPath) => {
    const a = (path.node as AnyNode).arguments?.[index];
    if (a) args.push({ arg: a, path });
  };
  if (fn.type === 'ClassMethod' || fn.type === 'ClassPrivateMethod') {
    const method = fn.key?.name;
    if (fn.kind === 'constructor') {
      const cls = fnPath.parent?.parent?.node as AnyNode;
      const clsName = cls?.id?.name;
      if (!clsName) return [];
      root.find(j.NewExpression).forEach((p) => {
        if ((p.node as AnyNode).callee?.type === 'Identifier' && (p.node as AnyNode).callee.name === clsName) collect(p);
      });
    } else {
      root.find(j.CallExpression).forEach((p) => {
        const c = (p.node as AnyNode).callee;
        if (c?.type === 'MemberExpression' && c.object?.type === 'ThisExpression' && c.property?.name === method) collect(p);
      });
    }
  } else {
    const parent = fnPath.parent?.node as AnyNode;
    const fnName = fn.id?.name ?? (parent?.type === 'VariableDeclarator' && parent.id.type === 'Identifier' ? parent.id.name : undefined);
    if (!fnName) return [];
    root.find(j.CallExpression).forEach((p) => {
      const c = (p.node as AnyNode).callee;
      if (c?.type === 'Identifier' && c.name === fnName) collect(p);
    });
  }
  return args;
}
