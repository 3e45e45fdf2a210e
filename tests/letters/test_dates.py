"""Dates in words: every form the templates rely on, per language (contract in docs/letters.md)."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.domain.edtf import EDTFError
from desktop.letters.dates import date_in_words, date_plain, day_in_words

CASES = [
    ("2016-06-15", "on 15 June 2016", "15 июня 2016 г.", "2016 жылғы 15 маусымда"),
    ("2016-06", "in June 2016", "в июне 2016 г.", "2016 жылғы маусымда"),
    ("2016", "in 2016", "в 2016 г.", "2016 жылы"),
    ("2018-03~", "around March 2018", "около марта 2018 г.", "шамамен 2018 жылғы наурызда"),
    ("2017?", "possibly in 2017", "предположительно в 2017 г.", "болжам бойынша 2017 жылы"),
    ("2018-03/2018-05", "between March and May 2018", "в период с марта по май 2018 г.",
     "2018 жылғы наурыз бен мамыр аралығында"),
    ("2017-09/2018-01", "between September 2017 and January 2018",
     "в период с сентября 2017 г. по январь 2018 г.",
     "2017 жылғы қыркүйек пен 2018 жылғы қаңтар аралығында"),
    ("2018-03-01/2018-03-15", "between 1 and 15 March 2018", "в период с 1 по 15 марта 2018 г.",
     "2018 жылғы 1 наурыз бен 15 наурыз аралығында"),
    ("2016/2018", "between 2016 and 2018", "в период с 2016 по 2018 г.",
     "2016–2018 жылдар аралығында"),
    ("../2018-06", "no later than June 2018", "не позднее июня 2018 г.",
     "2018 жылғы маусымнан кешіктірмей"),
    ("2018-06/..", "no earlier than June 2018", "не ранее июня 2018 г.",
     "2018 жылғы маусымнан ерте емес"),
    ("201X", "in the 2010s", "в 2010-х гг.", "2010 жылдары"),
    ("2018-XX", "in 2018", "в 2018 г.", "2018 жылы"),
    ("2019-12-XX", "in December 2019", "в декабре 2019 г.", "2019 жылғы желтоқсанда"),
]  # fmt: skip


@pytest.mark.parametrize(("edtf", "en", "ru", "kk"), CASES)
def test_date_in_words(edtf: str, en: str, ru: str, kk: str) -> None:
    assert date_in_words(edtf, "en") == en
    assert date_in_words(edtf, "ru") == ru
    assert date_in_words(edtf, "kk") == kk


def test_plain_forms_have_no_preposition() -> None:
    assert date_plain("2016-06-15", "en") == "15 June 2016"
    assert date_plain("2016-06", "ru") == "июнь 2016 г."
    assert date_plain("2016-06", "kk") == "2016 жылғы маусым"
    assert date_plain("2018-03~", "en") == "March 2018 (approx.)"


def test_letter_date() -> None:
    day = dt.date(2026, 11, 27)
    assert day_in_words(day, "en") == "27 November 2026"
    assert day_in_words(day, "ru") == "27 ноября 2026 г."
    assert day_in_words(day, "kk") == "2026 жылғы 27 қараша"


def test_bad_input_is_refused() -> None:
    with pytest.raises(EDTFError):
        date_in_words("2023-02-30", "en")
    with pytest.raises(ValueError, match="dates in words"):
        date_in_words("2016", "de")


@settings(max_examples=150, deadline=None)
@given(
    st.dates(min_value=dt.date(1800, 1, 1), max_value=dt.date(2100, 12, 31)),
    st.sampled_from(["", "~", "?", "%"]),
    st.sampled_from(["day", "month", "year"]),
)
def test_every_date_has_words_with_its_year(day: dt.date, qual: str, precision: str) -> None:
    text = {"day": day.isoformat(), "month": day.isoformat()[:7], "year": str(day.year)}[precision]
    for lang in ("en", "ru", "kk"):
        words = date_in_words(text + qual, lang)
        assert str(day.year) in words
        assert "None" not in words and "{" not in words
