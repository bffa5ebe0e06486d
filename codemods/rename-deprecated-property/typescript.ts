// jscodeshift transform: rename a deprecated CDK construct property to the replacement its
// deprecation warning names, e.g. `RepositoryProps#autoDeleteImages is deprecated. Use emptyOnDelete`.
//
//   npx jscodeshift -t codemods/rename-deprecated-property/typescript.ts --parser ts \
//     --property=autoDeleteImages --replacement=emptyOnDelete --propsType=RepositoryProps --module=aws_ecr lib/
//
// Only the props of that construct class (RepositoryProps -> Repository from aws-cdk-lib/aws-ecr,
// whatever the import style) and object literals declared with the props type change; the value,
// comments and layout stay. Self-contained (type-only imports) so the jscodeshift CLI can load it.
import type { API, ASTPath, Collection, FileInfo, JSCodeshift, Options } from 'jscodeshift';

/* eslint-disable @typescript-eslint/no-explicit-any */
type AnyNode = any;

interface Settings {
  property: string;
  replacement: string;
  propsType: string;
  className: string;
  /** 'aws-ecr' */
  moduleName: string;
}

function settings(options: Options): Settings | undefined {
  const property = String(options.property ?? '');
  const replacement = String(options.replacement ?? '');
  const propsType = String(options.propsType ?? '');
  const module = String(options.module ?? '');
  if (!property || !replacement || !/Props$/.test(propsType) || !module) return undefined;
  return { property, replacement, propsType, className: propsType.replace(/Props$/, ''), moduleName: module.replace(/_/g, '-') };
}

export default function transform(file: FileInfo, api: API, options: Options): string | null | undefined {
  const s = settings(options);
  if (!s) {
    api.report('refused: needs --property, --replacement, --propsType (ending in Props) and --module');
    return null;
  }
  if (!file.source.includes(s.property) && !file.source.includes(s.replacement)) return null;
  const j = api.jscodeshift;
  const root = j(file.source);
  const refs = moduleRefs(j, root, s);
  if (!refs.namespaces.size && !refs.classNames.size && !refs.propsNames.size) return null;

  const objects = new Set<AnyNode>();
  root.find(j.NewExpression).forEach((path) => {
    const node = path.node as AnyNode;
    if (!isRef(node.callee, s.className, refs)) return;
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
    const typed = (ann?.type === 'TSTypeReference' && isRef(ann.typeName, s.propsType, refs)) ||
      (node.init?.type === 'TSSatisfiesExpression' || node.init?.type === 'TSAsExpression') &&
        node.init.typeAnnotation?.type === 'TSTypeReference' && isRef(node.init.typeAnnotation.typeName, s.propsType, refs);
    if (typed && init?.type === 'ObjectExpression') objects.add(init);
  });

  let renamed = 0;
  let already = 0;
  const quote = fileQuote(j, root);
  for (const obj of objects) {
    const props = obj.properties.filter((p: AnyNode) => (p.type === 'ObjectProperty' || p.type === 'Property') && !p.computed);
    const old = props.filter((p: AnyNode) => keyName(p) === s.property);
    const repl = props.find((p: AnyNode) => keyName(p) === s.replacement);
    if (old.length && repl) {
      api.report(`refused: ${s.className} props at line ${obj.loc?.start.line ?? '?'} set both ${s.property} and ${s.replacement}; keep one by hand`);
      return null;
    }
    if (repl) already++;
    for (const p of old) {
      if (p.key.type === 'Identifier') {
        if (p.shorthand) {
          // `{ autoDeleteImages }` -> `{ emptyOnDelete: autoDeleteImages }`: the variable keeps its name.
          p.shorthand = false;
          p.value = j.identifier(s.property);
        }
        p.key = j.identifier(s.replacement);
      } else {
        const q = p.key.extra?.raw?.[0] ?? (quote === 'double' ? '"' : "'");
        // A `Literal` keeps its raw text when printed (recast prints a StringLiteral with the file-wide quote).
        const key: AnyNode = j.literal(s.replacement);
        key.extra = { raw: `${q}${s.replacement}${q}`, rawValue: s.replacement };
        p.key = key;
      }
      renamed++;
    }
  }
  if (renamed === 0) {
    if (already) api.report(`already-fixed: ${s.className} already uses ${s.replacement}`);
    return null;
  }
  return root.toSource({ quote });
}

interface Refs {
  /** Local names that stand for the module: `ecr` in `ecr.Repository`, `cdk.aws_ecr` as 'cdk.aws_ecr'. */
  namespaces: Set<string>;
  /** Local names of the class itself: `Repository` or an alias. */
  classNames: Set<string>;
  propsNames: Set<string>;
}

function moduleRefs(j: JSCodeshift, root: Collection, s: Settings): Refs {
  const refs: Refs = { namespaces: new Set(), classNames: new Set(), propsNames: new Set() };
  const sub = new Set([`aws-cdk-lib/${s.moduleName}`, `@aws-cdk/${s.moduleName}`]);
  const exportName = s.moduleName.replace(/-/g, '_');
  root.find(j.ImportDeclaration).forEach((path) => {
    const node = path.node as AnyNode;
    const source = node.source.value;
    for (const spec of node.specifiers ?? []) {
      const local = spec.local?.name;
      if (!local) continue;
      if (sub.has(source)) {
        if (spec.type === 'ImportNamespaceSpecifier' || spec.type === 'ImportDefaultSpecifier') refs.namespaces.add(local);
        else if (spec.imported?.name === s.className) refs.classNames.add(local);
        else if (spec.imported?.name === s.propsType) refs.propsNames.add(local);
      } else if (source === 'aws-cdk-lib') {
        if (spec.type === 'ImportNamespaceSpecifier' || spec.type === 'ImportDefaultSpecifier') refs.namespaces.add(`${local}.${exportName}`);
        else if (spec.imported?.name === exportName) refs.namespaces.add(local);
      }
    }
  });
  return refs;
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
  if (!d.includes('.')) return (name.endsWith('Props') ? refs.propsNames : refs.classNames).has(d);
  const i = d.lastIndexOf('.');
  return d.slice(i + 1) === name && refs.namespaces.has(d.slice(0, i));
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

function fileQuote(j: JSCodeshift, root: Collection): 'single' | 'double' {
  const first = root.find(j.ImportDeclaration).nodes()[0] as AnyNode;
  return first?.source?.extra?.raw?.[0] === '"' ? 'double' : 'single';
}
