// CloudFormation `describe-stack-events` JSON (pretty-printed as the AWS CLI does, or compact
// one object per line), parsed line by line so a long event history never sits in memory:
// only the fields of the object being read are kept, and only failed events are emitted.
import type { Line } from '../types.js';
import type { Sink } from './block.js';
import { isCascade } from './cascade.js';

const KEY_VALUE = /^\s*"(?<key>[A-Za-z]+)"\s*:\s*(?<value>"(?:[^"\\]|\\.)*"|-?\d+(?:\.\d+)?|true|false|null)\s*,?\s*$/;
const WANTED = new Set(['ResourceStatus', 'ResourceStatusReason', 'ResourceType', 'LogicalResourceId', 'StackName', 'Timestamp']);

interface Frame {
  startLine: number;
  fields: Record<string, string>;
  reasonLine?: Line;
}

export class CfnJsonParser {
  private stack: Frame[] = [];

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
          if (key === 'ResourceStatusReason') frame.reasonLine = line;
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
      if (typeof obj.ResourceStatus === 'string') {
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
    const reason = fields.ResourceStatusReason?.trim();
    if (!status || !reason) return;
    const cascade = isCascade(reason);
    if (!/FAILED/.test(status) && !(/ROLLBACK/.test(status) && cascade)) return;
    this.sink.saw('cfn-json');
    this.sink.emit({
      tool: 'cloudformation',
      status,
      stackName: fields.StackName,
      resourceType: fields.ResourceType,
      resourceId: fields.LogicalResourceId,
      message: reason,
      cascade: cascade || undefined,
      severity: 'error',
      span: { source, startLine, endLine: startLine },
      lines: [{ lineNo: startLine, text: (text ?? reason).trim(), offset: 0 }],
    });
  }

  end(): void {
    this.stack = [];
  }
}
