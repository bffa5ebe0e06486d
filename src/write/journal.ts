// The journal of a --fix write, `.stackfix-journal.json` in the project root, so that a fix of
// several files is all or nothing even when the process is killed between two renames.
//
//   prepare   written before any temp file: names every target, its temp file, the sha256 of
//             its old and new text, and the old text itself
//   commit    every temp file is written and fsynced: from here the fix goes forward
//   rollback  the fix is being undone (a rename failed, or could not be completed)
//
// The journal is replaced atomically (temp + rename) at each state and removed when the write is
// done. The next stackfix run on the project (any run, before it reads anything) finds a journal
// left behind by a process that is gone (it holds no lock) and finishes it: a prepare journal
// had changed no file, so its temp files are removed; a commit journal is completed when every
// target still holds its old or its new text and every missing new text is in its temp file,
// and rolled back otherwise, so the files end all old or all new. A file edited since the
// interruption is never overwritten. What was done is said on stderr.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { UserError } from '../errors.js';
import type { Project } from '../locate/project.js';
import { fault } from './faults.js';
import { acquireLock, LOCK_FILE, LockBusy, removeOrphanLockTemps } from './lock.js';

export const JOURNAL_FILE = '.stackfix-journal.json';
const JOURNAL_TMP = `${JOURNAL_FILE}.tmp`;
/** Old texts of hand-written sources (each at most 1 MiB): a larger journal is not ours. */
const MAX_JOURNAL_BYTES = 256 * 1024 * 1024;
const TEMP_NAME = /^\.(.+)\.stackfix-[0-9a-f]{8}\.tmp$/;

export type JournalState = 'prepare' | 'commit' | 'rollback';

export interface JournalEntry {
  /** Project-relative, `/`-separated. */
  path: string;
  /** The temp file beside it that holds (or held) the new text. */
  temp: string;
  /** sha256 of the old and the new bytes. */
  old: string;
  new: string;
  oldText: string;
}

export interface Journal {
  stackfix: 'fix-journal';
  version: 1;
  state: JournalState;
  pid: number;
  host: string;
  started: string;
  files: JournalEntry[];
}

export type Note = (text: string) => void;

export const sha256 = (data: Buffer | string): string => crypto.createHash('sha256').update(data).digest('hex');

/** `lib/.stack.ts.stackfix-1a2b3c4d.tmp` for `lib/stack.ts`. */
export function tempFor(rel: string): string {
  const dir = path.posix.dirname(rel);
  const name = `.${path.posix.basename(rel)}.stackfix-${crypto.randomBytes(4).toString('hex')}.tmp`;
  return dir === '.' ? name : `${dir}/${name}`;
}

export function fsyncDir(dir: string): void {
  try {
    const fd = fs.openSync(dir, 'r');
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    // Some file systems cannot fsync a folder; the renames are still atomic there.
  }
}

/**
 * Writes a new file and makes it durable before returning. O_EXCL: it never writes through a
 * symlink planted at that name. A file left half-written by a failure is removed.
 */
export function writeDurable(file: string, data: Buffer, opts: { mode?: number; uid?: number; gid?: number } = {}): void {
  const fd = fs.openSync(file, 'wx', opts.mode ?? 0o644);
  try {
    for (let off = 0; off < data.length; ) off += fs.writeSync(fd, data, off, data.length - off);
    if (opts.mode !== undefined) fs.fchmodSync(fd, opts.mode);
    if (opts.uid !== undefined && opts.gid !== undefined && process.getuid?.() === 0) {
      try {
        fs.fchownSync(fd, opts.uid, opts.gid);
      } catch {
        // keep root's ownership rather than fail the fix
      }
    }
    fs.fsyncSync(fd);
  } catch (err) {
    fs.closeSync(fd);
    fs.rmSync(file, { force: true });
    throw err;
  }
  fs.closeSync(fd);
}

/** Replaces the journal atomically and durably. */
export function writeJournal(root: string, journal: Journal): void {
  const tmp = path.join(root, JOURNAL_TMP);
  fs.rmSync(tmp, { force: true });
  writeDurable(tmp, Buffer.from(JSON.stringify(journal)));
  fs.renameSync(tmp, path.join(root, JOURNAL_FILE));
  fsyncDir(root);
}

export function removeJournal(root: string): void {
  fs.rmSync(path.join(root, JOURNAL_FILE), { force: true });
  fsyncDir(root);
}

export function newJournal(files: JournalEntry[]): Journal {
  return { stackfix: 'fix-journal', version: 1, state: 'prepare', pid: process.pid, host: os.hostname(), started: new Date().toISOString(), files };
}

/** sha256 of a regular file's bytes, or undefined when it is missing or not a regular file. */
function hashOf(abs: string): string | undefined {
  try {
    if (!fs.lstatSync(abs).isFile()) return undefined;
    return sha256(fs.readFileSync(abs));
  } catch {
    return undefined;
  }
}

/** Where each target stands: `new` written, `pending` old with its new text in the temp file, `old` without it, `changed` neither. */
export type EntryStatus = 'new' | 'pending' | 'old' | 'changed';

function statusOf(project: Project, e: JournalEntry): EntryStatus {
  const cur = hashOf(path.join(project.root, e.path));
  if (cur === e.new) return 'new';
  if (cur !== e.old) return 'changed';
  return hashOf(path.join(project.root, e.temp)) === e.new ? 'pending' : 'old';
}

function removeTemps(project: Project, j: Journal): void {
  for (const e of j.files) fs.rmSync(path.join(project.root, e.temp), { force: true });
}

function fsyncDirs(project: Project, j: Journal): void {
  for (const dir of new Set(j.files.map((e) => path.dirname(path.join(project.root, e.path))))) fsyncDir(dir);
}

/**
 * Undoes a journal whose targets stand as `status` says: writes `rollback` first (a run killed
 * in the middle of undoing is undone by the next), puts the old text back on every file that
 * has its new one, leaves a file changed since alone, and removes temp files and journal.
 */
export function rollback(project: Project, j: Journal, status: EntryStatus[]): { restored: string[]; left: string[] } {
  if (j.state !== 'rollback') writeJournal(project.root, { ...j, state: 'rollback' });
  const restored: string[] = [];
  const left: string[] = [];
  j.files.forEach((e, i) => {
    if (status[i] === 'changed') left.push(e.path);
    if (status[i] !== 'new') return;
    fault(`recover-restore:${i + 1}`);
    const abs = path.join(project.root, e.path);
    const tmp = path.join(project.root, e.temp);
    const st = fs.statSync(abs);
    fs.rmSync(tmp, { force: true });
    writeDurable(tmp, Buffer.from(e.oldText, 'utf8'), { mode: st.mode & 0o7777, uid: st.uid, gid: st.gid });
    fs.renameSync(tmp, abs);
    restored.push(e.path);
  });
  removeTemps(project, j);
  fsyncDirs(project, j);
  removeJournal(project.root);
  return { restored, left };
}

function invalid(project: Project, why: string): string {
  return `${path.join(project.root, JOURNAL_FILE)}: not a journal stackfix can finish (${why}); it was left as it is: check the files it names, then remove it`;
}

/** The journal, checked: every path inside the project, in no hidden or vendored folder, temp beside target, hashes consistent. */
function readJournal(project: Project): { journal?: Journal; problem?: string } {
  const file = path.join(project.root, JOURNAL_FILE);
  let st: fs.Stats;
  try {
    st = fs.lstatSync(file);
  } catch {
    return {};
  }
  if (!st.isFile()) return { problem: invalid(project, 'not a regular file') };
  if (st.size > MAX_JOURNAL_BYTES) return { problem: invalid(project, 'too large') };
  let j: Journal;
  try {
    j = JSON.parse(fs.readFileSync(file, 'utf8')) as Journal;
  } catch {
    return { problem: invalid(project, 'not JSON') };
  }
  if (j?.stackfix !== 'fix-journal' || j.version !== 1 || !['prepare', 'commit', 'rollback'].includes(j.state) || !Array.isArray(j.files)) {
    return { problem: invalid(project, 'unknown format') };
  }
  const hex = /^[0-9a-f]{64}$/;
  for (const e of j.files) {
    const ok =
      typeof e?.path === 'string' &&
      typeof e.temp === 'string' &&
      typeof e.oldText === 'string' &&
      hex.test(e.old) &&
      hex.test(e.new) &&
      sha256(Buffer.from(e.oldText, 'utf8')) === e.old &&
      !path.posix.isAbsolute(e.path) &&
      e.path.split('/').every((part) => part !== '' && !part.startsWith('.') && part !== 'node_modules') &&
      path.posix.dirname(e.temp) === path.posix.dirname(e.path) &&
      TEMP_NAME.exec(path.posix.basename(e.temp))?.[1] === path.posix.basename(e.path) &&
      project.resolve(e.path) !== undefined;
    if (!ok) return { problem: invalid(project, `entry ${JSON.stringify(String(e?.path ?? '?')).slice(0, 80)}`) };
  }
  return { journal: j };
}

/**
 * Finishes an interrupted --fix. The caller holds the project's lock. A journal stackfix cannot
 * use is an error under --fix (`strict`: its files may be mixed), a note otherwise.
 */
export function recoverLocked(project: Project, opts: { strict: boolean; note: Note }): boolean {
  fs.rmSync(path.join(project.root, JOURNAL_TMP), { force: true });
  const { journal: j, problem } = readJournal(project);
  if (problem) {
    if (opts.strict) throw new UserError(`${problem}; nothing written`);
    opts.note(problem);
    return true;
  }
  if (!j) return false;
  fault('recover');
  const who = `an interrupted --fix (pid ${j.pid}, ${j.started})`;
  const list = (files: string[]) => files.join(', ');
  if (j.state === 'prepare') {
    removeTemps(project, j);
    fsyncDirs(project, j);
    removeJournal(project.root);
    opts.note(`${who} had changed no file; removed its temporary files`);
    return true;
  }
  const status = j.files.map((e) => statusOf(project, e));
  if (j.state === 'commit' && status.every((s) => s === 'new' || s === 'pending')) {
    j.files.forEach((e, i) => {
      if (status[i] !== 'pending') return;
      fault(`recover-rename:${i + 1}`);
      fs.renameSync(path.join(project.root, e.temp), path.join(project.root, e.path));
    });
    fsyncDirs(project, j);
    removeJournal(project.root);
    opts.note(`completed ${who}: ${list(j.files.map((e) => e.path))} now hold the fix`);
    return true;
  }
  const { restored, left } = rollback(project, j, status);
  const what = restored.length ? `restored ${list(restored)} to the text before it` : 'no file held its fix';
  opts.note(`rolled back ${who}: ${what}${left.length ? `; left ${list(left)} as it is (changed since)` : ''}`);
  return true;
}

/**
 * Before a run reads anything: if an interrupted --fix left a journal, a temp journal, a lock
 * or a lock's temp file behind (one look at the project root's names), take the lock and finish it. A lock held by a live run means that run is writing:
 * its journal is not interrupted and is left to it.
 */
export function recoverInterrupted(project: Project, opts: { strict: boolean; note: Note }): void {
  let names: string[];
  try {
    names = fs.readdirSync(project.root).filter((n) => n.startsWith('.stackfix'));
  } catch {
    return;
  }
  if (names.length === 0) return;
  try {
    removeOrphanLockTemps(project.root, names);
  } catch {
    // a read-only root: taking the lock below says so
  }
  if (![JOURNAL_FILE, JOURNAL_TMP, LOCK_FILE].some((n) => names.includes(n))) return;
  let lock;
  let staleNote: string | undefined;
  try {
    lock = acquireLock(project.root, {
      waitMs: 0,
      onStale: (o) => (staleNote = `removed the lock of a stackfix run that is gone${o ? ` (pid ${o.pid}, started ${new Date(o.started).toISOString()})` : ''}`),
    });
  } catch (err) {
    if (err instanceof LockBusy) return;
    if (opts.strict) throw err;
    opts.note(`${(err as Error).message.replace(/; nothing written$/, '')}: an interrupted --fix there was not checked`);
    return;
  }
  try {
    // A journal's own note says more than the lock its run left.
    if (!recoverLocked(project, opts) && staleNote) opts.note(staleNote);
  } catch (err) {
    if (err instanceof UserError) throw err;
    const code = (err as NodeJS.ErrnoException).code ?? (err as Error).message;
    const message = `could not finish an interrupted --fix in ${project.root} (${code}); its journal ${JOURNAL_FILE} is kept for the next run`;
    if (opts.strict) throw new UserError(`${message}; nothing written`);
    opts.note(message);
  } finally {
    lock.release();
  }
}
