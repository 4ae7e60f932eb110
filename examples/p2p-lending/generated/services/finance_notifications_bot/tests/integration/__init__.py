"""Tests against real servers (RabbitMQ, Redis) and the web server in-process."""
