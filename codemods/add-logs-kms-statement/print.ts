// A tiny printer for the statements this codemod writes, in the target file's style.
import type { Style } from './source.js';

/** Code as written (already quoted), an array, an object, or an object kept on one line. */
export type Value = { code: string } | Value[] | { inline: Record<string, Value> } | { [key: string]: Value };

export interface PrintOptions {
  style: Style;
  /** Quote used for keys that are valid identifiers; '' leaves them bare. */
  keyQuote: string;
  /** Quote used for string values and keys that need quotes. */
  quote: string;
}

export const code = (c: string): Value => ({ code: c });

export function printValue(v: Value, indent: string, o: PrintOptions): string {
  const { eol, unit, trailingComma } = o.style;
  const inner = indent + unit;
  const tc = trailingComma ? ',' : '';
  if (Array.isArray(v)) {
    if (v.length === 0) return '[]';
    return `[${eol}${v.map((x) => inner + printValue(x, inner, o)).join(`,${eol}`)}${tc}${eol}${indent}]`;
  }
  if ('code' in v && typeof (v as { code: unknown }).code === 'string') return (v as { code: string }).code;
  if ('inline' in v && typeof (v as { inline: unknown }).inline === 'object') {
    const entries = Object.entries((v as { inline: Record<string, Value> }).inline);
    return `{ ${entries.map(([k, x]) => `${printKey(k, o)}: ${printValue(x, indent, o)}`).join(', ')} }`;
  }
  const entries = Object.entries(v as Record<string, Value>);
  if (entries.length === 0) return '{}';
  return `{${eol}${entries.map(([k, x]) => `${inner}${printKey(k, o)}: ${printValue(x, inner, o)}`).join(`,${eol}`)}${tc}${eol}${indent}}`;
}

export function printKey(k: string, o: PrintOptions): string {
  if (/^[A-Za-z_$][\w$]*$/.test(k)) return o.keyQuote ? `${o.keyQuote}${k}${o.keyQuote}` : k;
  const q = o.keyQuote || o.quote;
  return `${q}${k}${q}`;
}

/**
 * A string value: a quoted literal when every part is literal, else a template literal, tagged
 * when a part is an Output (`pulumi.interpolate\`...\``).
 */
export function str(parts: (string | { expr: string; tag?: string })[], quote: string): string {
  if (parts.every((p) => typeof p === 'string')) return `${quote}${parts.join('')}${quote}`;
  const tag = parts.find((p): p is { expr: string; tag: string } => typeof p !== 'string' && !!p.tag)?.tag ?? '';
  return `${tag}\`${parts.map((p) => (typeof p === 'string' ? p : `\${${p.expr}}`)).join('')}\``;
}

export const LOGS_ACTIONS = ['kms:Encrypt*', 'kms:Decrypt*', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:CreateGrant', 'kms:Describe*'];
export const LOGS_SID = 'AllowCloudWatchLogsUseOfTheKey';

/** A region or account: an expression valid at the edit (an Output names the tag that interpolates it), or a literal the code writes. */
export type Token = { expr: string; tag?: string } | string;

export function principalParts(region: Token): (string | { expr: string; tag?: string })[] {
  return ['logs.', region, '.amazonaws.com'];
}

export function logGroupArnParts(region: Token, account: Token): (string | { expr: string; tag?: string })[] {
  return ['arn:aws:logs:', region, ':', account, ':log-group:*'];
}

/** The key-policy JSON statement (Pulumi, CDKTF, CfnKey); `sid` keeps an existing statement's Sid (code as written). */
export function jsonLogsStatement(region: Token, account: Token, quote: string, sid?: string): Value {
  const q = (s: string) => code(`${quote}${s}${quote}`);
  return {
    Sid: sid ? code(sid) : q(LOGS_SID),
    Effect: q('Allow'),
    Principal: { inline: { Service: code(str(principalParts(region), quote)) } },
    Action: LOGS_ACTIONS.map(q),
    Resource: q('*'),
    Condition: {
      ArnLike: {
        'kms:EncryptionContext:aws:logs:arn': code(str(logGroupArnParts(region, account), quote)),
      },
    },
  };
}

/** The statement that keeps the account in control of a key whose policy we write from scratch. */
export function jsonRootStatement(account: Token, quote: string): Value {
  const q = (s: string) => code(`${quote}${s}${quote}`);
  return {
    Sid: q('EnableRootAccountPermissions'),
    Effect: q('Allow'),
    Principal: { inline: { AWS: code(str(['arn:aws:iam::', account, ':root'], quote)) } },
    Action: q('kms:*'),
    Resource: q('*'),
  };
}

/** The props of `new iam.PolicyStatement({...})` (CDK L2); `sid` keeps an existing statement's sid (code as written). */
export function cdkLogsStatementProps(region: Token, account: Token, quote: string, servicePrincipal: string, sid?: string): Value {
  const q = (s: string) => code(`${quote}${s}${quote}`);
  return {
    sid: sid ? code(sid) : q(LOGS_SID),
    principals: code(`[new ${servicePrincipal}(${str(principalParts(region), quote)})]`),
    actions: LOGS_ACTIONS.map(q),
    resources: code(`[${quote}*${quote}]`),
    conditions: {
      ArnLike: {
        'kms:EncryptionContext:aws:logs:arn': code(str(logGroupArnParts(region, account), quote)),
      },
    },
  };
}

/** A statement of a Terraform `aws_iam_policy_document` (CDKTF DataAwsIamPolicyDocument `statement`). */
export function tfDocumentLogsStatement(region: Token, account: Token, quote: string): Value {
  const q = (s: string) => code(`${quote}${s}${quote}`);
  return {
    sid: q(LOGS_SID),
    effect: q('Allow'),
    principals: [{ inline: { type: q('Service'), identifiers: code(`[${str(principalParts(region), quote)}]`) } }],
    actions: LOGS_ACTIONS.map(q),
    resources: code(`[${quote}*${quote}]`),
    condition: [
      {
        test: q('ArnLike'),
        variable: q('kms:EncryptionContext:aws:logs:arn'),
        values: code(`[${str(logGroupArnParts(region, account), quote)}]`),
      },
    ],
  };
}
