// --fix: write every accepted edit or none. Each file is written to a temp file beside it and
// renamed over the original only after all temp files exist; a failure part-way restores the
// files already renamed. Nothing is written outside the project root.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { UserError } from '../errors.js';
import type { Project } from '../locate/project.js';

export interface PlannedWrite {
  rel: string;
  before: string;
  after: string;
}

export function writeAll(project: Project, writes: PlannedWrite[]): void {
  const targets: Array<PlannedWrite & { abs: string; mode: number; tmp: string }> = [];
  // Check everything before touching anything.
  for (const w of writes) {
    const abs = project.resolve(w.rel);
    if (!abs) throw new UserError(`${w.rel}: outside the project root ${project.root}; nothing written`);
    let st: fs.Stats;
    try {
      st = fs.lstatSync(abs);
    } catch {
      throw new UserError(`${w.rel}: disappeared before it could be written; nothing written`);
    }
    if (!st.isFile()) throw new UserError(`${w.rel}: is not a regular file (symlink?); nothing written`);
    try {
      fs.accessSync(abs, fs.constants.W_OK);
      fs.accessSync(path.dirname(abs), fs.constants.W_OK);
    } catch {
      throw new UserError(`${w.rel}: is read-only; nothing written`);
    }
    if ((st.mode & 0o222) === 0) throw new UserError(`${w.rel}: is read-only; nothing written`);
    if (fs.readFileSync(abs, 'utf8') !== w.before) throw new UserError(`${w.rel}: changed while stackfix was running; nothing written`);
    const tmp = path.join(path.dirname(abs), `.${path.basename(abs)}.stackfix-${crypto.randomBytes(4).toString('hex')}.tmp`);
    targets.push({ ...w, abs, mode: st.mode & 0o7777, tmp });
  }
  const cleanup = () => {
    for (const t of targets) fs.rmSync(t.tmp, { force: true });
  };
  try {
    for (const t of targets) {
      fs.writeFileSync(t.tmp, t.after, { mode: t.mode, flag: 'wx' });
      fs.chmodSync(t.tmp, t.mode);
    }
  } catch (err) {
    cleanup();
    throw new UserError(`could not write the fixes (${(err as Error).message}); nothing written`);
  }
  const done: typeof targets = [];
  try {
    for (const t of targets) {
      fs.renameSync(t.tmp, t.abs);
      done.push(t);
    }
  } catch (err) {
    for (const t of done) {
      try {
        fs.writeFileSync(t.abs, t.before);
      } catch {
        // best effort: the message below names the failure
      }
    }
    cleanup();
    throw new UserError(`could not write the fixes (${(err as Error).message}); changes rolled back`);
  }
}
