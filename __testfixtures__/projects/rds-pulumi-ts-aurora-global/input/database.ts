import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";

export interface DatabaseArgs {
    environmentSuffix: string;
    subnetIds: pulumi.Input<pulumi.Input<string>[]>;
    securityGroupId: pulumi.Input<string>;
}

// One Aurora PostgreSQL version for the global cluster and every member: RDS rejects members
// whose version differs from the global cluster's.
const auroraEngineVersion = "15.4";

export function createDatabase(args: DatabaseArgs) {
    const { environmentSuffix } = args;

    const subnetGroup = new aws.rds.SubnetGroup(`financial-db-subnets-${environmentSuffix}`, {
        subnetIds: args.subnetIds,
        tags: { Environment: environmentSuffix },
    });

    const globalCluster = new aws.rds.GlobalCluster(`financial-global-${environmentSuffix}`, {
        globalClusterIdentifier: `financial-global-${environmentSuffix}`,
        engine: "aurora-postgresql",
        engineVersion: auroraEngineVersion,
        databaseName: "ledger",
        storageEncrypted: true,
    });

    const clusterParams = new aws.rds.ClusterParameterGroup(`financial-db-params-${environmentSuffix}`, {
        family: "aurora-postgresql15",
        description: "Ledger cluster settings",
        parameters: [
            { name: "log_min_duration_statement", value: "500" },
            { name: "rds.force_ssl", value: "1" },
        ],
    });

    const cluster = new aws.rds.Cluster(`financial-db-cluster-${environmentSuffix}`, {
        clusterIdentifier: `financial-db-cluster-${environmentSuffix}`,
        engine: aws.rds.EngineType.AuroraPostgresql,
        engineVersion: auroraEngineVersion,
        globalClusterIdentifier: globalCluster.id,
        dbClusterParameterGroupName: clusterParams.name,
        dbSubnetGroupName: subnetGroup.name,
        vpcSecurityGroupIds: [args.securityGroupId],
        masterUsername: "ledger_admin",
        manageMasterUserPassword: true,
        storageEncrypted: true,
        backupRetentionPeriod: environmentSuffix === "prod" ? 14 : 1,
        skipFinalSnapshot: environmentSuffix !== "prod",
        tags: { Environment: environmentSuffix },
    });

    // A writer and a reader; the cluster decides which is which.
    const instances = [1, 2].map((n) =>
        new aws.rds.ClusterInstance(`financial-db-instance-${n}-${environmentSuffix}`, {
            identifier: `financial-db-${n}-${environmentSuffix}`,
            clusterIdentifier: cluster.id,
            instanceClass: "db.r6g.large",
            engine: aws.rds.EngineType.AuroraPostgresql,
            engineVersion: auroraEngineVersion,
            publiclyAccessible: false,
            tags: { Environment: environmentSuffix },
        }),
    );

    return { cluster, instances, globalCluster };
}
