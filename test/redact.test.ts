// Secrets and account ids from a log, through the redaction boundary and through the built CLI:
// every kind of secret in the shapes tools print it is masked (and recognisable), harmless text
// that looks like it is left alone, account ids are masked only where other people read the
// output, and nothing of it reaches any format or what `stackfix suggest` would post. Every
// pattern of src/redact/ is proven linear by recheck, as the catalogue's are.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from '@jest/globals';
import { DEFAULT_POLICY, redactReport, redactionPolicy } from '../src/redact/index.js';
import { PATTERNS as MARKDOWN_PATTERNS } from '../src/redact/markdown.js';
import { PATTERNS as NEUTRALISE_PATTERNS } from '../src/redact/neutralise.js';
import { PATTERNS as SECRET_PATTERNS, type SecretKind, findSecrets, maskAccountIds, maskSecrets } from '../src/redact/secrets.js';
import type { Report } from '../src/report/model.js';
import { BIN } from './helpers/cli.js';

// Fake credentials in the documented shapes (AWS's own examples, zero-filled tokens).
const AKID = 'AKIAIOSFODNN7EXAMPLE';
const SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
const SESSION = 'IQoJb3JpZ2luX2VjEJr//////////wEaCXVzLWVhc3QtMSJHMEUCIQDexample0000TOKEN';
const GHP = 'ghp_0000000000000000000000000000example1';
const GHS = 'ghs_16C7e42F292c6912E7710c838347Ae178B4a';
const PAT = 'github_pat_11AAAAAAA0000000000000_0000000000000000000000000000000000000000000000000000000000';
const NPM = 'npm_00000000000000000000000000000example';
const JWT = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJyZXBvOmFjbWUvaW5mcmEifQ.c2lnbmF0dXJlLW5vdC1yZWFs';

/** [kind, a line as a tool prints it, the secret that must be gone, what must stay recognisable]. */
const SECRETS: Array<[SecretKind, string, string, string]> = [
  ['aws-access-key-id', `botocore.exceptions.ClientError: An error occurred (InvalidClientTokenId) when calling the AssumeRole operation: The access key ${AKID} is not valid`, AKID, 'AKIA************MPLE'],
  ['aws-access-key-id', `Authorization: AWS4-HMAC-SHA256 Credential=${AKID.replace('AKIA', 'ASIA')}/20240501/us-east-1/sts/aws4_request`, 'IOSFODNN7EXAMPLE', 'Authorization: AWS4-HMAC-SHA256 ****'],
  ['aws-secret-access-key', `+ export AWS_SECRET_ACCESS_KEY=${SECRET}`, SECRET, 'AWS_SECRET_ACCESS_KEY=****'],
  ['aws-secret-access-key', `aws_secret_access_key = ${SECRET}`, SECRET, 'aws_secret_access_key = ****'],
  ['aws-secret-access-key', `{"Credentials": {"AccessKeyId": "${AKID}", "SecretAccessKey": "${SECRET}", "Expiration": "2024-05-01T12:00:00Z"}}`, SECRET, '"SecretAccessKey": "****"'],
  ['aws-secret-access-key', `+ aws configure set aws_secret_access_key ${SECRET} --profile deploy`, SECRET, 'aws_secret_access_key **** --profile deploy'],
  ['aws-secret-access-key', `      AWS_SECRET_ACCESS_KEY: ${SECRET}`, SECRET, 'AWS_SECRET_ACCESS_KEY: ****'],
  ['aws-session-token', `AWS_SESSION_TOKEN=${SESSION}`, SESSION, 'AWS_SESSION_TOKEN=****'],
  ['aws-session-token', `"SessionToken": "${SESSION}"`, SESSION, '"SessionToken": "****"'],
  ['aws-session-token', `GET https://orders-assets.s3.amazonaws.com/app.zip?X-Amz-Security-Token=${encodeURIComponent(SESSION)}&X-Amz-Signature=0f1e2d3c4b5a69788796a5b4c3d2e1f0 403 Forbidden`, 'EJr', 'X-Amz-Security-Token=****&X-Amz-Signature=****'],
  ['aws-session-token', `token ${SESSION} expired`, SESSION, 'IQoJ****'],
  ['github-token', `fatal: unable to access 'https://x-access-token:${GHS}@github.com/acme/infra.git/': The requested URL returned error: 403`, GHS, 'x-access-token:****@github.com'],
  ['github-token', `Error: Bad credentials for token ${GHP}`, GHP, 'ghp_****'],
  ['github-token', `GH_TOKEN=${PAT} gh pr comment 42`, PAT, 'GH_TOKEN=****'],
  ['github-token', `using ${PAT} from the environment`, PAT, 'github_pat_****'],
  ['npm-token', `npm ERR! 401 Unauthorized: //registry.npmjs.org/:_authToken=${NPM}`, NPM, '_authToken=****'],
  ['npm-token', `npm notice token ${NPM} is revoked`, NPM, 'npm_****'],
  ['slack-token', 'slack: invalid_auth for xoxb-000000000000-000000000000-exampleexampleexample', 'exampleexampleexample', 'xoxb-****'],
  ['slack-webhook', 'POST https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX failed: 404 no_team', 'XXXXXXXXXXXXXXXXXXXXXXXX', 'hooks.slack.com/services/****'],
  ['pulumi-token', 'error: PULUMI_ACCESS_TOKEN pul-0123456789abcdef0123456789abcdef01234567 is not valid', 'pul-0123456789abcdef', 'pul-****'],
  ['terraform-cloud-token', 'Error: token abcdefghijklmn.atlasv1.0000000000000000000000000000000000000000000000000000000000000000 is invalid', '.atlasv1.0000', '****.atlasv1.****'],
  ['gitlab-token', 'remote: HTTP Basic: Access denied for glpat-0000000000example0000', 'glpat-0000000000example', 'glpat-****'],
  ['jwt', `Error: Could not assume role with OIDC: token ${JWT} rejected`, JWT, 'eyJ****'],
  ['authorization-header', `> Authorization: Bearer ${JWT}`, JWT, 'Authorization: Bearer ****'],
  ['authorization-header', 'Authorization: Basic ZGVwbG95OnMzY3IzdC1wYXNzd29yZA==', 'ZGVwbG95OnMzY3IzdC1wYXNzd29yZA==', 'Authorization: Basic ****'],
  ['authorization-header', `{"headers": {"Authorization": "token ${GHP}", "Accept": "application/json"}}`, GHP, '"Authorization": "token ****"'],
  ['bearer-token', `curl -sf -H "Bearer 9f8e7d6c5b4a39281706f5e4d3c2b1a0" https://deploy.acme.internal/hooks`, '9f8e7d6c5b4a', 'Bearer ****'],
  ['private-key', 'Error: ssh: no key found in "-----BEGIN OPENSSH PRIVATE KEY-----\\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQ\\n-----END OPENSSH PRIVATE KEY-----"', 'b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQ', '-----BEGIN OPENSSH PRIVATE KEY-----****-----END OPENSSH PRIVATE KEY-----'],
  ['private-key', '-----BEGIN RSA PRIVATE KEY----- MIIEpAIBAAKCAQEA7exampleexampleexample', 'MIIEpAIBAAKCAQEA7', '-----BEGIN RSA PRIVATE KEY-----****'],
  ['password', '  MasterUserPassword: s3cr3t-Orders-2024', 's3cr3t-Orders-2024', 'MasterUserPassword: ****'],
  ['password', '{"MasterUsername": "orders", "MasterUserPassword": "correct horse battery staple"}', 'correct horse battery staple', '"MasterUserPassword": "****"'],
  ['password', '  + master_password = "hunter2-prod"', 'hunter2-prod', 'master_password = "****"'],
  ['password', 'Error: pq: password authentication failed; dsn: host=orders-db user=orders password=Orders!2024 sslmode=require', 'Orders!2024', 'password=**** sslmode'],
  ['password', 'aws cloudformation deploy --parameter-overrides Env=prod DbPassword=Orders!2024', 'Orders!2024', 'DbPassword=****'],
  ['password', 'aws cloudformation create-stack --parameters ParameterKey=DBMasterPassword,ParameterValue=Orders!2024 ParameterKey=Env,ParameterValue=prod', 'Orders!2024', 'ParameterValue=**** ParameterKey=Env,ParameterValue=prod'],
  ['password', 'mysql --host orders-db --password Orders!2024 --execute "select 1"', 'Orders!2024', '--password ****'],
  ['password', '{"level":"error","msg":"{\\"username\\":\\"orders\\",\\"password\\":\\"Orders!2024\\"}"}', 'Orders!2024', '\\"password\\":\\"****\\"'],
  ['url-password', 'Error: connect ECONNREFUSED postgres://orders:Orders!2024@orders-db.cluster-c0ffee.us-east-1.rds.amazonaws.com:5432/orders', 'Orders!2024', 'postgres://orders:****@orders-db'],
  ['url-password', 'redis://default:Orders2024@cache.acme.internal:6379 refused the connection', 'Orders2024', 'redis://default:****@cache'],
  ['secret-assignment', 'Error: invalid api_key=0a1b2c3d4e5f60718293a4b5c6d7e8f9 for the metrics endpoint', '0a1b2c3d4e5f', 'api_key=****'],
  ['secret-assignment', 'webhook failed: client_secret: "b5d8c2f1e0a94c7d" rejected', 'b5d8c2f1e0a94c7d', 'client_secret: "****"'],
  ['secret-assignment', 'DATADOG_API_KEY=0a1b2c3d4e5f60718293a4b5c6d7e8f9 JWT_SECRET=shh-dev-only', 'shh-dev-only', 'DATADOG_API_KEY=**** JWT_SECRET=****'],
];

/** Text that looks like a secret and is not: left exactly as it is. */
const NEAR_MISSES = [
  'ExpiredToken: The security token included in the request is expired',
  'InvalidClientTokenId: The security token included in the request is invalid.',
  "The parameter MasterUserPassword is not a valid password. Only printable ASCII characters besides '/', '@', '\"', ' ' may be used.",
  'Resource handler returned message: "Invalid request" (RequestToken: 2fdd9024-b939-b16a-8d6c-7da113366c7b, HandlerErrorCode: InvalidRequest)',
  '"ClientRequestToken": "Console-CreateStack-7b2e1c4d-1111-2222-3333-444455556666"',
  'arn:aws:secretsmanager:us-east-1:123456789012:secret:orders/db-password-a1B2c3',
  'MasterUserPassword: {{resolve:secretsmanager:orders/db:SecretString:password}}',
  'password: ${ssm:/orders/db/password}',
  'Bearer token is invalid or expired',
  'Secrets Manager can\'t find the specified secret. (Service: SecretsManager, Status Code: 400)',
  'Reserved keys used in this request: AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN',
  "TypeError: __init__() got an unexpected keyword argument 'master_password'",
  'secret_name = "orders/db"',
  'password=config.require_secret("dbPassword")',
];

describe('secrets', () => {
  test.each(SECRETS)('%s: %s', (kind, line, secret, shown) => {
    const masked = maskSecrets(line);
    expect(findSecrets(line)).toContain(kind);
    expect(masked).not.toContain(secret);
    expect(masked).toContain(shown);
    expect(maskSecrets(masked)).toBe(masked);
  });

  test('the table covers every kind the module finds', () => {
    const kinds = new Set(SECRETS.map(([k]) => k));
    expect([...kinds].sort()).toEqual(
      ['authorization-header', 'aws-access-key-id', 'aws-secret-access-key', 'aws-session-token', 'bearer-token', 'github-token', 'gitlab-token', 'jwt', 'npm-token', 'password', 'private-key', 'pulumi-token', 'secret-assignment', 'slack-token', 'slack-webhook', 'terraform-cloud-token', 'url-password'].sort(),
    );
  });

  test.each(NEAR_MISSES)('left alone: %s', (line) => {
    expect(maskSecrets(line)).toBe(line);
  });

  test('no line of the bundled logs and examples is taken for a secret', () => {
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
        const p = path.join(dir, e.name);
        if (e.isDirectory() && e.name !== 'node_modules') walk(p);
        else if (/\.(?:log|ndjson)$/.test(e.name)) files.push(p);
      }
    };
    walk('__testfixtures__');
    walk('examples');
    expect(files.length).toBeGreaterThan(50);
    const changed = files.flatMap((f) => fs.readFileSync(f, 'utf8').split('\n').filter((l) => maskSecrets(l) !== l).map((l) => `${f}: ${l}`));
    expect(changed).toEqual([]);
  });

  test('account ids: masked to their last four digits, not in other numbers', () => {
    expect(maskAccountIds("arn:aws:logs:us-east-1:123456789012:log-group:/orders/app")).toBe('arn:aws:logs:us-east-1:********9012:log-group:/orders/app');
    expect(maskAccountIds('111122223333.dkr.ecr.eu-west-1.amazonaws.com/orders:latest')).toBe('********3333.dkr.ecr.eu-west-1.amazonaws.com/orders:latest');
    expect(maskAccountIds('cdk-hnb659fds-assets-123456789012-us-east-1')).toBe('cdk-hnb659fds-assets-********9012-us-east-1');
    expect(maskAccountIds('Account: 123456789012')).toBe('Account: ********9012');
    for (const other of ['1714558272123 ms', 'version 0.123456789012', 'Request ID: 7c6b5a4d-0000-4000-8000-000000000002', 'id-123456789012abc']) expect(maskAccountIds(other)).toBe(other);
  });

  test('every pattern of src/redact/ is linear (recheck)', async () => {
    const { check } = await import('recheck');
    const problems: string[] = [];
    for (const re of [...SECRET_PATTERNS, ...NEUTRALISE_PATTERNS, ...MARKDOWN_PATTERNS]) {
      const r = await check(re.source, re.flags.replace('g', ''), { timeout: 20_000 });
      if (r.status !== 'safe') problems.push(`${re.source}: ${r.status}${r.status === 'vulnerable' ? ` (${r.attack.pattern})` : ''}`);
    }
    expect(problems).toEqual([]);
  }, 120_000);
});

describe('the report boundary', () => {
  const report: Report = {
    version: 1,
    tool: { name: 'stackfix', version: '0.1.0' },
    inputs: [{ source: 'deploy.log', format: 'cdk-text', lines: 10 }],
    findings: [
      {
        signature: 'kms-logs-key-policy',
        title: "CloudWatch Logs is not allowed to use the log group's KMS key",
        severity: 'error',
        kind: 'auto',
        rootCause: true,
        captures: { account: '123456789012', region: 'us-east-1', logGroup: 'arn:aws:logs:us-east-1:123456789012:log-group:/orders/app' },
        occurrences: [{ source: 'deploy.log', line: 4, text: `The specified KMS key does not exist or is not allowed to be used with Arn 'arn:aws:logs:us-east-1:123456789012:log-group:/orders/app' (token=${GHP})` }],
        explanation: 'CloudWatch Logs in 123456789012 could not use the key.',
        references: [],
        fix: { codemod: 'add-logs-kms-statement', status: 'proposed', files: ['lib/orders.ts'], patch: `# stackfix kms-logs-key-policy: x\n# evidence deploy.log:4: token=${GHP} in 123456789012\ndiff --git a/lib/orders.ts b/lib/orders.ts\n+ const account = '123456789012'; // token=${GHP}\n` },
      },
    ],
    unclassified: [{ source: 'deploy.log', line: 9, text: `AWS_SECRET_ACCESS_KEY=${SECRET}`, severity: 'error' }],
  };

  test('secrets everywhere, account ids only where shared; the original report and the source lines untouched', () => {
    const before = JSON.stringify(report);
    const local = JSON.stringify(redactReport(report, { audience: 'local', policy: DEFAULT_POLICY, display: false }));
    const shared = redactReport(report, { audience: 'shared', policy: DEFAULT_POLICY, display: true });
    const shown = JSON.stringify(redactReport(report, { audience: 'shared', policy: redactionPolicy({ showAccountIds: true }), display: true }));
    expect(JSON.stringify(report)).toBe(before);
    for (const doc of [local, JSON.stringify(shared), shown]) {
      expect(doc).not.toContain(SECRET);
      // Only the patch's own source line keeps it: the patch must still apply.
      expect(doc.split(GHP).length - 1).toBe(1);
    }
    expect(local).toContain("'arn:aws:logs:us-east-1:123456789012:log-group:/orders/app' (token=****)");
    const f = shared.findings[0]!;
    expect(f.occurrences[0]!.text).toBe("The specified KMS key does not exist or is not allowed to be used with Arn 'arn:aws:logs:us-east-1:********9012:log-group:/orders/app' (token=****)");
    expect(f.captures).toEqual({ account: '********9012', region: 'us-east-1', logGroup: 'arn:aws:logs:us-east-1:********9012:log-group:/orders/app' });
    expect(f.fix!.patch).toBe(`# stackfix kms-logs-key-policy: x\n# evidence deploy.log:4: token=**** in ********9012\ndiff --git a/lib/orders.ts b/lib/orders.ts\n+ const account = '123456789012'; // token=${GHP}\n`);
    expect(shown).toContain("'arn:aws:logs:us-east-1:123456789012:log-group:/orders/app' (token=****)");
  });
});

describe('the CLI end to end', () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'stackfix-redact-'));
  afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

  /**
   * The demo's deploy log with what CI logs also hold: a traced credential export, a failed clone, a
   * database URL, and a permission error naming the account (a guidance finding, so it is in the
   * summary comment that `suggest` posts).
   */
  function project(): string {
    const dir = path.join(tmp, `cdk-${fs.readdirSync(tmp).length}`);
    fs.cpSync(path.resolve('examples/cdk-ts'), dir, { recursive: true });
    const log = fs.readFileSync(path.join(dir, 'deploy.log'), 'utf8').split('\n');
    log.splice(
      2,
      0,
      `+ export AWS_ACCESS_KEY_ID=${AKID} AWS_SECRET_ACCESS_KEY=${SECRET} AWS_SESSION_TOKEN=${SESSION}`,
      `fatal: unable to access 'https://x-access-token:${GHS}@github.com/acme/orders-service.git/': The requested URL returned error: 403`,
      `Error: migrations failed: connect ECONNREFUSED postgres://orders:Orders!2024@orders-db.cluster-c0ffee.us-east-1.rds.amazonaws.com:5432/orders (Authorization: Bearer ${JWT})`,
    );
    log.push(
      '❌  OrdersStack failed: AccessDeniedException: User: arn:aws:sts::123456789012:assumed-role/github-deploy/ci is not authorized to perform: ssm:GetParameter on resource: arn:aws:ssm:us-east-1:123456789012:parameter/cdk-bootstrap/hnb659fds/version because no identity-based policy allows the ssm:GetParameter action',
    );
    fs.writeFileSync(path.join(dir, 'deploy.log'), log.join('\n'));
    return dir;
  }
  const LEAKS = [AKID, SECRET, SESSION, GHS, 'Orders!2024', JWT];

  test.each([[[] as string[]], [['--show-account-ids']]])('no secret in any format; account ids only in local ones %j', (extra) => {
    const dir = project();
    const files = ['sarif', 'github', 'markdown', 'rdjson', 'patch', 'text'].map((f) => ['-o', `${f}=${path.join(dir, `out.${f}`)}`]).flat();
    const r = spawnSync(process.execPath, [BIN, 'deploy.log', '--project', '.', '--format', 'json', ...files, ...extra], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, timeout: 90_000 });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(1);
    const outputs: Record<string, string> = { json: r.stdout };
    for (const f of ['sarif', 'github', 'markdown', 'rdjson', 'patch', 'text']) outputs[f] = fs.readFileSync(path.join(dir, `out.${f}`), 'utf8');
    const dry = spawnSync(process.execPath, [BIN, 'suggest', 'deploy.log', '--project', '.', '--repo', 'acme/orders-service', '--pr', '42', '--dry-run', ...extra], { cwd: dir, encoding: 'utf8', env: { PATH: process.env.PATH ?? '', NO_COLOR: '1' }, timeout: 90_000 });
    expect(dry.status).toBe(1);
    outputs.suggest = dry.stdout;
    for (const [f, text] of Object.entries(outputs)) for (const leak of LEAKS) expect([f, text.includes(leak)]).toEqual([f, false]);
    // The KMS finding's evidence names the account: shown to the user, masked for everyone else.
    expect(outputs.text!).toContain(':123456789012:log-group:');
    expect(JSON.parse(outputs.json!).findings.find((x: { signature: string }) => x.signature === 'kms-logs-key-policy').captures.account).toBe('123456789012');
    for (const f of ['sarif', 'github', 'markdown', 'rdjson', 'suggest']) {
      expect([f, outputs[f]!.includes('123456789012')]).toEqual([f, extra.length > 0]);
      if (!extra.length) expect([f, outputs[f]!.includes('********9012')]).toEqual([f, true]);
    }
  }, 120_000);
});
