import json

import pulumi_aws as aws

fn = aws.lambda_.Function("blue", role="arn:aws:iam::123456789012:role/blue", runtime="python3.12", handler="app.handler")
aws.cloudwatch.LogGroup("blue-logs", name=f"/aws/lambda/{fn.name}", retention_in_days=14)
policy = aws.iam.Policy("blue-read", policy=json.dumps({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "lambda:GetFunction", "Resource": fn.arn}]}))
