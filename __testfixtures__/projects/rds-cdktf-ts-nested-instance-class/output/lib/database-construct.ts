import { RdsCluster } from '@cdktf/provider-aws/lib/rds-cluster';
import { RdsClusterInstance } from '@cdktf/provider-aws/lib/rds-cluster-instance';
import { Construct } from 'constructs';

export interface DatabaseConstructProps {
  environmentSuffix: string;
}

export class DatabaseConstruct extends Construct {
  public readonly cluster: RdsCluster;

  constructor(scope: Construct, id: string, props: DatabaseConstructProps) {
    super(scope, id);

    this.cluster = new RdsCluster(this, 'aurora-cluster', {
      clusterIdentifier: `inventory-aurora-${props.environmentSuffix}`,
      engine: 'aurora-mysql',
      engineVersion: '8.0.mysql_aurora.3.04.0',
      databaseName: 'inventory',
      masterUsername: 'admin',
      manageMasterUserPassword: true,
      skipFinalSnapshot: true,
    });

    new RdsClusterInstance(this, 'aurora-writer', {
      identifier: `inventory-aurora-${props.environmentSuffix}-writer`,
      clusterIdentifier: this.cluster.id,
      instanceClass: 'db.t3.medium',
      engine: this.cluster.engine,
      engineVersion: this.cluster.engineVersion,
    });
  }
}
