// Python transform: placeholder until it is written.
import type { CodemodContext, CodemodResult } from '../../src/fix/contract.js';

export async function run(_ctx: CodemodContext): Promise<CodemodResult> {
  return { status: 'not-found', reason: 'the Python transform is not written yet', edits: {} };
}
