from pulumi_aws.elasticache import ReplicationGroup

cache = ReplicationGroup('sessions', description='session cache', node_type='cache.t3.micro', num_cache_clusters=2, automatic_failover_enabled=True)
