"""Attachments added by the attachment service (the GUI's and CLI's path) reach HQ intact.

Why: the service writes the row and links its blob in one transaction of its own; the
bundle export must find exactly those rows, and a later removal must reach HQ as well.
"""

from __future__ import annotations

import os
from pathlib import Path

from conftest import Pair, synth_cases

from desktop.attachments import AttachmentService


def test_service_attachments_round_trip_to_hq(pair: Pair, tmp_path: Path) -> None:
    docs = synth_cases(2, seed=11)
    pair.field.store.cases.save(docs)
    case_id = docs[0]["id"]
    field_service = AttachmentService.for_session(pair.field)
    originals = tmp_path / "originals"
    originals.mkdir()
    data = os.urandom(300_000)
    src = originals / "паспорт.jpg"
    src.write_bytes(b"\xff\xd8\xff" + data)
    info = field_service.add(case_id, src, caption="стр. 2")

    (result,) = pair.import_(pair.export())
    assert result.attachments == 1
    hq_service = AttachmentService.for_session(pair.hq)
    (at_hq,) = hq_service.list_attachments(case_id)
    assert (at_hq.id, at_hq.sha256, at_hq.caption, at_hq.stored) == (
        info.id,
        info.sha256,
        "стр. 2",
        True,
    )
    out = tmp_path / "hq-copy.jpg"
    hq_service.export(case_id, info.id, out)
    assert out.read_bytes() == src.read_bytes()

    # A removal in the field is a change of the case like any other: HQ follows it.
    field_service.remove(case_id, info.id)
    (second,) = pair.import_(pair.export())
    assert second.updated == 1
    assert hq_service.list_attachments(case_id) == []
