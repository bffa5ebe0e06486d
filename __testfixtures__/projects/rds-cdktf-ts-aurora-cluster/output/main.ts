import { Construct } from 'constructs';
import { App, S3Backend, TerraformOutput, TerraformStack } from 'cdktf';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { DbSubnetGroup } from '@cdktf/provider-aws/lib/db-subnet-group';
import { RdsCluster } from '@cdktf/provider-aws/lib/rds-cluster';
import { RdsClusterInstance } from '@cdktf/provider-aws/lib/rds-cluster-instance';
import { RdsClusterParameterGroup } from '@cdktf/provider-aws/lib/rds-cluster-parameter-group';

interface PaymentsStackConfig {
  environment: string;
  region: string;
  subnetIds: string[];
}

class PaymentsStack extends TerraformStack {
  constructor(scope: Construct, id: string, config: PaymentsStackConfig) {
    super(scope, id);
    const { environment } = config;

    new AwsProvider(this, 'aws', { region: config.region, defaultTags: [{ tags: { Environment: environment } }] });
    new S3Backend(this, { bucket: 'acme-terraform-state', key: `payments/${environment}.tfstate`, region: config.region });

    const subnets = new DbSubnetGroup(this, `payments-subnets-${environment}`, {
      name: `payments-${environment}`,
      subnetIds: config.subnetIds,
    });

    const params = new RdsClusterParameterGroup(this, `payments-params-${environment}`, {
      name: `payments-${environment}`,
      family: 'aurora-postgresql15',
      parameter: [{ name: 'log_statement', value: 'ddl' }],
    });

    const cluster = new RdsCluster(this, `payments-cluster-${environment}`, {
      clusterIdentifier: `payments-${environment}`,
      engine: 'aurora-postgresql',
      engineVersion: '15.8',
      databaseName: 'payments',
      masterUsername: 'payments',
      manageMasterUserPassword: true,
      dbSubnetGroupName: subnets.name,
      dbClusterParameterGroupName: params.name,
      storageEncrypted: true,
      skipFinalSnapshot: environment !== 'prod',
    });

    for (const n of [1, 2]) {
      new RdsClusterInstance(this, `payments-instance-${n}-${environment}`, {
        identifier: `payments-${environment}-${n}`,
        clusterIdentifier: cluster.id,
        engine: 'aurora-postgresql',
        engineVersion: '15.8',
        instanceClass: 'db.r6g.large',
      });
    }

    new TerraformOutput(this, 'endpoint', { value: cluster.endpoint });
  }
}

const app = new App();
new PaymentsStack(app, 'payments-dev', {
  environment: 'dev',
  region: 'us-east-1',
  subnetIds: ['subnet-0a1b2c3d4e5f60718', 'subnet-0f1e2d3c4b5a69788'],
});
app.synth();
