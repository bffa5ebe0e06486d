// Every log under __testfixtures__/logs/<signature>/<case>.log is parsed and classified with
// the bundled catalogue, and the result must equal <case>.expected.json: format, findings in
// log order with their captures, failing resource and occurrence lines, and the number of
// unclassified causes. near-miss/ logs must produce none of the first six signatures.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test, beforeAll } from '@jest/globals';
import { Classifier } from '../src/classify/index.js';
import { bundledSignatureDir, loadCatalogue, type Signature } from '../src/classify/catalogue.js';
import { parseLines } from '../src/formats/index.js';
import { readLines } from '../src/input/read.js';

const ROOT = path.resolve('__testfixtures__/logs');
const SIX = new Set([
  'kms-logs-key-policy',
  'ecr-auto-delete-images-deprecated',
  'rds-engine-version-unavailable',
  'rds-instance-class-incompatible',
  'python-missing-import',
  'elasticache-cache-nodes-attribute',
]);

interface Expected {
  format: string;
  findings: Array<{ signature: string; captures: Record<string, string | string[]>; resource?: string; lines: number[] }>;
  unclassifiedCount: number;
}

const cases = fs
  .readdirSync(ROOT, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .flatMap((d) =>
    fs
      .readdirSync(path.join(ROOT, d.name))
      .filter((f) => f.endsWith('.log'))
      .map((f) => [`${d.name}/${f.replace(/\.log$/, '')}`, path.join(ROOT, d.name, f)] as const),
  )
  // The bundled examples are held to the same standard.
  .concat(
    fs
      .readdirSync('examples')
      .flatMap((d) =>
        fs
          .readdirSync(path.join('examples', d))
          .filter((f) => f.endsWith('.log') && fs.existsSync(path.join('examples', d, f.replace(/\.log$/, '.expected.json'))))
          .map((f) => [`examples/${d}/${f.replace(/\.log$/, '')}`, path.resolve('examples', d, f)] as const),
      ),
  );

let signatures: Signature[];
beforeAll(async () => {
  signatures = await loadCatalogue([bundledSignatureDir()]);
});

export async function analyse(file: string, sigs: Signature[]) {
  const classifier = new Classifier(sigs);
  const stats = { source: path.basename(file), lines: 0, bytes: 0 };
  const { format } = await parseLines(readLines(fs.createReadStream(file), stats.source, stats), (e) => classifier.add(e));
  return { format, ...classifier.result() };
}

describe('log fixtures', () => {
  test('there are fixtures for every one of the six signatures and near misses', () => {
    const dirs = new Set(cases.map(([name]) => name.split('/')[0]));
    for (const id of SIX) expect(dirs).toContain(id);
    expect(dirs).toContain('near-miss');
  });

  test.each(cases)('%s', async (name, file) => {
    const expected = JSON.parse(fs.readFileSync(file.replace(/\.log$/, '.expected.json'), 'utf8')) as Expected;
    const actual = await analyse(file, signatures);
    expect(actual.format).toBe(expected.format);
    if (name.startsWith('near-miss/')) {
      expect(actual.findings.filter((f) => SIX.has(f.signature.id)).map((f) => f.signature.id)).toEqual([]);
      expect(actual.unclassifiedCount + actual.findings.length).toBe(expected.unclassifiedCount + expected.findings.length);
      return;
    }
    const got = actual.findings.map((f, i) => ({
      signature: f.signature.id,
      // Only the captures the fixture names: signatures may capture more (propsType, module).
      captures: Object.fromEntries(
        Object.keys((expected.findings[i]?.signature === f.signature.id ? expected.findings[i] : expected.findings.find((e) => e.signature === f.signature.id))?.captures ?? {}).map((k) => [k, f.captures[k]]),
      ),
      resource: f.occurrences.find((o) => o.resource)?.resource,
      lines: f.occurrences.map((o) => o.line),
    }));
    const want = expected.findings.map((f) => ({ ...f, resource: f.resource }));
    expect(got).toEqual(want);
    expect(actual.unclassifiedCount).toBe(expected.unclassifiedCount);
  });
});
