// The pipeline for one run: read -> parse -> classify -> locate -> fix -> review -> report/write.
import fs from 'node:fs';
import { Classifier, type Finding } from './classify/index.js';
import { UserError } from './errors.js';
import type { Signature } from './classify/catalogue.js';
import { parseLines } from './formats/index.js';
import { type InputStats, openInput, readLines } from './input/read.js';
import { Project } from './locate/project.js';
import { maskSecrets } from './redact/secrets.js';
import type { Report, ReportFinding } from './report/model.js';
import { recoverInterrupted } from './write/journal.js';

export interface RunOptions {
  logs: string[];
  project: string;
  fix: boolean;
  signatures: Signature[];
  version: string;
  /** Progress for slow stages (TTY only); never on stdout. */
  progress?: (text: string | undefined) => void;
  /** Notes on stderr (an interrupted --fix completed or rolled back); default: `stackfix: <text>` on stderr. */
  note?: (text: string) => void;
}

/** One file's text before and after a change, by project-relative path. */
export interface FileChange {
  rel: string;
  before: string;
  after: string;
}

export interface RunOutput {
  report: Report;
  /** What the CI formats and `stackfix suggest` need beyond the JSON report. */
  details: RunDetails;
}

export interface RunDetails {
  /** The project root the report's file paths are relative to. */
  projectRoot: string;
  /** Each report finding's fingerprint (signature + identifying captures), by index. */
  fingerprints: string[];
  /** Each report finding's own edits (proposed or applied), computed on the texts earlier fixes left. */
  changes: FileChange[][];
  /** Every changed file once: the text on disk before the run -> the text after all fixes. */
  files: FileChange[];
}

const PLACEHOLDER = /\{([a-zA-Z][a-zA-Z0-9]*)\}/g;
const value = (v: string | string[]): string => (Array.isArray(v) ? v.join(', ') : v);

/**
 * Fills {capture} placeholders. A `[[...]]` segment is kept only when the log gave every
 * capture it names (generic messages say what the log printed, and nothing about what it did not).
 */
export function fill(template: string, captures: Finding['captures']): string {
  const out: string[] = [];
  for (const line of template.split('\n')) {
    const optional = line.replace(/\[\[((?:(?!\]\])[^\n])*)\]\]/g, (_all, inner: string) =>
      [...inner.matchAll(PLACEHOLDER)].every((m) => captures[m[1]!] !== undefined) ? inner : '',
    );
    const filled = optional
      .replace(PLACEHOLDER, (_all, name: string) => {
        const v = captures[name];
        return v === undefined ? `(${name} not in the log)` : value(v);
      })
      .trimEnd();
    // A line made only of segments the log gave nothing for is left out.
    if (filled || !line.trim()) out.push(filled);
  }
  return out.join('\n');
}

/** The finding's own title: the first headline whose captures the log gave, else the signature's title. */
export function headlineOf(sig: Signature, found: Finding['captures'], occurrences: Finding['occurrences'] = []): string {
  // {resource} and {resourceType}: the failing resource the log names.
  const named = occurrences.find((o) => o.resource);
  const captures: Finding['captures'] = {
    ...(named?.resource ? { resource: named.resource } : {}),
    ...(named?.resourceType ? { resourceType: named.resourceType } : {}),
    ...found,
  };
  for (const h of sig.headline ?? []) {
    const names = [...h.matchAll(PLACEHOLDER)].map((m) => m[1]!);
    if (!names.every((n) => captures[n] !== undefined)) continue;
    const text = h.replace(PLACEHOLDER, (_all, name: string) => value(captures[name]!).replace(/\s+/g, ' ').trim());
    return text.length > 160 ? `${text.slice(0, 159)}…` : text;
  }
  return sig.title;
}

/**
 * A codemod works on the text the earlier fixes of the run left, so its patch and the lines its
 * reason names (`lib/stack.ts:62`) count lines that are not on disk yet. Each finding's patch is
 * made again against the file on disk with only its own edits (unless they rewrite a line an
 * earlier fix changed: then the patch stays as it was, on top of those fixes), and each
 * `file:line` in its reason is mapped onto the file on disk.
 */
async function rebaseOnDisk(findings: ReportFinding[], changes: FileChange[][], files: Map<string, FileChange>): Promise<void> {
  const { rebaseChange, lineOnDisk } = await import('./report/changes.js');
  const { filePatch } = await import('./review/patch.js');
  /** Each changed file as the fixes so far left it. */
  const current = new Map<string, string>();
  findings.forEach((f, i) => {
    const own = changes[i] ?? [];
    if (f.fix?.reason) {
      let reason = f.fix.reason;
      for (const [rel, text] of current) {
        const disk = files.get(rel)!.before;
        if (text === disk) continue;
        const toDisk = lineOnDisk(disk, text);
        const ref = new RegExp(`(?<![\\w./-])(${rel.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}):(\\d+)`, 'g');
        reason = reason.replace(ref, (_all, file: string, line: string) => `${file}:${toDisk(Number(line))}`);
      }
      f.fix.reason = reason;
    }
    if (f.fix?.patch && own.some((c) => files.get(c.rel)!.before !== c.before)) {
      const rebased = own.map((c) => ({ rel: c.rel, disk: files.get(c.rel)!.before, after: rebaseChange(files.get(c.rel)!.before, c) }));
      if (rebased.every((r) => r.after !== undefined)) {
        const header = f.fix.patch.split('\n').filter((l) => l.startsWith('# ')).map((l) => `${l}\n`).join('');
        f.fix.patch = header + rebased.map((r) => filePatch(r.rel, r.disk, r.after!)).join('');
      }
    }
    for (const c of own) current.set(c.rel, c.after);
  });
}

export async function run(options: RunOptions): Promise<RunOutput> {
  // Fail on a bad --project before reading a possibly long log.
  const project = new Project(options.project);
  // Before anything else: finish or undo a --fix in this project that was interrupted.
  const note = options.note ?? ((text: string) => void process.stderr.write(`stackfix: ${text}\n`));
  recoverInterrupted(project, { strict: options.fix, note });

  const classifier = new Classifier(options.signatures);
  const inputs: Report['inputs'] = [];
  const logs = options.logs.length ? options.logs : ['-'];
  if (logs.filter((l) => l === '-').length > 1) throw new UserError('stdin (-) can be given only once');
  for (const log of logs) {
    const { stream, source } = openInput(log);
    const stats: InputStats = { source, lines: 0, bytes: 0 };
    try {
      const { format } = await parseLines(readLines(stream, source, stats), (event) => classifier.add(event));
      inputs.push({ source, format, lines: stats.lines });
    } finally {
      if (stream !== process.stdin) (stream as fs.ReadStream).destroy();
    }
  }
  const { findings, unclassified } = classifier.result();

  // Synth output in the project (cdk.out, cdktf.out) turns the names the log printed into construct paths.
  const terraformAddress = /^(?:data\.)?[a-z][a-z0-9]*_[a-z0-9_]+\.[\w-]+(?:\[[^\]]*\])?$/;
  const logicalId = /^[A-Za-z][A-Za-z0-9]*$/;
  const unmapped = (id: string | undefined, re: RegExp) => id !== undefined && re.test(id);
  const wants = (re: RegExp) => findings.some((f) => f.resources.some((r) => !r.constructPath && unmapped(r.id, re)));
  if (wants(terraformAddress) || wants(logicalId)) {
    const { CdktfIndex, CdkOutIndex } = await import('./locate/synth-output.js');
    const indexes: Array<[RegExp, { constructPath(id: string): string | undefined } | undefined]> = [
      [terraformAddress, wants(terraformAddress) ? CdktfIndex.load(project.root) : undefined],
      [logicalId, wants(logicalId) ? CdkOutIndex.load(project.root) : undefined],
    ];
    for (const [re, index] of indexes) {
      if (!index) continue;
      for (const f of findings) {
        for (const r of f.resources) if (!r.constructPath && unmapped(r.id, re)) r.constructPath = index.constructPath(r.id!);
        for (const o of f.occurrences) if (!o.constructPath && unmapped(o.resource, re)) o.constructPath = index.constructPath(o.resource!);
      }
    }
  }

  // A location the log prints (often an absolute path on the CI runner) as the project's file.
  const places = new Map<string, string>();
  const placeOf = (file: string): string => {
    let rel = places.get(file);
    if (rel === undefined) places.set(file, (rel = project.mapPath(file) ?? file));
    return rel;
  };

  const needsFix = findings.some((f) => 'codemod' in f.signature.fix);
  const engine = needsFix ? new (await import('./fix/engine.js')).FixEngine(project) : undefined;
  const reportFindings: ReportFinding[] = [];
  const outcomes: Array<Awaited<ReturnType<NonNullable<typeof engine>['run']>>> = [];
  const changes: FileChange[][] = [];
  for (const f of findings) {
    const sig = f.signature;
    let explanation = fill(sig.message, f.captures).trim();
    if ('guidance' in sig.fix) explanation += `\n\nFix: ${fill(sig.fix.guidance, f.captures).trim()}`;
    let fix: ReportFinding['fix'] = null;
    let own: FileChange[] = [];
    if (engine && 'codemod' in sig.fix) {
      options.progress?.(`Fixing ${sig.id} with ${sig.fix.codemod}…`);
      const outcome = await engine.run(f);
      outcomes.push(outcome);
      if (outcome?.status === 'proposed') own = Object.keys(outcome.edits).sort().map((rel) => ({ rel, before: outcome.originals[rel]!, after: outcome.edits[rel]! }));
      if (outcome) {
        let patch = outcome.patch;
        if (patch) {
          const { patchHeader } = await import('./review/patch.js');
          const ev = f.occurrences[0];
          patch =
            patchHeader([
              `stackfix ${sig.id}: ${sig.title}`,
              // Masked before it is cut: a secret cut in half no longer looks like one.
              ev ? `evidence ${ev.source}:${ev.line}: ${maskSecrets(ev.text).slice(0, 160)}` : 'evidence: (none)',
              `why: ${outcome.reason ?? sig.title}`,
            ]) + patch;
        }
        fix = { codemod: outcome.codemod, status: outcome.status, ...(outcome.reason ? { reason: outcome.reason } : {}), files: outcome.files, ...(patch ? { patch } : {}) };
      }
    }
    reportFindings.push({
      signature: sig.id,
      title: headlineOf(sig, f.captures, f.occurrences),
      severity: sig.severity,
      kind: sig.kind,
      rootCause: f.rootCause,
      captures: f.captures,
      occurrences: f.occurrences.map((o) => ({
        source: o.source,
        line: o.line,
        text: o.text,
        ...(o.resource ? { resource: o.resource } : {}),
        ...(o.resourceType ? { resourceType: o.resourceType } : {}),
        ...(o.constructPath ? { constructPath: o.constructPath } : {}),
        ...(o.cascade ? { cascade: true } : {}),
        ...(o.location ? { location: { file: placeOf(o.location.file), line: o.location.line } } : {}),
      })),
      explanation,
      references: sig.references,
      fix,
    });
    changes.push(own);
  }
  options.progress?.(undefined);

  // Several fixes may touch one file: its final text, against the text on disk before the run.
  const byFile = new Map<string, FileChange>();
  for (const w of changes.flat()) {
    const prev = byFile.get(w.rel);
    byFile.set(w.rel, prev ? { rel: w.rel, before: prev.before, after: w.after } : w);
  }
  // Every location the report gives refers to the files as they are on disk before the run.
  if (byFile.size) await rebaseOnDisk(reportFindings, changes, byFile);
  if (options.fix) {
    if (byFile.size) {
      const { writeAll } = await import('./write/atomic.js');
      writeAll(project, [...byFile.values()], note);
      for (const rf of reportFindings) if (rf.fix?.status === 'proposed') rf.fix.status = 'applied';
    }
  }

  return {
    report: {
      version: 1,
      tool: { name: 'stackfix', version: options.version },
      inputs,
      findings: reportFindings,
      unclassified,
    },
    details: {
      projectRoot: project.root,
      fingerprints: findings.map((f) => f.fingerprint),
      changes,
      files: [...byFile.values()].sort((a, b) => (a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0)),
    },
  };
}
