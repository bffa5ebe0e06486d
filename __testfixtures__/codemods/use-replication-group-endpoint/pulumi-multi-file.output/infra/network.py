import pulumi_aws as aws

vpc = aws.ec2.Vpc("orders-vpc", cidr_block="10.20.0.0/16")
