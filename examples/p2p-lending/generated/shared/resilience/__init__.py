"""Resilience of calls to other services: a circuit breaker per target service."""
