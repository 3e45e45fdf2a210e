"""Property and fuzz tests for the case format, JSON and CSV interchange.

Two kinds of property:

* hostile input (random values, mutated documents, random or corrupted bytes) only ever
  raises InvalidInputError: never KeyError, TypeError, RecursionError, UnicodeError…, which
  the CLI would turn into a traceback instead of exit code 4;
* valid cases are stable: normalize is idempotent, JSON dump → load → dump and CSV
  dump → load → dump give identical bytes, and every output passes the JSON Schema.

Each test is bounded (max_examples ≤ 200, no deadline) so the suite stays quick.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator

from desktop.domain import vocab
from desktop.domain.countries import all_countries
from desktop.errors import InvalidInputError
from desktop.interchange import (
    case_schema,
    dump_cases,
    dump_csv,
    load_cases,
    load_csv,
    normalize_case,
    redact_case,
)

DATA = Path(__file__).resolve().parent.parent / "data"
FULL: dict[str, Any] = json.loads((DATA / "case-full.json").read_text(encoding="utf-8"))
EXAMPLE_JSON = (DATA / "case-example.json").read_bytes()
EXAMPLE_CSV = (DATA / "cases-semicolon.csv").read_bytes()
VALIDATOR = Draft202012Validator(case_schema())

FUZZ = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
STABLE = settings(
    max_examples=120,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

# --- hostile input ----------------------------------------------------------------------------

any_char = st.characters(codec=None, exclude_categories=())  # surrogates and controls too
json_scalars = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**70), max_value=2**70)
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text(alphabet=any_char, max_size=20)
    | st.sampled_from(["p1", "p2", "Cyrl", "KZ", "2018-03", "open", "detained", "x" * 70])
)
json_values = st.recursive(
    json_scalars,
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.dictionaries(
            st.sampled_from(
                ["key", "role", "names", "value", "script", "persons", "type", "by", "to", "kind"]
            )
            | st.text(max_size=8),
            inner,
            max_size=4,
        )
    ),
    max_leaves=20,
)


def _expect_only_invalid_input(call: Any, *args: Any, **kwargs: Any) -> Any:
    try:
        return call(*args, **kwargs)
    except InvalidInputError as exc:
        assert exc.exit_code == 4
        assert str(exc)
        return None


@FUZZ
@given(json_values)
def test_random_values_only_raise_invalid_input(value: object) -> None:
    _expect_only_invalid_input(normalize_case, value, source="fuzz", index=0)


def _paths(node: object, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    out = [prefix]
    if isinstance(node, dict):
        for key, value in node.items():
            out += _paths(value, (*prefix, key))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            out += _paths(value, (*prefix, i))
    return out


ALL_PATHS = _paths(FULL)


@FUZZ
@given(
    st.sampled_from(ALL_PATHS),
    st.sampled_from(["replace", "delete", "add-key", "wrap", "null"]),
    json_values,
)
def test_mutated_documents_only_raise_invalid_input(
    path: tuple[Any, ...], action: str, value: object
) -> None:
    doc: Any = copy.deepcopy(FULL)
    if not path:
        doc = value if action == "replace" else [doc]
    else:
        parent: Any = doc
        for step in path[:-1]:
            parent = parent[step]
        last = path[-1]
        if action == "replace":
            parent[last] = value
        elif action == "delete":
            del parent[last]
        elif action == "add-key" and isinstance(parent[last], dict):
            parent[last]["zz_unknown"] = value
        elif action == "wrap":
            parent[last] = [parent[last]]
        else:
            parent[last] = None
    result = _expect_only_invalid_input(normalize_case, doc, source="fuzz", index=0)
    if result is not None:
        assert normalize_case(result) == result
        assert not list(VALIDATOR.iter_errors(result))


@FUZZ
@given(st.binary(max_size=400))
def test_random_bytes_to_loaders(data: bytes) -> None:
    _expect_only_invalid_input(load_cases, data, source="fuzz.json")
    _expect_only_invalid_input(load_csv, data, source="fuzz.csv")


@FUZZ
@given(
    st.sampled_from(["json", "csv"]),
    st.lists(
        st.tuples(
            st.integers(min_value=0, max_value=10_000),
            st.binary(max_size=3),
            st.integers(min_value=0, max_value=3),
        ),
        min_size=1,
        max_size=4,
    ),
)
def test_corrupted_files_only_raise_invalid_input(
    kind: str, edits: list[tuple[int, bytes, int]]
) -> None:
    data = bytearray(EXAMPLE_JSON if kind == "json" else EXAMPLE_CSV)
    for position, insert, remove in edits:
        at = position % (len(data) + 1)
        data[at : at + remove] = insert
    loader = load_cases if kind == "json" else load_csv
    _expect_only_invalid_input(loader, bytes(data), source="corrupt")


@FUZZ
@given(st.text(alphabet=st.sampled_from('{}[]",:\n\r ;tfn0-9ae\\\ufeff'), max_size=300))
def test_json_shaped_text_only_raises_invalid_input(text: str) -> None:
    data = text.encode("utf-8")
    _expect_only_invalid_input(load_cases, data, source="shaped.json")
    _expect_only_invalid_input(load_csv, data, source="shaped.csv")


# --- valid cases ----------------------------------------------------------------------------------

COUNTRIES = all_countries()
safe_char = st.characters(exclude_categories=("Cs", "Cc")) | st.sampled_from("\t\n\r")
free_text = st.text(alphabet=safe_char, max_size=40)
line_text = st.text(
    alphabet=st.characters(exclude_categories=("Cs", "Cc", "Zl", "Zp")), min_size=1, max_size=20
).filter(lambda s: s.strip() != "")
sample_names = st.sampled_from(
    [
        "Ерлан Сапарұлы",
        "Erlan Saparuly",
        "叶尔兰·萨帕尔",
        "ئەركىن تېست",
        "Әйгерім Тестова",
        "Dana O'Test-Ova",
        "麥麥提",
        "Δανα",
        "=HYPERLINK()",
        "+7 700",
        "\u200fئا\u200cب",
    ]
)
names = st.one_of(sample_names, line_text)
countries = st.sampled_from(COUNTRIES)


@st.composite
def edtf_dates(draw: st.DrawFn) -> str:
    year = draw(st.integers(min_value=1800, max_value=2100))
    text = f"{year}"
    if draw(st.booleans()):
        month = draw(st.integers(min_value=1, max_value=12))
        text += f"-{month:02d}"
        if draw(st.booleans()):
            text += f"-{draw(st.integers(min_value=1, max_value=28)):02d}"
    text += draw(st.sampled_from(["", "", "?", "~", "%"]))
    shape = draw(st.sampled_from(["single", "single", "open", "to"]))
    if shape == "open":
        return text + "/.."
    if shape == "to":
        return "../" + text
    return text


def vocab_of(v: vocab.Vocabulary) -> st.SearchStrategy[str]:
    return st.sampled_from(list(v.keys))


def optional(strategy: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    return st.none() | strategy


@st.composite
def places(draw: st.DrawFn) -> dict[str, Any]:
    place = {
        "facility": draw(optional(line_text)),
        "address": draw(optional(line_text)),
        "locality": draw(optional(line_text)),
        "region": draw(optional(line_text)),
        "country": draw(optional(countries)),
    }
    place = {k: v for k, v in place.items() if v is not None}
    return place or {"country": draw(countries)}


@st.composite
def valid_cases(draw: st.DrawFn) -> dict[str, Any]:
    count = draw(st.integers(min_value=0, max_value=4))
    keys = [f"p{i + 1}" for i in range(count)]
    persons: list[dict[str, Any]] = []
    for key in keys:
        person: dict[str, Any] = {
            "key": key,
            "role": draw(vocab_of(vocab.ROLE)),
            "names": [
                {
                    "value": draw(names),
                    **(
                        {"lang": draw(st.sampled_from(["kk", "ru", "ug", "zh-Hans"]))}
                        if draw(st.booleans())
                        else {}
                    ),
                }
                for _ in range(draw(st.integers(min_value=1, max_value=3)))
            ],
        }
        if draw(st.booleans()):
            person["sex"] = draw(vocab_of(vocab.SEX))
        if draw(st.booleans()):
            person["birth_date"] = draw(edtf_dates())
        if draw(st.booleans()):
            person["citizenships"] = draw(st.lists(countries, max_size=3))
        if draw(st.booleans()):
            person["birth_place"] = draw(places())
        if draw(st.booleans()):
            person["contact"] = {"phone": draw(line_text)}
        if draw(st.booleans()):
            person["documents"] = [
                {"type": draw(vocab_of(vocab.DOCUMENT_TYPE)), "number": draw(line_text)}
            ]
        others = [k for k in keys if k != key]
        if others and draw(st.booleans()):
            person["relationship"] = {
                "to": draw(st.sampled_from(others)),
                "kind": draw(vocab_of(vocab.RELATIONSHIP)),
            }
        persons.append(person)
    refs = st.lists(st.sampled_from(keys), max_size=3) if keys else st.just([])
    events = [
        {
            "type": draw(vocab_of(vocab.EVENT_TYPE)),
            "date": draw(optional(edtf_dates())),
            "persons": draw(refs),
            "place": draw(optional(places())),
            "authority": draw(optional(line_text)),
            "charges": draw(optional(free_text)),
            "description": draw(optional(free_text)),
        }
        for _ in range(draw(st.integers(min_value=0, max_value=3)))
    ]
    testimonies = []
    if keys:
        for _ in range(draw(st.integers(min_value=0, max_value=2))):
            testimony: dict[str, Any] = {
                "by": draw(st.sampled_from(keys)),
                "date": draw(optional(edtf_dates())),
                "language": draw(optional(st.sampled_from(["kk", "ru", "ug", "en"]))),
                "medium": draw(optional(vocab_of(vocab.MEDIUM))),
                "narrative": draw(free_text),
                "sources": draw(
                    st.lists(
                        st.sampled_from(["https://example.org/v/1", "http://example.net/a?b=c"]),
                        max_size=2,
                    )
                ),
            }
            if draw(st.booleans()):
                testimony["consent"] = {
                    "record": draw(st.booleans()),
                    "share_with_hq": draw(st.booleans()),
                    "use_in_appeals": draw(st.booleans()),
                    "publish": draw(vocab_of(vocab.PUBLISH)),
                }
            testimonies.append(testimony)
    case: dict[str, Any] = {
        "id": draw(optional(st.uuids().map(str))),
        "reference": draw(optional(st.from_regex(r"TD-[0-9]{4}-[0-9]{4}", fullmatch=True))),
        "status": draw(optional(vocab_of(vocab.STATUS))),
        "confidentiality": draw(optional(vocab_of(vocab.CONFIDENTIALITY))),
        "verification": draw(optional(vocab_of(vocab.VERIFICATION))),
        "tags": draw(
            st.lists(st.one_of(line_text, st.sampled_from(["a;b", "c\\", "-x"])), max_size=3)
        ),
        "persons": persons,
        "events": events,
        "testimonies": testimonies,
        "appeals": [
            {
                "recipient": "kz-mfa",
                "status": draw(vocab_of(vocab.APPEAL_STATUS)),
                "follow_up": draw(optional(edtf_dates())),
            }
            for _ in range(draw(st.integers(min_value=0, max_value=2)))
        ],
        "notes": draw(free_text),
    }
    return {k: v for k, v in case.items() if v is not None}


@STABLE
@given(valid_cases())
def test_valid_cases_are_stable_in_json(raw: dict[str, Any]) -> None:
    case = normalize_case(raw)
    assert normalize_case(case) == case
    assert not list(VALIDATOR.iter_errors(case))
    for fmt in ("json", "jsonl"):
        data = dump_cases([case], fmt)  # type: ignore[arg-type]
        again = load_cases(data, source="rt")
        assert again == [case]
        assert dump_cases(again, fmt) == data  # type: ignore[arg-type]


@STABLE
@given(valid_cases())
def test_valid_cases_export_to_csv_and_back(raw: dict[str, Any]) -> None:
    case = normalize_case(raw)
    data = dump_csv([case])
    once = load_csv(data, source="rt.csv")  # an export must always import again
    assert len(once) == 1
    assert not list(VALIDATOR.iter_errors(once[0]))
    second = dump_csv(once)
    assert load_csv(second, source="rt.csv") == once  # the CSV subset is a fixed point
    assert dump_csv(load_csv(second, source="rt.csv")) == second


@STABLE
@given(valid_cases())
def test_redaction_of_valid_cases(raw: dict[str, Any]) -> None:
    case = normalize_case(raw)
    red = redact_case(case)
    assert normalize_case(red) == red
    assert not list(VALIDATOR.iter_errors(red))
    assert all("contact" not in p for p in red["persons"])
    assert red["attachments"] == [] and red["notes"] == ""
    assert all("number" not in d for p in red["persons"] for d in p.get("documents", []))
    assert all("interviewer" not in t for t in red["testimonies"])
    for t, original in zip(red["testimonies"], case["testimonies"], strict=True):
        if original["consent"]["publish"] == "no":
            assert t["narrative"] == "" and t["sources"] == []
    for p in red["persons"]:
        if p["role"] != "detained":
            assert p["names"][0]["value"].startswith("[redacted]")
