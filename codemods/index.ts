// The codemod registry: id -> lazy module, so that classifying a log never loads a parser.
import type { Codemod } from '../src/fix/contract.js';

const loaders: Record<string, () => Promise<{ default: Codemod }>> = {
  'add-logs-kms-statement': () => import('./add-logs-kms-statement/index.js'),
  'add-python-import': () => import('./add-python-import/index.js'),
  'enable-apigw-cloudwatch-role': () => import('./enable-apigw-cloudwatch-role/index.js'),
  'remove-lambda-reserved-env-var': () => import('./remove-lambda-reserved-env-var/index.js'),
  'rename-deprecated-property': () => import('./rename-deprecated-property/index.js'),
  'rename-managed-policy': () => import('./rename-managed-policy/index.js'),
  'rename-python-kwarg': () => import('./rename-python-kwarg/index.js'),
  'rename-ts-property': () => import('./rename-ts-property/index.js'),
  'set-rds-engine-version': () => import('./set-rds-engine-version/index.js'),
  'set-rds-instance-class': () => import('./set-rds-instance-class/index.js'),
  'use-pulumi-output-helpers': () => import('./use-pulumi-output-helpers/index.js'),
  'use-replication-group-endpoint': () => import('./use-replication-group-endpoint/index.js'),
};

export const codemodIds = Object.keys(loaders);

export async function loadCodemod(id: string): Promise<Codemod | undefined> {
  const load = loaders[id];
  return load ? (await load()).default : undefined;
}
