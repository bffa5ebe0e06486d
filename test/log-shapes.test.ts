// One failure, every printer: the same RDS refusal (postgres 15.4 is no longer offered) as
// CloudFormation's event history, each cdk deploy printer and the toolkit's diagnosis, pulumi
// (text, --json, inside a GitLab job log), Terraform (box, plain, the pre-0.15 plain style,
// -json) and CDKTF must give the same signature, the same captures and exactly
// one finding, naming the failing resource the way that tool names it.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, test } from '@jest/globals';
import { Classifier } from '../src/classify/index.js';
import { bundledSignatureDir, loadCatalogue, type Signature } from '../src/classify/catalogue.js';
import { parseLines } from '../src/formats/index.js';
import { readLines } from '../src/input/read.js';

const DIR = path.resolve('__testfixtures__/logs/rds-engine-version-unavailable');

// [case, format the input must be read as, resource as that tool prints it]
const SHAPES: Array<[string, string, string]> = [
  ['cfn-stack-events-history', 'cfn-json', 'OrdersDatabase5A1C2E3F'],
  ['cdk-events-12h-trace', 'cdk-text', 'OrdersDatabase5A1C2E3F'],
  ['cdk-bar', 'cdk-text', 'OrdersDatabase'],
  ['cdk-errors-only', 'cdk-text', 'OrdersDatabase5A1C2E3F'],
  ['cdk-nested-stack', 'cdk-text', 'OrdersDatabase5A1C2E3F'],
  ['cdk-diagnosis', 'cdk-text', 'OrdersDatabase5A1C2E3F'],
  ['cdk-events-24h-crlf', 'cdk-text', 'ReportingDb4B8E2A71'],
  ['pulumi-up-tree', 'pulumi-text', 'orders-db'],
  ['pulumi-up-wrapped', 'pulumi-text', 'ledger-db'],
  ['terraform-box', 'terraform-text', 'aws_db_instance.orders'],
  ['terraform-plain', 'terraform-text', 'aws_db_instance.orders'],
  ['terraform-plain-v012', 'terraform-text', 'aws_db_instance.orders'],
  ['cdktf-deploy-prefixed', 'terraform-text', 'aws_db_instance.orders-db'],
  ['pulumi-json', 'pulumi-json', 'orders-db'],
  ['gitlab-pulumi-up', 'pulumi-text', 'orders-db'],
  ['terraform-json-postgres', 'terraform-json', 'aws_db_instance.orders'],
];

let signatures: Signature[];
beforeAll(async () => {
  signatures = await loadCatalogue([bundledSignatureDir()]);
});

async function analyse(file: string) {
  const classifier = new Classifier(signatures);
  const stats = { source: path.basename(file), lines: 0, bytes: 0 };
  const { format } = await parseLines(readLines(fs.createReadStream(file), stats.source, stats), (e) => classifier.add(e));
  return { format, ...classifier.result() };
}

describe('the same failure in every log shape', () => {
  test.each(SHAPES)('%s', async (name, format, resource) => {
    const got = await analyse(path.join(DIR, `${name}.log`));
    expect(got.format).toBe(format);
    const rds = got.findings.filter((f) => f.signature.id === 'rds-engine-version-unavailable');
    expect(rds).toHaveLength(1);
    const [finding] = rds;
    expect(finding!.rootCause).toBe(true);
    expect({ engine: finding!.captures.engine, version: finding!.captures.version }).toEqual({ engine: 'postgres', version: '15.4' });
    // Every occurrence that names a resource names this one; the first is the resource's own event.
    const direct = finding!.occurrences.filter((o) => !o.cascade);
    expect(direct[0]?.resource).toBe(resource);
    for (const o of finding!.occurrences) if (o.resource) expect(o.resource).toBe(resource);
    // Nothing else in the log is reported as a cause of its own.
    expect(got.findings.filter((f) => f !== finding && f.rootCause && f.signature.severity === 'error').map((f) => f.signature.id)).toEqual([]);
  });

  test('the shapes agree on the fingerprint: one finding when all are read in one run', async () => {
    const classifier = new Classifier(signatures);
    for (const [name] of SHAPES) {
      const file = path.join(DIR, `${name}.log`);
      const stats = { source: name, lines: 0, bytes: 0 };
      await parseLines(readLines(fs.createReadStream(file), name, stats), (e) => classifier.add(e));
    }
    const rds = classifier.result().findings.filter((f) => f.signature.id === 'rds-engine-version-unavailable');
    expect(rds).toHaveLength(1);
    expect(new Set(rds[0]!.occurrences.map((o) => o.source))).toEqual(new Set(SHAPES.map(([n]) => n)));
  });
});
