"""The hash-chained change history: every kind of tampering shows, and it holds no names.

DESIGN §3: "every change: who (device), when, what; each entry chained to the previous by
hash so that tampering shows." The tests tamper with the rows directly in the (unlocked)
database, as someone with the key but without the application's cooperation would.
"""

from __future__ import annotations

import itertools
import json
import os
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import delete, select, text, update

from desktop.interchange.case_format import normalize_case
from desktop.store import history
from desktop.store.database import Store, create_store
from desktop.store.models import HistoryEntry, Setting
from desktop.vault.vault import UnlockedVault, VaultKind

DATA = Path(__file__).resolve().parents[1] / "data"


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    unlocked = UnlockedVault(
        tmp_path, str(uuid.uuid4()), VaultKind.FIELD, bytearray(os.urandom(32))
    )
    s = create_store(unlocked)
    yield s
    s.close()


def person(name: str) -> dict[str, Any]:
    return normalize_case(
        {"persons": [{"key": "p1", "role": "detained", "names": [{"value": name}]}]}
    )


@pytest.fixture
def busy(store: Store) -> Store:
    """Five history entries: three creates, one update, one delete."""
    ids = store.cases.save([person("First Person"), person("Second Person")]).ids
    store.cases.save([person("Third Person")])
    store.cases.save([dict(person("First Person Renamed"), id=ids[0])])
    store.cases.delete(ids[1])
    return store


def entries(store: Store) -> list[dict[str, Any]]:
    with store.engine.connect() as conn:
        return [
            dict(r)
            for r in conn.execute(
                select(HistoryEntry.__table__).order_by(HistoryEntry.seq)
            ).mappings()
        ]


def test_chain_structure(busy: Store) -> None:
    rows = entries(busy)
    assert [r["seq"] for r in rows] == [1, 2, 3, 4, 5]
    assert [r["action"] for r in rows] == ["create", "create", "create", "update", "delete"]
    assert rows[0]["prev_hash"] == history.GENESIS
    for before, after in itertools.pairwise(rows):
        assert after["prev_hash"] == before["hash"]
    for row in rows:
        body = {k: row[k] for k in ("seq", "at", "device", "case_id", "action", "detail")}
        assert row["hash"] == history.entry_hash(row["prev_hash"], body)
        assert row["device"] == busy.device_id
    assert busy.setting(history.HEAD_KEY) == {"seq": 5, "hash": rows[-1]["hash"]}
    report = busy.cases.verify_history()
    assert report == history.HistoryReport(True, 5)


def test_empty_history_verifies(store: Store) -> None:
    assert store.cases.verify_history() == history.HistoryReport(True, 0)


def test_entry_hash_covers_previous_hash_and_every_field() -> None:
    body = {"seq": 1, "at": "2026-01-01T00:00:00Z", "device": "d", "case_id": "c",
            "action": "create", "detail": {"revision": 1}}  # fmt: skip
    base = history.entry_hash(history.GENESIS, body)
    assert len(base) == 64
    assert history.entry_hash(history.GENESIS, dict(body)) == base
    assert history.entry_hash("1" * 64, body) != base
    for key, value in [
        ("seq", 2),
        ("at", "2026-01-01T00:00:01Z"),
        ("device", "e"),
        ("case_id", None),
        ("action", "update"),
        ("detail", {"revision": 2}),
    ]:
        assert history.entry_hash(history.GENESIS, dict(body, **{key: value})) != base, key


@pytest.mark.parametrize(
    ("column", "value"),
    [
        ("detail", {"revision": 99, "reference": "TD-2026-0001"}),
        ("at", "2001-09-09T01:46:40Z"),
        ("action", "create"),  # the update at seq 4 passed off as a create
        ("device", "another-device"),
        ("case_id", None),
    ],
)
def test_an_edited_entry_is_found(busy: Store, column: str, value: Any) -> None:
    with busy.engine.begin() as conn:
        conn.execute(update(HistoryEntry).where(HistoryEntry.seq == 4).values({column: value}))
    report = busy.cases.verify_history()
    assert not report.ok
    assert report.first_bad_seq == 4
    assert "altered" in report.problem


def test_an_edited_entry_with_a_recomputed_hash_breaks_the_next_link(busy: Store) -> None:
    row = entries(busy)[2]  # seq 3
    body = {k: row[k] for k in ("seq", "at", "device", "case_id", "action", "detail")}
    body["detail"] = {"revision": 1, "reference": "TD-1999-0001"}
    forged = history.entry_hash(row["prev_hash"], body)
    with busy.engine.begin() as conn:
        conn.execute(
            update(HistoryEntry)
            .where(HistoryEntry.seq == 3)
            .values(detail=body["detail"], hash=forged)
        )
    report = busy.cases.verify_history()
    assert (report.ok, report.first_bad_seq) == (False, 4)
    assert "chain is broken" in report.problem


def test_a_removed_middle_entry_is_found(busy: Store) -> None:
    with busy.engine.begin() as conn:
        conn.execute(delete(HistoryEntry).where(HistoryEntry.seq == 2))
    report = busy.cases.verify_history()
    assert (report.ok, report.first_bad_seq) == (False, 2)
    assert "missing" in report.problem


def test_entries_cut_off_the_end_are_found(busy: Store) -> None:
    with busy.engine.begin() as conn:
        conn.execute(delete(HistoryEntry).where(HistoryEntry.seq >= 4))
    report = busy.cases.verify_history()
    assert not report.ok
    assert report.first_bad_seq == 4
    assert "removed at the end" in report.problem


def test_all_entries_removed_is_found(busy: Store) -> None:
    with busy.engine.begin() as conn:
        conn.execute(delete(HistoryEntry))
    report = busy.cases.verify_history()
    assert not report.ok and "removed at the end" in report.problem


def test_a_missing_head_is_found(busy: Store) -> None:
    with busy.engine.begin() as conn:
        conn.execute(delete(Setting).where(Setting.key == history.HEAD_KEY))
    report = busy.cases.verify_history()
    assert not report.ok and "head is missing" in report.problem


def test_swapped_entries_are_found(busy: Store) -> None:
    rows = entries(busy)
    with busy.engine.begin() as conn:
        for a, b in ((rows[1], rows[2]), (rows[2], rows[1])):
            conn.execute(
                update(HistoryEntry)
                .where(HistoryEntry.seq == a["seq"])
                .values(
                    at=b["at"],
                    case_id=b["case_id"],
                    action=b["action"],
                    detail=b["detail"],
                    prev_hash=b["prev_hash"],
                    hash=b["hash"],
                )
            )
    report = busy.cases.verify_history()
    assert (report.ok, report.first_bad_seq) == (False, 2)


def test_the_chain_continues_across_transactions_and_reopen(tmp_path: Path) -> None:
    unlocked = UnlockedVault(
        tmp_path, str(uuid.uuid4()), VaultKind.FIELD, bytearray(os.urandom(32))
    )
    store = create_store(unlocked)
    store.cases.save([person("Only Person")])
    store.close()
    from desktop.store.database import open_store

    reopened = open_store(unlocked)
    try:
        reopened.cases.save([person("Another Person")])
        rows = entries(reopened)
        assert [r["seq"] for r in rows] == [1, 2]
        assert rows[1]["prev_hash"] == rows[0]["hash"]
        assert reopened.cases.verify_history().ok
    finally:
        reopened.close()


def test_unchanged_saves_write_no_history(store: Store) -> None:
    doc = person("Same Person")
    (case_id,) = store.cases.save([doc]).ids
    store.cases.save([dict(doc, id=case_id)])
    store.cases.save([dict(doc, id=case_id)])
    assert len(entries(store)) == 1


def test_history_holds_no_personal_data(store: Store) -> None:
    doc = normalize_case(json.loads((DATA / "case-example.json").read_text("utf-8")))
    store.cases.save([doc])
    changed = dict(doc, notes="Called the family again")
    store.cases.save([changed])
    store.cases.delete(doc["id"])
    with store.engine.connect() as conn:
        dumped = json.dumps(
            [list(r) for r in conn.execute(text("SELECT * FROM history")).all()],
            ensure_ascii=False,
        )
    for personal in ("Ерлан", "Erlan", "Сапар", "Айгүл", "Bole", "+7 700", "KZ0000000", "family"):
        assert personal not in dumped, personal
    assert "TD-2026-0001" in dumped  # the reference is what lets people find the case
