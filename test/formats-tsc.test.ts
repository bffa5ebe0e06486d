// The tsc recogniser: compiler diagnostics in tsc's plain and --pretty formats and ts-node's
// TSError framing become events whose message starts at `error TSnnnn:` and whose location is
// the file and line the compiler names; the code frame is not part of the message.
import { describe, expect, test } from '@jest/globals';
import { parseLines } from '../src/formats/index.js';
import type { Event, Line } from '../src/types.js';

async function events(text: string): Promise<Event[]> {
  const out: Event[] = [];
  async function* lines(): AsyncGenerator<Line> {
    let n = 0;
    for (const t of text.split('\n')) yield { source: 'build.log', lineNo: ++n, text: t };
  }
  await parseLines(lines(), (e) => out.push(e));
  return out;
}

describe('tsc diagnostics', () => {
  test('plain format: file(line,col), a chained message joined, the next diagnostic its own event', async () => {
    const evs = await events(
      [
        '> tsc --noEmit',
        "lib/kms-stack.ts(14,7): error TS2561: Object literal may only specify known properties, but 'keyPolicy' does not exist in type 'KeyProps'. Did you mean to write 'policy'?",
        "lib/api-stack.ts(22,9): error TS2353: Object literal may only specify known properties, and 'tracingEnabled' does not exist in type 'RestApiProps'.",
        "lib/api-stack.ts(40,5): error TS2322: Type 'number' is not assignable to type 'string'.",
        "  Type 'number' is not assignable to type 'string'.",
        'Found 3 errors in 2 files.',
      ].join('\n'),
    );
    const tsc = evs.filter((e) => e.location);
    expect(tsc.map((e) => [e.location, e.message.slice(0, 15)])).toEqual([
      [{ file: 'lib/kms-stack.ts', line: 14 }, 'error TS2561: O'],
      [{ file: 'lib/api-stack.ts', line: 22 }, 'error TS2353: O'],
      [{ file: 'lib/api-stack.ts', line: 40 }, 'error TS2322: T'],
    ]);
    expect(tsc[2]!.message).toBe("error TS2322: Type 'number' is not assignable to type 'string'. Type 'number' is not assignable to type 'string'.");
    expect(tsc.every((e) => e.severity === 'error' && e.tool === 'text')).toBe(true);
  });

  test('pretty format: file:line:col - error, the code frame is taken but not in the message', async () => {
    const evs = await events(
      [
        "index.ts:31:5 - error TS2561: Object literal may only specify known properties, but 'artifactStore' does not exist in type 'PipelineArgs'. Did you mean to write 'artifactStores'?",
        '',
        '31     artifactStore: {',
        '       ~~~~~~~~~~~~~',
        '',
        "node_modules/@pulumi/aws/codepipeline/pipeline.d.ts:300:5",
        '',
        'Found 1 error in index.ts:31',
      ].join('\n'),
    );
    const tsc = evs.filter((e) => e.location);
    expect(tsc).toHaveLength(1);
    expect(tsc[0]!.location).toEqual({ file: 'index.ts', line: 31 });
    expect(tsc[0]!.message).toBe("error TS2561: Object literal may only specify known properties, but 'artifactStore' does not exist in type 'PipelineArgs'. Did you mean to write 'artifactStores'?");
    expect(tsc[0]!.span).toMatchObject({ startLine: 1, endLine: 1 });
  });

  test("ts-node's TSError line (cdk synth) and Windows paths", async () => {
    const evs = await events(
      [
        'TSError: ⨯ Unable to compile TypeScript:',
        "bin\\app.ts(8,3): error TS2353: Object literal may only specify known properties, and 'environmentSuffix' does not exist in type 'StackProps'.",
      ].join('\n'),
    );
    const tsc = evs.filter((e) => e.location);
    expect(tsc.map((e) => e.location)).toEqual([{ file: 'bin\\app.ts', line: 8 }]);
  });

  test('not a diagnostic: a path in prose, a jest summary', async () => {
    const evs = await events(['see lib/stack.ts(12,5) for details', 'FAIL test/stack.test.ts (5.2 s)'].join('\n'));
    expect(evs.filter((e) => e.location)).toEqual([]);
  });
});
