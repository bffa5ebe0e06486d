// Names built from variables against the names a log prints.
import { describe, expect, it } from '@jest/globals';
import { cdkLogicalId, cdktfLogicalId, matchCdkLogicalId, matchName, renderName, showTemplate } from '../src/fix/names.js';

const h = (label: string) => ({ hole: label });

describe('matchName', () => {
  it('matches a literal name exactly and nothing else', () => {
    expect(matchName(['orders-db'], 'orders-db')).toEqual({ values: [], literal: 9 });
    expect(matchName(['orders-db'], 'orders-db-dev')).toBeUndefined();
    expect(matchName(['orders-db'], 'Orders-db')).toBeUndefined();
    expect(matchName(['orders-db'], 'Orders-db', { ignoreCase: true })).toBeDefined();
  });

  it('fills a hole with what the log printed', () => {
    const t = ['financial-db-cluster-', h('environmentSuffix')];
    expect(matchName(t, 'financial-db-cluster-dev')?.values).toEqual(['dev']);
    expect(matchName(t, 'financial-db-cluster-pr-1234')?.values).toEqual(['pr-1234']);
    // A hole stands for at least one character, and the literal text must be there.
    expect(matchName(t, 'financial-db-cluster-')).toBeUndefined();
    expect(matchName(t, 'payments-db-cluster-dev')).toBeUndefined();
  });

  it('handles holes in the middle, at the start and side by side', () => {
    expect(matchName([h('app'), '-', h('env'), '-logs'], 'orders-prod-logs')?.values).toEqual(['orders', 'prod']);
    // Several splits fit: the earlier hole takes the shortest value.
    expect(matchName([h('a'), '-', h('b')], 'x-y-z')?.values).toEqual(['x', 'y-z']);
    expect(matchName(['/aws/lambda/', h('fn')], '/aws/lambda/orders-handler-dev')?.values).toEqual(['orders-handler-dev']);
    expect(matchName([h('a'), h('b')], 'ab')?.values).toEqual(['a', 'b']);
    expect(matchName([h('a'), h('b')], 'a')).toBeUndefined();
  });

  it('limits what a hole may stand for', () => {
    const alnum = (c: number) => /[A-Za-z0-9]/.test(String.fromCharCode(c));
    expect(matchName(['Db', h('s')], 'Dbdev', { holeChars: alnum })?.values).toEqual(['dev']);
    expect(matchName(['Db', h('s')], 'Db-dev', { holeChars: alnum })).toBeUndefined();
  });

  it('stays fast on a long name that almost matches', () => {
    const t = [h('a'), 'x', h('b'), 'x', h('c'), 'y'];
    const printed = 'x'.repeat(20_000);
    const t0 = process.hrtime.bigint();
    expect(matchName(t, printed)).toBeUndefined();
    // Quadratic work on 20,000 characters would take seconds; linear is well under one.
    expect(Number(process.hrtime.bigint() - t0) / 1e9).toBeLessThan(2);
  });

  it('renders and shows templates', () => {
    const t = ['payments-', h('environment_suffix'), '-queue'];
    expect(renderName(t, ['qa'])).toBe('payments-qa-queue');
    expect(showTemplate(t)).toBe('payments-${environment_suffix}-queue');
  });
});

describe('CDK logical ids', () => {
  it('follows the construct library: readable path plus the path hash', () => {
    // The CDK documentation's own example: new s3.Bucket(this, 'MyBucket') -> MyBucketF68F3FF0.
    expect(cdkLogicalId(['MyBucket', 'Resource'])).toBe('MyBucketF68F3FF0');
    // An L1 construct directly in the stack keeps its id, non-alphanumerics removed.
    expect(cdkLogicalId(['Orders-Db'])).toBe('OrdersDb');
    // `Default` is dropped entirely; a component repeating the end of the previous one is folded.
    expect(cdkLogicalId(['Api', 'Default', 'Resource'])).toBe(cdkLogicalId(['Api', 'Resource']));
    expect(cdkLogicalId(['AuroraCluster', 'Cluster', 'Resource']).startsWith('AuroraCluster')).toBe(true);
    expect(cdkLogicalId(['AuroraCluster', 'Cluster', 'Resource'])).not.toMatch(/^AuroraClusterCluster/);
  });

  it('matches an id built from a template and confirms it by the hash', () => {
    const printed = cdkLogicalId(['AuroraCluster-dev', 'Resource']);
    expect(printed).toMatch(/^AuroraClusterdev[0-9A-F]{8}$/);
    const m = matchCdkLogicalId([['AuroraCluster-', h('suffix')], ['Resource']], printed);
    expect(m).toEqual({ values: ['dev'], exact: true, literal: 13 });
  });

  it('matches, but not exactly, when the value lost characters in the readable part', () => {
    const printed = cdkLogicalId(['AuroraCluster-pr-42', 'Resource']);
    const m = matchCdkLogicalId([['AuroraCluster-', h('suffix')], ['Resource']], printed);
    expect(m?.values).toEqual(['pr42']);
    expect(m?.exact).toBe(false);
  });

  it('does not match another construct or a wrong hash', () => {
    const printed = cdkLogicalId(['ReportsCluster-dev', 'Resource']);
    expect(matchCdkLogicalId([['AuroraCluster-', h('suffix')], ['Resource']], printed)).toBeUndefined();
    const forged = 'AuroraClusterdev00000000';
    expect(matchCdkLogicalId([['AuroraCluster-', h('suffix')], ['Resource']], forged)).toEqual({ values: ['dev'], exact: false, literal: 13 });
  });

  it('matches a construct nested under a scope the source does not name', () => {
    const printed = cdkLogicalId(['Storage-dev', 'Db', 'Resource']);
    expect(matchCdkLogicalId([['Db'], ['Resource']], printed, { underUnknownScope: true })).toMatchObject({ exact: false });
    expect(matchCdkLogicalId([['Cache'], ['Resource']], printed, { underUnknownScope: true })).toBeUndefined();
  });

  it('matches a top-level L1 construct by its id alone', () => {
    expect(matchCdkLogicalId([['OrdersDb', h('stage')]], 'OrdersDbprod')).toEqual({ values: ['prod'], exact: true, literal: 8 });
  });
});

describe('CDKTF logical ids', () => {
  it('keeps _ and - at the top level and joins deeper paths with _ and the hash', () => {
    expect(cdktfLogicalId(['orders-db_main'])).toBe('orders-db_main');
    expect(cdktfLogicalId(['Database', 'cluster'])).toMatch(/^Database_cluster_[0-9A-F]{8}$/);
  });
});
