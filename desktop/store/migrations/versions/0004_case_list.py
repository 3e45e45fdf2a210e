"""case list: place, last-event bounds, appeal count/state; (column, id) sort indexes

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-27

The case list pages through 100,000 cases with ``ORDER BY column, id`` and the keyset
condition ``(column, id) > (last value, last id)``; every sortable column therefore gets a
NOT NULL column and a (column, id) index. ``ix_cases_status`` becomes (status, id).
Existing cases are filled in from their event and appeal rows with the same function that
computes these columns on save (``mapping.summary_fields``).

Portable (SQLite and PostgreSQL).
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

NEW_COLUMNS = ("place", "last_event_lower", "last_event_upper", "appeal_count", "appeal_state")
SORT_INDEXES = {
    "ix_cases_verification_id": ["verification", "id"],
    "ix_cases_detained_name_id": ["detained_name", "id"],
    "ix_cases_place_id": ["place", "id"],
    "ix_cases_last_event_lower_id": ["last_event_lower", "id"],
    "ix_cases_appeal_count_id": ["appeal_count", "id"],
}


def upgrade() -> None:
    op.add_column(
        "cases", sa.Column("place", sa.Text(), server_default=sa.text("''"), nullable=False)
    )
    op.add_column(
        "cases",
        sa.Column(
            "last_event_lower", sa.String(length=10), server_default=sa.text("''"), nullable=False
        ),
    )
    op.add_column(
        "cases",
        sa.Column(
            "last_event_upper", sa.String(length=10), server_default=sa.text("''"), nullable=False
        ),
    )
    op.add_column(
        "cases", sa.Column("appeal_count", sa.Integer(), server_default="0", nullable=False)
    )
    op.add_column(
        "cases",
        sa.Column(
            "appeal_state", sa.String(length=16), server_default=sa.text("''"), nullable=False
        ),
    )
    _backfill(op.get_bind())
    op.drop_index("ix_cases_status", table_name="cases")
    op.create_index("ix_cases_status", "cases", ["status", "id"], unique=False)
    for name, columns in SORT_INDEXES.items():
        op.create_index(name, "cases", columns, unique=False)


def downgrade() -> None:
    for name in SORT_INDEXES:
        op.drop_index(name, table_name="cases")
    op.drop_index("ix_cases_status", table_name="cases")
    op.create_index("ix_cases_status", "cases", ["status"], unique=False)
    # Plain ALTER TABLE … DROP COLUMN (SQLite ≥ 3.35, PostgreSQL), not a batch copy: a
    # batch operation re-creates "cases", and dropping the old table would cascade-delete
    # every event, person and appeal row (foreign keys are on).
    for column in reversed(NEW_COLUMNS):
        op.drop_column("cases", column)


def _backfill(conn: sa.Connection) -> None:
    """Compute the new columns of the cases already in the vault (streamed, in batches)."""
    from desktop.store.mapping import summary_fields

    events = sa.table(
        "events",
        sa.column("case_id", sa.String()),
        sa.column("position", sa.Integer()),
        sa.column("type", sa.String()),
        sa.column("date", sa.String()),
        sa.column("place", sa.JSON()),
    )
    appeals = sa.table(
        "appeals",
        sa.column("case_id", sa.String()),
        sa.column("position", sa.Integer()),
        sa.column("status", sa.String()),
    )
    docs: dict[str, dict[str, Any]] = {}
    for row in conn.execute(
        sa.select(events.c.case_id, events.c.type, events.c.date, events.c.place).order_by(
            events.c.case_id, events.c.position
        )
    ):
        doc = docs.setdefault(row.case_id, {"events": [], "appeals": []})
        doc["events"].append({"type": row.type, "date": row.date, "place": row.place})
    for row in conn.execute(
        sa.select(appeals.c.case_id, appeals.c.status).order_by(
            appeals.c.case_id, appeals.c.position
        )
    ):
        doc = docs.setdefault(row.case_id, {"events": [], "appeals": []})
        doc["appeals"].append({"status": row.status})
    cases = sa.table("cases", sa.column("id", sa.String()), *(sa.column(c) for c in NEW_COLUMNS))
    stmt = (
        sa.update(cases)
        .where(cases.c.id == sa.bindparam("b_id"))
        .values({c: sa.bindparam(f"b_{c}") for c in NEW_COLUMNS})
    )
    batch: list[dict[str, Any]] = []
    for case_id, doc in docs.items():
        fields = summary_fields(doc)
        batch.append({"b_id": case_id, **{f"b_{c}": fields[c] for c in NEW_COLUMNS}})
        if len(batch) >= 1000:
            conn.execute(stmt, batch)
            batch = []
    if batch:
        conn.execute(stmt, batch)
