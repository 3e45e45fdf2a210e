"""The ``maps_to`` path language: parse, get, set, remove, and concrete JSON paths."""

from __future__ import annotations

import copy
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.intake.paths import PathError, concrete_path, get_path, parse_path, set_path


def _case() -> dict[str, Any]:
    return {
        "persons": [
            {"key": "p2", "role": "testifier", "names": [{"value": "Aigul Testova"}]},
            {"key": "p1", "role": "detained", "names": [{"value": "Erlan Testov"}],
             "citizenships": ["CN", "KZ"]},
        ],
        "testimonies": [{"by": "p2", "consent": {"record": True}}],
    }  # fmt: skip


def test_parse() -> None:
    (a, b) = parse_path("persons[role=detained].names")
    assert (a.name, a.select_key, a.select_value, a.index) == ("persons", "role", "detained", None)
    assert (b.name, b.is_list) == ("names", False)
    assert str(parse_path("testimonies[0].consent")[0]) == "testimonies[0]"


@pytest.mark.parametrize(
    "bad", ["", "persons..names", "persons[", "Persons", "persons[role=]", "a[1000]", "a b"]
)
def test_parse_rejects(bad: str) -> None:
    with pytest.raises(PathError):
        parse_path(bad)


def test_get_follows_selectors_and_indexes() -> None:
    doc = _case()
    assert get_path(doc, "persons[role=detained].names")[0]["value"] == "Erlan Testov"
    assert get_path(doc, "persons[role=detained].citizenships[1]") == "KZ"
    assert get_path(doc, "testimonies[0].consent.record") is True
    # Missing steps give None and create nothing.
    assert get_path(doc, "persons[role=witness].names") is None
    assert get_path(doc, "testimonies[3].narrative") is None
    assert get_path(doc, "events") is None
    assert doc == _case()


def test_set_existing_values() -> None:
    doc = _case()
    set_path(doc, "persons[role=detained].sex", "male")
    set_path(doc, "persons[role=detained].citizenships[0]", "KZ")
    set_path(doc, "testimonies[0].consent.share_with_hq", True)
    assert doc["persons"][1]["sex"] == "male"
    assert doc["persons"][1]["citizenships"] == ["KZ", "KZ"]
    assert doc["testimonies"][0]["consent"] == {"record": True, "share_with_hq": True}
    assert doc["persons"][0] == _case()["persons"][0]  # the other person is untouched


def test_set_creates_what_is_missing() -> None:
    doc: dict[str, Any] = {}
    set_path(doc, "persons[role=detained].names", [{"value": "Dana Testova"}])
    set_path(doc, "persons[role=testifier].contact.phone", "+7 701 123 4567")
    set_path(doc, "persons[role=detained].birth_place.country", "CN")
    set_path(doc, "persons[role=detained].citizenships[0]", "CN")
    set_path(doc, "testimonies[0].narrative", "Invented.")
    assert doc == {
        "persons": [
            {"role": "detained", "names": [{"value": "Dana Testova"}],
             "birth_place": {"country": "CN"}, "citizenships": ["CN"]},
            {"role": "testifier", "contact": {"phone": "+7 701 123 4567"}},
        ],
        "testimonies": [{"narrative": "Invented."}],
    }  # fmt: skip


def test_set_refuses_a_gap_and_a_wrong_shape() -> None:
    with pytest.raises(PathError, match="only 0 items"):
        set_path({}, "testimonies[2].narrative", "x")
    with pytest.raises(PathError, match="not an object"):
        set_path({"notes": "text"}, "notes.value", "x")
    with pytest.raises(PathError, match="not a list"):
        set_path({"persons": {}}, "persons[0].key", "p1")


def test_none_removes_and_never_creates() -> None:
    doc = _case()
    set_path(doc, "testimonies[0].consent.record", None)
    assert doc["testimonies"][0]["consent"] == {}
    set_path(doc, "persons[role=detained].citizenships[0]", None)
    assert doc["persons"][1]["citizenships"] == ["KZ"]
    before = copy.deepcopy(doc)
    set_path(doc, "persons[role=witness].names", None)
    set_path(doc, "events[0].date", None)
    assert doc == before


def test_concrete_path() -> None:
    doc = _case()
    assert concrete_path(doc, "persons[role=detained].names") == "$.persons[1].names"
    assert (
        concrete_path(doc, "testimonies[0].consent.publish") == "$.testimonies[0].consent.publish"
    )
    assert concrete_path(doc, "persons[role=witness].names") is None
    assert concrete_path(doc, "events") == "$.events"


_values = st.one_of(
    st.text(max_size=5), st.booleans(), st.integers(), st.lists(st.text(max_size=3))
)
_paths = st.sampled_from(
    [
        "notes",
        "persons[role=detained].names",
        "persons[role=testifier].contact.phone",
        "persons[role=detained].citizenships[0]",
        "testimonies[0].consent.share_with_hq",
        "testimonies[0].narrative",
    ]
)


@settings(max_examples=150, deadline=None)
@given(path=_paths, value=_values, start=st.sampled_from([{}, _case()]))
def test_set_then_get_round_trips(path: str, value: Any, start: dict[str, Any]) -> None:
    doc = copy.deepcopy(start)
    set_path(doc, path, value)
    assert get_path(doc, path) == value
    set_path(doc, path, None)
    assert get_path(doc, path) is None or path.endswith("[0]")  # a list index shifts
