"""RabbitMQ messaging of P2p Lending: the event topology and the publisher with confirms and retries."""
