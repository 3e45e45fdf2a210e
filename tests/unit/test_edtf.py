"""EDTF parsing: the bounds we sort and filter by, and the errors a user sees."""

from __future__ import annotations

from datetime import date

import pytest

from desktop.domain.edtf import (
    MAX_DATE,
    MIN_DATE,
    EDTFDate,
    EDTFError,
    is_valid_edtf,
    parse_edtf,
)

D = date


@pytest.mark.parametrize(
    ("text", "lower", "upper"),
    [
        ("2016", D(2016, 1, 1), D(2016, 12, 31)),
        ("2016-06", D(2016, 6, 1), D(2016, 6, 30)),
        ("2016-06-15", D(2016, 6, 15), D(2016, 6, 15)),
        ("2018-02", D(2018, 2, 1), D(2018, 2, 28)),
        ("2020-02", D(2020, 2, 1), D(2020, 2, 29)),
        ("2000-02-29", D(2000, 2, 29), D(2000, 2, 29)),
        ("1800", D(1800, 1, 1), D(1800, 12, 31)),
        ("2100-12-31", D(2100, 12, 31), D(2100, 12, 31)),
        ("201X", D(2010, 1, 1), D(2019, 12, 31)),
        ("20XX", D(2000, 1, 1), D(2099, 12, 31)),
        ("18XX", D(1800, 1, 1), D(1899, 12, 31)),
        ("2018-XX", D(2018, 1, 1), D(2018, 12, 31)),
        ("2018-XX-XX", D(2018, 1, 1), D(2018, 12, 31)),
        ("2018-03-XX", D(2018, 3, 1), D(2018, 3, 31)),
        ("2019-02-XX", D(2019, 2, 1), D(2019, 2, 28)),
    ],
)
def test_single_dates_have_earliest_and_latest_day(text: str, lower: date, upper: date) -> None:
    d = parse_edtf(text)
    assert (d.lower, d.upper) == (lower, upper)
    assert not d.is_interval
    assert not d.approximate
    assert not d.uncertain
    assert str(d) == text


@pytest.mark.parametrize(
    ("text", "approximate", "uncertain"),
    [
        ("2018-03~", True, False),
        ("2018?", False, True),
        ("2016-06-15%", True, True),
        ("201X~", True, False),
        ("2018-XX?", False, True),
    ],
)
def test_qualifiers_set_flags_without_moving_bounds(
    text: str, approximate: bool, uncertain: bool
) -> None:
    d = parse_edtf(text)
    plain = parse_edtf(text[:-1])
    assert (d.approximate, d.uncertain) == (approximate, uncertain)
    assert (d.lower, d.upper) == (plain.lower, plain.upper)


@pytest.mark.parametrize(
    ("text", "lower", "upper"),
    [
        ("2018-03/2018-05", D(2018, 3, 1), D(2018, 5, 31)),
        ("2016-06-15/2019", D(2016, 6, 15), D(2019, 12, 31)),
        ("2018-12/2018", D(2018, 12, 1), D(2018, 12, 31)),  # ends within the same year
        ("2018-03-07/2018-03-07", D(2018, 3, 7), D(2018, 3, 7)),
        ("2018-03/..", D(2018, 3, 1), MAX_DATE),
        ("../2019-05", MIN_DATE, D(2019, 5, 31)),
        ("2018-03/", D(2018, 3, 1), MAX_DATE),
        ("/2019", MIN_DATE, D(2019, 12, 31)),
        ("201X/2018-XX", D(2010, 1, 1), D(2018, 12, 31)),
    ],
)
def test_intervals(text: str, lower: date, upper: date) -> None:
    d = parse_edtf(text)
    assert d.is_interval
    assert (d.lower, d.upper) == (lower, upper)
    assert str(d) == text


def test_interval_flags_come_from_either_end() -> None:
    assert parse_edtf("2018-03~/2018-05").approximate
    assert not parse_edtf("2018-03~/2018-05").uncertain
    assert parse_edtf("2018-03/2018-05?").uncertain
    d = parse_edtf("2018~/2019?")
    assert d.approximate and d.uncertain
    assert not parse_edtf("2018/2019").approximate


def test_normalisation_trims_and_uppercases_x() -> None:
    assert parse_edtf("  201x \n").text == "201X"
    assert str(parse_edtf("  2018-xx \n")) == "2018-XX"
    assert str(parse_edtf("\t2018-03~ ")) == "2018-03~"
    assert parse_edtf(" 2018 ") == parse_edtf("2018")


def test_dates_are_values() -> None:
    assert parse_edtf("2018-03") == parse_edtf("2018-03")
    assert parse_edtf("2018-03") != parse_edtf("2018-03~")
    assert len({parse_edtf("2018"), parse_edtf("2018"), parse_edtf("2019")}) == 2
    d = parse_edtf("2018")
    with pytest.raises(AttributeError):
        d.text = "2019"  # type: ignore[misc]
    assert isinstance(d, EDTFDate)


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("", "empty"),
        ("   ", "empty"),
        ("2023-02-30", "day 30 does not exist"),
        ("2023-02-29", "day 29 does not exist"),
        ("1900-02-29", "day 29 does not exist"),  # century, not a leap year
        ("2018-04-31", "day 31"),
        ("2018-00", "month 00"),
        ("2018-13", "month 13"),
        ("2018-01-00", "day 00"),
        ("1799", "outside the supported range"),
        ("2101", "outside the supported range"),
        ("17XX", "1700..1799"),
        ("21XX", "2100..2199"),
        ("210X", "outside the supported range"),
        ("2018-21", "seasons"),
        ("2018-3", "two digits"),
        ("2018-03-7", "two digits"),
        ("18", "four digits"),
        ("12018", "four digits"),
        ("-2018", "four digits"),
        ("Y2018", "four digits"),
        ("2018-03-07T10:00", "times are not supported"),
        ("2018?~", "one qualifier"),
        ("?2018", "qualifier"),
        ("2018?-03", "qualifier"),
        ("2X18", "unspecified digits"),
        ("201X-03", "partly unknown year"),
        ("2018-XX-05", "known day in an unknown month"),
        ("2018-0X", "unspecified digits"),
        ("2018/2017", "starts after it ends"),
        ("2018-05/2018-03", "starts after it ends"),
        ("2018-03-02/2018-03-01", "starts after it ends"),
        ("../..", "at least one end"),
        ("/", "at least one end"),
        ("../", "at least one end"),
        ("2018/2019/2020", "exactly one '/'"),
        ("2018 / 2019", "not a date"),
        ("٢٠١٨", "only the characters"),  # Arabic-Indic digits
        ("２０１８", "only the characters"),  # full-width digits
        ("yesterday", "not a date"),
        ("2018-03-07-01", "not a date"),
        ("2018-06-15" * 10, "too long"),
    ],
)
def test_invalid_dates_say_why(text: str, fragment: str) -> None:
    with pytest.raises(EDTFError) as info:
        parse_edtf(text)
    assert fragment in str(info.value)
    assert not is_valid_edtf(text)


def test_error_is_a_value_error_and_one_line() -> None:
    with pytest.raises(ValueError) as info:
        parse_edtf("2023-02-30")
    assert "\n" not in str(info.value)
    assert "2023-02-30" in str(info.value)


def test_non_text_is_rejected_with_edtf_error() -> None:
    with pytest.raises(EDTFError, match="must be text"):
        parse_edtf(2018)  # type: ignore[arg-type]
    assert not is_valid_edtf(None)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "text", ["2016-06-15", "2016-06", "2016~", "2018-03/2018-05", "2018-03~", "2018/..", "/2019"]
)
def test_examples_from_the_design_are_valid(text: str) -> None:
    assert is_valid_edtf(text)


def test_sorting_by_bounds_orders_imprecise_dates_sensibly() -> None:
    texts = ["2018", "2017-12-31", "2018-03~", "2018-03-01", "../2017", "2019/.."]
    ordered = sorted(texts, key=lambda t: (parse_edtf(t).lower, parse_edtf(t).upper))
    assert ordered == ["../2017", "2017-12-31", "2018", "2018-03-01", "2018-03~", "2019/.."]
