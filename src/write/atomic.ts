// --fix: write every accepted edit or none, even when the process is killed in the middle.
//
//   1. check every target (inside the project, a regular file, writable, still the text the fix
//      was computed from) before touching anything
//   2. take the project's lock (lock.ts); finish a journal a run that died left behind
//   3. journal `prepare` (journal.ts), then each new text to a temp file beside its target,
//      fsynced; journal `commit`
//   4. per target: compare it with the text it was read as, then rename the temp over it; a
//      file changed since it was read, or a failed rename, undoes the renames already done
//   5. remove the journal, release the lock
//
// A kill at any point leaves a journal that the next stackfix run completes or rolls back, so
// each file is wholly old or wholly new and the fix is all or nothing. Nothing is written
// outside the project root, through a symlink, or over a file the user changed meanwhile.
import fs from 'node:fs';
import path from 'node:path';
import { UserError } from '../errors.js';
import type { Project } from '../locate/project.js';
import { fault } from './faults.js';
import { type EntryStatus, fsyncDir, JOURNAL_FILE, newJournal, type Note, recoverLocked, removeJournal, rollback, sha256, tempFor, writeDurable, writeJournal } from './journal.js';
import { acquireLock } from './lock.js';

export interface PlannedWrite {
  rel: string;
  before: string;
  after: string;
}

interface Target {
  rel: string;
  abs: string;
  temp: string;
  tempAbs: string;
  old: Buffer;
  new: Buffer;
  mode: number;
  uid: number;
  gid: number;
}

const stderrNote: Note = (text) => void process.stderr.write(`stackfix: ${text}\n`);

function describe(err: unknown): string {
  const e = err as NodeJS.ErrnoException;
  return e?.code && !e.message?.startsWith(e.code) ? `${e.code}: ${e.message}` : (e?.message ?? String(err));
}

/** No write bits: honoured even for root, which the kernel would let write anyway. */
const readOnly = (st: fs.Stats) => (st.mode & 0o222) === 0;

function check(project: Project, w: PlannedWrite): Target {
  const abs = project.resolve(w.rel);
  if (!abs) throw new UserError(`${w.rel}: outside the project root ${project.root}; nothing written`);
  let st: fs.Stats;
  try {
    st = fs.lstatSync(abs);
  } catch {
    throw new UserError(`${w.rel}: disappeared before it could be written; nothing written`);
  }
  if (!st.isFile()) throw new UserError(`${w.rel}: is not a regular file (symlink?); nothing written`);
  const dir = path.dirname(abs);
  try {
    fs.accessSync(abs, fs.constants.W_OK);
  } catch {
    throw new UserError(`${w.rel}: is read-only; nothing written`);
  }
  if (readOnly(st)) throw new UserError(`${w.rel}: is read-only; nothing written`);
  try {
    fs.accessSync(dir, fs.constants.W_OK);
  } catch {
    throw new UserError(`${w.rel}: its folder is read-only; nothing written`);
  }
  if (readOnly(fs.statSync(dir))) throw new UserError(`${w.rel}: its folder is read-only; nothing written`);
  const temp = tempFor(path.relative(project.root, abs).split(path.sep).join('/'));
  return {
    rel: w.rel,
    abs,
    temp,
    tempAbs: path.join(project.root, temp),
    old: Buffer.from(w.before, 'utf8'),
    new: Buffer.from(w.after, 'utf8'),
    mode: st.mode & 0o7777,
    uid: st.uid,
    gid: st.gid,
  };
}

function unchanged(t: Target): boolean {
  try {
    return fs.lstatSync(t.abs).isFile() && fs.readFileSync(t.abs).equals(t.old);
  } catch {
    return false;
  }
}

const changedSinceRead = (t: Target) => new UserError(`${t.rel}: changed since stackfix read it; nothing written (run stackfix again on the new text)`);

export function writeAll(project: Project, writes: PlannedWrite[], note: Note = stderrNote): void {
  if (writes.length === 0) return;
  const targets = writes.map((w) => check(project, w));
  if (readOnly(fs.statSync(project.root))) throw new UserError(`${project.root}: is read-only (stackfix keeps its journal there while it writes); nothing written`);
  const lock = acquireLock(project.root, { onStale: (o) => note(`removed the lock of a stackfix run that is gone${o ? ` (pid ${o.pid})` : ''}`) });
  try {
    fault('start');
    try {
      recoverLocked(project, { strict: true, note });
    } catch (err) {
      if (err instanceof UserError) throw err;
      throw new UserError(`could not finish an interrupted --fix in ${project.root} (${describe(err)}); nothing written`);
    }
    for (const t of targets) if (!unchanged(t)) throw changedSinceRead(t);

    const journal = newJournal(targets.map((t) => ({ path: path.relative(project.root, t.abs).split(path.sep).join('/'), temp: t.temp, old: sha256(t.old), new: sha256(t.new), oldText: t.old.toString('utf8') })));
    try {
      writeJournal(project.root, journal);
    } catch (err) {
      fs.rmSync(path.join(project.root, `${JOURNAL_FILE}.tmp`), { force: true });
      removeJournal(project.root);
      throw new UserError(`could not write the journal ${JOURNAL_FILE} in ${project.root} (${describe(err)}); nothing written`);
    }
    fault('journal');
    try {
      targets.forEach((t, i) => {
        fault(`temp:${i + 1}`);
        writeDurable(t.tempAbs, t.new, { mode: t.mode, uid: t.uid, gid: t.gid });
        fault(`written:${i + 1}`);
      });
      writeJournal(project.root, { ...journal, state: 'commit' });
    } catch (err) {
      for (const t of targets) fs.rmSync(t.tempAbs, { force: true });
      fs.rmSync(path.join(project.root, `${JOURNAL_FILE}.tmp`), { force: true });
      removeJournal(project.root);
      throw new UserError(`could not write the fixes (${describe(err)}); nothing written`);
    }
    fault('commit');

    const renamed = new Set<Target>();
    try {
      targets.forEach((t, i) => {
        fault(`rename:${i + 1}`);
        // Right before the rename: a file the user saved since the run read it is never overwritten.
        if (!unchanged(t)) throw changedSinceRead(t);
        fs.renameSync(t.tempAbs, t.abs);
        renamed.add(t);
      });
    } catch (err) {
      const status: EntryStatus[] = targets.map((t) => (renamed.has(t) ? 'new' : 'pending'));
      try {
        rollback(project, { ...journal, state: 'commit' }, status);
      } catch (undo) {
        throw new UserError(`could not write the fixes (${describe(err)}) nor undo the ${renamed.size} already written (${describe(undo)}); the next stackfix run in ${project.root} undoes them`);
      }
      if (err instanceof UserError) throw err;
      throw new UserError(`could not write the fixes (${describe(err)}); nothing written`);
    }
    for (const dir of new Set(targets.map((t) => path.dirname(t.abs)))) fsyncDir(dir);
    fault('renamed');
    removeJournal(project.root);
    fault('done');
  } finally {
    lock.release();
  }
}
