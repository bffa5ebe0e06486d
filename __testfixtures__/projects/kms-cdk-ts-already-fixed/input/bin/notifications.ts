import * as cdk from 'aws-cdk-lib';
import { NotificationsStack } from '../lib/notifications-stack';

const app = new cdk.App();
const environmentSuffix = app.node.tryGetContext('environmentSuffix') || 'dev';
new NotificationsStack(app, `NotificationsStack${environmentSuffix}`, { environmentSuffix });
