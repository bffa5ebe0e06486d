// What the CI formats share: each finding's fix as whole-line replacements of the files as they
// are on disk (the pull request's head), its place in the source or, without one, in the log, and
// paths in the three frames the consumers use (project root, working directory, URI).
//
// A finding's own edit is computed on the text earlier fixes of the same run left, so its line
// numbers are mapped back onto the file on disk through the lines those fixes did not touch. A
// change that lands on a line an earlier fix rewrote cannot be shown on its own and is left out
// of the regions (the combined patch still has it).
import fs from 'node:fs';
import path from 'node:path';
import { diffLines, structuredPatch } from 'diff';
import type { Report, ReportFinding } from './model.js';
import type { FileChange, RunDetails } from '../run.js';

export { fence } from '../redact/markdown.js';

/** Replace lines startLine..endLine (1-based, inclusive, at least one line) of `file` by `lines`. */
export interface Region {
  /** Project-relative path, forward slashes. */
  file: string;
  startLine: number;
  endLine: number;
  /** The lines replaced, as on disk. */
  old: string[];
  /** The replacement lines (empty: delete the range). */
  lines: string[];
  /** Number of lines of the file on disk. */
  fileLines: number;
}

export interface FindingView {
  index: number;
  finding: ReportFinding;
  fingerprint: string;
  regions: Region[];
  /** Where the finding is shown (annotations, SARIF): a line its fix changes, not an added import. */
  primary?: Region;
  /** Without a fix: the source location the log names, when it is a file of the project. */
  place?: { file: string; line: number };
  /** The evidence line of the log, or undefined when the log came from stdin. */
  log?: { source: string; line: number };
}

export interface CiContext {
  report: Report;
  details: RunDetails;
  /** Directory paths for annotations and reviewdog are relative to (the repository root in CI). */
  cwd: string;
}

const splitLines = (text: string): string[] => {
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines.map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l));
};

/** Maps line numbers of `after` onto `before` for the lines a diff leaves unchanged. */
function lineMap(before: string, after: string): Map<number, number> {
  const map = new Map<number, number>();
  let b = 1;
  let a = 1;
  for (const part of diffLines(before, after)) {
    const n = part.count ?? 0;
    if (part.added) a += n;
    else if (part.removed) b += n;
    else {
      for (let i = 0; i < n; i++) map.set(a + i, b + i);
      a += n;
      b += n;
    }
  }
  return map;
}

/** The whole-line regions of one edit, in the coordinates of `change.before`. */
function editRegions(change: FileChange): Array<Omit<Region, 'fileLines'>> {
  const old = splitLines(change.before);
  const out: Array<Omit<Region, 'fileLines'>> = [];
  for (const h of structuredPatch('a', 'b', change.before, change.after, undefined, undefined, { context: 0 }).hunks) {
    const removed = h.lines.filter((l) => l.startsWith('-')).map((l) => l.slice(1).replace(/\r$/, ''));
    const added = h.lines.filter((l) => l.startsWith('+')).map((l) => l.slice(1).replace(/\r$/, ''));
    if (h.oldLines > 0) {
      out.push({ file: change.rel, startLine: h.oldStart, endLine: h.oldStart + h.oldLines - 1, old: removed, lines: added });
    } else if (h.oldStart > 1) {
      // A pure insertion before line oldStart: shown as the line above plus the new lines.
      const above = h.oldStart - 1;
      out.push({ file: change.rel, startLine: above, endLine: above, old: [old[above - 1] ?? ''], lines: [old[above - 1] ?? '', ...added] });
    } else {
      out.push({ file: change.rel, startLine: 1, endLine: 1, old: [old[0] ?? ''], lines: [...added, old[0] ?? ''] });
    }
  }
  return out;
}

/**
 * A finding's own edit of one file, applied to the file as it is on disk (without the edits of
 * the fixes before it), or undefined when the edit rewrites a line an earlier fix changed.
 */
export function rebaseChange(disk: string, change: FileChange): string | undefined {
  if (disk === change.before) return change.after;
  const map = lineMap(disk, change.before);
  const mapped: Array<Omit<Region, 'fileLines'>> = [];
  for (const r of editRegions(change)) {
    const start = map.get(r.startLine);
    if (start === undefined) return undefined;
    for (let l = r.startLine; l <= r.endLine; l++) if (map.get(l) !== start + (l - r.startLine)) return undefined;
    mapped.push({ ...r, startLine: start, endLine: start + (r.endLine - r.startLine) });
  }
  const lines = disk.split(/(?<=\n)/);
  const eol = disk.includes('\r\n') ? '\r\n' : '\n';
  for (const r of mapped.sort((a, b) => b.startLine - a.startLine)) {
    const atEnd = r.endLine === lines.length && !lines[lines.length - 1]!.endsWith('\n');
    lines.splice(r.startLine - 1, r.endLine - r.startLine + 1, ...r.lines.map((l, k) => l + (atEnd && k === r.lines.length - 1 ? '' : eol)));
  }
  return lines.join('');
}

/**
 * Maps a line number of `text` (a file as earlier fixes of the run left it) onto the file as it is
 * on disk: a line an earlier fix added maps to the nearest line above it that is on disk.
 */
export function lineOnDisk(disk: string, text: string): (line: number) => number {
  const map = lineMap(disk, text);
  return (line) => {
    for (let l = line; l >= 1; l--) {
      const d = map.get(l);
      if (d !== undefined) return d;
    }
    return 1;
  };
}

/** The region a finding is shown at: the first that is not only an import (the fix itself). */
export function primaryRegion(regions: Region[]): Region | undefined {
  return regions.find((r) => !importOnly(r)) ?? regions[0];
}

const IMPORT = /^\s*(?:import\b|from\s+[\w.]+\s+import\b|export\s+(?:\*|\{[^}]*\})\s+from\b|(?:const|let|var)\s+[\w${},\s]+=\s*require\()/;
/** Inside a multi-line import list: `  aws_iam as iam,`, `  Duration,`, the closing `)` or `} from 'x';`. */
const IMPORT_ITEM = /^\s*(?:[\w$]+(?:\s+as\s+[\w$]+)?,?|\)|\}\s*from\s+['"][^'"]+['"];?)\s*$/;

function importOnly(r: Region): boolean {
  const old = new Set(r.old);
  const changed = [...r.lines.filter((l) => !old.has(l)), ...r.old.filter((l) => !r.lines.includes(l))].filter((l) => l.trim());
  if (!changed.length) return false;
  const around = [...r.old, ...r.lines].filter((l) => l.trim() && !changed.includes(l));
  const inList = around.some((l) => IMPORT.test(l) || IMPORT_ITEM.test(l));
  return changed.every((l) => IMPORT.test(l) || (inList && IMPORT_ITEM.test(l)));
}

/** Each finding's fix as regions of the files on disk (see the file comment). */
export function findingRegions(details: Pick<RunDetails, 'changes' | 'files'>, index: number): Region[] {
  const out: Region[] = [];
  for (const change of details.changes[index] ?? []) {
    const disk = details.files.find((f) => f.rel === change.rel)?.before ?? change.before;
    const fileLines = splitLines(disk).length;
    const map = disk === change.before ? undefined : lineMap(disk, change.before);
    for (const r of editRegions(change)) {
      if (!map) {
        out.push({ ...r, fileLines });
        continue;
      }
      const start = map.get(r.startLine);
      const end = map.get(r.endLine);
      if (start === undefined || end === undefined || end - start !== r.endLine - r.startLine) continue;
      let contiguous = true;
      for (let l = r.startLine; l <= r.endLine; l++) if (map.get(l) !== start + (l - r.startLine)) contiguous = false;
      if (contiguous) out.push({ ...r, startLine: start, endLine: end, fileLines });
    }
  }
  return out;
}

export function views(ctx: CiContext): FindingView[] {
  return ctx.report.findings.map((finding, index) => {
    const ev = finding.occurrences[0];
    const regions = findingRegions(ctx.details, index);
    return {
      index,
      finding,
      fingerprint: ctx.details.fingerprints[index] ?? '',
      regions,
      primary: primaryRegion(regions),
      ...(regions.length ? {} : placeIn(ctx, finding)),
      ...(ev && ev.source !== '<stdin>' ? { log: { source: ev.source, line: ev.line } } : {}),
    };
  });
}

const slash = (p: string): string => p.split(path.sep).join('/');

/** The first occurrence's source location, if the report mapped it onto a file of the project. */
function placeIn(ctx: CiContext, finding: ReportFinding): { place?: { file: string; line: number } } {
  const at = finding.occurrences.find((o) => o.location)?.location;
  if (!at || path.isAbsolute(at.file) || at.file.startsWith('../') || !fs.existsSync(path.join(ctx.details.projectRoot, at.file))) return {};
  return { place: { file: at.file, line: at.line } };
}

function real(p: string): string {
  try {
    return fs.realpathSync(p);
  } catch {
    return path.resolve(p);
  }
}

/** A project-relative path as seen from the working directory. */
export function fromCwd(ctx: CiContext, rel: string): string {
  return slash(path.relative(real(ctx.cwd), path.join(ctx.details.projectRoot, rel))) || '.';
}

/** A log path (as given on the command line) as seen from the working directory. */
export function logFromCwd(ctx: CiContext, source: string): string {
  return slash(path.relative(real(ctx.cwd), real(path.resolve(ctx.cwd, source))));
}

/** A log path relative to the project root, or undefined when the log lies outside it. */
export function logFromProject(ctx: CiContext, source: string): string | undefined {
  const rel = path.relative(ctx.details.projectRoot, real(path.resolve(ctx.cwd, source)));
  return rel.startsWith('..') || path.isAbsolute(rel) ? undefined : slash(rel);
}

/** Errors before warnings, causes before restatements, fixable before manual: annotation order. */
export function byImportance(a: FindingView, b: FindingView): number {
  const rank = (v: FindingView) =>
    (v.finding.severity === 'error' ? 0 : 4) + (v.finding.rootCause ? 0 : 2) + (v.finding.fix?.status === 'proposed' || v.finding.fix?.status === 'applied' ? 0 : 1);
  return rank(a) - rank(b) || a.index - b.index;
}

/** The finding's patch without the `# stackfix ...` header lines. */
export function patchBody(f: ReportFinding): string | undefined {
  if (!f.fix?.patch) return undefined;
  return f.fix.patch
    .split('\n')
    .filter((l) => !l.startsWith('# '))
    .join('\n');
}

/** Prose with its hard line wraps joined; paragraph breaks kept. */
export function prose(text: string): string {
  return text.trim().replace(/([^\n])\n(?!\n)/g, '$1 ');
}
