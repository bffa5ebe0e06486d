// CloudFormation `describe-stack-events` JSON (pretty-printed as the AWS CLI does, or compact
// one object per line; keys in any order; several pages concatenated), parsed line by line so a
// long event history never sits in memory: only the fields of the object being read are kept,
// and only failed events and the marks where each stack operation began. The API lists events
// newest first and the history spans every past deploy: at the end, only the failures of each
// stack's last operation are emitted, oldest first.
//
// The newer `describe-events` (`OperationEvents`, grouped by `OperationId`) is read the same
// way: its `EventType` says what failed. A `VALIDATION_ERROR` is a pre-deployment (early)
// validation failure, its reason in `ValidationStatusReason` and the failing property in
// `ValidationPath` (kept as the `validationPath` capture); a `HOOK_INVOCATION_ERROR` is a Hook
// that refused the operation (`HookStatusReason`); a `PROVISIONING_ERROR` is a resource that
// failed like a `*_FAILED` stack event. A validation or Hook in `WARN` mode is a warning.
import type { Line } from '../types.js';
import type { Sink } from './block.js';
import { isCascade } from './cascade.js';

const KEY_VALUE = /^\s*"(?<key>[A-Za-z]+)"\s*:\s*(?<value>"(?:[^"\\]|\\.)*"|-?\d+(?:\.\d+)?|true|false|null)\s*,?\s*$/;
const WANTED = new Set([
  'ResourceStatus', 'ResourceStatusReason', 'ResourceType', 'LogicalResourceId', 'StackName', 'Timestamp',
  'EventId', 'ClientRequestToken', 'OperationId',
  // describe-events
  'StackId', 'StartTime', 'EventType', 'ValidationStatus', 'ValidationStatusReason', 'ValidationPath', 'ValidationName',
  'ValidationFailureMode', 'HookStatus', 'HookStatusReason', 'HookType', 'HookFailureMode',
]);
/** The fields that hold an event's reason, by what failed. */
const REASON_KEYS = new Set(['ResourceStatusReason', 'ValidationStatusReason', 'HookStatusReason']);
/** A stack operation starts with the stack's own *_IN_PROGRESS event (not a rollback or cleanup). */
const OPERATION_START = /^(?:CREATE|UPDATE|DELETE|IMPORT)_IN_PROGRESS$/;
/** Failures kept while reading: more than this many in one history keeps the newest. */
const MAX_FAILURES = 5000;

interface Frame {
  startLine: number;
  fields: Record<string, string>;
  reasonLine?: Line;
}

interface Failure {
  fields: Record<string, string>;
  source: string;
  startLine: number;
  text: string;
  time: number;
  seq: number;
}

export class CfnJsonParser {
  private stack: Frame[] = [];
  private failures: Failure[] = [];
  private seen = new Set<string>();
  /** Per stack: when its latest operation began, and the token that operation carries. */
  private starts = new Map<string, Start>();
  private seq = 0;

  constructor(private readonly sink: Sink) {}

  push(line: Line): void {
    const text = line.text;
    const trimmed = text.trim();
    if (!trimmed) return;
    // Compact output: a whole object (or array of them) on one line.
    if ((trimmed.startsWith('{') || trimmed.startsWith('[')) && trimmed.length > 2 && /[}\]],?$/.test(trimmed)) {
      try {
        const value: unknown = JSON.parse(trimmed.replace(/,$/, ''));
        this.walk(value, line);
        return;
      } catch {
        // not complete on this line: fall through to the line scanner
      }
    }
    const kv = KEY_VALUE.exec(text);
    if (kv) {
      const frame = this.stack[this.stack.length - 1];
      const key = kv.groups!.key!;
      if (frame && WANTED.has(key)) {
        try {
          frame.fields[key] = String(JSON.parse(kv.groups!.value!));
          if (REASON_KEYS.has(key)) frame.reasonLine = line;
        } catch {
          // a malformed value is skipped, not fatal
        }
      }
      return;
    }
    let inString = false;
    for (let i = 0; i < text.length; i++) {
      const c = text[i];
      if (inString) {
        if (c === '\\') i++;
        else if (c === '"') inString = false;
      } else if (c === '"') inString = true;
      else if (c === '{') this.stack.push({ startLine: line.lineNo, fields: {} });
      else if (c === '}') {
        const frame = this.stack.pop();
        if (frame) this.emit(frame.fields, line.source, frame.startLine, frame.reasonLine?.text);
      }
    }
  }

  private walk(value: unknown, line: Line): void {
    if (Array.isArray(value)) {
      for (const v of value) this.walk(v, line);
    } else if (value && typeof value === 'object') {
      const obj = value as Record<string, unknown>;
      if (typeof obj.ResourceStatus === 'string' || typeof obj.EventType === 'string') {
        const fields: Record<string, string> = {};
        for (const k of WANTED) if (typeof obj[k] === 'string') fields[k] = obj[k] as string;
        this.emit(fields, line.source, line.lineNo, line.text);
      } else {
        for (const v of Object.values(obj)) if (v && typeof v === 'object') this.walk(v, line);
      }
    }
  }

  private emit(fields: Record<string, string>, source: string, startLine: number, text: string | undefined): void {
    const status = fields.ResourceStatus;
    if (!status && !fields.EventType) return;
    // Overlapping pages repeat events.
    if (fields.EventId) {
      if (this.seen.has(fields.EventId)) return;
      this.seen.add(fields.EventId);
    }
    this.sink.saw('cfn-json');
    const stamp = fields.Timestamp ?? fields.StartTime;
    const time = stamp ? Date.parse(stamp) : Number.NaN;
    // describe-events names the stack by its ARN only.
    const stackName = fields.StackName ?? /:stack\/(?<name>[^/]+)\//.exec(fields.StackId ?? '')?.groups?.name ?? '';
    if (!fields.StackName && stackName) fields.StackName = stackName;
    if (status && fields.ResourceType === 'AWS::CloudFormation::Stack' && fields.LogicalResourceId === stackName && OPERATION_START.test(status) && !Number.isNaN(time)) {
      const prev = this.starts.get(stackName);
      if (!prev || time > prev.time) this.starts.set(stackName, { time, token: fields.ClientRequestToken, operation: fields.OperationId });
    }
    if (failureOf(fields) === undefined) return;
    this.failures.push({ fields, source, startLine, text: (text ?? failureOf(fields)!.reason).trim(), time, seq: this.seq++ });
    if (this.failures.length > MAX_FAILURES * 2) this.trim();
  }

  private trim(): void {
    this.failures.sort(byTime);
    this.failures = this.failures.slice(-MAX_FAILURES);
  }

  end(): void {
    this.stack = [];
    this.trim();
    for (const f of this.failures) {
      const start = this.starts.get(f.fields.StackName ?? '');
      const failure = failureOf(f.fields)!;
      // A validation or Hook failure belongs to the change set or operation before the stack's
      // own events: it counts when it is no older than the last operation.
      if (start && !inOperation(f, start) && !(failure.early && (Number.isNaN(f.time) || f.time >= start.time))) continue;
      const cascade = isCascade(failure.reason);
      const facts: Record<string, string> = {};
      if (f.fields.ValidationPath) facts.validationPath = f.fields.ValidationPath;
      if (f.fields.ValidationName) facts.validationName = f.fields.ValidationName;
      if (f.fields.HookType) facts.hookType = f.fields.HookType;
      this.sink.emit({
        tool: 'cloudformation',
        status: failure.status,
        stackName: f.fields.StackName,
        resourceType: f.fields.ResourceType,
        resourceId: f.fields.LogicalResourceId,
        message: failure.reason,
        cascade: cascade || undefined,
        severity: failure.severity,
        span: { source: f.source, startLine: f.startLine, endLine: f.startLine },
        lines: [{ lineNo: f.startLine, text: f.text, offset: 0 }],
        ...(Object.keys(facts).length ? { facts } : {}),
      });
    }
    this.failures = [];
  }
}

/**
 * What an event says failed, or undefined for progress: a `*_FAILED` status (or a rollback's
 * cascade), a failed early validation, a failed Hook.
 */
function failureOf(f: Record<string, string>): { reason: string; status: string; severity: 'error' | 'warning'; early: boolean } | undefined {
  const type = f.EventType;
  const validation = f.ValidationStatusReason?.trim();
  if (validation && (type === 'VALIDATION_ERROR' || f.ValidationStatus === 'FAILED')) {
    return { reason: validation, status: type ?? 'VALIDATION_ERROR', severity: f.ValidationFailureMode === 'WARN' ? 'warning' : 'error', early: true };
  }
  const hook = f.HookStatusReason?.trim();
  if (hook && (type === 'HOOK_INVOCATION_ERROR' || /^HOOK_(?:COMPLETE_)?FAILED$/.test(f.HookStatus ?? ''))) {
    return { reason: hook, status: type ?? f.HookStatus!, severity: f.HookFailureMode === 'WARN' ? 'warning' : 'error', early: true };
  }
  const status = f.ResourceStatus;
  const reason = f.ResourceStatusReason?.trim();
  if (!status || !reason) return undefined;
  if (!/FAILED/.test(status) && !(/ROLLBACK/.test(status) && isCascade(reason))) return undefined;
  return { reason, status, severity: 'error', early: false };
}

/** Oldest first; events without a time keep the reverse of their listed order (the API lists newest first). */
function byTime(a: Failure, b: Failure): number {
  const ta = Number.isNaN(a.time) ? null : a.time;
  const tb = Number.isNaN(b.time) ? null : b.time;
  if (ta !== null && tb !== null && ta !== tb) return ta - tb;
  return b.seq - a.seq;
}

interface Start {
  time: number;
  token?: string;
  operation?: string;
}

/** Same operation: by OperationId where both events have one, else by ClientRequestToken, else by time. */
function inOperation(f: Failure, start: Start): boolean {
  if (start.operation && f.fields.OperationId) return f.fields.OperationId === start.operation;
  const token = f.fields.ClientRequestToken;
  if (start.token && token) return token === start.token;
  return Number.isNaN(f.time) || f.time >= start.time;
}
