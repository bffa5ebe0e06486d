// npm run bench: start-up and streaming cost of stackfix, as ratios against baselines measured
// in the same run (machines here are noisy; absolute times mean little).
//   1. a 10 KB `cdk deploy` log that needs no fix vs `node -e 0` (target: under 2x)
//   2. peak memory on a 100 MB log vs a 10 MB log (target: about 1x: memory must not grow with the log)
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

const rss = (file) => {
  const r = time(['--import', path.join(root, 'bench', 'rss.mjs'), bin, file, '--project', project]);
  return { ms: r.ms, kb: Number(/MAXRSS_KB (\d+)/.exec(r.stderr)?.[1] ?? NaN) };
};
const mid = path.join(tmp, 'deploy-10m.log');
const big = path.join(tmp, 'deploy-100m.log');
writeBig(mid, 10 * 1024 * 1024);
writeBig(big, 100 * 1024 * 1024);
const a = rss(mid);
const b = rss(big);
console.log(`peak memory: 10 MB log ${(a.kb / 1024).toFixed(0)} MB in ${(a.ms / 1000).toFixed(2)} s, 100 MB log ${(b.kb / 1024).toFixed(0)} MB in ${(b.ms / 1000).toFixed(2)} s, ratio ${(b.kb / a.kb).toFixed(2)}x (target ~1x)`);
console.log(`throughput: ${(100 / (b.ms / 1000)).toFixed(1)} MB/s`);
fs.rmSync(tmp, { recursive: true, force: true });
