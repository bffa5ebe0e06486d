// The generic layer under the catalogue: a tier of its own after the specific and the fallback
// signatures (never a trick of their patterns), one generic finding per failure, never for a
// warning or a restatement, and fingerprints that keep one cause together and unrelated failures
// apart.
import { beforeAll, describe, expect, test } from '@jest/globals';
import { bundledSignatureDir, loadCatalogue, type Signature } from '../src/classify/catalogue.js';
import { Classifier } from '../src/classify/index.js';
import type { Event } from '../src/types.js';

let signatures: Signature[];
beforeAll(async () => {
  signatures = await loadCatalogue([bundledSignatureDir()]);
});

let line = 0;
function event(message: string, over: Partial<Event> = {}): Event {
  line++;
  return {
    tool: 'cloudformation',
    message,
    severity: 'error',
    span: { source: 'deploy.log', startLine: line, endLine: line },
    lines: [{ lineNo: line, text: message, offset: 0 }],
    ...over,
  };
}

function classify(...events: Event[]) {
  const c = new Classifier(signatures);
  for (const e of events) c.add(e);
  return c.result();
}

const handler = (msg: string, code = 'GeneralServiceException') => `Resource handler returned message: "${msg}" (RequestToken: 1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d, HandlerErrorCode: ${code})`;

describe('tiers', () => {
  test('a specific signature wins over the generic one for the same event', () => {
    const r = classify(event(handler('Cannot find version 15.4 for postgres (Service: Rds, Status Code: 400, Request ID: 0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d)')));
    expect(r.findings.map((f) => f.signature.id)).toEqual(['rds-engine-version-unavailable']);
  });

  test('a fallback signature wins over the generic one', () => {
    const r = classify(event(handler('User: arn:aws:sts::111122223333:assumed-role/deploy/ci is not authorized to perform: ec2:CreateVpc (Service: Ec2, Status Code: 403, Request ID: 0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d)', 'AccessDenied')));
    expect(r.findings.map((f) => f.signature.id)).toEqual(['iam-permission-denied']);
  });

  test('one generic finding per event: the provider error before the tool that framed it', () => {
    const go = 'creating Glue Job (etl-nightly): operation error Glue: CreateJob, https response error StatusCode: 400, RequestID: 0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d, api error ConcurrentModificationException: WorkerType G.8X is being changed by another request';
    const r = classify(event(go, { tool: 'terraform', resourceId: 'aws_glue_job.etl', facts: { summary: go } }));
    expect(r.findings.map((f) => [f.signature.id, f.captures.service, f.captures.operation, f.captures.errorCode])).toEqual([['aws-api-error', 'Glue', 'CreateJob', 'ConcurrentModificationException']]);
  });

  test('warnings and restatements never reach the generic layer', () => {
    const r = classify(
      event('Deletion policy of LedgerDatabase should be Snapshot', { severity: 'warning' }),
      event('The following resource(s) failed to create: [OrdersQueue1A2B3C4D].', { cascade: true }),
    );
    expect(r.findings).toEqual([]);
    expect(r.unclassified.map((u) => [u.text, u.severity])).toEqual([
      ['Deletion policy of LedgerDatabase should be Snapshot', 'warning'],
      ['The following resource(s) failed to create: [OrdersQueue1A2B3C4D].', 'error'],
    ]);
  });

  test('a generic signature is tried only after every specific and fallback one, whatever the order of the catalogue', () => {
    const reversed = new Classifier([...signatures].reverse());
    reversed.add(event(handler('Cannot find version 15.4 for postgres (Service: Rds, Status Code: 400, Request ID: 0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d)')));
    expect(reversed.result().findings.map((f) => f.signature.id)).toEqual(['rds-engine-version-unavailable']);
  });
});

describe('fingerprints', () => {
  test('two error codes on two resources are two findings', () => {
    const r = classify(
      event(handler('Schedule expression falls inside the blackout window'), { resourceId: 'NightlySync1A2B3C4D' }),
      event(handler('The NLB target group has no healthy targets', 'HandlerInternalFailure'), { resourceId: 'ApiVpcLink5E6F7A8B' }),
    );
    expect(r.findings.map((f) => [f.captures.errorCode, f.resources.map((x) => x.id)])).toEqual([
      ['GeneralServiceException', ['NightlySync1A2B3C4D']],
      ['HandlerInternalFailure', ['ApiVpcLink5E6F7A8B']],
    ]);
  });

  test('one cause repeated in a recap, with other request ids and wrapped by a terminal, is one finding', () => {
    const msg = 'Reserved queues need a pricing plan with at least one reserved transcoding slot';
    const r = classify(
      event(`${msg} (Service: MediaConvert, Status Code: 400, Request ID: 2c3d4e5f-6a7b-4c8d-9e0f-1a2b3c4d5e6f)`, { resourceId: 'TranscodeQueue4B5C6D7E' }),
      event(`${msg.replace('transcoding slot', 'transco ding slot')} (Service: MediaConvert, Status Code: 400, Request ID: 9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a)`, { resourceId: 'TranscodeQueue4B5C6D7E' }),
    );
    expect(r.findings).toHaveLength(1);
    expect(r.findings[0]!.occurrences).toHaveLength(2);
  });

  test('the same failure on several resources is one finding naming each', () => {
    const r = classify(
      event('An error occurred (InvalidChangeBatch) when calling the ChangeResourceRecordSets operation: the record set is not permitted at the zone apex', { tool: 'text', resourceId: 'ApexAliasA' }),
      event('An error occurred (InvalidChangeBatch) when calling the ChangeResourceRecordSets operation: the record set is not permitted at the zone apex', { tool: 'text', resourceId: 'ApexAliasB' }),
    );
    expect(r.findings.map((f) => f.resources.map((x) => x.id))).toEqual([['ApexAliasA', 'ApexAliasB']]);
  });

  test('a Terraform diagnostic is one finding per summary and detail, however many blocks print it', () => {
    const tf = (address: string, detail: string) =>
      event(`Invalid template interpolation value ${detail}`, { tool: 'terraform', resourceId: address, facts: { summary: 'Invalid template interpolation value', detail } });
    const r = classify(tf('aws_s3_bucket.a', 'The expression result is null.'), tf('aws_s3_bucket.b', 'The expression result is null.'), tf('aws_sqs_queue.c', 'The expression result is a list.'));
    expect(r.findings.map((f) => [f.signature.id, f.resources.map((x) => x.id)])).toEqual([
      ['terraform-diagnostic', ['aws_s3_bucket.a', 'aws_s3_bucket.b']],
      ['terraform-diagnostic', ['aws_sqs_queue.c']],
    ]);
  });
});

describe('facts from the adapters', () => {
  test('a ValidationPath is kept on every finding it leads to, generic or specific', () => {
    const facts = { validationPath: '/Resources/ExportsBucket6F7A8B9C' };
    const r = classify(
      event("Resource of type 'AWS::S3::Bucket' with identifier 'reports-exports-prod' already exists.", { facts }),
      event('Stream RetentionPeriodHours 12 is below the shortest retention a stream can have', { facts: { validationPath: '/Resources/Stream/Properties/RetentionPeriodHours' } }),
    );
    expect(r.findings.map((f) => [f.signature.id, f.captures.validationPath])).toEqual([
      ['resource-already-exists', '/Resources/ExportsBucket6F7A8B9C'],
      ['cloudformation-event-failed', '/Resources/Stream/Properties/RetentionPeriodHours'],
    ]);
  });

  test('a fact a signature does not declare stays out of its captures', () => {
    const r = classify(event('Missing required argument The argument "engine" is required, but no definition was found.', { tool: 'terraform', facts: { summary: 'Missing required argument', detail: 'The argument "engine" is required, but no definition was found.' } }));
    expect(r.findings[0]!.signature.id).toBe('tf-invalid-reference');
    expect(Object.keys(r.findings[0]!.captures).sort()).toEqual(['argument', 'summary']);
  });
});
