import pulumi


def export_cache(prefix: str, group) -> None:
    """Exports the endpoint of whatever cache the caller built."""
    pulumi.export(f"{prefix}_host", group.cache_nodes[0].address)
    pulumi.export(f"{prefix}_port", group.cache_nodes[0].port)
