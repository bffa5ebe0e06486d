'''Access logging for the public API, encrypted with its own key.'''
from aws_cdk import aws_apigateway as apigw
from aws_cdk import aws_kms as kms, aws_logs as logs, RemovalPolicy
from constructs import Construct


class ApiAccessLogging(Construct):
  '''A log group for API Gateway access logs and the key that encrypts it.'''

  def __init__(self, scope: Construct, construct_id: str, *, retention: logs.RetentionDays = logs.RetentionDays.ONE_YEAR) -> None:
    super().__init__(scope, construct_id)

    self.key = kms.Key(self, 'Key', enable_key_rotation=True, removal_policy=RemovalPolicy.DESTROY)

    self.log_group = logs.LogGroup(
      self,
      'AccessLogs',
      encryption_key=self.key,
      retention=retention,
    )

  def destination(self) -> apigw.LogGroupLogDestination:
    return apigw.LogGroupLogDestination(self.log_group)
