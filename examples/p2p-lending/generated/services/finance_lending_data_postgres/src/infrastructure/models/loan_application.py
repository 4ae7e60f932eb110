"""SQLAlchemy model of the loan application entity."""

# Implements: FR-003
from decimal import Decimal
from uuid import UUID

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from src.infrastructure.models.base import EntityModel


class LoanApplication(EntityModel):
    """Row of the ``loan_applications`` table."""

    __tablename__ = "loan_applications"
    __table_args__ = (
        sa.PrimaryKeyConstraint("id", name="loan_applications_pkey"),
        sa.Index("idx_loan_applications_created_at", "created_at"),
        sa.Index(
            "idx_loan_applications_borrower_id",
            "borrower_id",
        ),
    )

    amount: Mapped[Decimal] = mapped_column(sa.Numeric(12, 2))
    term_months: Mapped[int] = mapped_column(sa.Integer())
    interest_rate: Mapped[Decimal] = mapped_column(sa.Numeric(12, 2))
    purpose: Mapped[str] = mapped_column(sa.Text())
    status: Mapped[str] = mapped_column(
        sa.Enum(
            "pending",
            "approved",
            "rejected",
            "active",
            "completed",
            "defaulted",
            name="loan_application_status",
            native_enum=False,
            create_constraint=True,
            length=9,
        ),
    )
    borrower_id: Mapped[UUID] = mapped_column(
        sa.ForeignKey(
            "borrowers.id",
            name="loan_applications_borrower_id_fkey",
            ondelete="RESTRICT",
        ),
    )
