import * as fs from 'node:fs';
import * as aws from '@pulumi/aws';

const key = new aws.kms.Key('ingest-key', {
  policy: fs.readFileSync('policies/ingest-key.json', 'utf8'),
});

new aws.cloudwatch.LogGroup('ingest-logs', { kmsKeyId: key.id });
