"""The attachment service on a real vault: encryption at rest, hashes, limits, failures."""

from __future__ import annotations

import errno
import hashlib
import json
import os
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop import preferences
from desktop.app import Session
from desktop.attachments import (
    AttachmentService,
    AttachmentTooLarge,
    Cancelled,
    safe_filename,
    sniff_media_type,
)
from desktop.errors import NotFoundError, UsageError
from desktop.interchange.case_format import normalize_case
from desktop.interchange.case_json import dump_cases, load_case_files
from desktop.vault.blobs import BlobStore, BlobWriter, blob_store

PNG_1PX = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360f8cfc0f01f0005000201e2d2a0"
    "6b0000000049454e44ae426082"
)
CANARY = b"CANARY-plaintext-Erlan-Saparuly-"


def _case(session: Session) -> str:
    doc = normalize_case(
        {
            "reference": "TD-2026-0001",
            "persons": [
                {"key": "p1", "role": "detained", "names": [{"value": "Test Person"}]},
            ],
            "notes": "invented",
        }
    )
    return session.store.cases.save([doc]).ids[0]


@pytest.fixture
def svc(session: Session) -> AttachmentService:
    return AttachmentService.for_session(session)


@pytest.fixture
def case_id(session: Session) -> str:
    return _case(session)


def _blob_files(session: Session) -> list[Path]:
    folder = session.unlocked.blob_dir
    return sorted(folder.iterdir()) if folder.exists() else []


def _source(tmp_path: Path, name: str, data: bytes) -> Path:
    folder = tmp_path / "outside"
    folder.mkdir(exist_ok=True)
    path = folder / name
    path.write_bytes(data)
    return path


def test_add_encrypts_into_blobs_and_records_sha(
    session: Session, svc: AttachmentService, case_id: str, tmp_path: Path
) -> None:
    data = CANARY * 5000 + os.urandom(70_000)  # several 64 KiB chunks
    src = _source(tmp_path, "statement.txt", data)
    before = session.store.cases.get(case_id)

    info = svc.add(case_id, src, caption="a caption")

    assert info.sha256 == hashlib.sha256(data).hexdigest()
    assert info.size == len(data)
    files = _blob_files(session)
    assert len(files) == 1
    stored = files[0].read_bytes()
    assert CANARY not in stored
    assert data[-70_000:] not in stored
    assert len(stored) > len(data)  # header and tags
    # The original stays where it was: deleting it is the user's decision.
    assert src.read_bytes() == data
    doc = session.store.cases.get(case_id)
    assert doc["attachments"] == [
        {
            "id": info.id,
            "filename": "statement.txt",
            "media_type": "text/plain",
            "sha256": info.sha256,
            "size": len(data),
            "caption": "a caption",
            "date": info.date,
        }
    ]
    assert blob_store(session.unlocked).read_bytes(files[0].name) == data
    # One history entry, and the case's revision grows (sync sees the change).
    history = session.store.cases.history_of(case_id)
    assert [h["action"] for h in history] == ["create", "update"]
    assert doc["notes"] == before["notes"]
    listed = svc.list_attachments(case_id)
    assert [a.id for a in listed] == [info.id]
    assert listed[0].stored


def test_progress_reports_every_byte(svc: AttachmentService, case_id: str, tmp_path: Path) -> None:
    data = os.urandom(3 * 1024 * 1024 + 5)
    src = _source(tmp_path, "video.bin", data)
    seen: list[tuple[int, int]] = []
    svc.add(case_id, src, progress=lambda done, total: seen.append((done, total)))
    assert seen[0] == (0, len(data))
    assert seen[-1] == (len(data), len(data))
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)


def test_size_limit_is_checked_before_writing(
    session: Session, svc: AttachmentService, case_id: str, tmp_path: Path
) -> None:
    prefs = preferences.load(session.store)
    from dataclasses import replace

    preferences.save(session.store, replace(prefs, attachment_limit_bytes=1000))
    src = _source(tmp_path, "big.bin", b"x" * 1001)
    writers: list[object] = []

    class Watching(BlobStore):
        def writer(self) -> BlobWriter:
            writers.append(1)
            return super().writer()

    watched = AttachmentService(
        session.store.cases,
        Watching(session.unlocked.blob_dir, session.unlocked.blob_key),
        session.store,
        session.vault.folder,
    )
    with pytest.raises(AttachmentTooLarge) as err:
        watched.add(case_id, src)
    assert err.value.size == 1001
    assert err.value.limit == 1000
    assert "limit" in str(err.value)
    assert writers == []  # refused before a blob was even opened
    assert _blob_files(session) == []
    assert session.store.cases.get(case_id)["attachments"] == []
    # At the limit exactly it is fine.
    src.write_bytes(b"x" * 1000)
    assert watched.add(case_id, src).size == 1000


def test_default_limit_is_two_gib(svc: AttachmentService) -> None:
    assert svc.limit() == 2 * 1024**3


def test_cancel_leaves_no_partial_blob(
    session: Session, svc: AttachmentService, case_id: str, tmp_path: Path
) -> None:
    src = _source(tmp_path, "long.bin", os.urandom(4 * 1024 * 1024))
    calls: list[int] = []

    def progress(done: int, total: int) -> None:
        calls.append(done)

    def cancel() -> bool:
        return len(calls) >= 3  # after two MiB were written

    with pytest.raises(Cancelled):
        svc.add(case_id, src, progress=progress, cancel=cancel)
    assert len(calls) == 3
    assert _blob_files(session) == []
    assert session.store.cases.get(case_id)["attachments"] == []
    assert [h["action"] for h in session.store.cases.history_of(case_id)] == ["create"]


class _DiskFull:
    """A file object that accepts ``budget`` bytes, then fails like a full disk."""

    def __init__(self, inner: Any, budget: int) -> None:
        self._inner = inner
        self._left = budget

    def write(self, data: bytes) -> int:
        if len(data) > self._left:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        self._left -= len(data)
        return int(self._inner.write(data))

    def __getattr__(self, name: str) -> Any:
        return getattr(self._inner, name)


class _FullDiskStore(BlobStore):
    def __init__(self, folder: Path, key: bytes, budget: int) -> None:
        super().__init__(folder, key)
        self.budget = budget

    def writer(self) -> BlobWriter:
        w = super().writer()
        w._fh = _DiskFull(w._fh, self.budget)  # type: ignore[assignment]
        return w


@pytest.mark.parametrize("budget", [0, 200_000])
def test_disk_full_leaves_no_partial_blob_and_case_unchanged(
    session: Session, case_id: str, tmp_path: Path, budget: int
) -> None:
    before = session.store.cases.get(case_id)
    full = AttachmentService(
        session.store.cases,
        _FullDiskStore(session.unlocked.blob_dir, session.unlocked.blob_key, budget),
        session.store,
        session.vault.folder,
    )
    src = _source(tmp_path, "photo.jpg", b"\xff\xd8\xff" + os.urandom(1024 * 1024))
    with pytest.raises(OSError) as err:
        full.add(case_id, src)
    assert err.value.errno == errno.ENOSPC
    assert _blob_files(session) == []  # neither the final blob nor its .part file
    assert session.store.cases.get(case_id) == before


def test_failure_in_the_database_step_removes_the_blob(
    session: Session, svc: AttachmentService, case_id: str, tmp_path: Path
) -> None:
    data = b"%PDF-1.4 invented" + os.urandom(100_000)
    src = _source(tmp_path, "a.pdf", data)

    def progress(done: int, total: int) -> None:
        if done == total and done:  # the case vanishes while its file is being encrypted
            session.store.cases.delete(case_id)

    with pytest.raises(NotFoundError):
        svc.add(case_id, src, progress=progress)
    assert _blob_files(session) == []


def test_export_round_trip_writes_only_the_chosen_file(
    session: Session, svc: AttachmentService, case_id: str, tmp_path: Path
) -> None:
    data = PNG_1PX + os.urandom(200_000)
    info = svc.add(case_id, _source(tmp_path, "scan.png", data))
    out_dir = tmp_path / "chosen"
    out_dir.mkdir()
    target = out_dir / "scan.png"
    assert svc.export(case_id, info.id, target) == target
    assert target.read_bytes() == data
    assert sorted(p.name for p in out_dir.iterdir()) == ["scan.png"]
    assert target.stat().st_mode & 0o777 == 0o600


def test_export_refuses_the_vault_folder_and_cancel_keeps_old_file(
    session: Session, svc: AttachmentService, case_id: str, tmp_path: Path
) -> None:
    info = svc.add(case_id, _source(tmp_path, "x.bin", os.urandom(300_000)))
    with pytest.raises(UsageError):
        svc.export(case_id, info.id, session.vault.folder / "x.bin")
    out_dir = tmp_path / "chosen"
    out_dir.mkdir()
    target = out_dir / "x.bin"
    target.write_bytes(b"older file")
    with pytest.raises(Cancelled):
        svc.export(case_id, info.id, target, cancel=lambda: True)
    assert target.read_bytes() == b"older file"
    assert sorted(p.name for p in out_dir.iterdir()) == ["x.bin"]


def test_tampered_blob_is_refused_on_export(
    session: Session, svc: AttachmentService, case_id: str, tmp_path: Path
) -> None:
    from desktop.errors import IntegrityError

    info = svc.add(case_id, _source(tmp_path, "x.bin", os.urandom(1000)))
    blob = _blob_files(session)[0]
    raw = bytearray(blob.read_bytes())
    raw[-5] ^= 1
    blob.write_bytes(bytes(raw))
    out_dir = tmp_path / "chosen"
    out_dir.mkdir()
    with pytest.raises(IntegrityError):
        svc.export(case_id, info.id, out_dir / "x.bin")
    assert list(out_dir.iterdir()) == []


def test_preview_reads_images_into_memory_only(
    session: Session, svc: AttachmentService, case_id: str, tmp_path: Path
) -> None:
    img = svc.add(case_id, _source(tmp_path, "photo.dat", PNG_1PX))
    assert img.media_type == "image/png"  # sniffed from content, not the name
    assert svc.read_preview(case_id, img.id) == PNG_1PX
    doc = svc.add(case_id, _source(tmp_path, "doc.pdf", b"%PDF-1.7 invented"))
    with pytest.raises(UsageError):
        svc.read_preview(case_id, doc.id)
    with pytest.raises(UsageError):
        svc.read_preview(case_id, img.id, max_bytes=10)


def test_remove_deletes_blob_and_writes_history(
    session: Session, svc: AttachmentService, case_id: str, tmp_path: Path
) -> None:
    keep = svc.add(case_id, _source(tmp_path, "keep.txt", b"keep me"))
    gone = svc.add(case_id, _source(tmp_path, "gone.txt", b"remove me"))
    assert len(_blob_files(session)) == 2
    svc.remove(case_id, gone.id)
    assert [a["id"] for a in session.store.cases.get(case_id)["attachments"]] == [keep.id]
    assert len(_blob_files(session)) == 1
    assert svc.read_preview is not None
    out = tmp_path / "out.txt"
    svc.export(case_id, keep.id, out)
    assert out.read_bytes() == b"keep me"
    actions = [h["action"] for h in session.store.cases.history_of(case_id)]
    assert actions == ["create", "update", "update", "update"]
    with pytest.raises(NotFoundError):
        svc.remove(case_id, gone.id)


def test_caption_change(
    session: Session, svc: AttachmentService, case_id: str, tmp_path: Path
) -> None:
    info = svc.add(case_id, _source(tmp_path, "a.txt", b"a"))
    svc.set_caption(case_id, info.id, "Паспорт, стр. 2")
    assert svc.list_attachments(case_id)[0].caption == "Паспорт, стр. 2"
    svc.set_caption(case_id, info.id, "")
    assert "caption" not in session.store.cases.get(case_id)["attachments"][0]
    # Still linked to its blob after two metadata-only saves.
    assert svc.list_attachments(case_id)[0].stored


def test_editor_style_save_keeps_attachments(
    session: Session, svc: AttachmentService, case_id: str, tmp_path: Path
) -> None:
    """A save of the whole document (what the editor does) keeps rows and blob links."""
    info = svc.add(case_id, _source(tmp_path, "a.txt", b"attached"))
    doc = session.store.cases.get(case_id)
    doc["notes"] = "edited"
    session.store.cases.save([normalize_case(doc)])
    assert [a.id for a in svc.list_attachments(case_id)] == [info.id]
    assert svc.list_attachments(case_id)[0].stored
    out = tmp_path / "out.txt"
    svc.export(case_id, info.id, out)
    assert out.read_bytes() == b"attached"


def test_json_export_import_keeps_metadata_and_blob(
    session: Session, svc: AttachmentService, case_id: str, tmp_path: Path
) -> None:
    info = svc.add(case_id, _source(tmp_path, "a.png", PNG_1PX), caption="c")
    exported = tmp_path / "cases.json"
    session.export_to(exported)
    data = json.loads(exported.read_text(encoding="utf-8"))
    assert data[0]["attachments"][0]["sha256"] == info.sha256
    assert b"\x89PNG" not in exported.read_bytes()  # metadata only, never the bytes
    # Re-import into the same vault: same id, the row keeps its blob.
    session.import_files([exported])
    listed = svc.list_attachments(case_id)
    assert [(a.id, a.caption, a.stored) for a in listed] == [(info.id, "c", True)]
    # Into another case id (a copy): the description arrives, the file does not.
    doc = load_case_files([exported])[0]
    doc.pop("id")
    doc["reference"] = "TD-2026-0099"
    other = tmp_path / "other.json"
    other.write_bytes(dump_cases([doc], "json"))
    new_id = session.import_files([other]).ids[0]
    copy = svc.list_attachments(new_id)
    assert [(a.id, a.stored, a.previewable) for a in copy] == [(info.id, False, False)]
    with pytest.raises(NotFoundError):
        svc.read_preview(new_id, info.id)


def test_refuses_folders_and_vault_files(
    session: Session, svc: AttachmentService, case_id: str, tmp_path: Path
) -> None:
    with pytest.raises(UsageError):
        svc.add(case_id, tmp_path)
    with pytest.raises(UsageError):
        svc.add(case_id, session.vault.folder / "vault.json")
    with pytest.raises(NotFoundError):
        svc.add(case_id, tmp_path / "missing.jpg")


@pytest.mark.parametrize(
    ("head", "name", "expected"),
    [
        (PNG_1PX, "x.jpg", "image/png"),
        (b"\xff\xd8\xff\xe0" + b"\0" * 20, "x", "image/jpeg"),
        (b"%PDF-1.7", "x.bin", "application/pdf"),
        (b"PK\x03\x04" + b"\0" * 20, "x.docx", None),
        (b"PK\x03\x04" + b"\0" * 20, "x", "application/zip"),
        (b"RIFF\0\0\0\0WEBPVP8 ", "x", "image/webp"),
        (b"\0\0\0\x18ftypmp42", "x.mov", "video/mp4"),
        (b"plain text", "notes", "text/plain"),
        (b"\0\1\2\3", "x.jpg", "application/octet-stream"),  # a name never claims an image
        ("Тест".encode(), "x.txt", "text/plain"),
    ],
)
def test_sniff_media_type(head: bytes, name: str, expected: str | None) -> None:
    got = sniff_media_type(head, name)
    if expected is None:
        assert got.startswith("application/vnd.openxmlformats")
    else:
        assert got == expected


@given(st.text(max_size=400))
def test_safe_filename_always_valid(name: str) -> None:
    safe = safe_filename(name)
    assert safe and "/" not in safe and "\\" not in safe and safe not in (".", "..")
    assert len(safe) <= 255
    normalize_case(
        {
            "attachments": [
                {
                    "id": "6f1c2a4e-1b7d-4a8e-9b61-2f0d3c5a7e90",
                    "filename": safe,
                    "media_type": "text/plain",
                    "sha256": "0" * 64,
                    "size": 0,
                }
            ]
        }
    )


@given(st.binary(max_size=80), st.text(max_size=30))
def test_sniffed_type_is_always_a_valid_media_type(head: bytes, name: str) -> None:
    media = sniff_media_type(head, name)
    normalize_case(
        {
            "attachments": [
                {
                    "id": "6f1c2a4e-1b7d-4a8e-9b61-2f0d3c5a7e90",
                    "filename": "a",
                    "media_type": media,
                    "sha256": "0" * 64,
                    "size": 0,
                }
            ]
        }
    )
