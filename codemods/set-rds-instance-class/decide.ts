// Which instance classes to change, for both languages: the failing class on the instances the
// log names and on those that must agree with them (the members of one cluster run one engine
// version, so a class it rejects fails for each of them), each moved to the smallest class of
// its family that its engine version accepts. Engine and version come from the log, else from
// the resource's own arguments or the cluster it joins.
import type { CodemodResult } from '../../src/fix/contract.js';
import { instanceClassTable, majorOf, parseInstanceClass, pickInstanceClass, type InstanceClassChoice } from '../../src/data/rds.js';
import { matchScore, ownerKey, selectSites, templated, type OwnerPath, type Site } from '../../src/fix/sites.js';
import type { Captures, ResourceHint } from '../../src/types.js';

export interface Parts {
  family: string;
  size: string;
}

export interface ClassSite extends Site {
  /** The class the site holds now. */
  cls: Parts;
  /** CDK's `InstanceType.of(InstanceClass.X, ...)`: only the size can be changed. */
  cdkEnum: boolean;
  /** What the resource's own arguments (or its cluster's) say its engine is (undefined: not written there). */
  engine?: string;
  engineVersion?: string;
  /** Filled in by the decision: the class to write. */
  choice?: InstanceClassChoice;
}

export const sameClass = (a: Parts | undefined, b: Parts | undefined) => !!a && !!b && a.family === b.family && a.size === b.size;
export const dbClass = (p: Parts) => `db.${p.family}.${p.size}`;

const ENGINE_NAMES: Record<string, string> = {
  postgresql: 'postgres', postgres: 'postgres', mysql: 'mysql', mariadb: 'mariadb',
  auroramysql: 'aurora-mysql', aurorapostgresql: 'aurora-postgresql', aurora: 'aurora',
};

/** 'Aurora MySQL', 'aurora-mysql', 'AURORA_POSTGRESQL', 'PostgreSQL' -> the RDS engine name. */
export function engineName(text: string): string {
  const flat = text.toLowerCase().replace(/[\s_-]/g, '');
  return ENGINE_NAMES[flat] ?? text.toLowerCase();
}

function capture(v: string | string[] | undefined): string {
  return typeof v === 'string' ? v.trim() : '';
}

/** Whether places already at the target settle the finding: for a named resource, or any when none is named. */
function settles(done: Site[], hints: ResourceHint[]): boolean {
  if (done.length === 0) return false;
  if (hints.length === 0) return true;
  return done.some((s) => s.owners.length === 0 || s.owners.some((o) => hints.some((h) => matchScore(o, h) > 0)));
}

export type ClassDecision<S> = { selected: S[]; reason: string } | CodemodResult;

/** Decide over every RDS instance class set in the candidate files (whatever its value). */
export function decideClassSites<S extends ClassSite>(all: S[], captures: Captures, hints: ResourceHint[], links: Array<[OwnerPath, OwnerPath]>, note = ''): ClassDecision<S> {
  const instanceClass = capture(captures.instanceClass);
  const from = parseInstanceClass(instanceClass);
  if (!from) return { status: 'refused', reason: `'${instanceClass}' is not an instance class like db.t3.small`, edits: {} };
  const capturedEngine = capture(captures.engine) ? engineName(capture(captures.engine)) : '';
  const capturedVersion = capture(captures.engineVersion);
  const table = instanceClassTable();
  const orderable = (engine: string, version?: string) =>
    `check \`aws rds describe-orderable-db-instance-options --engine ${engine} --engine-version ${version || '<version>'}\``;

  // Another engine's (or another major version's) instance with the same class is not this finding's.
  const capturedMajor = capturedEngine && capturedVersion ? majorOf(capturedEngine, capturedVersion) : undefined;
  const relevant = all.filter((s) =>
    (!capturedEngine || !s.engine || s.engine === capturedEngine) &&
    (!capturedMajor || !s.engineVersion || majorOf(capturedEngine, s.engineVersion) === capturedMajor));
  for (const s of relevant) {
    const engine = capturedEngine || s.engine;
    const version = capturedVersion || s.engineVersion;
    if (engine) s.choice = pickInstanceClass(instanceClass, engine, version);
  }
  const failing = relevant.filter((s) => sameClass(s.cls, from));
  const done = relevant.filter((s) => s.choice && sameClass(s.cls, s.choice));
  const alreadyFixed = () => settles(done, hints);
  const fixedReason = () => `${dbClass(done[0]!.choice!)} is already set (${done.map((s) => `${s.file}:${s.line}`).join(', ')})`;

  if (failing.length === 0) {
    if (alreadyFixed()) return { status: 'already-fixed', reason: fixedReason(), edits: {} };
    return { status: 'not-found', reason: `no RDS instance with ${instanceClass} in the candidate files${note}`, edits: {} };
  }
  // The log gave engine and version: the table has a rule or the fix is refused.
  if (capturedEngine && capturedVersion && !pickInstanceClass(instanceClass, capturedEngine, capturedVersion)) {
    return {
      status: 'refused',
      reason: `the data table (${table.generated}) has no smaller-is-unsupported rule for ${instanceClass} on ${capturedEngine} ${capturedVersion}; ${orderable(capturedEngine, capturedVersion)}`,
      edits: {},
    };
  }
  for (const s of failing) {
    if (s.refusal) continue;
    const engine = capturedEngine || s.engine;
    const version = capturedVersion || s.engineVersion;
    if (!engine) {
      s.refusal = `the engine of ${s.what} (${s.file}:${s.line}) is not known: the log names none and the resource does not set it here; ${orderable('<engine>', version)}`;
    } else if (!s.choice) {
      s.refusal = `the data table (${table.generated}) has no smaller-is-unsupported rule for ${instanceClass} on ${engine} ${version ?? ''}`.trimEnd() + `; ${orderable(engine, version)}`;
    } else if (s.cdkEnum && s.choice.family !== from.family) {
      s.refusal = `the fix changes the family (${from.family} -> ${s.choice.family}); CDK's InstanceClass member has to be chosen by hand`;
    }
  }

  const pick = selectSites(failing, hints, { links });
  if ('refused' in pick) return { status: 'refused', reason: pick.refused, edits: {} };
  if (pick.selected.length === 0) {
    if (alreadyFixed()) return { status: 'already-fixed', reason: fixedReason(), edits: {} };
    const named = hints.map((r) => r.id ?? r.constructPath).join(', ');
    return { status: 'not-found', reason: `${instanceClass} is set only for instances the log does not name (not ${named})`, edits: {} };
  }
  const why = [...new Set(pick.selected.map((s) => {
    const engine = capturedEngine || s.engine;
    const version = capturedVersion || s.engineVersion;
    return `${dbClass(s.choice!)} (smallest ${s.choice!.family} class for ${engine}${version ? ` ${version}` : ''})`;
  }))].join(', ');
  const owners = new Map<string, OwnerPath>();
  for (const s of pick.selected) for (const o of s.owners) owners.set(ownerKey(o), o);
  const notes: string[] = [];
  const perCall = [...owners.entries()].filter(([, o]) => templated(o)).map(([k]) => `'${k}'`);
  if (owners.size > 1) notes.push(`${[...owners.keys()].map((k) => `'${k}'`).join(', ')} run one engine version, so each would be refused ${instanceClass}: all changed`);
  else if (perCall.length) notes.push(`${perCall.join(', ')} name${perCall.length === 1 ? 's' : ''} one instance per call or environment; each gets the new class`);
  return {
    selected: pick.selected,
    reason: `${instanceClass} -> ${why} in ${pick.selected.map((s) => `${s.file}:${s.line}`).join(', ')}${notes.map((n) => `; ${n}`).join('')}`,
  };
}
