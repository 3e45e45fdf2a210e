"""The UN WGEID minimum elements: which ones a case still lacks."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from desktop.intake.completeness import ELEMENTS, element_label, missing_elements

EXAMPLE = Path(__file__).resolve().parents[1] / "data" / "case-example.json"


def _example() -> dict[str, Any]:
    return json.loads(EXAMPLE.read_text(encoding="utf-8"))  # type: ignore[no-any-return]


def test_the_design_example_is_complete() -> None:
    assert missing_elements(_example()) == []


def test_an_empty_case_misses_everything_in_order() -> None:
    assert missing_elements({}) == list(ELEMENTS)
    assert missing_elements({"persons": [], "events": None}) == list(ELEMENTS)


@pytest.mark.parametrize(
    ("edit", "missing"),
    [
        (lambda c: c["persons"][0].update(names=[{"value": "Erlan", "script": "Latn"}]),
         "full_name"),
        (lambda c: [e.pop("date") for e in c["events"]], "date"),
        (lambda c: [e.pop("place") for e in c["events"]], "place"),
        (lambda c: c["events"][0].pop("authority"), "responsible"),
        (lambda c: c.update(appeals=[]), "family_steps"),
        (lambda c: c["persons"].pop(1), "submitter"),
        # A date on an event that does not start the disappearance does not count.
        (lambda c: [e.update(type="released") for e in c["events"]], "date"),
    ],
)  # fmt: skip
def test_each_element_is_detected(edit: Any, missing: str) -> None:
    case = _example()
    edit(case)
    assert missing in missing_elements(case)


def test_names_count_as_full_in_han_script_or_with_two_parts() -> None:
    case = _example()
    case["persons"][0]["names"] = [{"value": "叶尔兰", "script": "Hans"}]
    assert "full_name" not in missing_elements(case)
    case["persons"][0]["names"] = [{"value": "Erlan-Saparuly", "script": "Latn"}]
    assert "full_name" not in missing_elements(case)
    case["persons"][0]["names"] = [{"value": "   ", "script": "Latn"}]
    assert "full_name" in missing_elements(case)


def test_an_other_event_counts_as_a_family_step() -> None:
    case = _example()
    case["appeals"] = []
    case["events"].append({"type": "other", "description": "Family wrote to the police."})
    assert "family_steps" not in missing_elements(case)


def test_labels_exist_in_every_language() -> None:
    for key in ELEMENTS:
        for lang in ("en", "ru", "kk", "ug"):
            assert element_label(key, lang)
    assert element_label("date", "ug") == "غايىب بولغان ۋاقتى"
    assert element_label("date", "de") == "date of disappearance"  # English fallback
