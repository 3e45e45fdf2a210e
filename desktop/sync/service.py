"""Sync services: HQ key file, enrolment, bundle export (field), import and merge (HQ),
devices, conflicts and acknowledgements. The CLI and (later) the GUI call these.

Order of checks on import (DESIGN §5, issue 5): age decryption → manifest signature and
recipient binding → approved device → replay → caps → records parsed → one transaction that
merges the cases and records the bundle. The records are parsed and merged in batches while
the file is read (bounded memory), inside that one transaction, which commits only once the
whole file was read and checked. Nothing from a refused bundle stays behind: the merged
batches are rolled back, the attachments already stored are deleted and no row is written
(except a pending entry for an unknown device, so that it can be approved).
"""

from __future__ import annotations

import errno
import json
import os
import re
import threading
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pyrage
from sqlalchemy import bindparam, delete, func, insert, select, update
from sqlalchemy.engine import Connection

from desktop.errors import (
    IntegrityError,
    InvalidInputError,
    NotFoundError,
    TestimonyDeskError,
    UsageError,
)
from desktop.store import bulk, mapping
from desktop.store.cases import collector_paused, in_chunks
from desktop.store.models import (
    Attachment,
    Case,
    SyncBundle,
    SyncConflict,
    SyncDevice,
    SyncExport,
    SyncExportState,
    SyncMergeState,
    Testimony,
)
from desktop.sync import bundle as fmt
from desktop.sync import recheck, references
from desktop.sync import records as records_helper
from desktop.sync.identity import (
    Identity,
    b64,
    fingerprint,
    grouped,
    load_identity,
    now_utc,
    parse_fingerprint,
    parse_recipient,
    recipient_id,
    save_identity,
    unb64,
    verify,
)
from desktop.sync.received import received_case_ids
from desktop.vault.blobs import CHUNK as BLOB_CHUNK
from desktop.vault.blobs import BlobStore
from desktop.vault.vault import VaultKind
from desktop.vault.vaultfile import atomic_write, canonical_json, is_inside

HQ_KEY_FORMAT = "testimony-desk.hq-key/1"
HQ_KEY_CONTEXT = b"testimony-desk.hq-key/1\n"
ACK_FORMAT = "testimony-desk.ack/1"
ACK_MAGIC = b"TDACK1\n"
ACK_CONTEXT = b"testimony-desk.ack/1\n"
ENROLLED_KEY = "sync_hq"
RECORD_KEYS = {"case", "revision", "content_hash", "parent_hash", "base_hash", "origin_device"}
BUNDLE_NAME_RE = re.compile(r"^([a-z2-7]{8})-(\d{6,})\.tdb$")
MAX_KEY_FILE = 64 * 1024
MAX_ACK_FILE = 64 * 1024 * 1024
_PROGRESS_STEP = 4 * 1024 * 1024  # report progress every 4 MiB (and at the end)
_CANCEL_STEP = 1024 * 1024  # an export looks at its cancel flag every 1 MiB of plaintext

# progress(bytes done, bytes in all), called from the thread doing the work
Progress = Callable[[int, int], None]
# polled often from the working thread (before every piece of 64 KiB or less); true stops
Cancel = Callable[[], bool]


def _blobs(session: Any) -> BlobStore:
    return BlobStore(session.unlocked.blob_dir, session.unlocked.blob_key)


def _require(session: Any, kind: VaultKind, what: str) -> None:
    if session.unlocked.kind != kind:
        where = "an HQ vault (init --hq)" if kind == VaultKind.HQ else "a field vault"
        raise UsageError(f"{what} needs {where}")


# ---------------------------------------------------------------------- identity
def whoami(session: Any) -> str:
    """This vault's fingerprint, grouped (creates the identity of an older vault)."""
    return grouped(load_identity(session).fingerprint)


@dataclass(frozen=True)
class HQKey:
    name: str
    ed25519: bytes
    recipients: tuple[str, ...]
    created: str

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.ed25519)


def write_hq_key(session: Any, out: Path, *, rotate: bool = False) -> HQKey:
    """(HQ) Write the signed identity file field vaults enroll. ``rotate``: new age key first."""
    _require(session, VaultKind.HQ, "sync hq-key")
    identity = load_identity(session)
    if rotate:
        identity.rotate()
        save_identity(session, identity)
    name = str(session.store.setting("organisation_name") or "Headquarters")
    body = {
        "format": HQ_KEY_FORMAT,
        "name": name,
        "ed25519": b64(identity.public),
        "fingerprint": identity.fingerprint,
        "recipients": identity.recipients(),
        "created": now_utc(),
    }
    signature = identity.sign(HQ_KEY_CONTEXT + canonical_json(body))
    data = json.dumps({**body, "signature": b64(signature)}, ensure_ascii=False, indent=2)
    _write_file(Path(out), (data + "\n").encode("utf-8"))
    return HQKey(name, identity.public, tuple(body["recipients"]), str(body["created"]))


def read_hq_key(path: Path) -> HQKey:
    """Parse and verify an HQ identity file (self-signature, fingerprint, recipients)."""
    try:
        with open(path, "rb") as fh:
            raw = fh.read(MAX_KEY_FILE + 1)
    except OSError as exc:
        raise UsageError(f"cannot read {path}: {exc.strerror}") from exc
    bad = IntegrityError(f"{path}: not a valid HQ identity file (damaged or altered)")
    if len(raw) > MAX_KEY_FILE:
        raise bad
    try:
        value = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise bad from None
    keys = {"format", "name", "ed25519", "fingerprint", "recipients", "created", "signature"}
    if not isinstance(value, dict) or set(value) != keys or value["format"] != HQ_KEY_FORMAT:
        raise bad
    body = {k: v for k, v in value.items() if k != "signature"}
    ed = unb64(value["ed25519"], "the HQ identity file")
    sig = unb64(value["signature"], "the HQ identity file")
    if len(ed) != 32 or not verify(ed, sig, HQ_KEY_CONTEXT + canonical_json(body)):
        raise IntegrityError(f"{path}: the HQ identity file's signature is invalid")
    if value["fingerprint"] != fingerprint(ed):
        raise bad
    recipients = value["recipients"]
    if not isinstance(recipients, list) or not 1 <= len(recipients) <= 16:
        raise bad
    for r in recipients:
        parse_recipient(r)
    if not isinstance(value["name"], str) or not isinstance(value["created"], str):
        raise bad
    return HQKey(value["name"][:200], ed, tuple(recipients), value["created"])


def enrolled_hq(session: Any) -> HQKey | None:
    value = session.store.setting(ENROLLED_KEY)
    if not isinstance(value, dict):
        return None
    return HQKey(
        str(value["name"]),
        unb64(value["ed25519"], "the enrolled HQ identity"),
        tuple(value["recipients"]),
        str(value["created"]),
    )


def enroll(session: Any, key: HQKey) -> None:
    """(Field) Trust this HQ. A newer file from the same HQ (key rotation) replaces the old
    recipients; a different HQ replaces the enrolment (the caller confirmed it)."""
    _require(session, VaultKind.FIELD, "sync enroll")
    session.store.set_setting(
        ENROLLED_KEY,
        {
            "name": key.name,
            "ed25519": b64(key.ed25519),
            "fingerprint": key.fingerprint,
            "recipients": list(key.recipients),
            "created": key.created,
        },
    )


class Cancelled(TestimonyDeskError):
    """The user cancelled. Export: no bundle file and nothing recorded. Import: the bundle
    being read was not merged (bundles merged before it stay: each was complete)."""


# ---------------------------------------------------------------------- export (field)
@dataclass(frozen=True)
class ExportPreview:
    """What the next ``export_bundle`` would send (counts only, never names)."""

    sequence: int  # the number the next bundle gets
    cases: int
    attachments: int
    attachment_bytes: int
    excluded: int  # changed cases whose testimony consent forbids sharing with HQ
    hq: HQKey | None  # the enrolled HQ (None: no export possible yet)
    last_sequence: int | None  # the last bundle written, if any


# Changed since its last export, or never exported (with Case outer-joined to
# SyncExportState): what the next bundle carries.
_UNEXPORTED = (SyncExportState.case_id.is_(None)) | (
    SyncExportState.exported_hash != Case.content_hash
)


def export_rows(conn: Connection) -> list[Sequence[Any]]:
    """What an export reads before building its records, in bundle (id) order:
    (id, revision, content hash, parent hash, hash last exported or None), as tuples.

    On SQLite (every field vault) the statement is compiled here and run on the driver:
    ~13 ms for 10,000 rows against ~35 ms through SQLAlchemy's ``Row`` objects, on the
    export's critical path; these columns have no result processor on SQLite.
    """
    statement = (
        select(
            Case.id,
            Case.revision,
            Case.content_hash,
            Case.parent_hash,
            SyncExportState.exported_hash,
        )
        .outerjoin(SyncExportState, SyncExportState.case_id == Case.id)
        .where(_UNEXPORTED)
        .order_by(Case.id)
    )
    if conn.dialect.name != "sqlite":
        return [tuple(r) for r in conn.execute(statement)]
    compiled = statement.compile(dialect=conn.dialect)
    if compiled.params:
        raise ValueError("the export query takes no parameters")
    raw: Any = conn.connection.dbapi_connection
    rows: list[Sequence[Any]] = raw.execute(str(compiled)).fetchall()
    return rows


def _pending_ids(conn: Connection) -> list[str]:
    """Cases changed since their last export (or never exported), in id order."""
    return [
        str(c)
        for c in conn.execute(
            select(Case.id)
            .outerjoin(SyncExportState, SyncExportState.case_id == Case.id)
            .where(_UNEXPORTED)
            .order_by(Case.id)
        ).scalars()
    ]


def export_preview(session: Any) -> ExportPreview:
    """(Field) Counts for the Sync dialog before exporting.

    The same selection and consent rule as :func:`export_bundle` (a case is left out when
    any of its testimonies does not allow sharing with HQ), computed in SQL without loading
    the cases.
    """
    _require(session, VaultKind.FIELD, "sync export")
    with session.store.engine.connect() as conn:
        ids = _pending_ids(conn)
        excluded: set[str] = set()
        for chunk in in_chunks(ids):
            excluded.update(
                str(c)
                for c in conn.execute(
                    select(Testimony.case_id)
                    .where(
                        Testimony.case_id.in_(chunk),
                        Testimony.consent_share_with_hq.is_(False),
                    )
                    .distinct()
                ).scalars()
            )
        shared = [c for c in ids if c not in excluded]
        count = size = 0
        for chunk in in_chunks(shared):
            n, total = conn.execute(
                select(func.count(), func.coalesce(func.sum(Attachment.size), 0)).where(
                    Attachment.case_id.in_(chunk), Attachment.blob_name.is_not(None)
                )
            ).one()
            count += int(n)
            size += int(total)
        last = conn.execute(select(func.max(SyncExport.sequence))).scalar()
    return ExportPreview(
        sequence=int(last or 0) + 1,
        cases=len(shared),
        attachments=count,
        attachment_bytes=size,
        excluded=len(excluded),
        hq=enrolled_hq(session),
        last_sequence=int(last) if last is not None else None,
    )


def export_candidates(session: Any) -> list[tuple[str, str]]:
    """(Field) (reference, detained person's name) of the cases the next bundle would send,
    by reference — only for the Sync dialog's "show the cases" on the user's request."""
    _require(session, VaultKind.FIELD, "sync export")
    with session.store.engine.connect() as conn:
        ids = _pending_ids(conn)
        out: list[tuple[str, str]] = []
        for chunk in in_chunks(ids):
            private = (
                select(Testimony.case_id)
                .where(Testimony.case_id == Case.id, Testimony.consent_share_with_hq.is_(False))
                .exists()
            )
            out.extend(
                (str(ref), str(name or ""))
                for ref, name in conn.execute(
                    select(Case.reference, Case.detained_name).where(Case.id.in_(chunk), ~private)
                ).all()
            )
    return sorted(out)


@dataclass(frozen=True)
class ExportResult:
    path: Path | None
    sequence: int
    cases: int
    attachments: int
    excluded: int
    size: int = 0


def bundle_file_name(device_fp: str, sequence: int) -> str:
    """Neutral: a device fingerprint prefix and a number, nothing about cases."""
    return f"{device_fp[:8].lower()}-{sequence:06d}.tdb"


class _SavedMeanwhile(Exception):
    """A case was saved while its record was being built (see ``_still_as_read``)."""


# Tries of a whole export when cases are saved while it prepares (the Sync dialog is not
# modal: the user may go on saving cases during an export).
_EXPORT_TRIES = 3


def export_bundle(
    session: Any,
    out_dir: Path,
    *,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
) -> ExportResult:
    """(Field) Write the next bundle with every case changed since the last export.

    The file is written under a hidden temporary name in ``out_dir`` and renamed when
    complete; a failure or ``cancel`` (polled before every piece) removes it and records
    nothing (:class:`Cancelled`). ``progress`` gets (bytes, total bytes) of the plaintext.
    A case saved while the records were being built makes the export start again (nothing
    was written yet), up to ``_EXPORT_TRIES`` times.
    """
    for _ in range(_EXPORT_TRIES):
        try:
            return _export_bundle(session, out_dir, progress=progress, cancel=cancel)
        except _SavedMeanwhile:
            continue
    raise TestimonyDeskError(
        "cases kept being saved while the bundle was prepared: nothing was written; "
        "export again when no case is being saved"
    )


def _export_bundle(
    session: Any,
    out_dir: Path,
    *,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
) -> ExportResult:
    _require(session, VaultKind.FIELD, "sync export")
    if is_inside(Path(out_dir), Path(session.vault.folder)):
        raise UsageError("refusing to write a bundle inside the vault folder: choose another")
    hq = enrolled_hq(session)
    if hq is None:
        raise UsageError("no HQ enrolled yet: run 'testimony-desk sync enroll HQ-KEY-FILE' first")
    identity = load_identity(session)
    engine = session.store.engine
    # The second process that builds part of the records (desktop/sync/records.py): started
    # first, so that its start-up (~0.1 s) overlaps the queries below; stopped again when
    # there are too few records to share.
    helper = records_helper.Helper()
    watch: _CommitWatch | None = None
    try:
        if _helper_can_read(session) and session.store.cases.count() >= records_helper.MIN_CASES:
            helper.start()
        with engine.connect() as conn:
            # Before the hashes are read; checked out second, so that the export's reads
            # keep the connection whose page cache is warm (the pool hands out the last
            # one returned) and the watch, which reads no page, takes another.
            watch = _CommitWatch(engine)
            rows = export_rows(conn)
            sequence = int(conn.execute(select(func.max(SyncExport.sequence))).scalar() or 0) + 1
        meta = {r[0]: r for r in rows}
        if len(rows) < records_helper.MIN_CASES:
            helper.discard()
        else:
            unlocked = session.unlocked
            helper.send_job(
                session.store.cases, unlocked.db_path, unlocked.db_key, [r[0] for r in rows],
                meta, identity.fingerprint,
            )  # fmt: skip
        pending = _pending_attachments(engine, rows)
        blob_store = _blobs(session)
        rechecker = recheck.Recheck(
            blob_store, [(b, sha, size) for _c, _a, sha, size, b in pending]
        )
        try:
            if not helper.active:
                # Else it starts once the records are built: both helpers would compete for
                # the second core while the records are on the critical path.
                rechecker.start()
            return _export(
                session, out_dir, hq, identity, rows, meta, sequence, pending, rechecker,
                blob_store, progress, cancel, helper, watch,
            )  # fmt: skip
        finally:
            rechecker.close()
    finally:
        helper.close()
        if watch is not None:
            watch.close()


def _pending_attachments(engine: Any, rows: Sequence[Any]) -> list[tuple[str, str, str, int, str]]:
    """(case id, attachment id, SHA-256, size, blob file) of every stored attachment of the
    changed cases, in bundle order (case id, then position); those of cases left out by
    the consent rule are dropped later. Their SHA-256 re-check can then start on the second
    core (now, or after the records)."""
    pending: list[tuple[str, str, str, int, str]] = []
    with engine.connect() as conn:
        for chunk in in_chunks([r[0] for r in rows]):
            for case_id, att_id, sha, size, blob in conn.execute(
                select(
                    Attachment.case_id,
                    Attachment.id,
                    Attachment.sha256,
                    Attachment.size,
                    Attachment.blob_name,
                )
                .where(Attachment.case_id.in_(chunk), Attachment.blob_name.is_not(None))
                .order_by(Attachment.case_id, Attachment.position)
            ).all():
                pending.append((str(case_id), str(att_id), str(sha), int(size), str(blob)))
    return pending


def _helper_can_read(session: Any) -> bool:
    """The records helper opens the same SQLCipher file (never a PostgreSQL store)."""
    unlocked = session.unlocked
    return not getattr(unlocked, "db_url", None) and session.store.engine.dialect.name == "sqlite"


def _export(
    session: Any,
    out_dir: Path,
    hq: HQKey,
    identity: Identity,
    rows: Sequence[Any],
    meta: dict[str, Any],
    sequence: int,
    pending: list[tuple[str, str, str, int, str]],
    rechecker: recheck.Recheck,
    blob_store: BlobStore,
    progress: Progress | None,
    cancel: Cancel | None,
    helper: records_helper.Helper,
    watch: _CommitWatch,
) -> ExportResult:
    engine = session.store.engine
    repo = session.store.cases
    origin = identity.fingerprint  # a SHA-256 per access: once, not once per record
    ids = [r[0] for r in rows]

    def check_cancel() -> None:
        if cancel is not None and cancel():
            raise Cancelled("export cancelled: no bundle was written")

    helper_used = helper.active
    with collector_paused():  # ~10,000 documents of small dicts: nothing cyclic to free
        if helper_used:
            unlocked = session.unlocked
            built, excluded = helper.build_all(
                repo, unlocked.db_path, unlocked.db_key, ids, meta, origin, check_cancel
            )
        else:
            built, excluded = records_helper.build(repo, ids, meta, origin, {})
    if not watch.unchanged() and not _still_as_read(
        engine, meta, [case_id for case_id, _line, _sha in built]
    ):
        raise _SavedMeanwhile
    if helper_used:
        rechecker.start()  # now the second core is free again (export_bundle)
    records: list[bytes] = []
    entries: list[dict[str, Any]] = []
    exported: list[dict[str, Any]] = []
    for case_id, line, sha in built:
        _cid, revision, content_hash, _parent, _base = meta[case_id]
        records.append(line)
        entries.append({"id": case_id, "revision": int(revision), "sha256": sha, "size": len(line)})
        exported.append(
            {
                "case_id": case_id,
                "exported_hash": content_hash,
                "exported_revision": int(revision),
            }
        )
    del built
    if not records:
        return ExportResult(None, sequence - 1, 0, 0, excluded)
    ids = [e["id"] for e in entries]
    sent = set(ids)
    attachments: list[tuple[str, str, int]] = []
    att_entries: list[dict[str, Any]] = []
    rechecked: list[int] = []  # index in ``pending`` of each attachment sent
    for index, (case_id, att_id, sha, size, blob) in enumerate(pending):
        if case_id in sent:
            attachments.append((blob, sha, size))
            att_entries.append({"id": att_id, "case": case_id, "sha256": sha, "size": size})
            rechecked.append(index)
    bundle_id = str(uuid.uuid4())
    manifest = fmt.build_manifest(
        bundle_id=bundle_id,
        sequence=sequence,
        created=now_utc(),
        device_ed25519_b64=b64(identity.public),
        device_age=identity.recipients()[0],
        hq_fingerprint=hq.fingerprint,
        hq_recipients=[recipient_id(r) for r in hq.recipients],
        records=entries,
        attachments=att_entries,
    )
    signature = identity.sign(fmt.SIGN_CONTEXT + manifest)
    name = bundle_file_name(identity.fingerprint, sequence)
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    final = out_dir / name
    if final.exists():
        raise UsageError(f"{final} exists already: choose another folder")
    tmp = out_dir / f".{name}.part"
    estimate = (
        len(fmt.MAGIC)
        + 3 * fmt.HEADER
        + len(manifest)
        + len(signature)
        + sum(fmt.HEADER + len(r) for r in records)
        + sum(size + fmt.HEADER * -(-size // BLOB_CHUNK) for _b, _s, size in attachments)
    )
    fingerprints: list[str] | None = [] if rechecker.active else None
    total = fmt.padded_size(estimate)

    reported = 0

    def tick(done: int) -> None:  # every _CANCEL_STEP bytes of plaintext
        nonlocal reported
        check_cancel()
        if progress is not None and done - reported >= _PROGRESS_STEP:
            reported = done
            progress(min(done, total), total)

    reader = fmt.PieceReader(
        fmt.bundle_pieces(manifest, signature, records, attachments, blob_store, fingerprints),
        _CANCEL_STEP,
        tick,
    )
    replaced = False
    try:
        check_cancel()
        with open(tmp, "wb") as fh:
            syncing = _SyncingWriter(fh)
            try:
                try:
                    pyrage.encrypt_io(reader, syncing, [parse_recipient(r) for r in hq.recipients])
                except pyrage.EncryptError:
                    if isinstance(reader.error, TestimonyDeskError):
                        raise reader.error from None
                    raise
                if progress is not None:
                    progress(total, total)
                if fingerprints is not None and not _rechecked(rechecker, rechecked, fingerprints):
                    raise IntegrityError("an attachment changed while it was being exported")
                # The last fsync runs on the writer's thread (without the GIL) while the
                # export is written into a transaction, which commits only once the bundle
                # is on disk under its final name.
                syncing.finish()
                size = os.fstat(fh.fileno()).st_size
                with engine.connect().execution_options(immediate=True) as conn, conn.begin():
                    before = [cid for cid in ids if meta[cid][4] is not None]
                    _record_export(
                        conn, sequence, bundle_id, name, len(records), len(attachments),
                        excluded, before, exported,
                    )  # fmt: skip
                    syncing.close()
                    check_cancel()
                    os.replace(tmp, final)
                    replaced = True
                    _fsync_folder(out_dir)
            finally:
                syncing.stop()  # before the file (its descriptor) is closed
    except BaseException:
        tmp.unlink(missing_ok=True)
        if replaced:
            final.unlink(missing_ok=True)
        raise
    return ExportResult(final, sequence, len(records), len(attachments), excluded, size)


def _record_export(
    conn: Connection,
    sequence: int,
    bundle_id: str,
    name: str,
    cases: int,
    attachments: int,
    excluded: int,
    before: list[str],
    exported: list[dict[str, Any]],
) -> None:
    """The bundle and, per case sent, what was sent (replacing ``before``: the cases
    that had been exported already)."""
    conn.execute(
        insert(SyncExport).values(
            sequence=sequence,
            bundle_id=bundle_id,
            created=now_utc(),
            file_name=name,
            cases=cases,
            attachments=attachments,
            excluded=excluded,
            acked_at=None,
        )
    )
    # Through the driver's executemany (bulk): ~5× faster than SQLAlchemy's statements
    # for 10,000 rows.
    bulk.delete_keys(conn, SyncExportState.__table__, "case_id", before)
    bulk.insert_rows(
        conn,
        SyncExportState.__table__,
        [{**e, "sequence": sequence, "received": False} for e in exported],
    )


def _fsync_folder(folder: Path) -> None:
    """Make a rename in ``folder`` durable (POSIX: fsync the directory). File systems that
    cannot (FAT on some systems, network shares) answer EINVAL or the like: nothing more to
    do there."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError as exc:
        if exc.errno not in (errno.EINVAL, errno.ENOTSUP, errno.EBADF, errno.EACCES, errno.EPERM):
            raise
    finally:
        os.close(fd)


class _CommitWatch:
    """Whether any connection committed to the vault database since this was created.

    Why: ``_still_as_read`` re-reads 10,000 content hashes (~35 ms) to find a case saved
    while the records were built; almost always nothing was saved at all. SQLite's
    ``PRAGMA data_version`` on a connection changes whenever *another* connection (of this
    process or any other) commits; this watch holds its own connection, which never writes,
    so an unchanged value proves that nothing was committed in between. Any change (even to
    something unrelated) sends the export to the full check. Not on PostgreSQL (no such
    pragma; an export runs only on a field vault, always SQLCipher).
    """

    def __init__(self, engine: Any) -> None:
        self._raw: Any = engine.raw_connection() if engine.dialect.name == "sqlite" else None
        self._start = self._version()

    def _version(self) -> int | None:
        if self._raw is None:
            return None
        cursor = self._raw.cursor()
        try:
            return int(cursor.execute("PRAGMA data_version").fetchone()[0])
        finally:
            cursor.close()

    def unchanged(self) -> bool:
        return self._raw is not None and self._version() == self._start

    def close(self) -> None:
        if self._raw is not None:
            self._raw.close()
            self._raw = None


def _still_as_read(engine: Any, meta: dict[str, Any], ids: list[str]) -> bool:
    """Every case of the records still has the content hash read before they were built.

    Why: the hashes (``meta``, into each record and the export state) and the documents
    are read in separate transactions — the documents in chunks, part of them by the records
    helper. A case saved in between would go out as its new content under its old hash:
    HQ refuses such a bundle whole, while this vault would record all its cases as sent.
    A case whose hash is still the one read was not changed in between (short of a save
    and its exact undo within that second, which would still leave this case's record
    off by one version).
    """
    with engine.connect() as conn:
        for chunk in in_chunks(ids):
            now = dict(
                conn.execute(select(Case.id, Case.content_hash).where(Case.id.in_(chunk))).all()
            )
            if len(now) != len(chunk) or any(now[cid] != meta[cid][2] for cid in chunk):
                return False
    return True


class _SyncingWriter:
    """The bundle file for ``pyrage.encrypt_io``, flushed to disk while it is written.

    The export is recorded only after the bundle's fsync; with a large bundle most of its
    bytes would still be in the page cache then (1 GiB: seconds of writing at the end). So
    every ``SYNC_STEP`` bytes a thread runs ``fdatasync`` (without the GIL) while the
    encryption goes on; ``finish`` has the same thread run the last fsync while the export
    is being recorded. An error of that thread is raised by ``close`` (Linux reports a
    failed write-back to one fsync only).
    """

    SYNC_STEP = 64 * 1024 * 1024

    def __init__(self, fh: Any) -> None:
        self._fh = fh
        self._fd = fh.fileno()
        self._since = 0
        self._wake = threading.Event()
        self._closing = False
        self._final = False
        self._error: OSError | None = None
        self._thread = threading.Thread(target=self._run, name="bundle-sync", daemon=True)
        self._thread.start()

    def write(self, data: bytes) -> int:
        n: int = self._fh.write(data)
        self._since += n
        if self._since >= self.SYNC_STEP:
            self._since = 0
            self._fh.flush()
            self._wake.set()
        return n

    def flush(self) -> None:
        self._fh.flush()

    def _run(self) -> None:
        sync = getattr(os, "fdatasync", os.fsync)
        while True:
            self._wake.wait()
            self._wake.clear()
            if self._final:
                sync = os.fsync  # the last one: data and metadata
            elif self._closing:
                return
            try:
                sync(self._fd)
            except OSError as exc:
                self._error = exc
                return
            if self._final:
                return

    def finish(self) -> None:
        """Everything is written: the thread runs the last fsync (``close`` waits for it)."""
        self._fh.flush()
        self._final = True
        self._wake.set()

    def close(self) -> None:
        """Stop the thread (after its current sync); raise its error, if any."""
        self.stop()
        if self._error is not None:
            raise self._error

    def stop(self) -> None:
        """Stop the thread (after its current sync), whatever happened."""
        self._closing = True
        self._wake.set()
        self._thread.join()


def _rechecked(rechecker: recheck.Recheck, indexes: list[int], fingerprints: list[str]) -> bool:
    """Every attachment streamed is the one the helper hashed, with its SHA-256 and size."""
    if len(fingerprints) != len(indexes):
        return False
    return all(rechecker.verdict(i, seen) for i, seen in zip(indexes, fingerprints, strict=True))


def _write_file(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    atomic_write(path, data)


# ---------------------------------------------------------------------- import (HQ)
class AlreadyImported(TestimonyDeskError):
    """The same bundle was imported before: nothing to do (exit 0)."""

    exit_code = 0


@dataclass
class ImportResult:
    path: Path
    device: str
    sequence: int
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    stale: int = 0
    conflicts: int = 0
    attachments: int = 0
    # (reference before, reference now): cases this bundle brought, or stored cases of
    # another device, now shown with their device's suffix because both devices use the
    # same reference (``desktop.sync.references``).
    suffixed: list[tuple[str, str]] = field(default_factory=list)
    already: bool = False
    case_ids: list[str] = field(default_factory=list)


def bundle_paths(items: Sequence[Path]) -> list[Path]:
    """Files as given; a folder contributes its ``*.tdb`` in sequence order per device."""
    out: list[Path] = []
    for item in items:
        item = Path(item)
        if item.is_dir():
            found = [p for p in item.iterdir() if p.is_file() and p.suffix == ".tdb"]

            def key(p: Path) -> tuple[str, int, str]:
                m = BUNDLE_NAME_RE.match(p.name)
                return (m.group(1), int(m.group(2)), p.name) if m else ("~", 0, p.name)

            out.extend(sorted(found, key=key))
        else:
            out.append(item)
    return out


def import_bundles(
    session: Any,
    paths: Sequence[Path],
    *,
    limits: fmt.Limits | None = None,
    progress: Callable[[int, int, ImportResult], None] | None = None,
    refused: Callable[[int, int, Path, TestimonyDeskError], None] | None = None,
    reading: Callable[[int, int, int, int], None] | None = None,
    cancel: Cancel | None = None,
) -> list[ImportResult]:
    """(HQ) Import bundles one by one, each in its own transaction.

    Without ``refused`` the first refusal stops the run. With it, a refused bundle is
    reported there and the others are still imported (bundles are independent: one from an
    unapproved device must not hold back a folder of good ones); the caller decides how to
    end. ``reading(i, n, bytes read, file size)`` reports progress inside bundle ``i`` of
    ``n``; ``cancel`` is polled between reads and stops with :class:`Cancelled` (the bundle
    being read is not merged; those merged before it stay, each complete).
    """
    _require(session, VaultKind.HQ, "sync import")
    files = bundle_paths(paths)
    if not files:
        raise UsageError("no bundles (*.tdb) to import")
    identity = load_identity(session)
    results = []
    for i, path in enumerate(files, 1):
        if cancel is not None and cancel():
            raise Cancelled("import cancelled")
        meter = None
        if reading is not None:

            def meter(done: int, total: int, i: int = i) -> None:
                reading(i, len(files), done, total)

        try:
            result = import_bundle(
                session, path, identity=identity, limits=limits, progress=meter, cancel=cancel
            )
        except (IntegrityError, InvalidInputError) as exc:
            if refused is None:
                raise
            refused(i, len(files), path, exc)
            continue
        results.append(result)
        if progress is not None:
            progress(i, len(files), result)
    return results


class UnknownDevice(IntegrityError):
    """A bundle from a device not approved (yet); ``fingerprint`` as ``sync whoami`` prints it."""

    def __init__(self, message: str, fingerprint: str = "") -> None:
        super().__init__(message)
        self.fingerprint = fingerprint


def _device_message(fp: str, approved_row: bool) -> str:
    state = "is not approved yet" if approved_row else "is unknown"
    return (
        f"the sending device {grouped(fp)} {state}: compare this fingerprint with the field "
        f"worker's 'sync whoami', then run "
        f"'testimony-desk sync devices --approve \"{grouped(fp)}\"'"
    )


def import_bundle(
    session: Any,
    path: Path,
    *,
    identity: Identity | None = None,
    limits: fmt.Limits | None = None,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
) -> ImportResult:
    _require(session, VaultKind.HQ, "sync import")
    identity = identity or load_identity(session)
    limits = limits or fmt.Limits()
    engine = session.store.engine
    blobs = _blobs(session)
    name = Path(path).name
    known_recipients = {recipient_id(r) for r in identity.all_recipients()}
    seen: dict[str, Any] = {}

    def authenticate(raw: bytes, signature: bytes) -> fmt.Manifest:
        manifest = fmt.parse_manifest(raw, limits)
        if not verify(manifest.device_ed25519, signature, fmt.SIGN_CONTEXT + raw):
            raise IntegrityError(
                f"{name}: the bundle's signature is invalid: it was altered or forged "
                "(not signed by the key of the device it names)"
            )
        if (
            manifest.hq_fingerprint != identity.fingerprint
            or not set(manifest.hq_recipients) <= known_recipients
        ):
            raise IntegrityError(
                f"{name}: the bundle was made for another HQ (its signed recipients are not "
                "this HQ's keys): it was re-encrypted or misdirected"
            )
        fp = fingerprint(manifest.device_ed25519)
        seen["device"] = fp
        _check_device(engine, fp, manifest)
        with engine.connect() as conn:
            prior = conn.execute(
                select(SyncBundle.manifest_sha256).where(
                    SyncBundle.device == fp, SyncBundle.sequence == manifest.sequence
                )
            ).scalar()
        if prior is not None:
            if prior == manifest.sha256:
                raise AlreadyImported(
                    f"{name}: already imported (device {grouped(fp)}, bundle "
                    f"#{manifest.sequence}): nothing changed"
                )
            raise IntegrityError(
                f"{name}: replay: device {grouped(fp)} already sent a different bundle "
                f"#{manifest.sequence}; this one is refused"
            )
        return manifest

    merge = _StreamingMerge(session, name, Path(path))
    parser = fmt.BundleParser(
        authenticate, lambda _entry: blobs.writer(), limits, on_record=merge.add
    )
    try:
        try:
            # Parsed records and rows hold no reference cycles: the cyclic collector would
            # only walk them (measured ~0.8 s of ~13 s CPU on 10,000 cases; no RSS change).
            with collector_paused(), open(path, "rb") as fh:
                source: Any = fh
                if progress is not None or cancel is not None:
                    source = _MeteredReader(fh, os.fstat(fh.fileno()).st_size, progress, cancel)
                pyrage.decrypt_io(source, parser, identity.age_identities())
        except pyrage.DecryptError as exc:
            if "No matching keys" in str(exc):
                raise IntegrityError(
                    f"{name}: this bundle is not addressed to this HQ (none of its keys opens it)"
                ) from None
            raise IntegrityError(
                f"{name}: the bundle is damaged, truncated or was altered (decryption failed)"
            ) from None
        except (TestimonyDeskError, MemoryError):
            raise
        except OSError as exc:
            if exc.filename is not None or isinstance(exc, FileNotFoundError):
                raise
            raise IntegrityError(
                f"{name}: the bundle is damaged, truncated or was altered (decryption failed)"
            ) from None
        parsed = parser.finish()
        if cancel is not None and cancel():
            raise Cancelled("import cancelled: the bundle being read was not merged")
        result = merge.finish(parsed)
    except AlreadyImported:
        merge.rollback()
        _discard(parser, blobs)
        return ImportResult(Path(path), seen.get("device", ""), 0, already=True)
    except BaseException:
        merge.rollback()
        _discard(parser, blobs)
        raise
    return result


class _MeteredReader:
    """A bundle file for ``pyrage.decrypt_io`` that reports progress and can be cancelled
    (pyrage passes an exception raised here through unchanged)."""

    def __init__(
        self, fh: Any, size: int, progress: Progress | None, cancel: Cancel | None
    ) -> None:
        self._fh = fh
        self._size = size
        self._progress = progress
        self._cancel = cancel
        self._done = self._last = 0

    def read(self, n: int = -1) -> bytes:
        if self._cancel is not None and self._cancel():
            raise Cancelled("import cancelled: the bundle being read was not merged")
        data: bytes = self._fh.read(n)
        self._done += len(data)
        if self._progress is not None and (not data or self._done - self._last >= _PROGRESS_STEP):
            self._progress(self._done, self._size)
            self._last = self._done
        return data


def _discard(parser: fmt.BundleParser, blobs: BlobStore) -> None:
    parser.abort()
    for _entry, blob in parser.stored:
        blobs.delete(blob)


def _check_device(engine: Any, fp: str, manifest: fmt.Manifest) -> None:
    with engine.connect() as conn:
        row = (
            conn.execute(select(SyncDevice.__table__).where(SyncDevice.fingerprint == fp))
            .mappings()
            .first()
        )
    if row is not None and row["approved"]:
        if not row["ed25519"]:  # approved in advance by fingerprint: learn the keys now
            with engine.connect().execution_options(immediate=True) as conn, conn.begin():
                conn.execute(
                    update(SyncDevice)
                    .where(SyncDevice.fingerprint == fp)
                    .values(ed25519=b64(manifest.device_ed25519), age_recipient=manifest.device_age)
                )
        return
    if row is None:
        with engine.connect().execution_options(immediate=True) as conn, conn.begin():
            conn.execute(
                insert(SyncDevice).values(
                    fingerprint=fp,
                    ed25519=b64(manifest.device_ed25519),
                    age_recipient=manifest.device_age,
                    approved=False,
                    first_seen=now_utc(),
                    approved_at=None,
                )
            )
    raise UnknownDevice(_device_message(fp, row is not None), grouped(fp))


@dataclass
class _Record:
    doc: dict[str, Any]
    revision: int
    content_hash: str
    base_hash: str | None


class _RecordReader:
    """Parse one record of a bundle (JSON → case format) and check it against its signed
    manifest entry and the manifest's attachments of that case."""

    def __init__(self, name: str, manifest: fmt.Manifest) -> None:
        self.name = name
        self.manifest = manifest
        self.device = fingerprint(manifest.device_ed25519)
        self.attachments_of: dict[str, list[fmt.AttachmentEntry]] = {}
        for att in manifest.attachments:
            self.attachments_of.setdefault(att.case, []).append(att)
        # (SHA-256, size) that each manifest attachment has in its case record (None: not
        # there), checked by ``check_attachments`` once the attachments' own hashes were.
        self._in_records: dict[str, tuple[str, int] | None] = {}

    def parse(self, i: int, raw: bytes) -> _Record:
        from desktop.interchange.case_format import normalize_case

        name = self.name
        entry = self.manifest.records[i]
        try:
            value = json.loads(raw.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError, RecursionError):
            raise InvalidInputError("not a JSON record", source=name, index=i) from None
        if not isinstance(value, dict) or set(value) != RECORD_KEYS:
            raise InvalidInputError("a record has unexpected or missing keys", source=name, index=i)
        doc = normalize_case(value["case"], source=name, index=i)
        digest = mapping.content_hash(doc)
        if (
            doc.get("id") != entry.id
            or value["revision"] != entry.revision
            or value["content_hash"] != digest
            or value["origin_device"] != self.device
            or not (value["base_hash"] is None or isinstance(value["base_hash"], str))
        ):
            raise IntegrityError(f"{name}: record {i} does not match its manifest entry")
        expected = self.attachments_of.get(entry.id)
        if expected:
            in_doc = {a["id"]: a for a in doc.get("attachments", [])}
            for att in expected:
                found = in_doc.get(att.id)
                self._in_records[att.id] = (
                    None if found is None else (found["sha256"], found["size"])
                )
        return _Record(doc, entry.revision, digest, value["base_hash"])

    def check_attachments(self, stored: list[tuple[fmt.AttachmentEntry, str]]) -> None:
        """Every attachment that arrived is the one its case record describes."""
        for att, _blob in stored:
            if self._in_records.get(att.id) != (att.sha256, att.size):
                raise IntegrityError(
                    f"{self.name}: an attachment does not belong to its case record"
                )


def _prepared(rec: _Record) -> mapping.Prepared | None:
    """What the store derives from a record to write it, with the content hash the record
    check computed already (``mapping.prepare`` without hashing every case a second time)."""
    doc = rec.doc
    case_id, reference = doc.get("id"), doc.get("reference")
    if not (isinstance(case_id, str) and case_id and isinstance(reference, str) and reference):
        return None  # the store assigns the reference, so the hash is the store's to compute
    return mapping.Prepared(
        rec.content_hash,
        mapping.summary_fields(doc),
        mapping.document_to_rows(doc, case_id),
        mapping.search_texts(doc),
    )


def _parse_records(name: str, parsed: fmt.ParseResult) -> list[_Record]:
    """All records of a parse that collected them (the fuzz harness): the same checks as
    the streaming import makes record by record."""
    reader = _RecordReader(name, parsed.manifest)
    if len(parsed.records) != len(parsed.manifest.records):
        raise IntegrityError(f"{name}: the bundle's records do not match its manifest")
    records = [reader.parse(i, raw) for i, raw in enumerate(parsed.records)]
    reader.check_attachments(parsed.attachments)
    return records


# A batch of records merged at once: bounded by count and by bytes, so that the memory of
# an import does not grow with the bundle (measured in docs/hq.md "Performance").
_MERGE_BATCH = 500
_MERGE_BATCH_BYTES = 8 * 1024 * 1024


class _StreamingMerge:
    """Merge a bundle's records while it is read, in ONE transaction (all or nothing).

    ``add`` gets each record as the parser checked it against the signed manifest; records
    are parsed at once and merged by batches of ``_MERGE_BATCH`` into a transaction opened
    at the first batch (after the signature, recipient, device and replay checks, which run
    before any record is read). Nothing is committed before :meth:`finish`, which runs only
    when the whole file was decrypted and authenticated (age), every record and attachment
    matched its hash and the end marker was read; any failure before that — a tampered
    record late in the stream, a truncated file, a cancel — rolls everything back
    (:meth:`rollback`). Upsert by case id and revision, conflicts kept, the bundle recorded.
    """

    def __init__(self, session: Any, name: str, path: Path) -> None:
        self._session = session
        self._repo = session.store.cases
        self._name = name
        self._path = path
        self._reader: _RecordReader | None = None
        self._pending: list[_Record] = []
        self._pending_bytes = 0
        self._conn: Connection | None = None
        self._tx: Any = None
        self._result: ImportResult | None = None
        self._ids: list[str] = []
        # Conflicts whose field version has attachments in this bundle: their blob names
        # are known only once the attachments (after all records) are stored.
        self._conflict_blobs: list[tuple[str, str]] = []
        self._used_blobs: set[str] = set()

    # ------------------------------------------------------------ streaming
    def add(self, manifest: fmt.Manifest, index: int, raw: bytes) -> None:
        if self._reader is None:
            self._reader = _RecordReader(self._name, manifest)
        self._pending.append(self._reader.parse(index, raw))
        self._pending_bytes += len(raw)
        if len(self._pending) >= _MERGE_BATCH or self._pending_bytes >= _MERGE_BATCH_BYTES:
            self._flush()

    def _begin(self, m: fmt.Manifest) -> tuple[Connection, ImportResult]:
        if self._conn is not None and self._result is not None:
            return self._conn, self._result
        device = fingerprint(m.device_ed25519)
        conn = self._repo._writer()
        self._conn = conn
        self._tx = conn.begin()
        # Re-checked inside the writer's transaction: two imports of one bundle at once.
        prior = conn.execute(
            select(SyncBundle.manifest_sha256).where(
                SyncBundle.device == device, SyncBundle.sequence == m.sequence
            )
        ).scalar()
        if prior is not None:
            raise AlreadyImported(f"{self._name}: already imported")
        self._result = ImportResult(self._path, device, m.sequence, attachments=len(m.attachments))
        return conn, self._result

    def _flush(self) -> None:
        records, self._pending, self._pending_bytes = self._pending, [], 0
        reader = self._reader
        if not records or reader is None:
            return
        m = reader.manifest
        conn, result = self._begin(m)
        repo = self._repo
        device = reader.device
        ids = [r.doc["id"] for r in records]
        self._ids.extend(ids)
        try:
            current: dict[str, str] = {}
            states: dict[str, Any] = {}
            for chunk in in_chunks(ids):
                for cid, digest in conn.execute(
                    select(Case.id, Case.content_hash).where(Case.id.in_(chunk))
                ).all():
                    current[cid] = digest
                for row in conn.execute(
                    select(SyncMergeState.__table__).where(SyncMergeState.case_id.in_(chunk))
                ).mappings():
                    states[row["case_id"]] = (
                        row["device"],
                        row["field_revision"],
                        row["synced_hash"],
                    )
            fresh: list[_Record] = []
            for rec in records:
                st = states.get(rec.doc["id"])
                if st is not None and st[0] == device and st[1] >= rec.revision:
                    result.stale += 1
                else:
                    fresh.append(rec)
            # HQ's reference for each case (another device may number its cases alike):
            # settled before the hashes are compared, which are of what HQ stores.
            settled = references.settle(conn, repo, [r.doc for r in fresh], device, self._name)
            field_refs = settled.field_refs
            result.suffixed.extend(settled.changes)
            for rec in fresh:
                if rec.doc["id"] in field_refs:
                    rec.content_hash = mapping.content_hash(rec.doc)
            saving: list[_Record] = []
            conflict_rows: list[dict[str, Any]] = []
            new_states: list[dict[str, Any]] = []
            for rec in fresh:
                cid = rec.doc["id"]
                st = states.get(cid)
                new_states.append(
                    {
                        "case_id": cid,
                        "device": device,
                        "field_revision": rec.revision,
                        "synced_hash": rec.content_hash,
                        "field_reference": field_refs.get(cid),
                    }
                )
                have = current.get(cid)
                if have is None:
                    saving.append(rec)
                elif have == rec.content_hash:
                    result.unchanged += 1
                elif (st is not None and have == st[2]) or have == rec.base_hash:
                    saving.append(rec)
                else:
                    hq_doc = next(iter(repo._load(conn, [cid])))
                    field_newer = str(rec.doc.get("updated", "")) > str(hq_doc.get("updated", ""))
                    conflict_id = str(uuid.uuid4())
                    if cid in reader.attachments_of:
                        self._conflict_blobs.append((conflict_id, cid))
                    conflict_rows.append(
                        {
                            "id": conflict_id,
                            "case_id": cid,
                            "device": device,
                            "sequence": m.sequence,
                            "created": now_utc(),
                            "shown": "field" if field_newer else "hq",
                            "hq_doc": {"case": hq_doc},
                            "field_doc": {"case": rec.doc, "blobs": {}},
                            "resolved_at": None,
                            "resolution": None,
                        }
                    )
                    if field_newer:
                        saving.append(rec)
            to_save = [r.doc for r in saving]
            written = (
                repo._save(conn, to_save, self._name, prepared=[_prepared(r) for r in saving])
                if saving
                else None
            )
            if written is not None:
                result.created += written.created
                result.updated += written.updated
                result.unchanged += written.unchanged
            if to_save:
                conn.execute(
                    update(Case)
                    .where(Case.id == bindparam("cid"))
                    .values(updated=bindparam("upd"), origin_device=bindparam("dev")),
                    [
                        {"cid": d["id"], "upd": d.get("updated") or now_utc(), "dev": device}
                        for d in to_save
                    ],
                )
            for chunk in in_chunks([s["case_id"] for s in new_states]):
                conn.execute(delete(SyncMergeState).where(SyncMergeState.case_id.in_(chunk)))
            if new_states:
                conn.execute(insert(SyncMergeState), new_states)
            if conflict_rows:
                conn.execute(insert(SyncConflict), conflict_rows)
            result.conflicts += len(conflict_rows)
        finally:
            mapping.clear_memo()

    # ------------------------------------------------------------ end
    def finish(self, parsed: fmt.ParseResult) -> ImportResult:
        """The bundle was read whole and checked: merge the rest, attach blobs, commit."""
        m = parsed.manifest
        if self._reader is None:  # a bundle without records
            self._reader = _RecordReader(self._name, m)
        self._flush()
        stored = parsed.attachments
        self._reader.check_attachments(stored)
        conn, result = self._begin(m)
        self._used_blobs |= _attach_blobs(conn, stored)
        if self._conflict_blobs:
            field_blobs = {att.id: blob for att, blob in stored}
            attachments_of = self._reader.attachments_of
            for conflict_id, cid in self._conflict_blobs:
                blobs_of = {a.id: field_blobs[a.id] for a in attachments_of[cid]}
                self._used_blobs.update(blobs_of.values())
                field_doc = conn.execute(
                    select(SyncConflict.field_doc).where(SyncConflict.id == conflict_id)
                ).scalar_one()
                conn.execute(
                    update(SyncConflict)
                    .where(SyncConflict.id == conflict_id)
                    .values(field_doc={**field_doc, "blobs": blobs_of})
                )
        conn.execute(
            insert(SyncBundle).values(
                device=result.device,
                sequence=m.sequence,
                bundle_id=m.bundle_id,
                manifest_sha256=m.sha256,
                imported_at=now_utc(),
                records=len(m.records),
                attachments=len(stored),
            )
        )
        self._tx.commit()
        self._close()
        # Blobs no case row or conflict needs (an older revision's copy) are not kept.
        blobs = _blobs(self._session)
        for _att, blob in stored:
            if blob not in self._used_blobs:
                blobs.delete(blob)
        result.case_ids = self._ids
        return result

    def rollback(self) -> None:
        """Undo everything merged so far (idempotent)."""
        try:
            if self._tx is not None and self._tx.is_active:
                self._tx.rollback()
        finally:
            self._close()
            mapping.clear_memo()

    def _close(self) -> None:
        conn, self._conn, self._tx = self._conn, None, None
        if conn is not None:
            conn.close()


def _attach_blobs(conn: Connection, stored: list[tuple[fmt.AttachmentEntry, str]]) -> set[str]:
    """Give attachment rows without a blob the one that arrived; returns the blobs used."""
    used: set[str] = set()
    for att, blob in stored:
        done = conn.execute(
            update(Attachment)
            .where(
                Attachment.case_id == att.case,
                Attachment.id == att.id,
                Attachment.sha256 == att.sha256,
                Attachment.blob_name.is_(None),
            )
            .values(blob_name=blob)
        ).rowcount
        if done:
            used.add(blob)
    return used


# ---------------------------------------------------------------------- devices (HQ)
@dataclass(frozen=True)
class DeviceInfo:
    fingerprint: str
    approved: bool
    first_seen: str
    approved_at: str | None
    bundles: int
    last_sequence: int | None


def devices(session: Any) -> list[DeviceInfo]:
    _require(session, VaultKind.HQ, "sync devices")
    with session.store.engine.connect() as conn:
        counts = {
            d: (int(n), int(mx) if mx is not None else None)
            for d, n, mx in conn.execute(
                select(SyncBundle.device, func.count(), func.max(SyncBundle.sequence)).group_by(
                    SyncBundle.device
                )
            ).all()
        }
        rows = (
            conn.execute(select(SyncDevice.__table__).order_by(SyncDevice.first_seen))
            .mappings()
            .all()
        )
        return [
            DeviceInfo(
                grouped(r["fingerprint"]),
                bool(r["approved"]),
                r["first_seen"],
                r["approved_at"],
                *counts.get(r["fingerprint"], (0, None)),
            )
            for r in rows
        ]


def approve(session: Any, text: str) -> str:
    """Approve a device by the fingerprint its user reads out (spaces ignored)."""
    _require(session, VaultKind.HQ, "sync devices --approve")
    fp = parse_fingerprint(text)
    now = now_utc()
    with session.store.engine.connect().execution_options(immediate=True) as conn, conn.begin():
        done = conn.execute(
            update(SyncDevice)
            .where(SyncDevice.fingerprint == fp)
            .values(approved=True, approved_at=now)
        ).rowcount
        if not done:
            conn.execute(
                insert(SyncDevice).values(
                    fingerprint=fp,
                    ed25519="",
                    age_recipient="",
                    approved=True,
                    first_seen=now,
                    approved_at=now,
                )
            )
    return grouped(fp)


# ---------------------------------------------------------------------- conflicts (HQ)
@dataclass(frozen=True)
class ConflictInfo:
    id: str
    case_id: str
    reference: str
    device: str
    sequence: int
    created: str
    shown: str


def conflicts(session: Any) -> list[ConflictInfo]:
    _require(session, VaultKind.HQ, "sync conflicts")
    with session.store.engine.connect() as conn:
        rows = conn.execute(
            select(
                SyncConflict.id,
                SyncConflict.case_id,
                Case.reference,
                SyncConflict.device,
                SyncConflict.sequence,
                SyncConflict.created,
                SyncConflict.shown,
            )
            .outerjoin(Case, Case.id == SyncConflict.case_id)
            .where(SyncConflict.resolved_at.is_(None))
            .order_by(SyncConflict.created, SyncConflict.id)
        ).all()
    return [
        ConflictInfo(r[0], r[1], r[2] or r[1], grouped(r[3]), int(r[4]), r[5], r[6]) for r in rows
    ]


def resolve(session: Any, ref: str, keep: str) -> int:
    """Settle the open conflicts of one case: keep the HQ or the (latest) field version."""
    _require(session, VaultKind.HQ, "sync conflicts --resolve")
    if keep not in ("hq", "field"):
        raise UsageError("--keep must be 'hq' or 'field'")
    repo = session.store.cases
    case_id = repo.resolve(ref)
    try:
        with repo._writer() as conn, conn.begin():
            rows = (
                conn.execute(
                    select(SyncConflict.__table__)
                    .where(SyncConflict.case_id == case_id, SyncConflict.resolved_at.is_(None))
                    .order_by(SyncConflict.created, SyncConflict.sequence)
                )
                .mappings()
                .all()
            )
            if not rows:
                raise NotFoundError(f"no open conflict for {ref}")
            # The version already shown is the current one (with any edit made since):
            # it stays. Otherwise the kept snapshot is written back.
            if keep == "hq":
                chosen = rows[0]["hq_doc"]
                current = all(r["shown"] == "hq" for r in rows)
            else:
                chosen = rows[-1]["field_doc"]
                current = rows[-1]["shown"] == "field"
            if not current:
                doc = dict(chosen["case"])
                suffixed = conn.execute(
                    select(Case.reference)
                    .join(SyncMergeState, SyncMergeState.case_id == Case.id)
                    .where(Case.id == case_id, SyncMergeState.field_reference.is_not(None))
                ).scalar()
                if suffixed is not None:
                    # A snapshot taken before HQ suffixed the reference would bring back one
                    # another device's case now claims (desktop.sync.references).
                    doc["reference"] = suffixed
                repo._save(conn, [doc], "conflict resolution")
            for att_id, blob in (chosen.get("blobs") or {}).items():
                conn.execute(
                    update(Attachment)
                    .where(
                        Attachment.case_id == case_id,
                        Attachment.id == att_id,
                        Attachment.blob_name.is_(None),
                    )
                    .values(blob_name=blob)
                )
            conn.execute(
                update(SyncConflict)
                .where(SyncConflict.id.in_([r["id"] for r in rows]))
                .values(resolved_at=now_utc(), resolution=keep)
            )
    finally:
        clear = getattr(mapping, "clear_memo", None)
        if clear is not None:
            clear()
    return len(rows)


# ---------------------------------------------------------------------- acknowledgements
def write_ack(session: Any, device_text: str, out: Path) -> list[int]:
    """(HQ) A signed list of the device's sequences HQ has, encrypted to that device."""
    _require(session, VaultKind.HQ, "sync ack")
    fp = parse_fingerprint(device_text)
    identity = load_identity(session)
    with session.store.engine.connect() as conn:
        recipient = conn.execute(
            select(SyncDevice.age_recipient).where(SyncDevice.fingerprint == fp)
        ).scalar()
        if not recipient:
            raise NotFoundError(f"no device {grouped(fp)} has sent a bundle yet")
        sequences = sorted(
            int(s)
            for s in conn.execute(
                select(SyncBundle.sequence).where(SyncBundle.device == fp)
            ).scalars()
        )
    payload = canonical_json(
        {
            "format": ACK_FORMAT,
            "hq": identity.fingerprint,
            "device": fp,
            "sequences": sequences,
            "created": now_utc(),
        }
    )
    signature = identity.sign(ACK_CONTEXT + payload)
    inner = ACK_MAGIC + fmt.frame(b"M", payload) + fmt.frame(b"S", signature)
    _write_file(Path(out), pyrage.encrypt(inner, [parse_recipient(recipient)]))
    return sequences


def import_ack(session: Any, path: Path) -> tuple[list[int], int]:
    """(Field) Verify an HQ acknowledgement; mark those bundles and their cases received."""
    _require(session, VaultKind.FIELD, "sync import-ack")
    hq = enrolled_hq(session)
    if hq is None:
        raise UsageError("no HQ enrolled: an acknowledgement cannot be checked")
    identity = load_identity(session)
    name = Path(path).name
    try:
        with open(path, "rb") as fh:
            data = fh.read(MAX_ACK_FILE + 1)
    except OSError as exc:
        raise UsageError(f"cannot read {path}: {exc.strerror}") from exc
    if len(data) > MAX_ACK_FILE:
        raise IntegrityError(f"{name}: the acknowledgement is too large")
    try:
        inner = pyrage.decrypt(data, identity.age_identities())
    except pyrage.DecryptError:
        raise IntegrityError(
            f"{name}: not an acknowledgement for this device (damaged, altered or misdirected)"
        ) from None
    bad = IntegrityError(f"{name}: the acknowledgement is malformed")
    if not inner.startswith(ACK_MAGIC):
        raise bad
    rest = inner[len(ACK_MAGIC) :]
    if len(rest) < 5 or rest[:1] != b"M":
        raise bad
    n = int.from_bytes(rest[1:5], "big")
    payload, tail = rest[5 : 5 + n], rest[5 + n :]
    if len(payload) != n or len(tail) != 69 or tail[:5] != b"S" + (64).to_bytes(4, "big"):
        raise bad
    if not verify(hq.ed25519, tail[5:], ACK_CONTEXT + payload):
        raise IntegrityError(f"{name}: the acknowledgement is not signed by the enrolled HQ")
    try:
        value = json.loads(payload)
    except json.JSONDecodeError:
        raise bad from None
    if (
        not isinstance(value, dict)
        or value.get("format") != ACK_FORMAT
        or value.get("device") != identity.fingerprint
        or value.get("hq") != hq.fingerprint
        or not isinstance(value.get("sequences"), list)
        or not all(isinstance(s, int) and not isinstance(s, bool) for s in value["sequences"])
    ):
        raise bad
    sequences = sorted(set(value["sequences"]))
    marked = 0
    with session.store.engine.connect().execution_options(immediate=True) as conn, conn.begin():
        for chunk in in_chunks(sequences):
            conn.execute(
                update(SyncExport)
                .where(SyncExport.sequence.in_(chunk), SyncExport.acked_at.is_(None))
                .values(acked_at=now_utc())
            )
            marked += conn.execute(
                update(SyncExportState)
                .where(SyncExportState.sequence.in_(chunk), SyncExportState.received.is_(False))
                .values(received=True)
            ).rowcount
    return sequences, marked


def received_by_hq(session: Any) -> set[str]:
    """(Field) Ids of cases whose current version HQ acknowledged (the case list's mark).

    See :mod:`desktop.sync.received` for what is recorded and ``received_expr()`` for a
    column the case list query can select directly.
    """
    return received_case_ids(session.store.engine)


def export_status(session: Any) -> dict[str, Any]:
    """(Field) Last sequence, acknowledged sequences, cases waiting for the next export."""
    with session.store.engine.connect() as conn:
        last = conn.execute(select(func.max(SyncExport.sequence))).scalar()
        acked = [
            int(s)
            for s in conn.execute(
                select(SyncExport.sequence).where(SyncExport.acked_at.is_not(None))
            ).scalars()
        ]
        pending = conn.execute(
            select(func.count())
            .select_from(Case)
            .outerjoin(SyncExportState, SyncExportState.case_id == Case.id)
            .where(_UNEXPORTED)
        ).scalar()
    return {"last_sequence": last, "acknowledged": acked, "pending_cases": int(pending or 0)}
