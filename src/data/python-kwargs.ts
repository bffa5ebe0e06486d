// Keyword arguments Python IaC classes no longer accept, and what replaced them: dated data in
// python-kwarg-renames.json (cfn-lint style), read at run time.
import fs from 'node:fs';

export interface KwargRename {
  /** Fully qualified class: `pulumi_aws.ec2.Eip`. */
  target: string;
  kwarg: string;
  /** Absent when no rename expresses the change: `guidance` says what to write instead. */
  replacement?: string;
  guidance?: string;
  /** Old literal (as written in Python) -> new string value. */
  value?: Record<string, string>;
  /** The new argument is a list: the old value becomes its only item. */
  list?: boolean;
  note?: string;
}

export interface KwargTable {
  generated: string;
  source: string;
  rule: string;
  renames: KwargRename[];
  resourceOptions: string[];
}

let table: KwargTable | undefined;

export function kwargTable(): KwargTable {
  table ??= JSON.parse(fs.readFileSync(new URL('./python-kwarg-renames.json', import.meta.url), 'utf8')) as KwargTable;
  return table;
}

export function findRename(target: string, kwarg: string): KwargRename | undefined {
  return kwargTable().renames.find((r) => r.target === target && r.kwarg === kwarg);
}
