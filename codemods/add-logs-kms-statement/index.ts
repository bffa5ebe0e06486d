// Fix for `kms-logs-key-policy`: a log group encrypted with a customer key fails to create
// because the key policy does not let the region's CloudWatch Logs principal use the key.
// The transform finds the key the failing log group uses and grants
// `logs.<region>.amazonaws.com` the actions CloudWatch Logs needs, scoped by an ArnLike
// condition to the account's log groups.
import type { Codemod } from '../../src/fix/contract.js';

const codemod: Codemod = {
  id: 'add-logs-kms-statement',
  title: 'Let CloudWatch Logs use the KMS key of an encrypted log group',
  languages: ['typescript', 'python'],
  // Loose on purpose: the key often lives in a file that never mentions a log group.
  prefilter: (text) => text.includes('LogGroup') || /kms/i.test(text),
  async run(language, ctx) {
    try {
      if (language === 'python') return await (await import('./python.js')).run(ctx);
      const { addLogsKmsStatement } = await import('./typescript.js');
      return await addLogsKmsStatement(ctx);
    } catch (err) {
      // The contract says never throw on odd code: refuse instead.
      return { status: 'refused', reason: `could not analyse the source safely: ${(err as Error).message}`, edits: {} };
    }
  },
};

export default codemod;
