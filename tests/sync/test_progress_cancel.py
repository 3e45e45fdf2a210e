"""Service hooks the Sync dialog uses: the export preview, progress and cancel."""

from __future__ import annotations

import os

import pytest
from conftest import Pair, attach, synth_cases
from sqlalchemy import func, select

from desktop.store.models import Case, SyncExport
from desktop.sync import service


def _cases_with_one_private(pair: Pair) -> list[dict[str, object]]:
    docs = synth_cases(4, seed=21)
    docs[3]["testimonies"] = docs[3]["testimonies"] or []
    assert docs[3]["testimonies"], "synthetic case without a testimony"
    docs[3]["testimonies"][0]["consent"]["share_with_hq"] = False
    pair.field.store.cases.save(docs)
    return docs


def test_preview_matches_what_the_export_sends(pair: Pair) -> None:
    docs = _cases_with_one_private(pair)
    attach(pair.field, docs[0]["id"], "a.bin", os.urandom(70_000))
    attach(pair.field, docs[3]["id"], "private.bin", b"not for HQ")
    before = service.export_preview(pair.field)
    assert (before.sequence, before.cases, before.excluded) == (1, 3, 1)
    assert (before.attachments, before.attachment_bytes) == (1, 70_000)
    assert before.hq is not None and before.last_sequence is None
    result = service.export_bundle(pair.field, pair.out)
    assert (result.sequence, result.cases, result.attachments, result.excluded) == (1, 3, 1, 1)
    after = service.export_preview(pair.field)
    assert (after.sequence, after.cases, after.excluded, after.last_sequence) == (2, 0, 1, 1)


def test_export_progress_reaches_the_total(pair: Pair) -> None:
    docs = synth_cases(2, seed=22)
    pair.field.store.cases.save(docs)
    attach(pair.field, docs[0]["id"], "big.bin", os.urandom(9 * 1024 * 1024))
    calls: list[tuple[int, int]] = []
    result = service.export_bundle(pair.field, pair.out, progress=lambda d, t: calls.append((d, t)))
    assert result.path is not None
    assert len(calls) >= 3  # every 4 MiB and at the end
    assert all(0 <= d <= t for d, t in calls)
    assert [d for d, _t in calls] == sorted(d for d, _t in calls)
    assert calls[-1][0] == calls[-1][1]


@pytest.mark.parametrize("after_polls", [0, 3, 8])
def test_cancelled_export_leaves_no_file_and_records_nothing(pair: Pair, after_polls: int) -> None:
    """Cancelled before the stream, at its start, or in the middle of the attachment (the
    export looks every 1 MiB)."""
    docs = synth_cases(3, seed=23)
    pair.field.store.cases.save(docs)
    attach(pair.field, docs[0]["id"], "big.bin", os.urandom(9 * 1024 * 1024))
    polls = 0

    def cancel() -> bool:
        nonlocal polls
        polls += 1
        return polls > after_polls

    with pytest.raises(service.Cancelled):
        service.export_bundle(pair.field, pair.out, cancel=cancel)
    assert list(pair.out.iterdir()) == []  # not even the hidden temporary file
    with pair.field.store.engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(SyncExport)).scalar() == 0
    # Nothing was recorded: the next export is bundle 1 again, with everything.
    result = service.export_bundle(pair.field, pair.out)
    assert (result.sequence, result.cases) == (1, 3)
    (imported,) = pair.import_(pair.out)
    assert imported.created == 3


def test_import_progress_and_cancel(pair: Pair) -> None:
    docs = synth_cases(3, seed=24)
    pair.field.store.cases.save(docs)
    attach(pair.field, docs[0]["id"], "big.bin", os.urandom(5 * 1024 * 1024))
    bundle = pair.export()
    polls = 0

    def cancel() -> bool:
        nonlocal polls
        polls += 1
        return polls > 2

    with pytest.raises(service.Cancelled):
        service.import_bundles(pair.hq, [bundle], cancel=cancel)
    with pair.hq.store.engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(Case)).scalar() == 0
    assert [p for p in pair.hq.unlocked.blob_dir.iterdir()] == []  # no stored attachment

    seen: list[tuple[int, int, int, int]] = []
    (result,) = service.import_bundles(
        pair.hq, [bundle], reading=lambda *a: seen.append(a), cancel=lambda: False
    )
    assert result.created == 3
    size = bundle.stat().st_size
    assert seen and seen[-1] == (1, 1, size, size)
    assert all(i == 1 and n == 1 and 0 < d <= size for i, n, d, _s in seen)


def test_swapped_blob_fails_the_export_with_a_typed_error(pair: Pair) -> None:
    from desktop.errors import IntegrityError
    from desktop.store.models import Attachment

    docs = synth_cases(2, seed=25)
    pair.field.store.cases.save(docs)
    attach(pair.field, docs[0]["id"], "a.bin", os.urandom(1000))
    attach(pair.field, docs[1]["id"], "b.bin", os.urandom(1000))
    with pair.field.store.engine.connect() as conn:
        a, b = conn.execute(select(Attachment.blob_name).order_by(Attachment.case_id)).scalars()
    folder = pair.field.unlocked.blob_dir
    (folder / a).rename(folder / "tmp")
    (folder / b).rename(folder / a)
    (folder / "tmp").rename(folder / b)  # someone with disk access swapped two files
    with pytest.raises(IntegrityError, match="changed while it was being exported"):
        service.export_bundle(pair.field, pair.out)
    assert list(pair.out.iterdir()) == []
