// `pulumi up --json` / `pulumi preview --json` (streaming): one engine event per line,
// `{"sequence":N,"timestamp":T,"<kind>Event":{...}}` (sdk/go/common/apitype/events.go).
// Failures arrive as `diagnosticEvent`s with severity `error` (the provider's message, on the
// failing resource's URN) and `resOpFailedEvent`s (op, urn, type; no message). The stack's own
// `update failed` diagnostic follows from the resource errors and is marked as a cascade.
import type { Event, Line } from '../types.js';
import { stripColour } from '../input/normalise.js';
import { type Sink, joinLines } from './block.js';
import { isCascade } from './cascade.js';
import { type JsonObject, messageParts, obj, str } from './ndjson.js';
import { TracebackBlock } from './python.js';

const STACK_TYPE = 'pulumi:pulumi:Stack';
/** Pulumi's framing before a message line: the severity (kept in `prefix`, sometimes repeated). */
const FRAMING = /^\s*(?:error|warning): ?/;
const TRACEBACK = /^(\s*)Traceback \(most recent call last\):\s*$/;
/** The stack-level summary of the resource errors, not a cause of its own. */
const STACK_SUMMARY = /^(?:update|preview|refresh|destroy|import) failed$/i;

export interface Urn {
  stack: string;
  project: string;
  /** The full type token chain (`parent$child`). */
  qualifiedType: string;
  /** The resource's own type, as the text display shows it (`aws:rds:Instance`). */
  type: string;
  name: string;
}

/** `urn:pulumi:<stack>::<project>::<parentType$type>::<name>`; names may contain `::`. */
export function parseUrn(urn: string | undefined): Urn | undefined {
  if (!urn?.startsWith('urn:pulumi:')) return undefined;
  const parts = urn.slice('urn:pulumi:'.length).split('::');
  if (parts.length < 4) return undefined;
  const [stack, project, qualifiedType] = parts as [string, string, string];
  const name = parts.slice(3).join('::');
  const own = qualifiedType.slice(qualifiedType.lastIndexOf('$') + 1);
  if (!stack || !project || !own || !name) return undefined;
  return { stack, project, qualifiedType, type: displayType(own), name };
}

/**
 * The type as Pulumi's text display prints it: `aws:rds/instance:Instance` -> `aws:rds:Instance`
 * (the module's last segment is dropped when it only restates the type name).
 */
export function displayType(token: string): string {
  const c = token.split(':');
  if (c.length !== 3) return token;
  const [pkg, mod, name] = c as [string, string, string];
  const slash = mod.lastIndexOf('/');
  if (slash === -1 || !name) return token;
  const last = mod.slice(slash + 1);
  const camel = name.charAt(0).toLowerCase() + name.slice(1);
  return last === camel ? `${pkg}:${mod.slice(0, slash)}:${name}` : token;
}

type Framing = Pick<Event, 'resourceType' | 'resourceId' | 'stackName'>;

export class PulumiJsonParser {
  constructor(private readonly sink: Sink) {}

  push(event: JsonObject, line: Line): void {
    const diag = obj(event.diagnosticEvent);
    if (diag) this.diagnostic(diag, line);
    // resOpFailedEvent names the failing step but carries no message: the diagnostic on the
    // same URN (emitted before it) is the event. Other kinds carry no failure text.
  }

  private diagnostic(d: JsonObject, line: Line): void {
    if (d.ephemeral === true) return; // progress status, replaced on screen
    const severity = str(d.severity);
    if (severity !== 'error' && severity !== 'warning') return;
    const message = stripColour(str(d.message) ?? '');
    if (!message.trim()) return;
    const urn = parseUrn(str(d.urn));
    const onStack = !urn || urn.type === STACK_TYPE;
    const framing: Framing = urn
      ? onStack
        ? { stackName: urn.stack }
        : { resourceType: urn.type, resourceId: urn.name, stackName: urn.stack }
      : {};
    const parts = messageParts(message, line.lineNo).map((p) => ({ lineNo: p.lineNo, text: p.text.replace(FRAMING, '') }));
    const tb = parts.findIndex((p) => TRACEBACK.test(p.text));
    const head = tb === -1 ? parts : parts.slice(0, tb);
    this.emit(head, severity, framing, onStack, line);
    if (tb !== -1) this.traceback(parts.slice(tb), framing, onStack, line);
  }

  private emit(parts: Array<{ lineNo: number; text: string }>, severity: 'error' | 'warning', framing: Framing, onStack: boolean, line: Line): void {
    const { message, lines } = joinLines(parts);
    if (!message) return;
    const cascade = isCascade(message) || (onStack && STACK_SUMMARY.test(message));
    this.sink.emit({
      tool: 'pulumi',
      status: severity,
      ...framing,
      message,
      cascade: cascade || undefined,
      severity,
      span: { source: line.source, startLine: line.lineNo, endLine: line.lineNo },
      // Evidence is the message's first line, not the JSON it was decoded from.
      lines: lines.slice(0, 1),
    });
  }

  /** A Python traceback inside one diagnostic: the same event the text adapter builds. */
  private traceback(parts: Array<{ lineNo: number; text: string }>, framing: Framing, onStack: boolean, line: Line): void {
    const first = parts[0]!;
    const start: Line = { source: line.source, lineNo: line.lineNo, text: first.text };
    const tbFraming: Partial<Event> = onStack ? { tool: 'pulumi' } : { tool: 'pulumi', resourceType: framing.resourceType, resourceId: framing.resourceId };
    const block = new TracebackBlock(start, TRACEBACK.exec(first.text)![1]!.length, this.sink, (t) => t, tbFraming);
    let rest = 1;
    for (; rest < parts.length; rest++) {
      if (block.feed({ source: line.source, lineNo: line.lineNo, text: parts[rest]!.text }) === 'done') break;
    }
    block.close();
    // What follows the traceback (`an unhandled error occurred: ...`) is a message of its own.
    if (rest < parts.length) this.emit(parts.slice(rest), 'error', framing, onStack, line);
  }

  end(): void {}
}
