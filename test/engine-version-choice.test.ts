// set-rds-engine-version's choice as the user sees it: the reason for a version taken from
// below, and the engine found from the source when the message (cfn-lint) does not name it.
import { describe, expect, it } from '@jest/globals';
import fs from 'node:fs';
import path from 'node:path';
import { enginesFor } from '../codemods/set-rds-engine-version/index.js';
import { loadCodemod } from '../codemods/index.js';
import type { Language } from '../src/fix/contract.js';

const dir = path.resolve('__testfixtures__/codemods/set-rds-engine-version');

async function runCase(name: string, language: Language) {
  const file = fs.readdirSync(dir).find((f) => f.startsWith(`${name}.input.`))!;
  const spec = JSON.parse(fs.readFileSync(path.join(dir, `${name}.json`), 'utf8')) as { captures: Record<string, string | string[]>; resources?: { id: string }[] };
  const codemod = (await loadCodemod('set-rds-engine-version'))!;
  return codemod.run(language, {
    projectRoot: '/project',
    captures: spec.captures,
    resources: spec.resources ?? [],
    files: [{ path: file, text: fs.readFileSync(path.join(dir, file), 'utf8') }],
    readFile: () => undefined,
    listFiles: () => [],
  });
}

describe('set-rds-engine-version choice', () => {
  it.each([
    ['pulumi-mysql-above-offered', 'typescript', /mysql 8\.0\.51 -> 8\.0\.43 \('8\.0\.43'\) in .*; 8\.0\.51 is newer than every mysql 8\.0 version in stackfix's table/],
    ['py-pulumi-mariadb-above-offered', 'python', /mariadb 11\.4\.12 -> 11\.4\.10 .*; 11\.4\.12 is newer than every mariadb 11\.4 version/],
  ] as const)('%s: a version above every offered one says why it goes down', async (name, language, reason) => {
    const r = await runCase(name, language);
    expect(r.status).toBe('proposed');
    expect(r.reason).toMatch(reason);
  });

  it('a version inside the offered range goes up and says nothing more', async () => {
    const r = await runCase('cdk-mariadb-enum', 'typescript');
    expect(r.status).toBe('proposed');
    expect(r.reason).toMatch(/^mariadb 10\.11\.5 -> 10\.11\.9 \(VER_10_11_9\)/);
    expect(r.reason).not.toMatch(/newer than every/);
  });

  it.each([
    ['cdk-cfn-lint-mysql', 'typescript', 'mysql'],
    ['py-cdk-cfn-lint-aurora-mysql', 'python', 'aurora-mysql'],
  ] as const)('%s: no engine in the message -> the engine of the resource that sets the version', async (name, language, engine) => {
    const r = await runCase(name, language);
    expect(r.status).toBe('proposed');
    expect(r.reason).toContain(`(engine ${engine}, from the resource that sets`);
  });

  it('no engine and the version set for two engines: refused, naming both', async () => {
    const r = await runCase('not-cfn-lint-two-engines', 'typescript');
    expect(r.status).toBe('refused');
    expect(r.reason).toBe('15.4 is set for more than one engine (postgres, aurora-postgresql) and the log does not say which failed');
  });

  it('engines a version can belong to, by its form and the valid list', () => {
    expect(enginesFor('8.0.mysql_aurora.3.05.2')).toEqual(['aurora-mysql']);
    expect(enginesFor('3.05.2')).toEqual(['aurora-mysql']);
    expect(enginesFor('15.4')).toEqual(['postgres', 'aurora-postgresql']);
    expect(enginesFor('10.11.5')).toEqual(['mariadb']);
    expect(enginesFor('8.0.35', ['8.0.40', '8.4.5'])).toContain('mysql');
    expect(enginesFor('8.0.35', ['8.0.40', '8.4.5'])).not.toContain('aurora-mysql');
    expect(enginesFor('42.1')).toEqual([]);
  });
});
