// End to end for the CDK deprecations table (codemods/rename-deprecated-property/deprecations.ts):
// a small CDK app per row, the synth warning the CLI prints for it, `--format json` proposes the
// patch, `--fix` writes it (Python still compiles) and a second run has nothing left to do.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from '@jest/globals';
import { runStackfix, hasPython3, writeTree } from './helpers/cli.js';

const tmpRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'stackfix-cdk-deprecations-'));
afterAll(() => fs.rmSync(tmpRoot, { recursive: true, force: true }));
const python3 = hasPython3;

interface Finding {
  signature: string;
  captures: Record<string, unknown>;
  fix: { codemod: string; status: string; reason?: string; files: string[]; patch?: string } | null;
}

function stackfix(args: string[], cwd: string) {
  const r = runStackfix(args, cwd);
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

let projects = 0;
function project(files: Record<string, string>): string {
  const dir = path.join(tmpRoot, `app-${++projects}`);
  writeTree(dir, files);
  return dir;
}

function synthWarning(member: string, hint: string): string {
  return [
    '$ npx cdk synth',
    `[WARNING] aws-cdk-lib.${member} is deprecated.`,
    `  ${hint}`,
    '  This API will be removed in the next major release.',
    'Successfully synthesized to /home/dev/src/app/cdk.out',
    '',
  ].join('\n');
}

interface Row {
  name: string;
  signature: string;
  file: string;
  source: string;
  log: string;
  /** Lines the patch must add. */
  added: string[];
}

const rows: Row[] = [
  {
    name: 'pointInTimeRecovery (TypeScript)',
    signature: 'cdk-deprecated-point-in-time-recovery',
    file: 'lib/orders-stack.ts',
    source: [
      "import * as cdk from 'aws-cdk-lib';",
      "import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';",
      "import { Construct } from 'constructs';",
      '',
      'export class OrdersStack extends cdk.Stack {',
      '  constructor(scope: Construct, id: string) {',
      '    super(scope, id);',
      "    new dynamodb.Table(this, 'Orders', {",
      "      partitionKey: { name: 'pk', type: dynamodb.AttributeType.STRING },",
      '      pointInTimeRecovery: true,',
      '    });',
      '  }',
      '}',
      '',
    ].join('\n'),
    log: synthWarning('aws_dynamodb.TableOptions#pointInTimeRecovery', "use `pointInTimeRecoverySpecification` instead"),
    added: ['+      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },'],
  },
  {
    name: 'containerInsights (TypeScript, named imports)',
    signature: 'cdk-deprecated-container-insights',
    file: 'lib/cluster.ts',
    source: [
      "import { Stack } from 'aws-cdk-lib';",
      "import { Cluster } from 'aws-cdk-lib/aws-ecs';",
      "import type { Construct } from 'constructs';",
      '',
      'export class ClusterStack extends Stack {',
      '  constructor(scope: Construct, id: string) {',
      '    super(scope, id);',
      "    new Cluster(this, 'Jobs', { containerInsights: true });",
      '  }',
      '}',
      '',
    ].join('\n'),
    log: synthWarning('aws_ecs.ClusterProps#containerInsights', 'See {@link containerInsightsV2 }'),
    added: ["+import { Cluster, ContainerInsights } from 'aws-cdk-lib/aws-ecs';", "+    new Cluster(this, 'Jobs', { containerInsightsV2: ContainerInsights.ENABLED });"],
  },
  {
    name: 'VpcProps#cidr (Python)',
    signature: 'cdk-deprecated-vpc-cidr',
    file: 'infra/network_stack.py',
    source: [
      'from aws_cdk import Stack, aws_ec2 as ec2',
      'from constructs import Construct',
      '',
      '',
      'class NetworkStack(Stack):',
      '    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:',
      '        super().__init__(scope, construct_id, **kwargs)',
      '        self.vpc = ec2.Vpc(self, "Vpc", cidr="10.30.0.0/16", max_azs=2)',
      '',
    ].join('\n'),
    log: synthWarning('aws_ec2.VpcProps#cidr', 'Use ipAddresses instead'),
    added: ['+        self.vpc = ec2.Vpc(self, "Vpc", ip_addresses=ec2.IpAddresses.cidr("10.30.0.0/16"), max_azs=2)'],
  },
  {
    name: 'pointInTimeRecovery (Python)',
    signature: 'cdk-deprecated-point-in-time-recovery',
    file: 'infra/tables.py',
    source: [
      'from aws_cdk import Stack',
      'from aws_cdk import aws_dynamodb as dynamodb',
      'from constructs import Construct',
      '',
      '',
      'class TablesStack(Stack):',
      '    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:',
      '        super().__init__(scope, construct_id, **kwargs)',
      '        dynamodb.TableV2(',
      '            self,',
      '            "Sessions",',
      '            partition_key=dynamodb.Attribute(name="id", type=dynamodb.AttributeType.STRING),',
      '            point_in_time_recovery=True,',
      '        )',
      '',
    ].join('\n'),
    log: synthWarning('aws_dynamodb.TableOptionsV2#pointInTimeRecovery', "use 'pointInTimeRecoverySpecification' instead"),
    added: ['+            point_in_time_recovery_specification=dynamodb.PointInTimeRecoverySpecification(point_in_time_recovery_enabled=True),'],
  },
  {
    name: 'logRetention (TypeScript, adds the aws-logs import)',
    signature: 'cdk-deprecated-log-retention',
    file: 'lib/api.ts',
    source: [
      "import { Duration, Stack, aws_lambda as lambda } from 'aws-cdk-lib';",
      "import { Construct } from 'constructs';",
      '',
      'export class ApiStack extends Stack {',
      '  constructor(scope: Construct, id: string, retentionDays: number) {',
      '    super(scope, id);',
      "    new lambda.Function(this, 'Api', {",
      '      runtime: lambda.Runtime.NODEJS_20_X,',
      "      handler: 'index.handler',",
      "      code: lambda.Code.fromAsset('dist'),",
      '      timeout: Duration.seconds(3),',
      '      logRetention: retentionDays,',
      '    });',
      '  }',
      '}',
      '',
    ].join('\n'),
    log: synthWarning('aws_lambda.FunctionOptions#logRetention', "use 'logGroup' instead"),
    added: [
      "+import { Duration, Stack, aws_lambda as lambda, aws_logs as logs } from 'aws-cdk-lib';",
      "+      logGroup: new logs.LogGroup(this, 'ApiLogGroup', { retention: retentionDays }),",
    ],
  },
  {
    name: 'logRetention (Python, adds the aws_logs import)',
    signature: 'cdk-deprecated-log-retention',
    file: 'app/worker_stack.py',
    source: [
      'from aws_cdk import Stack',
      'from aws_cdk import aws_lambda as _lambda',
      'from constructs import Construct',
      '',
      '',
      'class WorkerStack(Stack):',
      '    def __init__(self, scope: Construct, construct_id: str, retention, **kwargs) -> None:',
      '        super().__init__(scope, construct_id, **kwargs)',
      '        _lambda.Function(',
      '            self,',
      '            "Worker",',
      '            runtime=_lambda.Runtime.PYTHON_3_12,',
      '            handler="worker.main",',
      '            code=_lambda.Code.from_asset("worker"),',
      '            log_retention=retention,',
      '        )',
      '',
    ].join('\n'),
    log: synthWarning('aws_lambda.FunctionOptions#logRetention', "use 'logGroup' instead"),
    added: ['+from aws_cdk import Stack, aws_logs as logs', '+            log_group=logs.LogGroup(self, "WorkerLogGroup", retention=retention),'],
  },
  {
    name: 'MachineImage.latestAmazonLinux (TypeScript)',
    signature: 'cdk-deprecated-machine-image',
    file: 'lib/bastion.ts',
    source: [
      "import * as ec2 from 'aws-cdk-lib/aws-ec2';",
      "import { Stack } from 'aws-cdk-lib';",
      '',
      'export function bastion(stack: Stack, vpc: ec2.IVpc) {',
      "  return new ec2.Instance(stack, 'Bastion', {",
      '    vpc,',
      "    instanceType: new ec2.InstanceType('t3.nano'),",
      '    machineImage: ec2.MachineImage.latestAmazonLinux({ generation: ec2.AmazonLinuxGeneration.AMAZON_LINUX_2, edition: ec2.AmazonLinuxEdition.STANDARD }),',
      '  });',
      '}',
      '',
    ].join('\n'),
    log: synthWarning('aws_ec2.MachineImage#latestAmazonLinux', 'use MachineImage.latestAmazonLinux2 instead'),
    added: ['+    machineImage: ec2.MachineImage.latestAmazonLinux2({ edition: ec2.AmazonLinuxEdition.STANDARD }),'],
  },
];

describe('CDK deprecations with a mechanical replacement', () => {
  test.each(rows.map((r) => [r.name, r] as const))('%s: proposed, written, then already fixed', (_name, row) => {
    const dir = project({ [row.file]: row.source, 'synth.log': row.log });

    const proposed = stackfix(['--format', 'json', 'synth.log'], dir);
    expect(proposed.stderr).toBe('');
    expect(proposed.code).toBe(1);
    const [finding, ...rest] = (JSON.parse(proposed.stdout) as { findings: Finding[] }).findings;
    expect(rest).toEqual([]);
    expect(finding!.signature).toBe(row.signature);
    expect(finding!.fix).toMatchObject({ codemod: 'rename-deprecated-property', status: 'proposed', files: [row.file] });
    const added = finding!.fix!.patch!.split('\n').filter((l) => l.startsWith('+') && !l.startsWith('+++'));
    expect(added).toEqual(row.added);
    expect(fs.readFileSync(path.join(dir, row.file), 'utf8')).toBe(row.source);

    const fixed = stackfix(['--fix', 'synth.log'], dir);
    expect(fixed.code).toBe(0);
    const after = fs.readFileSync(path.join(dir, row.file), 'utf8');
    expect(after).not.toBe(row.source);
    if (row.file.endsWith('.py') && python3) {
      const r = spawnSync('python3', ['-m', 'py_compile', row.file], { cwd: dir, encoding: 'utf8' });
      expect(r.stderr).toBe('');
    }

    const again = stackfix(['--format', 'json', 'synth.log'], dir);
    expect(again.code).toBe(0);
    expect((JSON.parse(again.stdout) as { findings: Finding[] }).findings[0]!.fix!.status).toBe('already-fixed');
    expect(fs.readFileSync(path.join(dir, row.file), 'utf8')).toBe(after);
  });

  test('a computed containerInsights value is refused with the reason, and nothing is written', () => {
    const source = [
      "import * as ecs from 'aws-cdk-lib/aws-ecs';",
      "import { Stack } from 'aws-cdk-lib';",
      '',
      'export function cluster(stack: Stack, insights: boolean) {',
      "  return new ecs.Cluster(stack, 'Cluster', { containerInsights: insights });",
      '}',
      '',
    ].join('\n');
    const dir = project({ 'lib/cluster.ts': source, 'synth.log': synthWarning('aws_ecs.ClusterProps#containerInsights', 'See {@link containerInsightsV2 }') });
    const run = stackfix(['--fix', '--format', 'json', 'synth.log'], dir);
    expect(run.code).toBe(1);
    const [finding] = (JSON.parse(run.stdout) as { findings: Finding[] }).findings;
    expect(finding!.fix).toMatchObject({ status: 'refused' });
    expect(finding!.fix!.reason).toMatch(/computed.*ContainerInsights\.ENABLED/);
    expect(fs.readFileSync(path.join(dir, 'lib/cluster.ts'), 'utf8')).toBe(source);
  });

  test('another deprecation is guidance naming the property and its replacement', () => {
    const dir = project({ 'synth.log': synthWarning('aws_stepfunctions.StateMachineProps#definition', 'use definitionBody: DefinitionBody.fromChainable()') });
    const run = stackfix(['--format', 'json', 'synth.log'], dir);
    expect(run.code).toBe(1);
    const [finding] = (JSON.parse(run.stdout) as { findings: Finding[] }).findings;
    expect(finding!.signature).toBe('cdk-deprecated-other');
    expect(finding!.captures).toMatchObject({ module: 'aws_stepfunctions', type: 'StateMachineProps', property: 'definition', replacement: 'definitionBody' });
  });
});
