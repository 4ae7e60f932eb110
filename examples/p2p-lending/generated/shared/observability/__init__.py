"""Observability shared by every service: OpenTelemetry tracing over HTTP and AMQP."""
