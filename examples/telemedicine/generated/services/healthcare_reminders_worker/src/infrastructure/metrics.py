"""Counts of handled messages by queue and outcome."""

from collections import Counter

PROCESSED = "processed"
DUPLICATE = "duplicate"
RETRIED = "retried"
DEAD_LETTERED = "dead_lettered"
REQUEUED = "requeued"


class MessageMetrics:
    """How many messages ended how: processed, duplicate, retried, dead_lettered, requeued."""

    def __init__(self) -> None:
        self.counts: Counter[tuple[str, str]] = Counter()

    def record(self, queue: str, outcome: str) -> None:
        """Count one message of ``queue`` that ended with ``outcome``."""
        self.counts[(queue, outcome)] += 1

    def record_run(self, job: str, outcome: str) -> None:
        """Count one run of a scheduled job (``processed`` or ``failed``)."""
        self.counts[(job, outcome)] += 1

    def total(self, queue: str) -> int:
        """Messages of ``queue`` handled so far, whatever their outcome."""
        return sum(count for (name, _), count in self.counts.items() if name == queue)
