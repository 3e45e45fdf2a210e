"""Tamper-evident change history: each entry's SHA-256 covers its content and the previous hash.

Removing, reordering or editing an entry breaks the chain; ``verify`` finds the first break.
The head (last sequence number and hash) is also kept in settings so that cutting entries
off the end is detected too.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Any

from sqlalchemy import insert, select, update
from sqlalchemy.engine import Connection

from desktop.store import bulk
from desktop.store.models import HistoryEntry, Setting
from desktop.vault.vaultfile import canonical_json

GENESIS = "0" * 64
HEAD_KEY = "history_head"


def entry_hash(prev_hash: str, entry: dict[str, Any]) -> str:
    return hashlib.sha256(prev_hash.encode("ascii") + canonical_json(entry)).hexdigest()


@dataclass(frozen=True)
class HistoryReport:
    ok: bool
    entries: int
    first_bad_seq: int | None = None
    problem: str = ""


class HistoryWriter:
    """Appends entries inside the caller's transaction (one writer at a time)."""

    def __init__(self, conn: Connection, device: str) -> None:
        self._conn = conn
        self._device = device
        last = conn.execute(
            select(HistoryEntry.seq, HistoryEntry.hash).order_by(HistoryEntry.seq.desc()).limit(1)
        ).first()
        self._seq, self._hash = (int(last[0]), str(last[1])) if last else (0, GENESIS)
        self._rows: list[dict[str, Any]] = []

    def add(self, at: str, case_id: str | None, action: str, detail: dict[str, Any]) -> None:
        self._seq += 1
        body = {
            "seq": self._seq,
            "at": at,
            "device": self._device,
            "case_id": case_id,
            "action": action,
            "detail": detail,
        }
        digest = entry_hash(self._hash, body)
        self._rows.append({**body, "prev_hash": self._hash, "hash": digest})
        self._hash = digest

    def flush(self) -> None:
        if not self._rows:
            return
        bulk.insert_rows(self._conn, HistoryEntry.__table__, self._rows)
        head = {"seq": self._seq, "hash": self._hash}
        updated = self._conn.execute(
            update(Setting).where(Setting.key == HEAD_KEY).values(value=head)
        ).rowcount
        if not updated:
            self._conn.execute(insert(Setting).values(key=HEAD_KEY, value=head))
        self._rows = []


def verify(conn: Connection) -> HistoryReport:
    prev = GENESIS
    expected_seq = 0
    count = 0
    for row in conn.execute(select(HistoryEntry).order_by(HistoryEntry.seq)).mappings():
        expected_seq += 1
        count += 1
        seq = int(row["seq"])
        if seq != expected_seq:
            return HistoryReport(False, count, expected_seq, "an entry is missing")
        body = {k: row[k] for k in ("seq", "at", "device", "case_id", "action", "detail")}
        if row["prev_hash"] != prev:
            return HistoryReport(False, count, seq, "the chain is broken before this entry")
        if entry_hash(prev, body) != row["hash"]:
            return HistoryReport(False, count, seq, "this entry was altered")
        prev = str(row["hash"])
    head = conn.execute(select(Setting.value).where(Setting.key == HEAD_KEY)).scalar()
    if head is None and count:
        return HistoryReport(False, count, None, "the history head is missing")
    if head is not None and (head.get("seq") != expected_seq or head.get("hash") != prev):
        return HistoryReport(False, count, expected_seq + 1, "entries were removed at the end")
    return HistoryReport(True, count)
