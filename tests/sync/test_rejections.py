"""Every way a bundle is refused, with its exit code and message (issue 5).

Why: HQ must know who sent a bundle and that nobody changed it; every refusal must be a
calm typed error (exit 5 for trust/integrity, 4 for an invalid case record) that names the
problem, and must leave the HQ store exactly as it was.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

import pytest
from bundle_tools import decrypt, encrypt_to, join, manifest_of, resign, split
from conftest import Pair, attach, make_pair, synth_cases
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.errors import IntegrityError, InvalidInputError
from desktop.errors import TestimonyDeskError as TDError
from desktop.sync import bundle as fmt
from desktop.sync import service
from desktop.sync.identity import Identity, grouped, load_identity
from desktop.vault.vaultfile import canonical_json


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Any:
    """One field/HQ pair and one genuine bundle, reused: every test works on copies."""
    folder = tmp_path_factory.mktemp("world")
    pair = make_pair(folder)
    docs = synth_cases(3, seed=11)
    pair.field.store.cases.save(docs)
    attach(pair.field, docs[0]["id"], "паспорт.jpg", b"\x89PNG" + b"x" * 100_000)
    bundle = pair.export()
    yield pair, bundle, docs
    pair.field.lock()
    pair.hq.lock()


def state(pair: Pair) -> tuple[int, int, list[str]]:
    from sqlalchemy import func, select

    from desktop.store.models import SyncBundle

    with pair.hq.store.engine.connect() as conn:
        bundles = int(conn.execute(select(func.count()).select_from(SyncBundle)).scalar() or 0)
    blobs = sorted(p.name for p in pair.hq.unlocked.blob_dir.iterdir())
    return pair.hq.store.cases.count(), bundles, blobs


def refuse(pair: Pair, path: Path, error: type[TDError], match: str) -> str:
    before = state(pair)
    with pytest.raises(error, match=match) as info:
        service.import_bundle(pair.hq, path)
    assert info.value.exit_code == (5 if error is IntegrityError else 4)
    assert state(pair) == before  # nothing written, no blob left behind
    return str(info.value)


def test_unknown_device_is_refused_with_its_fingerprint(tmp_path: Path, hq_backend: Any) -> None:
    pair = make_pair(tmp_path, hq_backend.db_url, approve=False)
    pair.field.store.cases.save(synth_cases(1, seed=2))
    path = pair.export()
    fp = service.whoami(pair.field)
    message = refuse(pair, path, IntegrityError, "is unknown")
    assert fp in message and "--approve" in message
    (pending,) = service.devices(pair.hq)
    assert (pending.fingerprint, pending.approved) == (fp, False)
    refuse(pair, path, IntegrityError, "not approved yet")
    service.approve(pair.hq, fp.lower().replace(" ", ""))  # spaces and case do not matter
    (result,) = pair.import_(path)
    assert result.created == 1


def test_forged_signature(world: Any, tmp_path: Path) -> None:
    pair, bundle, _ = world
    frames = split(decrypt(pair.hq, bundle))
    manifest = manifest_of(frames)
    forged = resign(frames, manifest, Identity.generate())  # claims the device's key
    path = encrypt_to(pair.hq, join(forged), tmp_path / "forged.tdb")
    refuse(pair, path, IntegrityError, "signature is invalid")


def test_bundle_for_another_hq(world: Any, tmp_path: Path) -> None:
    pair, _, _ = world
    other = make_pair(tmp_path)
    other.field.store.cases.save(synth_cases(1, seed=3))
    path = other.export()
    refuse(pair, path, IntegrityError, "not addressed to this HQ")
    # The other HQ's plaintext, re-encrypted to this HQ: the signed recipients do not match.
    inner = decrypt(other.hq, path)
    moved = encrypt_to(pair.hq, inner, tmp_path / "moved.tdb")
    service.approve(pair.hq, service.whoami(other.field))
    refuse(pair, moved, IntegrityError, "made for another HQ")
    other.field.lock()
    other.hq.lock()


def test_reencrypted_with_only_the_public_key(world: Any, tmp_path: Path) -> None:
    """Someone with HQ's public key (and a leaked plaintext) changes a record or the manifest."""
    pair, bundle, _ = world
    frames = split(decrypt(pair.hq, bundle))
    record = json.loads(frames[2][1])
    record["case"]["notes"] = "inserted by an attacker"
    changed = [*frames[:2], (b"R", canonical_json(record)), *frames[3:]]
    path = encrypt_to(pair.hq, join(changed), tmp_path / "changed.tdb")
    refuse(pair, path, IntegrityError, "does not match the hash in the manifest")

    manifest = manifest_of(frames)
    manifest["records"][0]["sha256"] = hashlib.sha256(canonical_json(record)).hexdigest()
    manifest["records"][0]["size"] = len(canonical_json(record))
    unsigned = [(b"M", canonical_json(manifest)), *changed[1:]]
    path = encrypt_to(pair.hq, join(unsigned), tmp_path / "manifest.tdb")
    refuse(pair, path, IntegrityError, "signature is invalid")


def test_manifest_hash_mismatch_even_when_signed(world: Any, tmp_path: Path) -> None:
    """A device signing a manifest that does not fit its records (bug or malice)."""
    pair, bundle, _ = world
    frames = split(decrypt(pair.hq, bundle))
    manifest = manifest_of(frames)
    manifest["records"][1]["sha256"] = "0" * 64
    key = load_identity(pair.field)
    path = encrypt_to(pair.hq, join(resign(frames, manifest, key)), tmp_path / "m.tdb")
    refuse(pair, path, IntegrityError, "record 1 does not match")
    manifest = manifest_of(frames)
    manifest["attachments"][0]["sha256"] = "1" * 64
    path = encrypt_to(pair.hq, join(resign(frames, manifest, key)), tmp_path / "a.tdb")
    refuse(pair, path, IntegrityError, "attachment does not match")


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(st.data())
def test_flipped_bytes_anywhere(world: Any, tmp_path: Path, data: st.DataObject) -> None:
    pair, bundle, _ = world
    raw = bytearray(bundle.read_bytes())
    pos = data.draw(st.integers(0, len(raw) - 1))
    raw[pos] ^= data.draw(st.integers(1, 255))
    path = tmp_path / f"flip-{pos}.tdb"
    path.write_bytes(bytes(raw))
    refuse(pair, path, IntegrityError, "damaged|not addressed|altered")


@pytest.mark.parametrize("keep", [0, 10, 200, 5_000, -16, -1])
def test_truncated_file(world: Any, tmp_path: Path, keep: int) -> None:
    pair, bundle, _ = world
    raw = bundle.read_bytes()
    path = tmp_path / "cut.tdb"
    path.write_bytes(raw[:keep])
    refuse(pair, path, IntegrityError, "damaged|truncated")


def test_truncated_plaintext_is_refused(world: Any, tmp_path: Path) -> None:
    """Cut inside the signed layer (re-encrypted properly): the end marker is missing."""
    pair, bundle, _ = world
    inner = join(split(decrypt(pair.hq, bundle)), pad=False)
    path = encrypt_to(pair.hq, inner[:-5], tmp_path / "short.tdb")
    refuse(pair, path, IntegrityError, "truncated")


def test_replay(tmp_path: Path, hq_backend: Any) -> None:
    pair = make_pair(tmp_path, hq_backend.db_url)
    docs = synth_cases(2, seed=21)
    pair.field.store.cases.save(docs)
    path = pair.export()
    pair.import_(path)
    (again,) = pair.import_(path)  # same bundle: nothing changes, exit 0
    assert again.already
    # Same device and sequence, different content (signed by the real device key).
    frames = split(decrypt(pair.hq, path))
    manifest = manifest_of(frames)
    manifest["bundle_id"] = "00000000-0000-4000-8000-000000000000"
    key = load_identity(pair.field)
    replay = encrypt_to(pair.hq, join(resign(frames, manifest, key)), tmp_path / "r.tdb")
    message = refuse(pair, replay, IntegrityError, "replay")
    assert grouped(key.fingerprint) in message


def _signed(pair: Pair, manifest: dict[str, Any], rest: list[tuple[bytes, bytes]]) -> bytes:
    raw = canonical_json(manifest)
    key = load_identity(pair.field)
    return join([(b"M", raw), (b"S", key.sign(fmt.SIGN_CONTEXT + raw)), *rest])


def test_oversize_and_bomb_like_content(world: Any, tmp_path: Path) -> None:
    pair, bundle, _ = world
    frames = split(decrypt(pair.hq, bundle))
    manifest = manifest_of(frames)
    inner = join(frames)

    def run(data: bytes, limits: fmt.Limits, match: str) -> None:
        path = encrypt_to(pair.hq, data, tmp_path / "big.tdb")
        with pytest.raises(IntegrityError, match=match):
            service.import_bundle(pair.hq, path, limits=limits)

    run(inner, fmt.Limits(records=2), "more records than allowed")
    run(inner, fmt.Limits(records_total_bytes=1000), "records are larger than allowed")
    run(inner, fmt.Limits(attachment_bytes=1000), "larger than allowed")
    run(inner, fmt.Limits(total_bytes=50_000), "expanded size")
    run(inner, fmt.Limits(manifest_bytes=100), "larger than its manifest allows")
    # A frame that claims 4 GiB, and an attachment longer than its manifest says.
    huge = fmt.MAGIC + b"M" + (2**32 - 1).to_bytes(4, "big") + b"{"
    run(huge, fmt.Limits(), "larger than its manifest allows")
    a_frames = [f for f in frames if f[0] == b"A"]
    longer = [*frames[: -1 - len(a_frames)], *a_frames, (b"A", b"x" * 10), (b"E", b"")]
    run(join(longer), fmt.Limits(), "larger than its manifest allows|unexpected")
    # Data hidden in the padding.
    run(join(frames, pad=False) + b"\x00" * 100 + b"\x01", fmt.Limits(), "data after its end")
    assert manifest["records"]


def test_path_traversal_in_attachment_names(world: Any, tmp_path: Path) -> None:
    pair, bundle, _ = world
    frames = split(decrypt(pair.hq, bundle))
    manifest = manifest_of(frames)
    manifest["attachments"][0]["id"] = "../../vault.json"
    path = encrypt_to(pair.hq, _signed(pair, manifest, frames[2:]), tmp_path / "t1.tdb")
    refuse(pair, path, IntegrityError, "malformed")
    # A case record whose attachment file name climbs out: refused as invalid input (exit 4).
    manifest = manifest_of(frames)
    i = next(
        i for i, f in enumerate(frames) if f[0] == b"R" and json.loads(f[1])["case"]["attachments"]
    )
    record = json.loads(frames[i][1])
    record["case"]["attachments"][0]["filename"] = "../../../etc/passwd"
    raw = canonical_json(record)
    manifest["records"][i - 2].update(sha256=hashlib.sha256(raw).hexdigest(), size=len(raw))
    rest = [*frames[2:i], (b"R", raw), *frames[i + 1 :]]
    path = encrypt_to(pair.hq, _signed(pair, manifest, rest), tmp_path / "t2.tdb")
    message = refuse(pair, path, InvalidInputError, "directory")
    assert "t2.tdb" in message and f"record {i - 2}" in message


def test_not_a_bundle(world: Any, tmp_path: Path) -> None:
    pair, _, _ = world
    path = tmp_path / "notes.tdb"
    path.write_bytes(b"hello, this is not an age file")
    refuse(pair, path, IntegrityError, "damaged")
    path = encrypt_to(pair.hq, b"PK\x03\x04 a zip file, not a bundle", tmp_path / "zip.tdb")
    refuse(pair, path, IntegrityError, "not a Testimony Desk bundle")


def test_one_refused_bundle_does_not_hold_back_the_others(tmp_path: Path) -> None:
    from desktop.app import create_vault

    pair = make_pair(tmp_path)
    stranger, _ = create_vault(tmp_path / "stranger", "correct horse battery staple")
    service.enroll(stranger, service.read_hq_key(tmp_path / "hq-key.json"))
    stranger.store.cases.save(synth_cases(1, seed=41))
    service.export_bundle(stranger, pair.out)
    pair.field.store.cases.save(synth_cases(2, seed=42))
    good = pair.export()
    seen: list[tuple[str, int]] = []
    results = service.import_bundles(
        pair.hq, [pair.out], refused=lambda i, n, p, e: seen.append((p.name, e.exit_code))
    )
    assert [r.path for r in results] == [good] and results[0].created == 2
    assert len(seen) == 1 and seen[0][1] == 5
    stranger.lock()
    pair.field.lock()
    pair.hq.lock()
