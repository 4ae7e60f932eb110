"""SQLAlchemy model of the lender entity."""

# Implements: FR-002
from decimal import Decimal

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from src.infrastructure.models.base import EntityModel


class Lender(EntityModel):
    """Row of the ``lenders`` table."""

    __tablename__ = "lenders"
    __table_args__ = (
        sa.PrimaryKeyConstraint("id", name="lenders_pkey"),
        sa.Index("idx_lenders_created_at", "created_at"),
        sa.UniqueConstraint(
            "email",
            name="uniq_lenders_email",
        ),
    )

    full_name: Mapped[str] = mapped_column(sa.String(200))
    email: Mapped[str] = mapped_column(sa.String(320))
    kyc_status: Mapped[str] = mapped_column(
        sa.Enum(
            "pending",
            "approved",
            "rejected",
            name="lender_kyc_status",
            native_enum=False,
            create_constraint=True,
            length=8,
        ),
    )
    available_balance: Mapped[Decimal] = mapped_column(sa.Numeric(12, 2))
