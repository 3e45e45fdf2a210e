"""(Export) The bundle's records, built on both cores: this process and one spawn helper.

Why: the manifest comes first in a bundle and lists every record's hash and size, so no
byte can go to age before every record exists; reading 10,000 cases from SQLCipher and
writing their canonical JSON (~1.1 s of CPU) is on the export's critical path
(docs/bundle-format.md "Performance"). The records are independent of each other, so a
second process can build part of them at the same time.

How: the case ids (in bundle order) are cut into chunks of ``CHUNK`` cases. This process
builds chunks from the front, the helper from the back; each tells the other which chunk it
takes next (tiny messages over a duplex pipe), so they meet wherever the load puts them
and at most the chunk taken by both at the same moment is built twice (identical bytes;
this process keeps its own). The helper then sends its records (bytes) back over the pipe.
The bundle is byte for byte the one ``build`` alone would make (tests compare).

The helper is started with ``spawn`` (a fork would copy the unlocked vault and Qt's
threads), like desktop/sync/recheck.py, before the export's first query, and gets its job
as soon as the ids are known (``send_job``). It opens the database read-only
(``query_only``) with the database key, which it receives over its pipe — never on a
command line, in the environment or on disk; it holds nothing else of the vault (no master
key, no blob key). It imports no SQLAlchemy (~0.25 s): it reads through the driver
(desktop/store/cipherconn.py) with the statements and conversions this process compiled
(desktop/store/docread.py, the code this process reads with too), and starts building
~0.1 s after it was started.
Nothing personal crosses anything but the pipe. Anything the helper does not deliver — it
failed to start, died, sent something unexpected, raised — is built here, in this process,
with the same code: the result, and any error, is the one ``build`` alone gives.
Below ``MIN_CASES`` cases the helper's start-up is not worth it and everything is built
here.
"""

from __future__ import annotations

import contextlib
import hashlib
import multiprocessing
import threading
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

from desktop.sync.canonical import canonical_bytes

# Cases per chunk: small enough that the two sides meet closely (a chunk is ~50 ms of CPU),
# large enough that the per-chunk queries stay cheap.
CHUNK = 250
# Below this many changed cases everything is built in this process.
MIN_CASES = 2000

# case id -> (case id, revision, content hash, parent hash, exported hash or None)
Meta = dict[str, Sequence[Any]]
# (case id, record bytes, SHA-256 hex of the record)
Record = tuple[str, bytes, str]


def _shares_with_hq(doc: dict[str, Any]) -> bool:
    return all(t["consent"]["share_with_hq"] for t in doc.get("testimonies", []))


def records_of(docs: Iterable[dict[str, Any]], meta: Meta, origin: str) -> tuple[list[Record], int]:
    """The records of ``docs`` that may go to HQ, and how many were left out by the
    testimony consent rule."""
    records: list[Record] = []
    excluded = 0
    for doc in docs:
        if not _shares_with_hq(doc):
            excluded += 1
            continue
        _cid, revision, content_hash, parent_hash, base = meta[doc["id"]]
        line = canonical_bytes(
            {
                "case": doc,
                "revision": int(revision),
                "content_hash": content_hash,
                "parent_hash": parent_hash,
                "base_hash": base,
                "origin_device": origin,
            }
        )
        records.append((doc["id"], line, hashlib.sha256(line).hexdigest()))
    return records, excluded


def build(
    repo: Any, ids: Sequence[str], meta: Meta, origin: str, shared: dict[str, Any] | None = None
) -> tuple[list[Record], int]:
    """The records of the cases ``ids`` (in that order) that may go to HQ, and how many
    were left out by the testimony consent rule. ``shared``: ``docread.read_documents``."""
    return records_of(repo.documents(list(ids), shared=shared), meta, origin)


def _cut(ids: Sequence[str], size: int) -> list[list[str]]:
    return [list(ids[i : i + size]) for i in range(0, len(ids), size)]


# ---------------------------------------------------------------------- the helper
def _child(conn: Any) -> None:
    """The helper: build chunks from the back until this process's claims reach them.

    It imports no SQLAlchemy (~0.25 s): the driver-level connection (``cipherconn``) and
    the document reader (``docread``) with the plans the exporting process sent.
    """
    import gc

    from desktop.hardening import harden_process
    from desktop.store import cipherconn, docread

    db: Any = None
    try:
        harden_process()
        job = conn.recv()
        if not (isinstance(job, tuple) and job and job[0] == "job"):
            return
        _tag, db_path, db_key, plans, ids, meta, origin, size = job
        db = cipherconn.open_read_only(Path(db_path), db_key)
        del db_key
        chunks = _cut(ids, size)
        claimed = -1  # the highest chunk the exporting process took
        done: list[tuple[int, list[Record], int]] = []
        shared: dict[str, Any] = {}
        gc.disable()  # ~10,000 documents of small dicts: nothing cyclic to free
        for j in range(len(chunks) - 1, -1, -1):
            stop = False
            while conn.poll():
                msg = conn.recv()
                if msg[0] == "claim":
                    claimed = max(claimed, int(msg[1]))
                else:  # "stop"
                    stop = True
            if stop or j <= claimed:
                break
            conn.send(("start", j))
            docs = docread.read_documents(db, plans, chunks[j], shared=shared)
            records, excluded = records_of(docs, meta, origin)
            done.append((j, records, excluded))
        for j, records, excluded in done:
            conn.send(("chunk", j, records, excluded))
        conn.send(("end",))
    except Exception:  # the exporting process builds whatever is missing
        with contextlib.suppress(Exception):  # the pipe is gone: the parent sees EOF
            conn.send(("failed",))
    finally:
        if db is not None:
            db.close()
        conn.close()


class Helper:
    """The helper process for one export: ``start`` it as early as possible, then
    ``build_all``; ``close`` always (it stops a helper still running)."""

    def __init__(self) -> None:
        self._process: Any = None
        self._conn: Any = None
        self.helper_chunks = 0  # chunks whose records came from the helper (tests, bench)
        self._sender: threading.Thread | None = None
        self._sent: list[bool] = []  # the job's write went through

    @property
    def active(self) -> bool:
        return self._process is not None

    def start(self) -> None:
        try:
            ctx = multiprocessing.get_context("spawn")
            ours, theirs = ctx.Pipe(duplex=True)
            process = ctx.Process(target=_child, args=(theirs,), daemon=True)
            process.start()
            theirs.close()
        except Exception:  # no helper: everything is built here
            return
        self._process, self._conn = process, ours

    def _send(self, msg: Any) -> bool:
        try:
            self._conn.send(msg)
        except Exception:
            return False
        return True

    def send_job(
        self,
        repo: Any,
        db_path: Path,
        db_key: bytes,
        ids: Sequence[str],
        meta: Meta,
        origin: str,
    ) -> None:
        """Hand the helper its work as soon as the ids are known (it builds from the back
        while this process still prepares). ``build_all`` does it when it was not done."""
        if not self.active or self._sender is not None:
            return
        job = (
            "job",
            str(db_path),
            db_key,
            repo.read_plans(),
            list(ids),
            {c: tuple(meta[c]) for c in ids},  # export_rows gives tuples: no copies
            origin,
            CHUNK,
        )
        # The job (ids and per-case hashes, a few MB pickled) is larger than the pipe's
        # buffer: it is sent from a thread (the write waits for the helper to finish its
        # start-up, without the GIL) while this process goes on. Claims are only sent once
        # it is through (the helper takes the highest claim it saw).
        sent = self._sent
        self._sender = threading.Thread(
            target=lambda: sent.append(self._send(job)), name="records-job", daemon=True
        )
        self._sender.start()

    def build_all(
        self,
        repo: Any,
        db_path: Path,
        db_key: bytes,
        ids: Sequence[str],
        meta: Meta,
        origin: str,
        check: Callable[[], None] | None = None,
    ) -> tuple[list[Record], int]:
        """Like ``build(repo, ids, meta, origin)``, with the helper's help when it runs.
        ``check`` is called before every chunk built here (it may raise, e.g. a cancel)."""
        chunks = _cut(ids, CHUNK)
        results: dict[int, tuple[list[Record], int]] = {}
        shared: dict[str, Any] = {}  # JSON texts parsed once (docread.read_documents)
        helper_from = len(chunks)  # the lowest chunk the helper said it took
        alive = self.active
        self.send_job(repo, db_path, db_key, ids, meta, origin)
        sender = self._sender
        sent = self._sent
        theirs: dict[int, tuple[list[Record], int]] = {}
        finished = False  # the helper said "end" or "failed" (or something unexpected)
        ended = False  # it said "end" or "failed": it is exiting by itself

        def take(msg: Any) -> None:
            nonlocal helper_from, finished, ended
            if msg[0] == "start":
                helper_from = min(helper_from, int(msg[1]))
            elif msg[0] == "chunk":
                j, got, left = int(msg[1]), msg[2], int(msg[3])
                if 0 <= j < len(chunks) and _valid(got, chunks[j]):
                    theirs[j] = (got, left)
            else:
                finished = True
                ended = msg[0] in ("end", "failed")

        i = 0
        while i < len(chunks):
            if alive and not finished and sender is not None and not sender.is_alive():
                try:
                    alive = sent == [True]
                    while alive and not finished and self._conn.poll():
                        take(self._conn.recv())
                except Exception:
                    alive = False
                if alive and i >= helper_from:
                    break
                if alive and not finished:
                    alive = self._send(("claim", i))
            if check is not None:
                check()
            results[i] = build(repo, chunks[i], meta, origin, shared)
            i += 1
        if sender is not None:
            if sender.is_alive() and i == len(chunks):
                self._stop(wait=False)  # it never took its job: the write then fails
            sender.join()
            alive = alive and sent == [True]
        if i < len(chunks) and alive and not finished:
            self._send(("stop",))
            try:
                while not finished:
                    take(self._conn.recv())
            except Exception:  # noqa: S110 - whatever is missing is built below
                pass
        for j in range(i, len(chunks)):
            if j in theirs:
                results[j] = theirs[j]
                self.helper_chunks += 1
        if ended and alive:
            # It said "end" (or "failed") and is exiting by itself (~30 ms of interpreter shutdown):
            # ``close``, at the end of the export, joins it; the pipe can go now.
            self._release()
        else:
            self.close()
        records: list[Record] = []
        excluded = 0
        for j, chunk in enumerate(chunks):
            if j not in results:
                if check is not None:
                    check()
                results[j] = build(repo, chunk, meta, origin, shared)
            part, left_out = results.pop(j)
            records.extend(part)
            excluded += left_out
        return records, excluded

    def discard(self) -> None:
        """Stop a helper that was given no job (too few records to share): at once, without
        waiting for it to finish starting up (~0.1 s) and notice that its pipe closed."""
        if self._sender is None and self._conn is not None:
            self._conn.close()
            self._conn = None
            self._stop(wait=False)
        else:
            self.close()

    def _release(self) -> None:
        if self._sender is not None:
            self._sender.join()  # done: the helper read the whole job
        if self._conn is not None:
            self._conn.close()
            self._conn = None

    def close(self) -> None:
        if self._sender is not None and self._sender.is_alive():
            # Never close the pipe under a thread still writing the job (with the database
            # key) into it: its next write could go to whatever file reuses the number. The
            # helper is stopped first, so that the write fails, then the thread is waited for.
            self._stop(wait=False)
            self._sender.join()
        self._sender = None
        if self._conn is not None:
            self._conn.close()
            self._conn = None
        self._stop()

    def _stop(self, *, wait: bool = True) -> None:
        if self._process is not None:
            # It ends by itself once it sent "end" or sees the pipe closed; one still
            # starting up or building is stopped (it only reads a database).
            self._process.join(timeout=0.2 if wait else 0)
            if self._process.is_alive():
                self._process.terminate()
                self._process.join()
            self._process = None


def _valid(records: Any, chunk: list[str]) -> bool:
    """The helper's answer for ``chunk`` has the expected shape: records of cases of that
    chunk, in its order, each with the SHA-256 of its bytes."""
    if not isinstance(records, list):
        return False
    order = {cid: n for n, cid in enumerate(chunk)}
    last = -1
    for item in records:
        if not (isinstance(item, tuple) and len(item) == 3):
            return False
        cid, line, sha = item
        pos = order.get(cid, -1) if isinstance(cid, str) else -1
        if pos <= last or not isinstance(line, bytes) or not isinstance(sha, str):
            return False
        last = pos
    return True
