"""Fulfilment service: a Fargate worker, its queue and its logs."""
from dataclasses import dataclass
from typing import Optional

from aws_cdk import (
    Duration,
    RemovalPolicy,
    Stack,
    aws_ec2 as ec2,
    aws_ecs as ecs,
    aws_kms as kms,
    aws_logs as logs,
    aws_sqs as sqs,
    aws_iam as iam,
)
from constructs import Construct


@dataclass
class TapStackProps:
    environment_suffix: Optional[str] = None


class TapStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, props: Optional[TapStackProps] = None, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        self.environment_suffix = (props.environment_suffix if props else None) or "dev"

        self._create_security_resources()
        queue = self._create_queue()
        self._create_worker(queue)

    def _create_kms_key(self, purpose: str, description: str) -> kms.Key:
        return kms.Key(
            self,
            f"{purpose}Key{self.environment_suffix}",
            alias=f"alias/fulfilment-{purpose.lower()}-{self.environment_suffix}",
            description=description,
            enable_key_rotation=True,
            removal_policy=RemovalPolicy.DESTROY,
        )

    def _create_security_resources(self) -> None:
        # Separate keys so the queue key can be shared with partners later.
        self.queue_key = self._create_kms_key("Queue", "Encrypts fulfilment messages")
        self.logs_key = self._create_kms_key("Logs", "Encrypts the fulfilment worker logs")
        self.logs_key.add_to_resource_policy(
            iam.PolicyStatement(
                sid="AllowCloudWatchLogsUseOfTheKey",
                principals=[iam.ServicePrincipal(f"logs.{self.region}.amazonaws.com")],
                actions=[
                    "kms:Encrypt*",
                    "kms:Decrypt*",
                    "kms:ReEncrypt*",
                    "kms:GenerateDataKey*",
                    "kms:CreateGrant",
                    "kms:Describe*",
                ],
                resources=["*"],
                conditions={
                    "ArnLike": {
                        "kms:EncryptionContext:aws:logs:arn": f"arn:aws:logs:{self.region}:{self.account}:log-group:*",
                    },
                },
            )
        )

    def _create_queue(self) -> sqs.Queue:
        return sqs.Queue(
            self,
            f"FulfilmentQueue{self.environment_suffix}",
            queue_name=f"fulfilment-{self.environment_suffix}",
            encryption=sqs.QueueEncryption.KMS,
            encryption_master_key=self.queue_key,
            visibility_timeout=Duration.minutes(5),
        )

    def _create_worker(self, queue: sqs.Queue) -> None:
        service = "fulfilment-worker"
        log_group = logs.LogGroup(
            self,
            f"WorkerLogs{self.environment_suffix}",
            log_group_name=f"/ecs/{service}-{self.environment_suffix}",
            encryption_key=self.logs_key,
            retention=logs.RetentionDays.TWO_WEEKS,
            removal_policy=RemovalPolicy.DESTROY,
        )

        vpc = ec2.Vpc(self, "Vpc", max_azs=2, nat_gateways=1)
        cluster = ecs.Cluster(self, "Cluster", vpc=vpc, cluster_name=f"fulfilment-{self.environment_suffix}")
        task = ecs.FargateTaskDefinition(self, "WorkerTask", cpu=256, memory_limit_mib=512)
        task.add_container(
            "worker",
            image=ecs.ContainerImage.from_registry("public.ecr.aws/docker/library/python:3.12-slim"),
            logging=ecs.LogDrivers.aws_logs(stream_prefix="worker", log_group=log_group),
            environment={"QUEUE_URL": queue.queue_url},
        )
        queue.grant_consume_messages(task.task_role)
        ecs.FargateService(self, "WorkerService", cluster=cluster, task_definition=task, desired_count=1)
