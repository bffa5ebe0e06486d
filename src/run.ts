// The pipeline for one run: read -> parse -> classify -> locate -> fix -> review -> report/write.
import fs from 'node:fs';
import { Classifier, type Finding } from './classify/index.js';
import { UserError } from './errors.js';
import type { Signature } from './classify/catalogue.js';
import { parseLines } from './formats/index.js';
import { type InputStats, openInput, readLines } from './input/read.js';
import { Project } from './locate/project.js';
import type { Report, ReportFinding } from './report/model.js';

export interface RunOptions {
  logs: string[];
  project: string;
  fix: boolean;
  signatures: Signature[];
  version: string;
  /** Progress for slow stages (TTY only); never on stdout. */
  progress?: (text: string | undefined) => void;
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
  const optional = template.replace(/\[\[((?:(?!\]\])[\s\S])*)\]\]/g, (_all, inner: string) =>
    [...inner.matchAll(PLACEHOLDER)].every((m) => captures[m[1]!] !== undefined) ? inner : '',
  );
  return optional.replace(PLACEHOLDER, (_all, name: string) => {
    const v = captures[name];
    return v === undefined ? `(${name} not in the log)` : value(v);
  });
}

/** The finding's own title: the first headline whose captures the log gave, else the signature's title. */
export function headlineOf(sig: Signature, captures: Finding['captures']): string {
  for (const h of sig.headline ?? []) {
    const names = [...h.matchAll(PLACEHOLDER)].map((m) => m[1]!);
    if (!names.every((n) => captures[n] !== undefined)) continue;
    const text = h.replace(PLACEHOLDER, (_all, name: string) => value(captures[name]!).replace(/\s+/g, ' ').trim());
    return text.length > 160 ? `${text.slice(0, 159)}…` : text;
  }
  return sig.title;
}

export async function run(options: RunOptions): Promise<RunOutput> {
  // Fail on a bad --project before reading a possibly long log.
  const project = new Project(options.project);

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
              ev ? `evidence ${ev.source}:${ev.line}: ${ev.text.slice(0, 160)}` : 'evidence: (none)',
              `why: ${outcome.reason ?? sig.title}`,
            ]) + patch;
        }
        fix = { codemod: outcome.codemod, status: outcome.status, ...(outcome.reason ? { reason: outcome.reason } : {}), files: outcome.files, ...(patch ? { patch } : {}) };
      }
    }
    reportFindings.push({
      signature: sig.id,
      title: headlineOf(sig, f.captures),
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
  if (options.fix) {
    if (byFile.size) {
      const { writeAll } = await import('./write/atomic.js');
      writeAll(project, [...byFile.values()]);
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
