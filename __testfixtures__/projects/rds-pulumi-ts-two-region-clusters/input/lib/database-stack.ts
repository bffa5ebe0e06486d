/**
 * database-stack.ts
 *
 * Aurora PostgreSQL in two regions: a primary cluster, a global cluster made from it,
 * and a read-only secondary cluster that joins the global cluster.
 */
import * as aws from '@pulumi/aws';
import * as pulumi from '@pulumi/pulumi';

export interface DatabaseStackArgs {
  environmentSuffix: string;
  primaryRegion: string;
  secondaryRegion: string;
  tags: { [key: string]: string };
}

// Keep the clusters on the same minor: a secondary cannot join on another version.
const engineVersion = '15.4';

export class DatabaseStack extends pulumi.ComponentResource {
  public readonly primaryCluster: aws.rds.Cluster;
  public readonly secondaryCluster: aws.rds.Cluster;

  constructor(name: string, args: DatabaseStackArgs, opts?: pulumi.ComponentResourceOptions) {
    super('tap:database:DatabaseStack', name, args, opts);

    const { environmentSuffix, tags } = args;

    const primaryProvider = new aws.Provider(
      `db-primary-provider-${environmentSuffix}`,
      { region: args.primaryRegion as aws.Region },
      { parent: this }
    );
    const secondaryProvider = new aws.Provider(
      `db-secondary-provider-${environmentSuffix}`,
      { region: args.secondaryRegion as aws.Region },
      { parent: this }
    );

    this.primaryCluster = new aws.rds.Cluster(
      `primary-cluster-${environmentSuffix}`,
      {
        clusterIdentifier: `tap-primary-${environmentSuffix}`,
        engine: 'aurora-postgresql',
        engineVersion: engineVersion,
        databaseName: 'transactions',
        masterUsername: 'dbadmin',
        manageMasterUserPassword: true,
        storageEncrypted: true,
        backupRetentionPeriod: 7,
        skipFinalSnapshot: true,
        tags: { ...tags, Name: `tap-primary-${environmentSuffix}` },
      },
      { parent: this, provider: primaryProvider }
    );

    const primaryInstances = [1, 2].map(
      (n) =>
        new aws.rds.ClusterInstance(
          `primary-instance-${n}-${environmentSuffix}`,
          {
            identifier: `tap-primary-${n}-${environmentSuffix}`,
            clusterIdentifier: this.primaryCluster.id,
            instanceClass: 'db.r6g.large',
            engine: 'aurora-postgresql',
            engineVersion: '15.4',
            performanceInsightsEnabled: true,
            tags,
          },
          { parent: this, provider: primaryProvider }
        )
    );

    const globalCluster = new aws.rds.GlobalCluster(
      `global-cluster-${environmentSuffix}`,
      {
        globalClusterIdentifier: `tap-global-${environmentSuffix}`,
        sourceDbClusterIdentifier: this.primaryCluster.arn,
        forceDestroy: true,
      },
      { parent: this, provider: primaryProvider, dependsOn: primaryInstances }
    );

    this.secondaryCluster = new aws.rds.Cluster(
      `secondary-cluster-${environmentSuffix}`,
      {
        clusterIdentifier: `tap-secondary-${environmentSuffix}`,
        engine: 'aurora-postgresql',
        engineVersion: engineVersion,
        globalClusterIdentifier: globalCluster.id,
        storageEncrypted: true,
        skipFinalSnapshot: true,
        tags: { ...tags, Name: `tap-secondary-${environmentSuffix}` },
      },
      { parent: this, provider: secondaryProvider }
    );

    for (const n of [1, 2]) {
      new aws.rds.ClusterInstance(
        `secondary-instance-${n}-${environmentSuffix}`,
        {
          identifier: `tap-secondary-${n}-${environmentSuffix}`,
          clusterIdentifier: this.secondaryCluster.id,
          instanceClass: 'db.r6g.large',
          engine: 'aurora-postgresql',
          engineVersion: '15.4',
          tags,
        },
        { parent: this, provider: secondaryProvider }
      );
    }

    this.registerOutputs({
      primaryEndpoint: this.primaryCluster.endpoint,
      secondaryEndpoint: this.secondaryCluster.endpoint,
    });
  }
}
