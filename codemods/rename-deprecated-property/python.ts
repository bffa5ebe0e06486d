// Python transform: rename a deprecated CDK keyword argument to the replacement its jsii warning
// names (`RepositoryProps#autoDeleteImages is deprecated. Use emptyOnDelete instead` ->
// `auto_delete_images=` becomes `empty_on_delete=`), on that construct's calls only:
// `ecr.Repository(self, "Id", ...)`, `ecr.RepositoryProps(...)` and `super().__init__(...)` in a
// subclass of the construct, whatever the import style. Only the keyword's name changes: value,
// comments and layout stay.
import type { CodemodContext, CodemodResult } from '../../src/fix/contract.js';
import type { Edit } from '../../src/fix/python/edits.js';
import type { Node } from '../../src/fix/python/parser.js';
import { camelCase, snakeCase } from './index.js';

interface Settings {
  property: string;
  replacement: string;
  /** `aws_cdk.aws_ecr.Repository`, `aws_cdk.aws_ecr.RepositoryProps` */
  targets: string[];
  className: string;
  propsType: string;
}

function capture(v: string | string[] | undefined): string {
  return typeof v === 'string' ? v.trim() : '';
}

function settings(ctx: CodemodContext): Settings | string {
  const property = capture(ctx.captures.property);
  const replacement = capture(ctx.captures.replacement);
  const propsType = capture(ctx.captures.propsType);
  const module = capture(ctx.captures.module).replace(/^aws-cdk-lib[./]/, '').replace(/-/g, '_');
  if (!property || !replacement) return 'the warning names no replacement property; rename it by hand to the one the CDK docs give';
  if (!/^[A-Z]\w*Props$/.test(propsType) || !/^\w+$/.test(module)) return 'the warning names no props type and module (e.g. aws_ecr.RepositoryProps)';
  const className = propsType.replace(/Props$/, '');
  // jsii prints the TypeScript names; the Python keyword is the snake_case form.
  return {
    property: snakeCase(camelCase(property)),
    replacement: snakeCase(camelCase(replacement)),
    targets: [`aws_cdk.${module}.${className}`, `aws_cdk.${module}.${propsType}`],
    className,
    propsType,
  };
}

interface FileOutcome {
  edits: Edit[];
  renamed: number;
  already: number;
  conflicts: string[];
  /** `**props` calls with neither keyword: the dict is built where this codemod does not look. */
  splats: string[];
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

  const edits: Record<string, string> = {};
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
      const out: FileOutcome = { edits: [], renamed: 0, already: 0, conflicts: [], splats: [] };
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
          const key = field(old.arg, 'name')!;
          out.edits.push({ start: key.startIndex, end: key.endIndex, text: s.replacement });
          out.renamed++;
        } else if (!repl && args.splat) out.splats.push(where);
      }
      return out;
    });
    if (!outcome) continue;
    conflicts.push(...outcome.conflicts);
    splats.push(...outcome.splats);
    already += outcome.already;
    renamed += outcome.renamed;
    if (outcome.edits.length) edits[file.path] = applyEdits(file.text, outcome.edits);
  }

  // All or nothing: a half-renamed project still warns and hides the conflict.
  if (conflicts.length) return { status: 'refused', reason: conflicts.join('; '), edits: {} };
  const splatNote = splats.length
    ? `${s.className} call${splats.length > 1 ? 's' : ''} at ${splats.join(', ')} pass${splats.length > 1 ? '' : 'es'} **kwargs built elsewhere; rename ${s.property} there by hand`
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

function isSuperInit(call: Node, field: (n: Node | null | undefined, name: string) => Node | undefined): boolean {
  const fn = field(call, 'function');
  if (fn?.type !== 'attribute' || field(fn, 'attribute')?.text !== '__init__') return false;
  const obj = field(fn, 'object');
  return obj?.type === 'call' && field(obj, 'function')?.text === 'super';
}
