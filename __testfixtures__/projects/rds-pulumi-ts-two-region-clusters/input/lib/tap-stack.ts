import * as pulumi from '@pulumi/pulumi';
import { DatabaseStack } from './database-stack';

export interface TapStackArgs {
  environmentSuffix?: string;
  primaryRegion: string;
  secondaryRegion: string;
  tags?: { [key: string]: string };
}

export class TapStack extends pulumi.ComponentResource {
  public readonly primaryEndpoint: pulumi.Output<string>;
  public readonly secondaryEndpoint: pulumi.Output<string>;

  constructor(name: string, args: TapStackArgs, opts?: pulumi.ComponentResourceOptions) {
    super('tap:stack:TapStack', name, args, opts);

    const database = new DatabaseStack(
      'tap-database',
      {
        environmentSuffix: args.environmentSuffix || 'dev',
        primaryRegion: args.primaryRegion,
        secondaryRegion: args.secondaryRegion,
        tags: args.tags || {},
      },
      { parent: this }
    );

    this.primaryEndpoint = database.primaryCluster.endpoint;
    this.secondaryEndpoint = database.secondaryCluster.endpoint;
    this.registerOutputs({
      primaryEndpoint: this.primaryEndpoint,
      secondaryEndpoint: this.secondaryEndpoint,
    });
  }
}
