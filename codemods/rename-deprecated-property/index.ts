// rename-deprecated-property: a CDK deprecation warning that names its replacement
// (`RepositoryProps#autoDeleteImages is deprecated. Use emptyOnDelete instead`) -> replace the
// key in that construct's props with the replacement, the value in the replacement's shape
// (deprecations.ts: one row per deprecation), keeping comments and layout.
import type { Codemod, CodemodContext, CodemodResult, Language } from '../../src/fix/contract.js';
import { camelCase, deprecationFor, methodDeprecationFor, snakeCase, type Deprecation, type MethodDeprecation } from './deprecations.js';
import { parserFor } from '../shared/jscodeshift.js';

export { camelCase, snakeCase };

function capture(v: string | string[] | undefined): string {
  return typeof v === 'string' ? v : '';
}

const VENVS = ['.venv', 'venv', 'env'];
const PY_MINORS = Array.from({ length: 10 }, (_, i) => `3.${i + 6}`);

function dirsUp(files: string[]): string[] {
  const dirs = new Set<string>();
  for (const f of files) {
    const parts = f.split('/').slice(0, -1);
    for (let i = parts.length; i >= 0; i--) dirs.add(parts.slice(0, i).join('/'));
  }
  return [...dirs].sort((a, b) => b.length - a.length);
}

/**
 * Does the project's installed aws-cdk-lib (node_modules, or a virtualenv's site-packages next
 * to a candidate file or above it) declare the replacement? Undefined when none is installed:
 * then the fix is written for a current CDK, the one that prints the warning.
 */
export function installedDeclares(ctx: Pick<CodemodContext, 'readFile'>, language: Language, files: string[], row: Deprecation): boolean | undefined {
  if (!row.declaredIn) return undefined;
  const join = (dir: string, rel: string) => (dir ? `${dir}/${rel}` : rel);
  for (const dir of dirsUp(files)) {
    if (language === 'typescript') {
      const text = ctx.readFile(join(dir, `node_modules/aws-cdk-lib/${row.declaredIn}`), 16 * 1024 * 1024);
      if (text !== undefined) return new RegExp(`readonly ${row.replacement}\\??:`).test(text);
    } else {
      for (const venv of VENVS) {
        for (const layout of [...PY_MINORS.map((v) => `lib/python${v}/site-packages`), 'Lib/site-packages']) {
          const text = ctx.readFile(join(dir, `${venv}/${layout}/aws_cdk/${row.module}/__init__.py`), 64 * 1024 * 1024);
          if (text !== undefined) return text.includes(`${snakeCase(row.replacement)}: `) || text.includes(`def ${snakeCase(row.replacement)}(`);
        }
      }
    }
  }
  return undefined;
}

export function tooOld(row: Deprecation, language: Language): CodemodResult {
  const where = language === 'typescript' ? 'node_modules' : 'the virtualenv';
  return {
    status: 'refused',
    reason: `the aws-cdk-lib installed in ${where} has no ${row.propsTypes[0]}#${row.replacement}; upgrade aws-cdk-lib (the version that prints the warning has it), then run again`,
    edits: {},
  };
}

/** A deprecated static method (MachineImage.latestAmazonLinux) -> the replacement its props select. */
async function runMethod(row: MethodDeprecation, language: Language, ctx: CodemodContext): Promise<CodemodResult> {
  const preferred = capture(ctx.captures.replacement).replace(/^MachineImage\./, '') || undefined;
  const edits: Record<string, string> = {};
  const refused: string[] = [];
  let already = false;
  let changed = 0;
  let defaulted = 0;
  const { transformMethod } = await import('./method-typescript.js');
  const { transformMethodPython } = await import('./method-python.js');
  const { default: jscodeshift } = language === 'typescript' ? await import('jscodeshift') : { default: undefined };
  for (const file of ctx.files) {
    let out;
    try {
      out = jscodeshift
        ? transformMethod(jscodeshift.withParser(parserFor(file.path)), file.text, row, preferred)
        : await transformMethodPython(file.path, file.text, row, preferred);
    } catch (err) {
      refused.push(`${file.path}: could not parse (${(err as Error).message.split('\n')[0]})`);
      continue;
    }
    if (out.refused) refused.push(`${file.path}: ${out.refused}`);
    if (out.already) already = true;
    changed += out.changed;
    defaulted += out.defaulted;
    if (out.text !== undefined && out.text !== file.text) edits[file.path] = out.text;
  }
  const name = language === 'python' ? snakeCase(row.method) : row.method;
  if (refused.length) return { status: 'refused', reason: refused.join('; '), edits: {} };
  if (Object.keys(edits).length) {
    return {
      status: 'proposed',
      reason: `${row.class}.${name} -> the generation's own method (${changed} call${changed > 1 ? 's' : ''} in ${Object.keys(edits).join(', ')})${defaulted ? `; ${defaulted} call${defaulted > 1 ? 's' : ''} without ${row.selector} got Amazon Linux 1 and now get Amazon Linux 2: check the user data` : ''}`,
      edits,
    };
  }
  if (already) return { status: 'already-fixed', reason: `${row.class} calls already use the per-generation methods`, edits: {} };
  return { status: 'not-found', reason: `no ${row.class}.${name}(...) call in the candidate files`, edits: {} };
}

const codemod: Codemod = {
  id: 'rename-deprecated-property',
  title: 'Replace a deprecated construct property with its replacement',
  languages: ['typescript', 'python'],

  prefilter(text, captures) {
    const method = methodDeprecationFor({ type: capture(captures.type), property: capture(captures.property) });
    if (method) return text.includes(method.class) && (text.includes(method.method) || text.includes(snakeCase(method.method)));
    // Either spelling: jsii warnings name the TypeScript property in every language.
    const row = deprecationFor({ module: capture(captures.module), propsType: capture(captures.propsType), property: capture(captures.property), replacement: capture(captures.replacement) });
    const names = [capture(captures.property), capture(captures.replacement), row?.replacement ?? ''].filter(Boolean).flatMap((n) => [camelCase(n), snakeCase(n)]);
    // A Python call that passes `**defaults` built in another module names neither key itself.
    const splat = !!row && text.includes('**') && row.classes.some((c) => text.includes(c));
    return splat || names.some((n) => text.includes(n));
  },

  async run(language, ctx): Promise<CodemodResult> {
    const method = methodDeprecationFor({ type: capture(ctx.captures.type), property: capture(ctx.captures.property) });
    if (method) return runMethod(method, language, ctx);
    const options = {
      property: camelCase(capture(ctx.captures.property)),
      replacement: camelCase(capture(ctx.captures.replacement)),
      propsType: capture(ctx.captures.propsType),
      module: capture(ctx.captures.module),
    };
    const row = deprecationFor(options);
    if (row && installedDeclares(ctx, language, ctx.files.map((f) => f.path), row) === false) return tooOld(row, language);
    if (language === 'python') return (await import('./python.js')).run(ctx);
    const [{ default: transform }, { default: jscodeshift }] = await Promise.all([import('./typescript.js'), import('jscodeshift')]);
    const edits: Record<string, string> = {};
    const refused: string[] = [];
    const already: string[] = [];
    const notes: string[] = [];
    for (const file of ctx.files) {
      const j = jscodeshift.withParser(parserFor(file.path));
      const report = (msg: string) => {
        if (msg.startsWith('refused: ')) refused.push(`${file.path}: ${msg.slice(9)}`);
        else if (msg.startsWith('already-fixed: ')) already.push(`${file.path}: ${msg.slice(15)}`);
        else if (msg.startsWith('note: ')) notes.push(`${file.path}: ${msg.slice(6)}`);
      };
      let out: string | null | undefined;
      try {
        out = transform({ path: file.path, source: file.text }, { j, jscodeshift: j, stats: () => {}, report }, options);
      } catch (err) {
        refused.push(`${file.path}: could not parse (${(err as Error).message.split('\n')[0]})`);
        continue;
      }
      if (typeof out === 'string' && out !== file.text) edits[file.path] = out;
    }
    const property = row?.property ?? options.property;
    const replacement = row?.replacement ?? options.replacement;
    const className = row?.classes.join('/') ?? options.propsType.replace(/Props$/, '');
    // All or nothing: a half-fixed project still warns and hides the conflict.
    if (refused.length) return { status: 'refused', reason: refused.join('; '), edits: {} };
    if (Object.keys(edits).length) {
      const note = notes.length ? `; not changed: ${notes.join('; ')}` : '';
      return { status: 'proposed', reason: `${property} -> ${replacement} in ${className} props (${Object.keys(edits).join(', ')})${note}`, edits };
    }
    // A repository built from values stackfix cannot see may still set the old key: say where.
    if (notes.length && !already.length) return { status: 'refused', reason: notes.join('; '), edits: {} };
    if (already.length) return { status: 'already-fixed', reason: `${already.join('; ')}${notes.length ? `; not checked: ${notes.join('; ')}` : ''}`, edits: {} };
    return { status: 'not-found', reason: `no ${className} props with ${property} in the candidate files`, edits: {} };
  },
};

export default codemod;
