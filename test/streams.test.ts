// NDJSON streams (`pulumi up --json`, `terraform apply -json`) and CI wrapper prefixes:
// line normalisation, stream detection wherever the stream starts, the events each stream
// gives, and bad input (corrupt, truncated, interleaved, binary) that must never crash.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { beforeAll, describe, expect, test } from '@jest/globals';
import { Classifier } from '../src/classify/index.js';
import { bundledSignatureDir, loadCatalogue, type Signature } from '../src/classify/catalogue.js';
import { parseLines } from '../src/formats/index.js';
import { displayType, parseUrn } from '../src/formats/pulumi-json.js';
import { addressType } from '../src/formats/terraform-json.js';
import { isTfLogChatter } from '../src/formats/tf-log.js';
import { normaliseLine } from '../src/input/normalise.js';
import { readLines } from '../src/input/read.js';
import type { Event, Line } from '../src/types.js';

const E = '\x1b';

describe('normaliseLine: CI wrappers', () => {
  test.each([
    // GitHub Actions / Azure Pipelines raw logs
    ['2024-05-01T10:11:12.1234567Z OrdersStack: deploying... [1/1]', 'OrdersStack: deploying... [1/1]'],
    ['2024-05-01T10:11:12.1234567Z ##[error]Process completed with exit code 1.', 'Process completed with exit code 1.'],
    ['2024-05-01T10:11:12.1234567Z ##[warning]Node.js 16 actions are deprecated.', 'Node.js 16 actions are deprecated.'],
    ['2024-05-01T10:11:12.1234567Z ##[group]Run npx cdk deploy', ''],
    ['2024-05-01T10:11:12.1234567Z ##[endgroup]', ''],
    ['##[error]Resource handler returned message: "x"', 'Resource handler returned message: "x"'],
    ['::error file=lib/stack.ts,line=12,col=3,title=Deploy::Cannot find version 15.4 for postgres', 'Cannot find version 15.4 for postgres'],
    ['::warning::Deprecated input', 'Deprecated input'],
    ['::group::Deploy', ''],
    ['::endgroup::', ''],
    ['::add-mask::s3cr3t', ''],
    [`2024-05-01T10:11:12.1234567Z ${E}[36;1mnpx cdk deploy${E}[0m`, 'npx cdk deploy'],
    // GitLab: section markers (alone, chained, with the section title after them) and job-log timestamps
    [`section_start:1714558272:step_script\r${E}[0K${E}[0K${E}[36;1mExecuting "step_script" stage${E}[0;m`, 'Executing "step_script" stage'],
    [`${E}[0Ksection_start:1714558272:build[collapsed=true]\r${E}[0KBuilding`, 'Building'],
    [`section_end:1714558290:step_script\r${E}[0Ksection_start:1714558290:after_script\r${E}[0K`, ''],
    [`section_end:1714558290:step_script\r${E}[0K`, ''],
    ['2024-05-01T10:11:12.123456Z 00O $ pulumi up --yes', '$ pulumi up --yes'],
    ['2024-05-01T10:11:12.123456Z 01E+     error: update failed', '    error: update failed'],
    // Jenkins timestamper
    ['[2024-05-01T10:11:12.123Z] Error: creating RDS Cluster (x): boom', 'Error: creating RDS Cluster (x): boom'],
    ['[2024-05-01T10:11:12.123Z]   with aws_rds_cluster.orders,', '  with aws_rds_cluster.orders,'],
    ['[10:11:12] aws_rds_cluster.orders: Creating...', 'aws_rds_cluster.orders: Creating...'],
    ['10:11:12 aws_rds_cluster.orders: Creating...', 'aws_rds_cluster.orders: Creating...'],
    ['10:11:12  + terraform apply', ' + terraform apply'],
    ['[Pipeline] // stage', ''],
    ['[2024-05-01T10:11:12.123Z] [Pipeline] sh', ''],
    // CDKTF (log4js), alone and inside a Jenkins log
    ['[2024-05-01T10:11:12.123] [ERROR] default - │ Error: Missing required argument', '│ Error: Missing required argument'],
    ['[2024-05-01T10:11:12.123] [INFO] default - aws_kms_key.k: Creating...', 'aws_kms_key.k: Creating...'],
    ['[2024-05-01T10:11:12.123Z] [2024-05-01T10:11:12.120] [ERROR] default - ╷', '╷'],
    ['2024-05-01T10:11:12.1234567Z [2024-05-01T10:11:12.120] [WARN] default - Warning: x', 'Warning: x'],
  ])('%j', (raw, want) => {
    expect(normaliseLine(raw)).toBe(want);
  });

  test.each([
    // cdk rows carry their own time column: a leading time is not a prefix there
    '12:58:26 PM | CREATE_FAILED        | AWS::Logs::LogGroup | logs00112233',
    '12:58:26 | CREATE_FAILED        | AWS::Logs::LogGroup | logs00112233',
    '4:48:03 PM | CREATE_IN_PROGRESS   | AWS::IAM::Policy | LambdaPolicy',
    'OrdersStack |  3/12 | 10:14:07 AM | CREATE_FAILED        | AWS::Logs::LogGroup        | OrdersStack/AppLogs (AppLogs8A3C1D2E) x',
    // lines that only look like prefixes
    '2 errors occurred:',
    '[WARNING] aws-cdk-lib.aws_ecr.RepositoryProps#autoDeleteImages is deprecated.',
    '[2024-05-01] release notes',
    '::not-a-command:: text',
    '##[bogus]text',
    'section_start is a word here',
    '{"@level":"error","@message":"Error: x","type":"diagnostic"}',
  ])('kept: %j', (raw) => {
    expect(normaliseLine(raw)).toBe(raw);
  });

  test('a Jenkins time before a cdk row is stripped once, and the row still parses', async () => {
    const row =
      'OrdersStack |  3/12 | 10:14:07 AM | CREATE_FAILED        | AWS::Logs::LogGroup        | OrdersStack/AppLogs (AppLogs8A3C1D2E) Resource handler returned message: "boom"';
    for (const prefix of ['10:14:07 ', '[2024-05-01T10:14:07.120Z] ', '2024-05-01T10:14:07.1204567Z ']) {
      const { events, format } = await parse([prefix + row]);
      expect(format).toBe('cdk-text');
      expect(events.filter((e) => e.tool === 'cloudformation').map((e) => [e.resourceId, e.constructPath, e.message])).toEqual([
        ['AppLogs8A3C1D2E', 'OrdersStack/AppLogs', 'Resource handler returned message: "boom"'],
      ]);
    }
  });
});

describe('Pulumi URNs', () => {
  test.each([
    ['urn:pulumi:dev::orders::aws:rds/instance:Instance::orders-db', 'dev', 'aws:rds:Instance', 'orders-db'],
    ['urn:pulumi:prod::web::acme:index:Service$aws:cloudwatch/logGroup:LogGroup::app-logs', 'prod', 'aws:cloudwatch:LogGroup', 'app-logs'],
    ['urn:pulumi:dev::orders::pulumi:pulumi:Stack::orders-dev', 'dev', 'pulumi:pulumi:Stack', 'orders-dev'],
    ['urn:pulumi:dev::orders::aws:s3/bucketV2:BucketV2::a::b', 'dev', 'aws:s3:BucketV2', 'a::b'],
    ['urn:pulumi:dev::orders::kubernetes:apps/v1:Deployment::api', 'dev', 'kubernetes:apps/v1:Deployment', 'api'],
  ])('%s', (urn, stack, type, name) => {
    expect(parseUrn(urn)).toMatchObject({ stack, type, name });
  });

  test.each(['', 'urn:pulumi:dev::orders', 'arn:aws:s3:::bucket', 'urn:pulumi:::::::'])('not a URN: %j', (urn) => {
    expect(parseUrn(urn)).toBeUndefined();
  });

  test('display types drop only a module segment that restates the name', () => {
    expect(displayType('aws:ec2/securityGroup:SecurityGroup')).toBe('aws:ec2:SecurityGroup');
    expect(displayType('aws:lambda/function:Function')).toBe('aws:lambda:Function');
    expect(displayType('aws-native:s3:Bucket')).toBe('aws-native:s3:Bucket');
    expect(displayType('aws:ec2/vpc:Subnet')).toBe('aws:ec2/vpc:Subnet');
  });
});

test.each([
  ['aws_db_instance.this', 'aws_db_instance'],
  ['aws_db_instance.this[0]', 'aws_db_instance'],
  ['module.db.module.db_instance.aws_db_instance.this[0]', 'aws_db_instance'],
  ['module.logs["a.b"].aws_cloudwatch_log_group.app', 'aws_cloudwatch_log_group'],
  ['data.aws_iam_policy_document.assume', 'aws_iam_policy_document'],
  ['module.db', undefined],
  ['', undefined],
])('Terraform address %j has type %j', (address, type) => {
  expect(addressType(address)).toBe(type);
});

describe('TF_LOG chatter', () => {
  test.each([
    ['[DEBUG] provider.terraform-provider-aws: request: POST /', true],
    ['[TRACE] vertex "aws_db_instance.orders": visit complete', true],
    ['[INFO]  provider: configuring client automatic mTLS', true],
    ['2024-05-01T12:11:12.123+0200 [DEBUG] ReferenceTransformer: "x" references: []', true],
    ['[ERROR] vertex "aws_db_instance.orders" error: creating RDS DB Instance', false],
    ['[WARN]  Provider produced an unexpected new value', true],
    ['[WARN] Using the default profile', false],
    ['[INFO] BUILD FAILURE', false],
    ['[WARNING] aws-cdk-lib.aws_ecr.RepositoryProps#autoDeleteImages is deprecated.', false],
    ['DEBUG: nothing', false],
  ])('%j -> %j', (line, want) => {
    expect(isTfLogChatter(normaliseLine(line))).toBe(want);
  });

  test('the failure after a long debug log is found, and debug lines do not hide it', async () => {
    const noise = Array.from({ length: 500 }, (_, i) => `2024-05-01T10:11:12.${String(i % 1000).padStart(3, '0')}Z [DEBUG] provider.terraform-provider-aws: tf_req_id=${i} Cannot find version 9.9 for postgres`);
    const { events, format } = await parse([
      ...noise,
      '2024-05-01T10:20:00.000Z [ERROR] vertex "aws_db_instance.orders" error: creating RDS DB Instance (orders): api error InvalidParameterCombination: Cannot find version 15.4 for postgres',
      ...noise.slice(0, 3),
      '╷',
      '│ Error: creating RDS DB Instance (orders): api error InvalidParameterCombination: Cannot find version 15.4 for postgres',
      '│ ',
      '│   with aws_db_instance.orders,',
      '╵',
    ]);
    expect(format).toBe('terraform-text');
    expect(events.map((e) => [e.span.startLine, e.resourceId])).toEqual([
      [501, undefined],
      [506, 'aws_db_instance.orders'],
    ]);
    expect(events.every((e) => !e.message.includes('9.9'))).toBe(true);
  });
});

// ---- streams ----

async function parse(lines: string[] | string): Promise<{ events: Event[]; format: string }> {
  const text = Array.isArray(lines) ? lines.join('\n') : lines;
  const events: Event[] = [];
  const stats = { source: 'in.log', lines: 0, bytes: 0 };
  const { format } = await parseLines(readLines(Readable.from([Buffer.from(text)]), 'in.log', stats), (e) => events.push(e));
  return { events, format };
}

const go = (o: unknown) => JSON.stringify(o).replace(/</g, '\\u003c').replace(/>/g, '\\u003e');
let seq = 0;
const pulumi = (kind: string, body: unknown) => go({ sequence: seq++, timestamp: 1714558272 + seq, [kind]: body });
const diag = (urn: string | undefined, severity: string, message: string, extra: object = {}) =>
  pulumi('diagnosticEvent', { ...(urn ? { urn } : {}), prefix: `<{%fg 1%}>${severity}: <{%reset%}>`, message, color: 'raw', severity, ...extra });
const DB = 'urn:pulumi:dev::orders::aws:rds/instance:Instance::orders-db';
const STACK = 'urn:pulumi:dev::orders::pulumi:pulumi:Stack::orders-dev';
const RDS_MSG = 'creating RDS DB Instance (orders-db-1): api error InvalidParameterCombination: Cannot find version 15.4 for postgres';

const tf = (type: string, body: object, level = 'info', message = 'x') =>
  go({ '@level': level, '@message': message, '@module': 'terraform.ui', '@timestamp': '2024-05-01T10:11:12.000000Z', ...body, type });
const tfDiag = (d: object) => tf('diagnostic', { diagnostic: d }, 'error', 'Error: x');

const brief = (events: Event[]) =>
  events.map((e) => ({ tool: e.tool, message: e.message, resourceId: e.resourceId, resourceType: e.resourceType, cascade: e.cascade ?? false, line: e.span.startLine, location: e.location }));

describe('pulumi --json', () => {
  test('a provider error on a resource, then the stack-level cascade', async () => {
    const { events, format } = await parse([
      pulumi('preludeEvent', { config: {} }),
      pulumi('resourcePreEvent', { metadata: { op: 'create', urn: DB, type: 'aws:rds/instance:Instance' } }),
      diag(DB, 'error', `<{%reset%}>sdk-v2/provider2.go:572: ${RDS_MSG}: provider=aws@6.52.0<{%reset%}>\n`),
      pulumi('resOpFailedEvent', { metadata: { op: 'create', urn: DB, type: 'aws:rds/instance:Instance' }, status: 2, steps: 1 }),
      diag(STACK, 'error', '<{%reset%}>update failed<{%reset%}>\n'),
      pulumi('summaryEvent', { maybeCorrupt: false, durationSeconds: 3, resourceChanges: {}, policyPacks: {} }),
      pulumi('cancelEvent', {}),
    ]);
    expect(format).toBe('pulumi-json');
    expect(brief(events)).toEqual([
      { tool: 'pulumi', message: `sdk-v2/provider2.go:572: ${RDS_MSG}: provider=aws@6.52.0`, resourceId: 'orders-db', resourceType: 'aws:rds:Instance', cascade: false, line: 3, location: undefined },
      { tool: 'pulumi', message: 'update failed', resourceId: undefined, resourceType: undefined, cascade: true, line: 5, location: undefined },
    ]);
    expect(events[0]!.lines[0]!.text).not.toContain('{');
  });

  test('multi-line messages lose the framing and join like the text adapter', async () => {
    const { events } = await parse([diag(DB, 'error', `  error: 1 error occurred:\n\t* ${RDS_MSG}\n\tstatus code: 400, request id: 1\n\n`)]);
    expect(events.map((e) => e.message)).toEqual([`1 error occurred: * ${RDS_MSG} status code: 400, request id: 1`]);
  });

  test('warnings are kept; info, info#err, debug and ephemeral diagnostics are not failures', async () => {
    const { events } = await parse([
      diag(STACK, 'info', 'Updating (dev)\n'),
      diag(STACK, 'info#err', 'some stderr output\n'),
      diag(undefined, 'debug', 'RegisterResource\n'),
      diag(DB, 'error', 'creating (3s)\n', { ephemeral: true }),
      diag(DB, 'warning', 'engineVersion is deprecated\n'),
    ]);
    expect(events.map((e) => [e.severity, e.message])).toEqual([['warning', 'engineVersion is deprecated']]);
  });

  test('a Python traceback in one diagnostic gives the traceback event with its location', async () => {
    const tb = [
      'Program failed with an unhandled exception:',
      'Traceback (most recent call last):',
      '  File "/usr/lib/python3.11/site-packages/pulumi/runtime/stack.py", line 138, in run_in_stack',
      '    await run_pulumi_func(lambda: Stack(func))',
      '  File "/home/runner/work/app/__main__.py", line 27, in <module>',
      '    group = logs.LogGroup(',
      "NameError: name 'logs' is not defined",
      '',
    ].join('\n');
    const { events } = await parse([diag(STACK, 'error', tb), diag(STACK, 'error', 'an unhandled error occurred: Program exited with non-zero exit code: 1\n')]);
    expect(brief(events)).toEqual([
      { tool: 'pulumi', message: 'Program failed with an unhandled exception:', resourceId: undefined, resourceType: undefined, cascade: true, line: 1, location: undefined },
      { tool: 'pulumi', message: "NameError: name 'logs' is not defined", resourceId: undefined, resourceType: undefined, cascade: false, line: 1, location: { file: '/home/runner/work/app/__main__.py', line: 27 } },
      { tool: 'pulumi', message: 'an unhandled error occurred: Program exited with non-zero exit code: 1', resourceId: undefined, resourceType: undefined, cascade: true, line: 2, location: undefined },
    ]);
  });
});

describe('terraform -json', () => {
  const addr = 'module.db.aws_db_instance.main';
  test('diagnostics: address, type from the apply_errored hook, location, summary and detail joined', async () => {
    const { events, format } = await parse([
      tf('version', { terraform: '1.9.5', ui: '1.2' }, 'info', 'Terraform 1.9.5'),
      tf('apply_start', { hook: { resource: { addr, resource_type: 'aws_db_instance', resource_name: 'main' }, action: 'create' } }),
      tf('apply_errored', { hook: { resource: { addr, resource_type: 'aws_db_instance', resource_name: 'main' }, action: 'create', elapsed_seconds: 1 } }, 'error'),
      tfDiag({
        severity: 'error',
        summary: 'creating RDS DB Instance (main)',
        detail: 'api error InvalidParameterCombination:\nCannot find version 15.4 for postgres',
        address: addr,
        range: { filename: 'modules/db/main.tf', start: { line: 7, column: 1, byte: 90 }, end: { line: 7, column: 2, byte: 91 } },
      }),
      tfDiag({ severity: 'warning', summary: 'Argument is deprecated', detail: 'Use engine_lifecycle_support instead.' }),
    ]);
    expect(format).toBe('terraform-json');
    expect(brief(events)).toEqual([
      {
        tool: 'terraform',
        message: 'creating RDS DB Instance (main) api error InvalidParameterCombination: Cannot find version 15.4 for postgres',
        resourceId: addr,
        resourceType: 'aws_db_instance',
        cascade: false,
        line: 4,
        location: { file: 'modules/db/main.tf', line: 7 },
      },
      { tool: 'terraform', message: 'Argument is deprecated Use engine_lifecycle_support instead.', resourceId: undefined, resourceType: undefined, cascade: false, line: 5, location: undefined },
    ]);
    expect(events.map((e) => e.severity)).toEqual(['error', 'warning']);
  });

  test('non-failure message types give no events', async () => {
    const { events, format } = await parse([
      tf('version', { terraform: '1.9.5', ui: '1.2' }),
      tf('planned_change', { change: { resource: { addr: 'a.b' }, action: 'create' } }),
      tf('change_summary', { changes: { add: 1, change: 0, remove: 0, operation: 'plan' } }),
      tf('log', {}, 'error', 'Error: this is only a log line'),
      tf('outputs', { outputs: {} }),
    ]);
    expect(format).toBe('terraform-json');
    expect(events).toEqual([]);
  });
});

describe('pulumi preview --json digest', () => {
  const digest = {
    config: { 'aws:region': 'us-east-1' },
    steps: [{ op: 'create', urn: DB, newState: { urn: DB, inputs: { note: 'braces { and [ in a string', engineVersion: '15.4' } } }],
    diagnostics: [
      { urn: DB, prefix: 'warning: ', message: 'engineVersion 15 is nearing end of support\n', severity: 'warning' },
      { urn: STACK, prefix: 'error: ', message: `${RDS_MSG}\n`, severity: 'error' },
      { message: 'preview failed\n', severity: 'error' },
    ],
    duration: 1200000000,
    changeSummary: { create: 2 },
  };
  const pretty = JSON.stringify(digest, null, 4).split('\n');
  // 1-based lines of the diagnostics' opening braces.
  const entryLines = pretty.flatMap((l, i) => (l === '        {' && i > pretty.indexOf('    "diagnostics": [') ? [i + 1] : []));

  test('indented: each diagnostic is an event at its opening line; the steps are skipped', async () => {
    expect(entryLines).toHaveLength(3);
    const { events, format } = await parse(pretty);
    expect(format).toBe('pulumi-json');
    expect(events.map((e) => [e.severity, e.message, e.resourceId, e.cascade ?? false, e.span.startLine])).toEqual([
      ['warning', 'engineVersion 15 is nearing end of support', 'orders-db', false, entryLines[0]],
      ['error', RDS_MSG, undefined, false, entryLines[1]],
      ['error', 'preview failed', undefined, true, entryLines[2]],
    ]);
  });

  test('compact, after text, and cut short', async () => {
    const compact = await parse(['$ pulumi preview --json', JSON.stringify(digest)]);
    expect(compact.format).toBe('pulumi-json');
    expect(compact.events.filter((e) => e.tool === 'pulumi').map((e) => e.message)).toEqual(['engineVersion 15 is nearing end of support', RDS_MSG, 'preview failed']);
    const afterText = await parse(['$ pulumi preview --json', ...pretty, '##[error]Process completed with exit code 255.']);
    expect(afterText.events.filter((e) => e.tool === 'pulumi').length).toBe(3);
    expect(afterText.events.at(-1)).toMatchObject({ tool: 'text', message: 'Process completed with exit code 255.', cascade: true });
    const cut = pretty.findIndex((l) => l.includes('preview failed'));
    for (let n = 0; n <= cut; n++) {
      const { events } = await parse(pretty.slice(0, n));
      expect(events.length).toBeLessThanOrEqual(2);
    }
    expect((await parse(pretty.slice(0, cut))).events.map((e) => e.message)).toEqual(['engineVersion 15 is nearing end of support', RDS_MSG]);
  });

  test('a lone brace inside a text log stays text, paragraphs and all', async () => {
    const { format, events } = await parse(['Synthesizing template', '{', '', 'Cannot find version 15.4 for postgres', '}']);
    expect(format).toBe('text');
    expect(events.map((e) => [e.span.startLine, e.message])).toEqual([
      [1, 'Synthesizing template {'],
      [4, 'Cannot find version 15.4 for postgres }'],
    ]);
  });

  test('a lone brace followed by another key is still describe-stack-events', async () => {
    const { format, events } = await parse([
      '{',
      '    "StackEvents": [',
      '        {',
      '            "LogicalResourceId": "OrdersDb",',
      '            "ResourceStatus": "CREATE_FAILED",',
      `            "ResourceStatusReason": "${RDS_MSG}",`,
      '            "ResourceType": "AWS::RDS::DBInstance"',
      '        }',
      '    ]',
      '}',
    ]);
    expect(format).toBe('cfn-json');
    expect(events.map((e) => [e.resourceId, e.span.startLine])).toEqual([['OrdersDb', 3]]);
  });
});

describe('stream detection and bad input', () => {
  const rds = diag(DB, 'error', `${RDS_MSG}\n`);

  test('a stream found after text lines, with CI prefixes and interleaved non-JSON lines', async () => {
    const { events, format } = await parse([
      '2024-05-01T10:11:12.1234567Z ##[group]Run pulumi up --json --yes',
      '2024-05-01T10:11:12.1234567Z ##[endgroup]',
      '2024-05-01T10:11:13.1234567Z $ pulumi up --json --yes',
      `2024-05-01T10:11:14.1234567Z ${pulumi('preludeEvent', { config: {} })}`,
      '2024-05-01T10:11:14.2234567Z Downloading plugin aws v6.52.0',
      `2024-05-01T10:11:15.1234567Z ${rds}`,
      '2024-05-01T10:11:16.1234567Z ##[error]Process completed with exit code 255.',
    ]);
    expect(format).toBe('pulumi-json');
    expect(events.filter((e) => e.tool === 'pulumi').map((e) => [e.span.startLine, e.resourceId])).toEqual([[6, 'orders-db']]);
    expect(events.filter((e) => e.severity === 'error' && !e.cascade && e.tool !== 'pulumi')).toEqual([]);
  });

  test('corrupt and truncated object lines inside a stream are skipped', async () => {
    const { events, format } = await parse([
      rds,
      '{"sequence":3,"timestamp":1,"diagnosticEvent":{"urn":::}}',
      '{"sequence":4,"timestamp":1,"diagnosticEvent":{"severity":"error","message":null}}',
      '{"sequence":5,"timestamp":1,"diagnosticEvent":"not an object"}',
      '{"sequence":6,"timestamp":1,"diagnosticEvent":{"severity":"error","message":"x","urn":42}}',
      rds.slice(0, 90),
    ]);
    expect(format).toBe('pulumi-json');
    expect(events.map((e) => e.message)).toEqual([RDS_MSG, 'x']);
  });

  test('every truncation of every event line is survived', async () => {
    const lines = fs.readFileSync('__testfixtures__/logs/kms-logs-key-policy/pulumi-json.log', 'utf8').trim().split('\n');
    const tfLines = fs.readFileSync('__testfixtures__/logs/rds-engine-version-unavailable/terraform-json.log', 'utf8').trim().split('\n');
    for (const stream of [lines, tfLines]) {
      const target = stream.findIndex((l) => /"severity":"error"/.test(l));
      for (let cut = 0; cut < stream[target]!.length; cut += 7) {
        const { events } = await parse([...stream.slice(0, target), stream[target]!.slice(0, cut)]);
        expect(events.every((e) => typeof e.message === 'string')).toBe(true);
      }
    }
  });

  test('JSON that is no known stream keeps the describe-stack-events parser', async () => {
    const { format } = await parse(['{"StackEvents": [', '  {"ResourceStatus": "CREATE_COMPLETE"}', ']}']);
    expect(format).toBe('cfn-json');
    expect((await parse(['{"hello": "world"}'])).format).toBe('cfn-json');
  });

  test('text logs are not taken for streams', async () => {
    const { format } = await parse(['Updating (dev)', '', 'Diagnostics:', '  aws:rds:Instance (orders-db):', `    error: ${RDS_MSG}`, '{"not": "an event"}']);
    expect(format).toBe('pulumi-text');
  });

  test('binary garbage is refused with a clear error, never a crash; a byte that is not UTF-8 is not', async () => {
    const bin = Buffer.from([0x7b, 0x22, 0x00, 0xff, 0xfe, 0x01, 0x7d, 0x0a]);
    await expect(parseLines(readLines(Readable.from([bin]), 'x.bin', { source: 'x.bin', lines: 0, bytes: 0 }), () => {})).rejects.toThrow(/binary/);
    const latin1 = Buffer.concat([Buffer.from(rds + '\n'), Buffer.from([0x7b, 0x22, 0xe9, 0x22, 0x7d, 0x0a])]);
    const events: Event[] = [];
    await expect(parseLines(readLines(Readable.from([latin1]), 'x.log', { source: 'x.log', lines: 0, bytes: 0 }), (e) => events.push(e))).resolves.toEqual({ format: 'pulumi-json' });
    expect(events.map((e) => e.message)).toEqual([RDS_MSG]);
  });

  test('line numbers stay those of the raw file', async () => {
    const lines: Line[] = [];
    const raw = ['section_start:1:a\r\x1b[0K', '##[group]x', rds, '[Pipeline] sh', 'tail'].join('\r\n');
    for await (const l of readLines(Readable.from([Buffer.from(raw)]), 'in.log', { source: 'in.log', lines: 0, bytes: 0 })) lines.push(l);
    expect(lines.map((l) => [l.lineNo, l.text])).toEqual([
      [1, ''],
      [2, ''],
      [3, rds],
      [4, ''],
      [5, 'tail'],
    ]);
  });
});

describe('CLI', () => {
  test.each([
    ['__testfixtures__/logs/rds-engine-version-unavailable/pulumi-json.log', 'pulumi-json', 'rds-engine-version-unavailable'],
    ['__testfixtures__/logs/kms-logs-key-policy/github-actions-terraform-json.log', 'terraform-json', 'kms-logs-key-policy'],
  ])('%s is reported as %s', (log, format, signature) => {
    const project = fs.mkdtempSync(path.join(os.tmpdir(), 'stackfix-streams-'));
    try {
      const r = spawnSync(process.execPath, [path.resolve('bin/stackfix'), log, '--project', project, '--format', 'json'], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
      expect(r.stderr).toBe('');
      expect(r.status).toBe(1);
      const report = JSON.parse(r.stdout) as { inputs: Array<{ format: string }>; findings: Array<{ signature: string }> };
      expect(report.inputs.map((i) => i.format)).toEqual([format]);
      expect(report.findings.map((f) => f.signature)).toEqual([signature]);
    } finally {
      fs.rmSync(project, { recursive: true, force: true });
    }
  });
});

// Signature and captures; the failing resource of each is pinned by its .expected.json.
describe('a failure gives the same finding in every wrapping', () => {
  let signatures: Signature[];
  beforeAll(async () => {
    signatures = await loadCatalogue([bundledSignatureDir()]);
  });
  const L = '__testfixtures__/logs/';
  async function findings(text: string) {
    const classifier = new Classifier(signatures);
    const stats = { source: 'in.log', lines: 0, bytes: 0 };
    await parseLines(readLines(Readable.from([Buffer.from(text)]), 'in.log', stats), (e) => classifier.add(e));
    return classifier.result().findings.map((f) => ({
      signature: f.signature.id,
      captures: f.captures,
    }));
  }
  const read = (f: string) => fs.readFileSync(L + f, 'utf8');
  test.each([
    ['rds-engine-version-unavailable/pulumi-json.log', 'rds-engine-version-unavailable/pulumi-up-tree.log'],
    ['rds-engine-version-unavailable/gitlab-pulumi-up.log', 'rds-engine-version-unavailable/pulumi-up-tree.log'],
    ['rds-engine-version-unavailable/terraform-json.log', 'rds-engine-version-unavailable/terraform-no-color.log'],
    ['kms-logs-key-policy/pulumi-json.log', 'kms-logs-key-policy/pulumi-up-tree.log'],
    ['kms-logs-key-policy/pulumi-json-truncated.log', 'kms-logs-key-policy/pulumi-up-tree.log'],
    ['kms-logs-key-policy/github-actions-terraform-json.log', 'kms-logs-key-policy/terraform-box-cdktf.log'],
    ['kms-logs-key-policy/cdktf-log4js.log', 'kms-logs-key-policy/terraform-box-cdktf.log'],
    ['kms-logs-key-policy/github-actions-cdk.log', 'kms-logs-key-policy/cdk-events-12h.log'],
    ['python-missing-import/pulumi-preview-json.log', 'python-missing-import/pulumi-python-logs.log'],
  ])('%s reads as %s', async (wrapped, plain) => {
    const want = await findings(read(plain));
    expect(want.length).toBeGreaterThan(0);
    expect(await findings(read(wrapped))).toEqual(want);
  });

  test('jenkins-terraform.log reads as the same log without its timestamps and steps', async () => {
    const wrapped = read('kms-logs-key-policy/jenkins-terraform.log');
    // The timestamper prefix has a fixed width: `[2024-05-01T10:11:12.347Z] `.
    const plain = wrapped
      .split('\n')
      .filter((l) => l.startsWith('[20'))
      .map((l) => l.slice('[2024-05-01T10:11:12.347Z] '.length))
      .join('\n');
    const want = await findings(plain);
    expect(want.map((f) => f.signature)).toEqual(['kms-logs-key-policy']);
    expect(await findings(wrapped)).toEqual(want);
  });
});
