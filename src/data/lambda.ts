// Lambda's reserved environment variable keys (src/data/lambda-reserved-env-vars.json, dated, with
// its source): the keys the runtime sets itself and a function's configuration may not.
import fs from 'node:fs';

export interface ReservedEnvTable {
  generated: string;
  source: string;
  rule: string;
  reserved: string[];
}

let table: ReservedEnvTable | undefined;

export function reservedEnvTable(): ReservedEnvTable {
  table ??= JSON.parse(fs.readFileSync(new URL('./lambda-reserved-env-vars.json', import.meta.url), 'utf8')) as ReservedEnvTable;
  return table;
}

export function isReservedEnvKey(key: string): boolean {
  return reservedEnvTable().reserved.includes(key);
}

/** `AWS_REGION, _X_AMZN_TRACE_ID` / a list capture -> the reserved keys it names, in order. */
export function reservedKeys(capture: string | string[] | undefined): string[] {
  const list = Array.isArray(capture) ? capture : (capture ?? '').split(/[\s,]+/);
  return [...new Set(list.map((k) => k.trim()).filter(isReservedEnvKey))];
}
