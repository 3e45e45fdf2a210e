"""The case repository on a real SQLCipher store: round trips, revisions, references, atomicity.

Why: the store is where a testimony lives for years. A field that does not come back
exactly, a revision that does not move, a reference handed out twice or a half-written import
would each silently corrupt the record that an appeal letter or a UN submission relies on.
The store is created through ``create_store`` with a random master key (no Argon2: these
tests are about the database, not the key slots).
"""

from __future__ import annotations

import copy
import importlib.util
import json
import os
import random
import re
import sqlite3
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select, text, update

from desktop.errors import IntegrityError, InvalidInputError, NotFoundError
from desktop.interchange.case_format import normalize_case
from desktop.store import engine as engines
from desktop.store.database import Store, create_store, open_store
from desktop.store.models import Attachment, Case
from desktop.vault.vault import UnlockedVault, VaultKind

REPO = Path(__file__).resolve().parents[2]
DATA = REPO / "tests" / "data"
TIMESTAMP = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$")
CHILD_TABLES = ("persons", "person_names", "events", "testimonies", "appeals", "attachments")


# ---------------------------------------------------------------------- fixtures and helpers
def new_unlocked(folder: Path) -> UnlockedVault:
    return UnlockedVault(folder, str(uuid.uuid4()), VaultKind.FIELD, bytearray(os.urandom(32)))


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    s = create_store(new_unlocked(tmp_path))
    yield s
    s.close()


def example() -> dict[str, Any]:
    return normalize_case(json.loads((DATA / "case-example.json").read_text("utf-8")))


def without_timestamps(doc: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in doc.items() if k not in ("created", "updated")}


def year() -> str:
    return datetime.now(UTC).strftime("%Y")


def minimal(name: str = "Test Person", **extra: Any) -> dict[str, Any]:
    raw: dict[str, Any] = {
        "persons": [{"key": "p1", "role": "detained", "names": [{"value": name}]}],
        **extra,
    }
    return normalize_case(raw)


def case_row(store: Store, case_id: str) -> dict[str, Any]:
    with store.engine.connect() as conn:
        row = conn.execute(select(Case.__table__).where(Case.id == case_id)).mappings().one()
    return dict(row)


def row_counts(store: Store) -> dict[str, int]:
    with store.engine.connect() as conn:
        return {
            table: int(conn.execute(text(f"SELECT count(*) FROM {table}")).scalar() or 0)  # noqa: S608
            for table in ("cases", *CHILD_TABLES, "history", "case_search")
        }


def load_synth() -> Any:
    path = REPO / "bench" / "synth.py"
    if not path.exists():
        pytest.skip("bench/synth.py is not there yet")
    spec = importlib.util.spec_from_file_location("bench_synth_for_store_tests", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# A small generator of our own, independent of bench/synth.py: every optional field of the
# format appears in some cases and is absent in others, so the row mapping is exercised both ways.
GIVEN = ["Ерлан", "Айгүл", "Нұрлан", "Erkin", "Meryem", "Şükür", "Гүлнар", "Qurban"]
FAMILY = ["Сапарұлы", "Toxti", "Абдуллаева", "Tursun", "Қасымов", "Nurmuhammet"]
DATES = ["2016-06-15", "2017", "2018-03~", "2018-03", "2019?", "2018-03/2018-05", "201X", "../2019"]


def raw_case(rng: random.Random, n: int) -> dict[str, Any]:
    detained_names: list[dict[str, Any]] = [
        {"value": f"{rng.choice(GIVEN)} {rng.choice(FAMILY)}", "lang": "kk"}
    ]
    if rng.random() < 0.5:
        detained_names.append({"value": "Synthetic Latinname", "script": "Latn"})
    if rng.random() < 0.3:
        detained_names.append({"value": "艾尔肯·吐尔逊", "script": "Hans", "lang": "zh"})
    if rng.random() < 0.3:
        detained_names.append({"value": "ئەركىن تۇرسۇن", "script": "Arab", "lang": "ug"})
    detained: dict[str, Any] = {"key": "p1", "role": "detained", "names": detained_names}
    if rng.random() < 0.7:
        detained.update(sex=rng.choice(["male", "female", "unknown"]), birth_date="1979")
    if rng.random() < 0.5:
        detained.update(
            ethnicity="Kazakh",
            citizenships=["CN", "KZ"][: rng.randint(1, 2)],
            birth_place={"locality": "Bole", "region": "Xinjiang", "country": "CN"},
            occupation="teacher",
            documents=[
                {"type": "passport", "number": f"N{n:07d}", "country": "KZ", "issued": "2015"}
            ],
        )
    persons = [detained]
    if rng.random() < 0.8:
        persons.append(
            {
                "key": "p2",
                "role": "testifier",
                "names": [{"value": "Гүлнар Сапарова", "script": "Cyrl"}],
                "residence": {"locality": "Almaty", "country": "KZ"},
                "contact": {"phone": "+7 700 000 0000", "email": "test@example.org"},
                "relationship": {"to": "p1", "kind": rng.choice(["spouse", "parent", "child"])},
                "notes": "prefers calls after 18:00" if rng.random() < 0.5 else "",
            }
        )
    events = []
    for _ in range(rng.randint(0, 3)):
        event: dict[str, Any] = {"type": rng.choice(["summoned", "detained", "transferred"])}
        if rng.random() < 0.8:
            event["date"] = rng.choice(DATES)
        event["persons"] = ["p1"] if rng.random() < 0.8 else []
        if rng.random() < 0.7:
            event["place"] = {"facility": "Bole Detention Center", "country": "CN"}
        if rng.random() < 0.4:
            event["authority"] = "Public Security Bureau"
        if rng.random() < 0.4:
            event["charges"] = "unknown"
        if rng.random() < 0.4:
            event["description"] = "Taken from home at night.\nNo paper was shown."
        events.append(event)
    testimonies = []
    if len(persons) > 1:
        testimony: dict[str, Any] = {"by": "p2", "narrative": "Күйеуім үйге оралған жоқ. " * 3}
        if rng.random() < 0.5:
            testimony.update(
                date="2019-04-07",
                place={"locality": "Almaty", "country": "KZ"},
                language="kk",
                medium=rng.choice(["video", "phone", "in-person"]),
                sources=["https://example.org/video/1"],
                interviewer="field team A",
                consent={
                    "record": True,
                    "share_with_hq": rng.random() < 0.5,
                    "use_in_appeals": True,
                    "publish": rng.choice(["no", "anonymized", "named"]),
                },
            )
        testimonies.append(testimony)
    appeals = []
    for _ in range(rng.randint(0, 2)):
        appeal: dict[str, Any] = {"recipient": "kz-mfa", "status": "sent"}
        if rng.random() < 0.5:
            appeal.update(
                template="standard",
                language="ru",
                date="2019-05-01",
                reference="No. 12-3/456",
                pdf_sha256="ab" * 32,
                response="denial",
                response_date="2019-06",
                follow_up="2019-09-01",
                notes="answered by post",
            )
        appeals.append(appeal)
    attachments = []
    if rng.random() < 0.3:
        attachments.append(
            {
                "id": str(uuid.UUID(int=rng.getrandbits(128), version=4)),
                "filename": "passport-scan.jpg",
                "media_type": "image/jpeg",
                "sha256": "cd" * 32,
                "size": rng.randint(0, 2**40),
                "caption": "first page",
                "date": "2019-04",
            }
        )
    raw: dict[str, Any] = {
        "status": rng.choice(["open", "appealed", "sentenced", "unknown"]),
        "confidentiality": rng.choice(["public", "restricted", "confidential"]),
        "verification": rng.choice(["reported", "corroborated"]),
        "tags": rng.sample(["xinjiang", "camp", "family", "urgent"], rng.randint(0, 3)),
        "persons": persons,
        "events": events,
        "testimonies": testimonies,
        "appeals": appeals,
        "attachments": attachments,
        "notes": "synthetic case" if rng.random() < 0.5 else "",
    }
    if rng.random() < 0.5:
        raw["id"] = str(uuid.UUID(int=rng.getrandbits(128), version=4))
    return raw


# ---------------------------------------------------------------------- round trips
def test_example_round_trips_exactly(store: Store) -> None:
    expected = example()
    result = store.cases.save([copy.deepcopy(expected)])
    assert (result.created, result.updated, result.unchanged) == (1, 0, 0)
    assert result.ids == (expected["id"],)
    got = store.cases.get("TD-2026-0001")
    assert without_timestamps(got) == expected
    assert TIMESTAMP.match(got["created"]) and got["created"] == got["updated"]
    assert store.cases.get(expected["id"]) == got
    # What the store hands out is itself canonical: exporting it changes nothing.
    assert normalize_case(got) == got


def test_save_does_not_mutate_its_input(store: Store) -> None:
    doc = minimal()
    assert "id" not in doc and "reference" not in doc
    frozen = copy.deepcopy(doc)
    store.cases.save([doc])
    assert doc == frozen


def test_given_timestamps_are_kept_on_create(store: Store) -> None:
    doc = minimal(created="2019-01-02T03:04:05Z", updated="2019-02-03T04:05:06Z")
    (case_id,) = store.cases.save([doc]).ids
    got = store.cases.get(case_id)
    assert (got["created"], got["updated"]) == ("2019-01-02T03:04:05Z", "2019-02-03T04:05:06Z")


def test_generated_cases_round_trip(store: Store) -> None:
    rng = random.Random(20260001)
    docs = [normalize_case(raw_case(rng, n)) for n in range(60)]
    result = store.cases.save(docs)
    assert result.created == 60
    assert len(set(result.ids)) == 60
    for doc, case_id in zip(docs, result.ids, strict=True):
        got = store.cases.get(case_id)
        expected = dict(doc, id=case_id, reference=got["reference"])
        assert without_timestamps(got) == expected
    # Streaming every document gives the same, ordered by reference.
    streamed = list(store.cases.documents())
    assert [d["reference"] for d in streamed] == sorted(d["reference"] for d in streamed)
    assert {d["id"] for d in streamed} == set(result.ids)


def test_synthetic_generator_cases_round_trip(store: Store) -> None:
    synth = load_synth()
    docs = list(synth.generate_cases(80, seed=11))
    result = store.cases.save([copy.deepcopy(d) for d in docs])
    assert result.created == 80
    for doc in docs:
        assert without_timestamps(store.cases.get(doc["id"])) == without_timestamps(
            normalize_case(doc)
        )
    # Saving the same cases again is a no-op.
    again = store.cases.save(docs)
    assert (again.created, again.updated, again.unchanged) == (0, 0, 80)


# Any character the format accepts: no surrogates, no C0/C1 controls except tab, LF, CR.
_TEXT = st.text(
    st.one_of(st.characters(exclude_categories=["Cs", "Cc"]), st.sampled_from("\t\n\r")),
    max_size=40,
)


def test_any_text_round_trips(tmp_path: Path) -> None:
    """Names, narratives and notes come back character for character (RTL marks, ZWNJ, emoji)."""
    store = create_store(new_unlocked(tmp_path))

    @settings(
        max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
    )
    @given(name=_TEXT.filter(lambda s: s.strip() != ""), narrative=_TEXT, notes=_TEXT)
    def check(name: str, narrative: str, notes: str) -> None:
        doc = normalize_case(
            {
                "persons": [
                    {"key": "p1", "role": "detained", "names": [{"value": name, "script": "Zyyy"}]}
                ],
                "testimonies": [{"by": "p1", "narrative": narrative}],
                "notes": notes,
            }
        )
        (case_id,) = store.cases.save([doc]).ids
        got = store.cases.get(case_id)
        assert without_timestamps(got) == dict(doc, id=case_id, reference=got["reference"])

    try:
        check()
    finally:
        store.close()


# ---------------------------------------------------------------------- revisions
def test_resaving_unchanged_changes_nothing(store: Store) -> None:
    doc = example()
    store.cases.save([doc])
    before_row = case_row(store, doc["id"])
    before_history = store.cases.history_of(doc["id"])
    result = store.cases.save([example()])
    assert (result.created, result.updated, result.unchanged) == (0, 0, 1)
    assert case_row(store, doc["id"]) == before_row
    assert store.cases.history_of(doc["id"]) == before_history
    # Only timestamps differ (an export read back in): still unchanged.
    stamped = dict(example(), created="2018-01-01T00:00:00Z", updated="2020-01-01T00:00:00Z")
    assert store.cases.save([stamped]).unchanged == 1
    assert case_row(store, doc["id"])["revision"] == 1


def test_a_change_makes_a_new_revision_chained_to_the_old(store: Store) -> None:
    doc = example()
    store.cases.save([doc])
    first = case_row(store, doc["id"])
    assert (first["revision"], first["parent_hash"]) == (1, None)

    changed = example()
    changed["status"] = "confirmed-detained"
    changed["persons"][0]["names"] = changed["persons"][0]["names"][:1]  # a name removed
    changed["events"].append({"type": "transferred", "date": "2019-02", "persons": ["p1"]})
    result = store.cases.save([changed])
    assert (result.created, result.updated, result.unchanged) == (0, 1, 0)

    second = case_row(store, doc["id"])
    assert second["revision"] == 2
    assert second["parent_hash"] == first["content_hash"]
    assert second["content_hash"] != first["content_hash"]
    assert second["created"] == first["created"]
    assert second["reference"] == first["reference"]
    got = store.cases.get(doc["id"])
    assert without_timestamps(got) == changed  # children replaced, not appended
    assert len(got["persons"][0]["names"]) == 1

    third = copy.deepcopy(changed)
    third["notes"] = "follow-up call planned"
    store.cases.save([third])
    assert case_row(store, doc["id"])["revision"] == 3
    assert case_row(store, doc["id"])["parent_hash"] == second["content_hash"]

    history = store.cases.history_of(doc["id"])
    assert [h["action"] for h in history] == ["create", "update", "update"]
    assert [h["detail"]["revision"] for h in history] == [1, 2, 3]
    assert store.cases.verify_history().ok


def test_update_without_reference_keeps_the_reference(store: Store) -> None:
    doc = minimal()
    (case_id,) = store.cases.save([doc]).ids
    reference = store.cases.get(case_id)["reference"]
    store.cases.save([dict(minimal("Renamed Person"), id=case_id)])
    got = store.cases.get(case_id)
    assert got["reference"] == reference
    assert got["persons"][0]["names"][0]["value"] == "Renamed Person"


def test_attachment_blob_names_survive_an_update(store: Store) -> None:
    rng = random.Random(5)
    raw = raw_case(rng, 1)
    att_id = str(uuid.uuid4())
    raw["attachments"] = [
        {
            "id": att_id,
            "filename": "scan.pdf",
            "media_type": "application/pdf",
            "sha256": "ef" * 32,
            "size": 1234,
        }
    ]
    doc = normalize_case(raw)
    (case_id,) = store.cases.save([doc]).ids
    with store.engine.begin() as conn:
        conn.execute(update(Attachment).values(blob_name="b7e1c0ffee"))
    store.cases.save([dict(doc, id=case_id, notes="edited")])
    with store.engine.connect() as conn:
        names = conn.execute(select(Attachment.id, Attachment.blob_name)).all()
    assert names == [(att_id, "b7e1c0ffee")]


# ---------------------------------------------------------------------- references
def test_references_are_generated_unique_and_increasing(store: Store) -> None:
    y = year()
    first = store.cases.save([minimal("A One"), minimal("B Two"), minimal("C Three")])
    refs = [store.cases.get(i)["reference"] for i in first.ids]
    assert refs == [f"TD-{y}-0001", f"TD-{y}-0002", f"TD-{y}-0003"]
    (fourth,) = store.cases.save([minimal("D Four")]).ids
    assert store.cases.get(fourth)["reference"] == f"TD-{y}-0004"
    # Numbers continue after the highest one of this year, whatever other formats exist.
    store.cases.save(
        [
            dict(minimal("E Five"), reference=f"TD-{y}-0041"),
            dict(minimal("F Six"), reference="HQ/2019/7"),
            dict(minimal("G Seven"), reference="TD-1999-9000"),
        ]
    )
    (eighth,) = store.cases.save([minimal("H Eight")]).ids
    assert store.cases.get(eighth)["reference"] == f"TD-{y}-0042"


@pytest.mark.parametrize("explicit_first", [True, False])
def test_generated_reference_skips_one_claimed_in_the_same_batch(
    store: Store, explicit_first: bool
) -> None:
    # The example file's own reference (TD-<year>-0001) plus a case without one, in one file.
    y = year()
    claimed = dict(minimal("Claimed Reference"), reference=f"TD-{y}-0001")
    fresh = minimal("Needs Reference")
    batch = [claimed, fresh] if explicit_first else [fresh, claimed]
    result = store.cases.save(batch)
    assert result.created == 2
    refs = {store.cases.get(i)["reference"] for i in result.ids}
    assert refs == {f"TD-{y}-0001", f"TD-{y}-0002"}


def test_reference_of_another_case_is_refused(store: Store) -> None:
    (owner,) = store.cases.save([minimal("Owner Person")]).ids
    taken = store.cases.get(owner)["reference"]
    before = row_counts(store)
    intruder = dict(minimal("Intruder Person"), reference=taken)
    with pytest.raises(InvalidInputError) as caught:
        store.cases.save([minimal("Innocent Bystander"), intruder], source="batch.json")
    error = caught.value
    assert (error.source, error.index, error.path) == ("batch.json", 1, "$.reference")
    assert "batch.json" in str(error) and "record 1" in str(error)
    assert taken in str(error)
    assert "Intruder" not in str(error)  # the message carries no personal data
    assert row_counts(store) == before


def test_two_new_cases_with_one_reference_in_a_batch_are_refused(store: Store) -> None:
    ref = f"TD-{year()}-0777"
    with pytest.raises(InvalidInputError) as caught:
        store.cases.save([dict(minimal("One"), reference=ref), dict(minimal("Two"), reference=ref)])
    assert caught.value.index == 1
    assert store.cases.count() == 0


# ---------------------------------------------------------------------- atomicity
def test_a_failing_document_leaves_nothing_written(store: Store) -> None:
    existing = dict(example(), reference="HQ-0001")
    store.cases.save([existing])
    before_counts = row_counts(store)
    before_row = case_row(store, existing["id"])
    before_history = store.cases.verify_history()

    changed_existing = dict(existing, status="released")
    new_one = minimal("Batch Person")
    broken = minimal("Broken Person")
    del broken["status"]  # not normalized: the write fails half-way through the batch
    for batch in ([changed_existing, new_one, broken], [new_one, changed_existing, broken]):
        with pytest.raises(KeyError):
            store.cases.save(batch)
        assert row_counts(store) == before_counts
        assert case_row(store, existing["id"]) == before_row
        assert store.cases.verify_history() == before_history
        assert store.cases.search("Batch") == []
    # And the reference counter was not consumed either.
    (later,) = store.cases.save([minimal("Later Person")]).ids
    assert store.cases.get(later)["reference"] == f"TD-{year()}-0001"


def test_empty_batch_is_a_no_op(store: Store) -> None:
    before = row_counts(store)
    result = store.cases.save([])
    assert (result.created, result.updated, result.unchanged, result.ids) == (0, 0, 0, ())
    assert row_counts(store) == before


# ---------------------------------------------------------------------- delete
def test_delete_removes_the_case_and_everything_of_it(store: Store) -> None:
    keep = minimal("Kept Person")
    gone = example()
    store.cases.save([keep, gone])
    store.cases.delete(gone["id"])
    with pytest.raises(NotFoundError):
        store.cases.get(gone["id"])
    with pytest.raises(NotFoundError):
        store.cases.get(gone["reference"])
    with store.engine.connect() as conn:
        for table in CHILD_TABLES:
            left = conn.execute(
                text(f"SELECT count(*) FROM {table} WHERE case_id = :i"),  # noqa: S608
                {"i": gone["id"]},
            ).scalar()
            assert left == 0, table
        fts = conn.execute(
            text("SELECT count(*) FROM case_search WHERE case_id = :i"), {"i": gone["id"]}
        ).scalar()
        assert fts == 0
    assert store.cases.search("Erlan") == []
    assert store.cases.count() == 1
    assert [s.detained_name for s in store.cases.summaries()] == ["Kept Person"]
    history = store.cases.history_of(gone["id"])
    assert [h["action"] for h in history] == ["create", "delete"]
    assert history[-1]["detail"] == {"reference": "TD-2026-0001"}
    assert store.cases.verify_history().ok
    with pytest.raises(NotFoundError):
        store.cases.delete(gone["id"])
    # The reference is free again.
    store.cases.save([dict(minimal("Reuse"), reference="TD-2026-0001")])


def test_resolve_unknown_is_not_found(store: Store) -> None:
    with pytest.raises(NotFoundError):
        store.cases.resolve("TD-2026-9999")
    assert list(store.cases.documents(["no-such-id"])) == []


# ---------------------------------------------------------------------- summaries
def test_summary_fields_are_denormalized_from_the_document(store: Store) -> None:
    doc = normalize_case(
        {
            "reference": "TD-2026-0500",
            "status": "sentenced",
            "verification": "documented",
            "persons": [
                {"key": "w", "role": "testifier", "names": [{"value": "Айгүл Сапарова"}]},
                {
                    "key": "d",
                    "role": "detained",
                    "names": [{"value": "Ерлан Сапарұлы"}, {"value": "Erlan Saparuly"}],
                },
            ],
            "events": [
                {"type": "transferred", "date": "2020", "place": {"country": "KZ"}},
                {"type": "summoned", "date": "2018-03~", "place": {"country": "CN"}},
                {"type": "detained", "date": "2019-01-05", "place": {"country": "KG"}},
                {"type": "sentenced", "date": "2018-03/2018-05"},
                {"type": "other"},
            ],
            "appeals": [
                {"recipient": "kz-mfa", "status": "sent"},
                {"recipient": "un-wgad", "status": "drafted"},
            ],
        }
    )
    store.cases.save([doc])
    (summary,) = store.cases.summaries()
    assert summary.reference == "TD-2026-0500"
    assert summary.detained_name == "Ерлан Сапарұлы"  # first name of the detained person
    assert summary.status == "sentenced" and summary.verification == "documented"
    assert summary.last_event_date == "2020"  # latest event by its earliest possible day
    assert summary.country == "CN"  # first detention-type event with a country
    assert summary.appeals == 2
    assert TIMESTAMP.match(summary.updated)


def test_summary_of_a_sparse_case(store: Store) -> None:
    store.cases.save([normalize_case({"reference": "TD-2026-0600"})])
    (summary,) = store.cases.summaries()
    assert (summary.detained_name, summary.last_event_date, summary.country, summary.appeals) == (
        "",
        None,
        None,
        0,
    )


def test_summaries_follow_an_update(store: Store) -> None:
    doc = example()
    store.cases.save([doc])
    changed = example()
    changed["persons"][0]["names"].insert(0, {"value": "Erlan Saparuly-Renamed", "script": "Latn"})
    changed["appeals"] = []
    store.cases.save([changed])
    (summary,) = store.cases.summaries()
    assert summary.detained_name == "Erlan Saparuly-Renamed"
    assert summary.appeals == 0


def test_summaries_ordering_and_paging(store: Store) -> None:
    specs = [
        ("TD-2026-0003", "Bakyt", "2019-05", "open"),
        ("TD-2026-0001", "Zhanar", None, "released"),
        ("TD-2026-0002", "Aigerim", "2017", "appealed"),
        ("TD-2026-0004", "Meryem", "2021-01-01", "closed"),
    ]
    for ref, name, date, status in specs:
        raw: dict[str, Any] = {
            "reference": ref,
            "status": status,
            "persons": [{"key": "p1", "role": "detained", "names": [{"value": name}]}],
            "events": [{"type": "detained", "date": date}] if date else [],
        }
        store.cases.save([normalize_case(raw)])

    def refs(**kw: Any) -> list[str]:
        return [s.reference for s in store.cases.summaries(**kw)]

    assert refs() == ["TD-2026-0001", "TD-2026-0002", "TD-2026-0003", "TD-2026-0004"]
    assert [s.detained_name for s in store.cases.summaries(order="detained")] == [
        "Aigerim",
        "Bakyt",
        "Meryem",
        "Zhanar",
    ]
    assert refs(order="last_event_date") == [
        "TD-2026-0004",
        "TD-2026-0003",
        "TD-2026-0002",
        "TD-2026-0001",  # no dated event: last
    ]
    assert refs(order="status") == [
        "TD-2026-0002",
        "TD-2026-0004",
        "TD-2026-0003",
        "TD-2026-0001",
    ]
    assert refs(offset=1, limit=2) == ["TD-2026-0002", "TD-2026-0003"]
    assert refs(offset=3, limit=10) == ["TD-2026-0004"]
    assert refs(order="no-such-column") == refs()  # unknown order: by reference


# ---------------------------------------------------------------------- store plumbing
def test_store_settings_and_reopen(tmp_path: Path) -> None:
    unlocked = new_unlocked(tmp_path)
    store = create_store(unlocked, name="Synthetic Org")
    store.cases.save([example()])
    store.set_setting("letterhead", {"lines": ["Synthetic Org", "Almaty"]})
    store.set_setting("letterhead", {"lines": ["Synthetic Org"]})
    device = store.device_id
    store.close()

    reopened = open_store(unlocked)
    try:
        assert reopened.device_id == device
        assert reopened.setting("organisation_name") == "Synthetic Org"
        assert reopened.setting("vault_kind") == "field"
        assert reopened.setting("letterhead") == {"lines": ["Synthetic Org"]}
        assert reopened.setting("missing", "default") == "default"
        assert without_timestamps(reopened.cases.get("TD-2026-0001")) == example()
        assert reopened.cases.verify_history().ok
    finally:
        reopened.close()


def test_store_refuses_the_wrong_key(tmp_path: Path) -> None:
    create_store(new_unlocked(tmp_path)).close()
    with pytest.raises(IntegrityError):
        open_store(new_unlocked(tmp_path))


def test_store_refuses_plain_sqlite_and_missing_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    plain = tmp_path / "plain.db"
    sqlite3.connect(plain).execute("CREATE TABLE t (x)").connection.close()
    with pytest.raises(IntegrityError, match="not encrypted"):
        engines.sqlcipher_engine(plain, os.urandom(32))
    with pytest.raises(IntegrityError, match="missing"):
        engines.sqlcipher_engine(tmp_path / "absent.db", os.urandom(32))
    assert not (tmp_path / "absent.db").exists()
    monkeypatch.setattr(engines, "DRIVER", sqlite3)
    with pytest.raises(engines.CipherUnavailable):
        engines.sqlcipher_engine(tmp_path / "new.db", os.urandom(32), create=True)
    assert not (tmp_path / "new.db").exists()


def test_new_database_file_is_private_and_encrypted(store: Store, tmp_path: Path) -> None:
    store.cases.save([example()])
    store.close()
    db = tmp_path / "cases.db"
    assert (db.stat().st_mode & 0o777) == 0o600
    raw = db.read_bytes()
    assert not raw.startswith(b"SQLite format 3")
    for needle in ("Ерлан", "Erlan", "Bole", "Сапарова"):
        assert needle.encode("utf-8") not in raw
