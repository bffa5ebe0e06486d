// Python transform: replace a deprecated CDK keyword argument with the replacement its jsii
// warning names, in the shape the replacement takes (deprecations.ts): `auto_delete_images=x` ->
// `empty_on_delete=x`; `point_in_time_recovery=x` ->
// `point_in_time_recovery_specification=dynamodb.PointInTimeRecoverySpecification(point_in_time_recovery_enabled=x)`;
// `container_insights=True` -> `container_insights_v2=ecs.ContainerInsights.ENABLED`; `cidr="..."`
// -> `ip_addresses=ec2.IpAddresses.cidr("...")`. On that construct's calls only:
// `ecr.Repository(self, "Id", ...)`, `ecr.RepositoryProps(...)` and `super().__init__(...)` in a
// subclass of the construct, whatever the import style. The rest of the call stays as it was.
import type { CodemodContext, CodemodResult } from '../../src/fix/contract.js';
import type { Edit } from '../../src/fix/python/edits.js';
import type { Imports as ImportsT } from '../../src/fix/python/imports.js';
import type { Node } from '../../src/fix/python/parser.js';
import { deprecationFor, snakeCase, targetsOf, type Deprecation } from './deprecations.js';

interface Settings {
  row: Deprecation;
  property: string;
  replacement: string;
  /** `aws_cdk.aws_ecr.Repository`, `aws_cdk.aws_ecr.RepositoryProps` */
  targets: string[];
  className: string;
}

function capture(v: string | string[] | undefined): string {
  return typeof v === 'string' ? v.trim() : '';
}

function settings(ctx: CodemodContext): Settings | string {
  const row = deprecationFor({
    module: capture(ctx.captures.module),
    propsType: capture(ctx.captures.propsType),
    property: capture(ctx.captures.property),
    replacement: capture(ctx.captures.replacement),
  });
  if (!row) return 'the warning names no known props type, module and replacement (e.g. aws_ecr.RepositoryProps#autoDeleteImages -> emptyOnDelete); change it by hand to what the CDK docs give';
  // jsii prints the TypeScript names; the Python keyword is the snake_case form.
  return {
    row,
    property: snakeCase(row.property),
    replacement: snakeCase(row.replacement),
    targets: targetsOf(row).flatMap((t) => [...t.classes, ...t.propsTypes].map((n) => `aws_cdk.${t.module}.${n}`)),
    className: row.classes.join('/'),
  };
}

/**
 * The new keyword value, or why it cannot be written. `reach` gives a local path to a member of
 * the row's module (adding it to a `from aws_cdk.<module> import ...` list when that is the style).
 */
function newValue(s: Settings, value: Node, reach: (name: string) => string | undefined, call: Node, isSuper: boolean): string | { refused: string } {
  const v = s.row.value;
  const text = value.text;
  const noImport = (name: string) => ({ refused: `no import of aws_cdk.${s.row.module} to reach ${name} from` });
  switch (v.kind) {
    case 'same':
      return text;
    case 'struct': {
      const ref = reach(v.struct);
      return ref ? `${ref}(${snakeCase(v.key)}=${text})` : noImport(v.struct);
    }
    case 'boolean-enum': {
      if (value.type !== 'true' && value.type !== 'false') {
        return { refused: `the value is computed (${text.split('\n')[0]}); choose ${v.enum}.${v.whenTrue} or .${v.whenFalse} for ${s.replacement}= by hand` };
      }
      const ref = reach(v.enum);
      return ref ? `${ref}.${value.type === 'true' ? v.whenTrue : v.whenFalse}` : noImport(v.enum);
    }
    case 'factory': {
      const ref = reach(v.class);
      return ref ? `${ref}.${v.method}(${text})` : noImport(v.class);
    }
    case 'construct': {
      // `_lambda.Function(self, "Handler", ..., log_retention=R)` ->
      // `log_group=logs.LogGroup(self, "HandlerLogGroup", retention=R)`: same scope, derived id.
      const args = call.childForFieldName('arguments')?.namedChildren.filter((a): a is Node => !!a && a.type !== 'comment' && a.type !== 'keyword_argument') ?? [];
      const [scope, id] = args;
      if (isSuper) return { refused: `the props are passed up from a subclass, so the scope and id for the new ${v.class} are the caller's; add ${s.replacement}= by hand` };
      if (scope?.type !== 'identifier') return { refused: `the construct's scope is computed; create the ${v.class} in that scope by hand` };
      const m = id?.type === 'string' ? /^([rRuU]?)(["'])([^"'\\{}]*)\2$/.exec(id.text) : null;
      if (!m) return { refused: `the construct's id is not a plain string literal, so the new ${v.class} has no id to derive; add it by hand` };
      const newId = `${m[3]}${v.idSuffix}`;
      if (call.tree.rootNode.text.includes(`${m[2]}${newId}${m[2]}`)) return { refused: `the id ${newId} is already used in this file; add the ${v.class} by hand` };
      const ref = reach(v.class);
      return ref ? `${ref}(${scope.text}, ${m[2]}${newId}${m[2]}, ${snakeCase(v.key)}=${text})` : { refused: `the name ${v.alias} is taken in this file; import aws_cdk.${v.module} and add ${s.replacement}= by hand` };
    }
  }
}

interface FileOutcome {
  edits: Edit[];
  renamed: number;
  already: number;
  conflicts: string[];
  /** `**props` calls with neither keyword: the dict is built where this codemod does not look. */
  splats: string[];
  /** `**NAME` calls: the dict may be a module-level `NAME = dict(...)` here or in a project module. */
  dicts: Array<{ where: string; name: string; from?: { module: string; level: number } }>;
}

export async function run(ctx: CodemodContext): Promise<CodemodResult> {
  const s = settings(ctx);
  if (typeof s === 'string') return { status: 'refused', reason: s, edits: {} };
  const [{ withPython }, { Imports }, syntax, { applyEdits }] = await Promise.all([
    import('../../src/fix/python/parser.js'),
    import('../../src/fix/python/imports.js'),
    import('../../src/fix/python/syntax.js'),
    import('../../src/fix/python/edits.js'),
  ]);
  const { callArgs, calleeName, classBases, enclosingClass, field, findAll } = syntax;
  const { addToFromList } = await import('../../src/fix/python/imports.js');

  const edits: Record<string, string> = {};
  const fileEdits = new Map<string, Edit[]>();
  const dictRefs: Array<{ file: string; where: string; name: string; from?: { module: string; level: number } }> = [];
  const conflicts: string[] = [];
  const splats: string[] = [];
  const unparsable: string[] = [];
  let already = 0;
  let renamed = 0;

  for (const file of ctx.files) {
    const outcome = await withPython(file.path, file.text, (py): FileOutcome | undefined => {
      if (py.problems().length) {
        unparsable.push(file.path);
        return undefined;
      }
      const imports = new Imports(py);
      const isTarget = (dotted: string | undefined) => {
        const q = imports.qualify(dotted);
        return q !== undefined && s.targets.includes(q);
      };
      const out: FileOutcome = { edits: [], renamed: 0, already: 0, conflicts: [], splats: [], dicts: [] };
      const added = new Map<string, string>();
      const valueModule = s.row.value.kind === 'construct' ? s.row.value.module : s.row.module;
      const newModule = s.row.value.kind === 'construct' ? s.row.value.alias : undefined;
      const reach = (name: string) =>
        reachMember(imports, `aws_cdk.${valueModule}`, name, added, (edit) => out.edits.push(edit), py.text, addToFromList, newModule);
      for (const call of findAll(py.root, 'call')) {
        const name = calleeName(call);
        let matches = isTarget(name);
        if (!matches && isSuperInit(call, field)) {
          // `class PrivateRepo(ecr.Repository): ... super().__init__(scope, id, auto_delete_images=True)`
          const cls = enclosingClass(call);
          matches = !!cls && classBases(cls).some((b) => isTarget(b));
        }
        if (!matches) continue;
        const args = callArgs(call);
        if (!args) continue;
        const where = `${file.path}:${call.startPosition.row + 1}`;
        const old = args.keywords.get(s.property);
        const repl = args.keywords.get(s.replacement);
        if (old && repl) {
          out.conflicts.push(`${where} sets both ${s.property} and ${s.replacement}; keep one by hand`);
          continue;
        }
        if (repl) out.already++;
        if (old) {
          const value = newValue(s, old.value, reach, call, !isTarget(name));
          if (typeof value === 'object') {
            out.conflicts.push(`${where}: ${value.refused}`);
            continue;
          }
          const key = field(old.arg, 'name')!;
          out.edits.push({ start: key.startIndex, end: key.endIndex, text: s.replacement });
          if (value !== old.value.text) out.edits.push({ start: old.value.startIndex, end: old.value.endIndex, text: value });
          out.renamed++;
        } else if (!repl && args.splat) {
          // `**REPOSITORY_DEFAULTS`: a plain rename can be made where the dict is written.
          const splatted = args.list.namedChildren.filter((a): a is Node => a?.type === 'dictionary_splat').map((a) => a.namedChildren[0]);
          const lists = args.list.namedChildren.some((a) => a?.type === 'list_splat');
          // `**({"auto_delete_images": True} if dev else {})`, `**dict(auto_delete_images=True)`: here.
          const inline = splatted.filter((n): n is Node => !!n && n.type !== 'identifier');
          const names = splatted.filter((n) => n?.type === 'identifier');
          let inlineOk = s.row.value.kind === 'same' && !lists;
          for (const n of inlineOk ? inline : []) {
            const r = dictValueEdit(n, 'the inline dict', s, syntax);
            if (typeof r === 'string') inlineOk = false;
            else if (r.kind === 'edit') {
              out.edits.push(...r.edits);
              out.renamed += r.edits.length;
            } else if (r.kind === 'already') out.already++;
          }
          if (inlineOk && names.length) {
            for (const n of names) {
              // `from .settings import DEFAULTS` (relative too: Imports leaves those out) names the module.
              const stmt = imports.statements.find((st) => st.type === 'import_from_statement' && st.childrenForFieldName('name').some((c) => (c?.type === 'aliased_import' ? field(c, 'alias')?.text : c?.text) === n!.text));
              const m = stmt ? /^(\.*)([\w.]*)$/.exec(field(stmt, 'module_name')?.text ?? '') : null;
              const aliased = stmt?.childrenForFieldName('name').find((c) => c?.type === 'aliased_import' && field(c, 'alias')?.text === n!.text);
              const name = aliased ? field(aliased, 'name')!.text : n!.text;
              out.dicts.push({ where, name, ...(m ? { from: { module: m[2]!, level: m[1]!.length } } : {}) });
            }
          } else if (!inlineOk || (!names.length && !inline.length)) out.splats.push(where);
        }
      }
      return out;
    });
    if (!outcome) continue;
    conflicts.push(...outcome.conflicts);
    splats.push(...outcome.splats);
    already += outcome.already;
    renamed += outcome.renamed;
    if (outcome.edits.length) fileEdits.set(file.path, [...(fileEdits.get(file.path) ?? []), ...outcome.edits]);
    for (const d of outcome.dicts) dictRefs.push({ file: file.path, ...d });
  }

  // `**NAME` dicts: rename the key where the dict is written (this file or a project module).
  const seen = new Set<string>();
  for (const ref of dictRefs) {
    const target = resolveModule(ctx, ref.file, ref.from);
    const found = target ? await withPython(target, ctx.readFile(target) ?? '', (py) => dictEdit(py, ref.name, s, syntax)) : undefined;
    if (!found || typeof found === 'string') {
      splats.push(`${ref.where}${found ? ` (${found})` : ''}`);
      continue;
    }
    if (found.kind !== 'edit') {
      if (found.kind === 'already') already++;
      continue;
    }
    const key = `${target}:${found.edit.start}`;
    if (seen.has(key)) continue;
    seen.add(key);
    fileEdits.set(target!, [...(fileEdits.get(target!) ?? []), found.edit]);
    renamed++;
  }
  for (const [path, list] of fileEdits) {
    const text = ctx.files.find((f) => f.path === path)?.text ?? ctx.readFile(path);
    if (text === undefined) continue;
    try {
      edits[path] = applyEdits(text, list);
    } catch (err) {
      conflicts.push(`${path}: ${(err as Error).message}`);
    }
  }

  // All or nothing: a half-renamed project still warns and hides the conflict.
  if (conflicts.length) return { status: 'refused', reason: conflicts.join('; '), edits: {} };
  const splatNote = splats.length
    ? `${s.className} call${splats.length > 1 ? 's' : ''} at ${splats.join(', ')} pass${splats.length > 1 ? '' : 'es'} **kwargs built where stackfix cannot follow; rename ${s.property} there by hand`
    : '';
  if (renamed) {
    const files = Object.keys(edits);
    return {
      status: 'proposed',
      reason: `${s.property}= -> ${s.replacement}= in ${s.className}(...) (${renamed} place${renamed > 1 ? 's' : ''} in ${files.join(', ')})${splatNote ? `; not changed: ${splatNote}` : ''}`,
      edits,
    };
  }
  // A `**props` call may still pass the old keyword: say where, rather than claim it is fixed.
  if (splats.length) return { status: 'refused', reason: splatNote, edits: {} };
  if (already) return { status: 'already-fixed', reason: `${s.className} already uses ${s.replacement}=`, edits: {} };
  const why = unparsable.length ? ` (${unparsable.join(', ')} could not be parsed)` : '';
  return { status: 'not-found', reason: `no ${s.className}(...) call with ${s.property}= in the candidate Python files${why}`, edits: {} };
}

/**
 * A local path to `<module>.<name>`. When the file does not reach it: added to its
 * `from aws_cdk.<module> import ...` list; for the module of a construct the fix creates
 * (`newModule` alias given), imported as `from aws_cdk import aws_logs as logs` in the file's
 * style (into an existing `from aws_cdk import (...)` list when there is one).
 */
function reachMember(
  imports: ImportsT,
  module: string,
  name: string,
  added: Map<string, string>,
  addEdit: (edit: Edit) => void,
  text: string,
  addToFromList: (text: string, stmt: Node, entry: string) => Edit,
  newModule?: string,
): string | undefined {
  const local = imports.reach(`${module}.${name}`) ?? added.get(name);
  if (local) return local;
  // `from aws_cdk.aws_ecs import Cluster` -> `from aws_cdk.aws_ecs import Cluster, ContainerInsights`
  const stmt = imports.fromStatements(module).find((st) => !st.namedChildren.some((c) => c?.type === 'wildcard_import'));
  if (stmt && !imports.bindings.has(name)) {
    addEdit(addToFromList(text, stmt, name));
    added.set(name, name);
    return name;
  }
  if (!newModule || imports.bindings.has(newModule)) return undefined;
  const [pkg, sub] = [module.slice(0, module.lastIndexOf('.')), module.slice(module.lastIndexOf('.') + 1)];
  addEdit(imports.addFromImport(pkg, sub, newModule));
  added.set(name, `${newModule}.${name}`);
  return `${newModule}.${name}`;
}

function isSuperInit(call: Node, field: (n: Node | null | undefined, name: string) => Node | undefined): boolean {
  const fn = field(call, 'function');
  if (fn?.type !== 'attribute' || field(fn, 'attribute')?.text !== '__init__') return false;
  const obj = field(fn, 'object');
  return obj?.type === 'call' && field(obj, 'function')?.text === 'super';
}

type SyntaxModule = typeof import('../../src/fix/python/syntax.js');

/**
 * The project file a `from <module> import NAME` reads (relative imports from the importing
 * file's package, absolute ones from the project root or a folder above the file), or the
 * importing file itself when NAME is not imported.
 */
function resolveModule(ctx: CodemodContext, file: string, from?: { module: string; level: number }): string | undefined {
  if (!from) return file;
  const parts = file.split('/').slice(0, -1);
  const rel = from.module ? from.module.split('.').join('/') : '';
  const bases: string[] = [];
  if (from.level > 0) {
    if (from.level - 1 > parts.length) return undefined;
    bases.push(parts.slice(0, parts.length - (from.level - 1)).join('/'));
  } else for (let i = parts.length; i >= 0; i--) bases.push(parts.slice(0, i).join('/'));
  for (const base of bases) {
    for (const cand of [`${rel}.py`, `${rel}/__init__.py`]) {
      const p = [base, cand].filter(Boolean).join('/');
      if (rel && ctx.readFile(p) !== undefined) return p;
    }
  }
  return undefined;
}

/**
 * The edit renaming the deprecated key in a module-level `NAME = dict(...)` / `NAME = {...}`:
 * `auto_delete_images=True` -> `empty_on_delete=True`, `"auto_delete_images": True` ->
 * `"empty_on_delete": True`. A string says why it cannot (assigned twice, built by code, splats).
 */
function dictEdit(py: { root: Node }, name: string, s: Settings, syntax: SyntaxModule): { kind: 'edit'; edit: Edit } | { kind: 'already' | 'none' } | string {
  const { field } = syntax;
  const assigns = py.root.namedChildren.filter((st): st is Node => st?.type === 'expression_statement' && st.namedChildren[0]?.type === 'assignment' && field(st.namedChildren[0], 'left')?.text === name);
  if (assigns.length !== 1) return assigns.length ? `${name} is assigned ${assigns.length} times` : `${name} is not a module-level dict stackfix can find`;
  const r = dictValueEdit(field(assigns[0]!.namedChildren[0]!, 'right')!, name, s, syntax);
  if (typeof r === 'string' || r.kind !== 'edit') return r;
  // A module-level dict is one literal: one key to rename.
  return { kind: 'edit', edit: r.edits[0]! };
}

/**
 * The deprecated key renamed in a dict value: `dict(auto_delete_images=True)`,
 * `{"auto_delete_images": True}`, or either branch of `a if cond else b`. A string says why not.
 */
function dictValueEdit(node: Node, label: string, s: Settings, syntax: SyntaxModule): { kind: 'edit'; edits: Edit[] } | { kind: 'already' | 'none' } | string {
  const { callArgs, field, unparen, stringLiteral } = syntax;
  const value = unparen(node);
  const line = (value?.startPosition.row ?? 0) + 1;
  if (value?.type === 'conditional_expression') {
    const branches = [value.namedChildren[0], value.namedChildren[2]].filter((b): b is Node => !!b);
    const edits: Edit[] = [];
    let already = false;
    for (const b of branches) {
      const r = dictValueEdit(b, label, s, syntax);
      if (typeof r === 'string') return r;
      if (r.kind === 'edit') edits.push(...r.edits);
      else if (r.kind === 'already') already = true;
    }
    return edits.length ? { kind: 'edit', edits } : { kind: already ? 'already' : 'none' };
  }
  if (value?.type === 'call' && field(value, 'function')?.text === 'dict') {
    const args = callArgs(value);
    if (!args || args.positional.length) return `${label} (line ${line}) is built from other values`;
    const old = args.keywords.get(s.property);
    if (old && args.keywords.has(s.replacement)) return `${label} (line ${line}) sets both ${s.property} and ${s.replacement}`;
    if (args.keywords.has(s.replacement)) return { kind: 'already' };
    if (old) {
      const key = field(old.arg, 'name')!;
      return { kind: 'edit', edits: [{ start: key.startIndex, end: key.endIndex, text: s.replacement }] };
    }
    return args.splat ? `${label} (line ${line}) merges other dicts` : { kind: 'none' };
  }
  if (value?.type === 'dictionary') {
    let found: Node | undefined;
    let has = false;
    for (const pair of value.namedChildren) {
      if (!pair || pair.type === 'comment') continue;
      if (pair.type !== 'pair') return `${label} (line ${line}) merges other dicts`;
      const k = field(pair, 'key');
      const lit = k ? stringLiteral(k) : undefined;
      if (lit?.value === s.property) found = k;
      if (lit?.value === s.replacement) has = true;
    }
    if (found && has) return `${label} (line ${line}) sets both ${s.property} and ${s.replacement}`;
    if (has) return { kind: 'already' };
    if (!found) return { kind: 'none' };
    const at = found.text.indexOf(s.property);
    return { kind: 'edit', edits: [{ start: found.startIndex + at, end: found.startIndex + at + s.property.length, text: s.replacement }] };
  }
  return `${label} (line ${line}) is not a dict(...) or {...} literal`;
}
