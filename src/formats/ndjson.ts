// Shared parts of the NDJSON stream adapters (`pulumi up --json`, `terraform apply -json`):
// which stream a line belongs to, decided from the decoded object's own keys.

export type StreamKind = 'pulumi-json' | 'terraform-json';

/** Keys of Pulumi's EngineEvent (sdk/go/common/apitype/events.go) that carry a payload. */
const PULUMI_EVENTS = [
  'diagnosticEvent',
  'resOpFailedEvent',
  'resourcePreEvent',
  'resOutputsEvent',
  'summaryEvent',
  'cancelEvent',
  'stdoutEvent',
  'policyEvent',
  'preludeEvent',
  'progressEvent',
  'errorEvent',
  'startDebuggingEvent',
  'policyRemediationEvent',
  'policyLoadEvent',
  'policyAnalyzeSummaryEvent',
  'policyRemediateSummaryEvent',
  'policyAnalyzeStackSummaryEvent',
];

export type JsonObject = Record<string, unknown>;

/**
 * Decodes a line that holds one JSON object, or returns undefined (not JSON, a truncated line,
 * an array, a scalar). Cheap for text lines: only lines shaped `{...}` reach JSON.parse.
 */
export function parseObjectLine(text: string): JsonObject | undefined {
  const t = text.trim();
  if (t.length < 2 || t.charCodeAt(0) !== 123 || t.charCodeAt(t.length - 1) !== 125) return undefined;
  try {
    const v: unknown = JSON.parse(t);
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as JsonObject) : undefined;
  } catch {
    return undefined;
  }
}

/** Which stream an object is an event of, if any. */
export function streamKind(obj: JsonObject): StreamKind | undefined {
  if (typeof obj['@level'] === 'string' && typeof obj['@message'] === 'string' && typeof obj.type === 'string') return 'terraform-json';
  if ('sequence' in obj || 'timestamp' in obj) {
    for (const k of PULUMI_EVENTS) if (obj[k] && typeof obj[k] === 'object') return 'pulumi-json';
  }
  return undefined;
}

export const str = (v: unknown): string | undefined => (typeof v === 'string' && v.length > 0 ? v : undefined);
export const obj = (v: unknown): JsonObject | undefined => (v && typeof v === 'object' && !Array.isArray(v) ? (v as JsonObject) : undefined);

/** Lines of a multi-line message, for joinLines: all on the stream line the event came from. */
export function messageParts(message: string, lineNo: number): Array<{ lineNo: number; text: string }> {
  return message.split(/\r?\n/).map((text) => ({ lineNo, text }));
}
