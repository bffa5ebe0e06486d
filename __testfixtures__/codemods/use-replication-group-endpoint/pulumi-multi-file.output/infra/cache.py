import pulumi

from .factories import redis_group


class OrdersCache(pulumi.ComponentResource):
    def __init__(self, name: str, opts: pulumi.ResourceOptions | None = None) -> None:
        super().__init__("orders:cache:OrdersCache", name, None, opts)
        self.redis = redis_group(f"{name}-redis")
        self.register_outputs({"port": self.redis.port})


store = OrdersCache("orders")
