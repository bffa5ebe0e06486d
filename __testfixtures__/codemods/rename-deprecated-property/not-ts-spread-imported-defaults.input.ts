import * as cdk from 'aws-cdk-lib';
import * as ecr from 'aws-cdk-lib/aws-ecr';
import { Construct } from 'constructs';
import { repositoryDefaults } from './defaults';

export class MirrorStack extends cdk.Stack {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    // autoDeleteImages comes with the defaults.
    new ecr.Repository(this, 'Mirror', { ...repositoryDefaults, repositoryName: 'mirror' });
  }
}
