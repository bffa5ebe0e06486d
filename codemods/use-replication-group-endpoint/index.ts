// use-replication-group-endpoint: `AttributeError: 'ReplicationGroup' object has no attribute
// 'cache_nodes'` -> read the replication group's own endpoint outputs:
// `x.cache_nodes[0].address` -> `x.primary_endpoint_address`, `x.cache_nodes[0].port` -> `x.port`,
// only where `x` is created by `aws.elasticache.ReplicationGroup`. `aws.elasticache.Cluster`
// does have `cache_nodes` and is left alone. CDKTF's ElasticacheReplicationGroup
// (`.cache_nodes.get(0).address`) likewise; in TypeScript and JavaScript the same read fails to
// compile (TS2339 `Property 'cacheNodes' does not exist on type 'ReplicationGroup'`), and the
// lines the compiler names are rewritten (typescript.ts).
import type { Codemod } from '../../src/fix/contract.js';

const codemod: Codemod = {
  id: 'use-replication-group-endpoint',
  title: "Read a ReplicationGroup's endpoint instead of cache_nodes",
  languages: ['typescript', 'python'],

  // The endpoint names too: a file already fixed must reach the transform to report already-fixed.
  prefilter: (text) => /cache_?[nN]odes|ReplicationGroup|primary_?[eE]ndpoint_?[aA]ddress|configuration_?[eE]ndpoint_?[aA]ddress/.test(text),

  async run(language, ctx) {
    if (language === 'typescript') return (await import('./typescript.js')).run(ctx);
    return (await import('./python.js')).run(ctx);
  },
};

export default codemod;
