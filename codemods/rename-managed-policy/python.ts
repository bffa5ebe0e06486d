// Python side: the policy name in `*.from_aws_managed_policy_name("<name>")`, and ARN strings or
// f-strings ending in `:iam::aws:policy/<name>` anywhere. Only the name inside the literal changes.
import type { Edit } from '../../src/fix/python/edits.js';
import type { Node } from '../../src/fix/python/parser.js';
import type { FileOutcome, Rename } from './index.js';

const ARN_TAIL = ':iam::aws:policy/';

export async function transformPython(path: string, source: string, renames: Rename[]): Promise<FileOutcome> {
  const [{ withPython }, syntax, { applyEdits }] = await Promise.all([
    import('../../src/fix/python/parser.js'),
    import('../../src/fix/python/syntax.js'),
    import('../../src/fix/python/edits.js'),
  ]);
  const { callArgs, field, findAll } = syntax;
  return withPython(path, source, (py): FileOutcome => {
    if (py.problems().length) throw new Error('syntax errors');
    const out: FileOutcome = { renamed: [], already: false };
    const edits: Edit[] = [];
    const line = (n: Node) => `${path}:${n.startPosition.row + 1}`;
    const done = new Set<number>();
    /** The last string_content chunk of a string (after any `{...}`), or undefined for `"...{x}"`. */
    const tail = (s: Node): Node | undefined => {
      const kids = s.namedChildren.filter((c): c is Node => !!c && c.type !== 'string_start' && c.type !== 'string_end');
      const last = kids.at(-1);
      return last?.type === 'string_content' ? last : undefined;
    };
    const plain = (s: Node) => s.namedChildren.every((c) => !c || c.type !== 'interpolation');

    for (const call of findAll(py.root, 'call')) {
      const fn = field(call, 'function');
      const method = fn?.type === 'attribute' ? field(fn, 'attribute')?.text : fn?.text;
      if (method !== 'from_aws_managed_policy_name') continue;
      const arg = callArgs(call)?.positional[0];
      if (arg?.type !== 'string' || !plain(arg)) continue;
      const content = tail(arg);
      if (!content) continue;
      done.add(arg.id);
      if (renames.some((r) => r.to === content.text)) out.already = true;
      const hit = renames.find((r) => r.from === content.text);
      if (!hit) continue;
      edits.push({ start: content.startIndex, end: content.endIndex, text: hit.to });
      out.renamed.push(`${hit.from} -> ${hit.to} (${line(arg)})`);
    }

    for (const s of findAll(py.root, 'string')) {
      if (done.has(s.id)) continue;
      const content = tail(s);
      if (!content) continue;
      const text = content.text;
      const at = text.lastIndexOf(ARN_TAIL);
      if (at < 0) continue;
      // A plain string must be a whole ARN; an f-string's last chunk ends one (`f"arn:{partition}:iam::aws:policy/..."`).
      if (plain(s) && !/^arn:aws[a-z-]*:/.test(text)) continue;
      const name = text.slice(at + ARN_TAIL.length);
      if (renames.some((r) => r.to === name)) out.already = true;
      const hit = renames.find((r) => r.from === name);
      if (!hit) continue;
      edits.push({ start: content.startIndex + at + ARN_TAIL.length, end: content.endIndex, text: hit.to });
      out.renamed.push(`${hit.from} -> ${hit.to} (${line(s)})`);
    }

    if (edits.length) out.text = applyEdits(source, edits);
    return out;
  });
}
