import * as cdk from 'aws-cdk-lib';
import { aws_ecr as ecr } from 'aws-cdk-lib';
import { Construct } from 'constructs';

const disposable = {
  removalPolicy: cdk.RemovalPolicy.DESTROY,
  emptyOnDelete: true, // empty before delete
};

/** A repository per component, named after the environment. */
const componentRepository = (scope: Construct, component: string, props: ecr.RepositoryProps) =>
  new ecr.Repository(scope, `${component}Repository`, { imageScanOnPush: true, ...props });

export class RegistryStack extends cdk.Stack {
  constructor(scope: Construct, id: string, env: string) {
    super(scope, id);
    componentRepository(this, 'Api', { repositoryName: `api-${env}`, ...disposable });
    componentRepository(this, 'Ui', { repositoryName: `ui-${env}`, emptyOnDelete: env !== 'prod' });
    new ecr.Repository(this, 'Shared', { repositoryName: 'shared' });
  }
}
