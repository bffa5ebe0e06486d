// --output FORMAT=FILE: a report file is written to a temp file beside it and renamed over the
// target, so a reader (an upload step, a concurrent job) never sees half a report.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { UserError } from '../errors.js';

/** Fails early, before the run, on a target whose folder does not exist or is a directory. */
export function checkTarget(file: string): void {
  const dir = path.dirname(path.resolve(file));
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) throw new UserError(`--output ${file}: folder ${dir} does not exist`);
  if (fs.existsSync(file) && fs.statSync(file).isDirectory()) throw new UserError(`--output ${file}: is a directory`);
}

export function writeFileAtomic(file: string, text: string): void {
  const abs = path.resolve(file);
  const tmp = path.join(path.dirname(abs), `.${path.basename(abs)}.stackfix-${crypto.randomBytes(4).toString('hex')}.tmp`);
  try {
    fs.writeFileSync(tmp, text, { flag: 'wx' });
    fs.renameSync(tmp, abs);
  } catch (err) {
    fs.rmSync(tmp, { force: true });
    throw new UserError(`--output ${file}: could not write it (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
  }
}
