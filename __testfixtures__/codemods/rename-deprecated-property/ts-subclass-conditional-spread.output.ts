import { RemovalPolicy } from 'aws-cdk-lib';
import { Repository, RepositoryProps, TagMutability } from 'aws-cdk-lib/aws-ecr';
import { Construct } from 'constructs';

export interface TeamRepositoryProps extends RepositoryProps {
  readonly ephemeral?: boolean;
}

/** An immutable-tag repository; ephemeral ones go with their stack, images and all. */
export class TeamRepository extends Repository {
  constructor(scope: Construct, id: string, props: TeamRepositoryProps = {}) {
    super(scope, id, {
      imageTagMutability: TagMutability.IMMUTABLE,
      ...(props.ephemeral ? { removalPolicy: RemovalPolicy.DESTROY, emptyOnDelete: true } : {}),
      repositoryName: props.repositoryName,
    });
  }
}
