// remove-lambda-reserved-env-var: `Reserved keys used in this request: AWS_REGION` /
// `AWS_REGION environment variable is reserved by the lambda runtime` -> delete the key from the
// environment of every Lambda function in the candidate files (CDK `environment: {...}`,
// `fn.addEnvironment('AWS_REGION', ...)`, Pulumi/CDKTF `environment: { variables: {...} }`, the
// Python forms). The runtime sets the key itself, so code that reads it keeps working; and a
// reserved key fails every function that sets it, so no function is left with one.
import type { Codemod, CodemodResult, Language } from '../../src/fix/contract.js';
import { reservedEnvTable, reservedKeys } from '../../src/data/lambda.js';

export interface FileOutcome {
  text?: string;
  removed: string[];
  /** Lambda functions seen (with an environment or not). */
  functions: number;
  /** Places the keys may come from that this fix does not rewrite (spreads, variables, **kwargs). */
  opaque: string[];
}

/** The keys to remove: the ones the error names, or every reserved key when it names none. */
export function keysFor(capture: string | string[] | undefined): string[] {
  const named = reservedKeys(capture);
  return named.length ? named : reservedEnvTable().reserved;
}

const codemod: Codemod = {
  id: 'remove-lambda-reserved-env-var',
  title: 'Remove a reserved key from a Lambda function environment',
  languages: ['typescript', 'python'],

  prefilter(text, captures) {
    // Once fixed, the key may be gone from the file: a Lambda environment still reaches the transform.
    return keysFor(captures.keys).some((k) => text.includes(k)) || /\benvironment\b|add_?[eE]nvironment/.test(text);
  },

  async run(language: Language, ctx): Promise<CodemodResult> {
    const keys = keysFor(ctx.captures.keys);
    const transform =
      language === 'python' ? (await import('./python.js')).transformPython : (await import('./typescript.js')).transformTypeScript;
    const edits: Record<string, string> = {};
    const removed: string[] = [];
    const opaque: string[] = [];
    const failed: string[] = [];
    let functions = 0;
    for (const file of ctx.files) {
      let out: FileOutcome;
      try {
        out = await transform(file.path, file.text, keys);
      } catch (err) {
        failed.push(`${file.path}: could not parse (${(err as Error).message.split('\n')[0]})`);
        continue;
      }
      functions += out.functions;
      removed.push(...out.removed);
      opaque.push(...out.opaque);
      if (out.text !== undefined && out.text !== file.text) edits[file.path] = out.text;
    }
    const files = Object.keys(edits);
    if (files.length) {
      const note = opaque.length ? `; check by hand: ${opaque.join(', ')}` : '';
      return {
        status: 'proposed',
        reason: `removed ${removed.join(', ')} (${files.join(', ')}): Lambda sets ${[...new Set(removed.map((r) => r.split(' ')[0]))].join(', ')} itself${note}`,
        edits,
      };
    }
    if (opaque.length) {
      return { status: 'refused', reason: `the environment is built where this fix does not rewrite it: ${opaque.join(', ')}; remove ${keys.length > 3 ? 'the reserved key' : keys.join(', ')} there`, edits: {} };
    }
    if (functions) return { status: 'already-fixed', reason: `no Lambda function environment in the candidate files sets ${keys.length > 3 ? 'a reserved key' : keys.join(', ')}`, edits: {} };
    const why = failed.length ? ` (${failed.join('; ')})` : '';
    return { status: 'not-found', reason: `no Lambda function with an environment in the candidate files${why}`, edits: {} };
  },
};

export default codemod;
