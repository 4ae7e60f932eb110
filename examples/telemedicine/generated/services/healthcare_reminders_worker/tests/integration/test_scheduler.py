"""Scheduled jobs on a real Redis: periodic runs, one replica per period, failures logged and survived."""

import asyncio

from redis.asyncio import Redis

from src.infrastructure.metrics import MessageMetrics
from src.infrastructure.scheduler import ScheduledJob, Scheduler
from tests.conftest import eventually, needs_servers

pytestmark = needs_servers


class CountingJob:
    def __init__(self, fail: bool = False) -> None:
        self.runs = 0
        self.fail = fail

    async def __call__(self) -> None:
        self.runs += 1
        if self.fail:
            raise RuntimeError("the job failed")


async def test_one_run_per_period_across_replicas(redis: Redis, metrics: MessageMetrics, topology_scope: str) -> None:
    job = CountingJob()
    scheduled = ScheduledJob("counted", 60.0, job)
    replica_a = Scheduler(redis, topology_scope, metrics)
    replica_b = Scheduler(redis, topology_scope, metrics)

    assert await replica_a.run_once(scheduled) is True
    assert await replica_b.run_once(scheduled) is False

    assert job.runs == 1
    assert metrics.counts[("counted", "processed")] == 1


async def test_failing_run_is_counted_and_survived(redis: Redis, metrics: MessageMetrics, topology_scope: str) -> None:
    job = CountingJob(fail=True)

    ran = await Scheduler(redis, topology_scope, metrics).run_once(ScheduledJob("failing", 60.0, job))

    assert ran is False
    assert job.runs == 1
    assert metrics.counts[("failing", "failed")] == 1


async def test_runs_periodically_until_stopped(redis: Redis, metrics: MessageMetrics, topology_scope: str) -> None:
    job = CountingJob()
    stop = asyncio.Event()
    scheduler = Scheduler(redis, topology_scope, metrics)
    task = asyncio.create_task(scheduler.run_forever(ScheduledJob("periodic", 0.05, job), stop))

    async def ran_twice() -> bool:
        return job.runs >= 2

    await eventually(ran_twice)
    stop.set()
    await asyncio.wait_for(task, timeout=5)

    assert task.done()
    assert metrics.counts[("periodic", "processed")] >= 2


async def test_redis_down_skips_the_run(metrics: MessageMetrics, topology_scope: str) -> None:
    job = CountingJob()
    unreachable = Redis.from_url("redis://127.0.0.1:9/0")
    try:
        ran = await Scheduler(unreachable, topology_scope, metrics).run_once(ScheduledJob("no_redis", 60.0, job))
    finally:
        await unreachable.aclose()

    assert ran is False
    assert job.runs == 0
    assert metrics.counts[("no_redis", "failed")] == 1
