"""Log groups of the ledger's batch jobs."""
import pulumi
import pulumi_aws as aws


def create_log_groups(service: str, environment_suffix: str, kms_key_arn: pulumi.Input[str]) -> dict:
    groups = {}
    for job in ("reconcile", "settle"):
        groups[job] = aws.cloudwatch.LogGroup(
            f"{service}-{job}-logs-{environment_suffix}",
            name=f"/aws/batch/{service}-{job}-{environment_suffix}",
            retention_in_days=60,
            kms_key_id=kms_key_arn,
        )
    return groups
