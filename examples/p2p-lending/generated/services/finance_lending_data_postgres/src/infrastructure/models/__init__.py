"""Every model of the service, imported here so that ``Base.metadata`` knows all tables."""

from src.infrastructure.models.base import Base as Base
from src.infrastructure.models.base import EntityModel as EntityModel
from src.infrastructure.models.borrower import (
    Borrower as Borrower,
)
from src.infrastructure.models.lender import (
    Lender as Lender,
)
from src.infrastructure.models.loan_application import (
    LoanApplication as LoanApplication,
)
from src.infrastructure.models.investment import (
    Investment as Investment,
)
from src.infrastructure.models.repayment import (
    Repayment as Repayment,
)
