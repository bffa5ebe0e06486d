// use-replication-group-endpoint: `AttributeError: 'ReplicationGroup' object has no attribute
// 'cache_nodes'` -> read the replication group's own endpoint outputs:
// `x.cache_nodes[0].address` -> `x.primary_endpoint_address`, `x.cache_nodes[0].port` -> `x.port`,
// only where `x` is created by `aws.elasticache.ReplicationGroup`. `aws.elasticache.Cluster`
// does have `cache_nodes` and is left alone.
import type { Codemod } from '../../src/fix/contract.js';

const codemod: Codemod = {
  id: 'use-replication-group-endpoint',
  title: "Read a ReplicationGroup's endpoint instead of cache_nodes",
  languages: ['python'],

  // The endpoint names too: a file already fixed must reach the transform to report already-fixed.
  prefilter: (text) => /cache_nodes|ReplicationGroup|primary_endpoint_address|configuration_endpoint_address/.test(text),

  async run(_language, ctx) {
    return (await import('./python.js')).run(ctx);
  },
};

export default codemod;
