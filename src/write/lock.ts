// One writer per project: `.stackfix.lock` in the project root, holding the writer's pid, host
// and start time. It is held only while a run writes its fixes or recovers an interrupted one
// (milliseconds), so a second run waits briefly for it and then refuses. A lock whose process
// is gone (same host), or that is older than any write takes, is stale: it is removed and
// taken.
//
// The lock appears with its content or not at all: it is written to `.stackfix.lock.<pid>.<hex>.tmp`
// and hard-linked to its name (link fails if the name exists, like O_EXCL). A run killed
// between creating an empty lock and writing it would otherwise leave a lock no one can judge.
// Where a file system has no hard links, O_EXCL creation is used and an empty lock is judged
// by its age.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { UserError } from '../errors.js';
import { fault, lockWaitMs } from './faults.js';

export const LOCK_FILE = '.stackfix.lock';
const LOCK_TEMP = /^\.stackfix\.lock\.(\d+)\.[0-9a-f]+\.tmp$/;
/** No write step holds the lock this long: an older lock is left by a process that is gone (or a reused pid). */
const STALE_AFTER_MS = 2 * 60_000;
/** Creating a lock and writing its content takes microseconds: an empty lock older than this is a dead run's. */
const EMPTY_STALE_AFTER_MS = 2_000;

interface Owner {
  pid: number;
  host: string;
  started: number;
  nonce: string;
}

export interface Lock {
  release(): void;
}

/** Thrown when another live run holds the lock. */
export class LockBusy extends UserError {
  constructor(
    message: string,
    readonly owner: Owner | undefined,
  ) {
    super(message);
  }
}

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

function readOwner(file: string): { owner?: Owner; raw: string; mtime: number } | undefined {
  let st: fs.Stats;
  try {
    st = fs.lstatSync(file);
  } catch {
    return undefined;
  }
  // Never follow a planted symlink: it is not a lock stackfix wrote.
  if (!st.isFile()) throw new UserError(`${file}: is not a lock file stackfix wrote (a ${st.isSymbolicLink() ? 'symlink' : 'special file'}); remove it; nothing written`);
  let raw = '';
  try {
    raw = fs.readFileSync(file, 'utf8').slice(0, 4096);
  } catch {
    return undefined;
  }
  try {
    const o = JSON.parse(raw) as Owner;
    if (typeof o.pid === 'number' && typeof o.host === 'string' && typeof o.started === 'number') return { owner: o, raw, mtime: st.mtimeMs };
  } catch {
    // judged by its age
  }
  return { raw, mtime: st.mtimeMs };
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function stale(held: { owner?: Owner; mtime: number }): boolean {
  const age = Date.now() - (held.owner?.started ?? held.mtime);
  if (age > STALE_AFTER_MS) return true;
  if (!held.owner) return Date.now() - held.mtime > EMPTY_STALE_AFTER_MS;
  // Our own pid in a lock we do not hold (we never hold two) is a dead run's whose pid we reuse.
  return held.owner.host === os.hostname() && (held.owner.pid === process.pid || !alive(held.owner.pid));
}

/** Removes the lock temp files of runs that are gone (killed between writing one and linking it). */
export function removeOrphanLockTemps(root: string, names: string[] = fs.readdirSync(root)): void {
  for (const name of names) {
    const m = LOCK_TEMP.exec(name);
    if (m && (Number(m[1]) === process.pid || !alive(Number(m[1])))) fs.rmSync(path.join(root, name), { force: true });
  }
}

/** Creates the lock with its content: true, or false when it exists. */
function create(file: string, text: string, nonce: string): boolean {
  const tmp = `${file}.${process.pid}.${nonce}.tmp`;
  fs.writeFileSync(tmp, text, { flag: 'wx', mode: 0o644 });
  try {
    fault('lock-temp');
    fs.linkSync(tmp, file);
    return true;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'ENOSYS') throw err;
  } finally {
    fs.rmSync(tmp, { force: true });
  }
  // No hard links here: O_EXCL, then the content.
  let fd: number;
  try {
    fd = fs.openSync(file, 'wx', 0o644);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw err;
  }
  try {
    fs.writeSync(fd, text);
  } catch (err) {
    fs.closeSync(fd);
    fs.rmSync(file, { force: true });
    throw err;
  }
  fs.closeSync(fd);
  return true;
}

/**
 * Takes the project's lock, waiting up to `waitMs` (default 10 s) for a live holder. Throws
 * LockBusy when it stays held, a UserError when the lock cannot be created (read-only folder).
 * `onStale` hears of a stale lock that was removed.
 */
export function acquireLock(root: string, opts: { waitMs?: number; onStale?: (owner: Owner | undefined) => void } = {}): Lock {
  const file = path.join(root, LOCK_FILE);
  const nonce = crypto.randomBytes(8).toString('hex');
  const me: Owner = { pid: process.pid, host: os.hostname(), started: Date.now(), nonce };
  const text = JSON.stringify(me);
  const waitMs = opts.waitMs ?? lockWaitMs();
  const deadline = Date.now() + waitMs;
  let told = false;
  for (;;) {
    try {
      if (create(file, text, nonce)) break;
    } catch (err) {
      throw new UserError(`${root}: cannot take the lock ${LOCK_FILE} (${(err as NodeJS.ErrnoException).code ?? (err as Error).message}); nothing written`);
    }
    const held = readOwner(file);
    if (!held) continue; // released in between
    if (stale(held)) {
      // Remove it only if it is still the lock judged stale (another run may have broken it already).
      if (readOwner(file)?.raw === held.raw) {
        try {
          fs.rmSync(file, { force: true });
        } catch (err) {
          throw new UserError(`${root}: cannot remove the stale lock ${LOCK_FILE} (${(err as NodeJS.ErrnoException).code ?? (err as Error).message}); nothing written`);
        }
        opts.onStale?.(held.owner);
      }
      continue;
    }
    if (!told && waitMs > 0) {
      told = true;
      fault('lock-busy');
    }
    if (Date.now() >= deadline) {
      const who = held.owner ? ` (pid ${held.owner.pid}${held.owner.host === os.hostname() ? '' : ` on ${held.owner.host}`})` : '';
      throw new LockBusy(`another stackfix run${who} is writing fixes in ${root}; nothing written (if none is running, remove ${file})`, held.owner);
    }
    sleep(50);
  }
  return {
    release() {
      // Only our own lock: a stale-lock breaker may have replaced it after a very long pause.
      try {
        if (fs.readFileSync(file, 'utf8') === text) fs.rmSync(file, { force: true });
      } catch {
        // already gone
      }
    },
  };
}
