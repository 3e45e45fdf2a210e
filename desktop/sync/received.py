"""(Field) "Received by HQ": which cases HQ has acknowledged in their current version.

What the store records: ``sync_export_state`` has one row per exported case — the content
hash that was exported (``exported_hash``), the bundle it went in (``sequence``) and
whether an HQ acknowledgement covering that bundle was imported (``received``). Exporting
a case again replaces its row (``received`` false until the next ack); an ack for an older
bundle does not touch a row that a newer bundle replaced. A case is **received by HQ**
when its row is ``received`` and its current ``content_hash`` still equals
``exported_hash``: editing the case after HQ got it clears the mark, with nothing to
update (changing it back to the acknowledged content brings the mark back, rightly).

For the case list (a column the list query can select, no second query):

    from desktop.sync.received import received_expr
    stmt = select(Case.id, …, received_expr().label("received"))

``received_expr()`` is a correlated ``EXISTS`` over ``Case``; it works on SQLite and
PostgreSQL (HQ vaults never export, so it is simply false there). For a set of ids use
:func:`received_case_ids`. This module only imports the models (no crypto, no Qt), so the
store layer may import it.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import ColumnElement, exists, select
from sqlalchemy.engine import Connection, Engine

from desktop.store.models import Case, SyncExportState

_CHUNK = 500


def received_expr() -> ColumnElement[bool]:
    """True for a ``Case`` row whose current content HQ acknowledged (correlated EXISTS)."""
    return (
        exists()
        .where(
            SyncExportState.case_id == Case.id,
            SyncExportState.received.is_(True),
            SyncExportState.exported_hash == Case.content_hash,
        )
        .correlate(Case)
    )


def received_case_ids(bind: Engine | Connection, ids: Sequence[str] | None = None) -> set[str]:
    """Ids of the cases received by HQ (optionally only among ``ids``)."""

    def run(conn: Connection) -> set[str]:
        base = select(Case.id).where(received_expr())
        if ids is None:
            return {str(c) for c in conn.execute(base).scalars()}
        found: set[str] = set()
        wanted = list(ids)
        for i in range(0, len(wanted), _CHUNK):
            chunk = wanted[i : i + _CHUNK]
            found.update(str(c) for c in conn.execute(base.where(Case.id.in_(chunk))).scalars())
        return found

    if isinstance(bind, Connection):
        return run(bind)
    with bind.connect() as conn:
        return run(conn)
