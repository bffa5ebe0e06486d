// The --fix write step alone, in a process of its own that a test can kill: the built
// dist/src/write modules, without the parse and codemod stages that take most of a run.
//   node fix-writer.mjs PROJECT PLAN.json     write the plan ([{ rel, before, after }]) as --fix does
//   node fix-writer.mjs PROJECT --recover     what every stackfix run does first
// STACKFIX_TEST_FAULT applies as in bin/stackfix. Exit 2 with the message on stderr on a UserError.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const dist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../dist/src');
const { Project } = await import(path.join(dist, 'locate/project.js'));
const { writeAll } = await import(path.join(dist, 'write/atomic.js'));
const { recoverInterrupted } = await import(path.join(dist, 'write/journal.js'));

const [dir, plan] = process.argv.slice(2);
const note = (t) => process.stderr.write(`stackfix: ${t}\n`);
try {
  const project = new Project(dir);
  recoverInterrupted(project, { strict: plan !== '--recover', note });
  if (plan !== '--recover') writeAll(project, JSON.parse(fs.readFileSync(plan, 'utf8')), note);
} catch (err) {
  if (err?.name !== 'UserError') throw err;
  process.stderr.write(`stackfix: ${err.message}\n`);
  process.exitCode = 2;
}
