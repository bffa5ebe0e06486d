import { Construct } from "constructs";
import { TerraformOutput, TerraformStack } from "cdktf";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { ElasticacheCluster } from "@cdktf/provider-aws/lib/elasticache-cluster";
import { ElasticacheReplicationGroup } from "@cdktf/provider-aws/lib/elasticache-replication-group";

export class CacheStack extends TerraformStack {
  constructor(scope: Construct, id: string, environmentSuffix: string) {
    super(scope, id);
    new AwsProvider(this, "aws", { region: "eu-central-1" });

    const tokens = new ElasticacheCluster(this, "tokens", {
      clusterId: `tokens-${environmentSuffix}`,
      engine: "memcached",
      nodeType: "cache.t4g.micro",
      numCacheNodes: 1,
    });
    // Queue for the workers: primary + replica.
    const queue = new ElasticacheReplicationGroup(this, "queue", {
      replicationGroupId: `queue-${environmentSuffix}`,
      description: "Work queue",
      nodeType: "cache.t4g.small",
      numCacheClusters: 2,
    });

    new TerraformOutput(this, "tokens_endpoint", { value: tokens.cacheNodes.get(0).address });
    new TerraformOutput(this, "queue_endpoint", { value: queue.primaryEndpointAddress });
    new TerraformOutput(this, "queue_port", { value: queue.port });
  }
}
