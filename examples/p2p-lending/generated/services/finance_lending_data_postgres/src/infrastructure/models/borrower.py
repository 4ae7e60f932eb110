"""SQLAlchemy model of the borrower entity."""

# Implements: FR-001
from decimal import Decimal

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from src.infrastructure.models.base import EntityModel


class Borrower(EntityModel):
    """Row of the ``borrowers`` table."""

    __tablename__ = "borrowers"
    __table_args__ = (
        sa.PrimaryKeyConstraint("id", name="borrowers_pkey"),
        sa.Index("idx_borrowers_created_at", "created_at"),
        sa.UniqueConstraint(
            "email",
            name="uniq_borrowers_email",
        ),
    )

    full_name: Mapped[str] = mapped_column(sa.String(200))
    email: Mapped[str] = mapped_column(sa.String(320))
    kyc_status: Mapped[str] = mapped_column(
        sa.Enum(
            "pending",
            "approved",
            "rejected",
            name="borrower_kyc_status",
            native_enum=False,
            create_constraint=True,
            length=8,
        ),
    )
    annual_income: Mapped[Decimal] = mapped_column(sa.Numeric(12, 2))
    credit_score: Mapped[int | None] = mapped_column(sa.Integer())
