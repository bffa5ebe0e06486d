"""Settings shared by the TAP stacks. Change versions and sizes here, not in the stacks."""

# PostgreSQL for the reporting database
POSTGRES_FULL_VERSION = "15.3"
POSTGRES_MAJOR_VERSION = "15"

DB_INSTANCE_SIZE = "t3.medium"
DB_ALLOCATED_STORAGE_GB = 50
DB_BACKUP_RETENTION_DAYS = 7

LOG_RETENTION_DAYS = 30
