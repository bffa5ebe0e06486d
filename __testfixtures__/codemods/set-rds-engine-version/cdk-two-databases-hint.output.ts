import { Stack, StackProps, Duration } from 'aws-cdk-lib';
import { InstanceClass, InstanceSize, InstanceType, IVpc } from 'aws-cdk-lib/aws-ec2';
import { DatabaseInstance, DatabaseInstanceEngine, PostgresEngineVersion } from 'aws-cdk-lib/aws-rds';
import { Construct } from 'constructs';

interface DataStackProps extends StackProps {
  readonly vpc: IVpc;
}

export class DataStack extends Stack {
  constructor(scope: Construct, id: string, { vpc, ...props }: DataStackProps) {
    super(scope, id, props);

    // Billing has run on 15.4 since 2023; it is not part of this change.
    new DatabaseInstance(this, 'BillingDatabase', {
      engine: DatabaseInstanceEngine.postgres({ version: PostgresEngineVersion.VER_15_4 }),
      instanceType: InstanceType.of(InstanceClass.M6G, InstanceSize.LARGE),
      vpc,
      backupRetention: Duration.days(14),
    });

    new DatabaseInstance(this, 'MetricsDatabase', {
      engine: DatabaseInstanceEngine.postgres({ version: PostgresEngineVersion.VER_15_8 }),
      instanceType: InstanceType.of(InstanceClass.T4G, InstanceSize.MEDIUM),
      vpc,
      backupRetention: Duration.days(1),
    });
  }
}
