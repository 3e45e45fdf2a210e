"""Hypothesis stateful test: bundles imported in any order, with duplicates, converge.

Why: bundles travel on USB sticks and synced folders; they arrive late, twice, or out of
order. Whatever the order, HQ must end in the same state as if they had arrived once and
in sequence — same case documents, same attachments, same bundles recorded, no conflicts
(nobody edited at HQ here).

Each example needs an empty HQ: instead of a new vault (an Argon2 unlock each), a snapshot
of the empty, approved HQ database is copied and opened with the same unlocked keys.
"""

from __future__ import annotations

import hashlib
import shutil
import uuid
from pathlib import Path
from typing import Any

import pytest
from conftest import attach, make_pair, synth_cases
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, precondition, rule
from sqlalchemy import select

from desktop.app import Session
from desktop.errors import TestimonyDeskError as TDError
from desktop.store.database import open_store
from desktop.store.models import Attachment, SyncBundle, SyncConflict
from desktop.sync import service
from desktop.vault.blobs import BlobStore
from desktop.vault.vault import UnlockedVault, Vault

PASSPHRASE = "correct horse battery staple"  # noqa: S105 - synthetic test vault


def edit(session: Any, case_id: str, note: str) -> None:
    doc = session.store.cases.get(case_id)
    doc["notes"] = note
    session.store.cases.save([doc])


def build_world(folder: Path) -> dict[str, Any]:
    """Two field devices, six bundles that overlap in cases and revisions (and in one
    reference, which each device gave to a case of its own)."""
    from desktop.app import create_vault

    pair = make_pair(folder)
    docs = synth_cases(7, seed=77)
    a, b = docs[:5], docs[5:]
    field_a = pair.field
    field_b, _ = create_vault(folder / "field-b", PASSPHRASE)
    service.enroll(field_b, service.read_hq_key(folder / "hq-key.json"))
    service.approve(pair.hq, service.whoami(field_b))

    bundles = []
    out = folder / "bundles"

    def export(session: Any) -> None:
        result = service.export_bundle(session, out)
        assert result.path is not None
        bundles.append(result.path)

    field_a.store.cases.save(a[:4])
    attach(field_a, a[0]["id"], "паспорт.jpg", b"A" * 70_000)
    export(field_a)  # 1: c0..c3
    edit(field_a, a[0]["id"], "second interview")
    edit(field_a, a[1]["id"], "transferred")
    export(field_a)  # 2: c0, c1
    edit(field_a, a[1]["id"], "sentenced in absentia")
    field_a.store.cases.save([a[4]])
    export(field_a)  # 3: c1, c4
    attach(field_a, a[2]["id"], "ئەركىن.pdf", b"B" * 1000)
    export(field_a)  # 4: c2 (+ its new attachment)
    # Device B numbered a case of its own like A's c1 (both vaults number offline): HQ
    # shows both with their device's suffix, whichever bundle comes first.
    (clash,) = synth_cases(1, seed=78)
    clash["reference"] = a[1]["reference"]
    docs.append(clash)
    field_b.store.cases.save([*b, clash])
    export(field_b)  # 5: d0, d1, d2 (same reference as c1)
    edit(field_b, b[0]["id"], "released")
    export(field_b)  # 6: d0
    field_b.lock()

    hq = pair.hq
    snapshot = folder / "hq-empty"
    hq.store.close()
    shutil.copytree(hq.vault.folder, snapshot)
    hq.store = open_store(hq.unlocked)
    return {"pair": pair, "bundles": bundles, "snapshot": snapshot, "ids": [d["id"] for d in docs]}


def fresh_hq(world: dict[str, Any], folder: Path) -> Session:
    shutil.copytree(world["snapshot"], folder)
    hq = world["pair"].hq
    unlocked = UnlockedVault(
        folder, hq.unlocked.vault_id, hq.unlocked.kind, bytearray(hq.unlocked._key())
    )
    return Session(Vault(folder), unlocked, open_store(unlocked, check=False))


def hq_state(session: Session) -> Any:
    docs = sorted(session.store.cases.documents(), key=lambda d: d["id"])
    blobs = BlobStore(session.unlocked.blob_dir, session.unlocked.blob_key)
    with session.store.engine.connect() as conn:
        seen = sorted(
            tuple(r) for r in conn.execute(select(SyncBundle.device, SyncBundle.sequence))
        )
        conflicts = conn.execute(select(SyncConflict.id)).all()
        atts = sorted(
            (r[0], hashlib.sha256(blobs.read_bytes(r[1])).hexdigest() if r[1] else None)
            for r in conn.execute(select(Attachment.id, Attachment.blob_name))
        )
    return docs, seen, len(conflicts), atts


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Any:
    w = build_world(tmp_path_factory.mktemp("stateful"))
    reference = fresh_hq(w, tmp_path_factory.mktemp("ref") / "hq")
    service.import_bundles(reference, w["bundles"])
    w["expected"] = hq_state(reference)
    reference.lock()
    docs = w["expected"][0]
    assert len(docs) == 8 and len(w["expected"][1]) == 6
    assert len({d["reference"] for d in docs}) == 8
    assert sum(d["reference"].count("-") == 3 for d in docs) == 2  # the two suffixed
    yield w
    w["pair"].field.lock()
    w["pair"].hq.lock()


class ImportAnyOrder(RuleBasedStateMachine):
    world: dict[str, Any]
    base: Path

    @initialize()
    def start(self) -> None:
        self.hq = fresh_hq(self.world, self.base / str(uuid.uuid4()))
        self.imported: set[int] = set()

    @rule(index=st.integers(0, 5))
    def import_one(self, index: int) -> None:
        (result,) = service.import_bundles(self.hq, [self.world["bundles"][index]])
        assert result.already == (index in self.imported)
        self.imported.add(index)

    @rule(index=st.integers(0, 5))
    @precondition(lambda self: bool(self.imported))
    def import_again(self, index: int) -> None:
        index = sorted(self.imported)[index % len(self.imported)]
        (result,) = service.import_bundles(self.hq, [self.world["bundles"][index]])
        assert result.already

    @invariant()
    def never_a_conflict(self) -> None:
        if hasattr(self, "hq"):
            assert service.conflicts(self.hq) == []

    def teardown(self) -> None:
        if not hasattr(self, "hq"):
            return
        try:
            for i, path in enumerate(self.world["bundles"]):
                if i not in self.imported:
                    service.import_bundles(self.hq, [path])
            assert hq_state(self.hq) == self.world["expected"]
        except TDError as exc:  # pragma: no cover - shows the message on failure
            raise AssertionError(str(exc)) from exc
        finally:
            self.hq.lock()


def test_any_order_with_duplicates_converges(world: Any, tmp_path: Path) -> None:
    ImportAnyOrder.world = world
    ImportAnyOrder.base = tmp_path
    run = ImportAnyOrder.TestCase
    run.settings = settings(
        max_examples=30,
        stateful_step_count=12,
        deadline=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    )
    run().runTest()
