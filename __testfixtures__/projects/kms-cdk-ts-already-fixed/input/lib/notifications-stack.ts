import * as cdk from 'aws-cdk-lib';
import * as sns from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';
import { Dispatcher } from './constructs/dispatcher';
import { EncryptionConstruct } from './constructs/encryption';

export class NotificationsStack extends cdk.Stack {
  constructor(scope: Construct, id: string, props: cdk.StackProps & { environmentSuffix: string }) {
    super(scope, id, props);
    const { environmentSuffix } = props;

    const encryption = new EncryptionConstruct(this, 'Encryption', { environmentSuffix });
    const topic = new sns.Topic(this, 'Notifications', { topicName: `notifications-${environmentSuffix}` });

    new Dispatcher(this, 'Dispatcher', { environmentSuffix, logsKey: encryption.logsKey, topic });
  }
}
