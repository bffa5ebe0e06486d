// Which places to move to the new engine version, for both languages. A version the region no
// longer offers is broken for every resource of the failing group that pins it: the resources
// the log names, and those that must agree with them (an Aurora cluster, its instances and its
// global cluster carry one version). Every such place changes together, to one version, or none
// does: a partial fix fails on the next deploy at the place it left.
import type { CodemodResult } from '../../src/fix/contract.js';
import { parameterGroupFamily, type EngineVersionChoice } from '../../src/data/rds.js';
import { ownerKey, places, selectSites, templated, type OwnerPath, type Site } from '../../src/fix/sites.js';
import type { ResourceHint } from '../../src/types.js';

/** A parameter group's family as the source writes it (`family: 'aurora-postgresql15'`). */
export interface Family {
  owner: OwnerPath;
  family: string;
  file: string;
  line: number;
}

export interface VersionDecision<S extends Site> {
  engine: string;
  version: string;
  target: string;
  sites: S[];
  links: Array<[OwnerPath, OwnerPath]>;
  families: Family[];
  hints: ResourceHint[];
}

export type Decided<S> = { selected: S[]; notes: string[] } | CodemodResult;

const refused = (reason: string): CodemodResult => ({ status: 'refused', reason, edits: {} });

export function decideVersionSites<S extends Site>(d: VersionDecision<S>): Decided<S> {
  const pick = selectSites(d.sites, d.hints, { links: d.links });
  if ('refused' in pick) return refused(pick.refused);
  if (pick.selected.length === 0) return { selected: [], notes: [] };
  const group = new Set(pick.group);
  const notes: string[] = [];

  // A parameter group tied to the group must be of the new version's family (the same major:
  // this fix never crosses one), else the next deploy fails there instead.
  const want = parameterGroupFamily(d.engine, d.target);
  const tied = d.families.filter((f) => group.has(ownerKey(f.owner)));
  const wrong = want ? tied.filter((f) => f.family !== want) : [];
  if (wrong.length) {
    return refused(
      `${d.engine} ${d.target} needs parameter group family ${want}, but ${wrong.map((f) => `'${ownerKey(f.owner)}' (${f.file}:${f.line}) has ${f.family}`).join(', ')}; ` +
        `the version and the family have to be chosen together by hand (${places(pick.selected)} set ${d.version})`,
    );
  }
  const owners = new Map<string, OwnerPath>();
  for (const s of pick.selected) for (const o of s.owners) owners.set(ownerKey(o), o);
  const perCall = [...owners.entries()].filter(([, o]) => templated(o)).map(([k]) => `'${k}'`);
  if (owners.size > 1) {
    notes.push(`${d.version} is offered for none of ${[...owners.keys()].map((k) => `'${k}'`).join(', ')}, which must carry one version: all moved to ${d.target} together`);
  } else if (perCall.length) {
    notes.push(`${perCall[0]} names one resource per call or environment; ${d.version} is offered for none of them, so all move to ${d.target}`);
  }
  const followers = new Map<string, OwnerPath>();
  for (const s of pick.selected) for (const o of s.followers ?? []) followers.set(ownerKey(o), o);
  if (followers.size) {
    notes.push(`the same value configures ${[...followers.keys()].map((k) => `'${k}'`).join(', ')}, whose family (${want ?? 'the same major'}) is unchanged`);
  }
  if (tied.length) notes.push(`parameter group family ${want} still matches`);
  return { selected: pick.selected, notes };
}

/** One line: what changes where, why this version, and what was tied to it or left alone. */
export function proposedReason(engine: string, version: string, target: string, how: string, selected: { file: string; line: number }[], total: number, choice: EngineVersionChoice | undefined, notes: string[]): string {
  const left = total - selected.length;
  return `${engine} ${version} -> ${target} (${how}) in ${selected.map((s) => `${s.file}:${s.line}`).join(', ')}` +
    (choice?.direction === 'down' ? `; ${choice.reason}` : '') +
    notes.map((n) => `; ${n}`).join('') +
    (left > 0 ? `; ${left} other place(s) with ${version} belong to resources the log does not name and were left alone` : '');
}
