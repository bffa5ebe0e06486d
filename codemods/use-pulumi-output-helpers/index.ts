// use-pulumi-output-helpers: a Pulumi Output used as a plain value. `JSON.stringify` calls
// `toJSON` on each Output it meets and a template literal calls `toString`, and both give
// Pulumi's "Calling [toJSON] on an [Output<T>] is not supported" text instead of the value
// (which IAM then rejects as `Partition "1" is not valid`); Python's `json.dumps` raises
// `Object of type Output is not JSON serializable`. The fix keeps the expression and lets
// Pulumi resolve the Outputs first: `JSON.stringify(x)` -> `pulumi.jsonStringify(x)`,
// `` `...${o}` `` -> `` pulumi.interpolate`...${o}` ``, `json.dumps(d)` -> `pulumi.Output.json_dumps(d)`.
import type { Codemod, CodemodResult } from '../../src/fix/contract.js';

const codemod: Codemod = {
  id: 'use-pulumi-output-helpers',
  title: 'Resolve Pulumi Outputs before serialising them',
  languages: ['typescript', 'python'],
  // Fixed files mention the helpers; unfixed ones the plain serialisers.
  prefilter: (text) => /pulumi/.test(text) && /JSON\.stringify|json\.dumps|jsonStringify|json_dumps|\$\{|interpolate/.test(text),
  async run(language, ctx): Promise<CodemodResult> {
    try {
      if (language === 'python') return await (await import('./python.js')).run(ctx);
      return await (await import('./typescript.js')).run(ctx);
    } catch (err) {
      return { status: 'refused', reason: `could not analyse the source safely: ${(err as Error).message.split('\n')[0]}`, edits: {} };
    }
  },
};

export default codemod;
