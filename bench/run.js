// npm run bench: start-up and streaming cost of stackfix, as ratios against baselines measured
// in the same run (machines here are noisy; absolute times mean little).
//   1. a 10 KB `cdk deploy` log that needs no fix vs `node -e 0` (target: under 2x)
//   2. peak memory on a 160 MB log vs a 40 MB log (target: about 1x: memory must not grow with the log;
//      below ~40 MB the heap has not reached its steady size yet)
//   1b. `stackfix list` vs `node -e 0` (target: under 2x)
//   3. parse and fix a 2,000-line CDK Python stack (two codemods, review included)
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const bin = path.join(root, 'bin', 'stackfix');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'stackfix-bench-'));
const RUNS = Number(process.env.BENCH_RUNS ?? 15);

function successLog(bytes) {
  const rows = [
    'OrdersStack |  3/21 | 10:14:04 AM | CREATE_COMPLETE      | AWS::EC2::VPC                         | OrdersStack/Vpc (Vpc8378EB38)',
    'OrdersStack |  4/21 | 10:14:06 AM | CREATE_IN_PROGRESS   | AWS::EC2::Subnet                      | OrdersStack/Vpc/dbSubnet1/Subnet (VpcdbSubnet1Subnet2E6B0A95)',
    'OrdersStack |  5/21 | 10:14:08 AM | CREATE_COMPLETE      | AWS::EC2::RouteTable                  | OrdersStack/Vpc/dbSubnet1/RouteTable (VpcdbSubnet1RouteTable9B1D5C60)',
    'OrdersStack: creating CloudFormation changeset...',
    '',
  ];
  const lines = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const l = rows[i % rows.length];
    lines.push(l);
    size += l.length + 1;
  }
  return `${lines.join('\n')}\n ✅  OrdersStack\n`;
}

function writeBig(file, bytes) {
  const chunk = successLog(1024 * 1024);
  const fd = fs.openSync(file, 'w');
  for (let n = 0; n < bytes; n += chunk.length) fs.writeSync(fd, chunk);
  fs.closeSync(fd);
}

/** A CDK Python stack of about `target` lines: many buckets and log groups, one ECR repo, one database. */
function bigPythonStack(target) {
  const head = [
    'from aws_cdk import (',
    '    Duration,',
    '    RemovalPolicy,',
    '    Stack,',
    '    aws_ec2 as ec2,',
    '    aws_ecr as ecr,',
    '    aws_logs as logs,',
    '    aws_rds as rds,',
    '    aws_s3 as s3,',
    ')',
    'from constructs import Construct',
    '',
    '',
    'class BigStack(Stack):',
    '    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:',
    '        super().__init__(scope, construct_id, **kwargs)',
    '        vpc = ec2.Vpc(self, "Vpc", max_azs=2)',
    '        ecr.Repository(self, "Repo", auto_delete_images=True, removal_policy=RemovalPolicy.DESTROY)',
    '        rds.DatabaseInstance(',
    '            self,',
    '            "Db",',
    '            engine=rds.DatabaseInstanceEngine.postgres(version=rds.PostgresEngineVersion.VER_15_4),',
    '            vpc=vpc,',
    '        )',
  ];
  const body = [];
  for (let i = 0; head.length + body.length < target - 12; i++) {
    body.push(
      `        # bucket ${i}: access logs for tenant ${i}`,
      `        bucket_${i} = s3.Bucket(`,
      '            self,',
      `            "Tenant${i}Bucket",`,
      '            versioned=True,',
      '            removal_policy=RemovalPolicy.DESTROY,',
      '        )',
      `        logs.LogGroup(self, "Tenant${i}Logs", retention=logs.RetentionDays.ONE_WEEK)`,
      `        bucket_${i}.add_lifecycle_rule(expiration=Duration.days(${30 + (i % 60)}))`,
      '',
    );
  }
  return [...head, ...body].join('\n') + '\n';
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function time(args) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { cwd: tmp, encoding: 'utf8' });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0 && r.status !== 1) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return { ms, stderr: r.stderr };
}

const small = path.join(tmp, 'deploy-10k.log');
fs.writeFileSync(small, successLog(10 * 1024));
const project = fs.mkdtempSync(path.join(tmp, 'project-'));

// Warm the file cache once for each.
time(['-e', '0']);
time([bin, small, '--project', project]);
const base = [];
const ours = [];
for (let i = 0; i < RUNS; i++) {
  base.push(time(['-e', '0']).ms);
  ours.push(time([bin, small, '--project', project]).ms);
}
const ratio = median(ours) / median(base);
console.log(`start-up, 10 KB log with no fix: stackfix ${median(ours).toFixed(1)} ms, node -e 0 ${median(base).toFixed(1)} ms, ratio ${ratio.toFixed(2)}x (target < 2x)`);

// 1b. `stackfix list`: signature files and codemod metadata only, no parser (target: under 2x).
time([bin, 'list']);
const listRuns = [];
for (let i = 0; i < RUNS; i++) listRuns.push(time([bin, 'list']).ms);
console.log(`stackfix list: ${median(listRuns).toFixed(1)} ms, node -e 0 ${median(base).toFixed(1)} ms, ratio ${(median(listRuns) / median(base)).toFixed(2)}x (target < 2x)`);

const rss = (file) => {
  const r = time(['--import', path.join(root, 'bench', 'rss.mjs'), bin, file, '--project', project]);
  return { ms: r.ms, kb: Number(/MAXRSS_KB (\d+)/.exec(r.stderr)?.[1] ?? NaN) };
};
const mid = path.join(tmp, 'deploy-40m.log');
const big = path.join(tmp, 'deploy-160m.log');
writeBig(mid, 40 * 1024 * 1024);
writeBig(big, 160 * 1024 * 1024);
const a = rss(mid);
const b = rss(big);
console.log(`peak memory: 40 MB log ${(a.kb / 1024).toFixed(0)} MB in ${(a.ms / 1000).toFixed(2)} s, 160 MB log ${(b.kb / 1024).toFixed(0)} MB in ${(b.ms / 1000).toFixed(2)} s, ratio ${(b.kb / a.kb).toFixed(2)}x (target ~1x)`);
console.log(`throughput: ${(160 / (b.ms / 1000)).toFixed(1)} MB/s`);

// 3. Parse and fix a 2,000-line CDK Python stack: the Python engine's load, parse, edit,
//    re-parse and idempotence check, end to end from the CLI.
const pyProject = fs.mkdtempSync(path.join(tmp, 'cdk-py-'));
fs.writeFileSync(path.join(pyProject, 'big_stack.py'), bigPythonStack(2000));
const pyLog = path.join(tmp, 'py-deploy.log');
fs.writeFileSync(pyLog, [
  '[WARNING] aws-cdk-lib.aws_ecr.RepositoryProps#autoDeleteImages is deprecated.',
  '  Use `emptyOnDelete` instead',
  '',
  'BigStack | 3/90 | 10:14:40 AM | CREATE_FAILED        | AWS::RDS::DBInstance | BigStack/Db (Db6C2E1F0A) Resource handler returned message: "Cannot find version 15.4 for postgres (Service: Rds, Status Code: 400)"',
  '',
].join('\n'));
const lines = fs.readFileSync(path.join(pyProject, 'big_stack.py'), 'utf8').split('\n').length - 1;
time([bin, pyLog, '--project', pyProject]);
const pyRuns = [];
for (let i = 0; i < Math.max(3, Math.ceil(RUNS / 3)); i++) pyRuns.push(time([bin, pyLog, '--project', pyProject, '--format', 'json']));
const pyMs = median(pyRuns.map((r) => r.ms));
const baseMs = median(base);
console.log(`python: ${lines}-line CDK stack, 2 fixes proposed: ${pyMs.toFixed(0)} ms (node -e 0 ${baseMs.toFixed(0)} ms, ratio ${(pyMs / baseMs).toFixed(2)}x)`);
fs.rmSync(tmp, { recursive: true, force: true });
