import pulumi_aws as aws

bus = aws.cloudwatch.EventBus("orders")
aws.cloudwatch.EventRule("order-placed", event_bus_name=bus.name, event_pattern='{"detail-type": ["OrderPlaced"]}')
