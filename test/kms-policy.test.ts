// The CloudWatch Logs key-policy decisions, language-neutral: what a statement lets CloudWatch
// Logs do, what to do with a key, and which log group a failure names.
import { describe, expect, it } from '@jest/globals';
import { globMatches, judgeStatement, logsNeed, planKey, type StatementView } from '../codemods/add-logs-kms-statement/policy.js';
import { hintScore, nameScore, type LogGroupLike } from '../codemods/add-logs-kms-statement/log-groups.js';
import { cdkLogicalId, cdktfLogicalId } from '../src/fix/names.js';

const h = (hole: string) => ({ hole });
const need = logsNeed({ region: 'eu-west-1', account: '123456789012', logGroup: 'arn:aws:logs:eu-west-1:123456789012:log-group:/ecs/payments-dev' });

function statement(over: Partial<StatementView<string>>): StatementView<string> {
  return {
    node: 'stmt',
    shape: 'json',
    where: 'stack.ts:10',
    services: [['logs.', h('region'), '.amazonaws.com']],
    otherPrincipals: false,
    actions: [['kms:Encrypt*'], ['kms:Decrypt*'], ['kms:ReEncrypt*'], ['kms:GenerateDataKey*'], ['kms:Describe*']],
    conditions: [{ operator: 'ArnLike', key: 'kms:EncryptionContext:aws:logs:arn', values: [['arn:aws:logs:', h('region'), ':', h('account'), ':log-group:*']] }],
    ...over,
  };
}

describe('judgeStatement', () => {
  it('accepts the regional principal with the actions and a condition that covers the log group', () => {
    expect(judgeStatement(statement({}), need)).toEqual({ kind: 'ok' });
    expect(judgeStatement(statement({ services: [['logs.eu-west-1.amazonaws.com']], conditions: [] }), need)).toEqual({ kind: 'ok' });
  });

  it('does not take the global principal for a fix, and rewrites the whole statement', () => {
    const v = judgeStatement(statement({ services: [['logs.amazonaws.com']] }), need);
    expect(v).toMatchObject({ kind: 'incomplete', onlyLogs: true });
    expect(v.kind === 'incomplete' && v.fix.sort()).toEqual(['actions', 'condition', 'principal']);
  });

  it('names a literal region other than the log group one', () => {
    const v = judgeStatement(statement({ services: [['logs.us-east-1.amazonaws.com']] }), need);
    expect(v.kind === 'incomplete' && v.problems[0]).toMatch(/us-east-1.*eu-west-1/);
  });

  it('asks for the actions CloudWatch Logs uses, and for one the log says was refused', () => {
    const v = judgeStatement(statement({ actions: [['kms:Encrypt'], ['kms:Decrypt']] }), need);
    expect(v).toMatchObject({ kind: 'incomplete', fix: ['actions'] });
    const grant = logsNeed({ region: 'eu-west-1', action: 'CreateGrant' });
    expect(judgeStatement(statement({}), grant)).toMatchObject({ kind: 'incomplete', fix: ['actions'] });
    expect(judgeStatement(statement({ actions: [['kms:*']] }), grant)).toEqual({ kind: 'ok' });
  });

  it('checks the encryption-context condition against the failing log group', () => {
    const lambdaOnly = [{ operator: 'ArnLike', key: 'kms:EncryptionContext:aws:logs:arn', values: [['arn:aws:logs:', h('r'), ':', h('a'), ':log-group:/aws/lambda/*']] }];
    expect(judgeStatement(statement({ conditions: lambdaOnly }), need)).toMatchObject({ kind: 'incomplete', fix: ['condition'] });
    // ArnEquals takes wildcards too.
    const equals = [{ operator: 'ArnEquals', key: 'kms:EncryptionContext:aws:logs:arn', values: [['arn:aws:logs:eu-west-1:123456789012:log-group:/ecs/*']] }];
    expect(judgeStatement(statement({ conditions: equals }), need)).toEqual({ kind: 'ok' });
    // A masked account (`***`) still matches a literal account.
    const masked = logsNeed({ region: 'eu-west-1', logGroup: 'arn:aws:logs:eu-west-1:***:log-group:/ecs/payments-dev' });
    expect(judgeStatement(statement({ conditions: equals }), masked)).toEqual({ kind: 'ok' });
  });

  it('ignores statements for other principals and denials', () => {
    expect(judgeStatement(statement({ services: [['lambda.amazonaws.com']] }), need)).toEqual({ kind: 'unrelated' });
    expect(judgeStatement(statement({ effect: ['Deny'] }), need)).toEqual({ kind: 'unrelated' });
  });
});

describe('planKey', () => {
  it('is already fixed when any statement works, corrects a wrong one, adds one otherwise', () => {
    expect(planKey([statement({ services: [['lambda.amazonaws.com']] }), statement({})], need).action).toBe('already-fixed');
    expect(planKey([statement({ services: [['logs.amazonaws.com']] })], need).action).toBe('correct');
    expect(planKey([], need).action).toBe('add');
  });

  it('adds a statement beside a grant it cannot rewrite, or one shared with other principals', () => {
    const grant = statement({ shape: 'grant', services: [['logs.amazonaws.com']], conditions: [] });
    expect(planKey([grant], need)).toMatchObject({ action: 'add', problems: [expect.stringMatching(/global principal/)] });
    const shared = statement({ services: [['logs.amazonaws.com']], otherPrincipals: true });
    expect(planKey([shared], need).action).toBe('add');
  });
});

describe('globMatches', () => {
  it('treats * and holes as any text and ? as one character', () => {
    expect(globMatches(['arn:aws:logs:*:log-group:/a?c'], 'arn:aws:logs:x:y:log-group:/abc')).toBe(true);
    expect(globMatches(['arn:', h('x'), ':end'], 'arn::end')).toBe(true);
    expect(globMatches(['arn:aws:logs:*:log-group:/a'], 'arn:aws:logs:x:log-group:/ab')).toBe(false);
  });
});

describe('which log group a failure names', () => {
  const cdk = (id: (string | { hole: string })[], scope: LogGroupLike['scope'] = []): LogGroupLike => ({ flavor: 'cdk', id, scope });

  it('matches a construct id built from a variable by the logical id and construct path', () => {
    const printed = cdkLogicalId(['Observability', 'ApiLogsdev', 'Resource']);
    const site = cdk(['ApiLogs', h('stage')], [['Observability']]);
    expect(hintScore(site, { id: printed })).toBe(9);
    expect(hintScore(site, { constructPath: 'PaymentsStack-dev/Observability/ApiLogsdev/Resource' })).toBe(8);
    expect(hintScore(cdk(['AuditLogs']), { id: printed })).toBe(0);
    // Inside a construct whose instances the project does not show: the readable part only.
    expect(hintScore(cdk(['ApiLogs', h('stage')], 'unknown'), { id: printed })).toBe(5);
  });

  it('matches CDKTF addresses, top level and nested', () => {
    const site: LogGroupLike = { flavor: 'cdktf', id: [h('component'), '-logs'], scope: [] };
    expect(hintScore(site, { id: 'aws_cloudwatch_log_group.builder-logs' })).toBe(7);
    const nested: LogGroupLike = { flavor: 'cdktf', id: ['api-logs'], scope: [['Logging']] };
    expect(hintScore(nested, { id: `aws_cloudwatch_log_group.${cdktfLogicalId(['Logging', 'api-logs'])}` })).toBe(7);
    expect(hintScore(nested, { id: 'aws_cloudwatch_log_group.worker-logs' })).toBe(0);
  });

  it('matches names and Pulumi auto-names', () => {
    expect(nameScore({ flavor: 'cdk', name: ['/aws/lambda/orders-', h('stage')] }, '/aws/lambda/orders-dev')).toBe(6);
    expect(nameScore({ flavor: 'cdk', name: ['/aws/lambda/orders-', h('stage')] }, '/aws/lambda/billing-dev')).toBe(0);
    expect(nameScore({ flavor: 'pulumi', id: ['app-logs-', h('env')] }, 'app-logs-dev-3f2a1b9')).toBe(6);
  });
});
