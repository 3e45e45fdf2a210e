"""Bulk inserts: PostgreSQL's COPY, SQLite's executemany without per-row SQLAlchemy work.
Bulk reads: SQLite's fetchall without per-row SQLAlchemy work (``fetch_rows``).

Why: an HQ import of 10,000 cases writes ~150,000 rows. On SQLite an executemany is a loop
inside the same process and costs little per row; on PostgreSQL every row of an
executemany is a statement the server parses, plans and acknowledges. ``COPY … FROM STDIN``
streams the same rows as one statement — the documented fast path for loading data — in
the caller's transaction, so atomicity is unchanged.

On SQLite the statement runs in-process, so the cost is Python's: SQLAlchemy's executemany
builds a parameter dict per row and runs each value through the column type's processor
(about a fifth of a large import's CPU time, most of it for JSON columns that are empty
lists or NULL). ``_sqlite_executemany`` uses the very same processors, resolved once per
call, with fast answers for the commonest JSON values, and hands tuples to the driver.

Reading many rows back (``CaseRepository.documents``: a sync export of 10,000 cases reads
~130,000 rows) costs the same kind of per-row work in the other direction: a ``Row`` and a
``RowMapping`` per row, every JSON value through the type's processor one call at a time.
``read_plan`` compiles such a SELECT once, with the conversion each column's type applies
on SQLite (JSON and Boolean only), into plain data that desktop/store/docread.py runs on
the DB-API connection; ``fetch_rows`` is one plan run once. tests/unit/test_fast_read.py
checks that the values and documents equal those built from SQLAlchemy's rows.

Only rows that carry every column of the table take either fast path: an INSERT fills
missing columns from Python-side defaults, COPY and the raw executemany would not, so
anything else takes SQLAlchemy's INSERT path.
"""

from __future__ import annotations

import json
import json.encoder
from collections.abc import Sequence
from typing import Any

from sqlalchemy import JSON, Boolean, column, insert, table
from sqlalchemy.engine import Connection

from desktop.store import docread

# Below this, the extra round trip of setting up a COPY is not worth it.
COPY_MIN_ROWS = 50

# The search index (migration 0002) is raw SQL on both dialects, not a model: its writable
# columns, for inserting through the same path. On SQLite the FTS5 rowid is written too
# (``cases.search_rowid``, migration 0005): rows are found and deleted by it.
CASE_SEARCH = table(
    "case_search", column("case_id"), column("names"), column("latin"), column("places"),
    column("body"),
)  # fmt: skip
CASE_SEARCH_FTS5 = table(
    "case_search", column("rowid"), column("case_id"), column("names"), column("latin"),
    column("places"), column("body"),
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
    complete = all(len(row) == len(names) and names.issuperset(row) for row in rows)
    if complete and conn.dialect.name == "postgresql" and len(rows) >= COPY_MIN_ROWS:
        _copy(conn, target.name, columns, rows)
        return
    if complete and conn.dialect.name == "sqlite":
        _sqlite_executemany(conn, target.name, columns, rows)
        return
    conn.execute(insert(target), list(rows))


def delete_keys(conn: Connection, target: Any, key: str, values: Sequence[str]) -> None:
    """``DELETE FROM target WHERE key IN values`` in the current transaction (text keys).

    On SQLite one prepared statement per row through the driver's executemany: chunked
    ``IN (…)`` statements through SQLAlchemy cost ~50 ms for 10,000 keys (a sync export
    rewrites that many export-state rows), this a few.
    """
    if not values:
        return
    if conn.dialect.name != "sqlite":
        from desktop.store.cases import in_chunks

        column = target.c[key]
        for chunk in in_chunks(list(values)):
            conn.execute(target.delete().where(column.in_(chunk)))
        return
    quote = conn.dialect.identifier_preparer.quote
    statement = f"DELETE FROM {quote(target.name)} WHERE {quote(key)} = ?"  # noqa: S608 - quoted model identifiers
    raw: Any = conn.connection.dbapi_connection
    cursor = raw.cursor()
    try:
        cursor.executemany(statement, [(v,) for v in values])
    finally:
        cursor.close()


def _sqlite_executemany(
    conn: Connection, name: str, columns: list[Any], rows: Sequence[dict[str, Any]]
) -> None:
    dialect = conn.dialect
    names = [c.name for c in columns]
    converters: list[Any] = []
    for col in columns:
        process = col.type.dialect_impl(dialect).bind_processor(dialect)
        if isinstance(col.type, JSON) and process is not None:
            process = _json_converter(process)
        converters.append(process)
    quoted = ", ".join(dialect.identifier_preparer.quote(n) for n in names)
    statement = (
        f"INSERT INTO {dialect.identifier_preparer.quote(name)} ({quoted}) "  # noqa: S608 - quoted model identifiers
        f"VALUES ({', '.join('?' * len(names))})"
    )
    converted = [(i, f) for i, f in enumerate(converters) if f is not None]

    def as_tuple(row: dict[str, Any]) -> tuple[Any, ...]:
        values = [row[n] for n in names]
        for i, convert in converted:
            values[i] = convert(values[i])
        return tuple(values)

    # The DB-API connection under SQLAlchemy's: same connection, same open transaction.
    raw: Any = conn.connection.dbapi_connection
    cursor = raw.cursor()
    try:
        cursor.executemany(statement, [as_tuple(row) for row in rows])
    finally:
        cursor.close()


def _json_converter(process: Any) -> Any:
    """What SQLAlchemy's JSON processor returns, without its per-value overhead.

    The engines keep SQLAlchemy's default serializer (``json.dumps`` with default options)
    and ``none_as_null`` is False on every JSON column, so a value's text is
    ``json.dumps(value)`` and None is JSON null. ``json.dumps`` builds a new C encoder on
    every call; one built here with the same options returns the same text in half the
    time. Where the C encoder is missing, the type's own processor is used.
    tests/unit/test_bulk.py compares both on every kind of value we store.
    """
    make = getattr(json.encoder, "c_make_encoder", None)
    if make is None:
        return process
    encode = make(
        None, None, json.encoder.encode_basestring_ascii, None, ": ", ", ", False, False, True
    )

    def convert(value: Any) -> Any:
        if value is None:
            return "null"
        if isinstance(value, list) and not value:
            return "[]"
        return "".join(encode(value, 0))

    return convert


def read_plan(
    dialect: Any, target: Any, names: Sequence[str], key: str, order: Sequence[str] = ()
) -> docread.TablePlan:
    """The plan of ``SELECT names FROM target WHERE key IN (…) [ORDER BY order]`` on SQLite,
    with the conversion SQLAlchemy's column types would apply to each value.

    Only JSON (``json.loads``, when the engine has no JSON deserializer of its own) and
    Boolean (``bool``) columns have a result processor among a document's columns; any
    other processor raises ValueError rather than being skipped.
    """
    if dialect.name != "sqlite":
        raise ValueError("read plans are the SQLite read path")
    convert: list[tuple[int, str]] = []
    for index, name in enumerate(names):
        col = target.c[name]
        if col.type.dialect_impl(dialect).result_processor(dialect, None) is None:
            continue
        if isinstance(col.type, JSON) and getattr(dialect, "_json_deserializer", None) is None:
            convert.append((index, "json"))
        elif isinstance(col.type, Boolean):
            convert.append((index, "bool"))
        else:
            raise ValueError(f"no plain conversion for {target.name}.{name}")
    quote = dialect.identifier_preparer.quote
    head = (
        f"SELECT {', '.join(quote(n) for n in names)} FROM {quote(target.name)} "  # noqa: S608 - quoted model identifiers
        f"WHERE {quote(key)} IN ("
    )
    tail = ")" + (f" ORDER BY {', '.join(quote(n) for n in order)}" if order else "")
    return docread.TablePlan(tuple(names), head, tail, tuple(convert))


def fetch_rows(
    conn: Connection,
    target: Any,
    names: Sequence[str],
    key: str,
    values: Sequence[Any],
    order: Sequence[str] = (),
) -> list[Sequence[Any]]:
    """``SELECT names FROM target WHERE key IN values [ORDER BY order]`` (SQLite), values as
    SQLAlchemy gives, through the DB-API connection under ``conn`` (same connection, same
    open transaction): tuples, or lists where a value was converted (desktop/store/docread.py).
    """
    plan = read_plan(conn.dialect, target, names, key, order)
    raw: Any = conn.connection.dbapi_connection
    return docread.fetch(raw, plan, values)


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
