"""sync: the field's own reference of a case that HQ shows under a device-suffixed one

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-28

Field vaults number their cases independently (``TD-2026-0001`` on every new laptop), and
a reference is unique in a vault. When two devices' cases claim the same reference, HQ
shows each under the reference with its device's suffix (``TD-2026-0001-NOJE``) and keeps
the field's own reference here, so that the device's later bundles find the same case and
the same suffix (``desktop.sync.references``). Portable: a plain column and index.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column(
        "sync_merge_state", sa.Column("field_reference", sa.String(length=64), nullable=True)
    )
    op.create_index("ix_sync_merge_state_field_reference", "sync_merge_state", ["field_reference"])


def downgrade() -> None:
    op.drop_index("ix_sync_merge_state_field_reference", table_name="sync_merge_state")
    # Plain DROP COLUMN, not a batch copy (SQLite >= 3.35 drops an unindexed column in place).
    op.drop_column("sync_merge_state", "field_reference")
