import json

import pulumi
import pulumi_aws as aws

current = aws.get_caller_identity_output()
region = aws.get_region_output()

stack = pulumi.get_stack()

payments_key = aws.kms.Key(
	"payments-key",
	description="Payments service data key",
	enable_key_rotation=True,
	policy=pulumi.Output.all(current.account_id, region.name).apply(
		lambda args: json.dumps(
			{
				"Version": "2012-10-17",
				"Statement": [
					{
						"Sid": "EnableRootAccountPermissions",
						"Effect": "Allow",
						"Principal": {"AWS": f"arn:aws:iam::{args[0]}:root"},
						"Action": "kms:*",
						"Resource": "*",
					},
					{
						"Sid": "AllowLambdaDecrypt",
						"Effect": "Allow",
						"Principal": {"Service": "lambda.amazonaws.com"},
						"Action": ["kms:Decrypt"],
						"Resource": "*",
						"Condition": {"StringEquals": {"aws:SourceAccount": args[0]}},
					},  # lambda reads secrets
					{
						"Sid": "AllowCloudWatchLogsUseOfTheKey",
						"Effect": "Allow",
						"Principal": {"Service": f"logs.{args[1]}.amazonaws.com"},
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
								"kms:EncryptionContext:aws:logs:arn": f"arn:aws:logs:{args[1]}:{args[0]}:log-group:*",
							},
						},
					},
				],
			}
		)
	),
)

payments_logs = aws.cloudwatch.LogGroup(
	f"payments-{stack}-logs",
	retention_in_days=14,
	kms_key_id=payments_key.arn,
)

pulumi.export("log_group_name", payments_logs.name)
