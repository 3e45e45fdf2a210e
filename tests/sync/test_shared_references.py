"""Two field devices that number their cases alike: HQ takes both, under device suffixes.

Why: every field vault numbers its own cases offline (``TD-2026-0001`` on every new laptop)
and a reference is unique at HQ too. HQ used to refuse the second device's bundle whole
("reference … already belongs to another case"), again at every retry. Now every field case
claiming a shared reference is shown at HQ with its device's suffix
(``desktop.sync.references``) — the same result whatever order the bundles arrive in, later
bundles of each device land on the same case without a false conflict, and a case created
at HQ keeps its own reference.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from conftest import PASSPHRASE, Pair, synth_cases
from sqlalchemy import select

from desktop.app import Session
from desktop.errors import TestimonyDeskError as TDError
from desktop.interchange.case_json import dump_cases
from desktop.store.database import open_store
from desktop.store.models import SyncMergeState
from desktop.sync import service
from desktop.vault.vault import UnlockedVault, Vault


def unnumbered(n: int, seed: int) -> list[dict[str, Any]]:
    """Synthetic cases without a reference: the vault numbers them (TD-YYYY-0001, …)."""
    docs = synth_cases(n, seed=seed)
    for doc in docs:
        doc.pop("reference", None)
    return docs


def second_field(pair: Pair, folder: Path) -> Any:
    from desktop.app import create_vault

    field_b, _ = create_vault(folder / "field-b", PASSPHRASE)
    service.enroll(field_b, service.read_hq_key(pair.folder / "hq-key.json"))
    service.approve(pair.hq, service.whoami(field_b))
    return field_b


def refs(session: Any) -> dict[str, str]:
    """case id -> reference, as the vault shows it."""
    return {d["id"]: d["reference"] for d in session.store.cases.documents()}


def _fp(session: Any) -> str:
    return service.whoami(session).strip().splitlines()[-1].replace(" ", "")


def first_case(session: Any) -> str:
    """The id of the session's lowest-numbered case (TD-YYYY-0001)."""
    return sorted(refs(session).items(), key=lambda kv: kv[1])[0][0]


def edit_and_export(session: Any, case_id: str, notes: str, out: Path) -> Path:
    """A later revision of one case, in the device's next bundle."""
    doc = session.store.cases.get(case_id)
    doc["notes"] = notes
    session.store.cases.save([doc])
    later = service.export_bundle(session, out).path
    assert later is not None
    return later


def without_reference(doc: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in doc.items() if k not in ("reference", "created", "updated")}


@pytest.fixture
def world(backend_pair: Pair, tmp_path: Path) -> Any:
    """Device A numbered 2 cases, device B 3: both have TD-YYYY-0001 and -0002."""
    a, b = backend_pair.field, second_field(backend_pair, tmp_path)
    a.store.cases.save(unnumbered(2, seed=31))
    b.store.cases.save(unnumbered(3, seed=32))
    assert sorted(refs(a).values()) == sorted(refs(b).values())[:2]
    bundle_a = service.export_bundle(a, tmp_path / "usb-a").path
    bundle_b = service.export_bundle(b, tmp_path / "usb-b").path
    assert bundle_a is not None and bundle_b is not None
    yield backend_pair, a, b, bundle_a, bundle_b
    b.lock()


def test_both_devices_cases_arrive_under_their_device_suffix(world: Any) -> None:
    pair, a, b, bundle_a, bundle_b = world
    (first,) = service.import_bundles(pair.hq, [bundle_a])
    assert first.created == 2 and first.suffixed == []
    (second,) = service.import_bundles(pair.hq, [bundle_b])
    assert second.created == 3 and second.conflicts == 0
    # Two of B's cases and the two of A's they share a number with.
    assert len(second.suffixed) == 4

    at_hq = refs(pair.hq)
    assert len(at_hq) == 5 and len(set(at_hq.values())) == 5
    for session in (a, b):
        suffix = "-" + _fp(session)[:4]
        for cid, ref in refs(session).items():
            shared = ref in refs(a).values() and ref in refs(b).values()
            assert at_hq[cid] == (ref + suffix if shared else ref)
            # Everything but the reference arrived as the field has it.
            assert without_reference(pair.hq.store.cases.get(cid)) == without_reference(
                session.store.cases.get(cid)
            )
    assert service.conflicts(pair.hq) == []
    with pair.hq.store.engine.connect() as conn:
        kept = dict(
            conn.execute(
                select(SyncMergeState.case_id, SyncMergeState.field_reference).where(
                    SyncMergeState.field_reference.is_not(None)
                )
            ).all()
        )
    assert len(kept) == 4 and all(at_hq[cid].startswith(ref + "-") for cid, ref in kept.items())
    assert pair.hq.store.cases.verify_history().ok  # the renames are in the history chain


def test_later_bundles_land_on_the_suffixed_case_without_a_conflict(world: Any) -> None:
    pair, a, b, bundle_a, bundle_b = world
    service.import_bundles(pair.hq, [bundle_a, bundle_b])
    before = refs(pair.hq)
    cid = first_case(a)
    notes = "second interview: transferred to another facility"
    later = edit_and_export(a, cid, notes, pair.folder / "usb-a2")
    (result,) = service.import_bundles(pair.hq, [later])
    assert (result.updated, result.conflicts, result.suffixed) == (1, 0, [])
    assert refs(pair.hq) == before
    assert pair.hq.store.cases.get(cid)["notes"] == notes
    # Found at HQ by its field reference only when one device uses it (B has 0001 too).
    third = sorted(refs(b).items(), key=lambda kv: kv[1])[2]
    assert pair.hq.store.cases.resolve(third[1]) == third[0]  # B's 0003: not suffixed
    with pytest.raises(TDError, match="is used by 2 devices"):
        pair.hq.store.cases.resolve(refs(a)[cid])


def test_a_case_created_at_hq_keeps_its_reference(world: Any) -> None:
    pair, a, _b, bundle_a, _bundle_b = world
    (own,) = unnumbered(1, seed=33)
    pair.hq.store.cases.save([own])
    hq_ref = refs(pair.hq)[own["id"]]
    assert hq_ref in refs(a).values()
    (result,) = service.import_bundles(pair.hq, [bundle_a])
    assert result.created == 2
    at_hq = refs(pair.hq)
    assert at_hq[own["id"]] == hq_ref
    suffix = "-" + _fp(a)[:4]
    assert result.suffixed == [(hq_ref, hq_ref + suffix)]
    assert {at_hq[cid] for cid in refs(a)} == {
        r + suffix if r == hq_ref else r for r in refs(a).values()
    }


def test_resolving_an_older_conflict_keeps_the_suffix(world: Any) -> None:
    """A conflict recorded before the rename holds the old reference in both snapshots;
    keeping either must not take back a reference another device's case now claims."""
    pair, a, _b, bundle_a, bundle_b = world
    service.import_bundles(pair.hq, [bundle_a])
    cid = first_case(a)
    ref = refs(a)[cid]
    at_hq = pair.hq.store.cases.get(cid)
    at_hq["notes"] = "HQ: verified with the family"
    pair.hq.store.cases.save([at_hq])
    later = edit_and_export(a, cid, "field: new testimony", pair.folder / "usb-a2")
    (conflicting,) = service.import_bundles(pair.hq, [later])
    assert conflicting.conflicts == 1
    service.import_bundles(pair.hq, [bundle_b])  # B's TD-…-0001 arrives: A's is renamed
    suffixed = ref + "-" + _fp(a)[:4]
    assert refs(pair.hq)[cid] == suffixed
    for keep in ("hq", "field"):
        if service.conflicts(pair.hq):
            service.resolve(pair.hq, suffixed, keep)
        assert refs(pair.hq)[cid] == suffixed
        assert len(set(refs(pair.hq).values())) == 5
    assert service.conflicts(pair.hq) == []


def _fresh_copy(hq: Session, snapshot: Path, folder: Path) -> Session:
    shutil.copytree(snapshot, folder)
    unlocked = UnlockedVault(
        folder, hq.unlocked.vault_id, hq.unlocked.kind, bytearray(hq.unlocked._key())
    )
    return Session(Vault(folder), unlocked, open_store(unlocked, check=False))


def test_the_result_does_not_depend_on_the_order_of_arrival(pair: Pair, tmp_path: Path) -> None:
    a, b = pair.field, second_field(pair, tmp_path)
    a.store.cases.save(unnumbered(2, seed=31))
    b.store.cases.save(unnumbered(3, seed=32))
    bundle_a = service.export_bundle(a, tmp_path / "usb-a").path
    bundle_b = service.export_bundle(b, tmp_path / "usb-b").path
    assert bundle_a is not None and bundle_b is not None
    snapshot = tmp_path / "hq-empty"
    pair.hq.store.close()
    shutil.copytree(pair.hq.vault.folder, snapshot)
    pair.hq.store = open_store(pair.hq.unlocked)

    def state(order: list[Path], name: str) -> Any:
        hq = _fresh_copy(pair.hq, snapshot, tmp_path / name)
        try:
            service.import_bundles(hq, order)
            docs = sorted(hq.store.cases.documents(), key=lambda d: d["id"])
            return [(d["id"], d["reference"], d) for d in docs]
        finally:
            hq.lock()

    ab = state([bundle_a, bundle_b], "hq-ab")
    ba = state([bundle_b, bundle_a], "hq-ba")
    assert ab == ba and len({r for _, r, _ in ab}) == 5
    b.lock()


def test_the_cli_imports_both_and_says_what_it_renamed(
    tmp_path: Path, passphrase_file: Path, cli: Any
) -> None:
    """The reported bug, end to end: the second device's bundle was refused with exit 4."""
    hq = type(cli)(tmp_path / "hq", passphrase_file)
    assert hq("init", "--hq", "--name", "Synthetic HQ").code == 0
    key = tmp_path / "hq-key.json"
    assert hq("sync", "hq-key", "--out", str(key)).code == 0
    bundles, tags = [], []
    for name, seed in (("field-a", 41), ("field-b", 42)):
        field = type(cli)(tmp_path / name, passphrase_file)
        assert field("init").code == 0
        assert field("sync", "enroll", str(key), "--yes").code == 0
        fingerprint = field("sync", "whoami").out.strip().splitlines()[-1]
        assert hq("sync", "devices", "--approve", fingerprint).code == 0
        tags.append(fingerprint.replace(" ", "")[:4])
        cases = tmp_path / f"{name}.json"
        cases.write_bytes(dump_cases(unnumbered(1, seed=seed), "json"))
        assert field("import", str(cases)).code == 0
        r = field("sync", "export", "--out", str(tmp_path / "usb"))
        assert r.code == 0, r.err
        bundles.append(r.out.strip().splitlines()[-1])
    r = hq("sync", "import", *bundles)
    assert r.code == 0, r.err
    assert "2 references also used by another device" in r.out, r.out
    listed = json.loads(hq("list", "--json").out)
    year_ref = listed[0]["reference"].rsplit("-", 1)[0]
    suffixed = sorted(f"{year_ref}-{t}" for t in tags)
    assert sorted(c["reference"] for c in listed) == suffixed
    # The field's reference (what a letter from the field quotes) names both at HQ.
    r = hq("show", year_ref)
    assert r.code != 0 and r.err.startswith("error:")
    assert f"{year_ref} is used by 2 devices; HQ shows their cases as " in r.err
    assert all(s in r.err for s in suffixed)
    assert hq("show", suffixed[0]).code == 0
