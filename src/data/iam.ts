// AWS managed policy names that do not exist (renamed, or at another path), as dated data
// (src/data/iam-managed-policies.json, with its source): the replacement, or why there is none.
import fs from 'node:fs';

export interface ManagedPolicyTable {
  generated: string;
  source: string;
  rule: string;
  renames: Record<string, string>;
  noManagedEquivalent: Record<string, string>;
}

let table: ManagedPolicyTable | undefined;

export function managedPolicyTable(): ManagedPolicyTable {
  table ??= JSON.parse(fs.readFileSync(new URL('./iam-managed-policies.json', import.meta.url), 'utf8')) as ManagedPolicyTable;
  return table;
}

/** `arn:aws:iam::aws:policy/service-role/ConfigRole` or `service-role/ConfigRole` -> `service-role/ConfigRole`. */
export function policyPath(nameOrArn: string): string {
  return nameOrArn.trim().replace(/^arn:aws[a-z-]*:iam::aws:policy\//, '');
}
