// The dated tables behind lambda-reserved-env-var and iam-managed-policy-not-found.
import { describe, expect, test } from '@jest/globals';
import { managedPolicyTable, policyPath } from '../src/data/iam.js';
import { isReservedEnvKey, reservedEnvTable, reservedKeys } from '../src/data/lambda.js';

describe('Lambda reserved environment keys', () => {
  test('is dated, sourced, and keeps the keys Lambda lets users set out', () => {
    const t = reservedEnvTable();
    expect(t.generated).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(t.source).toMatch(/docs\.aws\.amazon\.com\/lambda/);
    for (const key of ['AWS_REGION', '_X_AMZN_TRACE_ID', 'AWS_LAMBDA_FUNCTION_NAME', 'LAMBDA_TASK_ROOT']) expect(isReservedEnvKey(key)).toBe(true);
    for (const key of ['TZ', 'LANG', 'PATH', 'NODE_OPTIONS', 'AWS_LAMBDA_EXEC_WRAPPER', 'AWS_XRAY_CONTEXT_MISSING']) expect(isReservedEnvKey(key)).toBe(false);
  });

  test('reads the key list of an error, dropping what is not reserved', () => {
    expect(reservedKeys('AWS_REGION, AWS_ACCESS_KEY_ID')).toEqual(['AWS_REGION', 'AWS_ACCESS_KEY_ID']);
    expect(reservedKeys('TZ,AWS_REGION')).toEqual(['AWS_REGION']);
    expect(reservedKeys(undefined)).toEqual([]);
  });
});

describe('AWS managed policy renames', () => {
  const t = managedPolicyTable();
  test('is dated and sourced', () => {
    expect(t.generated).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(t.source).toMatch(/docs\.aws\.amazon\.com\/aws-managed-policy/);
  });

  test('every rename lands on a name the table does not rename again or call missing', () => {
    for (const [from, to] of Object.entries(t.renames)) {
      expect({ from, to, renamedAgain: to in t.renames, missing: to in t.noManagedEquivalent }).toEqual({ from, to, renamedAgain: false, missing: false });
    }
    for (const name of Object.keys(t.noManagedEquivalent)) expect(name in t.renames).toBe(false);
  });

  test('the renames the Config, CodePipeline and CodeDeploy guides give', () => {
    expect(t.renames['service-role/ConfigRole']).toBe('service-role/AWS_ConfigRole');
    expect(t.renames['AWSCodePipelineFullAccess']).toBe('AWSCodePipeline_FullAccess');
    expect(t.renames['AWSCodeDeployRole']).toBe('service-role/AWSCodeDeployRole');
    expect(t.renames['AWSCodeDeployRoleForLambda']).toBe('service-role/AWSCodeDeployRoleForLambda');
    expect(t.noManagedEquivalent['AWSCodePipelineServiceRole']).toMatch(/inline policy/);
  });

  test('policy paths come from ARNs of every partition', () => {
    expect(policyPath('arn:aws:iam::aws:policy/service-role/ConfigRole')).toBe('service-role/ConfigRole');
    expect(policyPath('arn:aws-us-gov:iam::aws:policy/AWSCodeDeployRole')).toBe('AWSCodeDeployRole');
    expect(policyPath('AWSCodeDeployRole')).toBe('AWSCodeDeployRole');
  });
});
