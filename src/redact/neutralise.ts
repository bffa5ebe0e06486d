// What a log line may not do to the output that quotes it: drive the terminal, or act as a
// command for the CI system that reads stackfix's stdout and stderr.
//
// - Terminal: C0 and C1 control characters (ESC starts CSI and OSC sequences: colours, cursor
//   moves, window titles, hyperlinks, clipboard writes), DEL, the Unicode bidirectional overrides
//   that reorder what is shown, and the line and paragraph separators. They are shown as `\xNN` /
//   `\uNNNN` text. Tab and newline stay.
// - GitHub Actions: the runner (actions/runner ActionCommandManager) reads every line a step prints,
//   on stdout and stderr, split at `\n` or `\r`, and runs it as a workflow command when, after
//   trimming leading white space, it starts with `::` (`::add-mask::`, `::error file=...::`,
//   `::stop-commands::`, `::set-output`...), or when it contains `##[` anywhere (the older
//   `##[command ...]data` form). Azure Pipelines reads `##vso[`, TeamCity `##teamcity[`. A zero
//   width space between the two characters breaks each of these without changing what a reader
//   sees: `:\u200b:error::`, `#\u200b#[add-mask]`.
// - JSON: the same text inside a JSON string is escaped instead (`\u0023#[`, `\u009b`), which any
//   JSON reader decodes back to the original.

/** The character that breaks a command prefix without showing. */
export const ZWSP = '\u200b';

// C0 except tab and newline, DEL, C1; bidi embeddings, overrides and isolates; line/paragraph separators.
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u2028\u2029]/g;

const hex = (c: string): string => {
  const code = c.charCodeAt(0);
  return code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
};

/** Control characters shown as `\xNN` (tab and newline kept). */
export function escapeControls(text: string): string {
  return text.replace(CONTROL, hex);
}

// Leading white space as .NET's TrimStart sees it (char.IsWhiteSpace, which also counts NEL, U+0085).
// The line breaks (\n, \r, U+2028, U+2029) are where `^` matches, not part of the class: each line
// is scanned once.
const COMMAND_LINE = /^([\t\v\f \u0085\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\ufeff]*):(?=:)/gm;
const COMMAND_MARK = /#(?=#(?:vso|teamcity)?\[)/gi;

/** Lines that would be read as workflow commands (`::x::`, `##[x]`, `##vso[x]`) made inert. */
export function neutraliseCommands(text: string): string {
  if (!text.includes('::') && !text.includes('##')) return text;
  return text.replace(COMMAND_LINE, `$1:${ZWSP}`).replace(COMMAND_MARK, `#${ZWSP}`);
}

/** A line-oriented field (text, Markdown, annotations): controls shown, commands made inert. */
export function displaySafe(text: string): string {
  return neutraliseCommands(escapeControls(text));
}

// Inside JSON strings (JSON.stringify output): the characters JSON.stringify leaves raw that a
// terminal or the runner would act on. `##[` only occurs inside strings, since JSON's own syntax has no `#`.
const JSON_RAW = /[\u007f-\u009f\u202a-\u202e\u2066-\u2069\u2028\u2029]/g;
const uEscape = (c: string) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;

/** A serialised JSON document with the same content and nothing a terminal or CI runner acts on. */
export function jsonSafe(json: string): string {
  return json.replace(JSON_RAW, uEscape).replace(COMMAND_MARK, '\\u0023');
}

/** Every pattern of this module, for the linearity check in the tests. */
export const PATTERNS: RegExp[] = [CONTROL, COMMAND_LINE, COMMAND_MARK, JSON_RAW];
