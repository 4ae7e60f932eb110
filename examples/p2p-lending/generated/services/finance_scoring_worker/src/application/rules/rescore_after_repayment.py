"""Business rule of the rescore_after_repayment job: Recompute the borrower's credit score after a repayment.

It runs once for every RepaymentReceived event (duplicates are filtered out before it runs).
This module is yours: amgen writes it once and never overwrites it; its tests are
``tests/unit/rules/test_rescore_after_repayment.py``, yours too (amgen's tests run a double instead of this rule). The default rule reads what the job declares it
calls (Repayment.get Borrower.get Borrower.update CreditScoreRecord.create ), following the ids it learns on the way, and
reports what it found; it changes no data. Write the rule here. Raise ``RecoverableError`` (src.domain.errors) for a
temporary failure (the message is retried with backoff) and ``FatalError`` when retrying cannot help (dead letter).
"""

from shared.events.repayment_received import (
    RepaymentReceivedEvent,
)
from src.domain.outcome import JobOutcome
from src.infrastructure.business_api import BusinessApi

JOB_NAME = "rescore_after_repayment"
DESCRIPTION = "Recompute the borrower's credit score after a repayment"  # fmt: skip


async def rescore_after_repayment(
    event: RepaymentReceivedEvent,
    api: BusinessApi,
) -> JobOutcome:
    """Recompute the borrower's credit score after a repayment: for one RepaymentReceived event."""
    outcome = JobOutcome(JOB_NAME)
    outcome.facts.remember("repayment", event.payload)
    repayment_id = outcome.facts.linked_id("repayment")
    if repayment_id is None:
        outcome.missing.append("repayment")
    else:
        outcome.facts.remember(
            "repayment",
            await api.repayment.get(repayment_id),
        )
        outcome.fetched.append("repayment")
    borrower_id = outcome.facts.linked_id("borrower")
    if borrower_id is None:
        outcome.missing.append("borrower")
    else:
        outcome.facts.remember(
            "borrower",
            await api.borrower.get(borrower_id),
        )
        outcome.fetched.append("borrower")
    outcome.not_performed.append("borrower.update")
    outcome.not_performed.append("credit_score_record.create")
    return outcome
