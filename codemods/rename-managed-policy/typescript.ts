// TypeScript side: the policy name in `*.fromAwsManagedPolicyName('<name>')`, and ARN strings or
// templates ending in `:iam::aws:policy/<name>` anywhere (an ARN names its policy unambiguously).
// Only the name inside the literal changes; quotes, `${partition}` and everything else stay.
import { applyEdits, type Edit } from '../../src/fix/python/edits.js';
import type { FileOutcome, Rename } from './index.js';
import { parserFor } from '../shared/jscodeshift.js';

/* eslint-disable @typescript-eslint/no-explicit-any */
type AnyNode = any;

const ARN_TAIL = ':iam::aws:policy/';

export async function transformTypeScript(path: string, source: string, renames: Rename[]): Promise<FileOutcome> {
  const { default: jscodeshift } = await import('jscodeshift');
  const j = jscodeshift.withParser(parserFor(path));
  const root = j(source);
  const out: FileOutcome = { renamed: [], already: false };
  const edits: Edit[] = [];
  const line = (n: AnyNode) => `${path}:${n.loc?.start.line ?? '?'}`;
  const done = new Set<AnyNode>();

  const isName = (n: AnyNode) => n?.type === 'StringLiteral' || (n?.type === 'Literal' && typeof n.value === 'string');
  // `iam.ManagedPolicy.fromAwsManagedPolicyName('service-role/ConfigRole')`
  root.find(j.CallExpression).forEach((p) => {
    const call = p.node as AnyNode;
    const callee = call.callee;
    const method = callee?.type === 'MemberExpression' ? callee.property?.name : callee?.name;
    if (method !== 'fromAwsManagedPolicyName') return;
    const arg = call.arguments[0];
    if (!isName(arg)) return;
    done.add(arg);
    const hit = renames.find((r) => r.from === arg.value);
    if (renames.some((r) => r.to === arg.value)) out.already = true;
    if (!hit) return;
    edits.push({ start: arg.start + 1, end: arg.end - 1, text: hit.to });
    out.renamed.push(`${hit.from} -> ${hit.to} (${line(arg)})`);
  });

  // 'arn:aws:iam::aws:policy/AWSCodeDeployRole', `arn:${partition}:iam::aws:policy/AWSCodeDeployRole`
  const visit = (node: AnyNode, text: string, start: number) => {
    const at = text.lastIndexOf(ARN_TAIL);
    if (at < 0) return;
    const name = text.slice(at + ARN_TAIL.length);
    if (renames.some((r) => r.to === name)) out.already = true;
    const hit = renames.find((r) => r.from === name);
    if (!hit) return;
    edits.push({ start: start + at + ARN_TAIL.length, end: start + text.length, text: hit.to });
    out.renamed.push(`${hit.from} -> ${hit.to} (${line(node)})`);
  };
  root.find(j.Node).forEach((p) => {
    const n = p.node as AnyNode;
    if (done.has(n)) return;
    if (isName(n) && typeof n.extra?.raw === 'string' && n.extra.raw.length === n.value.length + 2 && /^arn:aws[a-z-]*:/.test(n.value)) {
      visit(n, n.value, n.start + 1);
    } else if (n.type === 'TemplateLiteral') {
      // Only the last chunk: `${...}` after the policy path means a computed name.
      const last = n.quasis.at(-1);
      const raw = last?.value?.raw;
      if (typeof raw === 'string' && (n.quasis.length === 1 ? /^arn:aws[a-z-]*:/.test(raw) : true)) visit(n, raw, last.start);
    }
  });

  if (edits.length) out.text = applyEdits(source, edits);
  return out;
}
