import pulumi

from components.function import ServiceFunction

stack = pulumi.get_stack()
config = pulumi.Config()
environment_suffix = config.get("environmentSuffix") or stack

create_order = ServiceFunction(
    f"orders-create-{environment_suffix}",
    handler="orders.create.handler",
    environment_suffix=environment_suffix,
)
list_orders = ServiceFunction(
    f"orders-list-{environment_suffix}",
    handler="orders.list.handler",
    environment_suffix=environment_suffix,
)

pulumi.export("create_function", create_order.function.name)
pulumi.export("list_function", list_orders.function.name)
