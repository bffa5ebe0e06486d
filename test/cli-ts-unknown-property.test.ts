// End to end: `cdk synth` stops on a TypeScript compile error (ts-node's TSError with tsc's
// pretty diagnostic and code frame). stackfix reads the file and line from the diagnostic,
// renames the key the compiler suggests, writes it with --fix, and a second run finds it fixed.
// A TS2353 without a suggestion gets guidance naming the property and the type.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from '@jest/globals';
import { runStackfix } from './helpers/cli.js';

const tmpRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'stackfix-tsc-'));
afterAll(() => fs.rmSync(tmpRoot, { recursive: true, force: true }));

interface Finding {
  signature: string;
  captures: Record<string, unknown>;
  kind: string;
  fix: { codemod: string; status: string; reason?: string; files: string[]; patch?: string } | null;
}

function stackfix(args: string[]) {
  const r = runStackfix(args);
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, findings: r.stdout.startsWith('{') ? (JSON.parse(r.stdout) as { findings: Finding[] }).findings : [] };
}

const KMS_STACK = `import * as cdk from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import { Construct } from 'constructs';

export class KmsStack extends cdk.Stack {
  constructor(scope: Construct, id: string, props?: cdk.StackProps) {
    super(scope, id, props);
    const doc = new iam.PolicyDocument({ statements: [] });
    // Archive key: other keys in this app take a policy too.
    new kms.Key(this, 'ArchiveKey', {
      enableKeyRotation: true,
      alias: 'alias/archive',
      keyPolicy: doc,
    });
  }
}
`;

const OTHER_STACK = `import * as cdk from 'aws-cdk-lib';
import * as kms from 'aws-cdk-lib/aws-kms';

// A plain settings object of our own that happens to use the same word.
export const settings = { keyPolicy: 'strict' };

export class OtherStack extends cdk.Stack {
  key = new kms.Key(this, 'OtherKey', { enableKeyRotation: true });
}
`;

const SYNTH_LOG = `$ npx cdk synth
/home/runner/work/archive/archive/node_modules/ts-node/src/index.ts:859
    return new TSError(diagnosticText, diagnosticCodes, diagnostics);
           ^
TSError: ⨯ Unable to compile TypeScript:
lib/kms-stack.ts:14:7 - error TS2561: Object literal may only specify known properties, but 'keyPolicy' does not exist in type 'KeyProps'. Did you mean to write 'policy'?

14       keyPolicy: doc,
         ~~~~~~~~~

    at createTSError (/home/runner/work/archive/archive/node_modules/ts-node/src/index.ts:859:12)
    at reportTSError (/home/runner/work/archive/archive/node_modules/ts-node/src/index.ts:863:19) {
  diagnosticCodes: [ 2561 ]
}

Subprocess exited with error 1
`;

describe('ts-unknown-property end to end', () => {
  test('the key at the reported line is renamed; the same word elsewhere is left alone', () => {
    const dir = path.join(tmpRoot, 'cdk-ts');
    fs.mkdirSync(path.join(dir, 'lib'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'cdk.json'), '{ "app": "npx ts-node bin/app.ts" }\n');
    fs.writeFileSync(path.join(dir, 'lib/kms-stack.ts'), KMS_STACK);
    fs.writeFileSync(path.join(dir, 'lib/other-stack.ts'), OTHER_STACK);
    fs.writeFileSync(path.join(dir, 'synth.log'), SYNTH_LOG);
    const log = path.join(dir, 'synth.log');

    const first = stackfix([log, '--project', dir, '--format', 'json']);
    expect(first.code).toBe(1);
    const f = first.findings.find((x) => x.signature === 'ts-unknown-property')!;
    expect(f.captures).toMatchObject({ property: 'keyPolicy', typeName: 'KeyProps', replacement: 'policy' });
    expect(f.fix).toMatchObject({ codemod: 'rename-ts-property', status: 'proposed', files: ['lib/kms-stack.ts'] });
    expect(f.fix!.patch).toContain('-      keyPolicy: doc,\n+      policy: doc,\n');

    expect(stackfix([log, '--project', dir, '--fix']).code).toBe(0);
    expect(fs.readFileSync(path.join(dir, 'lib/other-stack.ts'), 'utf8')).toBe(OTHER_STACK);
    const again = stackfix([log, '--project', dir, '--format', 'json']);
    expect(again.code).toBe(0);
    expect(again.findings.find((x) => x.signature === 'ts-unknown-property')!.fix!.status).toBe('already-fixed');
  });

  test('the same error in two files is one finding, and both places are renamed in one run', () => {
    const dir = path.join(tmpRoot, 'cdk-ts-two');
    fs.mkdirSync(path.join(dir, 'lib'), { recursive: true });
    const audit = KMS_STACK.replace('KmsStack', 'AuditStack').replace("'ArchiveKey'", "'AuditKey'").replace("'alias/archive'", "'alias/audit'");
    fs.writeFileSync(path.join(dir, 'lib/kms-stack.ts'), KMS_STACK);
    fs.writeFileSync(path.join(dir, 'lib/audit-stack.ts'), audit);
    fs.writeFileSync(path.join(dir, 'lib/other-stack.ts'), OTHER_STACK);
    // plain tsc (`npm run build`), one line per error
    const log = path.join(dir, 'build.log');
    fs.writeFileSync(log, [
      '> archive@0.1.0 build',
      '> tsc',
      '',
      "lib/audit-stack.ts(14,7): error TS2561: Object literal may only specify known properties, but 'keyPolicy' does not exist in type 'KeyProps'. Did you mean to write 'policy'?",
      "lib/kms-stack.ts(14,7): error TS2561: Object literal may only specify known properties, but 'keyPolicy' does not exist in type 'KeyProps'. Did you mean to write 'policy'?",
      '',
      'Found 2 errors in 2 files.',
      '',
    ].join('\n'));
    const first = stackfix([log, '--project', dir, '--format', 'json']);
    const found = first.findings.filter((x) => x.signature === 'ts-unknown-property');
    expect(found).toHaveLength(1);
    expect(found[0]!.fix).toMatchObject({ status: 'proposed', files: ['lib/audit-stack.ts', 'lib/kms-stack.ts'] });
    expect(found[0]!.fix!.reason).toContain('lib/audit-stack.ts:14, lib/kms-stack.ts:14');
    expect(stackfix([log, '--project', dir, '--fix']).code).toBe(0);
    for (const f of ['lib/audit-stack.ts', 'lib/kms-stack.ts']) expect(fs.readFileSync(path.join(dir, f), 'utf8')).toContain('      policy: doc,\n');
    expect(fs.readFileSync(path.join(dir, 'lib/other-stack.ts'), 'utf8')).toBe(OTHER_STACK);
    expect(stackfix([log, '--project', dir, '--format', 'json']).findings[0]!.fix!.status).toBe('already-fixed');
  });

  test('TS2353 without a suggestion: guidance naming the property, the type and where the setting went, nothing written', () => {
    const dir = path.join(tmpRoot, 'pulumi-ts');
    fs.mkdirSync(dir, { recursive: true });
    const index = `import * as aws from "@pulumi/aws";\n\nconst api = new aws.apigateway.RestApi("orders");\nnew aws.apigateway.Deployment("orders", {\n    restApi: api.id,\n    stageName: "prod",\n});\n`;
    fs.writeFileSync(path.join(dir, 'index.ts'), index);
    const log = `index.ts(6,5): error TS2353: Object literal may only specify known properties, and 'stageName' does not exist in type 'DeploymentArgs'.\n`;
    fs.writeFileSync(path.join(dir, 'tsc.log'), log);
    const run = stackfix([path.join(dir, 'tsc.log'), '--project', dir, '--fix', '--format', 'json']);
    expect(run.code).toBe(1);
    const f = run.findings[0]!;
    expect(f.fix!.status).toBe('refused');
    expect(f.fix!.reason).toMatch(/DeploymentArgs has no property 'stageName' \(index\.ts:6\)/);
    // The dated table knows where this setting went.
    expect(f.fix!.reason).toContain("new aws.apigateway.Stage('prod'");
    expect(fs.readFileSync(path.join(dir, 'index.ts'), 'utf8')).toBe(index);
  });
});
