// Python transform of rename-python-kwarg. The call is the one the traceback's innermost user
// frame points at (its line inside the call), else every call of the class that passes the
// keyword: the class rejects it everywhere. Only the keyword (and, where the table says so, its
// value's shape) changes; layout and comments stay.
import type { CodemodContext, CodemodResult } from '../../src/fix/contract.js';
import type { Edit } from '../../src/fix/python/edits.js';
import type { Node } from '../../src/fix/python/parser.js';

const capture = (v: string | string[] | undefined) => (typeof v === 'string' ? v.trim() : '');

export async function run(ctx: CodemodContext): Promise<CodemodResult> {
  const [{ withPython }, { Imports }, syntax, { applyEdits }, { addKeywordArgument }, { findRename, kwargTable }] = await Promise.all([
    import('../../src/fix/python/parser.js'),
    import('../../src/fix/python/imports.js'),
    import('../../src/fix/python/syntax.js'),
    import('../../src/fix/python/edits.js'),
    import('../../src/fix/python/arguments.js'),
    import('../../src/data/python-kwargs.js'),
  ]);
  const { callArgs, calleeName, field, findAll, lineEnd, lineStart, preferredQuote, indentUnit } = syntax;
  const cls = capture(ctx.captures.callable);
  const kwarg = capture(ctx.captures.kwarg);
  if (!cls || !kwarg) return { status: 'refused', reason: 'the message names no class and keyword', edits: {} };
  const table = kwargTable();
  const isOption = table.resourceOptions.includes(kwarg);
  const loc = ctx.location;

  const edits: Record<string, string> = {};
  const done: string[] = [];
  const refusals: string[] = [];
  const already: string[] = [];

  for (const f of ctx.files) {
    if (loc && f.path !== loc.file) continue;
    await withPython(f.path, f.text, (py) => {
      if (py.problems().length) return;
      const im = new Imports(py);
      const fileEdits: Edit[] = [];
      let importNeeded = false;
      const resourceOptions = (): string => {
        const reach = im.reach('pulumi.ResourceOptions');
        if (reach) return reach;
        importNeeded = true;
        return 'pulumi.ResourceOptions';
      };
      for (const call of findAll(py.root, 'call')) {
        const name = calleeName(call);
        if (!name || name.split('.').at(-1) !== cls) continue;
        const line = call.startPosition.row + 1;
        const endLine = call.endPosition.row + 1;
        if (loc && !(line <= loc.line && loc.line <= endLine)) continue;
        const args = callArgs(call);
        if (!args) continue;
        const where = `${f.path}:${line}`;
        const target = im.qualify(name) ?? name;
        const kw = args.keywords.get(kwarg);
        const rename = findRename(target, kwarg);
        if (!kw) {
          if (rename?.replacement && args.keywords.has(rename.replacement)) already.push(`${cls}(...) at ${where} already passes ${rename.replacement}=`);
          else if (isOption && optsHas(args.keywords.get('opts')?.value, kwarg)) already.push(`${cls}(...) at ${where} already passes ${kwarg} in opts`);
          continue;
        }
        if (isOption && /^pulumi_\w+\./.test(target) && !/Args$/.test(target)) {
          const opts = args.keywords.get('opts');
          const value = kw.value.text;
          if (!opts) {
            fileEdits.push({ start: kw.arg.startIndex, end: kw.arg.endIndex, text: `opts=${resourceOptions()}(${kwarg}=${value})` });
            done.push(`${kwarg}= moved into opts=ResourceOptions(...) at ${where}`);
            continue;
          }
          const ov = opts.value;
          const ovName = ov.type === 'call' ? im.qualify(calleeName(ov)) : undefined;
          const ovArgs = ov.type === 'call' ? callArgs(ov) : undefined;
          if (ovName !== 'pulumi.ResourceOptions' || !ovArgs || ovArgs.splat) {
            refusals.push(`${cls}(...) at ${where} passes opts=${ov.text.split('\n')[0]} built elsewhere; move ${kwarg}= into those resource options by hand`);
            continue;
          }
          if (ovArgs.keywords.has(kwarg)) {
            refusals.push(`${cls}(...) at ${where} passes ${kwarg} both as an argument and in opts; keep the one in opts by hand`);
            continue;
          }
          fileEdits.push(addKeywordArgument(f.text, ovArgs.list, `${kwarg}=${value}`, indentUnit(f.text)));
          fileEdits.push(removeArgument(f.text, args.list, kw.arg));
          done.push(`${kwarg}= moved into the existing opts at ${where}`);
          continue;
        }
        if (!rename) {
          refusals.push(
            `${target.includes('.') ? target : cls} takes no ${kwarg}= in the installed version (${where}), and stackfix's table (${table.generated}) knows no replacement: ` +
              `check the class's arguments in its docs (the setting may be renamed, moved into a nested *Args, or a resource of its own) and change it by hand`,
          );
          continue;
        }
        if (!rename.replacement) {
          refusals.push(`${target} takes no ${kwarg}= (${where}): ${rename.guidance ?? 'change it by hand'}`);
          continue;
        }
        const replacement = rename.replacement;
        if (args.keywords.has(replacement)) {
          refusals.push(`${cls}(...) at ${where} passes both ${kwarg}= and ${replacement}=; keep ${replacement}= by hand`);
          continue;
        }
        const name_ = field(kw.arg, 'name')!;
        fileEdits.push({ start: name_.startIndex, end: name_.endIndex, text: replacement });
        let how = `${kwarg}= -> ${replacement}=`;
        if (rename.value) {
          const mapped = rename.value[kw.value.text];
          if (mapped === undefined) {
            refusals.push(`${cls}(...) at ${where} passes ${kwarg}=${kw.value.text}; only ${Object.keys(rename.value).map((k) => `${kwarg}=${k}`).join(', ')} has a known ${replacement}= value`);
            fileEdits.pop();
            continue;
          }
          const q = preferredQuote(py.root);
          fileEdits.push({ start: kw.value.startIndex, end: kw.value.endIndex, text: `${q}${mapped}${q}` });
          how = `${kwarg}=${kw.value.text} -> ${replacement}=${q}${mapped}${q}`;
        } else if (rename.list && kw.value.type !== 'list') {
          fileEdits.push({ start: kw.value.startIndex, end: kw.value.startIndex, text: '[' }, { start: kw.value.endIndex, end: kw.value.endIndex, text: ']' });
          how += ' (the value becomes the list\'s only item)';
        }
        done.push(`${how} at ${where}`);
      }
      if (fileEdits.length === 0) return;
      if (importNeeded) {
        if (im.bindings.has('pulumi')) {
          refusals.push(`${f.path} binds 'pulumi' to ${im.bindings.get('pulumi')!.target}; import pulumi.ResourceOptions by hand`);
          return;
        }
        fileEdits.push(im.addImport('pulumi'));
      }
      edits[f.path] = applyEdits(f.text, fileEdits);
    });
  }

  // All or nothing: a half-fixed program still raises on the next run.
  if (refusals.length) return { status: 'refused', reason: refusals.join('; '), edits: {} };
  if (done.length) return { status: 'proposed', reason: done.join('; '), edits };
  if (already.length) return { status: 'already-fixed', reason: already.join('; '), edits: {} };
  const at = loc ? ` at ${loc.file}:${loc.line}` : '';
  return { status: 'not-found', reason: `no ${cls}(...) call passing ${kwarg}=${at}`, edits: {} };

  function optsHas(v: Node | undefined, name: string): boolean {
    if (!v || v.type !== 'call') return false;
    return !!callArgs(v)?.keywords.has(name);
  }

  /** Deletes a keyword argument with its comma: its whole line when it stands alone on one. */
  function removeArgument(text: string, list: Node, arg: Node): Edit {
    const kids = list.children.filter((c): c is Node => !!c);
    const i = kids.findIndex((k) => k.startIndex === arg.startIndex && k.endIndex === arg.endIndex);
    const next = kids[i + 1];
    const prev = kids[i - 1];
    const ls = lineStart(text, arg.startIndex);
    const alone = /^[ \t]*$/.test(text.slice(ls, arg.startIndex));
    if (alone && next?.type === ',') {
      const le = lineEnd(text, next.endIndex);
      if (/^[ \t]*$/.test(text.slice(next.endIndex, le))) return { start: ls, end: Math.min(text.length, le + 1), text: '' };
    }
    if (next?.type === ',') {
      let end = next.endIndex;
      while (text[end] === ' ') end++;
      return { start: arg.startIndex, end, text: '' };
    }
    if (prev?.type === ',') return { start: prev.startIndex, end: arg.endIndex, text: '' };
    return { start: arg.startIndex, end: arg.endIndex, text: '' };
  }
}
