// rename-deprecated-property: a CDK deprecation warning that names its replacement
// (`RepositoryProps#autoDeleteImages is deprecated. Use emptyOnDelete instead`) -> rename the
// key in that construct's props, keeping value, comments and layout.
import type { Codemod, CodemodResult } from '../../src/fix/contract.js';

function capture(v: string | string[] | undefined): string {
  return typeof v === 'string' ? v : '';
}

/** autoDeleteImages -> auto_delete_images (CDK's Python names for props). */
export function snakeCase(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').replace(/([A-Z])([A-Z][a-z])/g, '$1_$2').toLowerCase();
}

/** auto_delete_images -> autoDeleteImages. */
export function camelCase(name: string): string {
  return name.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

const codemod: Codemod = {
  id: 'rename-deprecated-property',
  title: 'Rename a deprecated construct property to its replacement',
  languages: ['typescript', 'python'],

  prefilter(text, captures) {
    // Either spelling: jsii warnings name the TypeScript property in every language.
    const names = [capture(captures.property), capture(captures.replacement)].filter(Boolean).flatMap((n) => [camelCase(n), snakeCase(n)]);
    return names.some((n) => text.includes(n));
  },

  async run(language, ctx): Promise<CodemodResult> {
    if (language === 'python') return (await import('./python.js')).run(ctx);
    const options = {
      property: camelCase(capture(ctx.captures.property)),
      replacement: camelCase(capture(ctx.captures.replacement)),
      propsType: capture(ctx.captures.propsType),
      module: capture(ctx.captures.module),
    };
    const [{ default: transform }, { default: jscodeshift }] = await Promise.all([import('./typescript.js'), import('jscodeshift')]);
    const edits: Record<string, string> = {};
    const refused: string[] = [];
    const already: string[] = [];
    for (const file of ctx.files) {
      const j = jscodeshift.withParser(file.path.endsWith('.tsx') ? 'tsx' : 'ts');
      const report = (msg: string) => {
        if (msg.startsWith('refused: ')) refused.push(`${file.path}: ${msg.slice(9)}`);
        else if (msg.startsWith('already-fixed: ')) already.push(`${file.path}: ${msg.slice(15)}`);
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
    // All or nothing: a half-renamed project still warns and hides the conflict.
    if (refused.length) return { status: 'refused', reason: refused.join('; '), edits: {} };
    if (Object.keys(edits).length) {
      return { status: 'proposed', reason: `${options.property} -> ${options.replacement} in ${options.propsType} (${Object.keys(edits).join(', ')})`, edits };
    }
    if (already.length) return { status: 'already-fixed', reason: already.join('; '), edits: {} };
    return { status: 'not-found', reason: `no ${options.propsType.replace(/Props$/, '')} props with ${options.property} in the candidate files`, edits: {} };
  },
};

export default codemod;
