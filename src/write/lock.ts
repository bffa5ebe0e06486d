// One writer per project: `.stackfix.lock` in the project root, created with O_EXCL and holding
// the writer's pid, host and start time. It is held only while a run writes its fixes or
// recovers an interrupted one (milliseconds), so a second run waits briefly for it and then
// refuses. A lock whose process is gone (same host), or that is older than any write takes,
// is stale: it is removed and taken.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { UserError } from '../errors.js';
import { fault, lockWaitMs } from './faults.js';

export const LOCK_FILE = '.stackfix.lock';
/** No write step holds the lock this long: an older lock is left by a process that is gone (or a reused pid). */
const STALE_AFTER_MS = 2 * 60_000;

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
    // a writer killed between creating the file and writing it: judged by its age
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
  if (!held.owner) return Date.now() - held.mtime > 10_000;
  // Our own pid in a lock we do not hold (we never hold two) is a dead run's whose pid we reuse.
  return held.owner.host === os.hostname() && (held.owner.pid === process.pid || !alive(held.owner.pid));
}

/**
 * Takes the project's lock, waiting up to `waitMs` (default 10 s) for a live holder. Throws
 * LockBusy when it stays held, a UserError when the lock cannot be created (read-only folder).
 * `onStale` hears of a stale lock that was removed.
 */
export function acquireLock(root: string, opts: { waitMs?: number; onStale?: (owner: Owner | undefined) => void } = {}): Lock {
  const file = path.join(root, LOCK_FILE);
  const me: Owner = { pid: process.pid, host: os.hostname(), started: Date.now(), nonce: crypto.randomBytes(8).toString('hex') };
  const text = JSON.stringify(me);
  const waitMs = opts.waitMs ?? lockWaitMs();
  const deadline = Date.now() + waitMs;
  let told = false;
  for (;;) {
    let fd: number | undefined;
    try {
      fd = fs.openSync(file, 'wx', 0o644);
      fs.writeSync(fd, text);
      fs.closeSync(fd);
      break;
    } catch (err) {
      if (fd !== undefined) {
        // Created but not written (a full disk): leave no empty lock behind.
        fs.closeSync(fd);
        fs.rmSync(file, { force: true });
      }
      const code = (err as NodeJS.ErrnoException).code;
      if (fd !== undefined || code !== 'EEXIST') throw new UserError(`${root}: cannot take the lock ${LOCK_FILE} (${code ?? (err as Error).message}); nothing written`);
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
