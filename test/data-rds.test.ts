// The RDS data pickers: the rules that turn the dated tables in src/data into a replacement.
import { describe, it, expect } from '@jest/globals';
import {
  chooseEngineVersion, compareVersions, engineVersionTable, instanceClassTable, majorOf, pickEngineVersion, pickInstanceClass,
} from '../src/data/rds.js';

describe('rds engine versions', () => {
  it('tables are dated and sourced', () => {
    for (const t of [engineVersionTable(), instanceClassTable()]) {
      expect(t.generated).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(t.source.length).toBeGreaterThan(20);
    }
  });

  it.each([
    ['postgres', '15.4', '15.8'],
    ['aurora-postgresql', '15.4', '15.8'],
    ['postgres', '14.7', '14.13'],
    ['postgres', '16.1', '16.4'],
    ['mysql', '8.0.35', '8.0.39'],
    ['aurora-mysql', '8.0.mysql_aurora.3.05.2', '8.0.mysql_aurora.3.08.2'],
    ['aurora-mysql', '3.05.2', '8.0.mysql_aurora.3.08.2'],
    ['mariadb', '10.11.5', '10.11.9'],
    ['postgres', '13.7', '13.16'],
    ['postgres', '17.3', '17.5'],
    ['aurora-postgresql', '16.2', '16.4'],
    ['aurora-postgresql', '13.12', '13.16'],
    ['mysql', '5.7.38', '5.7.44'],
    ['mysql', '8.4.0', '8.4.3'],
    ['aurora-mysql', '5.7.mysql_aurora.2.11.2', '5.7.mysql_aurora.2.12.4'],
    ['aurora-mysql', '8.0.mysql_aurora.3.07.1', '8.0.mysql_aurora.3.08.2'],
    ['mariadb', '10.5.20', '10.5.27'],
    ['mariadb', '10.6.14', '10.6.19'],
    ['mariadb', '11.4.3', '11.4.4'],
    ['mariadb', '11.8.1', '11.8.3'],
  ])('%s %s -> %s', (engine, version, expected) => {
    expect(pickEngineVersion(engine, version)).toBe(expected);
    expect(chooseEngineVersion(engine, version)).toMatchObject({ direction: 'up', from: 'table' });
  });

  it('covers every RDS engine and the majors still offered', () => {
    const t = engineVersionTable();
    expect(Object.keys(t.engines).sort()).toEqual(['aurora-mysql', 'aurora-postgresql', 'mariadb', 'mysql', 'postgres']);
    expect(Object.keys(t.engines.mariadb!)).toEqual(expect.arrayContaining(['10.5', '10.6', '10.11', '11.4']));
    expect(Object.keys(t.engines.mysql!)).toEqual(expect.arrayContaining(['8.0', '8.4']));
    expect(Object.keys(t.engines['aurora-mysql']!)).toEqual(expect.arrayContaining(['8.0']));
    expect(Object.keys(t.engines.postgres!)).toEqual(expect.arrayContaining(['13', '14', '15', '16', '17']));
    expect(Object.keys(t.engines['aurora-postgresql']!)).toEqual(expect.arrayContaining(['13', '14', '15', '16', '17']));
    // Each list says where it comes from.
    for (const engine of Object.keys(t.engines)) expect(t.sources[engine]).toMatch(/https:\/\/docs\.aws\.amazon\.com\//);
  });

  it.each([
    ['postgres', '15.41', '15.15'],
    ['aurora-postgresql', '16.12', '16.9'],
    ['mysql', '8.0.99', '8.0.43'],
    ['aurora-mysql', '8.0.mysql_aurora.3.12.0', '8.0.mysql_aurora.3.10.0'],
    ['aurora-mysql', '3.12.0', '8.0.mysql_aurora.3.10.0'],
    ['mariadb', '10.11.99', '10.11.16'],
  ])('%s %s, above every offered version of its major -> the newest below, %s, with the reason', (engine, version, expected) => {
    const choice = chooseEngineVersion(engine, version);
    expect(choice).toMatchObject({ version: expected, direction: 'down' });
    expect(choice!.reason).toContain(`${version} is newer than every ${engine}`);
  });

  it('no answer for the newest listed version itself (the table is stale, not the code)', () => {
    expect(pickEngineVersion('postgres', '15.15')).toBeUndefined();
    expect(pickEngineVersion('mariadb', '11.8.6')).toBeUndefined();
  });

  it('never crosses a major, never answers for an unknown major or engine', () => {
    expect(pickEngineVersion('postgres', '18.0')).toBeUndefined();
    expect(pickEngineVersion('redis', '7.0')).toBeUndefined();
    expect(pickEngineVersion('postgres', 'latest')).toBeUndefined();
  });

  it('a version the table still lists moves to the next one (the table is stale)', () => {
    expect(pickEngineVersion('postgres', '15.8')).toBe('15.13');
  });

  it('prefers the versions the error listed: nearest higher, else highest, same major', () => {
    expect(pickEngineVersion('aurora-postgresql', '14.7', ['13.12', '14.9', '14.10', '15.5'])).toBe('14.9');
    expect(pickEngineVersion('postgres', '15.4', ['14.9', '15.2', '15.3', '16.1'])).toBe('15.3');
    expect(pickEngineVersion('postgres', '15.4', ['16.1', '16.2'])).toBeUndefined();
    expect(chooseEngineVersion('mariadb', '10.6.30', ['10.6.19', '10.6.21', '10.11.9'])).toMatchObject({ version: '10.6.21', direction: 'down', from: 'error' });
    expect(chooseEngineVersion('aurora-mysql', '3.05.2', ['8.0.mysql_aurora.3.04.3', '8.0.mysql_aurora.3.08.1'])).toMatchObject({ version: '8.0.mysql_aurora.3.08.1', direction: 'up', from: 'error' });
    expect(pickEngineVersion('mysql', '8.0.31', ['8.0.36', '8.0.37', '8.4.3'])).toBe('8.0.36');
  });

  it('orders versions numerically', () => {
    expect(compareVersions('15.10', '15.8')).toBeGreaterThan(0);
    expect(compareVersions('8.0.mysql_aurora.3.04.3', '8.0.mysql_aurora.3.10.0')).toBeLessThan(0);
    expect(majorOf('postgres', '9.6.22')).toBe('9.6');
    expect(majorOf('mysql', '8.0.35')).toBe('8.0');
  });

  it('the precomputed replacements (used by standalone jscodeshift runs) follow the rule', () => {
    const t = engineVersionTable();
    for (const [engine, map] of Object.entries(t.replacements)) {
      for (const [from, to] of Object.entries(map)) expect([engine, from, pickEngineVersion(engine, from)]).toEqual([engine, from, to]);
    }
  });

  it('every offered list is sorted and within its major', () => {
    const t = engineVersionTable();
    for (const [engine, majors] of Object.entries(t.engines)) {
      for (const [major, versions] of Object.entries(majors)) {
        expect(versions.map((v) => majorOf(engine, v))).toEqual(versions.map(() => major));
        expect([...versions].sort(compareVersions)).toEqual(versions);
      }
    }
  });
});

describe('rds instance classes', () => {
  it.each([
    ['db.t3.small', 'aurora-mysql', '8.0', 'db.t3.medium'],
    ['db.t3.small', 'aurora-mysql', '8.0.mysql_aurora.3.04.0', 'db.t3.medium'],
    ['db.t4g.small', 'aurora-mysql', '8.0', 'db.t4g.medium'],
    ['db.t3.small', 'aurora-postgresql', '15.8', 'db.t3.medium'],
    ['db.r6g.medium', 'aurora-postgresql', '16.4', 'db.r6g.large'],
    ['db.t2.micro', 'postgres', '16.4', 'db.t3.micro'],
    ['db.t2.small', 'aurora-mysql', '8.0', 'db.t3.medium'],
    ['t3.small', 'aurora-mysql', '3.04.0', 'db.t3.medium'],
  ])('%s on %s %s -> %s', (cls, engine, version, expected) => {
    expect(pickInstanceClass(cls, engine, version)?.instanceClass).toBe(expected);
  });

  it('Aurora MySQL 5.7 still takes db.t3.small', () => {
    expect(pickInstanceClass('db.t3.small', 'aurora-mysql', '5.7.mysql_aurora.2.12.4')).toBeUndefined();
  });

  it('no answer for a supported class, an unknown engine or family', () => {
    expect(pickInstanceClass('db.t3.medium', 'aurora-mysql', '8.0')).toBeUndefined();
    expect(pickInstanceClass('db.m6g.large', 'postgres', '16.4')).toBeUndefined();
    expect(pickInstanceClass('db.t3.small', 'redis', '7.0')).toBeUndefined();
    expect(pickInstanceClass('db.z9q.small', 'mysql', '8.0.39')).toBeUndefined();
    expect(pickInstanceClass('not a class', 'mysql', '8.0.39')).toBeUndefined();
  });
});
