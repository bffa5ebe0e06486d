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
import type { API, ASTPath, Collection, FileInfo, JSCodeshift, Options } from 'jscodeshift';
import { applyEdits, type Edit } from '../../src/fix/python/edits.js';
import { deprecationFor, type Deprecation } from './deprecations.js';

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
  const refs = moduleRefs(j, root, row);
  if (!refs.namespaces.length && !refs.classNames.size && !refs.propsNames.size) return null;

  const objects = new Set<AnyNode>();
  root.find(j.NewExpression).forEach((path) => {
    const node = path.node as AnyNode;
    if (!row.classes.some((c) => isRef(node.callee, c, refs))) return;
    const props = unwrap(node.arguments[2]);
    if (props?.type === 'ObjectExpression') objects.add(props);
    else if (props?.type === 'Identifier') {
      const init = localObject(j, root, props.name);
      if (init) objects.add(init);
    }
  });
  // `const props: ecr.RepositoryProps = { ... }`, wherever it goes.
  root.find(j.VariableDeclarator).forEach((path) => {
    const node = path.node as AnyNode;
    const ann = node.id.typeAnnotation?.typeAnnotation;
    const init = unwrap(node.init);
    const isProps = (t: AnyNode) => t?.type === 'TSTypeReference' && row.propsTypes.some((p) => isRef(t.typeName, p, refs));
    const typed = isProps(ann) || ((node.init?.type === 'TSSatisfiesExpression' || node.init?.type === 'TSAsExpression') && isProps(node.init.typeAnnotation));
    if (typed && init?.type === 'ObjectExpression') objects.add(init);
  });

  const edits: Edit[] = [];
  const imported = new Map<string, string>();
  let changed = 0;
  let already = 0;
  for (const obj of objects) {
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
      const value = newValue(row, p.shorthand ? p.key : p.value, valueText, (name) => reach(name, refs, file.source, edits, imported));
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
  if (changed === 0) {
    if (already) api.report(`already-fixed: ${row.classes[0]} already uses ${row.replacement}`);
    return null;
  }
  return applyEdits(file.source, edits);
}

/** The replacement's value for the old value's node and text, or why it cannot be written. */
function newValue(row: Deprecation, node: AnyNode, text: string, reachName: (name: string) => string | undefined): string | { refused: string } {
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
      if (!ref) return { refused: `no import of aws-cdk-lib/${row.module.replace(/_/g, '-')} to reach ${v.enum} from` };
      return `${ref}.${literal.value ? v.whenTrue : v.whenFalse}`;
    }
    case 'factory': {
      const ref = reachName(v.class);
      if (!ref) return { refused: `no import of aws-cdk-lib/${row.module.replace(/_/g, '-')} to reach ${v.class} from` };
      return `${ref}.${v.method}(${text})`;
    }
  }
}

interface Refs {
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

function moduleRefs(j: JSCodeshift, root: Collection, row: Deprecation): Refs {
  const refs: Refs = { namespaces: [], classNames: new Set(), propsNames: new Set(), named: new Map() };
  const dashed = row.module.replace(/_/g, '-');
  const sub = new Set([`aws-cdk-lib/${dashed}`, `@aws-cdk/${dashed}`]);
  root.find(j.ImportDeclaration).forEach((path) => {
    const node = path.node as AnyNode;
    if (node.importKind === 'type') return;
    const source = node.source.value;
    for (const spec of node.specifiers ?? []) {
      const local = spec.local?.name;
      if (!local) continue;
      if (sub.has(source)) {
        if (spec.type === 'ImportNamespaceSpecifier' || spec.type === 'ImportDefaultSpecifier') refs.namespaces.push(local);
        else {
          const name = spec.imported?.name;
          refs.named.set(name, local);
          if (!refs.namedImport && spec.importKind !== 'type') refs.namedImport = node;
          if (row.classes.includes(name)) refs.classNames.add(local);
          else if (row.propsTypes.includes(name)) refs.propsNames.add(local);
        }
      } else if (source === 'aws-cdk-lib') {
        if (spec.type === 'ImportNamespaceSpecifier' || spec.type === 'ImportDefaultSpecifier') refs.namespaces.push(`${local}.${row.module}`);
        else if (spec.imported?.name === row.module) refs.namespaces.push(local);
      }
    }
  });
  return refs;
}

/**
 * A local expression for a member of the module (`IpAddresses` -> `ec2.IpAddresses`), adding it
 * to the file's named import from the submodule when that is how the file imports it.
 */
function reach(name: string, refs: Refs, source: string, edits: Edit[], imported: Map<string, string>): string | undefined {
  // `ec2` (the submodule's own import) before `cdk.aws_ec2`.
  const ns = refs.namespaces.find((n) => !n.includes('.')) ?? refs.namespaces[0];
  if (ns) return `${ns}.${name}`;
  const local = refs.named.get(name) ?? imported.get(name);
  if (local) return local;
  const decl = refs.namedImport;
  if (!decl) return undefined;
  const specs = decl.specifiers.filter((s: AnyNode) => s.type === 'ImportSpecifier');
  const last = specs.at(-1);
  if (!last) return undefined;
  const close = source.indexOf('}', last.end);
  const between = source.slice(last.end, close);
  const comma = between.indexOf(',');
  if (comma >= 0 && between.includes('\n')) {
    // One specifier per line with a trailing comma: a new line in the same indent.
    const lineStart = source.lastIndexOf('\n', last.start - 1) + 1;
    const indent = source.slice(lineStart, last.start);
    const eol = source.includes('\r\n') ? '\r\n' : '\n';
    const at = last.end + comma + 1;
    edits.push({ start: at, end: at, text: `${eol}${/^\s*$/.test(indent) ? indent : '  '}${name},` });
  } else {
    edits.push({ start: last.end, end: last.end, text: `, ${name}` });
  }
  imported.set(name, name);
  return name;
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
