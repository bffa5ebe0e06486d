// add-python-import: `NameError: name 'logs' is not defined` -> import what the name stands
// for, in the file the traceback names: a CDK module alias into the `from aws_cdk import`
// list, a pulumi_aws module into `from pulumi_aws import`, a standard-library module as
// `import json`. pulumi_aws has no `logs` module: there `logs.LogGroup` becomes
// `cloudwatch.LogGroup`. A name stackfix cannot place is reported, never guessed.
// The same mistakes seen at import time (`ImportError: cannot import name 'logs' from
// 'pulumi_aws'`, `No module named 'aws_cdk.core'`, `module 'pulumi_aws' has no attribute 'logs'`)
// carry the module as a capture and go to module-moves.ts.
import type { Codemod } from '../../src/fix/contract.js';

const codemod: Codemod = {
  id: 'add-python-import',
  title: 'Import the module a Python name refers to',
  languages: ['python'],

  prefilter(text, captures) {
    const module = typeof captures.module === 'string' ? captures.module : '';
    // Import errors: every file that imports from the package may hold the same import.
    if (module) return text.includes(module.split('.')[0]!);
    // An import error that names no module: the files that import the name.
    if (captures.error === 'ImportError') return typeof captures.name === 'string' && text.includes(captures.name) && /\bimport\b/.test(text);
    const name = typeof captures.name === 'string' ? captures.name : '';
    return name !== '' && new RegExp(`(?<![\\w.])${name.replace(/[^\w]/g, '')}\\b`).test(text);
  },

  async run(_language, ctx) {
    const text = (k: string) => (typeof ctx.captures[k] === 'string' ? (ctx.captures[k] as string).trim() : '');
    if (text('module') || text('error') === 'ImportError') return (await import('./module-moves.js')).run(ctx, text('module'), text('name'), text('suggestion'));
    return (await import('./python.js')).run(ctx);
  },
};

export default codemod;
