"""Attachments of a case: add, list, preview, export, remove (no Qt; the GUI calls this).

Where the bytes go: a file is streamed through :class:`desktop.vault.blobs.BlobWriter`
(chunked AEAD under the vault's blob sub-key) into ``blobs/`` under a random name; the
SHA-256 of the plaintext, the size and a sniffed media type are recorded in the case's
``attachments`` list. Nothing of the plaintext is ever written anywhere else: previews are
read into memory, exports go only to the path the user chose.

How the metadata is saved (and why not through the editor's document): every operation is
ONE transaction that re-reads the stored case, changes its ``attachments`` list, saves it
with the repository (revision + 1, one history entry, the case's content hash and so sync
see the change) and, for an added file, links the new row to its blob. The editor is told
the new list afterwards and keeps it in its copy of the case, so an editor save - which
rewrites all child rows from the document - neither drops nor duplicates attachment rows,
and unsaved edits in the editor are not written by adding a file.

Failure rules: the size limit (preferences, default 2 GiB) is checked on the opened file
before a single byte is written; a cancel, a full disk or any other failure removes the
partial blob and leaves the case as it was. The blob is written first and the database row
last, so a crash between the two leaves at worst an unreferenced encrypted file, never a
row that points to nothing.
"""

from __future__ import annotations

import contextlib
import hashlib
import mimetypes
import os
import secrets
import stat
import unicodedata
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import update

from desktop import preferences
from desktop.errors import (
    IntegrityError,
    InvalidInputError,
    NotFoundError,
    TestimonyDeskError,
    UsageError,
)
from desktop.interchange.case_format import MAX_FILENAME_CHARS, normalize_case
from desktop.store import mapping
from desktop.store.cases import CaseRepository
from desktop.store.models import Attachment
from desktop.vault.blobs import BlobStore, blob_store
from desktop.vault.vaultfile import is_inside

__all__ = [
    "PREVIEWABLE",
    "PREVIEW_MAX_BYTES",
    "AttachmentInfo",
    "AttachmentService",
    "AttachmentTooLarge",
    "Cancelled",
    "Progress",
    "safe_filename",
    "sniff_media_type",
]

READ_CHUNK = 1024 * 1024
PREVIEW_MAX_BYTES = 64 * 1024**2
"""Images larger than this are not decoded for a preview (export them instead)."""
PREVIEWABLE = frozenset({"image/png", "image/jpeg", "image/gif", "image/bmp", "image/webp"})

Progress = Callable[[int, int], None]
"""``progress(done_bytes, total_bytes)``; called from the thread that does the work."""


class Cancelled(TestimonyDeskError):
    """The user cancelled; nothing was kept."""


class AttachmentTooLarge(InvalidInputError):
    """The file is over the per-file limit of the preferences (nothing was written)."""

    def __init__(self, size: int, limit: int) -> None:
        self.size = size
        self.limit = limit
        super().__init__(
            f"the file is {format_size(size)}, larger than the limit of {format_size(limit)} "
            "per attachment (Settings)"
        )


@dataclass(frozen=True)
class AttachmentInfo:
    """One attachment as plain data (what the list shows)."""

    id: str
    filename: str
    media_type: str
    sha256: str
    size: int
    caption: str = ""
    date: str = ""
    stored: bool = True  # False: only the description came in (JSON import), not the file

    @property
    def previewable(self) -> bool:
        return self.media_type in PREVIEWABLE and self.stored


def format_size(size: int) -> str:
    """``1.5 MiB``-style size (binary units, one decimal)."""
    value = float(size)
    for unit in ("B", "KiB", "MiB", "GiB", "TiB"):
        if value < 1024 or unit == "TiB":
            return f"{size} B" if unit == "B" else f"{value:.1f} {unit}"
        value /= 1024
    raise AssertionError("unreachable")


# ---------------------------------------------------------------------- media types
_SIGNATURES: tuple[tuple[int, bytes, str], ...] = (
    (0, b"\x89PNG\r\n\x1a\n", "image/png"),
    (0, b"\xff\xd8\xff", "image/jpeg"),
    (0, b"GIF87a", "image/gif"),
    (0, b"GIF89a", "image/gif"),
    (0, b"BM", "image/bmp"),
    (0, b"%PDF-", "application/pdf"),
    (0, b"II*\x00", "image/tiff"),
    (0, b"MM\x00*", "image/tiff"),
    (0, b"ID3", "audio/mpeg"),
    (0, b"OggS", "audio/ogg"),
    (0, b"fLaC", "audio/flac"),
    (0, b"\x1a\x45\xdf\xa3", "video/webm"),
    (0, b"PK\x03\x04", "application/zip"),
    (0, b"7z\xbc\xaf\x27\x1c", "application/x-7z-compressed"),
    (0, b"Rar!\x1a\x07", "application/vnd.rar"),
    (0, b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "application/x-ole-storage"),
    (0, b"{\\rtf", "application/rtf"),
)
# Containers whose real type the extension tells better (a .docx is a zip, a .doc is OLE).
_BY_EXTENSION_FIRST = frozenset({"application/zip", "application/x-ole-storage"})


def sniff_media_type(head: bytes, filename: str = "") -> str:
    """The media type from the file's first bytes, else from its extension, else octet-stream.

    Content first: a photo renamed ``.txt`` must still be previewed as an image, and a file
    named ``.jpg`` that is not one must not be handed to the image decoder as a JPEG.
    """
    found: str | None = None
    for offset, magic, media in _SIGNATURES:
        if head[offset : offset + len(magic)] == magic:
            found = media
            break
    if found is None and head[:4] == b"RIFF" and len(head) >= 12:
        found = {b"WEBP": "image/webp", b"WAVE": "audio/wav", b"AVI ": "video/x-msvideo"}.get(
            head[8:12]
        )
    if found is None and head[4:8] == b"ftyp":
        brand = head[8:12]
        if brand in (b"heic", b"heix", b"mif1", b"msf1"):
            found = "image/heic"
        elif brand.startswith(b"qt"):
            found = "video/quicktime"
        elif brand.startswith(b"M4A"):
            found = "audio/mp4"
        else:
            found = "video/mp4"
    guessed = mimetypes.guess_type(filename, strict=False)[0] if filename else None
    if found is not None and not (found in _BY_EXTENSION_FIRST and guessed):
        return found
    if guessed and "/" in guessed and not guessed.startswith("image/"):
        # An extension may name text, documents, audio...; never claim an image without
        # the image's own signature (the previewer would decode whatever it is).
        return guessed.lower()
    if found is None and _looks_like_text(head):
        return "text/plain"
    return found or "application/octet-stream"


def _looks_like_text(head: bytes) -> bool:
    if not head or b"\x00" in head:
        return False
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as exc:
        return exc.start >= len(head) - 3  # a character cut at the end of the sample
    return True


def safe_filename(name: str) -> str:
    """The name to record: no directory, no control characters, at most 255 characters.

    Recorded names travel in case files and bundles and are proposed again when the file is
    exported, so they must be safe to use as a file name anywhere.
    """
    name = name.replace("\\", "_").replace("/", "_")
    name = "".join("_" if unicodedata.category(ch) in ("Cc", "Cs") else ch for ch in name).strip()
    if name in ("", ".", ".."):
        name = "attachment"
    if len(name) > MAX_FILENAME_CHARS:
        stem, dot, ext = name.rpartition(".")
        if dot and 0 < len(ext) <= 16:
            name = stem[: MAX_FILENAME_CHARS - len(ext) - 1] + "." + ext
        else:
            name = name[:MAX_FILENAME_CHARS]
    return name


def _today() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%d")


# ---------------------------------------------------------------------- the service
class AttachmentService:
    """Attachments of the cases of one unlocked vault."""

    def __init__(
        self,
        cases: CaseRepository,
        blobs: BlobStore,
        settings: preferences.SettingsStore,
        vault_folder: Path,
    ) -> None:
        self.cases = cases
        self.blobs = blobs
        self.settings = settings
        self.vault_folder = Path(vault_folder)

    @classmethod
    def for_session(cls, session: Any) -> AttachmentService:
        """The service of a :class:`desktop.app.Session`."""
        return cls(
            session.store.cases,
            blob_store(session.unlocked),
            session.store,
            session.vault.folder,
        )

    # ------------------------------------------------------------------ reads
    def limit(self) -> int:
        return preferences.load(self.settings).attachment_limit_bytes

    def list_attachments(self, case_id: str) -> list[AttachmentInfo]:
        """The case's attachments in their order; ``stored`` says whether the file is here."""
        with self.cases.engine.connect() as conn:
            rows = (
                conn.execute(
                    Attachment.__table__.select()
                    .where(Attachment.case_id == self.cases.resolve(case_id))
                    .order_by(Attachment.position)
                )
                .mappings()
                .all()
            )
        return [self._info(dict(r)) for r in rows]

    def _info(self, row: dict[str, Any]) -> AttachmentInfo:
        blob = row.get("blob_name")
        return AttachmentInfo(
            id=row["id"],
            filename=row["filename"],
            media_type=row["media_type"],
            sha256=row["sha256"],
            size=int(row["size"]),
            caption=row.get("caption") or "",
            date=row.get("date") or "",
            stored=bool(blob) and self.blobs.exists(str(blob)),
        )

    def _row(self, case_id: str, attachment_id: str) -> dict[str, Any]:
        with self.cases.engine.connect() as conn:
            row = (
                conn.execute(
                    Attachment.__table__.select().where(
                        Attachment.case_id == case_id, Attachment.id == attachment_id
                    )
                )
                .mappings()
                .first()
            )
        if row is None:
            raise NotFoundError("no such attachment in this case")
        return dict(row)

    def _blob_of(self, row: dict[str, Any]) -> str:
        blob = row.get("blob_name")
        if not blob or not self.blobs.exists(blob):
            raise NotFoundError(
                "the file of this attachment is not in this vault (only its description is)"
            )
        return str(blob)

    def read_preview(
        self, case_id: str, attachment_id: str, *, max_bytes: int = PREVIEW_MAX_BYTES
    ) -> bytes:
        """The decrypted bytes of an image attachment, in memory only (for a preview)."""
        row = self._row(case_id, attachment_id)
        if row["media_type"] not in PREVIEWABLE:
            raise UsageError("only images can be previewed")
        if int(row["size"]) > max_bytes:
            raise UsageError(
                f"the image is larger than {format_size(max_bytes)}: export it to view it"
            )
        data = bytearray()
        for chunk in self.blobs.read_chunks(self._blob_of(row)):
            data += chunk
            if len(data) > max_bytes:
                raise IntegrityError("an attachment file is larger than recorded")
        if hashlib.sha256(data).hexdigest() != row["sha256"]:
            raise IntegrityError("an attachment file does not match its recorded SHA-256")
        return bytes(data)

    # ------------------------------------------------------------------ add
    def add(
        self,
        case_id: str,
        path: Path | str,
        *,
        caption: str | None = None,
        date: str | None = None,
        progress: Progress | None = None,
        cancel: Callable[[], bool] | None = None,
    ) -> AttachmentInfo:
        """Encrypt ``path`` into ``blobs/`` and record it in the case (one transaction).

        The original file is left where it is (it is the user's to delete). Raises
        :class:`AttachmentTooLarge` before writing anything, :class:`Cancelled` when
        ``cancel()`` turned true; on any failure no blob and no row remain.
        """
        source = Path(path)
        case_id = self.cases.resolve(case_id)
        limit = self.limit()
        if is_inside(source, self.vault_folder):
            raise UsageError("this file is inside the vault folder; choose a file outside it")
        try:
            fh = source.open("rb")
        except IsADirectoryError:
            raise UsageError(f"{source.name}: a folder cannot be attached, only files") from None
        except FileNotFoundError:
            raise NotFoundError(f"{source.name}: the file does not exist (any more)") from None
        except PermissionError:
            raise UsageError(f"{source.name}: no permission to read this file") from None
        with fh:
            st = os.fstat(fh.fileno())
            if not stat.S_ISREG(st.st_mode):
                raise UsageError(f"{source.name}: only regular files can be attached")
            total = st.st_size
            if total > limit:
                raise AttachmentTooLarge(total, limit)
            head = fh.read(64)
            fh.seek(0)
            media_type = sniff_media_type(head, source.name)
            blob_name, sha, size = self._encrypt(fh, total, limit, progress, cancel)
        meta: dict[str, Any] = {
            "id": str(uuid.uuid4()),
            "filename": safe_filename(source.name),
            "media_type": media_type,
            "sha256": sha,
            "size": size,
        }
        if caption:
            meta["caption"] = caption
        meta["date"] = date or _today()
        try:
            if cancel is not None and cancel():
                raise Cancelled("cancelled")
            self._change(case_id, lambda atts: [*atts, meta], link=(meta["id"], blob_name))
        except BaseException:
            self.blobs.delete(blob_name)
            raise
        return AttachmentInfo(
            id=meta["id"],
            filename=meta["filename"],
            media_type=media_type,
            sha256=sha,
            size=size,
            caption=caption or "",
            date=meta["date"],
        )

    def _encrypt(
        self,
        fh: Any,
        total: int,
        limit: int,
        progress: Progress | None,
        cancel: Callable[[], bool] | None,
    ) -> tuple[str, str, int]:
        done = 0
        if progress is not None:
            progress(0, total)
        with self.blobs.writer() as writer:  # any exception aborts: the partial blob goes
            while True:
                if cancel is not None and cancel():
                    raise Cancelled("cancelled")
                chunk = fh.read(READ_CHUNK)
                if not chunk:
                    break
                done += len(chunk)
                if done > limit:  # the file grew while it was being read
                    raise AttachmentTooLarge(done, limit)
                writer.write(chunk)
                if progress is not None:
                    progress(done, max(total, done))
            return writer.close()

    # ------------------------------------------------------------------ export
    def export(
        self,
        case_id: str,
        attachment_id: str,
        dest: Path | str,
        *,
        progress: Progress | None = None,
        cancel: Callable[[], bool] | None = None,
    ) -> Path:
        """Decrypt the attachment to ``dest`` (the place the user chose), atomically.

        The bytes go to a hidden file next to ``dest`` (same folder, so the final rename is
        atomic) which is renamed only after the SHA-256 matched; on any failure it is
        removed and an existing ``dest`` is left untouched. Never a temp file elsewhere.
        """
        dest = Path(dest)
        case_id = self.cases.resolve(case_id)
        if is_inside(dest, self.vault_folder):
            raise UsageError("refusing to write an attachment inside the vault folder")
        if dest.is_dir():
            raise UsageError("choose a file name, not a folder")
        row = self._row(case_id, attachment_id)
        blob = self._blob_of(row)
        total = int(row["size"])
        tmp = dest.parent / f".{secrets.token_hex(8)}.part"
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        sha = hashlib.sha256()
        done = 0
        try:
            with os.fdopen(fd, "wb") as out:
                if progress is not None:
                    progress(0, total)
                for chunk in self.blobs.read_chunks(blob):
                    if cancel is not None and cancel():
                        raise Cancelled("cancelled")
                    out.write(chunk)
                    sha.update(chunk)
                    done += len(chunk)
                    if progress is not None:
                        progress(done, max(total, done))
                out.flush()
                os.fsync(out.fileno())
            if sha.hexdigest() != row["sha256"] or done != total:
                raise IntegrityError("an attachment file does not match its recorded SHA-256")
            os.replace(tmp, dest)
        except BaseException:
            with contextlib.suppress(OSError):
                tmp.unlink()
            raise
        with contextlib.suppress(OSError):  # make the rename durable where the OS allows
            dir_fd = os.open(dest.parent, os.O_RDONLY)
            try:
                os.fsync(dir_fd)
            finally:
                os.close(dir_fd)
        return dest

    # ------------------------------------------------------------------ change metadata
    def remove(self, case_id: str, attachment_id: str) -> None:
        """Take the attachment out of the case (one history entry) and delete its blob."""
        case_id = self.cases.resolve(case_id)
        row = self._row(case_id, attachment_id)

        def without(atts: list[dict[str, Any]]) -> list[dict[str, Any]]:
            return [a for a in atts if a.get("id") != attachment_id]

        self._change(case_id, without)
        blob = row.get("blob_name")
        if blob:
            # After the commit: if this fails the file is an unreferenced ciphertext, never
            # a row whose file is gone.
            self.blobs.delete(str(blob))

    def set_caption(self, case_id: str, attachment_id: str, caption: str) -> None:
        """Change an attachment's caption (one history entry)."""
        case_id = self.cases.resolve(case_id)
        self._row(case_id, attachment_id)

        def captioned(atts: list[dict[str, Any]]) -> list[dict[str, Any]]:
            out = []
            for a in atts:
                if a.get("id") == attachment_id:
                    a = {k: v for k, v in a.items() if k != "caption"}
                    if caption.strip():
                        a["caption"] = caption
                out.append(a)
            return out

        self._change(case_id, captioned)

    def _change(
        self,
        case_id: str,
        edit: Callable[[list[dict[str, Any]]], list[dict[str, Any]]],
        *,
        link: tuple[str, str] | None = None,
    ) -> None:
        """Re-read the stored case, edit its attachments, save: one transaction.

        Uses the repository's transaction-level methods (as the sync merge does) so that
        reading, saving and linking the new row to its blob cannot interleave with another
        writer. ``CaseRepository._save`` keeps each existing row's blob by attachment id.
        """
        repo = self.cases
        try:
            with repo._writer() as conn, conn.begin():
                docs = repo._load(conn, [case_id])
                if not docs:
                    raise NotFoundError("no such case")
                doc = docs[0]
                doc["attachments"] = edit([dict(a) for a in doc.get("attachments", [])])
                repo._save(conn, [normalize_case(doc)], "attachments")
                if link is not None:
                    att_id, blob_name = link
                    linked = conn.execute(
                        update(Attachment)
                        .where(
                            Attachment.case_id == case_id,
                            Attachment.id == att_id,
                            Attachment.blob_name.is_(None),
                        )
                        .values(blob_name=blob_name)
                    ).rowcount
                    if linked != 1:
                        raise IntegrityError("the new attachment could not be recorded")
        finally:
            mapping.clear_memo()
