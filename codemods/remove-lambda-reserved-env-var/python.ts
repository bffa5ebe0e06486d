// Python side: Lambda functions are calls of `<...>Function(...)` (`_lambda.Function`,
// `PythonFunction`, Pulumi `aws.lambda_.Function`, CDKTF `LambdaFunction`). Their environment is
// `environment={"KEY": ...}` (CDK), `environment={"variables": {...}}` or
// `environment=aws.lambda_.FunctionEnvironmentArgs(variables={...})` (Pulumi, CDKTF), inline or a
// module/function-level dict variable; `fn.add_environment("KEY", ...)` statements on such a
// function go whole.
import type { Edit } from '../../src/fix/python/edits.js';
import type { Node } from '../../src/fix/python/parser.js';
import type { FileOutcome } from './index.js';
import { removeListItem } from './list-edit.js';

const FUNCTION = /(?:^|\.)[A-Za-z_]*Function$/;


export async function transformPython(path: string, source: string, keys: string[]): Promise<FileOutcome> {
  const [{ withPython }, syntax, { applyEdits }] = await Promise.all([
    import('../../src/fix/python/parser.js'),
    import('../../src/fix/python/syntax.js'),
    import('../../src/fix/python/edits.js'),
  ]);
  const { callArgs, calleeName, field, findAll, stringValue, unparen } = syntax;
  return withPython(path, source, (py): FileOutcome => {
    const out: FileOutcome = { removed: [], functions: 0, opaque: [] };
    if (py.problems().length) throw new Error('syntax errors');
    const where = (n: Node) => `${path}:${n.startPosition.row + 1}`;
    const edits: Edit[] = [];
    const maps: Node[] = [];
    const functionNames = new Set<string>();
    const assignments = findAll(py.root, 'assignment');
    /** A name bound once in the file to a dict literal. */
    const dictOf = (n: Node | undefined): Node | undefined => {
      const v = unparen(n);
      if (v?.type === 'dictionary') return v;
      if (v?.type !== 'identifier') return undefined;
      const binds = assignments.filter((a) => field(a, 'left')?.text === v.text);
      const right = binds.length === 1 ? unparen(field(binds[0], 'right')) : undefined;
      return right?.type === 'dictionary' ? right : undefined;
    };
    const pairValue = (dict: Node, key: string) =>
      dict.namedChildren.find((c) => c?.type === 'pair' && stringValue(field(c, 'key')) === key)?.childForFieldName('value') ?? undefined;

    for (const call of findAll(py.root, 'call')) {
      const name = calleeName(call);
      if (!name || !FUNCTION.test(name) || /StepFunction/.test(name)) continue;
      out.functions++;
      const parent = call.parent;
      if (parent?.type === 'assignment' && field(parent, 'right')?.id === call.id) {
        const left = field(parent, 'left')?.text;
        if (left) functionNames.add(left);
      }
      const args = callArgs(call);
      if (!args) continue;
      const env = args.keywords.get('environment');
      if (!env) {
        if (args.splat) out.opaque.push(`${where(call)} **kwargs`);
        continue;
      }
      const value = unparen(env.value);
      let map: Node | undefined;
      if (value?.type === 'call' && /FunctionEnvironment(?:Args)?$/.test(calleeName(value) ?? '')) {
        // aws.lambda_.FunctionEnvironmentArgs(variables={...})
        map = dictOf(callArgs(value)?.keywords.get('variables')?.value);
      } else {
        const dict = dictOf(value);
        const vars = dict ? pairValue(dict, 'variables') : undefined;
        map = vars ? dictOf(vars) : dict;
      }
      if (map) maps.push(map);
      else out.opaque.push(`${where(env.arg)} environment=`);
    }

    for (const map of maps) {
      const items = map.namedChildren.filter((c): c is Node => !!c && c.type !== 'comment');
      const hits = items.filter((c) => c.type === 'pair' && keys.includes(stringValue(field(c, 'key')) ?? ''));
      if (!hits.length && items.some((c) => c.type === 'dictionary_splat')) out.opaque.push(`${where(map)} environment **spread`);
      const remaining = [...items];
      for (const hit of hits.reverse()) {
        const i = remaining.indexOf(hit);
        edits.push(removeListItem(source, remaining.map((n) => ({ start: n.startIndex, end: n.endIndex })), i, { start: map.startIndex, end: map.endIndex }));
        remaining.splice(i, 1);
        out.removed.push(`${stringValue(field(hit, 'key'))} (${where(hit)})`);
      }
    }

    // `fn.add_environment("AWS_REGION", ...)` on a function created here.
    for (const stmt of findAll(py.root, 'expression_statement')) {
      const call = stmt.namedChildren[0];
      if (call?.type !== 'call' || stmt.namedChildren.length !== 1) continue;
      const fn = field(call, 'function');
      if (fn?.type !== 'attribute' || field(fn, 'attribute')?.text !== 'add_environment') continue;
      const key = stringValue(callArgs(call)?.positional[0]);
      if (!key || !keys.includes(key)) continue;
      const receiver = field(fn, 'object')?.text ?? '';
      if (!functionNames.has(receiver)) {
        out.opaque.push(`${where(call)} ${receiver}.add_environment("${key}")`);
        continue;
      }
      const lineStart = source.lastIndexOf('\n', stmt.startIndex - 1) + 1;
      let lineEnd = source.indexOf('\n', stmt.endIndex);
      if (lineEnd < 0) lineEnd = source.length;
      const alone = /^[ \t]*$/.test(source.slice(lineStart, stmt.startIndex)) && /^[ \t]*\r?$/.test(source.slice(stmt.endIndex, lineEnd));
      // A block whose only statement this is would be left empty: keep it valid with `pass`.
      const block = stmt.parent;
      const only = block?.type === 'block' && block.namedChildren.filter((c) => c && c.type !== 'comment').length === 1;
      if (only) edits.push({ start: stmt.startIndex, end: stmt.endIndex, text: 'pass' });
      else if (alone) edits.push({ start: lineStart, end: Math.min(lineEnd + 1, source.length), text: '' });
      else edits.push({ start: stmt.startIndex, end: stmt.endIndex, text: '' });
      out.removed.push(`${key} (${where(call)})`);
    }

    if (edits.length) out.text = applyEdits(source, edits);
    return out;
  });
}
