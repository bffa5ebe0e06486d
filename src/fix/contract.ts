// The contract every codemod in codemods/<id>/ implements. The engine (src/fix/engine.ts)
// hands a codemod the candidate source files of the project plus the finding's captures
// and resource hints; the codemod answers with whole-file replacement texts or a status.
import type { Captures, ResourceHint } from '../types.js';

export type Language = 'typescript' | 'python';

export interface SourceFile {
  /** Path relative to the project root, with forward slashes. */
  path: string;
  text: string;
}

export interface CodemodContext {
  projectRoot: string;
  captures: Captures;
  /** The failing resources named by the log (one per occurrence, deduplicated). */
  resources: ResourceHint[];
  /**
   * Where the log itself says the failure is (a traceback's innermost frame in the user's code,
   * Terraform's `on file line`), mapped onto a project-relative path. Absent when the log names
   * no source location or no project file matches it.
   */
  location?: { file: string; line: number };
  /**
   * Every location the log names for this one cause (the first is `location`), mapped the same
   * way: a compiler reports the same error at each place it occurs. Codemods that fix at the
   * reported line fix them all; the others read `location`.
   */
  locations?: Array<{ file: string; line: number }>;
  /** Candidate files (already passed the codemod's text prefilter), in the given language. */
  files: SourceFile[];
  /**
   * Reads any other project file (relative path) when a fix needs to follow an import, or an
   * installed library (node_modules, a virtualenv's site-packages). Files over maxBytes
   * (default 1 MiB) and files that are not UTF-8 read as undefined.
   */
  readFile(path: string, maxBytes?: number): string | undefined;
  /** Lists project files of a language, for codemods that resolve across files. */
  listFiles(language: Language): string[];
}

export interface CodemodResult {
  status: 'proposed' | 'already-fixed' | 'not-found' | 'refused';
  /** Why: shown to the user for every status but 'proposed'; for 'proposed' a one-line summary. */
  reason?: string;
  /** New full texts of the files it changed, by relative path. Empty unless status is 'proposed'. */
  edits: Record<string, string>;
}

export interface Codemod {
  id: string;
  title: string;
  languages: Language[];
  /**
   * Cheap text test run before any parse: a file that returns false is never parsed.
   * Keep it loose; the structural query decides.
   */
  prefilter(text: string, captures: Captures): boolean;
  /** Runs the fix for one language. Must never throw on odd code: refuse instead. */
  run(language: Language, ctx: CodemodContext): Promise<CodemodResult>;
}
