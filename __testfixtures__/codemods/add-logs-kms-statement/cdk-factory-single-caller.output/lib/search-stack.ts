import { Stack, StackProps } from 'aws-cdk-lib';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { standardKey } from './keys';

export class SearchStack extends Stack {
  constructor(scope: Construct, id: string, props: StackProps & { suffix: string }) {
    super(scope, id, props);

    new LogGroup(this, 'IndexerLogs', {
      logGroupName: `/search/indexer-${props.suffix}`,
      encryptionKey: standardKey(this, 'SearchLogsKey', 'Search indexer logs'),
      retention: RetentionDays.ONE_WEEK,
    });
  }
}
