'''Access logging for the public API, encrypted with its own key.'''
from aws_cdk import aws_apigateway as apigw, Stack, aws_iam as iam
from aws_cdk import aws_kms as kms, aws_logs as logs, RemovalPolicy
from constructs import Construct


class ApiAccessLogging(Construct):
  '''A log group for API Gateway access logs and the key that encrypts it.'''

  def __init__(self, scope: Construct, construct_id: str, *, retention: logs.RetentionDays = logs.RetentionDays.ONE_YEAR) -> None:
    super().__init__(scope, construct_id)

    self.key = kms.Key(self, 'Key', enable_key_rotation=True, removal_policy=RemovalPolicy.DESTROY)
    self.key.add_to_resource_policy(
      iam.PolicyStatement(
        sid='AllowCloudWatchLogsUseOfTheKey',
        principals=[iam.ServicePrincipal(f'logs.{Stack.of(self).region}.amazonaws.com')],
        actions=[
          'kms:Encrypt*',
          'kms:Decrypt*',
          'kms:ReEncrypt*',
          'kms:GenerateDataKey*',
          'kms:CreateGrant',
          'kms:Describe*',
        ],
        resources=['*'],
        conditions={
          'ArnLike': {
            'kms:EncryptionContext:aws:logs:arn': f'arn:aws:logs:{Stack.of(self).region}:{Stack.of(self).account}:log-group:*',
          },
        },
      )
    )

    self.log_group = logs.LogGroup(
      self,
      'AccessLogs',
      encryption_key=self.key,
      retention=retention,
    )

  def destination(self) -> apigw.LogGroupLogDestination:
    return apigw.LogGroupLogDestination(self.log_group)
