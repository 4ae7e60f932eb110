"""Business rules, one module per entity (``<entity>_rules.py``), and what they may read.

The use cases call a rule module's ``check_create``, ``check_update`` and ``check_delete`` before every write, so a
refused change never reaches a data service. The rule modules and their tests (``tests/unit/rules``) are yours:
amgen writes them once and never overwrites them. This package file is amgen's.

A rule refuses a change by raising :class:`~src.domain.errors.BusinessRuleViolationError` (409) when the stored data
forbids it and :class:`~src.domain.errors.ValidationFailedError` (422) when the values can never be accepted.
"""

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Self

import httpx

from src.infrastructure.http_clients.borrower_client import (
    BorrowerClient,
)
from src.infrastructure.http_clients.lender_client import (
    LenderClient,
)
from src.infrastructure.http_clients.loan_application_client import (
    LoanApplicationClient,
)
from src.infrastructure.http_clients.investment_client import (
    InvestmentClient,
)
from src.infrastructure.http_clients.repayment_client import (
    RepaymentClient,
)
from src.infrastructure.http_clients.credit_score_record_client import (
    CreditScoreRecordClient,
)
from src.infrastructure.http_clients.audit_log_entry_client import (
    AuditLogEntryClient,
)


@dataclass(frozen=True)
class RuleContext:
    """What a rule may read: the typed client of every entity, bound to the data service that stores it.

    Rules read through it (``get_<entity>``, ``list_<entities>`` with a filter) and never write: the use case writes
    once every rule has accepted the change.
    """

    borrower: BorrowerClient
    lender: LenderClient
    loan_application: LoanApplicationClient
    investment: InvestmentClient
    repayment: RepaymentClient
    credit_score_record: CreditScoreRecordClient
    audit_log_entry: AuditLogEntryClient

    @classmethod
    def from_http_clients(cls, http_clients: Mapping[str, httpx.AsyncClient]) -> Self:
        """The context over the process-wide clients of the data services, by service name."""
        return cls(
            borrower=BorrowerClient(
                http_clients["finance_lending_data_postgres"],
            ),
            lender=LenderClient(
                http_clients["finance_lending_data_postgres"],
            ),
            loan_application=LoanApplicationClient(
                http_clients["finance_lending_data_postgres"],
            ),
            investment=InvestmentClient(
                http_clients["finance_lending_data_postgres"],
            ),
            repayment=RepaymentClient(
                http_clients["finance_lending_data_postgres"],
            ),
            credit_score_record=CreditScoreRecordClient(
                http_clients["finance_audit_data_mongo"],
            ),
            audit_log_entry=AuditLogEntryClient(
                http_clients["finance_audit_data_mongo"],
            ),
        )
