// review: a patched file must re-parse in its own language; JavaScript parses as JavaScript.
import { describe, expect, test } from '@jest/globals';
import { syntaxProblems } from '../src/review/parse-check.js';

describe('syntaxProblems', () => {
  test.each([
    ['index.js', "const aws = require('@pulumi/aws');\nmodule.exports = { bucket: new aws.s3.BucketV2('b') };\n"],
    ['index.mjs', "import * as aws from '@pulumi/aws';\nexport const b = new aws.s3.BucketV2('b');\n"],
    ['lib/view.jsx', 'export const View = () => <div className="x">{1 < 2}</div>;\n'],
    ['lib/stack.ts', 'const n = <number>(1 as unknown);\n'],
  ])('%s parses', async (file, text) => {
    expect(await syntaxProblems('typescript', file, text)).toEqual([]);
  });

  test.each([
    ['index.js', "const aws = require('@pulumi/aws'\n"],
    ['index.cjs', 'module.exports = { a: 1, };;}\n'],
  ])('%s does not', async (file, text) => {
    expect((await syntaxProblems('typescript', file, text)).length).toBeGreaterThan(0);
  });
});
