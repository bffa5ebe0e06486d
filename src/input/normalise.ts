// Normalise a raw line once, before any adapter sees it: terminal codes, Pulumi colour
// directives, progress redraws, and the prefixes CI systems add to every line. Lines are never
// dropped or split here, so line numbers stay those of the raw file (read.ts has already split
// progress frames at lone CRs; a CR left in a line given here still keeps its last frame).
import type { Annotation } from '../types.js';

// SGR and other CSI sequences, OSC (hyperlinks, titles) and lone ESC-x pairs.
const ANSI = /\x1b\[[0-9;?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[@-Z\\-_]/g;
// Pulumi colour directives: <{%reset%}>, <{%fg 1%}>, <{%bold%}>.
const PULUMI_COLOUR = /<\{%[^%]{0,40}%\}>/g;
// GitLab collapsible sections: `section_start:1714558272:step_script[collapsed=true]\r\e[0K`;
// the text of the section's first line may follow on the same line.
const GITLAB_SECTION = /section_(?:start|end):\d+:[A-Za-z0-9_.-]+(?:\[[^\]\r]*\])?\r?/g;

// Timestamp prefixes, tried in order; each is stripped at most once per line.
//  - GitHub Actions / Azure Pipelines raw logs: `2024-05-01T10:11:12.1234567Z `; GitLab with
//    job-log timestamps adds a stream id and type: `2024-05-01T10:11:12.123456Z 00O `, `01E+ `.
//  - Jenkins timestamper: `[2024-05-01T10:11:12.123Z] `, `[10:11:12] `, or bare `10:11:12 `.
//  - CDKTF (log4js): `[2024-05-01T10:11:12.123] [ERROR] default - `.
const ISO_PREFIX = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?Z (?:[0-9a-f]{2}[OE]\+? )?/;
const JENKINS_PREFIX = /^\[(?:\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?Z|\d\d:\d\d:\d\d)\] /;
const LOG4JS_PREFIX = /^\[\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?\] \[(?:TRACE|DEBUG|INFO|WARN|ERROR|FATAL|MARK)\] [\w.-]+ - /;
// A bare time is a Jenkins prefix only when what follows does not continue a time column:
// `10:11:12 AM | CREATE_FAILED | ...` and `10:11:12 | CREATE_FAILED | ...` are cdk event rows.
const BARE_TIME = /^\d\d:\d\d:\d\d (?!\s*(?:[AP]M\b|\|))/;

// GitHub Actions (and Azure Pipelines): `##[error]msg` log annotations and `::error file=x,line=1::msg` workflow
// commands keep their message; group markers and bookkeeping commands become empty lines.
const GH_ANNOTATION = /^##\[(?<cmd>error|warning|notice|debug|command|section|info|group|endgroup)\]/;
const GH_COMMAND = /^::(?<cmd>error|warning|notice|debug|group|endgroup|add-mask|set-output|save-state|add-path|set-env|stop-commands|echo)(?: [^:]*)?::/;
const GH_MESSAGE = new Set(['error', 'warning', 'notice', 'debug', 'command', 'section', 'info']);

/** Removes terminal colour and Pulumi colour directives (also used on JSON-decoded text). */
export function stripColour(text: string): string {
  let line = text;
  if (line.includes('\x1b')) line = line.replace(ANSI, '');
  if (line.includes('<{%')) line = line.replace(PULUMI_COLOUR, '');
  return line;
}

/** Removes one CI timestamp prefix, if the line starts with one. */
function stripTimestamp(line: string): string {
  const c = line.charCodeAt(0);
  if (c >= 48 && c <= 57) {
    // digit
    const m = ISO_PREFIX.exec(line) ?? BARE_TIME.exec(line);
    return m ? line.slice(m[0].length) : line;
  }
  if (c === 91) {
    // `[`
    const m = LOG4JS_PREFIX.exec(line) ?? JENKINS_PREFIX.exec(line);
    return m ? line.slice(m[0].length) : line;
  }
  return line;
}

/** `::error file=lib/app.ts,line=12,col=5,title=x::` -> the file and line (values are %-escaped). */
const COMMAND_PROPERTY = /(?:^| |,)(?<key>file|line)=(?<value>[^,:]*)/g;

function unescapeProperty(v: string): string {
  return v.replace(/%2C/gi, ',').replace(/%3A/gi, ':').replace(/%0A/gi, '\n').replace(/%0D/gi, '\r').replace(/%25/g, '%');
}

function annotationOf(cmd: string, props: string): Annotation | undefined {
  if (cmd !== 'error' && cmd !== 'warning') return undefined;
  const a: Annotation = { level: cmd };
  for (const m of props.matchAll(COMMAND_PROPERTY)) {
    const v = unescapeProperty(m.groups!.value!);
    if (m.groups!.key === 'file' && v) a.file = v;
    if (m.groups!.key === 'line' && /^\d{1,7}$/.test(v) && Number(v) > 0) a.line = Number(v);
  }
  return a;
}

function stripWorkflowCommand(line: string, found: { annotation?: Annotation }): string {
  // Jenkins pipeline step markers (`[Pipeline] sh`, `[Pipeline] // stage`) are framing only.
  if (line.startsWith('[Pipeline] ')) return '';
  if (line.startsWith('##[')) {
    const m = GH_ANNOTATION.exec(line);
    if (m) {
      found.annotation ??= annotationOf(m.groups!.cmd!, '');
      return GH_MESSAGE.has(m.groups!.cmd!) ? line.slice(m[0].length) : '';
    }
  } else if (line.startsWith('::')) {
    const m = GH_COMMAND.exec(line);
    if (m) {
      const cmd = m.groups!.cmd!;
      found.annotation ??= annotationOf(cmd, m[0].slice(2 + cmd.length, -2));
      return cmd === 'error' || cmd === 'warning' || cmd === 'notice' || cmd === 'debug' ? line.slice(m[0].length) : '';
    }
  }
  return line;
}

/**
 * The normalised line. The CI annotation it carried (`##[error]`, `::warning file=...::`) is
 * set on `found` when one is given: the prefix is removed from the text, but that the CI system
 * marked the line an error is a failure marker the text adapters keep.
 */
export function normaliseLine(raw: string, found?: { annotation?: Annotation }): string {
  let line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
  // NULs (a file preallocated by a writer that crashed) and the byte-order mark of a second
  // file appended to the log would hide what follows from patterns anchored at the line start.
  if (line.includes('\0')) line = line.replaceAll('\0', '');
  if (line.charCodeAt(0) === 0xfeff) line = line.slice(1);
  line = stripColour(line);
  if (line.includes('section_')) line = line.replace(GITLAB_SECTION, '');
  // A carriage return inside a line is a progress redraw: the last frame is what was shown.
  if (line.includes('\r')) line = line.slice(line.lastIndexOf('\r') + 1);
  const c = line.charCodeAt(0);
  // Fast path: most lines start with none of the characters a prefix starts with.
  if (!((c >= 48 && c <= 57) || c === 91 || c === 35 || c === 58)) return line;
  // A CDKTF line inside a Jenkins or GitHub log carries two prefixes.
  const marks = found ?? {};
  let prev: string;
  do {
    prev = line;
    line = stripWorkflowCommand(stripTimestamp(line), marks);
  } while (line !== prev && line.length > 0);
  return line;
}
