import { App } from 'aws-cdk-lib';
import { IngestStack } from '../lib/ingest-stack';

const app = new App();
const environmentSuffix = process.env.ENV_SUFFIX ?? 'qa';
new IngestStack(app, `IngestStack${environmentSuffix}`, { environmentSuffix });
