// npm run bench: start-up and streaming cost of stackfix, as ratios against baselines measured
// in the same run (machines here are noisy; absolute times mean little).
//   1. a 10 KB `cdk deploy` log that needs no fix vs `node -e 0` (target: under 2x)
//   2. peak memory on a 160 MB log vs a 40 MB log (target: about 1x: memory must not grow with the log;
//      below ~40 MB the heap has not reached its steady size yet)
//   1b. `stackfix list` vs `node -e 0` (target: under 2x)
//   3. parse and fix a 2,000-line CDK Python stack (two codemods, review included)
//   4. a `TF_LOG=DEBUG` log with the failure at its end (BENCH_GB, default 0.25; BENCH_GB=1 for
//      the full gigabyte, about a minute): peak memory against the same log at an eighth of the
//      size (target ~1x: constant memory), and throughput against reading the file with node
//      alone (what the disk and the stream cost before stackfix does anything)
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
// Other work on a shared machine only ever adds time: the fastest runs show the cost itself.
const minRatio = Math.min(...ours) / Math.min(...base);
console.log(`start-up, 10 KB log with no fix: stackfix ${median(ours).toFixed(1)} ms, node -e 0 ${median(base).toFixed(1)} ms, ratio ${ratio.toFixed(2)}x (target < 2x; fastest runs ${minRatio.toFixed(2)}x)`);

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

// 4. A Terraform debug log streamed through: generated straight to disk, never held in memory.
const GB = Number(process.env.BENCH_GB ?? 0.25);
function writeTfDebugLog(file, bytes) {
  const fd = fs.openSync(file, 'w');
  const t0 = Date.parse('2024-05-01T10:11:12.000Z');
  let size = 0;
  for (let i = 0; size < bytes; ) {
    const rows = [];
    for (let k = 0; k < 1000; k++, i++) {
      const ts = new Date(t0 + i).toISOString();
      rows.push(
        `${ts} [DEBUG] provider.terraform-provider-aws_v5.49.0_x5: [DEBUG] [aws-sdk-go-v2] request: POST / HTTP/1.1: @caller=github.com/hashicorp/aws-sdk-go-base/v2@v2.0.0-beta.52/logging/tf_logger.go:45 @module=aws tf_aws.sdk=aws-sdk-go-v2 tf_req_id=${i} tf_rpc=ApplyResourceChange`,
        `${ts} [DEBUG] ReferenceTransformer: "aws_db_instance.orders" references: []`,
        `${ts} [INFO]  provider.terraform-provider-aws_v5.49.0_x5: HTTP Request Sent: http.method=POST http.url=https://rds.us-east-1.amazonaws.com/ rpc.method=DescribeDBInstances rpc.service=RDS @module=aws`,
        `${ts} [TRACE] vertex "aws_db_subnet_group.orders": visit complete`,
        `${ts} [WARN]  Provider "registry.terraform.io/hashicorp/aws" produced an unexpected new value for aws_db_subnet_group.orders, but we are tolerating it because it is using the legacy plugin SDK.`,
      );
    }
    const chunk = rows.join('\n') + '\n';
    fs.writeSync(fd, chunk);
    size += Buffer.byteLength(chunk);
  }
  const msg = 'creating RDS DB Instance (orders-db): operation error RDS: CreateDBInstance, https response error StatusCode: 400, RequestID: 5b8e2f41-09c3-4d6a-b7e1-3f2a8c9d0e14, api error InvalidParameterCombination: Cannot find version 15.4 for postgres';
  fs.writeSync(fd, [
    `2024-05-01T10:20:00.000Z [ERROR] vertex "aws_db_instance.orders" error: ${msg}`,
    '╷',
    `│ Error: ${msg}`,
    '│ ',
    '│   with aws_db_instance.orders,',
    '│   on rds.tf line 1, in resource "aws_db_instance" "orders":',
    '│    1: resource "aws_db_instance" "orders" {',
    '│ ',
    '╵',
    '',
  ].join('\n'));
  fs.closeSync(fd);
  return fs.statSync(file).size;
}
const GNU_TIME = fs.existsSync('/usr/bin/time') && spawnSync('/usr/bin/time', ['-v', 'true']).status === 0;
/** Peak RSS (MB) and wall time of one CLI run: GNU time when present, else the preloaded probe. */
function peak(file) {
  const args = [bin, file, '--project', project, '--format', 'json'];
  const t0 = process.hrtime.bigint();
  const r = GNU_TIME
    ? spawnSync('/usr/bin/time', ['-v', process.execPath, ...args], { cwd: tmp, encoding: 'utf8', maxBuffer: 1 << 26 })
    : spawnSync(process.execPath, ['--import', path.join(root, 'bench', 'rss.mjs'), ...args], { cwd: tmp, encoding: 'utf8', maxBuffer: 1 << 26 });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 1) throw new Error(`stackfix on ${file} exited ${r.status}: ${r.stderr}`);
  const report = JSON.parse(r.stdout);
  if (report.findings[0]?.signature !== 'rds-engine-version-unavailable') throw new Error(`the failure at the end of ${file} was not found`);
  const kb = GNU_TIME ? Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr)?.[1]) : Number(/MAXRSS_KB (\d+)/.exec(r.stderr)?.[1]);
  return { ms, mb: kb / 1024 };
}
/** Reading the file with node alone: the floor for any streaming reader. */
function rawRead(file) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, ['-e', `let n=0;require('fs').createReadStream(${JSON.stringify(file)},{highWaterMark:256*1024}).on('data',(c)=>{for(let i=c.indexOf(10);i!==-1;i=c.indexOf(10,i+1))n++}).on('end',()=>console.log(n))`], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
  return Number(process.hrtime.bigint() - t0) / 1e6;
}
const tfBig = path.join(tmp, 'tf-debug-big.log');
const tfSmall = path.join(tmp, 'tf-debug-small.log');
const bigBytes = writeTfDebugLog(tfBig, GB * 1024 ** 3);
writeTfDebugLog(tfSmall, (GB * 1024 ** 3) / 8);
const ps = peak(tfSmall);
const pb = peak(tfBig);
const readMs = rawRead(tfBig);
const mbs = bigBytes / 1024 ** 2 / (pb.ms / 1000);
const readMbs = bigBytes / 1024 ** 2 / (readMs / 1000);
console.log(
  `TF_LOG=DEBUG ${(bigBytes / 1024 ** 3).toFixed(2)} GB log: peak memory ${pb.mb.toFixed(0)} MB vs ${ps.mb.toFixed(0)} MB at 1/8 the size, ratio ${(pb.mb / ps.mb).toFixed(2)}x (target ~1x, ${GNU_TIME ? 'GNU time' : 'maxRSS'}); ` +
    `${mbs.toFixed(1)} MB/s in ${(pb.ms / 1000).toFixed(1)} s vs node reading it ${readMbs.toFixed(0)} MB/s, ratio ${(mbs / readMbs).toFixed(2)}x`,
);
fs.rmSync(tmp, { recursive: true, force: true });
