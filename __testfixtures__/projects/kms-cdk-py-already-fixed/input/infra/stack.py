from aws_cdk import Stack
from aws_cdk import aws_iam as iam
from aws_cdk import aws_kms as kms
from constructs import Construct

from infra.log_groups import encrypted_log_group


class BillingStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, *, suffix: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        key = kms.Key(self, "BillingLogsKey", enable_key_rotation=True, alias=f"alias/billing-logs-{suffix}")
        # CloudWatch Logs encrypts as its regional service principal.
        key.grant_encrypt_decrypt(iam.ServicePrincipal(f"logs.{self.region}.amazonaws.com"))

        encrypted_log_group(self, "InvoiceLogs", f"/billing/invoices-{suffix}", key)
        encrypted_log_group(self, "PaymentLogs", f"/billing/payments-{suffix}", key)
