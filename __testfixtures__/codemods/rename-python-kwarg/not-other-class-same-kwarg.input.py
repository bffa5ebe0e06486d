import pulumi_aws as aws

# The traceback points at the Eip on line 6; the VPC endpoint's `vpc_id` is not the problem.
endpoint = aws.ec2.VpcEndpoint("s3", vpc_id="vpc-0a1b2c3d", service_name="com.amazonaws.us-east-1.s3")
nat_ip = aws.ec2.Eip("nat-ip", domain="vpc")
other = aws.ec2.Eip("other-ip")
