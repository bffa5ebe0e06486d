// Test hook, read by src/write/ only: STACKFIX_TEST_FAULT makes the --fix write step fail, stop
// or wait at a named point, so the tests can kill the process between two renames, fill the
// disk in the middle of the temp files or edit a file between the read and the write, and
// then check that every file is wholly old or wholly new. Nothing else reads it; unset (as it
// always is outside the tests) every call below returns at once.
//
//   STACKFIX_TEST_FAULT="kill@rename:2"            SIGKILL before the second rename
//   STACKFIX_TEST_FAULT="enospc@temp:2"            the second temp file's write fails: ENOSPC
//   STACKFIX_TEST_FAULT="eio@rename:1"             the first rename fails: EIO
//   STACKFIX_TEST_FAULT="delay:20@*"               sleep 20 ms at every point (widens the window for random kills)
//   STACKFIX_TEST_FAULT="pause:/tmp/d@start"       create /tmp/d/start, wait (up to 60 s) for /tmp/d/go
//   STACKFIX_TEST_FAULT="mark:/tmp/d@lock-busy"    create /tmp/d/lock-busy and go on
//   STACKFIX_TEST_FAULT="lock-wait=300"            wait 300 ms, not 10 s, for another run's lock
//
// Items are separated by commas. Points: lock-temp, lock-busy, start, journal, temp:N,
// written:N, commit, rename:N, renamed, done; recovery: recover, recover-rename:N,
// recover-restore:N.
import fs from 'node:fs';
import path from 'node:path';

interface Item {
  action: string;
  arg: string;
  point: string;
}

const spec = process.env.STACKFIX_TEST_FAULT ?? '';
const items: Item[] = spec
  .split(',')
  .filter((s) => s.includes('@'))
  .map((s) => {
    const at = s.lastIndexOf('@');
    const [action, ...arg] = s.slice(0, at).split(':');
    return { action: action!, arg: arg.join(':'), point: s.slice(at + 1) };
  });

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

function errno(code: string, point: string): NodeJS.ErrnoException {
  const messages: Record<string, string> = { ENOSPC: 'no space left on device', EIO: 'i/o error', EACCES: 'permission denied', EROFS: 'read-only file system' };
  const err = new Error(`${code}: ${messages[code] ?? 'error'} (injected at ${point})`) as NodeJS.ErrnoException;
  err.code = code;
  return err;
}

/** Runs the fault planned for `point`, if any. */
export function fault(point: string): void {
  if (items.length === 0) return;
  for (const it of items) {
    if (it.point !== point && it.point !== '*') continue;
    switch (it.action) {
      case 'kill':
        process.kill(process.pid, 'SIGKILL');
        sleep(10_000); // SIGKILL is delivered before this returns
        break;
      case 'delay':
        sleep(Number(it.arg));
        break;
      case 'mark':
        fs.writeFileSync(path.join(it.arg, point), String(process.pid));
        break;
      case 'pause': {
        fs.writeFileSync(path.join(it.arg, point), String(process.pid));
        const go = path.join(it.arg, 'go');
        for (let waited = 0; !fs.existsSync(go) && waited < 60_000; waited += 20) sleep(20);
        break;
      }
      default:
        throw errno(it.action.toUpperCase(), point);
    }
  }
}

/** How long to wait for another run's lock (10 s unless the hook says otherwise). */
export function lockWaitMs(): number {
  const m = /(?:^|,)lock-wait=(\d+)/.exec(spec);
  return m ? Number(m[1]) : 10_000;
}
