"""Counts of handled messages by queue and outcome, exported to Prometheus."""

from collections import Counter

from prometheus_client import CollectorRegistry
from prometheus_client import Counter as PrometheusCounter
from prometheus_client import generate_latest

PROCESSED = "processed"
DUPLICATE = "duplicate"
RETRIED = "retried"
DEAD_LETTERED = "dead_lettered"
REQUEUED = "requeued"


class MessageMetrics:
    """How many messages ended how: processed, duplicate, retried, dead_lettered, requeued."""

    def __init__(self) -> None:
        self.counts: Counter[tuple[str, str]] = Counter()
        self.registry = CollectorRegistry()
        self._messages = PrometheusCounter(
            "worker_messages",
            "Messages handled by the worker, by queue and outcome.",
            ["queue", "outcome"],
            registry=self.registry,
        )
        self._jobs = PrometheusCounter(
            "worker_scheduled_runs",
            "Runs of the scheduled jobs, by job and outcome.",
            ["job", "outcome"],
            registry=self.registry,
        )

    def record(self, queue: str, outcome: str) -> None:
        """Count one message of ``queue`` that ended with ``outcome``."""
        self.counts[(queue, outcome)] += 1
        self._messages.labels(queue=queue, outcome=outcome).inc()

    def record_run(self, job: str, outcome: str) -> None:
        """Count one run of a scheduled job (``processed`` or ``failed``)."""
        self.counts[(job, outcome)] += 1
        self._jobs.labels(job=job, outcome=outcome).inc()

    def total(self, queue: str) -> int:
        """Messages of ``queue`` handled so far, whatever their outcome."""
        return sum(count for (name, _), count in self.counts.items() if name == queue)

    def render(self) -> bytes:
        """The metrics in the Prometheus text format."""
        return generate_latest(self.registry)
