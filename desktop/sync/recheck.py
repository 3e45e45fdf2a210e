"""(Export) The attachments' SHA-256 re-check, on the second core.

It runs while the records are built, or, when the records themselves are built on both
cores (desktop/sync/records.py), while the bundle is encrypted.

Why: a sync export re-hashes every attachment it sends (a blob file swapped for another of
the same vault still decrypts; HQ would then refuse the whole bundle after the field had
recorded it as sent). SHA-256 is the largest cost of the attachment stream after age itself
(~0.55 s per GiB), and the stream cannot start before the manifest, which needs every
record: so the records (Python, one core) and the re-check (hashing, the other core) can
overlap, the encryption cannot (pyrage holds the GIL; docs/bundle-format.md "Performance").

How: one helper process, started with ``spawn`` like the import's parser (a fork would copy
the unlocked vault and Qt's threads), reads each blob with that file's own AES key
(``BlobStore.file_key``: it never holds the vault's blob key), hashes the plaintext and
returns, per blob, a fingerprint of the ciphertext it verified: the file's header (salt)
and every chunk's GCM tag. The export streams the same files without hashing them, but
collects the same fingerprint (cheap: 16 bytes per 64 KiB) and compares before the bundle
is kept. Equal fingerprints mean the same salt, hence the same key, and the same tags on
the same nonces, hence the same ciphertext and plaintext as the helper hashed (another
ciphertext with the same tags would be a GCM forgery). Anything else — a mismatch, a file
that changed in between, a helper that failed or could not start — is decided again here,
in this process, by the plain re-hash: the verdict is always the one the in-stream check
gave, and nothing personal goes anywhere but a pipe.
"""

from __future__ import annotations

import hashlib
import multiprocessing
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from desktop.vault import blobs as blobfiles

# Below this many attachment bytes the helper's start-up (~0.1 s) is not worth it.
MIN_BYTES = 32 * 1024 * 1024

# (blob file, its header, its own key, expected SHA-256 hex, expected size)
Job = tuple[str, bytes, bytes, str, int]


def check(jobs: Sequence[Job]) -> list[str | None]:
    """Per job: the ciphertext fingerprint when the plaintext has the expected SHA-256 and
    size, else None (a mismatch or an unreadable file)."""
    out: list[str | None] = []
    for path, header, key, sha, size in jobs:
        tags = hashlib.sha256()
        digest = hashlib.sha256()
        n = 0
        try:
            for chunk in blobfiles.read_with_key(Path(path), header, key, tags):
                n += len(chunk)
                digest.update(chunk)
        except Exception:  # any failure: the caller decides again
            out.append(None)
            continue
        out.append(tags.hexdigest() if n == size and digest.hexdigest() == sha else None)
    return out


def _child(conn: Any, jobs: list[Job]) -> None:
    # As the exporting process: no core dump, no ptrace by the same user (PR_SET_DUMPABLE
    # does not survive the exec that ``spawn`` starts with; RLIMIT_CORE does).
    from desktop.hardening import harden_process

    try:
        harden_process()
        conn.send(check(jobs))
    finally:
        conn.close()


class Recheck:
    """The helper for one export: ``start`` it, ``verdict`` once the stream is written,
    ``close`` always (it stops a helper still running, e.g. after a cancel)."""

    def __init__(self, store: blobfiles.BlobStore, items: Sequence[tuple[str, str, int]]) -> None:
        """``items``: (blob name, SHA-256 hex, size) of the attachments that may be sent."""
        self._store = store
        self._items = list(items)
        self._jobs: list[Job] | None = None
        self._process: Any = None
        self._conn: Any = None
        self._answer: list[str | None] | None = None

    @property
    def active(self) -> bool:
        """A helper runs: the stream may leave the hashing to it."""
        return self._process is not None

    def start(self) -> None:
        if sum(size for _b, _s, size in self._items) < MIN_BYTES:
            return
        try:
            jobs: list[Job] = []
            for blob_name, sha, size in self._items:
                path, header, key = self._store.file_key(blob_name)
                jobs.append((str(path), header, key, sha, size))
            ctx = multiprocessing.get_context("spawn")
            ours, theirs = ctx.Pipe(duplex=False)
            process = ctx.Process(target=_child, args=(theirs, jobs), daemon=True)
            process.start()
            theirs.close()
        except Exception:  # no helper: the stream hashes as before
            return
        self._jobs, self._process, self._conn = jobs, process, ours

    def verdict(self, index: int, seen: str) -> bool:
        """Whether item ``index``, streamed with ciphertext fingerprint ``seen``, has its
        expected SHA-256 and size (waits for the helper the first time)."""
        if self._jobs is None:
            raise RuntimeError("no helper was started")
        if self._answer is None:
            try:
                answer = self._conn.recv()
            except (EOFError, OSError):
                answer = None
            if not isinstance(answer, list) or len(answer) != len(self._jobs):
                answer = [None] * len(self._jobs)
            self._answer = answer
            self.close()
        if self._answer[index] == seen:
            return True
        # Not confirmed by the helper: the plain re-hash, here.
        return check([self._jobs[index]])[0] == seen

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None
        if self._process is not None:
            if self._process.is_alive():
                self._process.terminate()
            self._process.join()
            self._process = None
