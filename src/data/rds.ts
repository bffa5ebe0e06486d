// Volatile AWS facts about RDS, kept as dated data (cfn-lint style) rather than code:
// which engine versions are still offered and which instance classes each engine accepts.
// The JSON files are plain data so that Python codemods (and people) can read them too;
// this module only holds the rules that pick a replacement from them.
import fs from 'node:fs';

export type RdsEngine = 'postgres' | 'aurora-postgresql' | 'mysql' | 'aurora-mysql' | 'mariadb';

export interface EngineVersionTable {
  generated: string;
  source: string;
  /** Per engine: the pages (and notes) its version list was compiled from. */
  sources: Record<string, string>;
  /** What is known to be out of date in the lists, and what to check. */
  caveats?: string;
  rule: string;
  engines: Record<string, Record<string, string[]>>;
  replacements: Record<string, Record<string, string>>;
}

export interface InstanceClassTable {
  generated: string;
  source: string;
  rule: string;
  sizes: string[];
  retiredFamilies: Record<string, string>;
  engines: Record<string, Record<string, Record<string, string>>>;
}

function load<T>(name: string): T {
  return JSON.parse(fs.readFileSync(new URL(`./${name}`, import.meta.url), 'utf8')) as T;
}

let engineVersions: EngineVersionTable | undefined;
let instanceClasses: InstanceClassTable | undefined;

export function engineVersionTable(): EngineVersionTable {
  return (engineVersions ??= load<EngineVersionTable>('rds-engine-versions.json'));
}

export function instanceClassTable(): InstanceClassTable {
  return (instanceClasses ??= load<InstanceClassTable>('rds-instance-classes.json'));
}

/** Numeric parts of a version, for ordering: '8.0.mysql_aurora.3.05.2' -> [8, 0, 3, 5, 2]. */
export function versionParts(version: string): number[] {
  return (version.match(/\d+/g) ?? []).map(Number);
}

export function compareVersions(a: string, b: string): number {
  const pa = versionParts(a);
  const pb = versionParts(b);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? -1) - (pb[i] ?? -1);
    if (d !== 0) return d;
  }
  return 0;
}

/**
 * The major version line a version belongs to, as RDS groups them: '15' for PostgreSQL 10+,
 * '9.6' before that, and 'x.y' for MySQL, MariaDB and Aurora MySQL ('8.0.mysql_aurora.3.05.2' -> '8.0').
 */
export function majorOf(engine: string, version: string): string | undefined {
  const parts = version.split('.');
  if (!/^\d+$/.test(parts[0] ?? '')) return undefined;
  if (engine === 'postgres' || engine === 'aurora-postgresql') {
    return Number(parts[0]) >= 10 ? parts[0] : parts.slice(0, 2).join('.');
  }
  if (engine === 'aurora-mysql' && /^[23]\.\d+/.test(version) && parts.length === 3) {
    // An Aurora version given without its MySQL prefix: 3.x is MySQL 8.0, 2.x is 5.7.
    return parts[0] === '3' ? '8.0' : '5.7';
  }
  return parts.length >= 2 ? parts.slice(0, 2).join('.') : undefined;
}

export interface EngineVersionChoice {
  /** The version to write, in the full form ('8.0.mysql_aurora.3.08.2'). */
  version: string;
  /** 'up': the lowest offered version above the requested one; 'down': the highest below it. */
  direction: 'up' | 'down';
  /** Where the offered versions came from. */
  from: 'error' | 'table';
  /** One line for the user: why this version. */
  reason: string;
}

/**
 * The replacement for an engine version the region does not offer, within its major:
 * the lowest offered version above it (15.4 -> 15.8); when it is above every offered version of
 * its major (a typo such as 15.41, a minor not yet released in the region), the highest one below it.
 * `validVersions` (from the error message) wins over the table. Never crosses a major; a
 * version equal to the newest one listed gets no answer (the list is stale, not the code).
 */
export function chooseEngineVersion(engine: string, version: string, validVersions?: readonly string[]): EngineVersionChoice | undefined {
  const major = majorOf(engine, version);
  if (!major) return undefined;
  const full = expandAuroraMysql(engine, version);
  const fromError = validVersions !== undefined && validVersions.length > 0;
  const offered = fromError
    ? validVersions.map((v) => expandAuroraMysql(engine, v)).filter((v) => majorOf(engine, v) === major)
    : [...(engineVersionTable().engines[engine]?.[major] ?? [])];
  const same = [...new Set(offered)].filter((v) => v !== full).sort(compareVersions);
  if (same.length === 0) return undefined;
  const where = fromError ? 'the versions the error lists' : `stackfix's table of offered versions (${engineVersionTable().generated})`;
  const up = same.find((v) => compareVersions(v, full) > 0);
  if (up) return { version: up, direction: 'up', from: fromError ? 'error' : 'table', reason: `${up} is the lowest ${engine} ${major} version above ${version} in ${where}` };
  const newest = same.at(-1)!;
  // A version the table itself lists as newest: the table is out of date, not the code.
  if (!fromError && (engineVersionTable().engines[engine]?.[major] ?? []).includes(full)) return undefined;
  return {
    version: newest,
    direction: 'down',
    from: fromError ? 'error' : 'table',
    reason: `${version} is newer than every ${engine} ${major} version in ${where} (a typo, or a minor not released in this region yet); ${newest} is the newest offered`,
  };
}

/** The version `chooseEngineVersion` picks, or undefined. */
export function pickEngineVersion(engine: string, version: string, validVersions?: readonly string[]): string | undefined {
  return chooseEngineVersion(engine, version, validVersions)?.version;
}

function expandAuroraMysql(engine: string, version: string): string {
  if (engine !== 'aurora-mysql' || !/^[23]\.\d+\.\d+$/.test(version)) return version;
  return `${version.startsWith('3.') ? '8.0' : '5.7'}.mysql_aurora.${version}`;
}

export interface InstanceClassChoice {
  /** 'db.t3.medium' */
  instanceClass: string;
  family: string;
  size: string;
  /** The failing class's family and size. */
  fromFamily: string;
  fromSize: string;
}

/** 'db.t3.small' -> { family: 't3', size: 'small' } (the 'db.' prefix is optional). */
export function parseInstanceClass(instanceClass: string): { family: string; size: string } | undefined {
  const m = /^(?:db\.)?([a-z][a-z0-9-]*)\.([a-z0-9]+)$/.exec(instanceClass.trim().toLowerCase());
  return m ? { family: m[1]!, size: m[2]! } : undefined;
}

/**
 * The smallest class of the same family that the engine version accepts
 * (db.t3.small on Aurora MySQL 8.0 -> db.t3.medium). A retired family moves to its successor
 * first. Undefined when the table has no row for the engine, or says the class is already fine.
 */
export function pickInstanceClass(instanceClass: string, engine: string, engineVersion?: string): InstanceClassChoice | undefined {
  const parsed = parseInstanceClass(instanceClass);
  if (!parsed) return undefined;
  const table = instanceClassTable();
  const byMajor = table.engines[engine];
  if (!byMajor) return undefined;
  const major = engineVersion ? majorOf(engine, engineVersion) : undefined;
  const families = (major !== undefined ? byMajor[major] : undefined) ?? byMajor['default'];
  if (!families) return undefined;
  const family = families[parsed.family] ? parsed.family : table.retiredFamilies[parsed.family];
  const minSize = family ? families[family] : undefined;
  if (!family || !minSize) return undefined;
  const rank = (s: string) => table.sizes.indexOf(s);
  if (rank(parsed.size) < 0) return undefined;
  const size = rank(parsed.size) < rank(minSize) ? minSize : parsed.size;
  if (family === parsed.family && size === parsed.size) return undefined;
  return { instanceClass: `db.${family}.${size}`, family, size, fromFamily: parsed.family, fromSize: parsed.size };
}

/**
 * The parameter group family of an engine version, as RDS names it: `postgres15`,
 * `aurora-postgresql15`, `mysql8.0`, `aurora-mysql8.0`, `mariadb10.11`. Undefined for an engine
 * or version it cannot tell.
 */
export function parameterGroupFamily(engine: string, version: string): string | undefined {
  const major = majorOf(engine, expandAuroraMysql(engine, version));
  if (!major || !['postgres', 'aurora-postgresql', 'mysql', 'aurora-mysql', 'mariadb'].includes(engine)) return undefined;
  return `${engine}${major}`;
}
