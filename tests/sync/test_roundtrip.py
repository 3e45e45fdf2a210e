"""Field → HQ round trip and merge rules, on SQLCipher and on PostgreSQL (hq_backend).

Why: the bundle is the only way testimonies reach HQ; a field that changes on the way (a
name's script, a date, an attachment's bytes) would corrupt the record HQ submits to the UN.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path
from typing import Any

from conftest import ATTACHMENT_NAMES, Pair, attach, synth_cases

from desktop.sync import service
from desktop.vault.blobs import BlobStore


def hq_docs(pair: Pair, ids: list[str]) -> dict[str, dict[str, Any]]:
    return {d["id"]: d for d in pair.hq.store.cases.documents(ids)}


def test_round_trip_every_field_and_attachment(backend_pair: Pair) -> None:
    pair = backend_pair
    docs = synth_cases(12, seed=5)
    pair.field.store.cases.save(docs)
    ids = [d["id"] for d in docs]
    payloads = {}
    for i, name in enumerate(ATTACHMENT_NAMES):
        data = os.urandom(70_000 * (i + 1))
        meta = attach(pair.field, ids[i], name, data)
        payloads[meta["id"]] = data
    scripts = {n["script"] for d in docs for p in d["persons"] for n in p["names"]}
    assert {"Cyrl", "Hans", "Arab"} <= scripts

    path = pair.export()
    assert path.name.endswith("-000001.tdb")
    (result,) = pair.import_(path)
    assert (result.created, result.conflicts, result.attachments) == (12, 0, 4)

    field_docs = {d["id"]: d for d in pair.field.store.cases.documents(ids)}
    assert hq_docs(pair, ids) == field_docs

    blobs = BlobStore(pair.hq.unlocked.blob_dir, pair.hq.unlocked.blob_key)
    from sqlalchemy import select

    from desktop.store.models import Attachment

    with pair.hq.store.engine.connect() as conn:
        rows = conn.execute(select(Attachment.id, Attachment.sha256, Attachment.blob_name)).all()
    assert len(rows) == 4
    for att_id, sha, blob in rows:
        data = blobs.read_bytes(blob)
        assert data == payloads[att_id]
        assert hashlib.sha256(data).hexdigest() == sha


def test_incremental_export_and_consent(pair: Pair) -> None:
    docs = synth_cases(6, seed=9)
    docs[0]["testimonies"] = docs[0]["testimonies"] or []
    forbidden = docs[1]
    if not forbidden["testimonies"]:
        forbidden["testimonies"] = [
            {
                "by": forbidden["persons"][0]["key"],
                "sources": [],
                "narrative": "",
                "consent": {
                    "record": True,
                    "share_with_hq": False,
                    "use_in_appeals": False,
                    "publish": "no",
                },
            }
        ]
    for t in forbidden["testimonies"]:
        t["consent"]["share_with_hq"] = False
    pair.field.store.cases.save(docs)
    first = service.export_bundle(pair.field, pair.out)
    assert (first.cases, first.excluded) == (5, 1)
    again = service.export_bundle(pair.field, pair.out)
    assert again.path is None and again.cases == 0

    changed = pair.field.store.cases.get(docs[2]["id"])
    changed["notes"] = "follow-up call"
    pair.field.store.cases.save([changed])
    second = service.export_bundle(pair.field, pair.out)
    assert (second.sequence, second.cases) == (2, 1)
    assert first.path is not None and second.path is not None
    pair.import_(second.path, first.path)  # out of order: the newer revision wins
    got = pair.hq.store.cases.get(docs[2]["id"])
    assert got["notes"] == "follow-up call"
    assert pair.hq.store.cases.count() == 5


def test_conflict_kept_and_resolved(backend_pair: Pair) -> None:
    pair = backend_pair
    docs = synth_cases(2, seed=3)
    pair.field.store.cases.save(docs)
    pair.import_(pair.export())
    cid = docs[0]["id"]

    at_hq = pair.hq.store.cases.get(cid)
    at_hq["notes"] = "HQ: confirmed by a second relative"
    pair.hq.store.cases.save([at_hq])
    in_field = pair.field.store.cases.get(cid)
    in_field["notes"] = "field: moved to another facility"
    in_field["status"] = "sentenced" if in_field["status"] != "sentenced" else "released"
    pair.field.store.cases.save([in_field])

    (result,) = pair.import_(pair.export())
    assert result.conflicts == 1
    (conflict,) = service.conflicts(pair.hq)
    assert conflict.case_id == cid
    shown = pair.hq.store.cases.get(cid)["notes"]
    assert shown in {at_hq["notes"], in_field["notes"]}

    from sqlalchemy import select

    from desktop.store.models import SyncConflict

    with pair.hq.store.engine.connect() as conn:
        row = conn.execute(select(SyncConflict.hq_doc, SyncConflict.field_doc)).one()
    assert row[0]["case"]["notes"] == at_hq["notes"]  # nothing lost: both versions kept
    assert row[1]["case"]["notes"] == in_field["notes"]

    assert service.resolve(pair.hq, conflict.reference, "field") == 1
    assert service.conflicts(pair.hq) == []
    assert pair.hq.store.cases.get(cid)["notes"] == in_field["notes"]

    # After resolving for the field, the next field change merges without a conflict.
    in_field = pair.field.store.cases.get(cid)
    in_field["notes"] = "field: released on bail"
    pair.field.store.cases.save([in_field])
    (result,) = pair.import_(pair.export())
    assert result.conflicts == 0
    assert pair.hq.store.cases.get(cid)["notes"] == "field: released on bail"


def test_acknowledgement_marks_cases_received(pair: Pair) -> None:
    docs = synth_cases(3, seed=4)
    pair.field.store.cases.save(docs)
    pair.import_(pair.export())
    ack = pair.folder / "ack.tda"
    assert service.write_ack(pair.hq, service.whoami(pair.field), ack) == [1]
    seqs, marked = service.import_ack(pair.field, ack)
    assert (seqs, marked) == ([1], 3)
    assert service.received_by_hq(pair.field) == {d["id"] for d in docs}
    edited = pair.field.store.cases.get(docs[0]["id"])
    edited["notes"] = "changed after HQ got it"
    pair.field.store.cases.save([edited])
    assert docs[0]["id"] not in service.received_by_hq(pair.field)


def test_identity_created_lazily_for_older_vaults(pair: Pair) -> None:
    from desktop.sync.identity import IDENTITY_KEY

    before = service.whoami(pair.field)
    pair.field.store.set_setting(IDENTITY_KEY, None)
    after = service.whoami(pair.field)
    assert after != before and len(after.replace(" ", "")) == 32
    assert service.whoami(pair.field) == after


def test_hq_key_rotation_keeps_old_bundles_readable(pair: Pair) -> None:
    import pyrage

    from desktop.sync.identity import load_identity

    docs = synth_cases(2, seed=14)
    pair.field.store.cases.save(docs[:1])
    old_bundle = pair.export()
    fp_before = service.whoami(pair.hq)
    key = service.write_hq_key(pair.hq, pair.folder / "hq-key-2.json", rotate=True)
    assert service.whoami(pair.hq) == fp_before  # the fingerprint survives rotation
    service.enroll(pair.field, service.read_hq_key(pair.folder / "hq-key-2.json"))
    pair.field.store.cases.save(docs[1:])
    new_bundle = pair.export()
    # The new bundle is for the new key only; the old key cannot open it.
    old_identity = load_identity(pair.hq).age_identities()[1]
    try:
        pyrage.decrypt(new_bundle.read_bytes(), [old_identity])
        opened_with_old_key = True
    except pyrage.DecryptError:
        opened_with_old_key = False
    assert not opened_with_old_key and len(key.recipients) == 1
    results = pair.import_(new_bundle, old_bundle)
    assert [r.created for r in results] == [1, 1]


def test_export_refuses_the_vault_folder_and_needs_an_enrolled_hq(tmp_path: Path) -> None:
    import pytest

    from desktop.app import create_vault
    from desktop.errors import UsageError

    field, _ = create_vault(tmp_path / "f", "correct horse battery staple")
    with pytest.raises(UsageError, match="enroll"):
        service.export_bundle(field, tmp_path / "out")
    with pytest.raises(UsageError, match="inside the vault"):
        service.export_bundle(field, tmp_path / "f" / "blobs")
    with pytest.raises(UsageError, match="HQ vault"):
        service.import_bundles(field, [tmp_path])
    field.lock()


def test_conflict_hq_newer_is_shown_and_keep_hq(pair: Pair) -> None:
    import time

    docs = synth_cases(1, seed=6)
    pair.field.store.cases.save(docs)
    pair.import_(pair.export())
    cid = docs[0]["id"]
    in_field = pair.field.store.cases.get(cid)
    in_field["notes"] = "field edit first"
    pair.field.store.cases.save([in_field])
    time.sleep(1.1)  # timestamps have one-second resolution
    at_hq = pair.hq.store.cases.get(cid)
    at_hq["notes"] = "HQ edit later"
    pair.hq.store.cases.save([at_hq])

    (result,) = pair.import_(pair.export())
    (conflict,) = service.conflicts(pair.hq)
    assert result.conflicts == 1 and conflict.shown == "hq"
    assert pair.hq.store.cases.get(cid)["notes"] == "HQ edit later"
    assert service.resolve(pair.hq, cid, "hq") == 1
    assert pair.hq.store.cases.get(cid)["notes"] == "HQ edit later"
    assert service.conflicts(pair.hq) == []
