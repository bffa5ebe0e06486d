// Normalise a raw line once, before any adapter sees it.

// SGR and other CSI sequences, OSC (hyperlinks, titles) and lone ESC-x pairs.
const ANSI = /\x1b\[[0-9;?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[@-Z\\-_]/g;
// Pulumi colour directives: <{%reset%}>, <{%fg 1%}>, <{%bold%}>.
const PULUMI_COLOUR = /<\{%[^%]{0,40}%\}>/g;
// CI prefixes: GitHub Actions raw logs, Jenkins timestamper.
const CI_PREFIX = /^(?:\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?Z |\[\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?Z\] )/;

export function normaliseLine(raw: string): string {
  let line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
  if (line.includes('\x1b')) line = line.replace(ANSI, '');
  if (line.includes('<{%')) line = line.replace(PULUMI_COLOUR, '');
  // A carriage return inside a line is a progress redraw: the last frame is what was shown.
  if (line.includes('\r')) line = line.slice(line.lastIndexOf('\r') + 1);
  return line.replace(CI_PREFIX, '');
}
