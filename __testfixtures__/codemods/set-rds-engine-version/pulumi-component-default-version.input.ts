import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";

export interface DatabaseArgs {
    engineVersion?: string;
    instanceCount?: number;
}

/** An Aurora PostgreSQL cluster and its instances, named after the component. */
export class Database extends pulumi.ComponentResource {
    public readonly cluster: aws.rds.Cluster;

    constructor(name: string, args: DatabaseArgs, opts?: pulumi.ComponentResourceOptions) {
        super("acme:data:Database", name, {}, opts);
        this.cluster = new aws.rds.Cluster(`${name}-cluster`, {
            engine: "aurora-postgresql",
            engineVersion: args.engineVersion ?? "15.4",
            masterUsername: "app",
            manageMasterUserPassword: true,
            skipFinalSnapshot: true,
        }, { parent: this });
        for (let i = 0; i < (args.instanceCount ?? 1); i++) {
            new aws.rds.ClusterInstance(`${name}-instance-${i}`, {
                clusterIdentifier: this.cluster.id,
                instanceClass: "db.r6g.large",
                engine: "aurora-postgresql",
                engineVersion: this.cluster.engineVersion,
            }, { parent: this });
        }
        this.registerOutputs({ endpoint: this.cluster.endpoint });
    }
}
