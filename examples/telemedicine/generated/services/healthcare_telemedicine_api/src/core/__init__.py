"""Settings and cross-cutting concerns of the service."""
