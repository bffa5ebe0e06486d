import pulumi_aws as aws

legacy_ip = aws.ec2.Eip("legacy-ip", vpc=False)
