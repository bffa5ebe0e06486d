// rename-python-kwarg: `TypeError: Eip._internal_init() got an unexpected keyword argument
// 'vpc'` -> the keyword the class takes now, from the dated table in src/data
// (`vpc=True` -> `domain="vpc"`, `number_cache_clusters` -> `num_cache_clusters`,
// `artifact_store=X` -> `artifact_stores=[X]`, ...), and resource options passed as resource
// arguments (`depends_on=[...]`) moved into `opts=pulumi.ResourceOptions(...)`. At the call the
// traceback names; a keyword the table does not know gets guidance.
import type { Codemod, CodemodResult } from '../../src/fix/contract.js';

const capture = (v: string | string[] | undefined) => (typeof v === 'string' ? v.trim() : '');

const codemod: Codemod = {
  id: 'rename-python-kwarg',
  title: 'Pass a keyword argument under the name the class takes now',
  languages: ['python'],
  prefilter: (text, captures) => {
    const cls = capture(captures.callable);
    return !!cls && text.includes(cls);
  },
  async run(_language, ctx): Promise<CodemodResult> {
    try {
      return await (await import('./python.js')).run(ctx);
    } catch (err) {
      return { status: 'refused', reason: `could not analyse the source safely: ${(err as Error).message.split('\n')[0]}`, edits: {} };
    }
  },
};

export default codemod;
