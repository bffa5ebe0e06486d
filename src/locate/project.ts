// locate: the project's source files, found once per run and read lazily. Reads never leave
// the project root (resolved through symlinks), and generated or vendored folders are skipped.
import fs from 'node:fs';
import path from 'node:path';
import { UserError } from '../errors.js';
import type { Language } from '../fix/contract.js';

const SKIP_DIRS = new Set([
  'node_modules', 'cdk.out', 'cdktf.out', 'dist', 'build', 'coverage', 'venv',
  '__pycache__', 'site-packages', '.git', '.venv', '.terraform', '.pulumi', '.mypy_cache', '.pytest_cache', '.tox',
]);
/** `typescript` covers JavaScript too: Pulumi programs and CDK apps are written in both, and one parser reads both. */
const EXTENSIONS: Record<Language, RegExp> = {
  typescript: /\.(?:[cm]?ts|tsx|[cm]?js|jsx)$/,
  python: /\.py$/,
};
/** Bundles and minified output, never written by hand. */
const MINIFIED = /[.-]min\.[cm]?js$|\.bundle\.[cm]?js$/;
/** Source files larger than this are generated, not written by hand. */
const MAX_SOURCE_BYTES = 1024 * 1024;
const MAX_FILES = 50_000;
const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

interface CacheEntry {
  text?: string;
  size: number;
  /** The maxBytes it was read with. */
  limit: number;
  problem?: string;
}

/** ' (declares latin-1)' from a PEP 263 coding line in the first two lines, if any. */
function declaredEncoding(bytes: Buffer): string {
  const head = bytes.subarray(0, 400).toString('latin1').split('\n').slice(0, 2).join('\n');
  const m = /^[ \t\f]*#.*?coding[:=][ \t]*([-\w.]+)/m.exec(head);
  return m ? ` (declares ${m[1]})` : '';
}

/**
 * A `.js` next to the `.ts` it was compiled from (`cdk init`'s tsconfig emits beside the
 * sources): the TypeScript is the source; fixing both would patch build output.
 */
function compiledFromTypeScript(file: string, present: Set<string>): boolean {
  const m = /^(.*)\.([cm]?)jsx?$/.exec(file);
  if (!m) return false;
  const [, stem, flavour] = m;
  return present.has(`${stem}.${flavour}ts`) || present.has(`${stem}.tsx`);
}

export class Project {
  readonly root: string;
  private listing: string[] | undefined;
  private readonly cache = new Map<string, CacheEntry>();

  constructor(dir: string) {
    let st: fs.Stats;
    try {
      st = fs.statSync(dir);
    } catch {
      throw new UserError(`--project ${dir}: no such directory`);
    }
    if (!st.isDirectory()) throw new UserError(`--project ${dir}: is not a directory`);
    this.root = fs.realpathSync(dir);
  }

  /** Absolute path of a project-relative path, or undefined if it would leave the project. */
  resolve(rel: string): string | undefined {
    const abs = path.resolve(this.root, rel);
    const inside = (p: string) => p === this.root || p.startsWith(this.root + path.sep);
    if (!inside(abs)) return undefined;
    try {
      const real = fs.realpathSync(abs);
      return inside(real) ? abs : undefined;
    } catch {
      // Not existing yet: the parent must be inside.
      return inside(path.dirname(abs)) ? abs : undefined;
    }
  }

  /**
   * A project file's text, or undefined when it is missing, outside the project, larger than
   * maxBytes (hand-written sources are small; installed libraries may ask for more) or not
   * UTF-8 (see problem()). UTF-8 is decoded strictly so that an edit never rewrites bytes the
   * decoder replaced; a byte-order mark is kept in the text.
   */
  read(rel: string, maxBytes = MAX_SOURCE_BYTES): string | undefined {
    const cached = this.cache.get(rel);
    // Re-read only a file an earlier, smaller limit skipped.
    const skippedForSize = cached && cached.text === undefined && !cached.problem && cached.size > cached.limit;
    if (cached && !(skippedForSize && maxBytes > cached.limit)) return cached.size <= maxBytes ? cached.text : undefined;
    const entry: CacheEntry = { size: 0, limit: maxBytes };
    const abs = this.resolve(rel);
    if (abs) {
      try {
        const st = fs.statSync(abs);
        entry.size = st.size;
        if (st.isFile() && st.size <= maxBytes) {
          const bytes = fs.readFileSync(abs);
          try {
            entry.text = UTF8.decode(bytes);
          } catch {
            entry.problem = `is not UTF-8${declaredEncoding(bytes)}`;
          }
        }
      } catch {
        entry.text = undefined;
      }
    }
    this.cache.set(rel, entry);
    return entry.size <= maxBytes ? entry.text : undefined;
  }

  /** Why a file that exists cannot be edited as text ('is not UTF-8 ...'), if it cannot. */
  problem(rel: string): string | undefined {
    this.read(rel);
    return this.cache.get(rel)?.problem;
  }

  /** The raw bytes decoded loosely (latin-1), only to let a prefilter see a file read() refuses. */
  readLoosely(rel: string): string | undefined {
    const abs = this.resolve(rel);
    if (!abs) return undefined;
    try {
      return fs.readFileSync(abs).toString('latin1');
    } catch {
      return undefined;
    }
  }

  private walk(): string[] {
    if (this.listing) return this.listing;
    const out: string[] = [];
    const stack = [''];
    while (stack.length && out.length < MAX_FILES) {
      const rel = stack.pop()!;
      let entries: fs.Dirent[];
      try {
        entries = fs.readdirSync(path.join(this.root, rel), { withFileTypes: true });
      } catch {
        continue;
      }
      entries.sort((a, b) => (a.name < b.name ? 1 : -1));
      for (const e of entries) {
        const child = rel ? `${rel}/${e.name}` : e.name;
        if (e.isDirectory()) {
          if (!SKIP_DIRS.has(e.name) && !e.name.startsWith('.')) stack.push(child);
        } else if (e.isFile()) out.push(child);
      }
    }
    this.listing = out.sort();
    return this.listing;
  }

  files(language: Language): string[] {
    const re = EXTENSIONS[language];
    const all = this.walk();
    const present = new Set(all);
    const outDirs = this.compilerOutDirs(all);
    const built = (f: string) => /\.(?:[cm]?js|jsx)$/.test(f) && outDirs.some((d) => f.startsWith(`${d}/`));
    return all.filter((f) => re.test(f) && !/\.d\.[cm]?ts$/.test(f) && !MINIFIED.test(f) && !compiledFromTypeScript(f, present) && !built(f));
  }

  /**
   * The `outDir` of each tsconfig.json in the project (Pulumi's TypeScript template compiles to
   * `bin/`): JavaScript there is build output. Read as text, comments and all: only the one
   * string matters.
   */
  private compilerOutDirs(all: string[]): string[] {
    const dirs: string[] = [];
    for (const f of all) {
      if (!/(?:^|\/)tsconfig(?:\.[\w-]+)?\.json$/.test(f)) continue;
      const m = /"outDir"\s*:\s*"([^"\n]+)"/.exec(this.read(f, 256 * 1024) ?? '');
      if (!m) continue;
      const base = f.includes('/') ? f.slice(0, f.lastIndexOf('/')) : '';
      const dir = path.posix.normalize(path.posix.join(base, m[1]!)).replace(/\/+$/, '');
      if (dir && dir !== '.' && !dir.startsWith('..')) dirs.push(dir);
    }
    return dirs;
  }

  /**
   * Maps a path printed in a log (often absolute, from another machine) onto the project:
   * as given if it is inside, else the project file whose whole path is the longest suffix of
   * it (`/home/runner/work/app/app/lib/stack.py` -> `lib/stack.py`). A partial match (only the
   * last parts agree) counts when it shares two or more parts, or the file name is unique.
   */
  mapPath(printed: string): string | undefined {
    const norm = path.posix.normalize(printed.replace(/\\/g, '/'));
    if (path.isAbsolute(norm) && norm.startsWith(this.root + '/')) return norm.slice(this.root.length + 1);
    if (!path.isAbsolute(norm) && !norm.startsWith('../') && this.read(norm) !== undefined) return norm;
    const parts = norm.split('/').filter(Boolean);
    let full: { file: string; n: number } | undefined;
    let partial: { file: string; n: number } | undefined;
    let sameName = 0;
    for (const f of this.walk()) {
      const fp = f.split('/');
      let n = 0;
      while (n < fp.length && n < parts.length && fp[fp.length - 1 - n] === parts[parts.length - 1 - n]) n++;
      if (n === 0) continue;
      sameName++;
      if (n === fp.length) {
        if (!full || n > full.n) full = { file: f, n };
      } else if (!partial || n > partial.n) partial = { file: f, n };
    }
    if (full) return full.file;
    if (partial && (partial.n >= 2 || sameName === 1)) return partial.file;
    return undefined;
  }
}
