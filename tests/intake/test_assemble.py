"""From form values to a valid case: only changes are written, keys are linked."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from desktop.intake.assemble import apply_changes, prune
from desktop.intake.form import default_form
from desktop.interchange.case_format import normalize_case

EXAMPLE = Path(__file__).resolve().parents[1] / "data" / "case-example.json"


def _example() -> dict[str, Any]:
    return normalize_case(json.loads(EXAMPLE.read_text(encoding="utf-8")))


def test_no_changes_give_the_same_case() -> None:
    case = _example()
    assert normalize_case(apply_changes(case, default_form(), {})) == case


def test_a_change_keeps_everything_the_form_does_not_show() -> None:
    case = _example()
    out = normalize_case(apply_changes(case, default_form(), {"detained_ethnicity": "Uyghur"}))
    assert out["persons"][0]["ethnicity"] == "Uyghur"
    out["persons"][0]["ethnicity"] = "Kazakh"
    assert out == case  # documents, tags, descriptions, region… all still there


def test_a_new_case_gets_person_keys_and_links() -> None:
    values = {
        "detained_names": [{"value": "Dana Testova", "script": "Latn"}],
        "testifier_names": [{"value": "Марат Тестов", "script": "Cyrl"}],
        "relationship": {"kind": "sibling"},
        "narrative": "Invented testimony.",
        "consent_share": True,
        "events": [{"type": "detained", "date": "2019-05"}],
    }
    out = normalize_case(apply_changes({}, default_form(), values))
    detained, testifier = out["persons"]
    assert (detained["key"], detained["role"]) == ("p1", "detained")
    assert testifier["relationship"] == {"to": "p1", "kind": "sibling"}
    assert out["testimonies"][0]["by"] == testifier["key"]
    assert out["testimonies"][0]["consent"] == {
        "record": True,  # the conservative defaults fill what the form did not say
        "share_with_hq": True,
        "use_in_appeals": False,
        "publish": "no",
    }
    assert out["events"][0]["persons"] == ["p1"]


def test_clearing_a_place_field_leaves_no_empty_place() -> None:
    case = _example()
    values = {"detained_birth_place": None, "detained_birth_country": None}
    case["persons"][0]["birth_place"] = {"locality": "Bole", "country": "CN"}
    out = normalize_case(apply_changes(case, default_form(), values))
    assert "birth_place" not in out["persons"][0]


def test_read_only_fields_are_never_written() -> None:
    case = _example()
    values = {"reference": "TD-1999-0001", "appeals": [], "attachments": []}
    case["attachments"] = [
        {
            "id": "6f1c2a4e-1b7d-4a8e-9b61-2f0d3c5a7e91",
            "filename": "scan.png",
            "media_type": "image/png",
            "sha256": "0" * 64,
            "size": 1,
        }
    ]
    out = apply_changes(case, default_form(), values)
    assert out["reference"] == "TD-2026-0001"
    assert out["appeals"] == case["appeals"]
    assert out["attachments"] == case["attachments"]


def test_prune() -> None:
    assert prune({"a": "", "b": None, "c": {"d": ""}, "e": [{"f": ""}], "g": False}) == {
        "e": [{}],
        "g": False,
    }
