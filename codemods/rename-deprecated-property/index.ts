// rename-deprecated-property: a CDK deprecation warning that names its replacement
// (`RepositoryProps#autoDeleteImages is deprecated. Use emptyOnDelete instead`) -> rename the
// key in that construct's props, keeping value, comments and layout.
import type { Codemod, CodemodResult } from '../../src/fix/contract.js';

function capture(v: string | string[] | undefined): string {
  return typeof v === 'string' ? v : '';
}

const codemod: Codemod = {
  id: 'rename-deprecated-property',
  title: 'Rename a deprecated construct property to its replacement',
  languages: ['typescript'],

  prefilter(text, captures) {
    const property = capture(captures.property);
    const replacement = capture(captures.replacement);
    return (property !== '' && text.includes(property)) || (replacement !== '' && text.includes(replacement));
  },

  async run(language, ctx): Promise<CodemodResult> {
    if (language !== 'typescript') return { status: 'not-found', reason: 'no transform for this language', edits: {} };
    const options = {
      property: capture(ctx.captures.property),
      replacement: capture(ctx.captures.replacement),
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
