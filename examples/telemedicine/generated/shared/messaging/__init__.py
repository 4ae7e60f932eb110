"""RabbitMQ messaging of Telemedicine: the event topology and the publisher with confirms and retries."""
