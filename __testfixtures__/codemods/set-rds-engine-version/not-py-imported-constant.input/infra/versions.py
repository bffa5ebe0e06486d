"""Engine versions the platform team supports; bump them here, for every service at once."""
POSTGRES_VERSION = "15.4"
REDIS_VERSION = "7.1"
