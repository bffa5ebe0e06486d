"""Claims intake API."""
import pulumi

from infra import api

pulumi.export("function_name", api.handler.name)
pulumi.export("log_group", api.log_group.name)
