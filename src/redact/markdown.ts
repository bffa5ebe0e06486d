// Markdown that text from a log cannot break: the job summary, pull-request comments and
// reviewdog's messages render what stackfix writes, and the log is written by whoever can make a
// deploy fail. Log text is set either as code (a span or a fenced block whose fence no backtick
// run inside can close) or as escaped prose that renders as the same characters: no raw HTML,
// links, images, emphasis, headings or tables, no @mentions or #123 references that notify people
// or link issues, no bare URLs turned into links, no `<!-- stackfix:... -->` markers.
//
// Explanations are written from templates that use `code` spans and filled with captures from the
// log: they keep their code spans (a capture can at worst move a span's boundary, and whatever
// ends up inside a span is shown as code) and everything else is escaped.

/** The zero-width space that keeps GitHub from turning `@name`, `#12`, `https://` into links. */
const ZWSP = '\u200b';

const BACKTICKS = /`+/g;
const LINE_BREAK = /\r\n|\r|\n/;
const SPACED = /^ .* $/s;
/** Each replacement of escapeText, in order. */
const ESCAPES: Array<[RegExp, string]> = [
  [/[\\`*_[\]<|~$]/g, '\\$&'], // emphasis, code, links, images, HTML, tables, strike-through, math
  [/&(?=#?[A-Za-z0-9]{1,32};)/g, '\\&'], // entities
  [/@(?=[A-Za-z0-9_-])/g, `@${ZWSP}`], // mentions, team mentions, e-mail autolinks
  [/#(?=\d)/g, `#${ZWSP}`], // #123 and owner/repo#123 references
  [/\b(GH-)(?=\d)/gi, `$1${ZWSP}`],
  [/:\/\//g, `:${ZWSP}//`], // URL autolinks
  [/\b(www)\./gi, `$1${ZWSP}.`],
  [/^([ \t]*)([#>+=-])/gm, '$1\\$2'], // headings, quotes, lists, setext underlines at a line start
  [/^([ \t]*\d{1,9})([.)])/gm, '$1\\$2'], // ordered lists
];

/** A fence of backticks longer than any run of backticks in `text` (at least `min`). */
export function fence(text: string, min = 3): string {
  let longest = 0;
  for (const m of text.matchAll(BACKTICKS)) longest = Math.max(longest, m[0].length);
  return '`'.repeat(Math.max(min, longest + 1));
}

/** An HTML comment opener in code would still be one to a search of the raw comment body. */
const COMMENT = /<!--/g;
const noComment = (text: string) => text.replace(COMMENT, `<!-${ZWSP}-`);

/** Inline code showing `text` (line breaks become spaces: a blank line would end the span's paragraph). */
export function codeSpan(text: string): string {
  const flat = noComment(text.split(LINE_BREAK).join(' '));
  const f = fence(flat, 1);
  const pad = flat.startsWith('`') || flat.endsWith('`') || SPACED.test(flat) ? ' ' : '';
  return `${f}${pad}${flat}${pad}${f}`;
}

/** A fenced code block showing `text`. */
export function codeBlock(text: string, info: string): string {
  const body = noComment(text.replace(/\n$/, ''));
  const f = fence(body);
  return `${f}${info}\n${body}\n${f}`;
}

/** Plain text on one line (a heading, a bold title): line breaks become spaces. */
export const oneLine = (text: string) => text.split(LINE_BREAK).map((l) => l.trim()).filter(Boolean).join(' ');

/** Plain text as Markdown that renders as the same characters and nothing else. */
export function escapeText(text: string): string {
  let out = noComment(text);
  for (const [re, to] of ESCAPES) out = out.replace(re, to);
  return out;
}

/**
 * Text with `code` spans (explanations, fix reasons): the spans stay code, the rest is escaped.
 * A backtick run without a closing run of the same length is literal, as in CommonMark.
 */
export function inlineMarkdown(text: string): string {
  const runs = [...text.matchAll(BACKTICKS)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
  // For each run, the next run of the same length (its closer), found in one pass from the end.
  const closer = new Array<number>(runs.length).fill(-1);
  const lastOfLength = new Map<number, number>();
  for (let i = runs.length - 1; i >= 0; i--) {
    const len = runs[i]!.end - runs[i]!.start;
    closer[i] = lastOfLength.get(len) ?? -1;
    lastOfLength.set(len, i);
  }
  let out = '';
  let pos = 0;
  for (let i = 0; i < runs.length; ) {
    const j = closer[i]!;
    if (j < 0) {
      i++;
      continue;
    }
    const open = runs[i]!;
    const close = runs[j]!;
    let content = text.slice(open.end, close.start);
    // CommonMark strips one space from both ends of a span that has one at each.
    if (SPACED.test(content) && content.trim() !== '') content = content.slice(1, -1);
    out += escapeText(text.slice(pos, open.start)) + codeSpan(content);
    pos = close.end;
    i = j + 1;
  }
  return out + escapeText(text.slice(pos));
}

/** Every pattern of this module, for the linearity check in the tests. */
export const PATTERNS: RegExp[] = [BACKTICKS, LINE_BREAK, SPACED, COMMENT, ...ESCAPES.map(([re]) => re)];
