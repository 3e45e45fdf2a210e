"""The HQ import merges a bundle's records in batches while it reads them (issue 5: peak
RSS), and is still all or nothing.

Why: records are merged into the open transaction batch by batch, so a bundle's first
batches are in the database (uncommitted) before its last bytes are read. A record
tampered late in the stream, a bad attachment after all records, a file cut short or a
cancel must still leave HQ exactly as it was, on SQLCipher and on PostgreSQL, and the same
bundle must then import whole. The batch size is made tiny here so that a 10-case bundle
spans several batches; a spy counts the batches so that these tests cannot pass without
them.
"""

from __future__ import annotations

import hashlib
import json
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from bundle_tools import decrypt, encrypt_to, join, manifest_of, resign, split
from conftest import Pair, attach, make_pair, synth_cases
from sqlalchemy import func, select

from desktop.errors import IntegrityError
from desktop.store.models import Case, SyncBundle, SyncConflict, SyncMergeState
from desktop.sync import service
from desktop.sync.identity import load_identity
from desktop.vault.vaultfile import canonical_json

CASES = 10
BATCH = 3


@pytest.fixture
def batches(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """A batch of BATCH records; returns the sizes of the batches merged (a spy)."""
    monkeypatch.setattr(service, "_MERGE_BATCH", BATCH)
    merged: list[int] = []
    real = service._StreamingMerge._flush

    def flush(self: Any) -> None:
        if self._pending:
            merged.append(len(self._pending))
        real(self)

    monkeypatch.setattr(service._StreamingMerge, "_flush", flush)
    return merged


@pytest.fixture
def world(tmp_path: Path, hq_backend: Any) -> Iterator[tuple[Pair, Path, list[dict[str, Any]]]]:
    pair = make_pair(tmp_path, hq_backend.db_url)
    docs = synth_cases(CASES, seed=23)
    pair.field.store.cases.save(docs)
    attach(pair.field, docs[-1]["id"], "видео.mp4", b"\x00\x01\x02" * 70_000)
    bundle = pair.export()
    yield pair, bundle, docs
    pair.field.lock()
    pair.hq.lock()


def hq_state(pair: Pair) -> tuple[int, int, int, int, list[str]]:
    with pair.hq.store.engine.connect() as conn:

        def count(model: Any) -> int:
            return int(conn.execute(select(func.count()).select_from(model)).scalar() or 0)

        counts = (count(Case), count(SyncBundle), count(SyncMergeState), count(SyncConflict))
    blob_dir = pair.hq.unlocked.blob_dir
    blobs = sorted(p.name for p in blob_dir.iterdir()) if blob_dir.exists() else []
    return (*counts, blobs)


def test_a_bundle_of_several_batches_merges_whole(world: Any, batches: list[int]) -> None:
    pair, bundle, docs = world
    (result,) = pair.import_(bundle)
    assert batches == [3, 3, 3, 1]  # really merged in batches
    assert (result.created, result.updated, result.conflicts, result.attachments) == (
        CASES,
        0,
        0,
        1,
    )
    assert sorted(result.case_ids) == sorted(d["id"] for d in docs)
    cases, bundles, states, conflicts, blobs = hq_state(pair)
    assert (cases, bundles, states, conflicts, len(blobs)) == (CASES, 1, CASES, 0, 1)
    for doc in docs:
        assert pair.hq.store.cases.get(doc["id"])["reference"] == doc["reference"]
    # Idempotent: the same bundle again changes nothing.
    (again,) = pair.import_(bundle)
    assert again.already and hq_state(pair) == (cases, bundles, states, conflicts, blobs)


def _refused(pair: Pair, path: Path, match: str, merged: list[int], at_least: int) -> None:
    before = hq_state(pair)
    with pytest.raises(IntegrityError, match=match):
        service.import_bundle(pair.hq, path)
    assert sum(merged) >= at_least  # batches were merged (uncommitted) before the refusal
    assert hq_state(pair) == before  # ... and rolled back: nothing stays, no blob either
    merged.clear()


def test_a_tampered_record_late_in_the_stream_commits_nothing(
    world: Any, batches: list[int], tmp_path: Path
) -> None:
    pair, bundle, _docs = world
    frames = split(decrypt(pair.hq, bundle))
    last = max(i for i, f in enumerate(frames) if f[0] == b"R")
    key = load_identity(pair.field)

    # 1. A byte of the last record changed: its SHA-256 no longer matches the manifest.
    flipped = list(frames)
    payload = bytearray(flipped[last][1])
    payload[len(payload) // 2] ^= 0x01
    flipped[last] = (b"R", bytes(payload))
    path = encrypt_to(pair.hq, join(flipped), tmp_path / "flip.tdb")
    _refused(pair, path, f"record {CASES - 1} does not match the hash", batches, 9)

    # 2. The sender re-signed a manifest whose last record claims another content hash.
    record = json.loads(frames[last][1])
    record["content_hash"] = "0" * 64
    raw = canonical_json(record)
    manifest = manifest_of(frames)
    manifest["records"][CASES - 1].update(sha256=hashlib.sha256(raw).hexdigest(), size=len(raw))
    forged = resign(frames, manifest, key)
    forged[last] = (b"R", raw)
    path = encrypt_to(pair.hq, join(forged), tmp_path / "signed.tdb")
    _refused(pair, path, f"record {CASES - 1} does not match its manifest entry", batches, 9)

    # 3. The attachment (after every record) changed: all records were merged by then.
    bad_att = list(frames)
    a = next(i for i, f in enumerate(frames) if f[0] == b"A")
    data = bytearray(bad_att[a][1])
    data[0] ^= 0xFF
    bad_att[a] = (b"A", bytes(data))
    path = encrypt_to(pair.hq, join(bad_att), tmp_path / "att.tdb")
    _refused(pair, path, "attachment does not match the hash", batches, 9)

    # 4. The plaintext cut just before its end marker.
    path = encrypt_to(pair.hq, join(frames[:-1], pad=False), tmp_path / "cut.tdb")
    _refused(pair, path, "truncated", batches, 9)

    # The writer's transaction and lock were released: the genuine bundle imports whole.
    (result,) = pair.import_(bundle)
    assert result.created == CASES and hq_state(pair)[:2] == (CASES, 1)


def test_a_cancel_after_some_batches_commits_nothing(world: Any, batches: list[int]) -> None:
    pair, bundle, _docs = world
    before = hq_state(pair)

    def cancel() -> bool:
        return sum(batches) >= 6  # once two batches are in the transaction

    with pytest.raises(service.Cancelled):
        service.import_bundle(pair.hq, bundle, cancel=cancel)
    assert sum(batches) >= 6 and hq_state(pair) == before
    (result,) = pair.import_(bundle)
    assert result.created == CASES


def test_conflict_keeps_the_blob_of_an_attachment_that_arrives_after_the_records(
    tmp_path: Path, hq_backend: Any, batches: list[int]
) -> None:
    """The conflict's field version names its attachments' blobs, which the bundle only
    delivers after all records: they are filled in before the commit and kept (HQ's edit is
    newer, so only the conflict needs the blob until it is resolved for the field)."""
    pair = make_pair(tmp_path, hq_backend.db_url)
    try:
        docs = synth_cases(CASES, seed=29)
        pair.field.store.cases.save(docs)
        pair.import_(pair.export())
        cid = docs[4]["id"]
        meta = attach(pair.field, cid, "护照.png", b"\x89PNG" + b"z" * 90_000)
        in_field = pair.field.store.cases.get(cid)
        in_field["notes"] = "field edit"
        pair.field.store.cases.save([in_field])
        time.sleep(1.1)  # timestamps have one-second resolution: the HQ edit is newer
        at_hq = pair.hq.store.cases.get(cid)
        at_hq["notes"] = "HQ edit"
        pair.hq.store.cases.save([at_hq])
        batches.clear()

        (result,) = pair.import_(pair.export())
        (conflict,) = service.conflicts(pair.hq)
        assert result.conflicts == 1 and conflict.shown == "hq" and batches == [1]
        assert pair.hq.store.cases.get(cid)["notes"] == "HQ edit"
        with pair.hq.store.engine.connect() as conn:
            field_doc = conn.execute(select(SyncConflict.field_doc)).scalar_one()
        blob = field_doc["blobs"][meta["id"]]
        assert blob in {p.name for p in pair.hq.unlocked.blob_dir.iterdir()}
        assert service.resolve(pair.hq, cid, "field") == 1
        hq_doc = pair.hq.store.cases.get(cid)
        assert hq_doc["notes"] == "field edit"
        (att,) = [a for a in hq_doc["attachments"] if a["id"] == meta["id"]]
        blobs = service._blobs(pair.hq)
        assert hashlib.sha256(blobs.read_bytes(blob)).hexdigest() == meta["sha256"]
        assert att["sha256"] == meta["sha256"]
    finally:
        pair.field.lock()
        pair.hq.lock()
