"""The JSON case format: normalize_case rules, JSON/JSON Lines loading, dumping, redaction.

All names and data are invented. Every "bad document" test checks both that the error is an
InvalidInputError and that it points at the right place (file, record, JSON path), because a
field worker with a file of thousands of cases can only fix what the message locates.
"""

from __future__ import annotations

import codecs
import copy
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from desktop.errors import InvalidInputError
from desktop.interchange import (
    FORMAT_ID,
    dump_cases,
    load_case_files,
    load_cases,
    normalize_case,
    redact_case,
)

DATA = Path(__file__).resolve().parent.parent / "data"
EXAMPLE_BYTES = (DATA / "case-example.json").read_bytes()
UUID = "6f1c2a4e-1b7d-4a8e-9b61-2f0d3c5a7e90"
SHA = "ab" * 32


def example() -> dict[str, Any]:
    raw: dict[str, Any] = json.loads(EXAMPLE_BYTES)
    return raw


def minimal() -> dict[str, Any]:
    return {
        "persons": [
            {"key": "p1", "role": "detained", "names": [{"value": "Dana Testova"}]},
            {
                "key": "p2",
                "role": "testifier",
                "names": [{"value": "Марат Тестов"}],
                "relationship": {"to": "p1", "kind": "sibling"},
            },
        ],
    }


def full() -> dict[str, Any]:
    """The example plus every optional key the example does not use."""
    case = example()
    case["created"] = "2026-01-05T10:00:00Z"
    case["updated"] = "2026-01-06T11:30:00Z"
    p1 = case["persons"][0]
    p1["residence"] = {"address": "Street 1", "locality": "Bole", "country": "CN"}
    p1["occupation"] = "teacher"
    p1["notes"] = "Internal note about the file."
    p1["documents"][0].update(issued="2010-05-01", expires="2020-05-01")
    p2 = case["persons"][1]
    p2["contact"].update(email="a.test@example.org", address="Flat 2", messenger="@aigul_test")
    case["persons"].append(
        {"key": "w1", "role": "witness", "names": [{"value": "Bolat Testuly", "lang": "kk"}]}
    )
    case["events"][1]["description"] = "Taken from home at night."
    case["testimonies"][0]["place"] = {"locality": "Almaty", "country": "KZ"}
    case["appeals"][0].update(
        template="standard",
        reference="OUT-17",
        pdf_sha256=SHA,
        response="denial",
        response_date="2018-06",
        follow_up="2018-07-01",
        notes="Posted by courier.",
    )
    case["attachments"] = [
        {
            "id": "11111111-2222-4333-8444-555555555555",
            "filename": "scan.jpg",
            "media_type": "image/jpeg",
            "sha256": SHA,
            "size": 12345,
            "caption": "Residence permit, first page",
            "date": "2018-04",
        }
    ]
    case["notes"] = "Case notes."
    return case


def fault(case: object, *, source: str | None = "cases.json", index: int | None = 3) -> str:
    with pytest.raises(InvalidInputError) as info:
        normalize_case(case, source=source, index=index)
    err = info.value
    assert err.exit_code == 4
    assert err.source == source
    assert err.index == index
    assert err.path is not None
    return err.path


# --- canonical form -----------------------------------------------------------------------------


def test_minimal_case_gets_documented_defaults() -> None:
    case = normalize_case(minimal())
    assert list(case) == [
        "format",
        "status",
        "confidentiality",
        "verification",
        "tags",
        "persons",
        "events",
        "testimonies",
        "appeals",
        "attachments",
        "notes",
    ]
    assert case["format"] == FORMAT_ID
    assert case["status"] == "open"
    assert case["confidentiality"] == "restricted"
    assert case["verification"] == "reported"
    assert case["tags"] == [] and case["events"] == [] and case["attachments"] == []
    assert case["notes"] == ""
    assert case["persons"][0]["names"] == [{"value": "Dana Testova", "script": "Latn"}]
    assert case["persons"][1]["names"][0]["script"] == "Cyrl"


def test_example_keeps_its_content_and_is_already_canonical() -> None:
    case = normalize_case(example())
    assert case["id"] == UUID
    assert case["persons"][0]["names"][2] == {
        "value": "叶尔兰·萨帕尔",
        "script": "Hans",
        "lang": "zh",
    }
    assert [e["type"] for e in case["events"]] == ["summoned", "detained"]
    assert case["attachments"] == []


def test_full_case_key_orders_are_canonical() -> None:
    case = normalize_case(full())
    assert list(case) == [
        "format",
        "id",
        "reference",
        "status",
        "confidentiality",
        "verification",
        "tags",
        "persons",
        "events",
        "testimonies",
        "appeals",
        "attachments",
        "notes",
        "created",
        "updated",
    ]
    assert list(case["persons"][0]) == [
        "key",
        "role",
        "names",
        "sex",
        "birth_date",
        "birth_place",
        "ethnicity",
        "citizenships",
        "residence",
        "occupation",
        "documents",
        "notes",
    ]
    assert list(case["persons"][0]["documents"][0]) == [
        "type",
        "number",
        "country",
        "issued",
        "expires",
    ]
    assert list(case["persons"][1]) == [
        "key",
        "role",
        "names",
        "sex",
        "citizenships",
        "residence",
        "contact",
        "relationship",
    ]
    assert list(case["persons"][1]["contact"]) == ["phone", "email", "address", "messenger"]
    assert list(case["persons"][0]["residence"]) == ["address", "locality", "country"]
    assert list(case["events"][0]) == [
        "type",
        "date",
        "persons",
        "place",
        "authority",
        "description",
    ]
    assert list(case["testimonies"][0]) == [
        "by",
        "date",
        "place",
        "language",
        "medium",
        "sources",
        "interviewer",
        "narrative",
        "consent",
    ]
    assert list(case["appeals"][0]) == [
        "recipient",
        "template",
        "language",
        "date",
        "reference",
        "status",
        "pdf_sha256",
        "response",
        "response_date",
        "follow_up",
        "notes",
    ]
    assert list(case["attachments"][0]) == [
        "id",
        "filename",
        "media_type",
        "sha256",
        "size",
        "caption",
        "date",
    ]


def test_input_key_order_does_not_matter() -> None:
    case = full()
    shuffled = dict(reversed(list(case.items())))
    shuffled["persons"] = [dict(reversed(list(p.items()))) for p in case["persons"]]
    assert json.dumps(normalize_case(shuffled)) == json.dumps(normalize_case(case))


@pytest.mark.parametrize("make", [minimal, example, full])
def test_normalize_is_idempotent(make: Callable[[], dict[str, Any]]) -> None:
    once = normalize_case(make())
    assert normalize_case(once) == once
    assert json.dumps(normalize_case(once)) == json.dumps(once)


def test_normalize_returns_a_new_dict_and_leaves_input_alone() -> None:
    raw = full()
    before = copy.deepcopy(raw)
    out = normalize_case(raw)
    assert raw == before
    out["persons"][0]["names"][0]["value"] = "changed"
    assert raw["persons"][0]["names"][0]["value"] == "Ерлан Сапарұлы"


def test_null_optional_keys_are_absent() -> None:
    raw = minimal()
    raw.update(id=None, reference=None, status=None, tags=None, notes=None, created=None)
    raw["persons"][0].update(sex=None, birth_date=None, contact=None, notes=None)
    raw["persons"][0]["names"][0]["lang"] = None
    raw["events"] = [{"type": "detained", "date": None, "place": None, "persons": None}]
    raw["testimonies"] = [{"by": "p2", "consent": None, "narrative": None, "sources": None}]
    case = normalize_case(raw)
    assert case == normalize_case(
        {
            "persons": minimal()["persons"],
            "events": [{"type": "detained"}],
            "testimonies": [{"by": "p2"}],
        }
    )
    assert "id" not in case and "reference" not in case
    assert case["status"] == "open"


def test_uuid_is_lower_cased() -> None:
    raw = minimal()
    raw["id"] = UUID.upper()
    assert normalize_case(raw)["id"] == UUID


def test_reference_is_trimmed_and_limited() -> None:
    raw = minimal()
    raw["reference"] = "  TD-2026-0042 "
    assert normalize_case(raw)["reference"] == "TD-2026-0042"
    raw["reference"] = "R" * 64
    assert normalize_case(raw)["reference"] == "R" * 64


def test_tags_deduplicated_in_order() -> None:
    raw = minimal()
    raw["tags"] = ["xinjiang", "camp", " xinjiang ", "appeal", "camp"]
    assert normalize_case(raw)["tags"] == ["xinjiang", "camp", "appeal"]


def test_name_value_trimmed_but_format_characters_kept() -> None:
    raw = minimal()
    value = "\u200fئەركىن\u200c تېست"
    raw["persons"][0]["names"] = [{"value": f"  {value}\n"}]
    name = normalize_case(raw)["persons"][0]["names"][0]
    assert name["value"] == value
    assert "\u200c" in name["value"] and "\u200f" in name["value"]
    assert name["script"] == "Arab"


def test_script_detected_only_when_absent() -> None:
    raw = minimal()
    raw["persons"][0]["names"] = [
        {"value": "Dana Testova", "script": "Cyrl"},  # a declared script is the user's word
        {"value": "丹娜"},
    ]
    names = normalize_case(raw)["persons"][0]["names"]
    assert names[0]["script"] == "Cyrl"
    assert names[1]["script"] in {"Hans", "Hani"}


def test_edtf_dates_are_normalized_text() -> None:
    raw = minimal()
    raw["persons"][0]["birth_date"] = " 197x "
    raw["events"] = [{"type": "detained", "date": "2018-03/.."}]
    case = normalize_case(raw)
    assert case["persons"][0]["birth_date"] == "197X"
    assert case["events"][0]["date"] == "2018-03/.."


def test_consent_defaults_are_conservative() -> None:
    raw = minimal()
    raw["testimonies"] = [{"by": "p2"}]
    testimony = normalize_case(raw)["testimonies"][0]
    assert testimony["consent"] == {
        "record": True,
        "share_with_hq": False,
        "use_in_appeals": False,
        "publish": "no",
    }
    assert testimony["narrative"] == "" and testimony["sources"] == []


def test_appeal_status_defaults_to_drafted() -> None:
    raw = minimal()
    raw["appeals"] = [{"recipient": "kz-mfa"}]
    assert normalize_case(raw)["appeals"][0] == {"recipient": "kz-mfa", "status": "drafted"}


def test_events_keep_user_order_and_person_refs_are_deduplicated() -> None:
    raw = minimal()
    raw["events"] = [
        {"type": "released", "date": "2019"},
        {"type": "detained", "date": "2018", "persons": ["p1", "p1", "p2"]},
    ]
    events = normalize_case(raw)["events"]
    assert [e["type"] for e in events] == ["released", "detained"]
    assert events[1]["persons"] == ["p1", "p2"]


def test_empty_optional_values_are_dropped() -> None:
    raw = minimal()
    raw["persons"][0].update(
        ethnicity="  ",
        occupation="",
        citizenships=[],
        documents=[],
        contact={"phone": " "},
        notes="",
    )
    raw["events"] = [{"type": "other", "authority": "", "charges": "", "description": ""}]
    case = normalize_case(raw)
    assert case["persons"][0] == {
        "key": "p1",
        "role": "detained",
        "names": [{"value": "Dana Testova", "script": "Latn"}],
    }
    assert case["events"][0] == {"type": "other", "persons": []}


def test_long_text_is_verbatim() -> None:
    raw = minimal()
    raw["notes"] = "  line one\r\n\tline two  "
    raw["testimonies"] = [{"by": "p2", "narrative": "\n Он сказал: «приходи».\n"}]
    case = normalize_case(raw)
    assert case["notes"] == "  line one\r\n\tline two  "
    assert case["testimonies"][0]["narrative"] == "\n Он сказал: «приходи».\n"


def test_hashes_and_media_type_are_lower_cased() -> None:
    raw = full()
    raw["attachments"][0]["sha256"] = "AB" * 32
    raw["attachments"][0]["media_type"] = "Image/JPEG"
    raw["appeals"][0]["pdf_sha256"] = "CD" * 32
    case = normalize_case(raw)
    assert case["attachments"][0]["sha256"] == "ab" * 32
    assert case["attachments"][0]["media_type"] == "image/jpeg"
    assert case["appeals"][0]["pdf_sha256"] == "cd" * 32


@pytest.mark.parametrize(
    ("given", "canonical"),
    [
        ("2026-01-05T10:00:00Z", "2026-01-05T10:00:00Z"),
        ("2026-01-05T10:00:00.987Z", "2026-01-05T10:00:00Z"),
        ("2026-01-05T15:00:00+05:00", "2026-01-05T10:00:00Z"),
        ("2026-01-01T01:00:00+06:00", "2025-12-31T19:00:00Z"),
    ],
)
def test_timestamps_become_utc_z(given: str, canonical: str) -> None:
    raw = minimal()
    raw["created"] = given
    assert normalize_case(raw)["created"] == canonical


def test_size_zero_is_allowed() -> None:
    raw = full()
    raw["attachments"][0]["size"] = 0
    assert normalize_case(raw)["attachments"][0]["size"] == 0


# --- faults -------------------------------------------------------------------------------------

DELETE = object()  # marker: remove the key instead of setting it

# (test id, where, new value or DELETE[, expected JSON path when it is not "where"])
BAD: list[tuple[Any, ...]] = [
    ("unknown top key", ["colour"], "red"),
    ("unknown key with odd name", ["a b"], 1, "$['a b']"),
    ("unknown person key", ["persons", 1, "nickname"], "x"),
    ("unknown name key", ["persons", 0, "names", 1, "translit"], "x"),
    ("unknown consent key", ["testimonies", 0, "consent", "ok"], True),
    ("unknown place key", ["events", 0, "place", "city"], "x"),
    ("format wrong", ["format"], "testimony-desk.case/2"),
    ("format not a string", ["format"], 1),
    ("id not a uuid", ["id"], "1234"),
    ("id with braces", ["id"], "{" + UUID + "}"),
    ("id a number", ["id"], 42),
    ("reference empty", ["reference"], "  "),
    ("reference too long", ["reference"], "R" * 65),
    ("status unknown", ["status"], "lost"),
    ("confidentiality unknown", ["confidentiality"], "secret"),
    ("verification unknown", ["verification"], "proven"),
    ("tags not a list", ["tags"], "xinjiang"),
    ("tag empty", ["tags"], ["ok", ""], "$.tags[1]"),
    ("tag not a string", ["tags"], ["ok", 3], "$.tags[1]"),
    ("persons not a list", ["persons"], {}),
    ("person not an object", ["persons", 1], "p2"),
    ("person key missing", ["persons", 1, "key"], DELETE),
    ("person key with space", ["persons", 1, "key"], "p 2"),
    ("person key duplicate", ["persons", 1, "key"], "p1"),
    ("role missing", ["persons", 0, "role"], DELETE),
    ("role unknown", ["persons", 0, "role"], "victim"),
    ("names missing", ["persons", 0, "names"], DELETE),
    ("names empty", ["persons", 0, "names"], []),
    ("name value missing", ["persons", 0, "names", 0, "value"], DELETE),
    ("name value blank", ["persons", 0, "names", 0, "value"], " \t"),
    ("name value number", ["persons", 0, "names", 0, "value"], 7),
    ("script lower case", ["persons", 1, "names", 0, "script"], "cyrl"),
    ("script too long", ["persons", 1, "names", 0, "script"], "Cyrillic"),
    ("lang bad", ["persons", 0, "names", 0, "lang"], "Kazakh"),
    ("lang underscore", ["persons", 0, "names", 0, "lang"], "kk_KZ"),
    ("sex unknown", ["persons", 0, "sex"], "m"),
    ("birth date invalid day", ["persons", 0, "birth_date"], "2023-02-30"),
    ("birth date free text", ["persons", 0, "birth_date"], "spring 1979"),
    ("birth date number", ["persons", 0, "birth_date"], 1979),
    (
        "citizenship lower case",
        ["persons", 0, "citizenships"],
        ["cn"],
        "$.persons[0].citizenships[0]",
    ),
    (
        "citizenship unassigned",
        ["persons", 0, "citizenships"],
        ["CN", "XX"],
        "$.persons[0].citizenships[1]",
    ),
    (
        "citizenship alpha-3",
        ["persons", 0, "citizenships"],
        ["KAZ"],
        "$.persons[0].citizenships[0]",
    ),
    ("place empty", ["persons", 0, "birth_place"], {}),
    ("place only blanks", ["persons", 0, "birth_place"], {"locality": " "}),
    ("place country bad", ["persons", 0, "birth_place", "country"], "China"),
    ("residence not object", ["persons", 1, "residence"], "Almaty"),
    ("document type unknown", ["persons", 0, "documents", 0, "type"], "visa"),
    ("document type missing", ["persons", 0, "documents", 0, "type"], DELETE),
    ("document country bad", ["persons", 0, "documents", 0, "country"], "kz"),
    ("document issued bad", ["persons", 0, "documents", 0, "issued"], "2010-13"),
    ("contact unknown key", ["persons", 1, "contact", "fax"], "1"),
    ("phone a number", ["persons", 1, "contact", "phone"], 77000000000),
    ("email bad", ["persons", 1, "contact", "email"], "not an address"),
    ("relationship to self", ["persons", 1, "relationship", "to"], "p2"),
    ("relationship to nobody", ["persons", 1, "relationship", "to"], "p9"),
    ("relationship kind unknown", ["persons", 1, "relationship", "kind"], "wife"),
    ("relationship kind missing", ["persons", 1, "relationship", "kind"], DELETE),
    ("event type unknown", ["events", 0, "type"], "kidnapped"),
    ("event type missing", ["events", 1, "type"], DELETE),
    ("event date bad", ["events", 1, "date"], "March 2018"),
    ("event interval reversed", ["events", 1, "date"], "2019/2018"),
    ("event year out of range", ["events", 1, "date"], "1700"),
    ("event person undefined", ["events", 1, "persons"], ["p1", "p7"], "$.events[1].persons[1]"),
    ("event persons not a list", ["events", 1, "persons"], "p1"),
    ("event place country", ["events", 1, "place", "country"], "PRC"),
    ("event charges number", ["events", 1, "charges"], 0),
    ("testimony by missing", ["testimonies", 0, "by"], DELETE),
    ("testimony by undefined", ["testimonies", 0, "by"], "p3"),
    ("testimony date bad", ["testimonies", 0, "date"], "2018-04-31"),
    ("testimony medium unknown", ["testimonies", 0, "medium"], "telegram"),
    ("testimony language bad", ["testimonies", 0, "language"], "KK"),
    (
        "source not http",
        ["testimonies", 0, "sources"],
        ["ftp://example.org/x"],
        "$.testimonies[0].sources[0]",
    ),
    (
        "source javascript",
        ["testimonies", 0, "sources"],
        ["javascript:alert(1)"],
        "$.testimonies[0].sources[0]",
    ),
    (
        "source with space",
        ["testimonies", 0, "sources"],
        ["https://exa mple.org"],
        "$.testimonies[0].sources[0]",
    ),
    ("narrative not a string", ["testimonies", 0, "narrative"], ["text"]),
    ("consent partial", ["testimonies", 0, "consent", "publish"], DELETE),
    ("consent string bool", ["testimonies", 0, "consent", "record"], "true"),
    ("consent number bool", ["testimonies", 0, "consent", "share_with_hq"], 1),
    ("publish unknown", ["testimonies", 0, "consent", "publish"], "yes"),
    ("appeal recipient missing", ["appeals", 0, "recipient"], DELETE),
    ("appeal status unknown", ["appeals", 0, "status"], "posted"),
    ("appeal response unknown", ["appeals", 0, "response"], "ignored"),
    ("appeal follow up bad", ["appeals", 0, "follow_up"], "soon"),
    ("appeal pdf hash short", ["appeals", 0, "pdf_sha256"], "ab" * 31),
    ("attachments not a list", ["attachments"], {}),
    ("notes not a string", ["notes"], 5),
    ("created without zone", ["created"], "2026-01-05T10:00:00"),
    ("created date only", ["created"], "2026-01-05"),
    ("created impossible", ["created"], "2026-02-30T10:00:00Z"),
    ("updated before created", ["updated"], "2026-01-04T10:00:00Z"),
    ("control character", ["persons", 0, "ethnicity"], "Kaz\x00akh"),
    ("lone surrogate", ["notes"], "bad \ud800 text"),
    ("escape character", ["events", 0, "description"], "\x1b[31mred"),
    ("attachment id bad", ["attachments", 0, "id"], "scan-1"),
    ("attachment id missing", ["attachments", 0, "id"], DELETE),
    ("attachment filename path", ["attachments", 0, "filename"], "../etc/passwd"),
    ("attachment filename backslash", ["attachments", 0, "filename"], "a\\b.jpg"),
    ("attachment filename dotdot", ["attachments", 0, "filename"], ".."),
    ("attachment filename empty", ["attachments", 0, "filename"], ""),
    ("attachment media type", ["attachments", 0, "media_type"], "jpeg"),
    ("attachment sha256 missing", ["attachments", 0, "sha256"], DELETE),
    ("attachment sha256 bad", ["attachments", 0, "sha256"], "zz" * 32),
    ("attachment size negative", ["attachments", 0, "size"], -1),
    ("attachment size float", ["attachments", 0, "size"], 1.5),
    ("attachment size bool", ["attachments", 0, "size"], True),
    ("attachment size huge", ["attachments", 0, "size"], 2**63),
    ("attachment date bad", ["attachments", 0, "date"], "yesterday"),
    ("attachment unknown key", ["attachments", 0, "path"], "/tmp/x"),
    ("document expires before issued", ["persons", 0, "documents", 0, "expires"], "2009"),
]


def _jsonpath(where: list[Any]) -> str:
    return "$" + "".join(f"[{step}]" if isinstance(step, int) else f".{step}" for step in where)


@pytest.mark.parametrize("entry", BAD, ids=[entry[0] for entry in BAD])
def test_bad_documents_are_located(entry: tuple[Any, ...]) -> None:
    _, where, value, *expected = entry
    case = full()
    assert normalize_case(case)  # the unmutated document is fine
    parent: Any = case
    for step in where[:-1]:
        parent = parent[step]
    if value is DELETE:
        del parent[where[-1]]
    else:
        parent[where[-1]] = value
    assert fault(case) == (expected[0] if expected else _jsonpath(where))


def test_a_case_must_be_an_object() -> None:
    assert fault([full()]) == "$"
    assert fault("case") == "$"
    assert fault(None) == "$"


def test_duplicate_attachment_ids() -> None:
    raw = full()
    raw["attachments"].append(dict(raw["attachments"][0], filename="other.jpg"))
    assert fault(raw) == "$.attachments[1].id"


def test_error_message_names_file_record_and_path() -> None:
    raw = example()
    raw["persons"][1]["names"][0]["script"] = "cyrl"
    with pytest.raises(InvalidInputError) as info:
        normalize_case(raw, source="batch.json", index=7)
    text = str(info.value)
    assert text.startswith("batch.json: record 7: $.persons[1].names[0].script: ")
    assert "ISO 15924" in text


def test_errors_do_not_echo_free_text() -> None:
    raw = example()
    raw["testimonies"][0]["narrative"] = 12
    raw["persons"][1]["contact"]["email"] = "Secret Name at nowhere"
    with pytest.raises(InvalidInputError) as info:
        normalize_case(raw)
    assert "Secret Name" not in str(info.value)


def test_limits_on_strings_and_lists() -> None:
    raw = minimal()
    raw["notes"] = "x" * 1_000_000
    assert len(normalize_case(raw)["notes"]) == 1_000_000
    raw["notes"] = "x" * 1_000_001
    assert fault(raw) == "$.notes"
    raw = minimal()
    raw["tags"] = [f"t{i}" for i in range(10_000)]
    assert len(normalize_case(raw)["tags"]) == 10_000
    raw["tags"].append("one-too-many")
    assert fault(raw) == "$.tags"


def test_format_key_is_optional_but_always_written() -> None:
    raw = minimal()
    assert "format" not in raw
    assert normalize_case(raw)["format"] == "testimony-desk.case/1"


# --- load_cases -----------------------------------------------------------------------------------


def _cases_bytes(*cases: dict[str, Any]) -> bytes:
    return json.dumps(list(cases), ensure_ascii=False).encode("utf-8")


def _bad_load(data: bytes, source: str = "in.json") -> InvalidInputError:
    with pytest.raises(InvalidInputError) as info:
        load_cases(data, source=source)
    assert info.value.source == source
    assert str(info.value).startswith(source + ": ")
    return info.value


def test_load_single_object_array_and_json_lines_agree() -> None:
    one = minimal()
    two = example()
    single = load_cases(json.dumps(two).encode(), source="a.json")
    array = load_cases(_cases_bytes(one, two), source="b.json")
    lines = "\n\n" + json.dumps(one) + "\r\n   \n" + json.dumps(two, ensure_ascii=False) + "\n"
    jsonl = load_cases(lines.encode("utf-8"), source="c.jsonl")
    assert single == [normalize_case(two)]
    assert array == jsonl == [normalize_case(one), normalize_case(two)]


def test_load_accepts_bom_and_empty_array() -> None:
    assert load_cases(codecs.BOM_UTF8 + EXAMPLE_BYTES, source="x") == load_cases(
        EXAMPLE_BYTES, source="x"
    )
    assert load_cases(b" [ ] ", source="x") == []


def test_load_example_file_from_data_dir() -> None:
    (case,) = load_cases(EXAMPLE_BYTES, source="case-example.json")
    assert case == normalize_case(example())
    assert "…" not in case["testimonies"][0]["narrative"]
    assert case["testimonies"][0]["narrative"]


@pytest.mark.parametrize(
    "data",
    [b"", b"   \n", b"42", b'"case"', b"null", b"true"],
)
def test_load_rejects_non_case_documents(data: bytes) -> None:
    _bad_load(data)


def test_load_rejects_invalid_utf8_with_line() -> None:
    err = _bad_load(b'{"notes": "ok"}\n{"notes": "\xff"}\n')
    assert err.line == 2
    assert "UTF-8" in err.reason


def test_load_rejects_utf16() -> None:
    _bad_load(json.dumps(minimal()).encode("utf-16"))


def test_load_syntax_error_names_line_and_record() -> None:
    good = json.dumps(minimal())
    text = "[\n" + good + ",\n" + good + ',\n{"persons": [}\n]'
    err = _bad_load(text.encode())
    assert err.index == 2
    assert err.line == 4
    assert "invalid JSON" in err.reason


def test_load_array_element_not_object() -> None:
    err = _bad_load(b'[{"persons": []}, 5]')
    assert err.index == 1
    assert "object" in err.reason


def test_load_array_trailing_garbage() -> None:
    _bad_load(b'[{"persons": []}] x')
    _bad_load(b'[{"persons": []}')
    _bad_load(b'[{"persons": []},]')


def test_jsonl_error_names_line_number() -> None:
    good = json.dumps(minimal())
    bad = minimal()
    bad["status"] = "lost"
    text = good + "\n\n" + good + "\n" + json.dumps(bad) + "\n"
    err = _bad_load(text.encode(), "cases.jsonl")
    assert err.index == 2
    assert err.path == "$.status"
    syntax = good + "\n" + '{"persons": [' + "\n"
    err = _bad_load(syntax.encode(), "cases.jsonl")
    assert err.line == 2
    assert err.index == 1


def test_jsonl_line_must_be_one_object() -> None:
    good = json.dumps(minimal())
    err = _bad_load((good + "\n" + good + " " + good + "\n").encode())
    assert err.line == 2
    err = _bad_load((good + "\n[1]\n").encode())
    assert err.line == 2


def test_concatenated_pretty_objects_are_not_json_lines() -> None:
    pretty = json.dumps(minimal(), indent=2)
    err = _bad_load((pretty + "\n" + pretty).encode())
    assert "JSON Lines" in err.reason


def test_duplicate_keys_are_errors() -> None:
    err = _bad_load(b'{"status": "open", "status": "closed", "persons": []}')
    assert "duplicate key 'status'" in err.reason
    nested = b'[{"persons": []}, {"persons": [{"key": "p1", "key": "p2"}]}]'
    err = _bad_load(nested)
    assert err.index == 1


@pytest.mark.parametrize("number", [b"NaN", b"Infinity", b"-Infinity", b"1e999"])
def test_non_finite_numbers_rejected(number: bytes) -> None:
    err = _bad_load(b'{"persons": [], "notes": ' + number + b"}")
    assert err.index == 0


def test_deep_nesting_is_a_clean_error() -> None:
    err = _bad_load(b'{"notes": ' + b"[" * 100_000 + b"]" * 100_000 + b"}")
    assert "nested" in err.reason or "invalid JSON" in err.reason


def test_huge_integer_is_a_clean_error() -> None:
    _bad_load(b'{"persons": [], "notes": ' + b"9" * 5000 + b"}")


def test_load_validation_error_names_record() -> None:
    bad = minimal()
    bad["persons"][1]["relationship"]["to"] = "p2"
    err = _bad_load(_cases_bytes(minimal(), minimal(), bad), "batch.json")
    assert err.index == 2
    assert err.path == "$.persons[1].relationship.to"
    assert str(err).startswith("batch.json: record 2: $.persons[1].relationship.to: ")


def test_duplicate_id_or_reference_in_one_file() -> None:
    a, b = minimal(), minimal()
    a["id"], b["id"] = UUID, UUID.upper()
    err = _bad_load(_cases_bytes(minimal(), a, b))
    assert err.index == 2 and err.path == "$.id" and "record 1" in err.reason
    a, b = minimal(), minimal()
    a["reference"], b["reference"] = "TD-1", "TD-1"
    err = _bad_load(_cases_bytes(a, b))
    assert err.index == 1 and err.path == "$.reference"


def test_file_size_limit() -> None:
    data = _cases_bytes(minimal())
    assert load_cases(data, source="x", max_size=len(data))
    with pytest.raises(InvalidInputError, match="too large"):
        load_cases(data, source="x", max_size=len(data) - 1)


# --- load_case_files ------------------------------------------------------------


def test_load_case_files_json_jsonl_csv_and_sniffing(tmp_path: Path) -> None:
    one, two = minimal(), example()
    (tmp_path / "a.json").write_bytes(_cases_bytes(one))
    (tmp_path / "b.jsonl").write_text(json.dumps(two) + "\n", encoding="utf-8")
    (tmp_path / "c.txt").write_text(json.dumps(one), encoding="utf-8")
    csv_text = "reference,name_latn\nTD-9,Dana Testova\n"
    (tmp_path / "d.csv").write_text(csv_text, encoding="utf-8")
    (tmp_path / "e.dat").write_text(csv_text, encoding="utf-8")
    cases = load_case_files(sorted(tmp_path.iterdir()))
    assert len(cases) == 5
    assert cases[0] == normalize_case(one)
    assert cases[1] == normalize_case(two)
    assert cases[3]["reference"] == cases[4]["reference"] == "TD-9"


def test_load_case_files_names_the_bad_file(tmp_path: Path) -> None:
    (tmp_path / "good.json").write_bytes(_cases_bytes(minimal()))
    bad = tmp_path / "bad.json"
    bad.write_bytes(b'{"persons": [], "colour": 1}')
    with pytest.raises(InvalidInputError) as info:
        load_case_files([tmp_path / "good.json", bad])
    assert info.value.source == str(bad)
    with pytest.raises(InvalidInputError, match="cannot read"):
        load_case_files([tmp_path / "missing.json"])
    with pytest.raises(InvalidInputError, match="too large"):
        load_case_files([tmp_path / "good.json"], max_size=10)


# --- dump_cases -----------------------------------------------------------------------------------


def test_dump_json_is_pretty_utf8_and_stable() -> None:
    cases = load_cases(EXAMPLE_BYTES, source="x")
    data = dump_cases(cases, "json")
    text = data.decode("utf-8")
    assert text.endswith("]\n") and text.startswith('[\n  {\n    "format"')
    assert "Ерлан Сапарұлы" in text  # ensure_ascii=False
    assert load_cases(data, source="x") == cases
    assert dump_cases(load_cases(data, source="x"), "json") == data


def test_dump_jsonl_one_compact_object_per_line() -> None:
    cases = [normalize_case(minimal()), normalize_case(full())]
    data = dump_cases(cases, "jsonl")
    lines = data.decode("utf-8").split("\n")
    assert lines[-1] == "" and len(lines) == 3
    assert all(": " not in line[:40] for line in lines[:2])
    assert [json.loads(line) for line in lines[:2]] == cases
    assert dump_cases(load_cases(data, source="x"), "jsonl") == data


def test_dump_empty_and_unknown_format() -> None:
    assert dump_cases([], "json") == b"[]\n"
    assert dump_cases([], "jsonl") == b""
    with pytest.raises(ValueError, match="unknown format"):
        dump_cases([], "xml")  # type: ignore[arg-type]


def test_dump_normalizes_and_refuses_invalid() -> None:
    assert dump_cases([minimal()]) == dump_cases([normalize_case(minimal())])
    bad = minimal()
    bad["status"] = "lost"
    with pytest.raises(InvalidInputError) as info:
        dump_cases([minimal(), bad])
    assert info.value.index == 1


# --- redaction ------------------------------------------------------------------


def _all_strings(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for k, v in value.items() for s in [k, *_all_strings(v)]]
    if isinstance(value, list):
        return [s for v in value for s in _all_strings(v)]
    return []


def test_redact_hides_testifier_contact_documents() -> None:
    case = normalize_case(full())
    red = redact_case(case)
    text = "\n".join(_all_strings(red))
    for secret in (
        "Айгүл Сапарова",
        "Bolat Testuly",
        "+7 700 000 0000",
        "a.test@example.org",
        "KZ0000000",
        "Flat 2",
        "Street 1",
        "field team A",
        "Internal note",
        "Posted by courier",
        "OUT-17",
        "scan.jpg",
        "Case notes.",
        "https://example.org/video/123",
        "Almaty",
    ):
        assert secret not in text, secret
    testifier = red["persons"][1]
    assert testifier["names"] == [{"value": "[redacted] testifier", "script": "Latn"}]
    assert testifier["relationship"] == {"to": "p1", "kind": "spouse"}
    assert testifier["residence"] == {"country": "KZ"}
    assert red["persons"][2]["names"][0]["value"] == "[redacted] witness"
    detained = red["persons"][0]
    assert detained["names"] == case["persons"][0]["names"]  # publish "anonymized" allows it
    assert detained["documents"] == [{"type": "residence-permit", "country": "KZ"}]
    assert "contact" not in detained and "notes" not in detained
    assert red["attachments"] == [] and red["notes"] == ""
    assert red["testimonies"][0]["narrative"] == case["testimonies"][0]["narrative"]
    assert red["appeals"][0] == {
        "recipient": "kz-mfa",
        "language": "ru",
        "date": "2018-04-10",
        "status": "sent",
        "response": "denial",
        "response_date": "2018-06",
    }
    assert normalize_case(red) == red


def test_redact_birth_date_to_year() -> None:
    raw = example()
    raw["persons"][0]["birth_date"] = "1979-05-03"
    assert redact_case(raw)["persons"][0]["birth_date"] == "1979"
    raw["persons"][0]["birth_date"] = "19XX"
    assert "birth_date" not in redact_case(raw)["persons"][0]


def test_redact_without_publish_consent_hides_detained_and_narrative() -> None:
    raw = example()
    raw["testimonies"][0]["consent"]["publish"] = "no"
    red = redact_case(raw)
    text = "\n".join(_all_strings(red))
    for secret in ("Ерлан", "Erlan", "叶尔兰", "Күйеуім", "for a conversation"):
        assert secret not in text, secret
    assert "State Security Bureau, Bole" in text  # the authority is public information
    assert red["persons"][0]["names"][0]["value"] == "[redacted] detained person"
    assert red["persons"][0]["birth_place"] == {"region": "Xinjiang", "country": "CN"}
    assert red["testimonies"][0]["narrative"] == ""
    assert red["testimonies"][0]["sources"] == []


def test_redact_public_case_and_named_consent() -> None:
    raw = example()
    raw["testimonies"][0]["consent"]["publish"] = "named"
    red = redact_case(raw)
    assert red["testimonies"][0]["sources"] == ["https://example.org/video/123"]
    assert red["persons"][1]["names"][0]["value"] == "[redacted] testifier"
    raw = example()
    raw["testimonies"] = []
    assert redact_case(raw)["persons"][0]["names"][0]["value"] == "[redacted] detained person"
    raw["confidentiality"] = "public"
    assert redact_case(raw)["persons"][0]["names"][0]["value"] == "Ерлан Сапарұлы"


def test_redact_renumbers_person_keys() -> None:
    raw = example()
    raw["persons"][0]["key"] = "erlan"
    raw["persons"][1]["key"] = "aigul"
    raw["persons"][1]["relationship"]["to"] = "erlan"
    for event in raw["events"]:
        event["persons"] = ["erlan"]
    raw["testimonies"][0]["by"] = "aigul"
    red = redact_case(raw)
    assert [p["key"] for p in red["persons"]] == ["p1", "p2"]
    assert "erlan" not in json.dumps(red) and "aigul" not in json.dumps(red)
    assert red["testimonies"][0]["by"] == "p2"
    assert red["events"][0]["persons"] == ["p1"]


def test_redact_numbers_people_of_the_same_role() -> None:
    raw = minimal()
    raw["persons"].append({"key": "p3", "role": "testifier", "names": [{"value": "Third"}]})
    names = [p["names"][0]["value"] for p in redact_case(raw)["persons"]]
    assert names[1:] == ["[redacted] testifier 1", "[redacted] testifier 2"]


def test_redact_is_stable() -> None:
    red = redact_case(full())
    assert redact_case(red) == red
