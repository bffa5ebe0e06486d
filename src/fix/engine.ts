// fix + review: run a finding's codemod over the candidate files and accept its edits only
// when every patched file re-parses, the files it touches parsed before, and the codemod
// applied again changes nothing (idempotence). Accepted edits go into an overlay, so a later
// finding's codemod sees the project as the earlier fixes left it.
//
// Codemods see each file as LF text without a byte-order mark: a file written with CRLF
// throughout (or with a BOM) gets both back on the lines the codemod wrote, so an edit never
// mixes line endings and never touches a line it did not mean to.
import type { Finding } from '../classify/index.js';
import type { FixStatus } from '../types.js';
import type { Codemod, CodemodContext, CodemodResult, Language, SourceFile } from './contract.js';
import type { Project } from '../locate/project.js';

export interface FixOutcome {
  codemod: string;
  status: FixStatus;
  reason?: string;
  files: string[];
  patch?: string;
  /** New texts by project-relative path (proposed fixes only). */
  edits: Record<string, string>;
  /** The texts the edits were computed from, to refuse writing over a file changed since. */
  originals: Record<string, string>;
}

const LANGUAGE_NAME: Record<Language, string> = { typescript: 'TypeScript/JavaScript', python: 'Python' };
const BOM = '\uFEFF';

/** How a file's text is shown to codemods, and how to turn their output back. */
function view(raw: string): { text: string; restore(text: string): string } {
  const bom = raw.startsWith(BOM);
  let text = bom ? raw.slice(1) : raw;
  const lf = (text.match(/\n/g) ?? []).length;
  const crlf = lf > 0 && (text.match(/\r\n/g) ?? []).length === lf;
  if (crlf) text = text.replace(/\r\n/g, '\n');
  return {
    text,
    restore: (t) => (bom ? BOM : '') + (crlf ? t.replace(/\r?\n/g, '\r\n') : t),
  };
}

interface Candidate {
  language: Language;
  file: SourceFile;
}

export class FixEngine {
  /** Texts already changed by earlier fixes in this run. */
  readonly overlay = new Map<string, string>();

  constructor(private readonly project: Project) {}

  private text(rel: string): string | undefined {
    return this.overlay.get(rel) ?? this.project.read(rel);
  }

  private context(finding: Finding, language: Language, prefilter: (text: string) => boolean, skipped?: string[]): CodemodContext {
    const files: SourceFile[] = [];
    for (const rel of this.project.files(language)) {
      const raw = this.text(rel);
      if (raw === undefined) {
        // A file stackfix may not edit (not UTF-8) is named when it looks related.
        const problem = this.project.problem(rel);
        const loose = problem ? this.project.readLoosely(rel) : undefined;
        if (problem && loose !== undefined && prefilter(loose)) skipped?.push(`${rel} ${problem}; left untouched`);
        continue;
      }
      const text = view(raw).text;
      if (prefilter(text)) files.push({ path: rel, text });
    }
    const location = finding.location ? this.project.mapPath(finding.location.file) : undefined;
    const locations = (finding.locations ?? []).flatMap((l) => {
      const file = this.project.mapPath(l.file);
      return file ? [{ file, line: l.line }] : [];
    });
    return {
      projectRoot: this.project.root,
      captures: finding.captures,
      resources: finding.resources,
      ...(location && finding.location ? { location: { file: location, line: finding.location.line } } : {}),
      ...(locations.length > 1 ? { locations } : {}),
      files,
      readFile: (rel, maxBytes) => {
        const raw = this.overlay.get(rel) ?? this.project.read(rel, maxBytes);
        return raw === undefined ? undefined : view(raw).text;
      },
      listFiles: (lang) => this.project.files(lang),
    };
  }

  /** Runs the codemod and maps its output back onto each file's line endings and BOM. */
  private async runCodemod(codemod: Codemod, language: Language, ctx: CodemodContext): Promise<CodemodResult> {
    let result: CodemodResult;
    try {
      result = await codemod.run(language, ctx);
    } catch (err) {
      return { status: 'refused', reason: `the codemod failed: ${(err as Error).message.split('\n')[0]}`, edits: {} };
    }
    const edits: Record<string, string> = {};
    for (const [rel, text] of Object.entries(result.edits)) {
      const raw = this.text(rel);
      edits[rel] = raw === undefined ? text : view(raw).restore(text);
    }
    return { ...result, edits };
  }

  async run(found: Finding): Promise<FixOutcome | undefined> {
    const sigFix = found.signature.fix;
    if (!('codemod' in sigFix)) return undefined;
    // The signature's args fill in what the message left out; what the log said wins.
    const finding: Finding = { ...found, captures: { ...sigFix.args, ...found.captures } };
    const id = sigFix.codemod;
    const none = (status: FixStatus, reason: string): FixOutcome => ({ codemod: id, status, reason, files: [], edits: {}, originals: {} });
    const { loadCodemod } = await import('../../codemods/index.js');
    const codemod = await loadCodemod(id);
    if (!codemod) return none('refused', `codemod '${id}' is not installed`);

    // The file the log itself points at (a traceback's frame) is where the fix belongs: when
    // stackfix may not edit it, say so rather than report what other files look like.
    const located = finding.location ? this.project.mapPath(finding.location.file) : undefined;
    const locatedProblem = located ? this.project.problem(located) : undefined;
    if (located && locatedProblem) {
      return none('refused', `${located} ${locatedProblem}; the log points at its line ${finding.location!.line}; left untouched`);
    }

    const results: Array<{ language: Language; result: CodemodResult }> = [];
    const candidates: Candidate[] = [];
    const skipped: string[] = [];
    for (const language of codemod.languages) {
      const ctx = this.context(finding, language, (t) => codemod.prefilter(t, finding.captures), skipped);
      for (const file of ctx.files) candidates.push({ language, file });
      if (ctx.files.length === 0) continue;
      let result = await this.runCodemod(codemod, language, ctx);
      if (result.status === 'proposed') result = await this.review(id, codemod, language, finding, result);
      results.push({ language, result });
    }
    if (candidates.length === 0 && skipped.length === 0) {
      const langs = codemod.languages.map((l) => LANGUAGE_NAME[l]).join(' or ');
      return none('not-found', `no ${langs} source file in ${this.project.root} looks related (searched ${codemod.languages.map((l) => this.project.files(l).length).reduce((a, b) => a + b, 0)} files)`);
    }
    const proposed = results.filter((r) => r.result.status === 'proposed');
    if (proposed.length) {
      const edits: Record<string, string> = {};
      const originals: Record<string, string> = {};
      for (const r of proposed) {
        for (const [rel, text] of Object.entries(r.result.edits)) {
          originals[rel] = this.text(rel) ?? '';
          edits[rel] = text;
        }
      }
      for (const [rel, text] of Object.entries(edits)) this.overlay.set(rel, text);
      const { filePatch } = await import('../review/patch.js');
      const files = Object.keys(edits).sort();
      const reason = [...proposed.map((r) => r.result.reason).filter(Boolean), ...skipped.map((s) => `not changed: ${s}`)].join('; ');
      return {
        codemod: id,
        status: 'proposed',
        reason: reason || undefined,
        files,
        patch: files.map((rel) => filePatch(rel, originals[rel]!, edits[rel]!)).join(''),
        edits,
        originals,
      };
    }
    // Nothing proposed: a candidate that does not parse, or one stackfix may not edit, may be
    // where the fix belonged. Parsed only now, so a successful run never pays for it.
    if (!results.some((r) => r.result.status === 'already-fixed')) {
      const blocked = [...skipped, ...(await this.unparsable(candidates))];
      if (blocked.length) {
        const first = results.find((r) => r.result.status === 'refused') ?? results[0];
        // The codemod's own reason, unless it only says the same thing again.
        const detail = first?.result.reason && !/syntax error|not UTF-8/.test(first.result.reason) ? ` (${first.result.reason})` : '';
        return none('refused', `${blocked.join('; ')}${detail}`);
      }
    }
    // Most informative status first: a refusal explains more than not-found.
    for (const status of ['refused', 'already-fixed', 'not-found'] as const) {
      const r = results.find((x) => x.result.status === status);
      if (r) return none(status, r.result.reason ?? status);
    }
    return none('not-found', 'nothing to change');
  }

  /** 'lib/x.ts has a syntax error at line 3: ...; left untouched' for each candidate that does not parse. */
  private async unparsable(candidates: Candidate[]): Promise<string[]> {
    if (candidates.length === 0) return [];
    const { syntaxProblems } = await import('../review/parse-check.js');
    const out: string[] = [];
    for (const { language, file } of candidates) {
      const problems = await syntaxProblems(language, file.path, file.text);
      if (problems.length) out.push(`${file.path} has a syntax error at line ${problems[0]!.line}: ${problems[0]!.message}; left untouched, fix it and run stackfix again`);
    }
    return out;
  }

  private async review(id: string, codemod: Codemod, language: Language, finding: Finding, result: CodemodResult): Promise<CodemodResult> {
    const { syntaxProblems } = await import('../review/parse-check.js');
    const refuse = (reason: string): CodemodResult => ({ status: 'refused', reason, edits: {} });
    for (const [rel, text] of Object.entries(result.edits)) {
      if (!this.project.resolve(rel)) return refuse(`${id} tried to edit ${rel}, outside the project`);
      const before = this.text(rel);
      if (before === undefined) return refuse(`${id} tried to edit ${rel}, which does not exist`);
      const already = await syntaxProblems(language, rel, before);
      if (already.length) return refuse(`${rel} has a syntax error already (line ${already[0]!.line}: ${already[0]!.message}); left untouched`);
      const after = await syntaxProblems(language, rel, text);
      if (after.length) return refuse(`the patched ${rel} would not parse (line ${after[0]!.line}: ${after[0]!.message}); no patch emitted`);
    }
    // Idempotence: the codemod run over its own output must find nothing more to do.
    const saved = new Map(this.overlay);
    for (const [rel, text] of Object.entries(result.edits)) this.overlay.set(rel, text);
    try {
      const again = await this.runCodemod(codemod, language, this.context(finding, language, (t) => codemod.prefilter(t, finding.captures)));
      const changes = Object.entries(again.edits).filter(([rel, text]) => this.text(rel) !== text);
      if (again.status === 'proposed' && changes.length) {
        return refuse(`${id} would change ${changes.map(([r]) => r).join(', ')} again when re-run; not safe to apply`);
      }
    } finally {
      this.overlay.clear();
      for (const [k, v] of saved) this.overlay.set(k, v);
    }
    return result;
  }
}
