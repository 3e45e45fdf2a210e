"""The questionnaire file: the bundled form loads, and a broken one names file and field."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from desktop.domain.vocab import VOCABULARIES
from desktop.errors import InvalidInputError
from desktop.intake.form import (
    FIELD_TYPES,
    LANGUAGES,
    bundled_forms,
    default_form,
    load_form,
    parse_form,
)
from desktop.intake.paths import get_path

FORM = Path(__file__).resolve().parents[2] / "forms" / "detention-testimony.yaml"


def test_every_bundled_form_loads() -> None:
    paths = bundled_forms()
    assert FORM in paths
    for path in paths:
        form = load_form(path)
        assert form.sections and form.fields()


def test_the_default_form_has_the_sections_and_types_the_editor_needs() -> None:
    form = default_form()
    assert [s.id for s in form.sections] == [
        "case",
        "detained",
        "testifier",
        "events",
        "testimony",
        "attachments",
        "appeals",
        "history",
    ]
    types = {f.type for f in form.fields()}
    assert types == set(FIELD_TYPES)  # every field type is used at least once
    for field in form.fields():
        for lang in LANGUAGES:
            assert field.label(lang).strip()
        if field.type == "choice":
            assert field.vocabulary in VOCABULARIES
    assert form.field("detained_names").required
    assert form.field("detained_names").maps_to == "persons[role=detained].names"
    assert form.field("consent_share").maps_to == "testimonies[0].consent.share_with_hq"
    # Kazakh labels use the Kazakh letters, not Russian look-alikes.
    assert form.field("detained_names").label("kk") == "Аты-жөні"
    assert form.sections[1].label("kk") == "Ұсталған адам"


def test_the_default_form_reads_the_design_example(example_case: dict[str, object]) -> None:
    form = default_form()
    values = {f.id: get_path(example_case, f.path) for f in form.fields() if f.path}
    assert values["detained_names"][0]["value"] == "Ерлан Сапарұлы"
    assert values["testifier_phone"] == "+7 700 000 0000"
    assert values["relationship"] == {"to": "p1", "kind": "spouse"}
    assert values["consent_publish"] == "anonymized"
    assert values["detained_citizenship"] == "CN"
    assert len(values["events"]) == 2


@pytest.fixture
def example_case() -> dict[str, object]:
    import json

    path = Path(__file__).resolve().parents[1] / "data" / "case-example.json"
    return json.loads(path.read_text(encoding="utf-8"))  # type: ignore[no-any-return]


# ---------------------------------------------------------------------- broken forms
def _raw() -> dict[str, object]:
    return yaml.safe_load(FORM.read_text(encoding="utf-8"))  # type: ignore[no-any-return]


def _field(raw: dict[str, object], section: int, field: int) -> dict[str, object]:
    return raw["sections"][section]["fields"][field]  # type: ignore[index,no-any-return]


def _load_broken(tmp_path: Path, raw: dict[str, object]) -> InvalidInputError:
    path = tmp_path / "broken-form.yaml"
    path.write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    with pytest.raises(InvalidInputError) as info:
        load_form(path)
    assert info.value.exit_code == 4
    assert str(path) in str(info.value)  # the message names the file
    return info.value


def test_unknown_type_names_file_and_field(tmp_path: Path) -> None:
    raw = _raw()
    _field(raw, 1, 2)["type"] = "date"  # detained_birth_date
    exc = _load_broken(tmp_path, raw)
    assert exc.path == "sections[1].fields[2] (detained_birth_date).type"
    assert "unknown type 'date'" in exc.reason and "edtf-date" in exc.reason


def test_missing_label_names_file_field_and_language(tmp_path: Path) -> None:
    raw = _raw()
    del _field(raw, 2, 0)["labels"]["kk"]  # type: ignore[attr-defined]
    exc = _load_broken(tmp_path, raw)
    assert exc.path == "sections[2].fields[0] (testifier_names).labels.kk"
    assert exc.reason == "missing label"


def test_missing_section_label(tmp_path: Path) -> None:
    raw = _raw()
    raw["sections"][3]["labels"]["ru"] = " "  # type: ignore[index]
    exc = _load_broken(tmp_path, raw)
    assert exc.path == "sections[3] (events).labels.ru"


@pytest.mark.parametrize(
    ("maps_to", "reason"),
    [
        ("persons[role=detained].nmes", "'nmes' is not a key of the case format"),
        ("persons[rol=detained].names", "have no 'rol'"),
        ("persons.names", "cannot step into a list"),
        ("persons[role=detained]..names", "is not a path step"),
        ("persons[role=detained].sex", "needs a list target"),
        ("status[0]", "'status' is not a list"),
    ],
)
def test_bad_maps_to_names_file_and_field(tmp_path: Path, maps_to: str, reason: str) -> None:
    raw = _raw()
    _field(raw, 1, 0)["maps_to"] = maps_to  # detained_names (type names: a list)
    exc = _load_broken(tmp_path, raw)
    assert exc.path == "sections[1].fields[0] (detained_names).maps_to"
    assert reason in exc.reason, exc.reason


@pytest.mark.parametrize(
    ("change", "where", "reason"),
    [
        ({"vocabulary": "colours"}, "vocabulary", "is not a vocabulary"),
        ({"default": "vanished"}, "default", "is not in status"),
        ({"required": "yes"}, "required", "true or false"),
        ({"colour": "red"}, "colour", "unknown key"),
        ({"lines": 99}, "lines", "1 to 40"),
    ],
)
def test_other_field_faults(
    tmp_path: Path, change: dict[str, object], where: str, reason: str
) -> None:
    raw = _raw()
    _field(raw, 0, 1).update(change)  # status (a choice)
    exc = _load_broken(tmp_path, raw)
    assert exc.path == f"sections[0].fields[1] (status).{where}"
    assert reason in exc.reason


def test_duplicate_field_id(tmp_path: Path) -> None:
    raw = _raw()
    _field(raw, 2, 2)["id"] = "detained_sex"
    exc = _load_broken(tmp_path, raw)
    assert exc.path == "sections[2].fields[2] (detained_sex).id"
    assert "duplicate" in exc.reason


def test_history_has_no_place_in_the_case(tmp_path: Path) -> None:
    raw = _raw()
    index = [s["id"] for s in raw["sections"]].index("history")
    _field(raw, index, 0)["maps_to"] = "notes"
    exc = _load_broken(tmp_path, raw)
    assert exc.path == f"sections[{index}].fields[0] (history).maps_to"


def test_yaml_syntax_error_names_file_and_line() -> None:
    with pytest.raises(InvalidInputError) as info:
        parse_form("form: x\nsections: [\n  - id: a\n", "my-form.yaml")
    assert info.value.source == "my-form.yaml"
    assert info.value.line is not None
    assert "not valid YAML" in str(info.value)


def test_unreadable_form_file(tmp_path: Path) -> None:
    with pytest.raises(InvalidInputError) as info:
        load_form(tmp_path / "absent.yaml")
    assert "absent.yaml" in str(info.value)
