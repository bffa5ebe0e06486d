import * as cdk from 'aws-cdk-lib';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import { Construct } from 'constructs';

export class ClusterStack extends cdk.Stack {
  constructor(scope: Construct, id: string, monitoring: { insights?: boolean }) {
    super(scope, id);
    // ENABLED, DISABLED or ENHANCED: which one an optional flag means is for the owner to say.
    new ecs.Cluster(this, 'Cluster', { containerInsights: monitoring.insights });
  }
}
