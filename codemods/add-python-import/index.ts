// add-python-import: `NameError: name 'logs' is not defined` -> import what the name stands
// for, in the file the traceback names: a CDK module alias into the `from aws_cdk import`
// list, a pulumi_aws module into `from pulumi_aws import`, a standard-library module as
// `import json`. pulumi_aws has no `logs` module: there `logs.LogGroup` becomes
// `cloudwatch.LogGroup`. A name stackfix cannot place is reported, never guessed.
import type { Codemod } from '../../src/fix/contract.js';

const codemod: Codemod = {
  id: 'add-python-import',
  title: 'Import the module a Python name refers to',
  languages: ['python'],

  prefilter(text, captures) {
    const name = typeof captures.name === 'string' ? captures.name : '';
    return name !== '' && new RegExp(`(?<![\\w.])${name.replace(/[^\w]/g, '')}\\b`).test(text);
  },

  async run(_language, ctx) {
    return (await import('./python.js')).run(ctx);
  },
};

export default codemod;
