import * as cdk from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as rds from 'aws-cdk-lib/aws-rds';
import { Construct } from 'constructs';

/** Single-AZ warehouse staging DB; rebuilt nightly from S3 exports. */
export class DatabaseStack extends cdk.Stack {
  constructor(scope: Construct, id: string, props?: cdk.StackProps) {
    super(scope, id, props);

    const vpc = ec2.Vpc.fromLookup(this, 'Vpc', { vpcName: 'analytics' });
    const engineVersion = rds.PostgresEngineVersion.of('15.8', '15', { s3Import: true, s3Export: true });

    new rds.DatabaseInstance(this, 'StagingDb', {
      engine: rds.DatabaseInstanceEngine.postgres({ version: engineVersion }),
      instanceType: ec2.InstanceType.of(ec2.InstanceClass.T4G, ec2.InstanceSize.LARGE),
      vpc,
      s3ImportBuckets: [],
    });
  }
}
