#!/usr/bin/env node
// npm run projects [-- --bin <path/to/bin/stackfix>] [--case <name>]: every project fixture
// through a built CLI with --fix, one verdict per project (see __testfixtures__/projects/README.md).
// With --bin it measures another checkout's build on the same projects, for before/after figures.
import path from 'node:path';
import { judgeCase, listCases, readCase } from './projects-lib.js';

const args = process.argv.slice(2);
const opt = (name) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const bin = path.resolve(opt('--bin') ?? path.join(path.dirname(new URL(import.meta.url).pathname), '../bin/stackfix'));
const only = opt('--case');

// Held-out cases (`heldOut: true`) were written without looking at the fixes: they get a tally of
// their own. A `known` case is a failure on record; its reason is printed with the verdict.
const tally = {};
const heldOut = {};
let heldOutCount = 0;
const cases = listCases().filter((c) => !only || c === only);
const show = (t) => Object.entries(t).map(([k, v]) => `${v} ${k}`).join(', ') || 'none';
for (const name of cases) {
  const spec = readCase(name);
  const { verdict, problems } = judgeCase(name, bin);
  tally[verdict] = (tally[verdict] ?? 0) + 1;
  if (spec.heldOut) {
    heldOutCount += 1;
    heldOut[verdict] = (heldOut[verdict] ?? 0) + 1;
  }
  const notes = [...(spec.known ? [`known: ${spec.known}`] : []), ...problems];
  console.log(`${verdict.padEnd(10)} ${name}${notes.length ? `\n           ${notes.join('\n           ')}` : ''}`);
}
console.log(`\n${cases.length} projects: ${show(tally)}  (${bin})`);
if (heldOutCount) console.log(`${heldOutCount} held-out projects: ${show(heldOut)}`);
