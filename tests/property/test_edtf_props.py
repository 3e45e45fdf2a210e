"""Property tests for EDTF parsing: robustness on any text, consistency on valid dates."""

from __future__ import annotations

import calendar
from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.domain.edtf import (
    MAX_DATE,
    MAX_YEAR,
    MIN_DATE,
    MIN_YEAR,
    EDTFError,
    is_valid_edtf,
    parse_edtf,
)

BOUNDED = settings(max_examples=200, deadline=None)

# Text close to EDTF reaches the deep branches that random Unicode never gets to.
edtf_like = st.text(alphabet="0123456789Xx-/.?~% T:Y", max_size=30)


@BOUNDED
@given(st.one_of(st.text(max_size=80), edtf_like))
def test_parse_raises_only_edtf_error(text: str) -> None:
    try:
        d = parse_edtf(text)
    except EDTFError as exc:
        assert str(exc)
        assert not is_valid_edtf(text)
    else:
        assert is_valid_edtf(text)
        assert MIN_DATE <= d.lower <= d.upper <= MAX_DATE
        assert parse_edtf(str(d)) == d


qualifier = st.sampled_from(["", "?", "~", "%"])
years = st.integers(min_value=MIN_YEAR, max_value=MAX_YEAR)


@st.composite
def single_dates(draw: st.DrawFn) -> str:
    """A valid non-interval EDTF date in any supported shape."""
    shape = draw(st.sampled_from(["Y", "YM", "YMD", "YX", "YXX", "YMX", "YMXX", "YXD"]))
    year = draw(years)
    month = draw(st.integers(1, 12))
    day = draw(st.integers(1, calendar.monthrange(year, month)[1]))
    if shape == "Y":
        text = f"{year:04d}"
    elif shape == "YM":
        text = f"{year:04d}-{month:02d}"
    elif shape == "YMD":
        text = f"{year:04d}-{month:02d}-{day:02d}"
    elif shape == "YX":
        decade = draw(st.integers(MIN_YEAR // 10, (MAX_YEAR - 9) // 10))
        text = f"{decade:03d}X"
    elif shape == "YXX":
        century = draw(st.integers(MIN_YEAR // 100, (MAX_YEAR - 99) // 100))
        text = f"{century:02d}XX"
    elif shape == "YMX":
        text = f"{year:04d}-XX"
    elif shape == "YMXX":
        text = f"{year:04d}-{month:02d}-XX"
    else:
        text = f"{year:04d}-XX-XX"
    return text + draw(qualifier)


@BOUNDED
@given(single_dates())
def test_valid_single_dates_round_trip(text: str) -> None:
    d = parse_edtf(text)
    assert d.lower <= d.upper
    assert d.lower >= MIN_DATE
    assert d.upper <= MAX_DATE
    assert str(d) == text
    assert parse_edtf(str(d)) == d
    assert not d.is_interval
    assert d.approximate == (text[-1] in "~%")
    assert d.uncertain == (text[-1] in "?%")


@BOUNDED
@given(st.dates(min_value=MIN_DATE, max_value=MAX_DATE), qualifier)
def test_each_precision_contains_the_day(day: date, qual: str) -> None:
    exact = parse_edtf(day.isoformat() + qual)
    assert exact.lower == exact.upper == day
    month = parse_edtf(f"{day:%Y-%m}{qual}")
    assert month.lower <= day <= month.upper
    assert month.lower.day == 1 and (month.upper.day == calendar.monthrange(day.year, day.month)[1])
    year = parse_edtf(f"{day:%Y}{qual}")
    assert year.lower == date(day.year, 1, 1) and year.upper == date(day.year, 12, 31)


@BOUNDED
@given(single_dates(), single_dates())
def test_intervals_cover_their_ends_or_are_rejected(a: str, b: str) -> None:
    start, end = parse_edtf(a), parse_edtf(b)
    text = f"{a}/{b}"
    if start.lower > end.upper:
        assert not is_valid_edtf(text)
        return
    d = parse_edtf(text)
    assert d.is_interval
    assert (d.lower, d.upper) == (start.lower, end.upper)
    assert d.approximate == (start.approximate or end.approximate)
    assert d.uncertain == (start.uncertain or end.uncertain)
    assert parse_edtf(str(d)) == d


@BOUNDED
@given(single_dates(), st.sampled_from(["..", ""]), st.booleans())
def test_open_and_unknown_ends_reach_the_supported_limits(
    known: str, other: str, known_first: bool
) -> None:
    k = parse_edtf(known)
    text = f"{known}/{other}" if known_first else f"{other}/{known}"
    d = parse_edtf(text)
    if known_first:
        assert (d.lower, d.upper) == (k.lower, MAX_DATE)
    else:
        assert (d.lower, d.upper) == (MIN_DATE, k.upper)
    assert str(d) == text
