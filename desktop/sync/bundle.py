"""The decrypted layer of a bundle: framing, manifest schema, padding (docs/bundle-format.md).

Layout of the plaintext inside the age file::

    MAGIC "TDBUNDLE1\\n"
    frame*    frame = type (1 byte) | length (4 bytes, big-endian) | payload
      M  manifest (canonical JSON)                 exactly one, first
      S  Ed25519 signature over CONTEXT | manifest  exactly one, second
      R  one record (case-format JSON + revision)  one per manifest record, in order
      A  a piece (<= 1 MiB) of an attachment       attachments in manifest order
      E  end (empty)                               exactly one, last
    zero bytes up to the padded size

Why this shape: the manifest and its signature come first, so the importer verifies who
wrote the bundle (and for which HQ) before it looks at a single record; every later byte
is checked against a hash in the signed manifest. Every frame has a hard size limit known
before its payload is read, so memory stays bounded whatever the file claims. The zero
padding after the end frame hides the exact size (Padmé buckets) and must be all zeros.

The parser here knows nothing about databases: the importer passes callbacks. Every
failure is an :class:`IntegrityError` (exit 5) — a malformed but signed bundle is treated
as untrustworthy, never half-used.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any, Protocol

from desktop.errors import IntegrityError
from desktop.sync.canonical import canonical_bytes

MAGIC = b"TDBUNDLE1\n"
FORMAT = "testimony-desk.bundle/1"
SIGN_CONTEXT = b"testimony-desk.bundle/1 manifest\n"
HEADER = 5
PIECE = 1024 * 1024
MIN_BUCKET = 64 * 1024

_UUID_RE = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
_HEX64_RE = re.compile(r"^[0-9a-f]{64}$")
_HEX32_RE = re.compile(r"^[0-9a-f]{32}$")
_FP_RE = re.compile(r"^[A-Z2-7]{32}$")
_TS_RE = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$")


@dataclass(frozen=True)
class Limits:
    """Caps applied while reading; a bundle over any of them is refused (exit 5)."""

    manifest_bytes: int = 64 * 1024 * 1024
    records: int = 200_000
    record_bytes: int = 16 * 1024 * 1024
    # The records' bytes in all. The importer streams records (bounded batches, not the
    # whole bundle, are in memory); the cap still bounds how much one bundle can make HQ
    # parse and write in one transaction.
    records_total_bytes: int = 1024**3
    attachments: int = 100_000
    attachment_bytes: int = 8 * 1024**3
    total_bytes: int = 64 * 1024**3


def padded_size(length: int) -> int:
    """Padmé (Nikitin et al. 2019): at most ~12% overhead, leaks O(log log n) bits of size."""
    if length <= MIN_BUCKET:
        return MIN_BUCKET
    e = length.bit_length() - 1
    s = e.bit_length()
    mask = (1 << (e - s)) - 1
    return (length + mask) & ~mask


def frame(kind: bytes, payload: bytes) -> bytes:
    return kind + len(payload).to_bytes(4, "big") + payload


# ---------------------------------------------------------------------- manifest
@dataclass(frozen=True)
class RecordEntry:
    id: str
    revision: int
    sha256: str
    size: int


@dataclass(frozen=True)
class AttachmentEntry:
    id: str
    case: str
    sha256: str
    size: int


@dataclass(frozen=True)
class Manifest:
    bundle_id: str
    sequence: int
    created: str
    device_ed25519: bytes
    device_age: str
    hq_fingerprint: str
    hq_recipients: tuple[str, ...]
    records: tuple[RecordEntry, ...]
    attachments: tuple[AttachmentEntry, ...]
    raw: bytes = field(repr=False, default=b"")

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.raw).hexdigest()


def _bad(what: str) -> IntegrityError:
    return IntegrityError(f"the bundle manifest is malformed: {what}")


def _obj(value: object, keys: set[str], what: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise _bad(f"{what} is not an object")
    if set(value) != keys:
        raise _bad(f"{what} has unexpected or missing keys")
    return value


def _str(value: object, pattern: re.Pattern[str], what: str) -> str:
    if not isinstance(value, str) or not pattern.fullmatch(value):
        raise _bad(f"{what} is invalid")
    return value


def _int(value: object, low: int, high: int, what: str) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or not low <= value <= high:
        raise _bad(f"{what} is invalid")
    return value


def build_manifest(
    *,
    bundle_id: str,
    sequence: int,
    created: str,
    device_ed25519_b64: str,
    device_age: str,
    hq_fingerprint: str,
    hq_recipients: list[str],
    records: list[dict[str, Any]],
    attachments: list[dict[str, Any]],
) -> bytes:
    """The manifest's canonical JSON (10,000 records: ~10 ms by json, ~2 by orjson)."""
    return canonical_bytes(
        {
            "format": FORMAT,
            "bundle_id": bundle_id,
            "sequence": sequence,
            "created": created,
            "device": {"ed25519": device_ed25519_b64, "age": device_age},
            "hq": {"fingerprint": hq_fingerprint, "recipients": hq_recipients},
            "records": records,
            "attachments": attachments,
        }
    )


def parse_manifest(raw: bytes, limits: Limits) -> Manifest:
    """Strict schema: unknown keys, wrong types, duplicate ids and caps all refuse."""
    from desktop.sync.identity import unb64

    try:
        value = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError):
        raise _bad("not JSON") from None
    top = _obj(
        value,
        {"format", "bundle_id", "sequence", "created", "device", "hq", "records", "attachments"},
        "the manifest",
    )
    if top["format"] != FORMAT:
        raise IntegrityError("the bundle has an unknown format version")
    device = _obj(top["device"], {"ed25519", "age"}, "device")
    ed = unb64(device["ed25519"], "the manifest's device key")
    if len(ed) != 32:
        raise _bad("device key")
    age = device["age"]
    if not isinstance(age, str) or not re.fullmatch(r"age1[0-9a-z]{58}", age):
        raise _bad("device age recipient")
    hq = _obj(top["hq"], {"fingerprint", "recipients"}, "hq")
    if not isinstance(hq["recipients"], list) or not 1 <= len(hq["recipients"]) <= 16:
        raise _bad("hq recipients")
    recipients = tuple(_str(r, _HEX32_RE, "hq recipient") for r in hq["recipients"])
    if not isinstance(top["records"], list) or len(top["records"]) > limits.records:
        raise IntegrityError("the bundle has more records than allowed")
    if not isinstance(top["attachments"], list) or len(top["attachments"]) > limits.attachments:
        raise IntegrityError("the bundle has more attachments than allowed")
    records = []
    seen: set[str] = set()
    for i, r in enumerate(top["records"]):
        r = _obj(r, {"id", "revision", "sha256", "size"}, f"records[{i}]")
        entry = RecordEntry(
            _str(r["id"], _UUID_RE, f"records[{i}].id"),
            _int(r["revision"], 1, 2**31 - 1, f"records[{i}].revision"),
            _str(r["sha256"], _HEX64_RE, f"records[{i}].sha256"),
            _int(r["size"], 1, limits.record_bytes, f"records[{i}].size"),
        )
        if entry.id in seen:
            raise _bad(f"records[{i}] repeats a case")
        seen.add(entry.id)
        records.append(entry)
    attachments = []
    seen_att: set[str] = set()
    total = sum(r.size for r in records)
    if total > limits.records_total_bytes:
        raise IntegrityError("the bundle's records are larger than allowed")
    for i, a in enumerate(top["attachments"]):
        a = _obj(a, {"id", "case", "sha256", "size"}, f"attachments[{i}]")
        att = AttachmentEntry(
            _str(a["id"], _UUID_RE, f"attachments[{i}].id"),
            _str(a["case"], _UUID_RE, f"attachments[{i}].case"),
            _str(a["sha256"], _HEX64_RE, f"attachments[{i}].sha256"),
            _int(a["size"], 0, 2**62, f"attachments[{i}].size"),
        )
        if att.size > limits.attachment_bytes:
            raise IntegrityError("an attachment in the bundle is larger than allowed")
        if att.id in seen_att:
            raise _bad(f"attachments[{i}] repeats an attachment")
        if att.case not in seen:
            raise _bad(f"attachments[{i}] belongs to no record of the bundle")
        seen_att.add(att.id)
        total += att.size
        attachments.append(att)
    if total + len(raw) > limits.total_bytes:
        raise IntegrityError("the bundle's expanded size is larger than allowed")
    return Manifest(
        bundle_id=_str(top["bundle_id"], _UUID_RE, "bundle_id"),
        sequence=_int(top["sequence"], 1, 2**62, "sequence"),
        created=_str(top["created"], _TS_RE, "created"),
        device_ed25519=ed,
        device_age=age,
        hq_fingerprint=_str(hq["fingerprint"], _FP_RE, "hq fingerprint"),
        hq_recipients=recipients,
        records=tuple(records),
        attachments=tuple(attachments),
        raw=raw,
    )


# ---------------------------------------------------------------------- writing
class _Source(Protocol):
    def read_chunks(self, blob_name: str, tags: Any = None) -> Iterator[bytes]: ...


def bundle_pieces(
    manifest: bytes,
    signature: bytes,
    records: list[bytes],
    attachments: list[tuple[str, str, int]],
    blobs: _Source,
    fingerprints: list[str] | None = None,
) -> Iterator[bytes]:
    """The plaintext stream, piece by piece (bounded memory); ``attachments`` holds
    (blob_name, sha256, size) in manifest order; their bytes are re-checked on the way.

    With ``fingerprints`` (a list to fill), the SHA-256 re-check is left to a helper that
    hashed the same files (desktop/sync/recheck.py): each attachment's ciphertext
    fingerprint is appended instead, for the caller to compare before keeping the bundle.
    """
    written = 0

    def out(piece: bytes) -> bytes:
        nonlocal written
        written += len(piece)
        return piece

    yield out(MAGIC)
    yield out(frame(b"M", manifest))
    yield out(frame(b"S", signature))
    for rec in records:
        yield out(frame(b"R", rec))
    for blob_name, sha, size in attachments:
        for piece in _attachment_pieces(blobs, blob_name, sha, size, fingerprints):
            yield out(piece)
    yield out(frame(b"E", b""))
    pad = padded_size(written) - written
    zeros = bytes(min(pad, PIECE))
    while pad > 0:
        step = min(pad, PIECE)
        yield zeros[:step]
        pad -= step


def _attachment_pieces(
    blobs: _Source, blob_name: str, sha: str, size: int, fingerprints: list[str] | None = None
) -> Iterator[bytes]:
    """One A frame per decrypted blob chunk (64 KiB); header and payload are separate
    pieces so that no byte is copied on the way to the encryptor.

    The plaintext is hashed again on the way: a blob file swapped for another of the same
    vault would still decrypt, and HQ would then refuse the whole bundle. SHA-256 is the
    largest cost after age itself (about 0.55 s per GiB with SHA-NI); hashing it on a
    helper thread was measured and not kept — no less CPU time, and no steadier wall time
    on a busy machine (the thread needs the GIL between chunks). A helper *process* does it
    on the second core (``fingerprints``, desktop/sync/recheck.py).
    """
    digest = hashlib.sha256() if fingerprints is None else None
    tags = hashlib.sha256() if fingerprints is not None else None
    n = 0
    for chunk in blobs.read_chunks(blob_name, tags):
        if not chunk:
            continue
        n += len(chunk)
        if digest is not None:
            digest.update(chunk)
        for start in range(0, len(chunk), PIECE):
            part = chunk[start : start + PIECE] if len(chunk) > PIECE else chunk
            yield b"A" + len(part).to_bytes(4, "big")
            yield part
    if n != size or (digest is not None and digest.hexdigest() != sha):
        raise IntegrityError("an attachment changed while it was being exported")
    if fingerprints is not None and tags is not None:
        fingerprints.append(tags.hexdigest())


class PieceReader:
    """A file-like ``read`` over a generator of pieces, for ``pyrage.encrypt_io``.

    pyrage asks for 8 KiB at a time (about 130,000 calls per GiB), so this is on the hot
    path: ``read`` hands out a piece itself when it fits and slices it otherwise. (The
    ``io.RawIOBase`` default ``read`` → ``readinto`` would cost a bytearray, a Python call
    and a second copy per call — about 10 % of pyrage's own time.)

    ``tick(bytes so far)`` is called each time another ``every`` bytes of pieces were taken
    (progress, cancel; it may raise): counted here rather than by one more generator around
    the pieces, which cost ~0.05 s per GiB. pyrage wraps whatever a reader raises in its
    own ``EncryptError``; the original exception is kept in :attr:`error`.
    """

    def __init__(
        self,
        pieces: Iterator[bytes],
        every: int = 0,
        tick: Callable[[int], None] | None = None,
    ) -> None:
        self._pieces = pieces
        self._buf = b""
        self._pos = 0
        self._every = every
        self._tick = tick
        self._next_tick = every if tick is not None else -1
        self.done = 0  # bytes of pieces taken so far
        self.error: BaseException | None = None

    def readable(self) -> bool:
        return True

    def read(self, n: int = -1) -> bytes:
        buf, pos = self._buf, self._pos
        while pos >= len(buf):
            nxt = self._next()
            if nxt is None:
                self._buf, self._pos = b"", 0
                return b""
            buf, pos = nxt, 0
        if n < 0 or n >= len(buf) - pos:
            out = buf if pos == 0 else buf[pos:]
            self._buf, self._pos = b"", 0
            return out
        self._buf, self._pos = buf, pos + n
        return buf[pos : pos + n]

    def _next(self) -> bytes | None:
        try:
            nxt = next(self._pieces, None)
            if nxt is not None:
                self.done += len(nxt)
                if 0 <= self._next_tick <= self.done and self._tick is not None:
                    self._next_tick = self.done + self._every
                    self._tick(self.done)
        except BaseException as exc:
            self.error = exc
            raise
        return nxt


# ---------------------------------------------------------------------- reading
class AttachmentSink(Protocol):
    """Where an attachment's bytes go; ``close`` returns (name, SHA-256 hex, size) of them."""

    def write(self, data: bytes) -> int: ...

    def close(self) -> tuple[str, str, int]: ...

    def abort(self) -> None: ...


@dataclass
class ParseResult:
    manifest: Manifest
    records: list[bytes]  # empty when the parser handed them to ``on_record``
    attachments: list[tuple[AttachmentEntry, str]]  # entry, stored blob name


# on_record(manifest, index, payload): one record, already checked against the size and
# SHA-256 of ``manifest.records[index]``; called in manifest order, as the record arrives.
RecordSink = Callable[[Manifest, int, bytes], None]


class BundleParser:
    """Incremental parser fed with decrypted bytes (``write``), then ``finish``.

    ``authenticate(manifest_bytes, signature)`` is called as soon as both frames are in and
    must verify them (and may refuse the bundle) before any record is read;
    ``open_attachment(entry)`` returns where an attachment's bytes go. Bytes reach this
    parser only after age authenticated them, but a file may still be cut short: nothing is
    final until :meth:`finish` returns.

    ``on_record``, when given, receives each record as soon as it is read and checked
    (the importer merges them in batches inside its open transaction, so a bundle's records
    are never all in memory); without it the records are collected for :meth:`finish`.
    """

    def __init__(
        self,
        authenticate: Callable[[bytes, bytes], Manifest],
        open_attachment: Callable[[AttachmentEntry], AttachmentSink],
        limits: Limits | None = None,
        on_record: RecordSink | None = None,
    ) -> None:
        self._authenticate = authenticate
        self._open_attachment = open_attachment
        self._on_record = on_record
        self.limits = limits or Limits()
        self._buf = bytearray()
        self._state = "magic"
        self._manifest_raw = b""
        self._manifest: Manifest | None = None
        self._records: list[bytes] = []
        self._record_count = 0
        self._att_index = 0
        self._att_left = 0
        self._att_sink: AttachmentSink | None = None
        self._stored: list[tuple[AttachmentEntry, str]] = []
        self._total = 0

    # file-like for pyrage.decrypt_io
    def write(self, data: bytes | bytearray | memoryview) -> int:
        n = len(data)
        self._total += n
        if self._total > self.limits.total_bytes:
            raise IntegrityError("the bundle's expanded size is larger than allowed")
        if self._state == "padding":
            if bytes(data).count(0) != n:
                raise IntegrityError("the bundle has data after its end")
            return n
        self._buf += data
        self._drain()
        return n

    def flush(self) -> None:
        return None

    def _max_payload(self, kind: bytes) -> int:
        m = self._manifest
        if kind == b"M" and self._state == "manifest":
            return self.limits.manifest_bytes
        if kind == b"S" and self._state == "signature":
            return 64
        if kind == b"R" and self._state == "records" and m is not None:
            return m.records[self._record_count].size
        if kind == b"A" and self._state == "attachments":
            return min(PIECE, self._att_left)
        if kind == b"E" and self._state in ("records", "attachments", "end"):
            return 0
        raise IntegrityError("the bundle's structure is invalid (unexpected section)")

    def _drain(self) -> None:
        buf = self._buf
        pos = 0
        while True:
            if self._state == "magic":
                if len(buf) - pos < len(MAGIC):
                    break
                if bytes(buf[pos : pos + len(MAGIC)]) != MAGIC:
                    raise IntegrityError("this is not a Testimony Desk bundle (or a newer version)")
                pos += len(MAGIC)
                self._state = "manifest"
                continue
            if self._state == "padding":
                rest = bytes(buf[pos:])
                if rest.count(0) != len(rest):
                    raise IntegrityError("the bundle has data after its end")
                pos = len(buf)
                break
            if len(buf) - pos < HEADER:
                break
            kind = bytes(buf[pos : pos + 1])
            length = int.from_bytes(buf[pos + 1 : pos + HEADER], "big")
            self._advance_state(kind)
            limit = self._max_payload(kind)
            if kind == b"R" and length > limit:
                raise IntegrityError(
                    f"record {self._record_count} does not match the hash in the manifest "
                    "(wrong size)"
                )
            if length > limit or (kind == b"S" and length != 64):
                raise IntegrityError("a section of the bundle is larger than its manifest allows")
            if kind == b"A" and length == 0:
                raise IntegrityError("the bundle's structure is invalid (empty piece)")
            if len(buf) - pos < HEADER + length:
                break
            payload = bytes(buf[pos + HEADER : pos + HEADER + length])
            pos += HEADER + length
            self._handle(kind, payload)
        if pos:
            del buf[:pos]

    def _advance_state(self, kind: bytes) -> None:
        """Move past finished sections (records done → attachments → end)."""
        m = self._manifest
        if m is None:
            return
        if self._state == "records" and self._record_count == len(m.records):
            self._state = "attachments" if m.attachments else "end"
        if self._state == "attachments" and self._att_sink is None:
            self._start_attachment()

    def _start_attachment(self) -> None:
        m = assert_manifest(self._manifest)
        while self._att_index < len(m.attachments):
            entry = m.attachments[self._att_index]
            self._att_sink = self._open_attachment(entry)
            self._att_left = entry.size
            if entry.size:
                return
            self._finish_attachment()
        self._state = "end"

    def _finish_attachment(self) -> None:
        m = assert_manifest(self._manifest)
        entry = m.attachments[self._att_index]
        sink = self._att_sink
        self._att_sink = None
        if sink is None:
            return
        # The sink hashes what it stores (one SHA-256 pass, not two); a blob that does not
        # match is listed as stored so that the importer's clean-up deletes it.
        name, sha, size = sink.close()
        self._stored.append((entry, name))
        if sha != entry.sha256 or size != entry.size:
            raise IntegrityError("an attachment does not match the hash in the manifest")
        self._att_index += 1

    def _handle(self, kind: bytes, payload: bytes) -> None:
        if kind == b"M":
            self._manifest_raw = payload
            self._state = "signature"
        elif kind == b"S":
            self._manifest = self._authenticate(self._manifest_raw, payload)
            self._state = "records"
        elif kind == b"R":
            m = assert_manifest(self._manifest)
            index = self._record_count
            entry = m.records[index]
            if len(payload) != entry.size or hashlib.sha256(payload).hexdigest() != entry.sha256:
                raise IntegrityError(f"record {index} does not match the hash in the manifest")
            self._record_count += 1
            if self._on_record is not None:
                self._on_record(m, index, payload)
            else:
                self._records.append(payload)
        elif kind == b"A":
            if self._att_sink is None:
                raise IntegrityError("the bundle's structure is invalid (unexpected attachment)")
            self._att_sink.write(payload)
            self._att_left -= len(payload)
            if self._att_left == 0:
                self._finish_attachment()
                self._start_attachment()
        elif kind == b"E":
            m = assert_manifest(self._manifest)
            if self._record_count != len(m.records) or self._att_index != len(m.attachments):
                raise IntegrityError("the bundle ends before everything in its manifest")
            self._state = "padding"

    def abort(self) -> None:
        """Remove attachments already stored for a bundle that is refused."""
        if self._att_sink is not None:
            self._att_sink.abort()
            self._att_sink = None

    def finish(self) -> ParseResult:
        if self._state != "padding" or self._manifest is None:
            raise IntegrityError("the bundle is truncated (it ends before its end marker)")
        return ParseResult(self._manifest, self._records, self._stored)

    @property
    def stored(self) -> list[tuple[AttachmentEntry, str]]:
        return self._stored


def assert_manifest(m: Manifest | None) -> Manifest:
    if m is None:
        raise IntegrityError("the bundle's structure is invalid (no manifest)")
    return m
