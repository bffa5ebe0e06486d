import json

import pulumi
from pulumi_aws import cloudwatch, kms, get_region

# Key policy kept next to the key so reviewers see who can use it.
audit_key_policy = {
    'Version': '2012-10-17',
    'Id': 'audit-key-policy',
    'Statement': [
        {
            'Sid': 'EnableRootAccountPermissions',
            'Effect': 'Allow',
            'Principal': {'AWS': 'arn:aws:iam::123456789012:root'},
            'Action': 'kms:*',
            'Resource': '*',
        },
        {
            'Sid': 'AllowSecurityAuditors',
            'Effect': 'Allow',
            'Principal': {'AWS': 'arn:aws:iam::123456789012:role/SecurityAudit'},
            'Action': ['kms:Describe*', 'kms:List*', 'kms:Get*'],
            'Resource': '*',
        },  # read-only
        {
            'Sid': 'AllowCloudWatchLogsUseOfTheKey',
            'Effect': 'Allow',
            'Principal': {'Service': f'logs.{get_region().name}.amazonaws.com'},
            'Action': [
                'kms:Encrypt*',
                'kms:Decrypt*',
                'kms:ReEncrypt*',
                'kms:GenerateDataKey*',
                'kms:CreateGrant',
                'kms:Describe*',
            ],
            'Resource': '*',
            'Condition': {
                'ArnLike': {
                    'kms:EncryptionContext:aws:logs:arn': f'arn:aws:logs:{get_region().name}:123456789012:log-group:*',
                },
            },
        }
    ]
}

audit_key = kms.Key('audit-key', deletion_window_in_days=30, policy=json.dumps(audit_key_policy))

audit_trail = cloudwatch.LogGroup(
    'audit-trail',
    name='audit-trail',
    retention_in_days=365,
    kms_key_id=audit_key.arn,
)

pulumi.export('audit_log_group', audit_trail.name)
