"""SQLAlchemy model of the investment entity."""

# Implements: FR-004
from decimal import Decimal
from uuid import UUID

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from src.infrastructure.models.base import EntityModel


class Investment(EntityModel):
    """Row of the ``investments`` table."""

    __tablename__ = "investments"
    __table_args__ = (
        sa.PrimaryKeyConstraint("id", name="investments_pkey"),
        sa.Index("idx_investments_created_at", "created_at"),
        sa.Index(
            "idx_investments_lender_id",
            "lender_id",
        ),
        sa.Index(
            "idx_investments_loan_application_id",
            "loan_application_id",
        ),
    )

    amount: Mapped[Decimal] = mapped_column(sa.Numeric(12, 2))
    lender_id: Mapped[UUID] = mapped_column(
        sa.ForeignKey(
            "lenders.id",
            name="investments_lender_id_fkey",
            ondelete="RESTRICT",
        ),
    )
    loan_application_id: Mapped[UUID] = mapped_column(
        sa.ForeignKey(
            "loan_applications.id",
            name="investments_loan_application_id_fkey",
            ondelete="RESTRICT",
        ),
    )
