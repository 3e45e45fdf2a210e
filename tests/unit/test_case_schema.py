"""case.schema.json agrees with the importer: it accepts what we write and refuses unknown keys.

The schema is for other tools (HQ scripts, partner organisations) that produce case files;
if it drifted from normalize_case they would write files we refuse, or we would write files
their validators refuse.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from desktop.domain import vocab
from desktop.interchange import (
    case_schema,
    dump_cases,
    load_cases,
    load_csv,
    normalize_case,
    redact_case,
)

DATA = Path(__file__).resolve().parent.parent / "data"


@pytest.fixture(scope="module")
def validator() -> Draft202012Validator:
    schema = case_schema()
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)


def load(name: str) -> dict[str, Any]:
    value: dict[str, Any] = json.loads((DATA / name).read_text(encoding="utf-8"))
    return value


def errors(validator: Draft202012Validator, case: object) -> list[str]:
    return [e.message for e in validator.iter_errors(case)]


def test_schema_declares_draft_2020_12() -> None:
    assert case_schema()["$schema"] == "https://json-schema.org/draft/2020-12/schema"


def test_case_schema_returns_a_fresh_copy() -> None:
    first = case_schema()
    first["properties"].clear()
    assert case_schema()["properties"]


@pytest.mark.parametrize("name", ["case-example.json", "case-full.json", "case-minimal.json"])
def test_example_files_validate_raw_and_normalized(
    validator: Draft202012Validator, name: str
) -> None:
    raw = load(name)
    assert errors(validator, raw) == []
    assert errors(validator, normalize_case(raw)) == []


def test_every_output_validates(validator: Draft202012Validator) -> None:
    outputs: list[dict[str, Any]] = []
    for name in ("case-example.json", "case-full.json", "case-minimal.json"):
        case = normalize_case(load(name))
        outputs += [case, redact_case(case)]
    outputs += load_cases((DATA / "cases.jsonl").read_bytes(), source="cases.jsonl")
    outputs += load_csv((DATA / "cases-semicolon.csv").read_bytes(), source="semicolon.csv")
    outputs += load_csv((DATA / "case-example.csv").read_bytes(), source="example.csv")
    outputs += json.loads(dump_cases(outputs))
    for case in outputs:
        assert errors(validator, case) == [], case.get("reference")


def test_schema_vocabularies_match_domain(validator: Draft202012Validator) -> None:
    schema = case_schema()
    props = schema["properties"]
    defs = schema["$defs"]
    pairs = [
        (props["status"], vocab.STATUS),
        (props["confidentiality"], vocab.CONFIDENTIALITY),
        (props["verification"], vocab.VERIFICATION),
        (defs["person"]["properties"]["role"], vocab.ROLE),
        (defs["person"]["properties"]["sex"], vocab.SEX),
        (defs["person"]["properties"]["relationship"]["properties"]["kind"], vocab.RELATIONSHIP),
        (defs["document"]["properties"]["type"], vocab.DOCUMENT_TYPE),
        (defs["event"]["properties"]["type"], vocab.EVENT_TYPE),
        (defs["testimony"]["properties"]["medium"], vocab.MEDIUM),
        (defs["consent"]["properties"]["publish"], vocab.PUBLISH),
        (defs["appeal"]["properties"]["status"], vocab.APPEAL_STATUS),
        (defs["appeal"]["properties"]["response"], vocab.OFFICIAL_RESPONSE),
    ]
    for node, vocabulary in pairs:
        assert node["enum"] == list(vocabulary.keys), vocabulary.name


def test_every_object_in_schema_forbids_unknown_keys() -> None:
    def walk(node: object, where: str) -> None:
        if isinstance(node, dict):
            if node.get("type") == "object":
                assert node.get("additionalProperties") is False, where
            for key, value in node.items():
                walk(value, f"{where}/{key}")
        elif isinstance(node, list):
            for i, value in enumerate(node):
                walk(value, f"{where}/{i}")

    walk(case_schema(), "#")


@pytest.mark.parametrize(
    "path",
    [
        [],
        ["persons", 0],
        ["persons", 0, "names", 0],
        ["persons", 0, "birth_place"],
        ["persons", 0, "documents", 0],
        ["persons", 1, "contact"],
        ["persons", 1, "relationship"],
        ["events", 0],
        ["events", 0, "place"],
        ["testimonies", 0],
        ["testimonies", 0, "consent"],
        ["appeals", 0],
        ["attachments", 0],
    ],
)
def test_schema_rejects_unknown_keys_at_every_level(
    validator: Draft202012Validator, path: list[Any]
) -> None:
    case = load("case-full.json")
    target: Any = case
    for step in path:
        target = target[step]
    target["surprise"] = "x"
    found = errors(validator, case)
    assert any("surprise" in message for message in found), found


@pytest.mark.parametrize(
    ("path", "value"),
    [
        (["status"], "lost"),
        (["format"], "testimony-desk.case/2"),
        (["id"], "not-a-uuid"),
        (["persons", 0, "names"], []),
        (["persons", 0, "names", 0, "script"], "cyrl"),
        (["persons", 0, "citizenships", 0], "cn"),
        (["persons", 0, "birth_date"], "spring 1979"),
        (["events", 0, "persons"], "p1"),
        (["testimonies", 0, "consent", "record"], "yes"),
        (["testimonies", 0, "sources", 0], "ftp://example.org/"),
        (["attachments", 0, "size"], -1),
        (["attachments", 0, "filename"], "../x"),
        (["created"], "2026-01-05"),
    ],
)
def test_schema_rejects_bad_values(
    validator: Draft202012Validator, path: list[Any], value: object
) -> None:
    case = copy.deepcopy(load("case-full.json"))
    target: Any = case
    for step in path[:-1]:
        target = target[step]
    target[path[-1]] = value
    assert errors(validator, case)


def test_schema_requires_consent_fields_and_person_keys(validator: Draft202012Validator) -> None:
    case = load("case-example.json")
    del case["testimonies"][0]["consent"]["publish"]
    assert errors(validator, case)
    case = load("case-example.json")
    del case["persons"][0]["key"]
    assert errors(validator, case)
