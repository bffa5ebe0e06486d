// classify: events -> findings. Each event's message is matched against the catalogue in three
// tiers: specific signatures, then the broad fallback ones, then the generic layer (any AWS API
// error, Terraform or Pulumi diagnostic), so a specific signature always wins over a broad or
// generic one for the same event. Matches with the same fingerprint (signature + the captures
// that identify the cause) are one finding with several occurrences. A failure no tier claims is
// an unclassified line; cascades never become causes or unclassified lines, unless an input shows
// its failure only as a cascade.
import type { Captures, Event, Occurrence, ResourceHint } from '../types.js';
import { isCancellation } from '../formats/cascade.js';
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
  /** A failure the log shows (exit 1), or a warning nothing recognised (does not change the exit code). */
  severity: 'error' | 'warning';
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

/** Facts every finding keeps, whether or not its signature declares them. */
const ALWAYS_KEPT_FACTS = new Set(['validationPath']);
/**
 * Facts that mean the same in any signature that declares a capture of that name. Others (a
 * Terraform diagnostic's `detail`) go only to the generic signatures written for them: a
 * specific signature's own `detail` capture means what its pattern says.
 */
const SHARED_FACTS = new Set(['summary', 'validationName', 'hookType']);

/** A generic finding's identity ignores request ids and how a terminal wrapped the message. */
function genericIdentity(value: string | string[] | undefined): string {
  if (value === undefined) return 'null';
  const one = (v: string) => v.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi, '#').replace(/\s+/g, '');
  return JSON.stringify(Array.isArray(value) ? value.map(one) : one(value));
}

export class Classifier {
  private readonly findings = new Map<string, Finding>();
  private readonly unclassified: Unclassified[] = [];
  private readonly unclassifiedKeys = new Set<string>();
  private unclassifiedCount = 0;
  private readonly sourceOrder = new Map<string, number>();
  /** Per input, the first cascade that showed a failure: reported when the input shows nothing else. */
  private readonly cascadeOnly = new Map<string, Unclassified>();
  /** Events per input, and an input's first event when only a word marks it as a failure. */
  private readonly eventsIn = new Map<string, number>();
  private readonly lone = new Map<string, Unclassified>();

  /** Signatures that recognise a class by the resource that failed (tried first when it matches). */
  private readonly byResource: Signature[];
  private readonly specific: Signature[];
  private readonly fallback: Signature[];
  private readonly generic: Signature[];

  constructor(signatures: Signature[]) {
    this.byResource = signatures.filter((s) => s.match.resources && !s.match.fallback && !s.match.generic);
    this.specific = signatures.filter((s) => !s.match.resources && !s.match.fallback && !s.match.generic);
    this.fallback = signatures.filter((s) => s.match.fallback);
    // A provider's own error (any tool printed it) before one tool's framing of it.
    this.generic = signatures
      .filter((s) => s.match.generic)
      .sort((a, b) => Number(a.match.tools !== undefined) - Number(b.match.tools !== undefined) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }

  private events = 0;

  add(event: Event): void {
    this.events++;
    const source = event.span.source;
    if (!this.sourceOrder.has(source)) this.sourceOrder.set(source, this.sourceOrder.size);
    this.eventsIn.set(source, (this.eventsIn.get(source) ?? 0) + 1);
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
    // The generic layer: one finding per failure no signature knows. A warning is not a failure,
    // and a restatement (cascade) belongs to the failure it restates.
    if (!matched && event.severity !== 'warning' && !event.cascade) {
      for (const sig of this.generic) {
        if (sig.match.tools && !sig.match.tools.includes(event.tool)) continue;
        for (const m of matchSignature(sig, event.message)) {
          matched = true;
          this.record(sig, m.captures, m.index, event);
        }
        if (matched) break;
      }
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
        if (!this.findings.has(this.fingerprintOf(sig, this.withFacts(sig, m.captures, event)))) continue;
        joined = true;
        this.record(sig, m.captures, m.index, event);
      }
    }
    return joined;
  }

  /** The captures a finding keeps: what the pattern matched plus the adapter's facts it may hold. */
  private withFacts(sig: Signature, matched: Captures, event: Event): Captures {
    if (!event.facts) return matched;
    const captures = { ...matched };
    for (const [k, v] of Object.entries(event.facts)) {
      if (captures[k] !== undefined || !v) continue;
      if (ALWAYS_KEPT_FACTS.has(k) || (sig.captures[k] && (sig.match.generic || SHARED_FACTS.has(k)))) captures[k] = v;
    }
    return captures;
  }

  private fingerprintOf(sig: Signature, captures: Captures): string {
    const keys = sig.fingerprint.length ? sig.fingerprint : Object.keys(sig.captures);
    const identity = keys.map((k) => (sig.match.generic ? genericIdentity(captures[k]) : JSON.stringify(captures[k] ?? null))).join('\u0000');
    // node:crypto is loaded on the first finding: a clean log never needs it
    return process.getBuiltinModule('node:crypto').createHash('sha1').update(`${sig.id}\u0000${identity}`).digest('hex').slice(0, 16);
  }

  private noteUnclassified(event: Event, source: string): void {
    if (event.weak && this.eventsIn.get(source) === 1) {
      this.lone.set(source, { source, line: event.span.startLine, text: clip(event.lines[0]?.text ?? event.message), severity: 'error' });
    }
    if (!event.severity) return;
    const entry: Unclassified = { source, line: event.span.startLine, text: clip(event.lines[0]?.text ?? event.message), severity: event.severity };
    if (event.cascade) {
      if (event.severity === 'error' && !this.cascadeOnly.has(source) && !isCancellation(event.message)) this.cascadeOnly.set(source, entry);
      return;
    }
    const key = `${event.severity}\u0000${messageKey(event.message)}`;
    if (this.unclassifiedKeys.has(key)) return;
    this.unclassifiedKeys.add(key);
    this.unclassifiedCount++;
    if (this.unclassified.length < MAX_UNCLASSIFIED) this.unclassified.push(entry);
  }

  private record(sig: Signature, matched: Captures, index: number, event: Event): void {
    const captures = this.withFacts(sig, matched, event);
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
      ...(event.location ? { location: event.location } : {}),
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
    const findings = this.dropGenericRestatements(this.foldRestatements([...this.findings.values()]));
    // An input whose failure shows only as a cascade (`update failed`, `Resource creation
    // cancelled`, the log cut before the cause) still shows a failure: it is listed.
    for (const [source, entry] of this.cascadeOnly) {
      const shown = findings.some((f) => f.occurrences.some((o) => o.source === source)) || this.unclassified.some((u) => u.source === source && u.severity === 'error');
      if (shown) continue;
      this.unclassifiedCount++;
      if (this.unclassified.length < MAX_UNCLASSIFIED) this.unclassified.push(entry);
    }
    this.cascadeOnly.clear();
    // A message pasted on its own ("Invalid CIDR block parameter") is the failure it names.
    for (const [source, entry] of this.lone) {
      if (this.eventsIn.get(source) !== 1 || findings.some((f) => f.occurrences.some((o) => o.source === source))) continue;
      this.unclassifiedCount++;
      if (this.unclassified.length < MAX_UNCLASSIFIED) this.unclassified.push(entry);
    }
    this.lone.clear();
    for (const f of findings) f.occurrences.sort((a, b) => (this.sourceOrder.get(a.source)! - this.sourceOrder.get(b.source)!) || a.line - b.line);
    findings.sort((a, b) => a.order[0] - b.order[0] || a.order[1] - b.order[1]);
    // A finding seen only in summaries (❌ line) while other findings have their own events is a restatement.
    const anyDirect = findings.some((f) => f.occurrences.some((o) => !o.cascade));
    for (const f of findings) f.rootCause = !anyDirect || f.occurrences.some((o) => !o.cascade);
    return { findings, unclassified: this.unclassified, unclassifiedCount: this.unclassifiedCount };
  }

  /**
   * A generic finding seen only in restatements (Pulumi's `update failed`, a ❌ summary) is
   * noise when its input shows another finding or failure: the restatement belongs to that.
   */
  private dropGenericRestatements(all: Finding[]): Finding[] {
    return all.filter((f) => {
      if (!f.signature.match.generic || f.occurrences.some((o) => !o.cascade)) return true;
      const sources = new Set(f.occurrences.map((o) => o.source));
      const other = all.some((g) => g !== f && g.occurrences.some((o) => sources.has(o.source)));
      return !other && !this.unclassified.some((u) => sources.has(u.source) && u.severity === 'error');
    });
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
