// `terraform apply -json` / `plan -json` (the machine-readable UI, internal/command/views/json):
// one object per line with `@level`, `@message`, `@module`, `@timestamp` and `type`. Failures
// are `diagnostic` objects (severity, summary, detail, address, range, snippet); an
// `apply_errored` hook before them names the resource's type. The message is the summary and
// the detail joined as the text adapter joins the box style's lines, so one signature matches
// both forms.
import type { Event, Line } from '../types.js';
import { stripColour } from '../input/normalise.js';
import { type Sink, joinLines } from './block.js';
import { isCascade } from './cascade.js';
import { type JsonObject, messageParts, obj, str } from './ndjson.js';

/** Resource types seen in `apply_errored` hooks, by address; bounded like every other buffer. */
const MAX_TYPES = 1000;

/**
 * The resource type in an address: `module.db["a"].aws_db_instance.this[0]` -> `aws_db_instance`,
 * `data.aws_iam_policy_document.x` -> `aws_iam_policy_document`.
 */
export function addressType(address: string): string | undefined {
  const parts = address.replace(/\[(?:"(?:[^"\\]|\\.)*"|\d+)\]/g, '').split('.');
  let i = 0;
  while (parts[i] === 'module') i += 2;
  if (parts[i] === 'data') i++;
  const type = parts[i];
  return type && parts.length > i + 1 && /^[a-z][a-z0-9_]*$/i.test(type) ? type : undefined;
}

const clipFact = (s: string): string => (s.length > 1000 ? `${s.slice(0, 999)}…` : s);

export class TerraformJsonParser {
  private readonly types = new Map<string, string>();

  constructor(private readonly sink: Sink) {}

  push(event: JsonObject, line: Line): void {
    const type = event.type;
    if (type === 'apply_errored') {
      const res = obj(obj(event.hook)?.resource);
      const addr = str(res?.addr);
      const rtype = str(res?.resource_type);
      if (addr && rtype && this.types.size < MAX_TYPES) this.types.set(addr, rtype);
      return;
    }
    if (type !== 'diagnostic') return;
    const d = obj(event.diagnostic);
    if (!d) return;
    const severity = d.severity === 'warning' ? 'warning' : d.severity === 'error' ? 'error' : undefined;
    if (!severity) return;
    // Older versions put the level only in `@level`; the summary is then `@message` less `Error: `.
    const summary = stripColour(str(d.summary) ?? str(event['@message'])?.replace(/^(?:Error|Warning): /, '') ?? '');
    const detail = stripColour(str(d.detail) ?? '');
    const { message, lines } = joinLines([...messageParts(summary, line.lineNo), ...messageParts(detail, line.lineNo)]);
    if (!message) return;
    const address = str(d.address);
    const range = obj(d.range);
    const file = str(range?.filename);
    const startLine = obj(range?.start)?.line;
    const cascade = isCascade(message);
    this.sink.emit({
      tool: 'terraform',
      status: severity,
      resourceId: address,
      resourceType: address ? (this.types.get(address) ?? addressType(address)) : undefined,
      message,
      cascade: cascade || undefined,
      severity,
      facts: { summary: joinLines(messageParts(summary, line.lineNo)).message, ...(detail.trim() ? { detail: clipFact(joinLines(messageParts(detail, line.lineNo)).message) } : {}) },
      span: { source: line.source, startLine: line.lineNo, endLine: line.lineNo },
      lines: lines.slice(0, 1),
      location: file && typeof startLine === 'number' && startLine > 0 ? { file, line: startLine } : undefined,
    } satisfies Event);
  }

  end(): void {}
}
