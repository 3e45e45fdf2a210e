"""Importing several files: parsed in a helper process, stored as they come, one transaction.

The result must be exactly that of parsing everything first and saving once: same cases,
same references, nothing stored when any file is invalid, and a generated reference never
taken from a case that a later file brings with its own.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from conftest import PASSPHRASE

from desktop.app import Session, create_vault
from desktop.errors import InvalidInputError
from desktop.interchange import parallel
from desktop.interchange.case_json import load_case_files
from desktop.store import mapping
from tests.unit.test_bulk import dump_tables
from tests.unit.test_store import load_synth


@pytest.fixture
def worker_always(monkeypatch: pytest.MonkeyPatch) -> None:
    """Use the worker process even for the small files of a test."""
    monkeypatch.setattr(parallel, "MIN_PARALLEL_BYTES", 0)


def _write(path: Path, cases: list[dict[str, Any]]) -> Path:
    path.write_text("\n".join(json.dumps(c, ensure_ascii=False) for c in cases) + "\n", "utf-8")
    return path


def _shards(tmp_path: Path, n_files: int = 3, per_file: int = 20) -> list[Path]:
    synth = load_synth()
    cases = list(synth.generate_cases(n_files * per_file, seed=5))
    return [
        _write(tmp_path / f"part{i}.jsonl", cases[i * per_file : (i + 1) * per_file])
        for i in range(n_files)
    ]


def test_worker_parses_like_the_caller(tmp_path: Path, worker_always: None) -> None:
    paths = _shards(tmp_path)
    got = list(parallel.parsed_files(paths))
    assert [name for name, _, _ in got] == [str(p) for p in paths]
    for (_, docs, prepared), path in zip(got, paths, strict=True):
        expected = load_case_files([path])
        if prepared is None:
            assert docs == expected
        else:  # files after the first: derived by the worker, sent without what rows hold
            assert prepared == [mapping.prepare(doc) for doc in expected]
            assert docs == [
                {k: v for k, v in doc.items() if k not in parallel.ROW_KEYS} for doc in expected
            ]
            assert all(doc.get("persons") for doc in expected)  # something was left out
    assert got[0][2] is None and all(p is not None for _, _, p in got[1:])


def test_multi_file_import_equals_one_save(
    tmp_path: Path, session: Session, worker_always: None
) -> None:
    paths = _shards(tmp_path)
    result = session.import_files(paths)
    assert (result.created, result.updated, result.unchanged) == (60, 0, 0)
    expected = load_case_files(paths)
    stored = {d["id"]: d for d in session.store.cases.documents()}
    for doc in expected:
        got = stored[doc["id"]]
        assert {k: v for k, v in got.items() if k not in ("created", "updated")} == {
            k: v for k, v in doc.items() if k not in ("created", "updated")
        }
    # Every stored row (search index included) equals what one save of all cases stores.
    with session.store.engine.connect() as conn:
        parallel_rows = dump_tables(conn)
    single, _ = create_vault(tmp_path / "single", PASSPHRASE)
    try:
        single.store.cases.save(expected)
        with single.store.engine.connect() as conn:
            assert dump_tables(conn) == parallel_rows
    finally:
        single.lock()
    # Importing the same files again changes nothing.
    again = session.import_files(paths)
    assert (again.created, again.updated, again.unchanged) == (0, 0, 60)


def test_an_invalid_later_file_imports_nothing(
    tmp_path: Path, session: Session, worker_always: None
) -> None:
    paths = _shards(tmp_path)
    bad = paths[2].read_text("utf-8").splitlines()
    broken = json.loads(bad[3])
    broken["persons"][0]["names"][0]["script"] = "Klingon"
    bad[3] = json.dumps(broken, ensure_ascii=False)
    paths[2].write_text("\n".join(bad) + "\n", "utf-8")
    with pytest.raises(InvalidInputError) as caught:
        session.import_files(paths)
    assert caught.value.source == str(paths[2])
    assert caught.value.index == 3
    assert caught.value.path is not None and "script" in caught.value.path
    assert session.store.cases.count() == 0


def test_generated_reference_never_taken_from_a_later_file(
    tmp_path: Path, session: Session, worker_always: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    synth = load_synth()
    first, second = list(synth.generate_cases(2, seed=9))
    first.pop("reference", None)
    year = dt.datetime.now(dt.UTC).year
    second["reference"] = f"TD-{year}-0001"  # what the first case would have been given
    paths = [_write(tmp_path / "a.jsonl", [first]), _write(tmp_path / "b.jsonl", [second])]
    cases = session.store.cases
    whole_saves: list[int] = []
    real_save = cases.save
    monkeypatch.setattr(
        cases, "save", lambda docs, **kw: whole_saves.append(len(docs)) or real_save(docs, **kw)
    )
    result = session.import_files(paths)
    assert result.created == 2
    assert whole_saves == [2]  # the clash was seen and everything saved again in one go
    refs = {d["id"]: d["reference"] for d in session.store.cases.documents()}
    assert refs[second["id"]] == f"TD-{year}-0001"
    assert refs[first["id"]] != f"TD-{year}-0001"
    assert refs[first["id"]].startswith(f"TD-{year}-")


def test_import_page_cache_is_given_back(
    tmp_path: Path, session: Session, worker_always: None
) -> None:
    from desktop.store import engine as engines

    session.import_files(_shards(tmp_path, n_files=2, per_file=5))
    with session.store.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA cache_size").scalar() == -engines.CACHE_KIB
