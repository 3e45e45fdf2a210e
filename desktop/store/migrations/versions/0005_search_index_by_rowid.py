"""search index: FTS5 rows keyed by a hash of the case id, no second copy of the texts

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-28

SQLite only (PostgreSQL's ``case_search`` is an ordinary table keyed by ``case_id``).

* **Rowid = ``search.search_rowid(case_id)``.** ``case_id`` is an unindexed FTS5 column, so
  deleting a case's row by it read the whole index: every save of an edited case in a
  100,000-case vault paid for it. Rows are now deleted by rowid.
* **Contentless** (``content=''``, ``contentless_delete=1``, ``contentless_unindexed=1``,
  SQLite >= 3.48): FTS5 kept a full copy of every indexed text (names, places, narratives)
  in ``case_search_content`` — a third of the database, written on every import, read by no
  query. Only ``case_id`` is kept, for the queries; BM25 ranks the same (it reads the
  per-column sizes, which are kept). With an older SQLite the texts stay stored, as before.
* **``secure-delete``**: a deleted or edited case's words are removed from the index
  itself, not only hidden behind a delete marker until some later merge.
* **``hashsize`` 16 MiB**: the pending words of an import are flushed to the index in
  larger, fewer segments (fewer merges: about a fifth less CPU for the index's writes).

Existing rows are copied over (their texts are still in the old table).
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

COLUMNS = "case_id UNINDEXED, names, latin, places, body"
TOKENIZE = "tokenize = 'unicode61 remove_diacritics 2'"
CONTENTLESS = "content = '', contentless_delete = 1, contentless_unindexed = 1"
HASH_SIZE = 16 * 1024 * 1024
_BATCH = 1_000


def sqlite_version(conn: sa.Connection) -> tuple[int, int]:
    version = str(conn.exec_driver_sql("SELECT sqlite_version()").scalar())
    major, minor = version.split(".")[:2]
    return int(major), int(minor)


def upgrade() -> None:
    conn = op.get_bind()
    if conn.dialect.name != "sqlite":
        return
    version = sqlite_version(conn)
    # contentless_unindexed (keeping case_id without the texts) is SQLite 3.48+, FTS5's
    # secure-delete 3.42+; the bundled SQLCipher (sqlcipher3 >= 0.6.4) has both.
    options = f"{TOKENIZE}, {CONTENTLESS}" if version >= (3, 48) else TOKENIZE
    conn.exec_driver_sql("ALTER TABLE case_search RENAME TO case_search_old")
    _create(conn, options, _copied_rows(conn))
    conn.exec_driver_sql("DROP TABLE case_search_old")
    settings = {"hashsize": HASH_SIZE, **({"secure-delete": 1} if version >= (3, 42) else {})}
    for key, value in settings.items():
        conn.exec_driver_sql(
            f"INSERT INTO case_search (case_search, rank) VALUES ('{key}', {value})"  # noqa: S608 - constants
        )


def downgrade() -> None:
    conn = op.get_bind()
    if conn.dialect.name != "sqlite":
        return
    # The texts are not stored any more: derive them again from the cases, as a save does.
    # (FTS5 leaves a contentless_unindexed table's "_content" table behind when the table
    # is dropped or renamed, as of SQLite 3.53: hence no rename, and the explicit drop.)
    conn.exec_driver_sql("DROP TABLE case_search")
    conn.exec_driver_sql("DROP TABLE IF EXISTS case_search_content")
    _create(conn, TOKENIZE, _derived_rows(conn, with_rowid=False))


def _create(conn: sa.Connection, options: str, rows: Any) -> None:
    """Create ``case_search`` with ``options`` and fill it with ``rows`` (batches of tuples)."""
    conn.exec_driver_sql(f"CREATE VIRTUAL TABLE case_search USING fts5({COLUMNS}, {options})")
    insert = (
        "INSERT INTO case_search (rowid, case_id, names, latin, places, body) "
        "VALUES (?, ?, ?, ?, ?, ?)"
    )
    plain = "INSERT INTO case_search (case_id, names, latin, places, body) VALUES (?, ?, ?, ?, ?)"
    raw: Any = conn.connection.dbapi_connection
    cursor = raw.cursor()
    try:
        for batch in rows:
            if batch:
                cursor.executemany(insert if len(batch[0]) == 6 else plain, batch)
    finally:
        cursor.close()


def _copied_rows(conn: sa.Connection) -> Any:
    from desktop.store.search import search_rowid

    # Batch by batch from a cursor: the texts of a 100,000-case vault are never all in memory.
    raw: Any = conn.connection.dbapi_connection
    cursor = raw.cursor()
    try:
        cursor.execute("SELECT case_id, names, latin, places, body FROM case_search_old")
        while batch := cursor.fetchmany(_BATCH):
            yield [(search_rowid(r[0]), *r) for r in batch]
    finally:
        cursor.close()


def _derived_rows(conn: sa.Connection, *, with_rowid: bool) -> Any:
    from desktop.store import mapping
    from desktop.store.cases import CaseRepository
    from desktop.store.search import search_rowid

    repo = CaseRepository(conn.engine, "migration")
    ids = [r[0] for r in conn.exec_driver_sql("SELECT id FROM cases ORDER BY id")]
    for start in range(0, len(ids), _BATCH):
        batch = []
        for doc in repo._load(conn, ids[start : start + _BATCH]):
            texts = mapping.search_texts(doc)
            row = (doc["id"], texts["names"], texts["latin"], texts["places"], texts["body"])
            batch.append((search_rowid(doc["id"]), *row) if with_rowid else row)
        mapping.clear_memo()
        yield batch
