"""(HQ) The reference HQ shows a field case under, when two devices numbered theirs alike.

Why this exists: every field vault numbers its own cases (``TD-2026-0001``, ``0002``, …),
offline, and a reference is unique in a vault (DESIGN §3). So two new laptops both have a
``TD-2026-0001``, and HQ — where a reference must be unique as well — used to refuse the
second device's bundle whole ("reference … already belongs to another case"), every time.

The rule: when a field case arrives whose reference another case at HQ already claims
(holds it, or is known by it in its device), *every field case* claiming it is shown at HQ
under that reference with its device's suffix: ``TD-2026-0001-NOJE`` and
``TD-2026-0001-K7QF`` — the first four characters of the device fingerprint, the ones
``sync whoami`` and ``sync devices`` print first, so a letter quoting ``TD-2026-0001`` from
a known device is easy to place. The case that was there first is renamed too (one history
entry, as for any change): that makes HQ's state the same whatever order the bundles arrive
in (tests/sync/test_stateful_merge.py). A case created at HQ itself keeps its reference and
only the field case is suffixed: HQ's own numbering is HQ's.

The field's own reference is kept in ``sync_merge_state.field_reference``: the device's
later bundles still say ``TD-2026-0001`` and land on the same case under the same suffix,
and the merge compares content hashes of what HQ stores (the suffixed reference), so a
renamed case is not mistaken for an HQ edit (no false conflict).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.engine import Connection

from desktop.interchange.case_format import MAX_REFERENCE_CHARS
from desktop.store.cases import in_chunks
from desktop.store.models import Case, SyncMergeState


def suffixed(reference: str, device: str, length: int = 4) -> str:
    """``TD-2026-0001`` of device ``NOJE…`` → ``TD-2026-0001-NOJE`` (within the column's size)."""
    tail = "-" + device[:length].upper()
    return reference[: MAX_REFERENCE_CHARS - len(tail)] + tail


class _Names:
    """Which references are taken at HQ, including the ones given out in this batch."""

    def __init__(self, conn: Connection) -> None:
        self._conn = conn
        self._given: dict[str, str] = {}

    def owner(self, reference: str) -> str | None:
        if reference in self._given:
            return self._given[reference]
        found = self._conn.execute(select(Case.id).where(Case.reference == reference)).scalar()
        return None if found is None else str(found)

    def free_for(self, case_id: str, reference: str, device: str) -> str:
        """The suffixed reference for ``case_id``: 4 characters of the device, else 8, else
        8 and a number (two cases of one device that both claimed the reference in turn)."""
        candidates = [suffixed(reference, device), suffixed(reference, device, 8)]
        n = 2
        while True:
            for name in candidates:
                if self.owner(name) in (None, case_id):
                    self._given[name] = case_id
                    return name
            candidates = [suffixed(reference, device, 8)[: MAX_REFERENCE_CHARS - 8] + f"-{n}"]
            n += 1


@dataclass
class Settled:
    """What :func:`settle` decided for one batch of incoming documents."""

    # case id -> the field's own reference, for every incoming case HQ shows under another.
    field_refs: dict[str, str] = field(default_factory=dict)
    # (reference before, reference now) given out by this batch: incoming and renamed cases.
    changes: list[tuple[str, str]] = field(default_factory=list)


def settle(
    conn: Connection, repo: Any, docs: Sequence[dict[str, Any]], device: str, source: str
) -> Settled:
    """Give each incoming document (of one device, about to be merged) the reference HQ
    shows it under, in place; rename the stored field cases of *other* devices that claim
    the same reference.

    Runs inside the import's transaction, before the merge compares content hashes.
    """
    ids = [str(d["id"]) for d in docs]
    batch = set(ids)
    refs = sorted({str(d["reference"]) for d in docs})
    shown: dict[str, str] = {}  # case id -> HQ's current reference
    known_as: dict[str, str] = {}  # case id -> its field reference, when suffixed
    holders: dict[str, set[str]] = {}  # reference -> case ids holding it at HQ
    claimed: dict[str, set[str]] = {}  # field reference -> case ids known by it
    for chunk in in_chunks(ids):
        shown.update(conn.execute(select(Case.id, Case.reference).where(Case.id.in_(chunk))).all())
        for cid, ref in conn.execute(
            select(SyncMergeState.case_id, SyncMergeState.field_reference).where(
                SyncMergeState.case_id.in_(chunk), SyncMergeState.field_reference.is_not(None)
            )
        ):
            known_as[cid] = str(ref)
    for chunk in in_chunks(refs):
        for cid, ref in conn.execute(
            select(Case.id, Case.reference).where(Case.reference.in_(chunk))
        ):
            holders.setdefault(ref, set()).add(cid)
        for cid, ref in conn.execute(
            select(SyncMergeState.case_id, SyncMergeState.field_reference).where(
                SyncMergeState.field_reference.in_(chunk)
            )
        ):
            claimed.setdefault(str(ref), set()).add(cid)

    names = _Names(conn)
    out = Settled()
    to_rename: dict[str, str] = {}  # stored case id -> the field reference it claims
    for doc in docs:
        cid, ref = str(doc["id"]), str(doc["reference"])
        if known_as.get(cid) == ref and cid in shown:
            doc["reference"] = shown[cid]  # suffixed before: keep it (stable)
            out.field_refs[cid] = ref
            continue
        others = (holders.get(ref, set()) | claimed.get(ref, set())) - {cid}
        if not others:
            continue
        doc["reference"] = names.free_for(cid, ref, device)
        out.field_refs[cid] = ref
        out.changes.append((ref, doc["reference"]))
        for other in holders.get(ref, set()) - batch:
            to_rename[other] = ref
    if to_rename:
        out.changes.extend(_rename(conn, repo, to_rename, names, source))
    return out


def _rename(
    conn: Connection, repo: Any, claims: dict[str, str], names: _Names, source: str
) -> list[tuple[str, str]]:
    """Suffix stored field cases of other devices (HQ's own cases keep their reference)."""
    ids = sorted(claims)
    states = {
        row.case_id: row
        for chunk in in_chunks(ids)
        for row in conn.execute(
            select(SyncMergeState.case_id, SyncMergeState.device, SyncMergeState.synced_hash).where(
                SyncMergeState.case_id.in_(chunk)
            )
        )
    }
    docs, ids = [], [cid for cid in ids if cid in states]
    if not ids:
        return []
    before = {
        cid: (digest, updated)
        for cid, digest, updated in conn.execute(
            select(Case.id, Case.content_hash, Case.updated).where(Case.id.in_(ids))
        )
    }
    changes = []
    for doc in repo._load(conn, ids):
        cid = str(doc["id"])
        doc["reference"] = names.free_for(cid, claims[cid], states[cid].device)
        changes.append((claims[cid], doc["reference"]))
        docs.append(doc)
    repo._save(conn, docs, source)
    after = dict(conn.execute(select(Case.id, Case.content_hash).where(Case.id.in_(ids))).all())
    for cid in ids:
        st = states[cid]
        digest, updated = before[cid]
        # A new name is not a new version of what the case says: ``updated`` stays (it
        # decides which side a conflict shows, and HQ's state must not depend on when the
        # other device's bundle came). The history has the rename, with its time.
        conn.execute(update(Case).where(Case.id == cid).values(updated=updated))
        # Unchanged at HQ since the merge: the renamed version is the merged one, so the
        # device's next revision is a fast-forward, not a conflict.
        synced = after[cid] if st.synced_hash == digest else st.synced_hash
        conn.execute(
            update(SyncMergeState)
            .where(SyncMergeState.case_id == cid)
            .values(field_reference=claims[cid], synced_hash=synced)
        )
    return changes
