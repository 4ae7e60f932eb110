"""Unit of work: the repositories of one request, sharing one session and one transaction."""

from sqlalchemy.ext.asyncio import AsyncSession

from src.infrastructure.repositories.borrower_repository import (
    BorrowerRepository,
)
from src.infrastructure.repositories.lender_repository import (
    LenderRepository,
)
from src.infrastructure.repositories.loan_application_repository import (
    LoanApplicationRepository,
)
from src.infrastructure.repositories.investment_repository import (
    InvestmentRepository,
)
from src.infrastructure.repositories.repayment_repository import (
    RepaymentRepository,
)


class UnitOfWork:
    """Repositories bound to one session; changes are kept only when :meth:`commit` is called."""

    def __init__(self, session: AsyncSession) -> None:
        self.session = session
        self.borrowers = BorrowerRepository(session)
        self.lenders = LenderRepository(session)
        self.loan_applications = LoanApplicationRepository(session)
        self.investments = InvestmentRepository(session)
        self.repayments = RepaymentRepository(session)

    async def commit(self) -> None:
        """Make the changes of this unit of work permanent."""
        await self.session.commit()
