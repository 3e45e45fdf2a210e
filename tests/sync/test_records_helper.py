"""The export's records built on two cores (desktop/sync/records.py).

The helper process must change nothing in the bundle: the same records, in the same order,
byte for byte, as the exporting process alone builds them; and whatever the helper does not
deliver (it cannot start, cannot open the database, dies) is built in the exporting process.
These tests lower ``MIN_CASES`` and ``CHUNK`` so that small vaults use the helper, and hold
the exporting process back until the helper has taken chunks, so that both sides build.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
import time
import uuid
from pathlib import Path
from typing import Any

import bundle_tools
import pytest
from conftest import PASSPHRASE, Pair, attach, synth_cases
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import update

from desktop.app import unlock
from desktop.store import models
from desktop.sync import records, service
from desktop.sync.canonical import canonical_bytes
from desktop.vault.vaultfile import canonical_json


def _rows(session: Any) -> list[Any]:
    """What export_bundle reads before building the records (every case here: none was
    exported yet)."""
    with session.store.engine.connect() as conn:
        return service.export_rows(conn)


def _fill(pair: Pair, n: int = 40) -> None:
    docs = synth_cases(n, seed=77)
    pair.field.store.cases.save(docs)
    # Some cases whose consent forbids sharing with HQ: left out on both paths.
    with pair.field.store.engine.begin() as conn:
        for doc in docs[3:n:7]:
            conn.execute(
                update(models.Testimony)
                .where(models.Testimony.case_id == doc["id"])
                .values(consent_share_with_hq=False)
            )


def _wait_for_helper(helper: records.Helper) -> Any:
    """A ``check`` that holds the exporting process back, once, until the helper has sent
    its first message (it has taken a chunk)."""
    waited: list[bool] = []

    def check() -> None:
        if not waited:
            waited.append(True)
            assert helper._conn.poll(120), "the helper never answered"

    return check


@pytest.fixture
def small_chunks(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(records, "CHUNK", 3)
    monkeypatch.setattr(records, "MIN_CASES", 0)


def test_helper_builds_the_same_records(pair: Pair, small_chunks: None) -> None:
    _fill(pair)
    session = pair.field
    rows = _rows(session)
    meta = {r[0]: r for r in rows}
    ids = [r[0] for r in rows]
    origin = "ORIGINFINGERPRINT"
    alone = records.build(session.store.cases, ids, meta, origin)
    assert alone[1] > 0 and len(alone[0]) + alone[1] == 40

    helper = records.Helper()
    helper.start()
    assert helper.active
    both = helper.build_all(
        session.store.cases,
        session.unlocked.db_path,
        session.unlocked.db_key,
        ids,
        meta,
        origin,
        _wait_for_helper(helper),
    )
    assert helper.helper_chunks > 0  # the helper did build part of them
    assert both == alone
    process = helper._process
    assert process is not None  # it said "end": it exits by itself, ``close`` joins it
    process.join(60)
    assert process.exitcode == 0
    helper.close()
    assert not helper.active


def test_helper_never_sees_the_key_outside_its_pipe(pair: Pair, small_chunks: None) -> None:
    key = pair.field.unlocked.db_key
    helper = records.Helper()
    helper.start()
    try:
        pid = helper._process.pid
        cmdline = Path(f"/proc/{pid}/cmdline").read_bytes()
        environ = Path(f"/proc/{pid}/environ").read_bytes()
        for blob in (cmdline, environ):
            assert key not in blob and key.hex().encode() not in blob
            assert key.hex().upper().encode() not in blob
    finally:
        helper.close()


@pytest.mark.parametrize("failure", ["wrong key", "killed", "cannot start"])
def test_records_are_built_here_when_the_helper_fails(
    pair: Pair, small_chunks: None, failure: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    _fill(pair, 20)
    session = pair.field
    rows = _rows(session)
    meta = {r[0]: r for r in rows}
    ids = [r[0] for r in rows]
    alone = records.build(session.store.cases, ids, meta, "ORIGIN")
    key = session.unlocked.db_key
    if failure == "cannot start":
        import multiprocessing

        class NoProcesses:
            def Pipe(self, duplex: bool = True) -> Any:  # multiprocessing's name
                raise OSError("no processes here")

        monkeypatch.setattr(multiprocessing, "get_context", lambda method=None: NoProcesses())
    helper = records.Helper()
    helper.start()
    check = None
    if failure == "wrong key":
        key = bytes(32)  # SQLCipher refuses it: the helper reports a failure
        check = _wait_for_helper(helper)
    elif failure == "killed":
        helper._process.kill()
        helper._process.join()
    else:
        assert not helper.active
    both = helper.build_all(
        session.store.cases, session.unlocked.db_path, key, ids, meta, "ORIGIN", check
    )
    assert helper.helper_chunks == 0
    assert both == alone


def test_export_with_the_helper_is_the_same_bundle(
    pair: Pair, small_chunks: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two copies of one vault export the same cases, one with the helper and one without:
    the same plaintext, byte for byte (bundle id and time fixed), and HQ imports it."""
    _fill(pair, 30)
    attach(pair.field, _rows(pair.field)[0][0], "паспорт.jpg", os.urandom(200_000))
    folder = Path(pair.field.vault.folder)
    pair.field.lock()
    shutil.copytree(folder, folder.with_name("field-copy"))
    pair.field = unlock(folder, passphrase=PASSPHRASE, check=False)
    copy = unlock(folder.with_name("field-copy"), passphrase=PASSPHRASE, check=False)
    fixed = uuid.UUID("12345678-1234-4234-8234-123456789abc")
    monkeypatch.setattr(service.uuid, "uuid4", lambda: fixed)
    monkeypatch.setattr(service, "now_utc", lambda: "2026-11-28T03:00:00Z")

    started: list[records.Helper] = []
    real_start = records.Helper.start

    def start(self: records.Helper) -> None:
        real_start(self)
        started.append(self)

    monkeypatch.setattr(records.Helper, "start", start)
    waited: list[bool] = []

    def cancel() -> bool:
        if not waited and started and started[0]._conn is not None:
            waited.append(True)
            assert started[0]._conn.poll(120)
        return False

    with_helper = service.export_bundle(pair.field, pair.out, cancel=cancel)
    assert started and started[0].helper_chunks > 0
    monkeypatch.setattr(records, "MIN_CASES", 10**9)
    try:
        alone = service.export_bundle(copy, pair.folder / "out-alone")
    finally:
        copy.lock()
    assert len(started) == 1  # no helper for the second export
    assert with_helper.path is not None and alone.path is not None
    assert (with_helper.cases, with_helper.excluded) == (alone.cases, alone.excluded)
    assert with_helper.excluded > 0
    plain = bundle_tools.decrypt(pair.hq, with_helper.path)
    assert plain == bundle_tools.decrypt(pair.hq, alone.path)
    (imported,) = pair.import_(with_helper.path)
    assert imported.created == with_helper.cases


def test_bundle_file_is_synced_while_it_is_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    synced: list[int] = []
    real = os.fdatasync

    def counting(fd: int) -> None:
        real(fd)
        synced.append(fd)

    monkeypatch.setattr(os, "fdatasync", counting)
    monkeypatch.setattr(service._SyncingWriter, "SYNC_STEP", 64 * 1024)
    path = tmp_path / "bundle.part"
    with open(path, "wb") as fh:
        writer = service._SyncingWriter(fh)
        for _ in range(64):
            writer.write(b"x" * 16 * 1024)  # 1 MiB in all: up to 16 syncs on the way
        writer.flush()
        deadline = time.monotonic() + 30
        while not synced and time.monotonic() < deadline:  # the thread runs when it can
            time.sleep(0.01)
        writer.close()
    assert path.stat().st_size == 1024 * 1024
    assert synced  # some of it reached the disk before the final fsync


def test_a_failed_background_sync_is_not_lost(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Linux reports a failed write-back to one fsync only: the thread's error must
    surface, or the export would be recorded for a bundle that is not on the disk."""

    def failing(fd: int) -> None:
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(os, "fdatasync", failing)
    monkeypatch.setattr(service._SyncingWriter, "SYNC_STEP", 1024)
    with open(tmp_path / "bundle.part", "wb") as fh:
        writer = service._SyncingWriter(fh)
        writer.write(b"x" * 4096)
        writer._thread.join(30)  # it stops at its first error
        with pytest.raises(OSError, match="Input/output error"):
            writer.close()


def test_a_cancel_while_the_helper_starts_stops_it_cleanly(pair: Pair, small_chunks: None) -> None:
    """A cancel before the helper took its job: ``close`` stops the helper, waits for the
    thread still writing the job (with the database key) and only then closes the pipe."""
    _fill(pair, 12)
    session = pair.field
    rows = _rows(session)
    meta = {r[0]: r for r in rows}
    helper = records.Helper()
    helper.start()

    def cancel() -> None:
        raise service.Cancelled("export cancelled: no bundle was written")

    with pytest.raises(service.Cancelled):
        helper.build_all(
            session.store.cases,
            session.unlocked.db_path,
            session.unlocked.db_key,
            [r[0] for r in rows],
            meta,
            "ORIGIN",
            cancel,
        )
    sender = helper._sender
    assert sender is not None  # the job was being sent
    started = time.monotonic()
    helper.close()
    assert time.monotonic() - started < 30
    assert not sender.is_alive() and not helper.active and helper._conn is None


def test_record_lines_are_canonical_json(pair: Pair) -> None:
    """orjson writes the records; they are exactly ``canonical_json`` of what they hold."""
    _fill(pair, 12)
    session = pair.field
    rows = _rows(session)
    built, _excluded = records.build(
        session.store.cases, [r[0] for r in rows], {r[0]: r for r in rows}, "ORIGIN", {}
    )
    assert built
    for _cid, line, sha in built:
        assert line == canonical_json(json.loads(line))
        assert sha == hashlib.sha256(line).hexdigest()


_NO_FLOATS = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(st.characters(codec="utf-8")),
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.dictionaries(st.text(st.characters(codec="utf-8")), inner, max_size=4)
    ),
    max_leaves=25,
)


@settings(max_examples=500, deadline=None)
@given(value=_NO_FLOATS)
def test_record_line_equals_canonical_json(value: Any) -> None:
    """Every value a case document can hold (no floats in the case format): the same bytes
    — control characters, U+2028, astral planes and integers past 64 bits included."""
    assert canonical_bytes({"case": value}) == canonical_json({"case": value})


@pytest.mark.parametrize("text", ["\ud800", "a\udfffb"])
def test_record_line_refuses_lone_surrogates_like_canonical_json(text: str) -> None:
    with pytest.raises(UnicodeEncodeError):
        canonical_json({"case": text})
    with pytest.raises(UnicodeEncodeError):
        canonical_bytes({"case": text})


def test_the_helper_imports_no_sqlalchemy() -> None:
    """What the helper imports to build records (its start-up is on the export's critical
    path: SQLAlchemy alone took ~0.25 s)."""
    code = (
        "import sys\n"
        "import desktop.sync.records, desktop.hardening\n"
        "from desktop.store import cipherconn, docread\n"
        "assert 'sqlalchemy' not in sys.modules, 'sqlalchemy'\n"
        "assert 'pycountry' not in sys.modules, 'pycountry'\n"
    )
    root = Path(__file__).resolve().parents[2]
    env = {**os.environ, "PYTHONPATH": str(root)}
    done = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr


def test_canonical_bytes_hold_no_spare_capacity() -> None:
    """orjson's own bytes keep its 64 KiB output buffer; an export holds 10,000 records
    until the bundle is written, so each must cost its length, not ~70 KiB."""
    import tracemalloc

    value = {"case": {"narrative": "Қайыржан " * 600}, "revision": 1}
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        kept = [canonical_bytes(value) for _ in range(50)]
        held = tracemalloc.get_traced_memory()[0] - before
    finally:
        tracemalloc.stop()
    size = len(kept[0])
    assert held < 50 * (size + 1024), (held, size)


def test_an_unused_helper_is_stopped_at_once(
    pair: Pair, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The helper starts before the export knows how many cases changed; when too few did,
    it is stopped there and then (terminated while still starting up, not waited for), and
    the export is built here as usual."""
    import multiprocessing
    import signal

    monkeypatch.setattr(records, "MIN_CASES", 5)
    _fill(pair, 8)
    first = service.export_bundle(pair.field, pair.out)
    assert first.cases + first.excluded == 8
    stopped: list[Any] = []
    real = records.Helper.discard

    def discard(self: records.Helper) -> None:
        stopped.append(self._process)
        real(self)

    monkeypatch.setattr(records.Helper, "discard", discard)
    left_out = len(_rows(pair.field))  # consent forbids sharing: never recorded as sent
    assert left_out == first.excluded > 0
    doc = next(
        d
        for d in pair.field.store.cases.documents()
        if all(t["consent"]["share_with_hq"] for t in d["testimonies"])
    )
    doc["notes"] = "changed after the first bundle"
    pair.field.store.cases.save([doc])
    second = service.export_bundle(pair.field, pair.folder / "out2")
    assert (second.cases, second.excluded) == (1, left_out)
    assert len(stopped) == 1 and stopped[0] is not None
    assert stopped[0].exitcode == -signal.SIGTERM  # terminated, not awaited
    assert multiprocessing.active_children() == []
