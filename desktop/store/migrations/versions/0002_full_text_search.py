"""full-text search index (SQLite FTS5)

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-27

FTS5 is SQLite-only; an HQ on PostgreSQL searches with its own operators (see
desktop/store/search.py), so on other dialects this revision does nothing.
"""

from __future__ import annotations

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    # names: every spelling folded; latin: transliterations; places: facilities, localities,
    # regions, authorities; body: narratives, descriptions, notes, tags, reference.
    op.execute(
        "CREATE VIRTUAL TABLE case_search USING fts5("
        "case_id UNINDEXED, names, latin, places, body, "
        "tokenize = 'unicode61 remove_diacritics 2')"
    )


def downgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    op.execute("DROP TABLE case_search")
