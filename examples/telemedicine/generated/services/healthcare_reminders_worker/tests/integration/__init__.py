"""Integration tests against RabbitMQ and Redis (RABBITMQ_URL, REDIS_URL)."""
