// Fixture-discovered codemod tests (jscodeshift convention):
//   __testfixtures__/codemods/<codemod>/<case>.input.<ext>   the file before
//   __testfixtures__/codemods/<codemod>/<case>.output.<ext>  the file after
//   __testfixtures__/codemods/<codemod>/not-<case>.input.<ext> must be left unchanged
//   __testfixtures__/codemods/<codemod>/<case>.input/ and <case>.output/   multi-file projects
//     (output/ holds the whole tree after the fix)
// Captures and resource hints come from <case>.json, or from the folder's captures.json:
//   { "captures": {...}, "resources": [{ "id": "...", "type": "..." }], "status": "already-fixed",
//     "location": { "file": "app/stack.py", "line": 12 } }   (what a traceback gives)
// Every output must parse (Python outputs also compile with python3 where it exists), and
// running the codemod on the output must change nothing.
import { describe, it, expect } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { codemodIds, codemodLanguages, loadCodemod } from '../codemods/index.js';
import type { CodemodContext, Language, SourceFile } from '../src/fix/contract.js';
import { syntaxProblems } from '../src/review/parse-check.js';

const root = path.resolve('__testfixtures__/codemods');
// JavaScript sources are read by the TypeScript side of each codemod.
const LANG_BY_EXT: Record<string, Language> = Object.fromEntries([...['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'].map((e) => [e, 'typescript' as const]), ['.py', 'python' as const]]);

interface CaseSpec {
  captures: Record<string, string | string[]>;
  resources?: { id?: string; type?: string; constructPath?: string }[];
  status?: string;
  location?: { file: string; line: number };
  locations?: Array<{ file: string; line: number }>;
}

/** Installed libraries in a fixture (type stubs a codemod reads) are not project sources. */
const isLibrary = (p: string) => /(?:^|\/)(?:node_modules|site-packages|\.venv|venv)\//.test(p) || p.endsWith('.d.ts');

const python3 = spawnSync('python3', ['--version']).status === 0;

/** python3's own compiler on the text: the strongest check that an output is valid Python. */
function pyCompileError(file: string, text: string): string | undefined {
  const r = spawnSync('python3', ['-c', 'import sys; compile(sys.stdin.read(), sys.argv[1], "exec")', file], { input: text, encoding: 'utf8' });
  return r.status === 0 ? undefined : r.stderr.trim().split('\n').at(-1);
}

function walk(dir: string, base = dir): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? walk(p, base) : [path.relative(base, p).split(path.sep).join('/')];
  });
}

function readTree(dir: string): Record<string, string> {
  return Object.fromEntries(walk(dir).map((rel) => [rel, fs.readFileSync(path.join(dir, rel), 'utf8')]));
}

function spec(codemodDir: string, caseName: string): CaseSpec {
  const own = path.join(codemodDir, `${caseName}.json`);
  const shared = path.join(codemodDir, 'captures.json');
  const file = fs.existsSync(own) ? own : shared;
  if (!fs.existsSync(file)) throw new Error(`no ${caseName}.json or captures.json in ${codemodDir}`);
  return JSON.parse(fs.readFileSync(file, 'utf8')) as CaseSpec;
}

async function runOn(codemodId: string, tree: Record<string, string>, s: CaseSpec) {
  const codemod = await loadCodemod(codemodId);
  if (!codemod) throw new Error(`unknown codemod ${codemodId}`);
  const byLang = new Map<Language, SourceFile[]>();
  for (const [p, text] of Object.entries(tree)) {
    const lang = LANG_BY_EXT[path.extname(p)];
    if (!lang || isLibrary(p)) continue;
    if (!byLang.has(lang)) byLang.set(lang, []);
    if (codemod.prefilter(text, s.captures)) byLang.get(lang)!.push({ path: p, text });
  }
  const edits: Record<string, string> = {};
  const statuses: string[] = [];
  for (const [language, files] of byLang) {
    if (!codemod.languages.includes(language)) continue;
    const ctx: CodemodContext = {
      projectRoot: '/project',
      captures: s.captures,
      resources: s.resources ?? [],
      ...(s.location ? { location: s.location } : {}),
      ...(s.locations ? { locations: s.locations } : {}),
      files,
      readFile: (p) => tree[p],
      listFiles: (l) => Object.keys(tree).filter((p) => LANG_BY_EXT[path.extname(p)] === l && !isLibrary(p)),
    };
    const result = await codemod.run(language, ctx);
    statuses.push(result.status);
    Object.assign(edits, result.edits);
  }
  return { edits, statuses };
}

const cases: { codemod: string; name: string; input: string; output?: string; dir: boolean }[] = [];
for (const codemod of fs.existsSync(root) ? fs.readdirSync(root) : []) {
  const dir = path.join(root, codemod);
  for (const entry of fs.readdirSync(dir)) {
    const m = /^(.*)\.input(\.[a-z]+)?$/.exec(entry);
    if (!m) continue;
    const name = m[1]!;
    const ext = m[2] ?? '';
    const output = path.join(dir, `${name}.output${ext}`);
    cases.push({
      codemod,
      name,
      input: path.join(dir, entry),
      output: fs.existsSync(output) ? output : undefined,
      dir: ext === '',
    });
  }
}

describe('codemod fixtures', () => {
  it('every fixture folder is a registered codemod', () => {
    for (const c of cases) expect(codemodIds).toContain(c.codemod);
  });

  it('the registry lists the languages each codemod declares', async () => {
    for (const id of codemodIds) expect({ id, languages: codemodLanguages(id) }).toEqual({ id, languages: (await loadCodemod(id))!.languages });
    expect(codemodLanguages('no-such-codemod')).toBeUndefined();
    expect(codemodLanguages('toString')).toBeUndefined();
  });

  it.each(cases.map((c) => [`${c.codemod}/${c.name}`, c] as const))('%s', async (_label, c) => {
    const s = spec(path.join(root, c.codemod), c.name);
    const inputTree = c.dir ? readTree(c.input) : { [path.basename(c.input).replace('.input', '')]: fs.readFileSync(c.input, 'utf8') };
    const first = await runOn(c.codemod, inputTree, s);

    if (c.name.startsWith('not-') || !c.output) {
      expect(first.edits).toEqual({});
      if (s.status) expect(first.statuses).toContain(s.status);
      return;
    }
    const expected = c.dir ? readTree(c.output) : { [path.basename(c.output).replace('.output', '')]: fs.readFileSync(c.output, 'utf8') };
    const actual = { ...inputTree, ...first.edits };
    expect(first.statuses).toContain('proposed');
    expect(actual).toEqual(expected);

    for (const [p, text] of Object.entries(first.edits)) {
      const lang = LANG_BY_EXT[path.extname(p)];
      if (lang) expect(await syntaxProblems(lang, p, text)).toEqual([]);
      if (lang === 'python' && python3) expect(pyCompileError(p, text)).toBeUndefined();
    }
    // Fixed point: the codemod applied to its own output proposes nothing.
    const second = await runOn(c.codemod, actual, s);
    expect(second.edits).toEqual({});
  });
});
