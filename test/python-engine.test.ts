// The Python engine the codemods share: parsing and syntax checks, import resolution and
// insertion in the file's own style, edits, and which resource a node configures.
import { describe, expect, test } from '@jest/globals';
import { applyEdits } from '../src/fix/python/edits.js';
import { Imports } from '../src/fix/python/imports.js';
import { parsePython, withPython } from '../src/fix/python/parser.js';
import { ownersOf } from '../src/fix/python/resources.js';
import { boundNames, findAll, indentUnit, stringLiteral } from '../src/fix/python/syntax.js';
import { pythonProblems } from '../src/review/python-parse.js';

const addImport = (src: string, module: string, name: string, alias?: string) =>
  withPython('m.py', src, (f) => applyEdits(src, [new Imports(f).addFromImport(module, name, alias)]));

describe('parse', () => {
  test('modern syntax parses without errors (3.8-3.13)', async () => {
    const src = [
      'from __future__ import annotations',
      'type Point = tuple[float, float]',
      'def first[T](xs: list[T]) -> T:',
      '    match xs:',
      '        case [x, *_]:',
      '            return x',
      '        case _:',
      '            raise ValueError(f"{len(xs)=} {f"{xs!r}"}")',
      'async def g():',
      '    async with a as b, c as d:',
      '        return [y async for y in b if (n := y)]',
      'try:',
      '    pass',
      'except* OSError as e:',
      '    pass',
      '',
    ].join('\n');
    expect(await pythonProblems(src)).toEqual([]);
  });

  test('a syntax error is reported with its line', async () => {
    expect(await pythonProblems('import json\n\ndef f(:\n    pass\n')).toEqual([{ line: 3, message: 'missing ")"' }]);
    const [p] = await pythonProblems('x = 1\ny = = 2\n');
    expect(p!.line).toBe(2);
  });

  test('tabs and CRLF parse', async () => {
    expect(await pythonProblems('class A:\r\n\tdef f(self):\r\n\t\treturn 1\r\n')).toEqual([]);
  });
});

describe('imports', () => {
  test('qualify resolves aliases, from-imports and dotted imports', async () => {
    const src = 'import pulumi_aws as aws\nfrom aws_cdk import aws_kms as kms, Stack\nfrom aws_cdk.aws_logs import LogGroup\nimport aws_cdk.aws_rds\nfrom . import local\n';
    await withPython('m.py', src, (f) => {
      const imp = new Imports(f);
      expect(imp.qualify('aws.kms.Key')).toBe('pulumi_aws.kms.Key');
      expect(imp.qualify('kms.Key')).toBe('aws_cdk.aws_kms.Key');
      expect(imp.qualify('LogGroup')).toBe('aws_cdk.aws_logs.LogGroup');
      expect(imp.qualify('aws_cdk.aws_rds.DatabaseInstance')).toBe('aws_cdk.aws_rds.DatabaseInstance');
      expect(imp.qualify('local.thing')).toBeUndefined();
      expect(imp.qualify('iam.Role')).toBeUndefined();
      expect(imp.reach('aws_cdk.Stack')).toBe('Stack');
      expect(imp.reach('aws_cdk.aws_kms.Key')).toBe('kms.Key');
    });
  });

  test('into a one-per-line parenthesised list, keeping the trailing comma', async () => {
    const src = 'from aws_cdk import (\n    Stack,\n    aws_kms as kms,  # keys\n)\n';
    expect(await addImport(src, 'aws_cdk', 'aws_iam', 'iam')).toBe('from aws_cdk import (\n    Stack,\n    aws_kms as kms,  # keys\n    aws_iam as iam,\n)\n');
  });

  test('into a one-per-line list without a trailing comma, the comment staying on its line', async () => {
    const src = 'from aws_cdk import (\n\tStack,\n\taws_kms as kms  # keys\n)\n';
    expect(await addImport(src, 'aws_cdk', 'aws_iam', 'iam')).toBe('from aws_cdk import (\n\tStack,\n\taws_kms as kms,  # keys\n\taws_iam as iam\n)\n');
  });

  test('into a single-line list, parenthesised or not', async () => {
    expect(await addImport('from pulumi_aws import (ec2, kms)\n', 'pulumi_aws', 'cloudwatch')).toBe('from pulumi_aws import (ec2, kms, cloudwatch)\n');
    expect(await addImport('from aws_cdk import Stack, aws_kms as kms\n', 'aws_cdk', 'aws_iam', 'iam')).toBe('from aws_cdk import Stack, aws_kms as kms, aws_iam as iam\n');
  });

  test('a new line after the last import when the module is not imported from yet', async () => {
    expect(await addImport('"""Doc."""\nimport json\n\nimport pulumi\n\nx = 1\n', 'pulumi_aws', 'cloudwatch')).toBe('"""Doc."""\nimport json\n\nimport pulumi\nfrom pulumi_aws import cloudwatch\n\nx = 1\n');
    expect(await addImport('"""Doc."""\n\nx = 1\n', 'aws_cdk', 'aws_logs', 'logs')).toBe('"""Doc."""\n\nfrom aws_cdk import aws_logs as logs\n\nx = 1\n');
    expect(await addImport('x = 1\n', 'aws_cdk', 'Stack')).toBe('from aws_cdk import Stack\n\nx = 1\n');
  });
});

describe('syntax helpers', () => {
  test('string literals: plain only', async () => {
    await withPython('m.py', 'a = "15.4"\nb = f"{x}-y"\nc = b"x"\nd = "a" "b"\ne = r"\\d"\nf = \'q\'\n', (f) => {
      const values = findAll(f.root, 'assignment').map((a) => stringLiteral(a.childForFieldName('right') ?? undefined));
      expect(values.map((v) => v?.value)).toEqual(['15.4', undefined, undefined, undefined, '\\d', 'q']);
      expect(values[5]!.quote).toBe("'");
    });
  });

  test('bound names cover imports, assignments, defs, params and loop targets', async () => {
    const src = 'import json as j\nfrom x import y\na, (b, c) = 1, (2, 3)\ndef f(p, *q, r=1, **s):\n    for i in p:\n        pass\nclass K:\n    pass\nwith o as w:\n    pass\ntry:\n    pass\nexcept E as err:\n    pass\n';
    await withPython('m.py', src, (f) => {
      expect([...boundNames(f.root)].sort()).toEqual(['K', 'a', 'b', 'c', 'err', 'f', 'i', 'j', 'p', 'q', 'r', 's', 'w', 'y'].sort());
    });
  });

  test('indent unit: tabs, two spaces, default four', () => {
    expect(indentUnit('class A:\n\tx = 1\n')).toBe('\t');
    expect(indentUnit('def f():\n  return 1\n')).toBe('  ');
    expect(indentUnit('x = 1\n')).toBe('    ');
    // A Pulumi program with no block: the step after an open bracket.
    expect(indentUnit('key = aws.kms.Key(\n\t"k",\n\tdescription="d",\n)\n')).toBe('\t');
  });

  test('overlapping edits are refused, adjacent ones applied', () => {
    expect(applyEdits('abcdef', [{ start: 1, end: 2, text: 'B' }, { start: 4, end: 4, text: '!' }])).toBe('aBcd!ef');
    expect(() => applyEdits('abcdef', [{ start: 1, end: 4, text: 'x' }, { start: 3, end: 5, text: 'y' }])).toThrow(/overlapping/);
  });
});

describe('owners', () => {
  test('construct ids and Pulumi names, through variables and nested ids', async () => {
    const src = [
      'from aws_cdk import aws_rds as rds, aws_ec2 as ec2',
      'import pulumi_aws as aws',
      'class S:',
      '    def __init__(self):',
      '        engine = rds.DatabaseInstanceEngine.postgres(version=rds.PostgresEngineVersion.VER_15_4)',
      '        rds.DatabaseInstance(self, "OrdersDb", engine=engine)',
      '        rds.DatabaseCluster(self, "Ledger", writer=rds.ClusterInstance.provisioned("writer", instance_type=ec2.InstanceType("t3.small")))',
      'aws.rds.Instance(f"{name}-db", engine_version="15.4")',
      '',
    ].join('\n');
    const f = await parsePython('m.py', src);
    try {
      const imp = new Imports(f);
      const attr = findAll(f.root, 'attribute').find((a) => a.text === 'rds.PostgresEngineVersion.VER_15_4')!;
      expect(ownersOf(attr, imp)).toEqual([['OrdersDb']]);
      const t3 = findAll(f.root, 'string').find((s) => s.text === '"t3.small"')!;
      expect(ownersOf(t3, imp)).toEqual([['Ledger', 'writer']]);
      const v = findAll(f.root, 'string').find((s) => s.text === '"15.4"')!;
      expect(ownersOf(v, imp)).toEqual([['f"{name}-db"']]);
    } finally {
      f.dispose();
    }
  });
});
