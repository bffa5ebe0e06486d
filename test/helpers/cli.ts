// What the end-to-end tests share: the built CLI run as a user runs it, and small projects
// written to a temporary folder.
import { type SpawnSyncReturns, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export const BIN = path.resolve('bin/stackfix');

/** The Python end-to-end checks compile what stackfix wrote; without python3 they are skipped. */
export const hasPython3 = spawnSync('python3', ['--version']).status === 0;

/** bin/stackfix with these arguments: no colour, a minute at most. */
export function runStackfix(args: string[], cwd?: string): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, [BIN, ...args], { ...(cwd ? { cwd } : {}), encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, timeout: 60_000 });
}

/** Writes each project-relative file, creating folders; returns the folder. */
export function writeTree(dir: string, files: Record<string, string>): string {
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), text);
  }
  return dir;
}
