"""Business rule of the flag_late_repayments job: Mark scheduled repayments past their due date as late.

It runs every 3600 seconds, on one replica at a time.
This module is yours: amgen writes it once and never overwrites it; its tests are
``tests/unit/rules/test_flag_late_repayments.py``, yours too (amgen's tests run a double instead of this rule). The default rule reads what the job declares it
calls (Repayment.list Repayment.update ), following the ids it learns on the way, and
reports what it found; it changes no data. Write the rule here. Raise ``RecoverableError`` (src.domain.errors) for a
temporary failure (the message is retried with backoff) and ``FatalError`` when retrying cannot help (dead letter).
"""

from src.domain.outcome import JobOutcome
from src.infrastructure.business_api import BusinessApi

JOB_NAME = "flag_late_repayments"
DESCRIPTION = "Mark scheduled repayments past their due date as late"  # fmt: skip


async def flag_late_repayments(api: BusinessApi) -> JobOutcome:
    """Mark scheduled repayments past their due date as late: one scheduled run."""
    outcome = JobOutcome(JOB_NAME)
    repayment_page = await api.repayment.find(
        sort="-created_at",
        limit=20,
    )
    outcome.counted["repayment"] = repayment_page.total
    if repayment_page.items:
        outcome.facts.remember(
            "repayment",
            repayment_page.items[0],
        )
    outcome.not_performed.append("repayment.update")
    return outcome
