"""The export's attachment re-check on a helper process (desktop/sync/recheck.py).

The helper hashes the attachments while the records are built; the stream then checks
only that it sent the very ciphertext the helper verified. These tests run it on small
files (``MIN_BYTES`` lowered) and make sure it refuses what the in-stream SHA-256 refused:
a swapped blob before the export, a blob swapped after the helper looked at it, and that
an export without a helper still works and still checks.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path
from typing import Any

import pytest
from conftest import Pair, attach, synth_cases
from sqlalchemy import func, select

from desktop.errors import IntegrityError
from desktop.store.models import Attachment, SyncExport
from desktop.sync import bundle as fmt
from desktop.sync import recheck, service
from desktop.vault.blobs import BlobStore


@pytest.fixture
def helpers(monkeypatch: pytest.MonkeyPatch) -> list[recheck.Recheck]:
    """Every Recheck an export starts, with the helper used for any attachment size."""
    monkeypatch.setattr(recheck, "MIN_BYTES", 0)
    started: list[recheck.Recheck] = []
    real = recheck.Recheck.start

    def start(self: recheck.Recheck) -> None:
        real(self)
        started.append(self)

    monkeypatch.setattr(recheck.Recheck, "start", start)
    return started


def _store(pair: Pair) -> BlobStore:
    return BlobStore(pair.field.unlocked.blob_dir, pair.field.unlocked.blob_key)


def _two_cases_two_blobs(pair: Pair, size: int) -> tuple[str, str]:
    docs = synth_cases(2, seed=31)
    pair.field.store.cases.save(docs)
    attach(pair.field, docs[0]["id"], "видео.mp4", os.urandom(size))
    attach(pair.field, docs[1]["id"], "录音.m4a", os.urandom(size))
    with pair.field.store.engine.connect() as conn:
        a, b = conn.execute(select(Attachment.blob_name).order_by(Attachment.case_id)).scalars()
    return str(a), str(b)


def _swap(folder: Path, a: str, b: str) -> None:
    (folder / a).rename(folder / "tmp")
    (folder / b).rename(folder / a)
    (folder / "tmp").rename(folder / b)


def _nothing_written(pair: Pair) -> None:
    assert list(pair.out.iterdir()) == []  # not even the hidden temporary file
    with pair.field.store.engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(SyncExport)).scalar() == 0


def test_export_with_the_helper_round_trips(pair: Pair, helpers: list[Any]) -> None:
    docs = synth_cases(3, seed=30)
    pair.field.store.cases.save(docs)
    sent = {
        attach(pair.field, docs[0]["id"], "паспорт.jpg", os.urandom(3 * 1024 * 1024 + 5))["sha256"],
        attach(pair.field, docs[1]["id"], "ئەركىن.pdf", os.urandom(70_000))["sha256"],
        attach(pair.field, docs[1]["id"], "empty.bin", b"")["sha256"],
    }
    result = service.export_bundle(pair.field, pair.out)
    assert helpers and helpers[0]._jobs is not None  # the helper did run
    assert (result.cases, result.attachments) == (3, 3)
    (imported,) = pair.import_(pair.out)
    assert imported.created == 3
    hq_blobs = BlobStore(pair.hq.unlocked.blob_dir, pair.hq.unlocked.blob_key)
    with pair.hq.store.engine.connect() as conn:
        stored = conn.execute(select(Attachment.sha256, Attachment.blob_name)).all()
    assert {sha for sha, _b in stored} == sent
    for sha, blob in stored:
        assert hashlib.sha256(hq_blobs.read_bytes(blob)).hexdigest() == sha


def test_swapped_blob_is_refused_with_the_helper(pair: Pair, helpers: list[Any]) -> None:
    a, b = _two_cases_two_blobs(pair, 100_000)
    _swap(pair.field.unlocked.blob_dir, a, b)  # same sizes: only the hashes tell
    with pytest.raises(IntegrityError, match="changed while it was being exported"):
        service.export_bundle(pair.field, pair.out)
    assert helpers and helpers[0]._jobs is not None
    _nothing_written(pair)


def test_blob_swapped_after_the_helper_checked_it(
    pair: Pair, helpers: list[Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The helper saw the right files; the stream reads others: the fingerprints differ."""
    a, b = _two_cases_two_blobs(pair, 100_000)
    folder = pair.field.unlocked.blob_dir
    real = fmt.bundle_pieces

    def swapped_first(*args: Any, **kwargs: Any) -> Any:
        helper = helpers[0]
        helper._process.join(timeout=60)  # it has checked both files and answered
        assert helper._process.exitcode == 0
        _swap(folder, a, b)
        return real(*args, **kwargs)

    monkeypatch.setattr(fmt, "bundle_pieces", swapped_first)
    with pytest.raises(IntegrityError, match="changed while it was being exported"):
        service.export_bundle(pair.field, pair.out)
    _nothing_written(pair)
    # Swapped back, the same export goes through.
    _swap(folder, a, b)
    monkeypatch.setattr(fmt, "bundle_pieces", real)
    result = service.export_bundle(pair.field, pair.out)
    assert result.attachments == 2


def test_export_without_a_helper_still_checks(
    pair: Pair, helpers: list[Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    import multiprocessing

    class NoProcesses:
        def Pipe(self, duplex: bool = True) -> Any:  # multiprocessing's name
            raise OSError("no processes here")

    monkeypatch.setattr(multiprocessing, "get_context", lambda method=None: NoProcesses())
    a, b = _two_cases_two_blobs(pair, 100_000)
    _swap(pair.field.unlocked.blob_dir, a, b)
    with pytest.raises(IntegrityError, match="changed while it was being exported"):
        service.export_bundle(pair.field, pair.out)
    assert helpers and not helpers[0].active
    _nothing_written(pair)
    _swap(pair.field.unlocked.blob_dir, a, b)
    assert service.export_bundle(pair.field, pair.out).attachments == 2


def test_check_answers_the_stream_fingerprint_or_none(pair: Pair) -> None:
    a, b = _two_cases_two_blobs(pair, 200_000)
    store = _store(pair)
    with pair.field.store.engine.connect() as conn:
        meta = {
            blob: (sha, size)
            for blob, sha, size in conn.execute(
                select(Attachment.blob_name, Attachment.sha256, Attachment.size)
            ).all()
        }
    jobs: list[recheck.Job] = []
    for name in (a, b):
        path, header, key = store.file_key(name)
        jobs.append((str(path), header, key, *meta[name]))
    seen = []
    for name in (a, b):
        tags = hashlib.sha256()
        for _chunk in store.read_chunks(name, tags):
            pass
        seen.append(tags.hexdigest())
    assert recheck.check(jobs) == seen
    assert seen[0] != seen[1]
    wrong_sha = [(p, h, k, "0" * 64, n) for p, h, k, _s, n in jobs]
    wrong_size = [(p, h, k, s, n + 1) for p, h, k, s, n in jobs]
    assert recheck.check(wrong_sha) == [None, None]
    assert recheck.check(wrong_size) == [None, None]
    other_key = [(p, h, bytes(32), s, n) for p, h, _k, s, n in jobs]
    assert recheck.check(other_key) == [None, None]
    _swap(pair.field.unlocked.blob_dir, a, b)
    assert recheck.check(jobs) == [None, None]  # another header than the one the key is for
