// Types for projects-lib.js, which test/projects.test.ts imports.
export declare const PROJECTS: string;
export type Verdict = 'correct' | 'wrong' | 'broken' | 'refused' | 'not-found' | 'missed' | 'error';
export declare function listCases(): string[];
export declare function judgeCase(name: string, bin: string): { verdict: Verdict; problems: string[]; statuses: Record<string, string> };
export interface CaseSpec {
  description: string;
  logs: string[];
  expect: Record<string, string>;
  /** Written without reading the fixes: counted apart by `npm run projects`. */
  heldOut?: boolean;
  /** A failure on record: skipped by the test, still judged by `npm run projects`. */
  known?: string;
}
export declare function readCase(name: string): CaseSpec;
