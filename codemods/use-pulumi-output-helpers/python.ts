// Python transform: `json.dumps(d)` -> `pulumi.Output.json_dumps(d)` (same keyword arguments),
// at the traceback's line, or where the dumped value holds Outputs (attributes of pulumi_*
// resources, `Output.*(...)` and `.apply(...)` results). `import pulumi` is added when the
// file has no name for it. Inside an `.apply(lambda ...)` callback the code is left alone.
import type { CodemodContext, CodemodResult } from '../../src/fix/contract.js';
import type { Node } from '../../src/fix/python/parser.js';
import { choose, type OutputSite } from './choose.js';

export async function run(ctx: CodemodContext): Promise<CodemodResult> {
  if (ctx.captures.method === '__str__') {
    // The text went into a resource argument, not an exception: no traceback says where.
    return {
      status: 'refused',
      reason: 'an f-string or str() turned an Output into text; build it with pulumi.Output.concat("/aws/lambda/", fn.name), ' +
        'pulumi.Output.format("/aws/lambda/{0}", fn.name) or fn.name.apply(lambda n: f"/aws/lambda/{n}") where the resource argument is written',
      edits: {},
    };
  }
  const [{ withPython }, { Imports }, syntax, { applyEdits }, { ownersOf }] = await Promise.all([
    import('../../src/fix/python/parser.js'),
    import('../../src/fix/python/imports.js'),
    import('../../src/fix/python/syntax.js'),
    import('../../src/fix/python/edits.js'),
    import('../../src/fix/python/resources.js'),
  ]);
  const { assignmentsOf, calleeName, dotted, field, findAll, walk } = syntax;
  const sites: OutputSite[] = [];
  const helperAt: Array<{ file: string; line: number }> = [];
  const imports = new Map<string, { splice?: { pos: number; end: number; text: string }; helper: string }>();
  let clash: string | undefined;

  for (const f of ctx.files) {
    await withPython(f.path, f.text, (py) => {
      if (py.problems().length) return;
      const im = new Imports(py);
      const resources = new Set<string>();
      const outputs = new Set<string>();
      const q = (n: Node | undefined) => im.qualify(dotted(n));
      const isOutputCall = (call: Node): boolean => {
        const name = q(field(call, 'function'));
        if (name?.startsWith('pulumi.Output.') || name === 'pulumi.Output' || name === 'pulumi.Output.all' || name === 'pulumi.Output.concat') return true;
        const fn = field(call, 'function');
        return fn?.type === 'attribute' && ['apply', 'require_secret', 'get_secret', 'require_output', 'get_output'].includes(field(fn, 'attribute')?.text ?? '');
      };
      // x = aws.s3.Bucket("name", ...) / self.x = ... ; x = Output.concat(...)
      for (const a of findAll(py.root, 'assignment')) {
        const left = dotted(field(a, 'left'));
        const right = field(a, 'right');
        if (!left || right?.type !== 'call') continue;
        const callee = q(field(right, 'function'));
        if (callee && /^pulumi_\w+\./.test(callee) && /\.[A-Z]\w*$/.test(callee) && !/Args$/.test(callee)) resources.add(left);
        else if (isOutputCall(right)) outputs.add(left);
      }
      const isOutput = (n: Node): boolean => {
        if (n.type === 'identifier' || n.type === 'attribute') {
          const d = dotted(n);
          if (d && outputs.has(d)) return true;
          if (n.type === 'attribute') {
            const obj = dotted(field(n, 'object'));
            if (obj && resources.has(obj)) return true;
          }
        }
        return n.type === 'call' && isOutputCall(n);
      };
      const holds = (root: Node): boolean => {
        let found = false;
        walk(root, (n) => {
          if (found || n.type === 'lambda') return false;
          if (isOutput(n)) {
            found = true;
            return false;
          }
          return true;
        });
        return found;
      };
      const insideApply = (n: Node): boolean => {
        for (let p = n.parent; p; p = p.parent) {
          if (p.type === 'lambda' || p.type === 'function_definition') {
            const call = p.parent?.parent;
            const fn = call?.type === 'call' ? field(call, 'function') : undefined;
            if (fn?.type === 'attribute' && field(fn, 'attribute')?.text === 'apply') return true;
            if (p.type === 'function_definition') return false;
          }
        }
        return false;
      };
      // `json.dumps(policy)` with `policy = {...}` assigned once in the module: look at the dict.
      const resolved = (arg: Node): Node => {
        if (arg.type !== 'identifier') return arg;
        const assigned = assignmentsOf(py.root, arg.text);
        const right = assigned.length === 1 ? field(assigned[0]!, 'right') : undefined;
        return right && (right.type === 'dictionary' || right.type === 'list') ? right : arg;
      };
      let found = false;
      for (const call of findAll(py.root, 'call')) {
        const name = im.qualify(calleeName(call));
        const line = call.startPosition.row + 1;
        if (name === 'pulumi.Output.json_dumps') helperAt.push({ file: f.path, line });
        if (name !== 'json.dumps') continue;
        found = true;
        const fn = field(call, 'function')!;
        const arg = field(call, 'arguments')?.namedChildren.find((c) => c && c.type !== 'comment' && c.type !== 'keyword_argument');
        const what = `json.dumps(...)`;
        const owners = ownersOf(call, im);
        sites.push({
          key: `${f.path}:${call.startIndex}`,
          file: f.path,
          line,
          endLine: call.endPosition.row + 1,
          what,
          kind: 'stringify',
          owners,
          holdsOutput: !!arg && holds(resolved(arg)),
          splices: [{ pos: fn.startIndex, end: fn.endIndex, text: '' }],
          ...(insideApply(call) ? { refusal: `${what} at ${f.path}:${line} runs inside an .apply(...) callback, where values are already plain; check which value there is still an Output` } : {}),
        });
      }
      if (!found) return;
      const pulumiLocal = im.localFor('pulumi');
      const outputLocal = im.localFor('pulumi.Output');
      const helper = outputLocal ? `${outputLocal}.json_dumps` : pulumiLocal ? `${pulumiLocal}.Output.json_dumps` : 'pulumi.Output.json_dumps';
      if (!outputLocal && !pulumiLocal) {
        if (im.bindings.has('pulumi')) clash = `${f.path} binds 'pulumi' to ${im.bindings.get('pulumi')!.target}`;
        const e = im.addImport('pulumi');
        imports.set(f.path, { helper, splice: { pos: e.start, end: e.end, text: e.text } });
      } else imports.set(f.path, { helper });
    });
  }
  if (ctx.location && helperAt.some((h) => h.file === ctx.location!.file && h.line === ctx.location!.line)) {
    return { status: 'already-fixed', reason: `${ctx.location.file}:${ctx.location.line} already uses pulumi.Output.json_dumps`, edits: {} };
  }
  if (!ctx.location && !sites.some((s) => s.holdsOutput) && helperAt.length > 0) {
    return { status: 'already-fixed', reason: `the Outputs are already serialised with pulumi.Output.json_dumps (${helperAt.map((h) => `${h.file}:${h.line}`).join(', ')})`, edits: {} };
  }
  const chosen = choose(ctx, sites, { stringify: 'pulumi.Output.json_dumps', template: '' });
  if ('status' in chosen) return chosen;
  const edits: Record<string, string> = {};
  const byFile = new Map<string, OutputSite[]>();
  for (const s of chosen.sites) byFile.set(s.file, [...(byFile.get(s.file) ?? []), s]);
  for (const [path, list] of byFile) {
    const info = imports.get(path)!;
    if (info.splice && clash?.startsWith(path)) return { status: 'refused', reason: `${clash}; import pulumi by hand`, edits: {} };
    const text = ctx.files.find((x) => x.path === path)!.text;
    const e = list.flatMap((s) => s.splices.map((sp) => ({ start: sp.pos, end: sp.end, text: info.helper })));
    if (info.splice) e.push({ start: info.splice.pos, end: info.splice.end, text: info.splice.text });
    edits[path] = applyEdits(text, e);
  }
  return {
    status: 'proposed',
    reason: `json.dumps -> pulumi.Output.json_dumps (${chosen.sites.map((s) => `${s.file}:${s.line}`).join(', ')}): Pulumi resolves the Outputs before the JSON is made`,
    edits,
  };
}
