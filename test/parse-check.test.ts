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

describe('one module system per JavaScript file', () => {
  test('an import added to a CommonJS file is a problem', async () => {
    const text = "import * as iam from 'aws-cdk-lib/aws-iam';\nconst kms = require('aws-cdk-lib/aws-kms');\nmodule.exports = {};\n";
    expect(await syntaxProblems('typescript', 'lib/stack.js', text)).toEqual([{ line: 1, message: expect.stringContaining('require()') }]);
    expect((await syntaxProblems('typescript', 'lib/stack.cjs', "export const a = 1;\n")).length).toBe(1);
  });

  test('ES modules with createRequire, and TypeScript import = require, are fine', async () => {
    expect(await syntaxProblems('typescript', 'index.mjs', "import { createRequire } from 'node:module';\nconst require = createRequire(import.meta.url);\nconst data = require('./data.json');\n")).toEqual([]);
    expect(await syntaxProblems('typescript', 'index.ts', "import aws = require('@pulumi/aws');\nconst x = require('y');\nexport const a = 1;\n")).toEqual([]);
  });
});
