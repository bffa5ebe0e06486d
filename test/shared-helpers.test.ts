// codemods/shared: what a name stands for is the same question for ES imports and CommonJS
// requires, in the jscodeshift helpers and in the compiler-API helpers.
import { describe, expect, test } from '@jest/globals';
import jscodeshift from 'jscodeshift';
import { ts } from 'ts-morph';
import { bindingOf, findConst, isExported, moduleBindings, parserFor, usesRequire } from '../codemods/shared/jscodeshift.js';
import { importOf, parseTs, qualifiedCdkName, usesRequire as usesRequireTs } from '../codemods/shared/ts-source.js';

const CJS = [
  "const aws = require('@pulumi/aws');",
  "const { Key, aws_kms: kms } = require('aws-cdk-lib/aws-kms');",
  "const ecr = require('aws-cdk-lib').aws_ecr;",
  "const VERSION = '15.4';",
  'module.exports = { VERSION };',
  '',
].join('\n');
const ESM = [
  "import * as cdk from 'aws-cdk-lib';",
  "import { Repository as Repo } from 'aws-cdk-lib/aws-ecr';",
  "import type { Construct } from 'constructs';",
  "import aws = require('@pulumi/aws');",
  'export const VERSION = "15.4";',
  '',
].join('\n');

describe('jscodeshift helpers', () => {
  test('parserFor', () => {
    expect([parserFor('a.ts'), parserFor('a.tsx'), parserFor('a.js'), parserFor('a.mjs'), parserFor('a.cjs'), parserFor('a.jsx')]).toEqual(['ts', 'tsx', 'babylon', 'babylon', 'babylon', 'babylon']);
  });

  test('CommonJS requires bind like imports', () => {
    const j = jscodeshift.withParser('babylon');
    const root = j(CJS);
    const seen = moduleBindings(j, root).map((b) => [b.local, b.module, b.imported, b.kind]);
    expect(seen).toEqual([
      ['aws', '@pulumi/aws', '*', 'require'],
      ['Key', 'aws-cdk-lib/aws-kms', 'Key', 'require'],
      ['kms', 'aws-cdk-lib/aws-kms', 'aws_kms', 'require'],
      ['ecr', 'aws-cdk-lib', 'aws_ecr', 'require'],
    ]);
    expect(usesRequire(j, root, 'lib/stack.js')).toBe(true);
    expect(isExported(findConst(j, root, 'VERSION')!)).toBe(true);
  });

  test('ES imports, type-only ones marked', () => {
    const j = jscodeshift.withParser('ts');
    const root = j(ESM);
    expect(bindingOf(j, root, 'Repo')).toMatchObject({ module: 'aws-cdk-lib/aws-ecr', imported: 'Repository', kind: 'import', typeOnly: false });
    expect(bindingOf(j, root, 'Construct')).toMatchObject({ typeOnly: true });
    expect(bindingOf(j, root, 'aws')).toMatchObject({ module: '@pulumi/aws', imported: '*' });
    expect(usesRequire(j, root, 'lib/stack.ts')).toBe(false);
    expect(isExported(findConst(j, root, 'VERSION')!)).toBe(true);
  });
});

describe('compiler-API helpers', () => {
  test('requires resolve like imports', () => {
    const file = parseTs(ts, 'lib/stack.js', CJS);
    expect(importOf(ts, file, 'aws')).toEqual({ module: '@pulumi/aws', imported: '*' });
    expect(importOf(ts, file, 'kms')).toEqual({ module: 'aws-cdk-lib/aws-kms', imported: 'aws_kms' });
    expect(usesRequireTs(ts, file)).toBe(true);
    const call = ts.factory.createPropertyAccessExpression(ts.factory.createIdentifier('ecr'), 'Repository');
    expect(qualifiedCdkName(ts, file, call)).toBe('aws-cdk-lib/aws-ecr.Repository');
  });

  test('an ES module file is not CommonJS', () => {
    expect(usesRequireTs(ts, parseTs(ts, 'index.mjs', "import * as aws from '@pulumi/aws';\n"))).toBe(false);
    expect(usesRequireTs(ts, parseTs(ts, 'index.cjs', 'module.exports = {};\n'))).toBe(true);
  });
});
