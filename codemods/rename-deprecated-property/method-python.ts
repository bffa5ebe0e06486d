// Python side of method-typescript.ts: `ec2.MachineImage.latest_amazon_linux(generation=ec2.AmazonLinuxGeneration.AMAZON_LINUX_2, cpu_type=...)`
// -> `ec2.MachineImage.latest_amazon_linux2(cpu_type=...)`, on calls whose receiver the imports
// resolve to the class.
import type { Edit } from '../../src/fix/python/edits.js';
import { snakeCase, type MethodDeprecation } from './deprecations.js';
import { removeFromList, type MethodOutcome } from './method-typescript.js';

export async function transformMethodPython(path: string, source: string, row: MethodDeprecation, preferred?: string): Promise<MethodOutcome> {
  const [{ withPython }, { Imports }, syntax, { applyEdits }] = await Promise.all([
    import('../../src/fix/python/parser.js'),
    import('../../src/fix/python/imports.js'),
    import('../../src/fix/python/syntax.js'),
    import('../../src/fix/python/edits.js'),
  ]);
  const { callArgs, dotted, field, findAll } = syntax;
  return withPython(path, source, (py): MethodOutcome => {
    const out: MethodOutcome = { changed: 0, defaulted: 0 };
    if (py.problems().length) return out;
    const imports = new Imports(py);
    const target = `aws_cdk.${row.module}.${row.class}`;
    const oldName = snakeCase(row.method);
    const byPy = new Map(Object.entries(row.replacements).map(([k, r]) => [k, { method: snakeCase(r.method).replace(/_(\d+)$/, '$1'), props: r.props.map(snakeCase) }]));
    const newNames = new Set([...byPy.values()].map((r) => r.method));
    const edits: Edit[] = [];
    for (const call of findAll(py.root, 'call')) {
      const fn = field(call, 'function');
      if (fn?.type !== 'attribute' || imports.qualify(dotted(field(fn, 'object'))) !== target) continue;
      const attr = field(fn, 'attribute')!;
      if (newNames.has(attr.text)) out.already = true;
      if (attr.text !== oldName) continue;
      const refuse = (why: string) => {
        out.refused = `${path}:${call.startPosition.row + 1} ${row.class}.${oldName}: ${why}`;
      };
      const args = callArgs(call);
      if (!args) continue;
      if (args.positional.length || args.splat) {
        refuse('positional or ** arguments; pick the replacement method by hand');
        break;
      }
      const keywords = args.list.namedChildren.filter((a) => a?.type === 'keyword_argument').map((a) => a!);
      const selector = snakeCase(row.selector);
      const selIndex = keywords.findIndex((k) => field(k, 'name')?.text === selector);
      let member = '';
      if (selIndex >= 0) {
        const d = dotted(field(keywords[selIndex], 'value'));
        const m = d ? new RegExp(`(?:^|\\.)${row.selectorEnum}\\.(\\w+)$`).exec(d) : null;
        if (!m) {
          refuse(`${selector}= is computed; pick the replacement method by hand`);
          break;
        }
        member = m[1]!;
      }
      let chosen = byPy.get(member);
      const pref = preferred ? snakeCase(preferred).replace(/_(\d+)$/, '$1') : undefined;
      if (!member && pref && newNames.has(pref)) chosen = [...byPy.values()].find((r) => r.method === pref);
      if (!chosen) {
        refuse(`${row.selectorEnum}.${member} has no replacement method this fix knows`);
        break;
      }
      const extra = keywords.filter((k, i) => i !== selIndex && !chosen!.props.includes(field(k, 'name')?.text ?? ''));
      if (extra.length) {
        refuse(`${extra.map((k) => field(k, 'name')?.text).join(', ')} do not carry over to ${chosen.method}; move them by hand`);
        break;
      }
      edits.push({ start: attr.startIndex, end: attr.endIndex, text: chosen.method });
      if (selIndex >= 0) {
        const ranges = keywords.map((k) => ({ start: k.startIndex, end: k.endIndex }));
        if (keywords.length === 1) {
          // Everything between the parentheses goes, a trailing comma included.
          edits.push({ start: args.list.startIndex + 1, end: args.list.endIndex - 1, text: '' });
        } else edits.push(removeFromList(ranges, selIndex));
      }
      if (selIndex < 0) out.defaulted++;
      out.changed++;
    }
    if (!out.refused && out.changed) out.text = applyEdits(source, edits);
    return out;
  });
}
