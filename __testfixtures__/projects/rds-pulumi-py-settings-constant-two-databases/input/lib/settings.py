"""Versions and sizes for every environment."""

POSTGRES_ENGINE_VERSION = "15.5"
POSTGRES_INSTANCE_CLASS = "db.t3.medium"
REDIS_ENGINE_VERSION = "7.1"
REDIS_NODE_TYPE = "cache.t3.micro"
