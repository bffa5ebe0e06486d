import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import { aws_rds as rds } from 'aws-cdk-lib';
import type { Construct } from 'constructs';

export class LegacyReportingStack extends Stack {
  constructor(scope: Construct, id: string, props: StackProps & { subnetGroupName: string }) {
    super(scope, id, props);

    const reporting = new rds.CfnDBInstance(this, 'ReportingDb', {
      engine: 'mysql',
      engineVersion: '8.0.35',
      dbInstanceClass: 'db.m6g.large',
      allocatedStorage: '100',
      dbSubnetGroupName: props.subnetGroupName,
      masterUsername: 'admin',
      manageMasterUserPassword: true,
    });

    // The archive copy uses the L2 construct with an explicit version.
    new rds.DatabaseInstance(this, 'ArchiveDb', {
      engine: rds.DatabaseInstanceEngine.mysql({ version: rds.MysqlEngineVersion.of('8.0.35', '8.0') }),
      vpc: undefined as never,
    });

    new CfnOutput(this, 'ReportingEndpoint', { value: reporting.attrEndpointAddress });
  }
}
