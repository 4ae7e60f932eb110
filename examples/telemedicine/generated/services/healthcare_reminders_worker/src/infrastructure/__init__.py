"""Adapters: RabbitMQ consumer, Redis idempotency, business API client, scheduler, HTTP server, metrics."""
