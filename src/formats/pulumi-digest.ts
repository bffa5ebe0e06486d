// `pulumi preview --json` without streaming prints one digest document, indented by Go's
// json.MarshalIndent: `{ "config", "steps", "diagnostics": [ {urn, prefix, message,
// severity}, ... ], "duration", "changeSummary" }` (pkg/backend/display PreviewDigest). It is
// scanned line by line like describe-stack-events JSON: only the diagnostic being read is kept,
// so the steps (with every resource's inputs) never sit in memory, and a document cut short
// still gives the diagnostics before the cut. Each diagnostic is the engine event's payload.
import type { Line } from '../types.js';
import type { JsonObject } from './ndjson.js';
import type { PulumiJsonParser } from './pulumi-json.js';

/** The digest's top-level keys: one of them on the line after `{` tells it from other JSON. */
export const DIGEST_KEY = /^\s*"(?:config|steps|diagnostics|duration|changeSummary|maybeCorrupt)"\s*:/;
const KEY_VALUE = /^\s*"(?<key>[A-Za-z]+)"\s*:\s*(?<value>"(?:[^"\\]|\\.)*"|-?\d+(?:\.\d+)?|true|false|null)\s*,?\s*$/;
const DIAGNOSTICS = /^\s*"diagnostics"\s*:\s*\[/;

/** A one-line (compact) digest. */
export function isDigest(obj: JsonObject): boolean {
  return (Array.isArray(obj.diagnostics) || Array.isArray(obj.steps)) && !('StackEvents' in obj);
}

export class PulumiDigestParser {
  private depth = 0;
  /** Depth inside the `diagnostics` array, or -1 outside it. */
  private diagnostics = -1;
  private entry: { line: Line; fields: JsonObject } | undefined;

  constructor(private readonly events: PulumiJsonParser) {}

  /** True once the document's closing brace was read: later lines are not the digest's. */
  get done(): boolean {
    return this.closed;
  }

  private closed = false;

  push(line: Line): void {
    const text = line.text;
    const kv = KEY_VALUE.exec(text);
    if (kv) {
      if (this.entry && this.depth === this.diagnostics + 1) {
        try {
          this.entry.fields[kv.groups!.key!] = JSON.parse(kv.groups!.value!) as unknown;
        } catch {
          // a malformed value is skipped, not fatal
        }
      }
      return;
    }
    if (this.depth === 1 && this.diagnostics === -1 && DIAGNOSTICS.test(text)) this.diagnostics = 2;
    let inString = false;
    for (let i = 0; i < text.length; i++) {
      const c = text[i];
      if (inString) {
        if (c === '\\') i++;
        else if (c === '"') inString = false;
      } else if (c === '"') inString = true;
      else if (c === '{' || c === '[') {
        this.depth++;
        if (c === '{' && this.diagnostics !== -1 && this.depth === this.diagnostics + 1) this.entry = { line, fields: {} };
      } else if (c === '}' || c === ']') {
        if (c === '}' && this.entry && this.depth === this.diagnostics + 1) {
          this.events.push({ diagnosticEvent: this.entry.fields }, this.entry.line);
          this.entry = undefined;
        }
        this.depth--;
        if (this.diagnostics !== -1 && this.depth < this.diagnostics) this.diagnostics = -1;
        if (this.depth <= 0) {
          this.closed = true;
          return;
        }
      }
    }
  }

  end(): void {
    this.entry = undefined;
  }
}
