"""Adapters: the business API client, Redis, subscribed chats and the RabbitMQ consumer."""
