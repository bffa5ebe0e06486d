import { DbInstance } from '@cdktf/provider-aws/lib/db-instance';
import { DbParameterGroup } from '@cdktf/provider-aws/lib/db-parameter-group';
import { DbSubnetGroup } from '@cdktf/provider-aws/lib/db-subnet-group';
import { SecurityGroup } from '@cdktf/provider-aws/lib/security-group';
import { Construct } from 'constructs';
import { DB_CONFIG } from './config';

export interface DatabaseConstructProps {
  environmentSuffix: string;
  subnetIds: string[];
  vpcId: string;
}

export class DatabaseConstruct extends Construct {
  public readonly instance: DbInstance;

  constructor(scope: Construct, id: string, props: DatabaseConstructProps) {
    super(scope, id);
    const { environmentSuffix } = props;

    const subnetGroup = new DbSubnetGroup(this, 'subnet-group', {
      name: `tap-db-subnets-${environmentSuffix}`,
      subnetIds: props.subnetIds,
    });

    const parameterGroup = new DbParameterGroup(this, 'parameter-group', {
      name: `tap-mysql-${environmentSuffix}`,
      family: DB_CONFIG.parameterGroupFamily,
      parameter: [
        { name: 'slow_query_log', value: '1' },
        { name: 'long_query_time', value: '2' },
      ],
    });

    const securityGroup = new SecurityGroup(this, 'db-sg', {
      name: `tap-db-sg-${environmentSuffix}`,
      vpcId: props.vpcId,
      ingress: [{ fromPort: 3306, toPort: 3306, protocol: 'tcp', cidrBlocks: ['10.20.0.0/16'] }],
    });

    this.instance = new DbInstance(this, 'mysql', {
      identifier: `tap-mysql-${environmentSuffix}`,
      engine: DB_CONFIG.engine,
      engineVersion: DB_CONFIG.engineVersion,
      instanceClass: DB_CONFIG.instanceClass,
      allocatedStorage: DB_CONFIG.allocatedStorage,
      dbName: 'tap',
      username: 'tapadmin',
      manageMasterUserPassword: true,
      dbSubnetGroupName: subnetGroup.name,
      parameterGroupName: parameterGroup.name,
      vpcSecurityGroupIds: [securityGroup.id],
      storageEncrypted: true,
      backupRetentionPeriod: DB_CONFIG.backupRetentionPeriod,
      skipFinalSnapshot: true,
    });
  }
}
