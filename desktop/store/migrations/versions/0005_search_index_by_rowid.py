"""search index: rows found by a rowid kept on the case; FTS5 secure-delete and hashsize

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-28

* **``cases.search_rowid``** (both dialects; used on SQLite only, NULL on PostgreSQL, whose
  ``case_search`` is an ordinary table keyed by ``case_id``). ``case_id`` is an unindexed
  FTS5 column, so deleting a case's row by it read the whole index: every save of an edited
  case paid for it (about 0.6 s per save in a 30,000-case vault). Rows are now deleted by
  rowid. Existing rows keep theirs; new ones are handed out in increasing order (FTS5
  delta-encodes rowids in its doclists: random ones, a hash of the id, were tried and made
  two-letter prefix searches ~40% slower).
* **``secure-delete``** (SQLite >= 3.42): a deleted or edited case's words are removed from
  the index itself, not only hidden behind a delete marker until some later merge.
* **``hashsize`` 16 MiB**: the pending words of an import are flushed to the index in
  larger, fewer segments (fewer merges: about a sixth less CPU for the index's writes).

The texts stay stored in the index (``case_search_content``): a contentless table was tried
(a third less to write on import) but FTS5 then cannot take a deleted row's words out of
its BM25 statistics, so ranking would drift with every edit.
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

HASH_SIZE = 16 * 1024 * 1024
DEFAULT_HASH_SIZE = 1024 * 1024  # FTS5's own default
_BATCH = 5_000


def _fts_settings(conn: sa.Connection, *, on: bool) -> None:
    version = str(conn.exec_driver_sql("SELECT sqlite_version()").scalar()).split(".")
    settings = {"hashsize": HASH_SIZE if on else DEFAULT_HASH_SIZE}
    if (int(version[0]), int(version[1])) >= (3, 42):
        settings["secure-delete"] = int(on)
    for key, value in settings.items():
        conn.exec_driver_sql(
            f"INSERT INTO case_search (case_search, rank) VALUES ('{key}', {value})"  # noqa: S608 - constants
        )


def upgrade() -> None:
    op.add_column("cases", sa.Column("search_rowid", sa.Integer(), nullable=True))
    op.create_index("ix_cases_search_rowid", "cases", ["search_rowid"], unique=True)
    conn = op.get_bind()
    if conn.dialect.name != "sqlite":
        return
    raw: Any = conn.connection.dbapi_connection
    reader, writer = raw.cursor(), raw.cursor()
    try:
        reader.execute("SELECT rowid, case_id FROM case_search")
        while batch := reader.fetchmany(_BATCH):
            writer.executemany("UPDATE cases SET search_rowid = ? WHERE id = ?", batch)
    finally:
        reader.close()
        writer.close()
    _fts_settings(conn, on=True)


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        _fts_settings(op.get_bind(), on=False)
    op.drop_index("ix_cases_search_rowid", table_name="cases")
    # Plain DROP COLUMN, not a batch copy (that would cascade-delete the child rows: 0004).
    op.drop_column("cases", "search_rowid")
