"""The worker as a real process: SIGTERM while a message is being handled loses nothing.

The business API is served over HTTP by the test and answers the worker's first call slowly; SIGTERM arrives while
the worker waits for that answer. The worker must finish the message, acknowledge it and exit cleanly. The process
runs the worker's ``main()`` with every rule replaced by a :class:`RuleDouble`, which makes one call to the business
API, so the test holds whatever the rules decide.
"""

import asyncio
import os
import signal
import sys
from pathlib import Path

import aio_pika
from redis.asyncio import Redis

from shared.messaging.idempotency import RedisIdempotencyStore
from shared.messaging.publisher import RabbitMqEventPublisher
from shared.messaging.topology import Subscription, Topology, declare_consumer_queue
from src.core.config import SERVICE_NAME
from src.infrastructure.http_server import HttpServer
from tests.conftest import RABBITMQ_URL, REDIS_URL, needs_servers
from tests.fakes import (
    SlowHttpBusinessApi,
    sample_appointment_booked,
)

pytestmark = needs_servers

SERVICE_DIR = Path(__file__).resolve().parents[2]
PROJECT_DIR = SERVICE_DIR.parents[1]
WORKER_WITH_RULE_DOUBLES = """
import asyncio

from src import main
from src.application import jobs
from tests.fakes import JOB_RULES, RuleDouble

for job in JOB_RULES:
    setattr(jobs, job, RuleDouble(job))
asyncio.run(main.main())
"""


async def start_worker(topology: Topology, api_port: int) -> asyncio.subprocess.Process:
    """The worker's ``main()``, its rules replaced by doubles, in the test's namespace, calling the test's business API."""
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(SERVICE_DIR), str(PROJECT_DIR)]),
        "RABBITMQ_URL": RABBITMQ_URL,
        "REDIS_URL": REDIS_URL,
        "EVENTS_NAMESPACE": topology.namespace,
        "HEALTHCARE_TELEMEDICINE_API_URL": f"http://127.0.0.1:{api_port}",
        "SHUTDOWN_GRACE_SECONDS": "20",
        "HTTP_HOST": "127.0.0.1",
        "HTTP_PORT": "0",
        "send_due_reminders_every_seconds": "3600",
    }
    return await asyncio.create_subprocess_exec(
        sys.executable,
        "-c",
        WORKER_WITH_RULE_DOUBLES,
        cwd=SERVICE_DIR,
        env=env,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.STDOUT,
    )


async def test_schedule_reminder_sigterm_while_handling_loses_no_message(
    topology: Topology,
) -> None:
    business_api = SlowHttpBusinessApi(delay_seconds=1.5)
    server = HttpServer(business_api.handle, "127.0.0.1", 0)
    await server.start()
    event = sample_appointment_booked()
    publisher = RabbitMqEventPublisher(RABBITMQ_URL, topology)
    await publisher.publish(event)
    await publisher.close()
    worker = await start_worker(topology, server.port)
    try:
        await asyncio.wait_for(business_api.first_request.wait(), timeout=30)
        assert not business_api.first_answered.is_set()
        worker.send_signal(signal.SIGTERM)
        output, _ = await asyncio.wait_for(worker.communicate(), timeout=60)
    finally:
        if worker.returncode is None:
            worker.kill()
            await worker.wait()
        await server.close()
    log = output.decode()

    assert worker.returncode == 0, log
    assert business_api.first_answered.is_set()
    assert "message_processed" in log
    assert log.index("worker_stopping") < log.index("message_processed") < log.index("worker_shutdown_completed")
    redis = Redis.from_url(REDIS_URL, decode_responses=True)
    try:
        store = RedisIdempotencyStore(redis, topology.name(SERVICE_NAME), processing_ttl_seconds=1, done_ttl_seconds=1)
        assert await store.state(str(event.event_id)) == "done"
    finally:
        await redis.aclose()
    connection = await aio_pika.connect_robust(RABBITMQ_URL)
    async with connection:
        channel = await connection.channel()
        subscription = Subscription(
            SERVICE_NAME,
            "appointment_booked",
            event.ROUTING_KEY,
        )
        queue = await declare_consumer_queue(channel, topology, subscription)
        assert await queue.get(fail=False, timeout=5) is None, "the message was acknowledged, not left in the queue"
