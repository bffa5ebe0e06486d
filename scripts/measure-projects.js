#!/usr/bin/env node
// npm run projects [-- --bin <path/to/bin/stackfix>] [--case <name>]: every project fixture
// through a built CLI with --fix, one verdict per project (see __testfixtures__/projects/README.md).
// With --bin it measures another checkout's build on the same projects, for before/after figures.
import path from 'node:path';
import { judgeCase, listCases } from './projects-lib.js';

const args = process.argv.slice(2);
const opt = (name) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const bin = path.resolve(opt('--bin') ?? path.join(path.dirname(new URL(import.meta.url).pathname), '../bin/stackfix'));
const only = opt('--case');

const tally = {};
const cases = listCases().filter((c) => !only || c === only);
for (const name of cases) {
  const { verdict, problems } = judgeCase(name, bin);
  tally[verdict] = (tally[verdict] ?? 0) + 1;
  console.log(`${verdict.padEnd(10)} ${name}${problems.length ? `\n           ${problems.join('\n           ')}` : ''}`);
}
console.log(`\n${cases.length} projects: ${Object.entries(tally).map(([k, v]) => `${v} ${k}`).join(', ') || 'none'}  (${bin})`);
