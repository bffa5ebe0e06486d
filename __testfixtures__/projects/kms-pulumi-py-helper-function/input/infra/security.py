"""Encryption keys for the ledger stack."""
import json

import pulumi_aws as aws


def create_logs_key(name: str, environment_suffix: str) -> aws.kms.Key:
    """A key for the ledger's log groups; the account keeps full control of it."""
    account_id = aws.get_caller_identity().account_id
    policy = {
        "Version": "2012-10-17",
        "Id": f"{name}-logs-key-policy",
        "Statement": [
            {
                "Sid": "EnableRootAccountPermissions",
                "Effect": "Allow",
                "Principal": {"AWS": f"arn:aws:iam::{account_id}:root"},
                "Action": "kms:*",
                "Resource": "*",
            },
        ],
    }
    return aws.kms.Key(
        f"{name}-logs-key-{environment_suffix}",
        description=f"{name} log groups ({environment_suffix})",
        enable_key_rotation=True,
        policy=json.dumps(policy),
    )
