// Whole projects, fixed end to end by the built CLI: see __testfixtures__/projects/README.md.
import { describe, expect, it } from '@jest/globals';
import { judgeCase, listCases } from '../scripts/projects-lib.js';
import { BIN } from './helpers/cli.js';

const cases = listCases();

describe('project fixtures', () => {
  it('has project fixtures', () => {
    expect(cases.length).toBeGreaterThan(0);
  });
  for (const name of cases) {
    it(name, () => {
      const { verdict, problems } = judgeCase(name, BIN);
      expect({ verdict, problems }).toEqual({ verdict: 'correct', problems: [] });
    }, 120_000);
  }
});
