// Adding a keyword argument to a call in the call's own layout: `f(a, b)` -> `f(a, b, k=v)`,
// one argument per line -> a new line with the last argument's indent, keeping the
// trailing-comma habit and a comment after the last argument on its line.
import type { Edit } from './edits.js';
import type { Node } from './parser.js';
import { eolOf, indentAt, lineEnd } from './syntax.js';

/** End of the line holding index when only a comment follows it; else index. */
function pastComment(text: string, index: number): number {
  let end = lineEnd(text, index);
  if (text[end - 1] === '\r') end--;
  return /^\s*(?:#.*)?$/.test(text.slice(index, end)) && /#/.test(text.slice(index, end)) ? end : index;
}

export function addKeywordArgument(text: string, list: Node, entry: string, unit = '    '): Edit {
  const kids = list.children.filter((c): c is Node => !!c);
  const args = kids.filter((c) => c.isNamed && c.type !== 'comment');
  const open = kids[0]!;
  const close = kids.at(-1)!;
  const eol = eolOf(text);
  if (args.length === 0) {
    if (open.startPosition.row === close.startPosition.row) return { start: open.endIndex, end: close.startIndex, text: entry };
    const indent = indentAt(text, list.startIndex);
    return { start: open.endIndex, end: close.startIndex, text: `${eol}${indent}${unit}${entry},${eol}${indent}` };
  }
  const last = args.at(-1)!;
  const lastIdx = kids.findIndex((k) => k.startIndex === last.startIndex && k.type === last.type);
  const comma = kids[lastIdx + 1]?.type === ',' ? kids[lastIdx + 1]! : undefined;
  const multiline = last.startPosition.row !== open.startPosition.row;
  if (!multiline) {
    return comma ? { start: comma.endIndex, end: comma.endIndex, text: ` ${entry},` } : { start: last.endIndex, end: last.endIndex, text: `, ${entry}` };
  }
  const indent = indentAt(text, last.startIndex);
  if (comma) {
    const at = pastComment(text, comma.endIndex);
    return { start: at, end: at, text: `${eol}${indent}${entry},` };
  }
  const end = pastComment(text, last.endIndex);
  return { start: last.endIndex, end, text: `,${text.slice(last.endIndex, end)}${eol}${indent}${entry}` };
}
