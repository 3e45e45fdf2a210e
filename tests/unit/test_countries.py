"""Country codes: strict ISO 3166-1 alpha-2 and names in en/ru/kk."""

from __future__ import annotations

import pytest

from desktop.domain.countries import all_countries, country_name, is_country


@pytest.mark.parametrize("code", ["KZ", "CN", "RU", "KG", "UZ", "TR", "DE", "US", "TW"])
def test_known_codes(code: str) -> None:
    assert is_country(code)


@pytest.mark.parametrize(
    "code",
    ["kz", "Kz", "KAZ", "K", "", "XX", "ZZ", "EU", "UK", " KZ", "KZ ", "К3", "ＫＺ", "398"],
)
def test_rejects_lower_case_alpha3_unassigned_and_lookalikes(code: str) -> None:
    assert not is_country(code)


def test_rejects_non_text() -> None:
    assert not is_country(None)  # type: ignore[arg-type]
    assert not is_country(398)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("code", "lang", "name"),
    [
        ("KZ", "en", "Kazakhstan"),
        ("KZ", "ru", "Казахстан"),
        ("KZ", "kk", "Қазақстан"),
        ("CN", "en", "China"),
        ("CN", "ru", "Китай"),
        ("CN", "kk", "Қытай"),
        ("TW", "en", "Taiwan"),  # common name, not "Taiwan, Province of China"
        ("BO", "en", "Bolivia"),
        ("RU", "en", "Russian Federation"),
        ("KZ", "de", "Kazakhstan"),  # unsupported language: English
    ],
)
def test_country_name(code: str, lang: str, name: str) -> None:
    assert country_name(code, lang) == name


def test_default_language_is_english() -> None:
    assert country_name("KG") == "Kyrgyzstan"


def test_unknown_code_raises_key_error() -> None:
    with pytest.raises(KeyError, match="'kz'"):
        country_name("kz")
    with pytest.raises(KeyError):
        country_name("XX", "ru")


def test_all_countries_sorted_complete_and_valid() -> None:
    codes = all_countries()
    assert codes == sorted(codes)
    assert len(codes) == len(set(codes)) >= 249
    assert {"KZ", "CN", "RU", "KG", "UZ"} <= set(codes)
    assert all(is_country(c) for c in codes)


def test_every_country_has_a_name_in_every_language() -> None:
    for code in all_countries():
        en = country_name(code, "en")
        assert en
        for lang in ("ru", "kk"):
            name = country_name(code, lang)
            assert name and name.strip() == name


def test_russian_names_are_translated_for_the_region() -> None:
    # The catalogue must actually be in use; an English result would pass the test above.
    for code in ("KZ", "CN", "KG", "UZ", "TJ", "TM", "MN", "TR"):
        assert country_name(code, "ru") != country_name(code, "en")
        assert country_name(code, "kk") != country_name(code, "en")
