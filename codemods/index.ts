// The codemod registry: id -> languages and a lazy module, so that classifying a log never
// loads a parser and `stackfix list` loads no codemod at all. The languages repeat each
// codemod's own `languages` (test/codemods.test.ts checks that they agree).
import type { Codemod, Language } from '../src/fix/contract.js';

const TS_PY: Language[] = ['typescript', 'python'];

const registry: Record<string, { languages: Language[]; load: () => Promise<{ default: Codemod }> }> = {
  'add-logs-kms-statement': { languages: TS_PY, load: () => import('./add-logs-kms-statement/index.js') },
  'add-python-import': { languages: ['python'], load: () => import('./add-python-import/index.js') },
  'enable-apigw-cloudwatch-role': { languages: TS_PY, load: () => import('./enable-apigw-cloudwatch-role/index.js') },
  'remove-lambda-reserved-env-var': { languages: TS_PY, load: () => import('./remove-lambda-reserved-env-var/index.js') },
  'rename-deprecated-property': { languages: TS_PY, load: () => import('./rename-deprecated-property/index.js') },
  'rename-managed-policy': { languages: TS_PY, load: () => import('./rename-managed-policy/index.js') },
  'rename-python-kwarg': { languages: ['python'], load: () => import('./rename-python-kwarg/index.js') },
  'rename-ts-property': { languages: ['typescript'], load: () => import('./rename-ts-property/index.js') },
  'set-rds-engine-version': { languages: TS_PY, load: () => import('./set-rds-engine-version/index.js') },
  'set-rds-instance-class': { languages: TS_PY, load: () => import('./set-rds-instance-class/index.js') },
  'use-pulumi-output-helpers': { languages: TS_PY, load: () => import('./use-pulumi-output-helpers/index.js') },
  'use-replication-group-endpoint': { languages: TS_PY, load: () => import('./use-replication-group-endpoint/index.js') },
};

export const codemodIds = Object.keys(registry);

/** The languages a codemod fixes, without loading it (undefined: no such codemod). */
export function codemodLanguages(id: string): Language[] | undefined {
  const entry = Object.hasOwn(registry, id) ? registry[id] : undefined;
  return entry ? [...entry.languages] : undefined;
}

export async function loadCodemod(id: string): Promise<Codemod | undefined> {
  const entry = Object.hasOwn(registry, id) ? registry[id] : undefined;
  return entry ? (await entry.load()).default : undefined;
}
