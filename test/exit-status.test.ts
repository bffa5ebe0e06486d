// Exit status tells the truth: a log that shows a failure exits 1 with the failure listed (as a
// finding, generic or not, or as a line no signature recognises), whatever tool printed it; a
// log with no failure (progress, prompts, stack names, a successful run) lists nothing and exits 0.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterAll, describe, expect, test } from '@jest/globals';
import { runStackfix, writeTree } from './helpers/cli.js';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'stackfix-exit-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

interface Report {
  inputs: Array<{ format: string }>;
  findings: Array<{ signature: string; title: string; occurrences: Array<{ line: number; resource?: string; location?: { file: string; line: number } }> }>;
  unclassified: Array<{ line: number; text: string; severity: string }>;
}

function run(name: string, log: string, extra: string[] = []): { code: number | null; report: Report; text: string } {
  const file = path.join(tmp, name);
  fs.writeFileSync(file, log);
  const json = runStackfix([file, '--project', tmp, '--format', 'json', ...extra]);
  const text = runStackfix([file, '--project', tmp]);
  expect(text.status).toBe(json.status);
  return { code: json.status, report: JSON.parse(json.stdout) as Report, text: text.stdout };
}

const ts = (n: number) => `2025-10-02T14:21:${String(n).padStart(2, '0')}.1234567Z `;

// Failures of classes no specific signature knows, in every shape stackfix reads. `listed` is a
// generic finding's signature, or a pattern the unclassified line must match.
const UNKNOWN: Array<[string, string, string, { signature: string } | { unclassified: RegExp }]> = [
  [
    'cdk deploy events',
    'cdk-text',
    [
      'OrdersStack | 1/7 | 10:14:33 AM | CREATE_IN_PROGRESS   | AWS::Events::Rule | OrdersStack/NightlySync/Resource (NightlySync1A2B3C4D)',
      'OrdersStack | 2/7 | 10:14:40 AM | CREATE_FAILED        | AWS::Events::Rule | OrdersStack/NightlySync/Resource (NightlySync1A2B3C4D) Resource handler returned message: "Schedule expression cron(0 2 * * ? *) falls inside the target\'s blackout window" (RequestToken: 6a7b8c9d-0e1f-4a2b-8c3d-4e5f6a7b8c9d, HandlerErrorCode: GeneralServiceException)',
      '',
    ].join('\n'),
    { signature: 'aws-api-error' },
  ],
  [
    'describe-stack-events JSON',
    'cfn-json',
    JSON.stringify(
      {
        StackEvents: [
          { StackName: 'cache-warmers-dev', LogicalResourceId: 'WarmCache', ResourceType: 'AWS::Scheduler::Schedule', Timestamp: '2025-10-02T09:14:03.120Z', ResourceStatus: 'CREATE_FAILED', ResourceStatusReason: 'The warming schedule overlaps the maintenance calendar of the product cache' },
          { StackName: 'cache-warmers-dev', LogicalResourceId: 'cache-warmers-dev', ResourceType: 'AWS::CloudFormation::Stack', Timestamp: '2025-10-02T09:01:11.000Z', ResourceStatus: 'CREATE_IN_PROGRESS', ResourceStatusReason: 'User Initiated' },
        ],
      },
      null,
      4,
    ),
    { signature: 'cloudformation-event-failed' },
  ],
  [
    'describe-events JSON',
    'cfn-json',
    JSON.stringify(
      {
        OperationEvents: [
          { EventId: 'e1', StackId: 'arn:aws:cloudformation:eu-west-1:111122223333:stack/media-dev/0a1b2c3d', OperationId: 'op-1', EventType: 'HOOK_INVOCATION_ERROR', LogicalResourceId: 'UploadsBucket9A8B7C6D', ResourceType: 'AWS::S3::Bucket', Timestamp: '2025-10-02T09:14:03.120Z', HookType: 'Acme::Guard::Tags', HookStatus: 'HOOK_COMPLETE_FAILED', HookStatusReason: 'Hook failed: the bucket has no cost-center tag', HookFailureMode: 'FAIL' },
        ],
      },
      null,
      4,
    ),
    { signature: 'cloudformation-event-failed' },
  ],
  [
    'pulumi text',
    'pulumi-text',
    [
      'Updating (dev)',
      '',
      ' +  aws:sfn:StateMachine nightly-sync creating (1s) error: the definition names a task state that has no Resource',
      ' +  aws:sfn:StateMachine nightly-sync **creating failed** error: the definition names a task state that has no Resource',
      'Diagnostics:',
      '  aws:sfn:StateMachine (nightly-sync):',
      '    error: the definition names a task state that has no Resource',
      '',
      '  pulumi:pulumi:Stack (orders-dev):',
      '    error: update failed',
      '',
    ].join('\n'),
    { signature: 'pulumi-diagnostic' },
  ],
  [
    'pulumi --json events',
    'pulumi-json',
    [
      JSON.stringify({ sequence: 1, timestamp: 1759400000, diagnosticEvent: { urn: 'urn:pulumi:dev::orders::aws:sfn/stateMachine:StateMachine::nightly-sync', prefix: 'error: ', message: 'the definition names a task state that has no Resource\n', color: 'never', severity: 'error' } }),
      JSON.stringify({ sequence: 2, timestamp: 1759400001, diagnosticEvent: { urn: 'urn:pulumi:dev::orders::pulumi:pulumi:Stack::orders-dev', prefix: 'error: ', message: 'update failed\n', color: 'never', severity: 'error' } }),
      '',
    ].join('\n'),
    { signature: 'pulumi-diagnostic' },
  ],
  [
    'terraform text',
    'terraform-text',
    [
      'aws_s3_bucket.exports: Refreshing state... [id=orders-exports-dev]',
      '╷',
      '│ Error: Invalid template interpolation value',
      '│ ',
      '│   on storage.tf line 12, in resource "aws_s3_bucket" "exports":',
      '│   12:   bucket = "${local.env_prefix}-exports"',
      '│ ',
      '│ The expression result is null. Cannot include a null value in a string template.',
      '╵',
      '',
    ].join('\n'),
    { signature: 'terraform-diagnostic' },
  ],
  [
    'terraform -json',
    'terraform-json',
    [
      JSON.stringify({ '@level': 'info', '@message': 'Terraform 1.9.5', '@module': 'terraform.ui', '@timestamp': '2025-10-02T09:00:00Z', terraform: '1.9.5', type: 'version', ui: '1.2' }),
      JSON.stringify({ '@level': 'error', '@message': 'Error: Output refers to sensitive values', '@module': 'terraform.ui', '@timestamp': '2025-10-02T09:00:03Z', diagnostic: { severity: 'error', summary: 'Output refers to sensitive values', detail: 'Terraform requires that any root module output containing sensitive data be explicitly marked as sensitive.', range: { filename: 'outputs.tf', start: { line: 9, column: 1, byte: 120 }, end: { line: 9, column: 21, byte: 140 } } }, type: 'diagnostic' }),
      '',
    ].join('\n'),
    { signature: 'terraform-diagnostic' },
  ],
  [
    'CDKTF with the stack prefix on every line',
    'terraform-text',
    [
      'orders-dev  aws_sfn_state_machine.nightly-sync (nightly/sync): Creating...',
      'orders-dev  ╷',
      'orders-dev  │ Error: Invalid template interpolation value',
      'orders-dev  │ ',
      'orders-dev  │   with aws_sfn_state_machine.nightly-sync_state-machine_1A2B3C4D,',
      'orders-dev  │   on cdk.tf.json line 88, in resource.aws_sfn_state_machine.nightly-sync_state-machine_1A2B3C4D:',
      'orders-dev  │   88:         "name": "${local.prefix}-nightly"',
      'orders-dev  │ ',
      'orders-dev  │ The expression result is null. Cannot include a null value in a string template.',
      'orders-dev  ╵',
      '',
    ].join('\n'),
    { signature: 'terraform-diagnostic' },
  ],
  [
    'a Python traceback',
    'python-traceback',
    [
      'Traceback (most recent call last):',
      '  File "/work/infra/__main__.py", line 31, in <module>',
      '    warehouse = settings.require("warehouse")',
      'infra.settings.MissingSetting: warehouse has no value for the qa stack',
      '',
    ].join('\n'),
    { unclassified: /MissingSetting: warehouse has no value/ },
  ],
  [
    'tsc errors',
    'text',
    "lib/orders-stack.ts(12,5): error TS2454: Variable 'exportsBucket' is used before being assigned.\n",
    { signature: 'ts-other-compile' },
  ],
  [
    'aws cloudformation deploy',
    'text',
    [
      '$ aws cloudformation deploy --template-file packaged.yaml --stack-name orders-dev --capabilities CAPABILITY_IAM',
      '',
      'Waiting for changeset to be created..',
      'Waiting for stack create/update to complete',
      '',
      'Failed to create/update the stack. Run the following command',
      'to fetch the list of events leading up to the failure',
      'aws cloudformation describe-stack-events --stack-name orders-dev',
      '',
    ].join('\n'),
    { unclassified: /^Failed to create\/update the stack/ },
  ],
  [
    'a GitHub Actions log',
    'text',
    [
      `${ts(1)}##[group]Run ./scripts/promote.sh staging`,
      `${ts(2)}./scripts/promote.sh staging`,
      `${ts(3)}##[endgroup]`,
      `${ts(4)}Promoting build 481 to staging`,
      `${ts(5)}##[error]The promotion of build 481 stopped: the staging approval was rejected`,
      '',
    ].join('\n'),
    { unclassified: /approval was rejected/ },
  ],
];

describe('a log that shows a failure never exits 0', () => {
  test.each(UNKNOWN)('%s', (name, format, log, listed) => {
    const { code, report, text } = run(`${name.replace(/\W+/g, '-')}.log`, log);
    expect(report.inputs[0]!.format).toBe(format);
    expect(code).toBe(1);
    if ('signature' in listed) {
      expect(report.findings.map((f) => f.signature)).toEqual([listed.signature]);
      expect(report.unclassified).toEqual([]);
    } else {
      expect(report.findings).toEqual([]);
      expect(report.unclassified).toEqual([expect.objectContaining({ severity: 'error', text: expect.stringMatching(listed.unclassified) })]);
      expect(text).toMatch(/✖ not recognised: .*\n/);
      expect(text).toMatch(/1 failure\(s\) in \d+ line\(s\) that no signature recognises/);
    }
  });

  test('the generic finding names the resource the log names', () => {
    const { report } = run('cdk-events-resource.log', UNKNOWN[0]![2]);
    expect(report.findings[0]!.title).toBe('AWS::Events::Rule failed: GeneralServiceException');
    expect(report.findings[0]!.occurrences[0]!.resource).toBe('NightlySync1A2B3C4D');
  });

  test('a failure shown only as a restatement still counts', () => {
    const { code, report } = run('cascade-only.log', 'Diagnostics:\n  pulumi:pulumi:Stack (orders-dev):\n    error: update failed\n');
    expect(code).toBe(1);
    expect(report.unclassified).toEqual([expect.objectContaining({ severity: 'error', text: expect.stringContaining('update failed') })]);
  });
});

// What a deploy prints around its failures, or instead of them.
const QUIET: Array<[string, string]> = [
  [
    'a successful cdk deploy with notices',
    [
      '$ npx cdk deploy --all --require-approval never',
      '',
      '✨  Synthesis time: 5.12s',
      '',
      'OrdersStack-dev: start: Building OrdersStack-dev Template',
      'OrdersStack-dev: success: Built OrdersStack-dev Template',
      'OrdersStack-dev: deploying... [1/1]',
      'OrdersStack-dev: creating CloudFormation changeset...',
      'OrdersStack-dev | 0/4 | 9:01:02 AM | UPDATE_IN_PROGRESS   | AWS::CloudFormation::Stack | OrdersStack-dev User Initiated',
      'OrdersStack-dev | 0/4 | 9:01:05 AM | CREATE_IN_PROGRESS   | AWS::SQS::Queue            | OrdersStack-dev/Dlq (Dlq1A2B3C4D)',
      'OrdersStack-dev | 0/4 | 9:01:06 AM | CREATE_IN_PROGRESS   | AWS::SQS::Queue            | OrdersStack-dev/Dlq (Dlq1A2B3C4D) Resource creation Initiated',
      'OrdersStack-dev | 1/4 | 9:01:07 AM | CREATE_COMPLETE      | AWS::SQS::Queue            | OrdersStack-dev/Dlq (Dlq1A2B3C4D)',
      'OrdersStack-dev | 4/4 | 9:01:20 AM | UPDATE_COMPLETE      | AWS::CloudFormation::Stack | OrdersStack-dev',
      '',
      ' ✅  OrdersStack-dev',
      '',
      '✨  Deployment time: 21.4s',
      '',
      'Outputs:',
      'OrdersStack-dev.DlqUrl = https://sqs.eu-west-1.amazonaws.com/111122223333/orders-dlq-dev',
      'Stack ARN:',
      'arn:aws:cloudformation:eu-west-1:111122223333:stack/OrdersStack-dev/0a1b2c3d-4e5f-11f0-8a9b-0e1f2a3b4c5d',
      '',
      'NOTICES         (What\'s this? https://github.com/aws/aws-cdk/wiki/CLI-Notices)',
      '',
      '31885\t(cli): deployments may fail with an invalid signature error when the clock is off',
      '',
      '\tOverview: A machine whose clock drifts cannot sign requests; the deploy then',
      '\t          fails with an error that looks like a permissions problem.',
      '',
      'If you don’t want to see a notice anymore, use "cdk acknowledge <id>".',
      '',
    ].join('\n'),
  ],
  [
    'a prompt, a spinner and a watch summary',
    [
      '> orders-infra@1.4.0 deploy',
      '> cdk deploy OrdersStack-dev',
      '',
      '? Do you wish to deploy these changes (y/n)? y',
      '⠋ Synthesizing\r⠙ Synthesizing\r⠹ Synthesizing\r✔ Synthesized',
      '[10:02:11] Found 0 errors. Watching for file changes.',
      'lint: 0 problems (0 errors, 0 warnings)',
      'OrdersStack-dev',
      '',
    ].join('\n'),
  ],
  [
    'a successful terraform apply',
    [
      'aws_sqs_queue.dlq: Refreshing state... [id=https://sqs.eu-west-1.amazonaws.com/111122223333/orders-dlq-dev]',
      'aws_sqs_queue.orders: Creating...',
      'aws_sqs_queue.orders: Still creating... [10s elapsed]',
      'aws_sqs_queue.orders: Creation complete after 12s [id=https://sqs.eu-west-1.amazonaws.com/111122223333/orders-dev]',
      '',
      'Apply complete! Resources: 1 added, 0 changed, 0 destroyed.',
      '',
    ].join('\n'),
  ],
  [
    'a successful pulumi up',
    [
      'Updating (dev)',
      '',
      '     Type                 Name           Status',
      ' +   pulumi:pulumi:Stack  orders-dev     created (3s)',
      ' +   └─ aws:sqs:Queue     orders-dlq     created (1s)',
      '',
      'Resources:',
      '    + 2 created',
      '',
      'Duration: 5s',
      '',
    ].join('\n'),
  ],
  [
    'a rollback that only cancelled resources',
    'OrdersStack-dev | 2/4 | 9:01:09 AM | CREATE_FAILED        | AWS::SQS::Queue            | OrdersStack-dev/Orders (Orders5E6F7A8B) Resource creation cancelled\n',
  ],
];

describe('a log without a failure lists nothing and exits 0', () => {
  test.each(QUIET)('%s', (name, log) => {
    const { code, report, text } = run(`${name.replace(/\W+/g, '-')}.log`, log);
    expect(report.findings).toEqual([]);
    expect(report.unclassified).toEqual([]);
    expect(code).toBe(0);
    expect(text).toMatch(/^No failure found in \d+ line\(s\)\./);
  });

  test('a warning nothing recognises is listed, and is not a failed deploy', () => {
    const { code, report, text } = run('warning-only.log', '[Warning at /OrdersStack-dev/ExportBucket] The bucket sits in a region the team has not approved for exports\n');
    expect(report.unclassified).toEqual([expect.objectContaining({ severity: 'warning' })]);
    expect(code).toBe(0);
    expect(text).toContain('⚠ not recognised (warning): [Warning at /OrdersStack-dev/ExportBucket]');
  });

  test('a message pasted on its own is a failure, the same words in a log are not', () => {
    expect(run('pasted.log', 'Batching window cannot be combined with FIFO queues.\n').code).toBe(1);
    const inLog = run('words.log', 'Deploying orders-dev\n\nBatching window cannot be combined with FIFO queues.\n\nDone.\n');
    expect(inLog.report.unclassified).toEqual([]);
    expect(inLog.code).toBe(0);
  });
});

describe('where a finding points', () => {
  const project = writeTree(path.join(tmp, 'checkout'), {
    'lib/checkout-stack.ts': `${'// checkout stack\n'.repeat(57)}    const trail = new cloudtrail.Trail(this, 'AuditTrail', { bucket: auditBucket });\n`,
    'package.json': '{ "name": "checkout" }\n',
  });
  const fixture = path.resolve('__testfixtures__/logs/aws-api-error/cdk-deploy-tree-summary.log');

  test('text, JSON, SARIF and GitHub annotations name the source location cdk printed', () => {
    const json = JSON.parse(runStackfix([fixture, '--project', project, '--format', 'json']).stdout) as Report;
    const trail = json.findings.find((f) => f.occurrences[0]!.resource === 'AuditTrail0E1F2A3B')!;
    expect(trail.title).toBe('CloudTrail refused the request: GeneralServiceException');
    expect(trail.occurrences.map((o) => o.location)).toEqual([undefined, undefined, { file: 'lib/checkout-stack.ts', line: 58 }]);
    // the other resource's file is not in this project: its location stays as the log printed it
    expect(json.findings[1]!.occurrences[2]!.location).toEqual({ file: '/home/runner/work/checkout/checkout/lib/constructs/checkout-api.ts', line: 112 });
    const text = runStackfix([fixture, '--project', project]).stdout;
    expect(text).toContain('AuditTrail0E1F2A3B  lib/checkout-stack.ts:58');
    const github = runStackfix([fixture, '--project', project, '--format', 'github'], project).stdout;
    expect(github).toMatch(/^::error title=CloudTrail refused the request%3A GeneralServiceException \[aws-api-error\],file=lib\/checkout-stack\.ts,line=58::/m);
    const sarif = JSON.parse(runStackfix([fixture, '--project', project, '--format', 'sarif']).stdout) as { runs: Array<{ results: Array<{ locations: Array<{ physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }> }> }> };
    expect(sarif.runs[0]!.results[0]!.locations[0]!.physicalLocation).toMatchObject({ artifactLocation: { uri: 'lib/checkout-stack.ts' }, region: { startLine: 58 } });
  });

  test('the same Terraform diagnostic for several blocks is one finding whose headline names the argument', () => {
    const log = path.resolve('__testfixtures__/logs/tf-invalid-reference/terraform-plan-repeated-argument.log');
    const json = JSON.parse(runStackfix([log, '--project', tmp, '--format', 'json']).stdout) as Report;
    expect(json.findings.map((f) => [f.title, f.occurrences.filter((o) => o.resource).map((o) => o.resource)])).toEqual([
      ['Terraform: Missing required argument "instance_class"', ['aws_db_instance.reader', 'aws_db_instance.reporting', 'aws_db_instance.warehouse']],
      ['Terraform: Missing required argument "allocated_storage"', ['aws_db_instance.warehouse']],
    ]);
  });

  // Three fixes in one file: each finding's patch, and the lines its reason names, are about the
  // file as it is on disk, not as the fixes before it left it.
  test('every fix of the demo is a patch of the file on disk, applicable on its own', () => {
    const demo = fs.mkdtempSync(path.join(tmp, 'demo-'));
    fs.cpSync('examples/cdk-ts', demo, { recursive: true });
    const json = JSON.parse(runStackfix(['deploy.log', '--format', 'json'], demo).stdout) as { findings: Array<{ signature: string; fix: { patch: string; reason: string } }> };
    const rds = json.findings.find((f) => f.signature === 'rds-engine-version-unavailable')!;
    const disk = fs.readFileSync(path.join(demo, 'lib/orders-stack.ts'), 'utf8').split('\n');
    const line = Number(/lib\/orders-stack\.ts:(\d+)/.exec(rds.fix.reason)![1]);
    expect(disk[line - 1]).toContain('PostgresEngineVersion.VER_15_4');
    expect(rds.fix.patch).toContain(`@@ -${line - 3},7 +${line - 3},7 @@`);
    expect(json.findings).toHaveLength(3);
    for (const f of json.findings) {
      fs.writeFileSync(path.join(demo, `${f.signature}.patch`), f.fix.patch);
      const check = spawnSync('git', ['apply', '--check', `${f.signature}.patch`], { cwd: demo, encoding: 'utf8' });
      expect({ signature: f.signature, status: check.status, stderr: check.stderr }).toEqual({ signature: f.signature, status: 0, stderr: '' });
    }
  });
});
