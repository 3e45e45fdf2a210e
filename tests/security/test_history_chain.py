"""The change history is tamper-evident: edits and deletions made behind the app's back show.

The tampering goes through a bare SQLCipher connection keyed with the vault's database key,
i.e. someone who has the key but bypasses the application. ``verify_history`` must name
the first entry that no longer fits. (Someone with the key who also recomputes every later
hash and the head can rewrite history: the chain proves integrity against accidents and
against edits by tools that do not know the scheme, not against the key holder.)
"""

from __future__ import annotations

import json
import random
from collections.abc import Callable, Iterator
from typing import Any

import pytest
import sqlcipher3.dbapi2 as sqlcipher
from sectools import synthetic_case

from desktop.interchange.case_format import normalize_case
from desktop.store.history import entry_hash

ENTRIES = 6  # 5 creates + 1 update


@pytest.fixture
def history_session(session: Any) -> Iterator[Any]:
    rng = random.Random(6)
    docs = [normalize_case(synthetic_case(f"TD-1999-{i:04d}", rng)) for i in range(1, 6)]
    for doc in docs:  # one save per case: one history entry each
        session.store.cases.save([doc])
    stored = session.store.cases.get("TD-1999-0003")
    stored["status"] = "released"
    session.store.cases.save([stored])
    yield session


def _raw(session: Any) -> Any:
    conn = sqlcipher.connect(str(session.unlocked.db_path), isolation_level=None)
    conn.execute(f"PRAGMA key = \"x'{session.unlocked.db_key.hex()}'\"")
    return conn


def _edit_detail(conn: Any) -> None:
    detail = json.loads(conn.execute("SELECT detail FROM history WHERE seq = 3").fetchone()[0])
    detail["reference"] = "TD-1999-9999"
    conn.execute("UPDATE history SET detail = ? WHERE seq = 3", (json.dumps(detail),))


def _edit_action(conn: Any) -> None:
    conn.execute("UPDATE history SET action = 'delete' WHERE seq = 3")


def _edit_time(conn: Any) -> None:
    conn.execute("UPDATE history SET at = '2001-01-01T00:00:00Z' WHERE seq = 3")


def _edit_and_rehash(conn: Any) -> None:
    """Edit entry 3 and fix its own hash: the next entry's link then breaks."""
    row = conn.execute(
        "SELECT seq, at, device, case_id, action, detail, prev_hash FROM history WHERE seq = 3"
    ).fetchone()
    body = {
        "seq": row[0],
        "at": row[1],
        "device": row[2],
        "case_id": row[3],
        "action": "delete",
        "detail": json.loads(row[5]),
    }
    conn.execute(
        "UPDATE history SET action = 'delete', hash = ? WHERE seq = 3",
        (entry_hash(row[6], body),),
    )


def _delete_middle(conn: Any) -> None:
    conn.execute("DELETE FROM history WHERE seq = 3")


def _delete_first(conn: Any) -> None:
    conn.execute("DELETE FROM history WHERE seq = 1")


def _delete_last(conn: Any) -> None:
    conn.execute("DELETE FROM history WHERE seq = (SELECT max(seq) FROM history)")


def _delete_head(conn: Any) -> None:
    conn.execute("DELETE FROM settings WHERE key = 'history_head'")


def _swap_order(conn: Any) -> None:
    conn.execute("UPDATE history SET seq = -1 WHERE seq = 2")
    conn.execute("UPDATE history SET seq = 2 WHERE seq = 3")
    conn.execute("UPDATE history SET seq = 3 WHERE seq = -1")


TAMPERING: dict[str, tuple[Callable[[Any], None], int | None, str]] = {
    # name: (how, first bad seq reported, words in the problem)
    "edit-detail": (_edit_detail, 3, "altered"),
    "edit-action": (_edit_action, 3, "altered"),
    "edit-time": (_edit_time, 3, "altered"),
    "edit-and-rehash": (_edit_and_rehash, 4, "chain is broken"),
    "delete-middle": (_delete_middle, 3, "missing"),
    "delete-first": (_delete_first, 1, "missing"),
    "delete-last": (_delete_last, ENTRIES, "removed at the end"),
    "delete-head": (_delete_head, None, "head is missing"),
    "swap-order": (_swap_order, 2, ""),
}


def test_intact_history_verifies(history_session: Any) -> None:
    report = history_session.store.cases.verify_history()
    assert report.ok, report
    assert report.entries == ENTRIES


@pytest.mark.parametrize("name", list(TAMPERING))
def test_tampered_history_is_reported(history_session: Any, name: str) -> None:
    how, first_bad, words = TAMPERING[name]
    conn = _raw(history_session)
    try:
        how(conn)
    finally:
        conn.close()
    report = history_session.store.cases.verify_history()
    assert not report.ok, f"{name} went unnoticed"
    assert report.first_bad_seq == first_bad, report
    assert words in report.problem, report
