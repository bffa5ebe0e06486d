import * as cdk from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as kms from 'aws-cdk-lib/aws-kms';
import { Construct } from 'constructs';
import { ObservabilityConstruct } from './constructs/observability';

export interface PaymentsStackProps extends cdk.StackProps {
  environmentSuffix: string;
  serviceName: string;
}

export class PaymentsStack extends cdk.Stack {
  constructor(scope: Construct, id: string, props: PaymentsStackProps) {
    super(scope, id, props);
    const { environmentSuffix, serviceName } = props;

    const vpc = new ec2.Vpc(this, 'Vpc', { maxAzs: 2, natGateways: 1 });

    // Encrypts the service's logs; rotated yearly.
    const logsKey = new kms.Key(this, 'LogsKey', {
      alias: `alias/${serviceName}-logs-${environmentSuffix}`,
      enableKeyRotation: true,
      removalPolicy: cdk.RemovalPolicy.DESTROY,
    });

    const observability = new ObservabilityConstruct(this, 'Observability', {
      serviceName,
      environmentSuffix,
      encryptionKey: logsKey,
    });

    const cluster = new ecs.Cluster(this, 'Cluster', {
      vpc,
      clusterName: `${serviceName}-${environmentSuffix}`,
      containerInsights: true,
    });

    const taskDefinition = new ecs.FargateTaskDefinition(this, 'TaskDefinition', { cpu: 512, memoryLimitMiB: 1024 });
    taskDefinition.addContainer('api', {
      image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:1.27'),
      logging: ecs.LogDrivers.awsLogs({ streamPrefix: 'api', logGroup: observability.applicationLogs }),
      portMappings: [{ containerPort: 8080 }],
    });

    new ecs.FargateService(this, 'Service', { cluster, taskDefinition, desiredCount: 2 });
  }
}
