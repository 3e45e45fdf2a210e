"""'Received by HQ' on the field side: which case versions an acknowledgement covers."""

from __future__ import annotations

from pathlib import Path

from conftest import Pair, synth_cases
from sqlalchemy import select

from desktop.store.models import Case
from desktop.sync import service
from desktop.sync.received import received_case_ids, received_expr


def _ack(pair: Pair, name: str) -> Path:
    path = pair.folder / name
    service.write_ack(pair.hq, service.whoami(pair.field), path)
    return path


def _column(pair: Pair) -> dict[str, bool]:
    with pair.field.store.engine.connect() as conn:
        rows = conn.execute(select(Case.id, received_expr().label("received"))).all()
    return {str(cid): bool(flag) for cid, flag in rows}


def test_column_and_function_agree_and_follow_edits(pair: Pair) -> None:
    docs = synth_cases(3, seed=11)
    pair.field.store.cases.save(docs)
    ids = [d["id"] for d in docs]
    assert _column(pair) == dict.fromkeys(ids, False)
    pair.import_(pair.export())
    assert _column(pair) == dict.fromkeys(ids, False)  # sent, not yet acknowledged
    service.import_ack(pair.field, _ack(pair, "ack1.tda"))
    assert _column(pair) == dict.fromkeys(ids, True)
    assert received_case_ids(pair.field.store.engine) == set(ids)
    assert received_case_ids(pair.field.store.engine, ids[:1]) == {ids[0]}

    edited = pair.field.store.cases.get(ids[0])
    edited["notes"] = "changed after HQ got it"
    pair.field.store.cases.save([edited])
    assert _column(pair)[ids[0]] is False
    assert received_case_ids(pair.field.store.engine) == set(ids[1:])


def test_an_older_ack_does_not_cover_a_newer_version(pair: Pair) -> None:
    docs = synth_cases(2, seed=12)
    pair.field.store.cases.save(docs)
    pair.import_(pair.export())
    old_ack = _ack(pair, "ack-old.tda")  # covers bundle 1 only

    edited = pair.field.store.cases.get(docs[0]["id"])
    edited["notes"] = "second version"
    pair.field.store.cases.save([edited])
    second = pair.export()  # bundle 2 carries the new version, not yet at HQ
    service.import_ack(pair.field, old_ack)
    assert received_case_ids(pair.field.store.engine) == {docs[1]["id"]}

    pair.import_(second)
    service.import_ack(pair.field, _ack(pair, "ack-new.tda"))
    assert received_case_ids(pair.field.store.engine) == {d["id"] for d in docs}
    assert service.received_by_hq(pair.field) == {d["id"] for d in docs}


def test_hq_vault_has_no_received_cases(pair: Pair) -> None:
    pair.field.store.cases.save(synth_cases(1, seed=13))
    pair.import_(pair.export())
    assert received_case_ids(pair.hq.store.engine) == set()
