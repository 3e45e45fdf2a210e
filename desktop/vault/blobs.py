"""Encrypted attachment blobs: streamed, chunked AEAD under the vault's blob sub-key.

Why chunked: attachments can be gigabytes (video statements); one AES-GCM call over the
whole file would need it all in memory, and a tag checked only at the very end would hand
out unauthenticated plaintext first. Each blob is instead a sequence of 64 KiB chunks, each
sealed on its own (the STREAM construction that age also uses):

    file   = MAGIC (8 bytes) | salt (16 bytes) | chunk*
    key    = HKDF-SHA256(blob_key, salt, info="testimony-desk/v1/blob-file")
    chunk  = AES-256-GCM(key, nonce = counter (11 bytes, big-endian) | last-flag (1 byte),
                         plaintext <= 64 KiB, associated data = MAGIC | salt)

A fresh salt per file gives every blob its own key, so counters can start at 0 without ever
reusing a (key, nonce) pair. The counter stops reordering, the last-flag stops truncation
(a file that ends without a chunk flagged "last" is refused), and the salt in the
associated data ties the chunks to this file. File names are random (no case data) and are
checked against a strict pattern before use, so a name coming from elsewhere can never
point outside ``blobs/``.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import secrets
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, BinaryIO

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from desktop.errors import IntegrityError, NotFoundError
from desktop.vault import crypto
from desktop.vault.vault import UnlockedVault

MAGIC = b"TDBLOB1\n"
SALT_BYTES = 16
CHUNK = 64 * 1024
TAG = 16
_INFO_FILE = "testimony-desk/v1/blob-file"
_NAME_RE = re.compile(r"^[0-9a-f]{32}$")
_MAX_COUNTER = 2**88 - 1


def _nonce(counter: int, last: bool) -> bytes:
    if counter > _MAX_COUNTER:
        raise IntegrityError("attachment too large for one blob")
    return counter.to_bytes(11, "big") + (b"\x01" if last else b"\x00")


def check_name(blob_name: str) -> str:
    """Refuse anything but our own random names: no path can escape ``blobs/``."""
    if not isinstance(blob_name, str) or not _NAME_RE.fullmatch(blob_name):
        raise IntegrityError("invalid attachment blob name")
    return blob_name


class BlobWriter:
    """Write one blob incrementally; ``close`` returns (blob_name, sha256 hex, size).

    The file is created under a temporary name and renamed on ``close``, so an aborted
    write (``abort`` or an exception) never leaves a half blob that looks complete.
    """

    def __init__(self, folder: Path, key: bytes) -> None:
        self._folder = folder
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        self.name = secrets.token_hex(16)
        self._tmp = folder / f".{self.name}.part"
        salt = crypto.random_bytes(SALT_BYTES)
        self._ad = MAGIC + salt
        self._aead = AESGCM(crypto.hkdf(key, _INFO_FILE, salt=salt))
        fd = os.open(self._tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        self._fh: BinaryIO | None = os.fdopen(fd, "wb")
        self._fh.write(self._ad)
        self._buf = bytearray()
        self._counter = 0
        self._sha = hashlib.sha256()
        self.size = 0

    def write(self, data: bytes | bytearray | memoryview) -> int:
        if self._fh is None:
            raise ValueError("blob writer is closed")
        self._sha.update(data)
        self.size += len(data)
        self._buf += data
        while len(self._buf) > CHUNK:
            # Keep at least one byte back: the final chunk must be flagged "last".
            self._emit(bytes(self._buf[:CHUNK]), last=False)
            del self._buf[:CHUNK]
        return len(data)

    def _emit(self, chunk: bytes, *, last: bool) -> None:
        if self._fh is None:
            raise ValueError("blob writer is closed")
        self._fh.write(self._aead.encrypt(_nonce(self._counter, last), chunk, self._ad))
        self._counter += 1

    def close(self) -> tuple[str, str, int]:
        if self._fh is None:
            raise ValueError("blob writer is closed")
        self._emit(bytes(self._buf), last=True)
        self._buf.clear()
        self._fh.flush()
        os.fsync(self._fh.fileno())
        self._fh.close()
        self._fh = None
        os.replace(self._tmp, self._folder / self.name)
        return self.name, self._sha.hexdigest(), self.size

    def abort(self) -> None:
        if self._fh is not None:
            self._fh.close()
            self._fh = None
        self._buf.clear()
        with contextlib.suppress(OSError):
            self._tmp.unlink()

    def __enter__(self) -> BlobWriter:
        return self

    def __exit__(self, exc_type: object, exc: object, tb: object) -> None:
        if exc_type is not None:
            self.abort()


class BlobStore:
    """The ``blobs/`` folder of an unlocked vault."""

    def __init__(self, folder: Path, key: bytes) -> None:
        self.folder = Path(folder)
        self._key = key

    def writer(self) -> BlobWriter:
        return BlobWriter(self.folder, self._key)

    def put_chunks(self, chunks: Iterable[bytes]) -> tuple[str, str, int]:
        with self.writer() as w:
            for chunk in chunks:
                w.write(chunk)
            return w.close()

    def put_bytes(self, data: bytes) -> tuple[str, str, int]:
        return self.put_chunks([data])

    def put_file(self, path: Path | str) -> tuple[str, str, int]:
        """Encrypt a file from disk in bounded memory; returns (blob_name, sha256, size)."""
        with open(path, "rb") as fh:
            return self.put_chunks(iter(lambda: fh.read(1024 * 1024), b""))

    def path(self, blob_name: str) -> Path:
        return self.folder / check_name(blob_name)

    def exists(self, blob_name: str) -> bool:
        return self.path(blob_name).is_file()

    def read_chunks(self, blob_name: str, tags: Any = None) -> Iterator[bytes]:
        """Authenticated plaintext, chunk by chunk; a changed or cut file raises IntegrityError.

        ``tags`` (a hashlib object), when given, is updated with the file's header and every
        chunk's GCM tag as they are read: a cheap fingerprint of exactly these ciphertext
        bytes (a sync export compares it with the one its helper saw, desktop/sync/recheck.py).
        """
        path = self.path(blob_name)
        fh = _open(path)
        with fh:
            ad = _header(fh)
            aead = AESGCM(crypto.hkdf(self._key, _INFO_FILE, salt=ad[len(MAGIC) :]))
            yield from _plain_chunks(fh, ad, aead, tags)

    def file_key(self, blob_name: str) -> tuple[Path, bytes, bytes]:
        """(path, header, key) of one blob file: its own AES key, derived from its salt.

        What a helper process needs to read this one file (``read_with_key``) without ever
        holding the vault's blob key.
        """
        path = self.path(blob_name)
        with _open(path) as fh:
            ad = _header(fh)
        return path, ad, crypto.hkdf(self._key, _INFO_FILE, salt=ad[len(MAGIC) :])

    def read_bytes(self, blob_name: str) -> bytes:
        return b"".join(self.read_chunks(blob_name))

    def open(self, blob_name: str) -> Iterator[bytes]:
        """Alias of :meth:`read_chunks` (the GUI streams a blob to a viewer or a file)."""
        return self.read_chunks(blob_name)

    def delete(self, blob_name: str) -> None:
        with contextlib.suppress(FileNotFoundError):
            self.path(blob_name).unlink()


def _open(path: Path) -> BinaryIO:
    try:
        return path.open("rb")
    except FileNotFoundError:
        raise NotFoundError("an attachment's encrypted file is missing") from None


def _header(fh: BinaryIO) -> bytes:
    ad = fh.read(len(MAGIC) + SALT_BYTES)
    if len(ad) != len(MAGIC) + SALT_BYTES or not ad.startswith(MAGIC):
        raise IntegrityError("an attachment file is damaged or was altered")
    return ad


def _plain_chunks(fh: BinaryIO, ad: bytes, aead: AESGCM, tags: Any) -> Iterator[bytes]:
    if tags is not None:
        tags.update(ad)
    counter = 0
    current = fh.read(CHUNK + TAG)
    while True:
        following = fh.read(CHUNK + TAG)
        last = not following
        try:
            plain = aead.decrypt(_nonce(counter, last), current, ad)
        except (InvalidTag, ValueError):
            raise IntegrityError("an attachment file is damaged or was altered") from None
        if tags is not None:
            tags.update(current[-TAG:])
        counter += 1
        yield plain
        if last:
            return
        current = following


def read_with_key(path: Path, header: bytes, key: bytes, tags: Any = None) -> Iterator[bytes]:
    """Like ``BlobStore.read_chunks`` with the key from ``BlobStore.file_key``: the file must
    still start with ``header`` (the same salt, hence the same key)."""
    with _open(path) as fh:
        if _header(fh) != header:
            raise IntegrityError("an attachment file is damaged or was altered")
        yield from _plain_chunks(fh, header, AESGCM(key), tags)


def blob_store(unlocked: UnlockedVault) -> BlobStore:
    """The blob store of an unlocked vault."""
    return BlobStore(unlocked.blob_dir, unlocked.blob_key)
