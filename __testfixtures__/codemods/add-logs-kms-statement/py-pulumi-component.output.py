import json

import pulumi
import pulumi_aws as aws

current = aws.get_caller_identity()


class WorkerLogging(pulumi.ComponentResource):
  """A KMS-encrypted log group for one worker."""

  def __init__(self, name: str, retention_days: int = 14, opts: pulumi.ResourceOptions | None = None) -> None:
    super().__init__("inventory:index:WorkerLogging", name, None, opts)

    self.key = aws.kms.Key(
      f"{name}-key",
      description=f"Encrypts the {name} worker logs",
      enable_key_rotation=True,
      policy=json.dumps({
        "Version": "2012-10-17",
        "Statement": [
          {
            "Sid": "EnableRootAccountPermissions",
            "Effect": "Allow",
            "Principal": {"AWS": f"arn:aws:iam::{current.account_id}:root"},
            "Action": "kms:*",
            "Resource": "*",
          },
          {
            "Sid": "AllowCloudWatchLogsUseOfTheKey",
            "Effect": "Allow",
            "Principal": {"Service": f"logs.{aws.get_region().name}.amazonaws.com"},
            "Action": [
              "kms:Encrypt*",
              "kms:Decrypt*",
              "kms:ReEncrypt*",
              "kms:GenerateDataKey*",
              "kms:CreateGrant",
              "kms:Describe*",
            ],
            "Resource": "*",
            "Condition": {
              "ArnLike": {
                "kms:EncryptionContext:aws:logs:arn": f"arn:aws:logs:{aws.get_region().name}:{current.account_id}:log-group:*",
              },
            },
          },
        ],
      }),
      opts=pulumi.ResourceOptions(parent=self),  # deleted with the component
    )

    self.log_group = aws.cloudwatch.LogGroup(
      f"{name}-logs",
      name_prefix=f"/inventory/{name}-",
      retention_in_days=retention_days,
      kms_key_id=self.key.arn,
      opts=pulumi.ResourceOptions(parent=self),
    )

    self.register_outputs({"log_group_name": self.log_group.name})


reorder = WorkerLogging("reorder")
