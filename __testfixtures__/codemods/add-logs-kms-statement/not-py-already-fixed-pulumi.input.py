import json

import pulumi_aws as aws

app_key = aws.kms.Key(
    "app-key",
    policy=json.dumps({
        "Version": "2012-10-17",
        "Statement": [
            {
                "Sid": "EnableRootAccountPermissions",
                "Effect": "Allow",
                "Principal": {"AWS": "arn:aws:iam::123456789012:root"},
                "Action": "kms:*",
                "Resource": "*",
            },
            {
                "Sid": "AllowCloudWatchLogs",
                "Effect": "Allow",
                "Principal": {"Service": "logs.us-east-1.amazonaws.com"},
                "Action": ["kms:Encrypt*", "kms:Decrypt*", "kms:GenerateDataKey*", "kms:Describe*"],
                "Resource": "*",
            },
        ],
    }),
)

aws.cloudwatch.LogGroup("app-logs", retention_in_days=14, kms_key_id=app_key.arn)
