// Which places to change: resource names as templates against what the log printed, and
// resources that must change together.
import { describe, expect, it } from '@jest/globals';
import { cdkLogicalId, cdktfLogicalId } from '../src/fix/names.js';
import { ENCLOSING, matchOwner, matchScore, ownerKey, selectSites, type OwnerPath, type Site } from '../src/fix/sites.js';

const h = (label: string) => ({ hole: label });
const site = (key: string, owners: OwnerPath[], extra: Partial<Site> = {}): Site => ({ key, file: 'lib/db.ts', line: Number(key), what: `site ${key}`, owners, ...extra });

describe('matchOwner', () => {
  it('confirms a templated CDK construct id by the construct library hash', () => {
    const printed = cdkLogicalId(['AuroraCluster-dev', 'Resource']);
    expect(matchOwner([['AuroraCluster-', h('suffix')]], { id: printed })).toMatchObject({ exact: true });
    // The same readable text with a wrong hash is only a wildcard match, and scores lower.
    const forged = matchOwner([['AuroraCluster-', h('suffix')]], { id: 'AuroraClusterdev00000000' });
    expect(forged?.exact).toBe(false);
    expect(forged!.score).toBeLessThan(matchScore([['AuroraCluster-', h('suffix')]], { id: printed }));
  });

  it('prefers the owner whose hash confirms it over a looser template', () => {
    const printed = cdkLogicalId(['Orders-prod', 'Resource']);
    expect(matchScore([['Orders-', h('env')]], { id: printed })).toBeGreaterThan(matchScore([[h('name'), 'prod']], { id: printed }));
  });

  it('matches a Pulumi name with holes as wildcards, a literal name exactly', () => {
    expect(matchOwner([['financial-db-cluster-', h('environmentSuffix')]], { id: 'financial-db-cluster-dev' })).toMatchObject({ exact: false });
    expect(matchOwner(['orders-db'], { id: 'orders-db' })).toMatchObject({ exact: true });
    expect(matchOwner([['financial-db-cluster-', h('s')]], { id: 'financial-db-instance-1-dev' })).toBeUndefined();
  });

  it('matches CDKTF addresses: a top-level id as the name, a nested one by its hash', () => {
    expect(matchOwner([['payments-cluster-', h('environment')]], { id: 'aws_rds_cluster.payments-cluster-dev' })).toMatchObject({ exact: true });
    const nested = cdktfLogicalId(['database', 'aurora-cluster']);
    expect(matchOwner([ENCLOSING, 'aurora-cluster'], { id: `aws_rds_cluster.${nested}` })).toBeDefined();
    expect(matchOwner([ENCLOSING, 'aurora-instance'], { id: `aws_rds_cluster.${nested}` })).toBeUndefined();
  });

  it('matches a construct path the printer shows, rendered', () => {
    expect(matchOwner([['AuroraCluster-', h('s')], 'writer'], { constructPath: 'PaymentsData-dev/AuroraCluster-dev/writer/Resource' })).toMatchObject({ exact: true });
  });
});

describe('selectSites', () => {
  const cluster: OwnerPath = [['orders-cluster-', h('env')]];
  const instance: OwnerPath = [['orders-instance-', h('env')]];
  const global: OwnerPath = [['orders-global-', h('env')]];
  const other: OwnerPath = [['billing-db-', h('env')]];

  it('takes the resources linked to the one the log names', () => {
    const sites = [site('1', [cluster]), site('2', [instance]), site('3', [global]), site('4', [other])];
    const pick = selectSites(sites, [{ id: 'orders-cluster-dev' }], { links: [[instance, cluster], [cluster, global]] });
    expect('selected' in pick && pick.selected.map((s) => s.key)).toEqual(['1', '2', '3']);
    expect('selected' in pick && pick.group.sort()).toEqual([cluster, instance, global].map(ownerKey).sort());
  });

  it('refuses a shared value that also configures a resource outside the group', () => {
    const pick = selectSites([site('1', [cluster, other])], [{ id: 'orders-cluster-dev' }]);
    expect(pick).toEqual({ refused: expect.stringContaining("billing-db-${env}") });
  });

  it('lets a parameter group follow the engine it shares', () => {
    const pick = selectSites([site('1', [cluster], { followers: [['orders-params']] })], [{ id: 'orders-cluster-dev' }]);
    expect('selected' in pick && pick.selected).toHaveLength(1);
  });

  it('without a usable hint, takes sites whose resources are all linked, refuses unrelated ones', () => {
    const linked = selectSites([site('1', [cluster]), site('2', [instance])], [], { links: [[cluster, instance]] });
    expect('selected' in linked && linked.selected).toHaveLength(2);
    const unrelated = selectSites([site('1', [cluster]), site('2', [other])], []);
    expect(unrelated).toEqual({ refused: expect.stringContaining('2 places set this') });
  });
});
