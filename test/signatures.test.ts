// The catalogue: every signature's own examples (match with captures, near misses), no
// cross-talk between signatures, regexes proven free of catastrophic backtracking, and schema
// errors that name the file and the field.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, test } from '@jest/globals';
import { bundledSignatureDir, loadCatalogue, matchSignature, type Signature } from '../src/classify/catalogue.js';
import { mayContain, needleOf, requiredLiterals } from '../src/classify/prefilter.js';
import { lintSignatures, patternsOf, readVerdicts, verdictKey, verdictsFile } from '../src/classify/lint.js';
import { UserError } from '../src/errors.js';

/** The ids DESIGN.md froze: users put them in config and CI. */
const FIRST_SIX = [
  'ecr-auto-delete-images-deprecated',
  'elasticache-cache-nodes-attribute',
  'kms-logs-key-policy',
  'python-missing-import',
  'rds-engine-version-unavailable',
  'rds-instance-class-incompatible',
];
const bundledIds = fs
  .readdirSync(bundledSignatureDir())
  .filter((f) => f.endsWith('.yaml'))
  .map((f) => f.replace(/\.yaml$/, ''))
  .sort();

let sigs: Signature[];
beforeAll(async () => {
  sigs = await loadCatalogue([bundledSignatureDir()]);
});

describe('bundled catalogue', () => {
  // The bundled catalogue comes from dist/ (built by `npm run build`); a user's from its YAML.
  test('reads the same from the build cache as from the YAML', async () => {
    // the cache was used: its details are read on demand, not stored on each signature
    expect(Object.getOwnPropertyDescriptor(sigs[0]!, 'message')).toBeUndefined();
    const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'stackfix-yaml-'));
    try {
      for (const f of fs.readdirSync(bundledSignatureDir())) fs.copyFileSync(path.join(bundledSignatureDir(), f), path.join(copy, f));
      const fromYaml = await loadCatalogue([copy]);
      const pick = (s: Signature) => {
        const { id, title, headline, severity, kind, match, captures, fingerprint, message, fix, references, examples, file, sources } = s;
        const { tools, patterns, extra, not, resources, fallback, generic, restates, needles } = match;
        const m = { tools, patterns: patterns.map(String), extra: extra.map(String), not: not.map(String), resources: resources?.map(String), fallback, generic, restates, needles };
        return { id, title, headline, severity, kind, match: m, captures, fingerprint, message, fix, references, examples, file: path.basename(file), sources };
      };
      const plain = (s: Signature) => JSON.parse(JSON.stringify(pick(s))) as unknown;
      // every field is compared
      expect(Object.keys(pick(fromYaml[0]!)).sort()).toEqual(Object.keys(fromYaml[0]!).sort());
      const withResources = fromYaml.find((s) => s.match.resources)!;
      expect(Object.keys(pick(withResources).match).sort()).toEqual(Object.keys(withResources.match).sort());
      expect(sigs.map(plain)).toEqual(fromYaml.map(plain));
    } finally {
      fs.rmSync(copy, { recursive: true, force: true });
    }
  });

  test('holds the first six signatures and every file, each in <id>.yaml', () => {
    expect(sigs.map((s) => s.id).sort()).toEqual(bundledIds);
    expect(bundledIds).toEqual(expect.arrayContaining(FIRST_SIX));
    for (const s of sigs) expect(path.basename(s.file)).toBe(`${s.id}.yaml`);
  });

  // A specific signature's example may also match a broad (fallback) or generic one: the
  // classifier tries fallbacks only when no specific signature matched, and the generic layer
  // only when neither did. A fallback's own examples must not be claimed by any specific
  // signature, and a generic one's by any specific or fallback signature, or it could never fire.
  // Likewise a signature with a resource filter is tried first on events naming such a resource:
  // its examples may also match signatures without one, never the other way round.
  const tier = (s: Signature) => (s.match.generic ? 3 : s.match.fallback ? 2 : s.match.resources ? 0 : 1);
  test.each(bundledIds)('%s: examples match with their captures, near misses do not', (id) => {
    const sig = sigs.find((s) => s.id === id)!;
    expect(sig.examples.match.length).toBeGreaterThan(0);
    const rivals = sigs.filter((s) => s.id !== id && (tier(s) < tier(sig) || (tier(s) === tier(sig) && tier(s) < 3)));
    for (const ex of sig.examples.match) {
      const resource = { id: ex.resource };
      const found = matchSignature(sig, ex.text, resource);
      expect({ text: ex.text, matched: found.length > 0 }).toEqual({ text: ex.text, matched: true });
      if (ex.captures) expect(found[0]!.captures).toMatchObject(ex.captures);
      for (const other of rivals) {
        expect({ text: ex.text, other: other.id, matched: matchSignature(other, ex.text, resource).length > 0 }).toMatchObject({ matched: false });
      }
    }
    if (sig.match.resources) {
      // the resource filter is what tells this class apart: without the resource, no match
      for (const ex of sig.examples.match) expect({ text: ex.text, matched: matchSignature(sig, ex.text).length > 0 }).toEqual({ text: ex.text, matched: false });
    }
    for (const text of sig.examples.nomatch) expect({ text, matched: matchSignature(sig, text).length > 0 }).toEqual({ text, matched: false });
  });

  // Patterns with a recorded safe verdict (same recheck version, flags and source) are not
  // proven again; every other pattern is checked now. `npm run lint:signatures` records them.
  test('no regex can backtrack catastrophically', async () => {
    const verdicts = readVerdicts(verdictsFile(bundledSignatureDir()));
    expect(await lintSignatures(sigs, { verdicts: { ...verdicts } })).toEqual([]);
  }, 300_000);

  test('recorded verdicts agree with recheck (spot check)', async () => {
    const verdicts = readVerdicts(verdictsFile(bundledSignatureDir()));
    const all = sigs.flatMap((s) => patternsOf(s)).filter((p) => verdicts[verdictKey(p.source, p.flags)]);
    const sample = all.sort((a, b) => a.source.length - b.source.length).slice(0, 3);
    const fake = sample.map((p, i) => ({ ...sigs[0]!, match: { ...sigs[0]!.match, patterns: [new RegExp(p.source, p.flags)], extra: [], not: [] }, file: `sample-${i}` }));
    expect(await lintSignatures(fake)).toEqual([]);
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

describe('broad and restating signatures', () => {
  const event = (message: string, line: number, source = 'deploy.log') => ({
    tool: 'text' as const,
    message,
    severity: 'error' as const,
    span: { source, startLine: line, endLine: line },
    lines: [{ lineNo: line, text: message, offset: 0 }],
  });
  const files = {
    'kms-denied.yaml': signature('kms-denied', { patterns: ['KMS key (?<thing>\\w+) is not allowed'] }),
    'any-denied.yaml': signature('any-denied', { patterns: ['(?<thing>AccessDenied)'], extra: { match: { patterns: ['(?<thing>AccessDenied)'], fallback: true } } }),
    'wrapper-exit.yaml': signature('wrapper-exit', { extra: { match: { patterns: ['(?<thing>exited) with code 1'], restates: true } } }),
  };

  test('a broad signature fires only where no specific one matched', async () => {
    const { Classifier } = await import('../src/classify/index.js');
    await withCatalogue(files, async (dir) => {
      const c = new Classifier(await loadCatalogue([dir]));
      c.add(event('AccessDenied: KMS key k1 is not allowed', 3));
      c.add(event('AccessDenied: s3:PutObject on bucket logs', 9));
      expect(c.result().findings.map((f) => [f.signature.id, f.occurrences.map((o) => o.line)])).toEqual([
        ['kms-denied', [3]],
        ['any-denied', [9]],
      ]);
    });
  });

  test('a restatement joins the cause before it, and stands alone only in an input without one', async () => {
    const { Classifier } = await import('../src/classify/index.js');
    await withCatalogue(files, async (dir) => {
      const c = new Classifier(await loadCatalogue([dir]));
      c.add(event('KMS key k1 is not allowed', 3));
      c.add(event('KMS key k2 is not allowed', 7));
      c.add(event('Terraform exited with code 1', 12));
      c.add(event('Terraform exited with code 1', 2, 'other.log'));
      const got = c.result().findings.map((f) => ({ id: f.signature.id, at: f.occurrences.map((o) => `${o.source}:${o.line}${o.cascade ? ' cascade' : ''}`) }));
      expect(got).toEqual([
        { id: 'kms-denied', at: ['deploy.log:3'] },
        { id: 'kms-denied', at: ['deploy.log:7', 'deploy.log:12 cascade'] },
        { id: 'wrapper-exit', at: ['other.log:2'] },
      ]);
    });
  });

  // Deploy logs repeat their progress lines; a line that matched nothing is remembered as such.
  test('a remembered miss is per tool, and repeated unmatched lines are listed once', async () => {
    const { Classifier } = await import('../src/classify/index.js');
    const only = { 'py-only.yaml': signature('py-only', { extra: { match: { patterns: ['Something (?<thing>\\w+) broke'], tools: ['python'] } } }) };
    await withCatalogue(only, async (dir) => {
      const c = new Classifier(await loadCatalogue([dir]));
      for (const line of [1, 2, 3]) c.add(event('Something db broke', line));
      c.add({ ...event('Something db broke', 4), tool: 'python' as never });
      const r = c.result();
      expect(r.findings.map((f) => [f.signature.id, f.occurrences.map((o) => o.line)])).toEqual([['py-only', [4]]]);
      expect(r.unclassified.map((u) => u.line)).toEqual([1]);
    });
  });

  test('a resource-filtered signature wins on the resource it names; a summary restating it joins it', async () => {
    const { Classifier } = await import('../src/classify/index.js');
    const byResource = {
      'runtime-any.yaml': signature('runtime-any', { patterns: ['runtime (?<thing>\\w+) is retired'] }),
      'runtime-lib.yaml': signature('runtime-lib', { extra: { match: { patterns: ['runtime (?<thing>\\w+) is retired'], resources: ['^Lib[0-9A-F]{4}$'] } } }),
    };
    await withCatalogue(byResource, async (dir) => {
      const c = new Classifier(await loadCatalogue([dir]));
      c.add({ ...event('runtime node16 is retired', 3), tool: 'cdk' as const, resourceId: 'Lib1A2B' });
      c.add({ ...event('runtime python37 is retired', 5), tool: 'cdk' as const, resourceId: 'Thumbnailer' });
      c.add({ ...event('runtime node16 is retired', 9), tool: 'cdk' as const, cascade: true });
      c.add({ ...event('runtime python37 is retired', 10), tool: 'cdk' as const, cascade: true });
      const got = c.result().findings.map((f) => [f.signature.id, f.captures.thing, f.occurrences.map((o) => o.line)]);
      expect(got).toEqual([
        ['runtime-lib', 'node16', [3, 9]],
        ['runtime-any', 'python37', [5, 10]],
      ]);
    });
  });

  test('a resource filter must be a non-empty list', async () => {
    const bad = signature('empty-res', { extra: { match: { patterns: ['x (?<thing>y)'], resources: [] } } });
    await expect(withCatalogue({ 'empty-res.yaml': bad }, (dir) => loadCatalogue([dir]))).rejects.toThrow(/empty-res\.yaml.*match\.resources/);
  });

  test('fallback and restates must be booleans', async () => {
    const bad = signature('flag', { extra: { match: { patterns: ['x (?<thing>y)'], fallback: 'yes' } } });
    await expect(withCatalogue({ 'flag.yaml': bad }, (dir) => loadCatalogue([dir]))).rejects.toThrow(/flag\.yaml.*match\.fallback.*true or false/);
  });
});

describe('required literals (the prefilter before a regex runs)', () => {
  test.each([
    ['Cannot find version (?<v>[\\w.-]+) for (?<e>postgres|mysql)', ['Cannot find version ']],
    ['(?:(?<m>aws_ecr)\\.)?(?<t>RepositoryProps)#x is deprecated', ['#x is deprecated']],
    ['Resources? (?:created|updated)', ['Resource']],
    ['ab{0,2}cde', ['cde']],
    ['foo\\.bar+baz', ['foo.bar']],
    ['x\\(y\\)z\\b', ['x(y)z']],
    // \b consumes nothing: the text on both sides stays adjacent
    ['\\bAccess\\b Denied', ['Access Denied']],
    // a top-level alternation: any of its branches
    ['first|second', ['first', 'second']],
    // a required group's alternation counts when it is the strongest part
    ['\\b(?<code>OptInRequired|SubscriptionRequired)\\b', ['OptInRequired', 'SubscriptionRequired']],
    ['x(?:abcdef|ghijkl)y', ['abcdef', 'ghijkl']],
    // one branch promising nothing: no guarantee at all
    ['first|[a-z]+', null],
    ['(?:abc|\\d+)', null],
    ['(?:abc|\\d+)x', ['x']],
    // optional and repeated parts
    ['(?:abc)?', null],
    ['(?:abcd)+e', ['abcd']],
    ['[A-Z]+\\d{3}', null],
    // lookarounds are not read: they neither add text nor join what is around them
    ['abc(?=def)ghi', ['abc']],
    ['(?<![\\w.-])(?<n>[\\w.-]{1,100}) must be one of \\[', [' must be one of [']],
    ['\\p{Lu}{2}abc\\u0041', ['abc']],
    ['[)|(]abc', ['abc']],
  ])('%s -> %j', (source, literals) => {
    expect(requiredLiterals(source)).toEqual(literals);
  });

  test('a case-insensitive pattern is checked against the lower-cased message', () => {
    const needle = needleOf(/Rate Exceeded|Throttl/giu)!;
    expect(needle).toEqual({ any: ['rate exceeded', 'throttl'], ignoreCase: true });
    expect(mayContain(needle, 'ThrottlingException: RATE EXCEEDED', () => 'throttlingexception: rate exceeded')).toBe(true);
    expect(mayContain(needle, 'creating CloudFormation changeset...', () => 'creating cloudformation changeset...')).toBe(false);
  });

  // The prefilter is sound only if every text a pattern matches holds its needle.
  test('every bundled example holds the needle of the pattern that matches it', () => {
    let checked = 0;
    for (const s of sigs) {
      for (const ex of s.examples.match) {
        s.match.patterns.forEach((re, i) => {
          if (!new RegExp(re.source, re.flags.replace('g', '')).test(ex.text)) return;
          checked++;
          const ok = mayContain(s.match.needles.patterns[i]!, ex.text, () => ex.text.toLowerCase());
          expect({ id: s.id, text: ex.text, pattern: i, holdsNeedle: ok }).toMatchObject({ holdsNeedle: true });
        });
      }
    }
    expect(checked).toBeGreaterThan(200);
  });

  test('most bundled patterns have a needle', () => {
    const all = sigs.flatMap((s) => s.match.needles.patterns);
    expect(all.filter((n) => n === null).length).toBeLessThanOrEqual(5);
  });
});
