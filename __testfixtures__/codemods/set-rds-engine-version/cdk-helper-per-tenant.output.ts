import * as cdk from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as rds from 'aws-cdk-lib/aws-rds';
import { Construct } from 'constructs';

function tenantDatabase(scope: Construct, tenant: string, vpc: ec2.IVpc): rds.DatabaseInstance {
  return new rds.DatabaseInstance(scope, `TenantDb-${tenant}`, {
    engine: rds.DatabaseInstanceEngine.postgres({ version: rds.PostgresEngineVersion.VER_16_4 }),
    instanceType: ec2.InstanceType.of(ec2.InstanceClass.T4G, ec2.InstanceSize.MICRO),
    vpc,
  });
}

export class TenantsStack extends cdk.Stack {
  constructor(scope: Construct, id: string, props: cdk.StackProps & { tenants: string[] }) {
    super(scope, id, props);
    const vpc = new ec2.Vpc(this, 'Vpc', { maxAzs: 2 });
    for (const tenant of props.tenants) tenantDatabase(this, tenant, vpc);
  }
}
