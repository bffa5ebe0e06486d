// Terraform's own logging (`TF_LOG=DEBUG`, `TF_LOG=TRACE`; hclog lines `<time> [DEBUG] ...`,
// the time already removed by normalise when it is UTC). Trace, debug, info and warn lines are
// the engine's chatter, never the failure: Terraform reports failures and deprecations as
// diagnostics (`Error:` / `Warning:`), with an `[ERROR]` log line, and those are kept. hclog
// pads the level to five characters, so info and warn lines read `[INFO]  ` / `[WARN]  ` with
// two spaces; a build tool's `[INFO] ` or `[WARN] ` with one space is not taken for them.
const CHATTER = /^(?:\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?(?:Z|[+-]\d\d:?\d\d) )?\[(?:TRACE\] |DEBUG\] |INFO\]  |WARN\]  )/;

export function isTfLogChatter(text: string): boolean {
  const c = text.charCodeAt(0);
  return (c === 91 /* [ */ || (c >= 48 && c <= 57)) && CHATTER.test(text);
}
