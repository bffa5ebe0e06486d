import { Subnet } from '@cdktf/provider-aws/lib/subnet';
import { Vpc } from '@cdktf/provider-aws/lib/vpc';
import { Construct } from 'constructs';
import { NETWORK_CONFIG } from './config';

export class NetworkConstruct extends Construct {
  public readonly vpcId: string;
  public readonly privateSubnetIds: string[];

  constructor(scope: Construct, id: string, props: { environmentSuffix: string }) {
    super(scope, id);

    const vpc = new Vpc(this, 'vpc', {
      cidrBlock: NETWORK_CONFIG.vpcCidr,
      enableDnsHostnames: true,
      tags: { Name: `tap-vpc-${props.environmentSuffix}` },
    });

    this.vpcId = vpc.id;
    this.privateSubnetIds = NETWORK_CONFIG.privateSubnetCidrs.map(
      (cidr, i) =>
        new Subnet(this, `private-${i}`, {
          vpcId: vpc.id,
          cidrBlock: cidr,
          availabilityZone: NETWORK_CONFIG.availabilityZones[i],
          tags: { Name: `tap-private-${i}-${props.environmentSuffix}` },
        }).id
    );
  }
}
