// End to end: a Pulumi Python program written for an older pulumi-aws. Each preview stops on a
// TypeError naming the call (`Eip(vpc=True)`, then `depends_on=` passed as a resource argument);
// stackfix fixes both from the two logs at once, the program still compiles, and a second run
// finds both fixed.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from '@jest/globals';
import { runStackfix, hasPython3 } from './helpers/cli.js';

const tmpRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'stackfix-kwarg-'));
afterAll(() => fs.rmSync(tmpRoot, { recursive: true, force: true }));
const python3 = hasPython3;

interface Finding {
  signature: string;
  captures: Record<string, unknown>;
  fix: { codemod: string; status: string; reason?: string; files: string[]; patch?: string } | null;
}

function stackfix(args: string[]) {
  const r = runStackfix(args);
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, findings: r.stdout.startsWith('{') ? (JSON.parse(r.stdout) as { findings: Finding[] }).findings : [] };
}

const NETWORK_PY = `"""NAT egress and the config rule that checks it."""
import pulumi
import pulumi_aws as aws

nat_ip = aws.ec2.Eip(
    "nat-ip",
    vpc=True,
    tags={"Name": "nat-ip"},
)

recorder = aws.cfg.Recorder("recorder", role_arn="arn:aws:iam::123456789012:role/config-recorder")
rule = aws.cfg.Rule(
    "eip-attached",
    source=aws.cfg.RuleSourceArgs(owner="AWS", source_identifier="EIP_ATTACHED"),
    depends_on=[recorder],
)

pulumi.export("nat_ip", nat_ip.public_ip)
`;

function previewLog(line: number, source: string, frame: string, error: string): string {
  return `Previewing update (dev)

     Type                 Name          Plan       Info
 +   pulumi:pulumi:Stack  network-dev   create     1 error

Diagnostics:
  pulumi:pulumi:Stack (network-dev):
    error: Program failed with an unhandled exception:
    Traceback (most recent call last):
      File "/home/runner/work/network/network/venv/lib/python3.12/site-packages/pulumi/runtime/stack.py", line 140, in run
        runpy.run_path(args.PROGRAM, run_name="__main__")
      File "<frozen runpy>", line 287, in run_path
      File "/home/runner/work/network/network/./__main__.py", line 4, in <module>
        from infra import network
      File "/home/runner/work/network/network/infra/network.py", line ${line}, in <module>
        ${source}
      File "/home/runner/work/network/network/venv/lib/python3.12/site-packages/pulumi_aws/${frame}", line 742, in __init__
        __self__._internal_init(resource_name, *args, **kwargs)
    ${error}

Resources:
    + 1 to create
`;
}

describe('python-unexpected-kwarg end to end', () => {
  test('Eip(vpc=True) -> domain="vpc" and depends_on moved into opts, from two previews; compiles; then already-fixed', () => {
    const dir = path.join(tmpRoot, 'pulumi-py');
    fs.mkdirSync(path.join(dir, 'infra'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'Pulumi.yaml'), 'name: network\nruntime: python\n');
    fs.writeFileSync(path.join(dir, '__main__.py'), 'from infra import network  # noqa: F401\n');
    fs.writeFileSync(path.join(dir, 'infra/__init__.py'), '');
    fs.writeFileSync(path.join(dir, 'infra/network.py'), NETWORK_PY);
    const log1 = path.join(dir, '1-preview.log');
    const log2 = path.join(dir, '2-preview.log');
    fs.writeFileSync(log1, previewLog(5, 'nat_ip = aws.ec2.Eip(', 'ec2/eip.py', "TypeError: Eip._internal_init() got an unexpected keyword argument 'vpc'"));
    fs.writeFileSync(log2, previewLog(12, 'rule = aws.cfg.Rule(', 'cfg/rule.py', "TypeError: Rule._internal_init() got an unexpected keyword argument 'depends_on'"));

    const first = stackfix([log1, log2, '--project', dir, '--format', 'json']);
    expect(first.code).toBe(1);
    const found = first.findings.filter((f) => f.signature === 'python-unexpected-kwarg');
    expect(found.map((f) => f.captures)).toEqual([{ callable: 'Eip', kwarg: 'vpc' }, { callable: 'Rule', kwarg: 'depends_on' }]);
    expect(found.map((f) => f.fix!.status)).toEqual(['proposed', 'proposed']);
    expect(found[0]!.fix!.patch).toContain('-    vpc=True,\n+    domain="vpc",\n');
    expect(found[1]!.fix!.patch).toContain('-    depends_on=[recorder],\n+    opts=pulumi.ResourceOptions(depends_on=[recorder]),\n');

    expect(stackfix([log1, log2, '--project', dir, '--fix']).code).toBe(0);
    if (python3) expect(spawnSync('python3', ['-m', 'py_compile', path.join(dir, 'infra/network.py')]).status).toBe(0);
    const again = stackfix([log1, log2, '--project', dir, '--format', 'json']);
    expect(again.code).toBe(0);
    expect(again.findings.map((f) => f.fix!.status)).toEqual(['already-fixed', 'already-fixed']);
  });
});
