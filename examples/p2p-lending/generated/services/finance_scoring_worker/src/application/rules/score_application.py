"""Business rule of the score_application job: Score the borrower of a new loan application from repayment history, debt ratio and account age.

It runs once for every LoanApplicationSubmitted event (duplicates are filtered out before it runs).
This module is yours: amgen writes it once and never overwrites it; its tests are
``tests/unit/rules/test_score_application.py``, yours too (amgen's tests run a double instead of this rule). The default rule reads what the job declares it
calls (LoanApplication.get Borrower.get CreditScoreRecord.create ), following the ids it learns on the way, and
reports what it found; it changes no data. Write the rule here. Raise ``RecoverableError`` (src.domain.errors) for a
temporary failure (the message is retried with backoff) and ``FatalError`` when retrying cannot help (dead letter).
"""

from shared.events.loan_application_submitted import (
    LoanApplicationSubmittedEvent,
)
from src.domain.outcome import JobOutcome
from src.infrastructure.business_api import BusinessApi

JOB_NAME = "score_application"
DESCRIPTION = "Score the borrower of a new loan application from repayment history, debt ratio and account age"  # fmt: skip


async def score_application(
    event: LoanApplicationSubmittedEvent,
    api: BusinessApi,
) -> JobOutcome:
    """Score the borrower of a new loan application from repayment history, debt ratio and account age: for one LoanApplicationSubmitted event."""
    outcome = JobOutcome(JOB_NAME)
    outcome.facts.remember("loan_application", event.payload)
    loan_application_id = outcome.facts.linked_id("loan_application")
    if loan_application_id is None:
        outcome.missing.append("loan_application")
    else:
        outcome.facts.remember(
            "loan_application",
            await api.loan_application.get(loan_application_id),
        )
        outcome.fetched.append("loan_application")
    borrower_id = outcome.facts.linked_id("borrower")
    if borrower_id is None:
        outcome.missing.append("borrower")
    else:
        outcome.facts.remember(
            "borrower",
            await api.borrower.get(borrower_id),
        )
        outcome.fetched.append("borrower")
    outcome.not_performed.append("credit_score_record.create")
    return outcome
