// Types for projects-lib.js, which test/projects.test.ts imports.
export declare const PROJECTS: string;
export type Verdict = 'correct' | 'wrong' | 'broken' | 'refused' | 'not-found' | 'missed' | 'error';
export declare function listCases(): string[];
export declare function judgeCase(name: string, bin: string): { verdict: Verdict; problems: string[]; statuses: Record<string, string> };
