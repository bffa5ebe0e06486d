// Removing one entry of a comma-separated literal (`{ a: 1, b: 2 }`, `{"a": 1, "b": 2}`) by text
// range, in the literal's own layout: an entry on its own line goes with its line (its trailing
// comment describes it), an inline entry goes with one separator, the only entry leaves `{}`.
import type { Edit } from '../../src/fix/python/edits.js';

export interface Span {
  start: number;
  end: number;
}

export function removeListItem(source: string, items: Span[], index: number, container: Span): Edit {
  const item = items[index]!;
  if (items.length === 1 && !source.slice(container.start + 1, container.end - 1).includes('\n')) {
    return { start: container.start + 1, end: container.end - 1, text: '' };
  }
  const lineStart = source.lastIndexOf('\n', item.start - 1) + 1;
  const nl = source.indexOf('\n', item.end);
  const lineEnd = nl < 0 ? source.length : nl;
  const rest = source.slice(item.end, lineEnd);
  const ownLine = /^[ \t]*$/.test(source.slice(lineStart, item.start)) && /^[ \t]*,?[ \t]*(?:(?:#|\/\/)[^\n]*)?\r?$/.test(rest);
  if (ownLine) {
    const prev = items[index - 1];
    const next = items[index + 1];
    // The last entry without a trailing comma: the previous entry's comma must go with it.
    if (!next && !/^[ \t]*,/.test(rest) && prev && source.slice(prev.end, item.start).includes('\n')) {
      const comma = source.indexOf(',', prev.end);
      if (comma >= 0 && comma < item.start) return { start: comma, end: lineEnd, text: '' };
    }
    return { start: lineStart, end: Math.min(lineEnd + 1, source.length), text: '' };
  }
  if (index < items.length - 1) return { start: item.start, end: items[index + 1]!.start, text: '' };
  if (index > 0) return { start: items[index - 1]!.end, end: item.end, text: '' };
  return { start: item.start, end: item.end, text: '' };
}
