"""Initial schema: one table per entity of finance_lending_data_postgres.

Revision ID: 0001
Revises:
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TABLES = [
    "borrowers",
    "lenders",
    "loan_applications",
    "investments",
    "repayments",
]
"""Tables in creation order: parents before the tables that reference them."""


def upgrade() -> None:
    op.create_table(
        "borrowers",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("full_name", sa.String(200), nullable=False),
        sa.Column("email", sa.String(320), nullable=False),
        sa.Column(
            "kyc_status",
            sa.Enum(
                "pending",
                "approved",
                "rejected",
                name="borrower_kyc_status",
                native_enum=False,
                create_constraint=True,
                length=8,
            ),
            nullable=False,
        ),
        sa.Column("annual_income", sa.Numeric(12, 2), nullable=False),
        sa.Column("credit_score", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="borrowers_pkey"),
        sa.UniqueConstraint(
            "email",
            name="uniq_borrowers_email",
        ),
    )
    op.create_index(
        "idx_borrowers_created_at",
        "borrowers",
        ["created_at"],
    )
    op.create_table(
        "lenders",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("full_name", sa.String(200), nullable=False),
        sa.Column("email", sa.String(320), nullable=False),
        sa.Column(
            "kyc_status",
            sa.Enum(
                "pending",
                "approved",
                "rejected",
                name="lender_kyc_status",
                native_enum=False,
                create_constraint=True,
                length=8,
            ),
            nullable=False,
        ),
        sa.Column("available_balance", sa.Numeric(12, 2), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="lenders_pkey"),
        sa.UniqueConstraint(
            "email",
            name="uniq_lenders_email",
        ),
    )
    op.create_index(
        "idx_lenders_created_at",
        "lenders",
        ["created_at"],
    )
    op.create_table(
        "loan_applications",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("amount", sa.Numeric(12, 2), nullable=False),
        sa.Column("term_months", sa.Integer(), nullable=False),
        sa.Column("interest_rate", sa.Numeric(12, 2), nullable=False),
        sa.Column("purpose", sa.Text(), nullable=False),
        sa.Column(
            "status",
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
            nullable=False,
        ),
        sa.Column("borrower_id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="loan_applications_pkey"),
        sa.ForeignKeyConstraint(
            ["borrower_id"],
            ["borrowers.id"],
            name="loan_applications_borrower_id_fkey",
            ondelete="RESTRICT",
        ),
    )
    op.create_index(
        "idx_loan_applications_created_at",
        "loan_applications",
        ["created_at"],
    )
    op.create_index(
        "idx_loan_applications_borrower_id",
        "loan_applications",
        ["borrower_id"],
    )
    op.create_table(
        "investments",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("amount", sa.Numeric(12, 2), nullable=False),
        sa.Column("lender_id", sa.Uuid(), nullable=False),
        sa.Column("loan_application_id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="investments_pkey"),
        sa.ForeignKeyConstraint(
            ["lender_id"],
            ["lenders.id"],
            name="investments_lender_id_fkey",
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["loan_application_id"],
            ["loan_applications.id"],
            name="investments_loan_application_id_fkey",
            ondelete="RESTRICT",
        ),
    )
    op.create_index(
        "idx_investments_created_at",
        "investments",
        ["created_at"],
    )
    op.create_index(
        "idx_investments_lender_id",
        "investments",
        ["lender_id"],
    )
    op.create_index(
        "idx_investments_loan_application_id",
        "investments",
        ["loan_application_id"],
    )
    op.create_table(
        "repayments",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("amount", sa.Numeric(12, 2), nullable=False),
        sa.Column("due_date", sa.Date(), nullable=False),
        sa.Column("paid_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column(
            "status",
            sa.Enum(
                "scheduled",
                "paid",
                "late",
                name="repayment_status",
                native_enum=False,
                create_constraint=True,
                length=9,
            ),
            nullable=False,
        ),
        sa.Column("loan_application_id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="repayments_pkey"),
        sa.ForeignKeyConstraint(
            ["loan_application_id"],
            ["loan_applications.id"],
            name="repayments_loan_application_id_fkey",
            ondelete="RESTRICT",
        ),
    )
    op.create_index(
        "idx_repayments_created_at",
        "repayments",
        ["created_at"],
    )
    op.create_index(
        "idx_repayments_loan_application_id",
        "repayments",
        ["loan_application_id"],
    )


def downgrade() -> None:
    for table in reversed(TABLES):
        op.drop_table(table)
