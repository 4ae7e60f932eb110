"""HTTP layer: routers, dependencies and problem responses."""
