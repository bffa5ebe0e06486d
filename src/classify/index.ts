// classify: events -> findings. Each event's message is matched against the catalogue;
// matches with the same fingerprint (signature + the captures that identify the cause) are one
// finding with several occurrences. Cascade events never become causes or unclassified lines.
import type { Captures, Event, Occurrence, ResourceHint } from '../types.js';
import { type Signature, matchMessage, matchSignature } from './catalogue.js';

/** Bounds memory on huge logs; the count is still exact. */
const MAX_OCCURRENCES = 100;
const MAX_UNCLASSIFIED = 100;
const MAX_TEXT = 300;
/** Messages remembered as matching nothing (bounded: a huge log has many distinct lines). */
const MAX_MISSES = 2_000;
const MAX_MISS_LENGTH = 1_000;

export interface Finding {
  signature: Signature;
  fingerprint: string;
  captures: Captures;
  occurrences: Occurrence[];
  occurrenceCount: number;
  rootCause: boolean;
  /** Source location the log itself names (traceback frame, Terraform `on file line`). */
  location?: { file: string; line: number };
  /**
   * Every source location the occurrences name, the first being `location`: several tsc
   * errors with the same property and type are one cause at several places.
   */
  locations: Array<{ file: string; line: number }>;
  resources: ResourceHint[];
  /**
   * Input order, then the order its first event was parsed in: findings are reported in the
   * order they happened (adapters emit events chronologically, also for newest-first JSON).
   */
  order: [number, number];
}

export interface Unclassified {
  source: string;
  line: number;
  text: string;
}

export interface Classification {
  findings: Finding[];
  unclassified: Unclassified[];
  unclassifiedCount: number;
}

const clip = (s: string): string => {
  const t = s.trim();
  return t.length > MAX_TEXT ? `${t.slice(0, MAX_TEXT - 1)}…` : t;
};

/** Request ids, tokens and timestamps differ between repeats of one message. */
function messageKey(message: string): string {
  return message
    .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi, '#')
    .replace(/\d+/g, '0')
    .slice(0, 400);
}

export class Classifier {
  private readonly findings = new Map<string, Finding>();
  private readonly unclassified: Unclassified[] = [];
  private readonly unclassifiedKeys = new Set<string>();
  private unclassifiedCount = 0;
  private readonly sourceOrder = new Map<string, number>();

  /** Signatures that recognise a class by the resource that failed (tried first when it matches). */
  private readonly byResource: Signature[];
  private readonly specific: Signature[];
  private readonly fallback: Signature[];

  constructor(signatures: Signature[]) {
    this.byResource = signatures.filter((s) => s.match.resources && !s.match.fallback);
    this.specific = signatures.filter((s) => !s.match.resources && !s.match.fallback);
    this.fallback = signatures.filter((s) => s.match.fallback);
  }

  private events = 0;

  add(event: Event): void {
    this.events++;
    const source = event.span.source;
    if (!this.sourceOrder.has(source)) this.sourceOrder.set(source, this.sourceOrder.size);
    // Deploy output repeats its progress lines: a message that matched nothing once is not tried again.
    const missKey = event.message.length <= MAX_MISS_LENGTH ? `${event.tool}\u0000${event.message}` : undefined;
    if (missKey !== undefined && this.misses.has(missKey)) this.noteUnclassified(event, source);
    else this.classify(event, missKey, source);
  }

  private readonly misses = new Set<string>();

  private classify(event: Event, missKey: string | undefined, source: string): void {
    let matched = false;
    const resource = { id: event.resourceId, constructPath: event.constructPath };
    // A summary (the ❌ line) names no resource: when it restates a cause a resource-filtered
    // signature already found, it is another occurrence of that finding.
    if (event.cascade && !resource.id && !resource.constructPath) matched = this.joinRestatement(event);
    if (matched) return;
    const passes = resource.id || resource.constructPath ? [this.byResource, this.specific, this.fallback] : [this.specific, this.fallback];
    for (const pass of passes) {
      for (const sig of pass) {
        if (sig.match.tools && !sig.match.tools.includes(event.tool)) continue;
        for (const m of matchSignature(sig, event.message, resource)) {
          matched = true;
          this.record(sig, m.captures, m.index, event);
        }
      }
      if (matched) break;
    }
    if (matched) return;
    if (missKey !== undefined) {
      if (this.misses.size >= MAX_MISSES) this.misses.clear();
      this.misses.add(missKey);
    }
    this.noteUnclassified(event, source);
  }

  private joinRestatement(event: Event): boolean {
    let joined = false;
    for (const sig of this.byResource) {
      if (sig.match.tools && !sig.match.tools.includes(event.tool)) continue;
      for (const m of matchMessage(sig, event.message)) {
        if (!this.findings.has(this.fingerprintOf(sig, m.captures))) continue;
        joined = true;
        this.record(sig, m.captures, m.index, event);
      }
    }
    return joined;
  }

  private fingerprintOf(sig: Signature, captures: Captures): string {
    const keys = sig.fingerprint.length ? sig.fingerprint : Object.keys(sig.captures);
    const identity = keys.map((k) => JSON.stringify(captures[k] ?? null)).join('\u0000');
    // node:crypto is loaded on the first finding: a clean log never needs it
    return process.getBuiltinModule('node:crypto').createHash('sha1').update(`${sig.id}\u0000${identity}`).digest('hex').slice(0, 16);
  }

  private noteUnclassified(event: Event, source: string): void {
    if (event.cascade || !event.severity) return;
    const key = messageKey(event.message);
    if (this.unclassifiedKeys.has(key)) return;
    this.unclassifiedKeys.add(key);
    this.unclassifiedCount++;
    if (this.unclassified.length < MAX_UNCLASSIFIED) {
      this.unclassified.push({ source, line: event.span.startLine, text: clip(event.lines[0]?.text ?? event.message) });
    }
  }

  private record(sig: Signature, captures: Captures, index: number, event: Event): void {
    const fingerprint = this.fingerprintOf(sig, captures);
    // A pasted paragraph: the line the message was found on; structured events: where they start.
    const evLine =
      event.tool === 'text' ? ([...event.lines].reverse().find((l) => l.offset <= index) ?? event.lines[0]) : event.lines[0];
    const line = event.tool === 'text' ? (evLine?.lineNo ?? event.span.startLine) : event.span.startLine;
    const occurrence: Occurrence = {
      source: event.span.source,
      line,
      text: clip(evLine?.text ?? event.message),
      resource: event.resourceId,
      resourceType: event.resourceType,
      constructPath: event.constructPath,
      cascade: event.cascade,
    };
    const order: [number, number] = [this.sourceOrder.get(event.span.source) ?? 0, this.events];
    let finding = this.findings.get(fingerprint);
    if (!finding) {
      finding = {
        signature: sig,
        fingerprint,
        captures: { ...captures },
        occurrences: [],
        occurrenceCount: 0,
        rootCause: true,
        resources: [],
        locations: [],
        order,
      };
      this.findings.set(fingerprint, finding);
    } else {
      for (const [k, v] of Object.entries(captures)) if (finding.captures[k] === undefined) finding.captures[k] = v;
      if (order[0] < finding.order[0] || (order[0] === finding.order[0] && order[1] < finding.order[1])) finding.order = order;
    }
    finding.occurrenceCount++;
    if (finding.occurrences.length < MAX_OCCURRENCES && !finding.occurrences.some((o) => o.source === occurrence.source && o.line === occurrence.line)) {
      finding.occurrences.push(occurrence);
    }
    if (!finding.location && event.location) finding.location = event.location;
    const at = event.location;
    if (at && finding.locations.length < MAX_OCCURRENCES && !finding.locations.some((l) => l.file === at.file && l.line === at.line)) {
      finding.locations.push(at);
    }
    if (event.resourceId || event.constructPath) {
      const hint: ResourceHint = { id: event.resourceId, type: event.resourceType, constructPath: event.constructPath };
      if (!finding.resources.some((r) => r.id === hint.id && r.constructPath === hint.constructPath) && finding.resources.length < MAX_OCCURRENCES) {
        finding.resources.push(hint);
      }
    }
  }

  result(): Classification {
    const findings = this.foldRestatements([...this.findings.values()]);
    for (const f of findings) f.occurrences.sort((a, b) => (this.sourceOrder.get(a.source)! - this.sourceOrder.get(b.source)!) || a.line - b.line);
    findings.sort((a, b) => a.order[0] - b.order[0] || a.order[1] - b.order[1]);
    // A finding seen only in summaries (❌ line) while other findings have their own events is a restatement.
    const anyDirect = findings.some((f) => f.occurrences.some((o) => !o.cascade));
    for (const f of findings) f.rootCause = !anyDirect || f.occurrences.some((o) => !o.cascade);
    return { findings, unclassified: this.unclassified, unclassifiedCount: this.unclassifiedCount };
  }

  /**
   * A wrapper's restatement (`Terraform exited with code 1`) is a finding of its own only in an
   * input with nothing else; otherwise its occurrences join the cause printed before it in the
   * same input (or the first cause of that input), marked as cascades.
   */
  private foldRestatements(all: Finding[]): Finding[] {
    const causes = all.filter((f) => !f.signature.match.restates);
    const kept: Finding[] = [...causes];
    const linesIn = (f: Finding, source: string) => f.occurrences.filter((x) => x.source === source).map((x) => x.line);
    for (const r of all.filter((f) => f.signature.match.restates)) {
      const own: Occurrence[] = [];
      for (const o of r.occurrences) {
        const same = causes.filter((c) => linesIn(c, o.source).length);
        if (!same.length) { own.push(o); continue; }
        const before = same.filter((c) => linesIn(c, o.source).some((l) => l <= o.line));
        const pool = before.length ? before : same;
        const target = pool.reduce((a, b) => (Math.max(...linesIn(b, o.source)) > Math.max(...linesIn(a, o.source)) ? b : a));
        if (!target.occurrences.some((x) => x.source === o.source && x.line === o.line) && target.occurrences.length < MAX_OCCURRENCES) {
          // The restating line names its wrapper (a nested stack's parent resource), not the cause's resource.
          const { resource: _r, resourceType: _t, constructPath: _c, ...line } = o;
          target.occurrences.push({ ...line, cascade: true });
        }
        target.occurrenceCount++;
      }
      if (own.length) {
        r.occurrenceCount = own.length === r.occurrences.length ? r.occurrenceCount : own.length;
        r.occurrences = own;
        kept.push(r);
      }
    }
    return kept;
  }
}
