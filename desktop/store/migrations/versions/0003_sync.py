"""sync: devices, bundles seen, merge state, conflicts, export state (issue 5)

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-27

Portable (SQLite and PostgreSQL): plain tables, no dialect-specific SQL.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "sync_devices",
        sa.Column("fingerprint", sa.String(length=64), nullable=False),
        sa.Column("ed25519", sa.String(length=64), nullable=False),
        sa.Column("age_recipient", sa.Text(), nullable=False),
        sa.Column("approved", sa.Boolean(), nullable=False),
        sa.Column("first_seen", sa.String(length=20), nullable=False),
        sa.Column("approved_at", sa.String(length=20), nullable=True),
        sa.PrimaryKeyConstraint("fingerprint", name=op.f("pk_sync_devices")),
    )
    op.create_table(
        "sync_bundles",
        sa.Column("device", sa.String(length=64), nullable=False),
        sa.Column("sequence", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("bundle_id", sa.String(length=36), nullable=False),
        sa.Column("manifest_sha256", sa.String(length=64), nullable=False),
        sa.Column("imported_at", sa.String(length=20), nullable=False),
        sa.Column("records", sa.Integer(), nullable=False),
        sa.Column("attachments", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("device", "sequence", name=op.f("pk_sync_bundles")),
    )
    op.create_table(
        "sync_merge_state",
        sa.Column("case_id", sa.String(length=36), nullable=False),
        sa.Column("device", sa.String(length=64), nullable=False),
        sa.Column("field_revision", sa.Integer(), nullable=False),
        sa.Column("synced_hash", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("case_id", name=op.f("pk_sync_merge_state")),
    )
    op.create_table(
        "sync_conflicts",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("case_id", sa.String(length=36), nullable=False),
        sa.Column("device", sa.String(length=64), nullable=False),
        sa.Column("sequence", sa.BigInteger(), nullable=False),
        sa.Column("created", sa.String(length=20), nullable=False),
        sa.Column("shown", sa.String(length=8), nullable=False),
        sa.Column("hq_doc", sa.JSON(), nullable=False),
        sa.Column("field_doc", sa.JSON(), nullable=False),
        sa.Column("resolved_at", sa.String(length=20), nullable=True),
        sa.Column("resolution", sa.String(length=8), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sync_conflicts")),
    )
    with op.batch_alter_table("sync_conflicts", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_sync_conflicts_case_id"), ["case_id"], unique=False)
    op.create_table(
        "sync_exports",
        sa.Column("sequence", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("bundle_id", sa.String(length=36), nullable=False),
        sa.Column("created", sa.String(length=20), nullable=False),
        sa.Column("file_name", sa.String(length=64), nullable=False),
        sa.Column("cases", sa.Integer(), nullable=False),
        sa.Column("attachments", sa.Integer(), nullable=False),
        sa.Column("excluded", sa.Integer(), nullable=False),
        sa.Column("acked_at", sa.String(length=20), nullable=True),
        sa.PrimaryKeyConstraint("sequence", name=op.f("pk_sync_exports")),
    )
    op.create_table(
        "sync_export_state",
        sa.Column("case_id", sa.String(length=36), nullable=False),
        sa.Column("exported_hash", sa.String(length=64), nullable=False),
        sa.Column("exported_revision", sa.Integer(), nullable=False),
        sa.Column("sequence", sa.BigInteger(), nullable=False),
        sa.Column("received", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("case_id", name=op.f("pk_sync_export_state")),
    )
    with op.batch_alter_table("sync_export_state", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_sync_export_state_sequence"), ["sequence"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("sync_export_state", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_sync_export_state_sequence"))
    op.drop_table("sync_export_state")
    op.drop_table("sync_exports")
    with op.batch_alter_table("sync_conflicts", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_sync_conflicts_case_id"))
    op.drop_table("sync_conflicts")
    op.drop_table("sync_merge_state")
    op.drop_table("sync_bundles")
    op.drop_table("sync_devices")
