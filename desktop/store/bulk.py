"""Bulk inserts: PostgreSQL's COPY for large writes, SQLAlchemy's executemany elsewhere.

Why: an HQ import of 10,000 cases writes ~150,000 rows. On SQLite an executemany is a loop
inside the same process and costs little per row; on PostgreSQL every row of an
executemany is a statement the server parses, plans and acknowledges. ``COPY … FROM STDIN``
streams the same rows as one statement — the documented fast path for loading data — in
the caller's transaction, so atomicity is unchanged.

Only rows that carry every column of the table go through COPY: an INSERT fills missing
columns from Python-side defaults, COPY would not, so anything else takes the INSERT path.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import JSON, column, insert, table
from sqlalchemy.engine import Connection

# Below this, the extra round trip of setting up a COPY is not worth it.
COPY_MIN_ROWS = 50

# The search index (migration 0002) is raw SQL on both dialects, not a model: its writable
# columns, for inserting through the same path.
CASE_SEARCH = table(
    "case_search", column("case_id"), column("names"), column("latin"), column("places"),
    column("body"),
)  # fmt: skip


def insert_rows(conn: Connection, target: Any, rows: Sequence[dict[str, Any]]) -> None:
    """Insert ``rows`` (dicts keyed by column name) into ``target`` in the current transaction.

    ``target`` is a ``Table`` (a model's ``__table__``) or a ``TableClause`` such as
    ``CASE_SEARCH``; typed ``Any`` because mapped classes expose ``__table__`` as a bare
    ``FromClause``.
    """
    if not rows:
        return
    columns = [c for c in target.columns if getattr(c, "computed", None) is None]
    names = {c.name for c in columns}
    if (
        conn.dialect.name == "postgresql"
        and len(rows) >= COPY_MIN_ROWS
        and all(len(row) == len(names) and names.issuperset(row) for row in rows)
    ):
        _copy(conn, target.name, columns, rows)
        return
    conn.execute(insert(target), list(rows))


def _copy(conn: Connection, name: str, columns: list[Any], rows: Sequence[dict[str, Any]]) -> None:
    from psycopg import sql
    from psycopg.types.json import Json

    json_columns = {c.name for c in columns if isinstance(c.type, JSON)}
    statement = sql.SQL("COPY {} ({}) FROM STDIN").format(
        sql.Identifier(name), sql.SQL(", ").join(sql.Identifier(c.name) for c in columns)
    )
    names = [c.name for c in columns]
    # The DB-API connection under SQLAlchemy's: same session, same open transaction.
    raw: Any = conn.connection.dbapi_connection
    with raw.cursor() as cursor, cursor.copy(statement) as copy:
        for row in rows:
            copy.write_row(
                # JSON None is written as JSON null, as SQLAlchemy's JSON type writes it.
                tuple(Json(row[n]) if n in json_columns else row[n] for n in names)
            )
