"""SQLAlchemy model of the repayment entity."""

# Implements: FR-005
from datetime import date
from datetime import datetime
from decimal import Decimal
from uuid import UUID

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from src.infrastructure.models.base import EntityModel, UTCDateTime


class Repayment(EntityModel):
    """Row of the ``repayments`` table."""

    __tablename__ = "repayments"
    __table_args__ = (
        sa.PrimaryKeyConstraint("id", name="repayments_pkey"),
        sa.Index("idx_repayments_created_at", "created_at"),
        sa.Index(
            "idx_repayments_loan_application_id",
            "loan_application_id",
        ),
    )

    amount: Mapped[Decimal] = mapped_column(sa.Numeric(12, 2))
    due_date: Mapped[date] = mapped_column(sa.Date())
    paid_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    status: Mapped[str] = mapped_column(
        sa.Enum(
            "scheduled",
            "paid",
            "late",
            name="repayment_status",
            native_enum=False,
            create_constraint=True,
            length=9,
        ),
    )
    loan_application_id: Mapped[UUID] = mapped_column(
        sa.ForeignKey(
            "loan_applications.id",
            name="repayments_loan_application_id_fkey",
            ondelete="RESTRICT",
        ),
    )
