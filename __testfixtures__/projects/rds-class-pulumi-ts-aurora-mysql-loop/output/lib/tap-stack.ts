import * as aws from '@pulumi/aws';
import * as pulumi from '@pulumi/pulumi';

export interface TapStackArgs {
  environmentSuffix?: string;
}

// Small instances keep the dev environments cheap.
const instanceClass = 'db.t3.medium';
const instanceCount = 2;

export class TapStack extends pulumi.ComponentResource {
  public readonly clusterEndpoint: pulumi.Output<string>;

  constructor(name: string, args: TapStackArgs, opts?: pulumi.ComponentResourceOptions) {
    super('tap:stack:TapStack', name, args, opts);
    const environmentSuffix = args.environmentSuffix || 'dev';

    const cluster = new aws.rds.Cluster(
      `aurora-cluster-${environmentSuffix}`,
      {
        clusterIdentifier: `tap-aurora-${environmentSuffix}`,
        engine: aws.rds.EngineType.AuroraMysql,
        engineVersion: '8.0.mysql_aurora.3.08.2',
        databaseName: 'tap',
        masterUsername: 'admin',
        manageMasterUserPassword: true,
        storageEncrypted: true,
        skipFinalSnapshot: true,
        tags: { Environment: environmentSuffix },
      },
      { parent: this }
    );

    for (let i = 0; i < instanceCount; i++) {
      new aws.rds.ClusterInstance(
        `aurora-instance-${environmentSuffix}-${i}`,
        {
          identifier: `tap-aurora-${environmentSuffix}-${i}`,
          clusterIdentifier: cluster.id,
          instanceClass: instanceClass,
          engine: aws.rds.EngineType.AuroraMysql,
          engineVersion: cluster.engineVersion,
          publiclyAccessible: false,
        },
        { parent: this }
      );
    }

    this.clusterEndpoint = cluster.endpoint;
    this.registerOutputs({ clusterEndpoint: this.clusterEndpoint });
  }
}
