import { Stack, StackProps } from 'aws-cdk-lib';
import { AttributeType, TableV2, type TablePropsV2 } from 'aws-cdk-lib/aws-dynamodb';
import type { Construct } from 'constructs';

interface SessionsStackProps extends StackProps {
  readonly stage: 'dev' | 'prod';
}

export class SessionsStack extends Stack {
  constructor(scope: Construct, id: string, props: SessionsStackProps) {
    super(scope, id, props);

    const tableProps: TablePropsV2 = {
      partitionKey: { name: 'sessionId', type: AttributeType.STRING },
      timeToLiveAttribute: 'expiresAt',
      pointInTimeRecovery:
        props.stage === 'prod',
    };
    new TableV2(this, 'Sessions', tableProps);
  }
}
