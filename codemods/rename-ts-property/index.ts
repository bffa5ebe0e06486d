// rename-ts-property: tsc's TS2561 `Object literal may only specify known properties, but
// 'keyPolicy' does not exist in type 'KeyProps'. Did you mean to write 'policy'?` -> rename the
// key at the line the compiler reports, keeping value, comments and layout. TS2353 (no
// suggestion) gets guidance naming the property and the type.
import type { Codemod, CodemodResult } from '../../src/fix/contract.js';

const capture = (v: string | string[] | undefined) => (typeof v === 'string' ? v.trim() : '');

const codemod: Codemod = {
  id: 'rename-ts-property',
  title: 'Rename an object-literal key to the property the compiler suggests',
  languages: ['typescript'],
  prefilter: (text, captures) => [capture(captures.property), capture(captures.replacement)].some((n) => n && text.includes(n)),
  async run(_language, ctx): Promise<CodemodResult> {
    try {
      return await (await import('./typescript.js')).run(ctx);
    } catch (err) {
      return { status: 'refused', reason: `could not analyse the source safely: ${(err as Error).message.split('\n')[0]}`, edits: {} };
    }
  },
};

export default codemod;
