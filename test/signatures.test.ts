// The catalogue: every signature's own examples (match with captures, near misses), no
// cross-talk between the six, regexes proven free of catastrophic backtracking, and schema
// errors that name the file and the field.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, test } from '@jest/globals';
import { bundledSignatureDir, loadCatalogue, matchSignature, type Signature } from '../src/classify/catalogue.js';
import { lintSignatures } from '../src/classify/lint.js';
import { UserError } from '../src/errors.js';

const SIX = [
  'ecr-auto-delete-images-deprecated',
  'elasticache-cache-nodes-attribute',
  'kms-logs-key-policy',
  'python-missing-import',
  'rds-engine-version-unavailable',
  'rds-instance-class-incompatible',
];

let sigs: Signature[];
beforeAll(async () => {
  sigs = await loadCatalogue([bundledSignatureDir()]);
});

describe('bundled catalogue', () => {
  test('holds the six signatures, each in <id>.yaml', () => {
    expect(sigs.map((s) => s.id).sort()).toEqual(SIX);
    for (const s of sigs) expect(path.basename(s.file)).toBe(`${s.id}.yaml`);
  });

  test.each(SIX)('%s: examples match with their captures, near misses do not', (id) => {
    const sig = sigs.find((s) => s.id === id)!;
    expect(sig.examples.match.length).toBeGreaterThan(0);
    for (const ex of sig.examples.match) {
      const found = matchSignature(sig, ex.text);
      expect({ text: ex.text, matched: found.length > 0 }).toEqual({ text: ex.text, matched: true });
      if (ex.captures) expect(found[0]!.captures).toMatchObject(ex.captures);
      for (const other of sigs.filter((s) => s.id !== id)) {
        expect({ text: ex.text, other: other.id, matched: matchSignature(other, ex.text).length > 0 }).toMatchObject({ matched: false });
      }
    }
    for (const text of sig.examples.nomatch) expect({ text, matched: matchSignature(sig, text).length > 0 }).toEqual({ text, matched: false });
  });

  test('no regex can backtrack catastrophically', async () => {
    expect(await lintSignatures(sigs)).toEqual([]);
  }, 120_000);

  test('the linter does flag a vulnerable pattern', async () => {
    const [bad] = await withCatalogue({ 'slow.yaml': signature('slow', { patterns: ['^(a|a)+$'] }) }, (dir) => loadCatalogue([dir]));
    expect((await lintSignatures([bad!])).map((p) => p.field)).toEqual(['match.patterns[0]']);
  }, 120_000);

  test('a match in a restating summary yields every cause it names', () => {
    const rds = sigs.find((s) => s.id === 'rds-engine-version-unavailable')!;
    const text = 'ROLLBACK_COMPLETE: Cannot find version 15.4 for postgres (Service: Rds), Cannot find version 8.0.28 for mysql (Service: Rds)';
    expect(matchSignature(rds, text).map((m) => m.captures)).toEqual([
      { version: '15.4', engine: 'postgres' },
      { version: '8.0.28', engine: 'mysql' },
    ]);
  });
});

function signature(id: string, over: { patterns?: string[]; extra?: Record<string, unknown> } = {}): string {
  const doc: Record<string, unknown> = {
    id,
    title: 'T',
    severity: 'error',
    kind: 'guidance',
    match: { patterns: over.patterns ?? ['Something (?<thing>\\w+) broke'] },
    captures: { thing: 'what broke' },
    message: 'm',
    fix: { guidance: 'g' },
    examples: { match: ['Something x broke'], nomatch: ['fine'] },
    ...over.extra,
  };
  return JSON.stringify(doc); // JSON is YAML
}

async function withCatalogue<T>(files: Record<string, string>, fn: (dir: string) => Promise<T>): Promise<T> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stackfix-sigs-'));
  try {
    for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);
    return await fn(dir);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

describe('schema errors name the file and the field', () => {
  const cases: Array<[string, string, string, RegExp]> = [
    ['missing id', 'a.yaml', JSON.stringify({ title: 't' }), /a\.yaml: id: must be a non-empty string/],
    ['id differs from the file name', 'b.yaml', signature('not-b'), /b\.yaml: id: must equal the file name 'b'/],
    ['invalid regex', 'c.yaml', signature('c', { patterns: ['(unclosed'] }), /c\.yaml: match\.patterns\[0\]: invalid regular expression/],
    ['unknown field', 'd.yaml', signature('d', { extra: { colour: 'red' } }), /d\.yaml: colour: unknown field/],
    ['undocumented named group', 'e.yaml', signature('e', { patterns: ['(?<other>x)'] }), /e\.yaml: match\.patterns\[0\]: named group 'other' is not listed under captures/],
    ['codemod on a guidance signature', 'f.yaml', signature('f', { extra: { fix: { codemod: 'x' } } }), /f\.yaml: fix\.codemod: a codemod needs kind 'auto'/],
    ['empty examples', 'g.yaml', signature('g', { extra: { examples: { match: [], nomatch: ['x'] } } }), /g\.yaml: examples\.match: must be a non-empty list/],
    ['unknown tool', 'h.yaml', signature('h', { extra: { match: { tools: ['ansible'], patterns: ['x'] } } }), /h\.yaml: match\.tools\[0\]: unknown tool 'ansible'/],
    ['broken YAML', 'i.yaml', 'id: [unclosed', /i\.yaml: \(yaml\)/],
    ['fix.args naming no capture', 'j.yaml', signature('j', { extra: { kind: 'auto', fix: { codemod: 'x', args: { colour: 'red' } } } }), /j\.yaml: fix\.args\.colour: 'colour' is not a capture/],
    ['fix.args on guidance', 'k.yaml', signature('k', { extra: { fix: { guidance: 'g', args: { thing: 'x' } } } }), /k\.yaml: fix\.args: only a codemod takes args/],
  ];
  test.each(cases)('%s', async (_name, file, text, message) => {
    const err = await withCatalogue({ [file]: text }, (dir) => loadCatalogue([dir]).then(() => undefined, (e: unknown) => e));
    expect(err).toBeInstanceOf(UserError);
    expect((err as Error).message).toMatch(message);
    expect((err as Error).message).not.toContain('\n');
  });

  test('a user signature with a bundled id overrides it', async () => {
    const loaded = await withCatalogue({ 'python-missing-import.yaml': signature('python-missing-import') }, (dir) => loadCatalogue([bundledSignatureDir(), dir]));
    expect(loaded.filter((s) => s.id === 'python-missing-import').map((s) => s.title)).toEqual(['T']);
  });
});
