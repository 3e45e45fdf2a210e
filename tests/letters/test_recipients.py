"""The recipient directory: strict loading with errors that name the file and the key."""

from __future__ import annotations

from pathlib import Path

import pytest
from lettertools import DATA

from desktop.errors import InvalidInputError
from desktop.letters.recipients import load_directory, parse_recipient

GOOD = {
    "id": "x-test", "verified": True, "country": "KZ", "languages": ["ru", "en"],
    "kind": "ministry", "name": {"ru": "Имя", "en": "Name"},
    "address": {"ru": ["Строка 1"], "en": ["Line 1"]},
    "salutation": {"ru": "Уважаемые господа!", "en": "Dear Sirs,"},
    "source": "https://example.org/a", "checked": "2026-11-27",
}  # fmt: skip


def test_fixture_directory_loads() -> None:
    directory = load_directory(DATA / "recipients")
    assert [r.id for r in directory.all()] == ["t-ministry", "t-un", "t-unverified"]
    un = directory.get("t-un")
    assert un.country_name("ru") == "Организация Объединённых Наций"
    assert directory.get("t-ministry").address_in("kk")[0] == "Сынақ көшесі, 1"
    assert not directory.get("t-unverified").verified


def test_shipped_directory_loads_and_has_the_required_entries() -> None:
    directory = load_directory()
    for rid in ("kz-mfa", "kg-mfa", "un-wgeid", "un-wgad"):
        assert rid in directory, rid
    others = [r for r in directory.all() if r.kind == "ministry" and r.country not in ("KZ", "KG")]
    assert len(others) >= 3
    assert set(directory.get("kz-mfa").languages) >= {"kk", "ru", "en"}
    for r in directory.all():
        assert r.source, r.id


@pytest.mark.parametrize(
    ("change", "key", "reason"),
    [
        ({"kind": "embassy"}, "kind", "must be one of"),
        ({"country": "kz"}, "country", "ISO 3166-1"),
        ({"languages": []}, "languages", "non-empty list"),
        ({"name": {"en": "Name"}}, "name", "missing for the accepted language(s): ru"),
        ({"address": {"ru": "one line", "en": ["x"]}}, "address.ru", "list of address lines"),
        ({"email": "not-an-address"}, "email", "not an e-mail"),
        ({"checked": "27.11.2026"}, "checked", "date like"),
        ({"source": None}, "source", "verified address needs its source"),
        ({"colour": "blue"}, "colour", "unknown key"),
        ({"id": "X Y"}, "id", "lower-case"),
    ],
)
def test_bad_entries_name_file_and_key(change: dict[str, object], key: str, reason: str) -> None:
    data = {**GOOD, **change}
    if change.get("source", "") is None:
        del data["source"]
    with pytest.raises(InvalidInputError) as info:
        parse_recipient(data, "custom/x-test.yaml")
    message = str(info.value)
    assert message.startswith("custom/x-test.yaml: "), message
    assert key in message and reason in message, message


def test_file_name_must_match_id_and_yaml_errors_have_a_line(tmp_path: Path) -> None:
    (tmp_path / "other.yaml").write_text("id: x-test\n", encoding="utf-8")
    with pytest.raises(InvalidInputError, match=r"other\.yaml"):
        load_directory(tmp_path)
    (tmp_path / "other.yaml").write_text("id: [unclosed\n", encoding="utf-8")
    with pytest.raises(InvalidInputError, match=r"other.yaml: line \d+: not valid YAML"):
        load_directory(tmp_path)


def test_later_sources_add_and_replace() -> None:
    custom = {**GOOD, "id": "t-ministry", "name": {"ru": "Новое имя", "en": "New name"}}
    directory = load_directory(DATA / "recipients", [("vault", custom), ("vault", GOOD)])
    assert directory.get("t-ministry").name_in("en") == "New name"
    assert "x-test" in directory
    with pytest.raises(InvalidInputError, match="unknown recipient 'nope'"):
        directory.get("nope")
