"""The raw SQLite read path gives exactly the documents SQLAlchemy's rows give.

``CaseRepository.documents`` reads through ``desktop.store.docread`` on SQLite (the DB-API
cursor, with the plans ``bulk.read_plan`` compiles once; ``bulk.fetch_rows`` runs one plan
once) for speed; the documents must not change because of it: same values, same types (a
boolean is not 1, a float is not an int), same key order, for every table a case has rows in.
"""

from __future__ import annotations

import json
import uuid
from pathlib import Path
from typing import Any

import pytest
from conftest import PASSPHRASE
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import insert, select

from desktop.app import create_vault
from desktop.interchange.case_format import normalize_case
from desktop.store import bulk, docread
from desktop.store.models import Setting
from desktop.vault.vaultfile import canonical_json
from tests.unit.test_store import load_synth

DATA = Path(__file__).resolve().parent.parent / "data"
NAMES = ["видео-свидетельство.mp4", "证词录音.m4a", "گۇۋاھلىق.pdf", "плохое фото.jpg"]


def _cases() -> list[dict[str, Any]]:
    synth = load_synth()
    docs = [normalize_case(c) for c in synth.generate_cases(80, seed=23)]
    for i, doc in enumerate(docs[:12]):
        doc["attachments"] = [
            {
                "id": str(uuid.UUID(int=1000 * i + k)),
                "filename": NAMES[(i + k) % len(NAMES)],
                "media_type": "application/octet-stream",
                "sha256": f"{i:02x}{k:02x}" * 16,
                "size": 2**33 + i if k else 0,  # past 32 bits, and empty
                **({"caption": "Қабылдау · 接待 · قوبۇل"} if k else {"date": "2019-03"}),
            }
            for k in range(1 + i % 3)
        ]
    for name in ("case-full.json", "case-minimal.json"):
        docs.append(normalize_case(json.loads((DATA / name).read_text(encoding="utf-8"))))
    # Person keys out of position order (the store's key index would read them by key), and
    # more than one name per person: the fast path must still give position order.
    several = [d for d in docs[:80] if len(d["persons"]) >= 3]
    assert several, "no synthetic case with three persons"
    for doc in several[:5]:
        text = json.dumps(doc, ensure_ascii=False)
        for person in doc["persons"]:
            text = text.replace(json.dumps(person["key"]), json.dumps("z-" + person["key"][::-1]))
        renamed = json.loads(text)
        renamed["persons"].reverse()
        renamed["persons"][0]["names"].append({"value": "Алма", "script": "Cyrl", "lang": "kk"})
        renamed["persons"][0]["names"].insert(0, {"value": "艾尔肯", "script": "Hans"})
        docs[docs.index(doc)] = normalize_case(renamed)
    return docs


def test_documents_fast_path_equals_sqlalchemy_path(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    docs = _cases()
    session, _ = create_vault(tmp_path / "v", PASSPHRASE)
    try:
        repo = session.store.cases
        ids = list(repo.save(docs).ids)
        assert len(set(ids)) == len(docs)
        assert repo._fast_reads  # SQLite: the fast path is the default
        calls: list[str] = []
        real = docread.fetch

        def counting(conn: Any, plan: docread.TablePlan, *args: Any) -> list[Any]:
            calls.append(plan.head.split(" FROM ")[1].split()[0].strip('"'))
            return real(conn, plan, *args)

        monkeypatch.setattr(docread, "fetch", counting)
        fast = list(repo.documents(ids))
        fast_all = list(repo.documents())
        memo: dict[str, Any] = {}
        shared = list(repo.documents(ids, shared=memo))
        assert memo  # equal JSON texts were parsed once
        assert set(calls) == {
            "cases", "persons", "person_names", "events", "testimonies", "appeals", "attachments"
        }  # fmt: skip
        repo._fast_reads = False
        calls.clear()
        slow = list(repo.documents(ids))
        slow_all = list(repo.documents())
        assert calls == []
    finally:
        session.lock()
    assert len(fast) == len(docs) and len(fast_all) == len(docs)
    for got, want in ((fast, slow), (fast_all, slow_all), (shared, slow)):
        assert [canonical_json(d) for d in got] == [canonical_json(d) for d in want]
        assert [list(d) for d in got] == [list(d) for d in want]  # key order too
        assert got == want
    # The comparison saw every kind of row, with real content.
    assert sum(len(d["attachments"]) for d in fast) >= 20
    assert sum(len(d["appeals"]) for d in fast) > 0
    assert all(d["persons"] and d["events"] for d in fast[:80])
    scripts = {n["script"] for d in fast for p in d["persons"] for n in p["names"]}
    assert {"Cyrl", "Hans", "Arab", "Latn"} <= scripts
    keys = [[p["key"] for p in d["persons"]] for d in fast]
    assert any(k != sorted(k) for k in keys)  # position order is not key order somewhere
    # And it is what was saved (the store's own round trip).
    by_id = {d["id"]: d for d in fast}
    assigned = ("id", "reference", "created", "updated")  # the store's when a doc has none
    for case_id, doc in zip(ids, docs, strict=True):
        saved = by_id[case_id]
        assert {k: v for k, v in saved.items() if k not in assigned} == {
            k: v for k, v in doc.items() if k not in assigned
        }


@pytest.mark.parametrize(
    "value",
    [
        None, [], {}, 0, 1.5, -2, "", "null", "[]", " [] ", [None], [[]], {"a": None},
        ["x", 2, True], False, {"b": 1, "a": [1.0, "ü\\u2028\"\n"]}, "Ürümqi 乌鲁木齐",
    ],
)  # fmt: skip
def test_fetch_rows_json_values_as_sqlalchemy(tmp_path: Path, value: Any) -> None:
    session, _ = create_vault(tmp_path / "v", PASSPHRASE)
    try:
        with session.store.engine.begin() as conn:
            conn.execute(insert(Setting).values(key="probe", value=value))
            want = conn.execute(select(Setting.value).where(Setting.key == "probe")).scalar_one()
            (row,) = bulk.fetch_rows(conn, Setting.__table__, ["key", "value"], "key", ["probe"])
    finally:
        session.lock()
    assert want == value
    assert row[1] == want
    assert type(row[1]) is type(want)
    assert json.dumps(row[1]) == json.dumps(want)


@pytest.mark.parametrize(
    "text",
    [
        '{"a": 1} ', " [1]", "[1] [2]", "[1", '{"a":', "nul", "1e400", "NaN", "-Infinity",
        "123456789012345678901234567890", "-0", "1.0", '"\\ud800"', '{"a": 1, "a": 2}',
        '"\\u0000"', "[" * 3000 + "]" * 3000, "\ufeff[]", '"\x01"',
    ],
)  # fmt: skip
def test_fetch_rows_json_text_as_sqlalchemy(tmp_path: Path, text: str) -> None:
    """Stored text that is not what our writer writes: the same value or the same error."""
    session, _ = create_vault(tmp_path / "v", PASSPHRASE)
    try:
        with session.store.engine.begin() as conn:
            conn.exec_driver_sql("INSERT INTO settings (key, value) VALUES ('probe', ?)", (text,))
            try:
                want: Any = conn.execute(
                    select(Setting.value).where(Setting.key == "probe")
                ).scalar_one()
            except (ValueError, RecursionError) as exc:
                want = type(exc)
            try:
                (row,) = bulk.fetch_rows(
                    conn, Setting.__table__, ["key", "value"], "key", ["probe"]
                )
                got: Any = row[1]
            except (ValueError, RecursionError) as exc:
                got = type(exc)
    finally:
        session.lock()
    assert json.dumps(got, default=str) == json.dumps(want, default=str)


_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
    max_leaves=20,
)


@settings(max_examples=400, deadline=None)
@given(value=_JSON, ascii_only=st.booleans())
def test_json_value_equals_json_loads(value: Any, ascii_only: bool) -> None:
    """Any JSON text our writer could have stored reads back as ``json.loads`` reads it."""
    text = json.dumps(value, ensure_ascii=ascii_only)
    want = json.loads(text)
    got = docread.json_value(text)
    assert json.dumps(got) == json.dumps(want)
    assert repr(got) == repr(want)  # types too (1 vs 1.0 vs True), NaN included


@settings(max_examples=400, deadline=None)
@given(text=st.text(max_size=40) | st.from_regex(r"\A[\[\]{}\",:0-9a-z.eE+\- \\]{0,30}\Z"))
def test_json_value_same_value_or_error_as_json_loads(text: str) -> None:
    """Any stored text at all: the value ``json.loads`` gives, or its error."""
    try:
        want: Any = repr(json.loads(text))
    except (ValueError, RecursionError) as exc:
        want = type(exc)
    try:
        got: Any = repr(docread.json_value(text))
    except (ValueError, RecursionError) as exc:
        got = type(exc)
    assert got == want
