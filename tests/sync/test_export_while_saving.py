"""A case saved while an export builds its records: the bundle stays true to itself.

Why: the Sync dialog is not modal, so a field worker may save a case while a bundle is
being prepared. The export reads each case's content hash first and its document later
(in chunks, partly in a helper process); a save in between used to put the new content
under the old hash into the bundle. HQ refuses such a bundle whole, while the field vault
recorded all its cases as sent — so HQ would never get the others until they changed.
"""

from __future__ import annotations

import errno
import os
from typing import Any

import pytest
from conftest import Pair, synth_cases

from desktop.errors import TestimonyDeskError as TDError
from desktop.sync import records as records_helper
from desktop.sync import service


def _saving_during_build(
    monkeypatch: pytest.MonkeyPatch, session: Any, case_id: str, times: int
) -> list[int]:
    """Make the next ``times`` record builds save an edit of ``case_id`` right after
    reading its document: the user pressing Ctrl+S at that moment."""
    real_build = records_helper.build
    calls: list[int] = []

    def build(repo: Any, ids: Any, meta: Any, origin: str, shared: Any = None) -> Any:
        out = real_build(repo, ids, meta, origin, shared)
        calls.append(len(calls))
        if len(calls) <= times:
            doc = session.store.cases.get(case_id)
            doc["notes"] = f"saved during export {len(calls)}"
            session.store.cases.save([doc])
        return out

    monkeypatch.setattr(records_helper, "build", build)
    return calls


def test_a_save_during_the_export_is_in_the_bundle_hq_accepts(
    pair: Pair, monkeypatch: pytest.MonkeyPatch
) -> None:
    docs = synth_cases(3, seed=61)
    pair.field.store.cases.save(docs)
    edited = docs[1]["id"]
    calls = _saving_during_build(monkeypatch, pair.field, edited, times=1)
    bundle = pair.export()
    assert len(calls) == 2  # built again after the save
    (result,) = pair.import_(bundle)
    assert result.created == 3
    assert pair.hq.store.cases.get(edited)["notes"] == "saved during export 1"
    # What was recorded as sent is what HQ has: nothing left to send.
    assert service.export_preview(pair.field).cases == 0


def test_saves_that_never_stop_fail_the_export_cleanly(
    pair: Pair, monkeypatch: pytest.MonkeyPatch
) -> None:
    docs = synth_cases(2, seed=62)
    pair.field.store.cases.save(docs)
    _saving_during_build(monkeypatch, pair.field, docs[0]["id"], times=99)
    with pytest.raises(TDError, match="kept being saved while the bundle was prepared"):
        pair.export()
    assert not pair.out.exists() or list(pair.out.iterdir()) == []
    monkeypatch.undo()
    bundle = pair.export()  # the next export is complete, with the same sequence
    assert bundle.name.endswith("-000001.tdb")
    (result,) = pair.import_(bundle)
    assert result.created == 2
    assert pair.hq.store.cases.get(docs[0]["id"])["notes"].startswith("saved during export")


def test_the_commit_watch_sees_commits_of_other_connections(pair: Pair) -> None:
    """``PRAGMA data_version`` on the export's own connection: unchanged through reads,
    changed by a save through any other connection (the GUI's, another process's)."""
    docs = synth_cases(2, seed=62)
    pair.field.store.cases.save(docs)
    watch = service._CommitWatch(pair.field.store.engine)
    try:
        assert watch.unchanged()
        list(pair.field.store.cases.documents())  # reads change nothing
        assert watch.unchanged()
        doc = pair.field.store.cases.get(docs[0]["id"])
        doc["notes"] = "saved while watched"
        pair.field.store.cases.save([doc])
        assert not watch.unchanged()
    finally:
        watch.close()


def test_an_export_with_nothing_saved_meanwhile_skips_the_re_read(
    pair: Pair, monkeypatch: pytest.MonkeyPatch
) -> None:
    pair.field.store.cases.save(synth_cases(3, seed=63))
    re_reads: list[int] = []
    real = service._still_as_read

    def counting(*args: Any) -> bool:
        re_reads.append(1)
        return real(*args)

    monkeypatch.setattr(service, "_still_as_read", counting)
    result = service.export_bundle(pair.field, pair.out)
    assert result.cases == 3
    assert re_reads == []  # the commit watch proved that nothing was saved


def test_a_failed_last_fsync_leaves_no_bundle_and_records_nothing(
    pair: Pair, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The last fsync runs while the export is being recorded: its failure must roll the
    record back and remove the file (the disk said the bundle may not be there)."""
    pair.field.store.cases.save(synth_cases(3, seed=64))
    real = os.fsync

    def failing(fd: int) -> None:
        raise OSError(errno.EIO, "Input/output error")

    monkeypatch.setattr(os, "fsync", failing)
    with pytest.raises(OSError, match="Input/output error"):
        service.export_bundle(pair.field, pair.out)
    monkeypatch.setattr(os, "fsync", real)
    assert not pair.out.exists() or list(pair.out.iterdir()) == []
    result = service.export_bundle(pair.field, pair.out)  # bundle 1 again, with everything
    assert (result.sequence, result.cases) == (1, 3)
