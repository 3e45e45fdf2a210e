"""Dates as people remember them: EDTF (Extended Date/Time Format, ISO 8601-2) subset.

A relative rarely knows the exact day a person was taken: "around March 2018", "some time in
2019", "from 2018 until now". Storing such dates as fake exact days would distort statistics
and make two testimonies about the same event look contradictory, so the case format keeps
the EDTF text and this module derives the earliest and latest possible day from it for
sorting and filtering.

Supported syntax (EDTF level 0 plus the level-1 features the case format needs):

* ``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD``;
* a qualifier at the end of a date: ``?`` uncertain, ``~`` approximate, ``%`` both;
* unspecified digits (level 1): ``201X``, ``20XX``, ``2018-XX``, ``2018-XX-XX``, ``2018-03-XX``
  (lower-case ``x`` is accepted and normalised to ``X``);
* intervals ``A/B``; an end may be open (``..``: "still ongoing" / "since ever") or unknown
  (empty: "we do not know"), as in ``2018-03/..``, ``../2019``, ``2018-03/`` and ``/2019``.

Not supported, and rejected with a message that says so: seasons (``2018-21``), level-2
features (qualifiers inside a date, ``X`` in arbitrary positions), times, negative or
five-digit years, sets and lists. Years must lie in 1800..2100: nothing this tool records
happened earlier, and a wider range would only let typing mistakes through.

``lower``/``upper`` are the earliest/latest calendar day the text allows. Qualifiers do not
widen them: how far "about March" reaches is a judgement for the search UI, not for the
parser. Open or unknown interval ends extend to :data:`MIN_DATE` / :data:`MAX_DATE`.
"""

from __future__ import annotations

import calendar
import datetime as _dt
import re
from dataclasses import dataclass
from typing import cast

__all__ = [
    "MAX_DATE",
    "MAX_YEAR",
    "MIN_DATE",
    "MIN_YEAR",
    "EDTFDate",
    "EDTFError",
    "is_valid_edtf",
    "parse_edtf",
]

MIN_YEAR = 1800
MAX_YEAR = 2100
MIN_DATE = _dt.date(MIN_YEAR, 1, 1)
MAX_DATE = _dt.date(MAX_YEAR, 12, 31)

# Longest text worth parsing: "2018-03-XX%/2018-05-XX%" is 23 characters. The cap keeps a
# hostile import file from making us run regular expressions over megabytes.
_MAX_LEN = 64

_DATE_RE = re.compile(
    r"(?P<year>[0-9]{4}|[0-9]{3}X|[0-9]{2}XX)"
    r"(?:-(?P<month>[0-9]{2}|XX)"
    r"(?:-(?P<day>[0-9]{2}|XX))?)?"
    r"(?P<qual>[?~%])?"
)


class EDTFError(ValueError):
    """The text is not a date this tool understands; the message says why, in one line."""


@dataclass(frozen=True)
class EDTFDate:
    """A parsed EDTF date or interval.

    ``text`` is the normalised original (trimmed, ``x`` upper-cased), so it can be written
    back into a case file unchanged: ``parse_edtf(str(d)) == d``.
    """

    text: str
    lower: _dt.date
    upper: _dt.date
    approximate: bool
    uncertain: bool
    is_interval: bool

    def __str__(self) -> str:
        return self.text


@dataclass(frozen=True)
class _Single:
    lower: _dt.date
    upper: _dt.date
    approximate: bool
    uncertain: bool


def _year_span(token: str) -> tuple[int, int]:
    if token.endswith("XX"):
        base = int(token[:2]) * 100
        return base, base + 99
    if token.endswith("X"):
        base = int(token[:3]) * 10
        return base, base + 9
    year = int(token)
    return year, year


def _parse_single(text: str, whole: str) -> _Single:
    """Parse one date (no slash). ``whole`` is only used to make messages helpful."""
    m = _DATE_RE.fullmatch(text)
    if m is None:
        raise EDTFError(_explain(text, whole))
    year_tok, month_tok, day_tok, qual = m.group("year", "month", "day", "qual")

    y_lo, y_hi = _year_span(year_tok)
    if y_lo < MIN_YEAR or y_hi > MAX_YEAR:
        shown = str(y_lo) if y_lo == y_hi else f"{y_lo}..{y_hi}"
        raise EDTFError(
            f"year {shown} in {whole!r} is outside the supported range {MIN_YEAR}..{MAX_YEAR}"
        )
    if "X" in year_tok and month_tok is not None:
        raise EDTFError(
            f"{whole!r}: a month or day after a partly unknown year (level 2) is not supported"
        )

    if month_tok is None:
        lower = _dt.date(y_lo, 1, 1)
        upper = _dt.date(y_hi, 12, 31)
    elif month_tok == "XX":
        if day_tok is not None and day_tok != "XX":
            raise EDTFError(
                f"{whole!r}: a known day in an unknown month (level 2) is not supported"
            )
        lower = _dt.date(y_lo, 1, 1)
        upper = _dt.date(y_hi, 12, 31)
    else:
        month = int(month_tok)
        if 21 <= month <= 41:
            raise EDTFError(f"{whole!r}: seasons (month {month_tok}) are not supported")
        if not 1 <= month <= 12:
            raise EDTFError(f"{whole!r}: month {month_tok} does not exist")
        last = calendar.monthrange(y_lo, month)[1]
        if day_tok is None or day_tok == "XX":
            lower = _dt.date(y_lo, month, 1)
            upper = _dt.date(y_lo, month, last)
        else:
            day = int(day_tok)
            if not 1 <= day <= last:
                raise EDTFError(f"{whole!r}: day {day_tok} does not exist in {y_lo}-{month_tok}")
            lower = upper = _dt.date(y_lo, month, day)

    return _Single(
        lower=lower,
        upper=upper,
        approximate=qual in ("~", "%"),
        uncertain=qual in ("?", "%"),
    )


def _explain(text: str, whole: str) -> str:
    """Say what is wrong with a date that failed the pattern, in terms a user can act on."""
    if text == "":
        return f"{whole!r}: empty date"
    if "T" in text or ":" in text:
        return f"{whole!r}: times are not supported, give only the date"
    if re.fullmatch(r"[?~%]{2,}.*|.*[?~%]{2,}", text):
        return f"{whole!r}: use one qualifier: '?' uncertain, '~' approximate, '%' both"
    if re.search(r"[?~%]", text[:-1]):
        return f"{whole!r}: a qualifier ('?', '~', '%') may only end a date (level 2 not supported)"
    if text.startswith("-") or text.startswith("Y"):
        return f"{whole!r}: years must have four digits in {MIN_YEAR}..{MAX_YEAR}"
    if re.fullmatch(r"[0-9]{1,3}(-.*)?", text) or re.fullmatch(r"[0-9]{5,}.*", text):
        return f"{whole!r}: years must have four digits in {MIN_YEAR}..{MAX_YEAR}"
    if re.fullmatch(r"[0-9]{4}-[0-9]-.*|[0-9]{4}-[0-9]|[0-9]{4}-[0-9]{2}-[0-9]", text):
        return f"{whole!r}: month and day need two digits (2018-03-07)"
    if "X" in text:
        return (
            f"{whole!r}: unspecified digits are supported only as 201X, 20XX, 2018-XX, "
            "2018-XX-XX or 2018-03-XX"
        )
    return f"{whole!r} is not a date in YYYY, YYYY-MM or YYYY-MM-DD form"


def parse_edtf(text: str) -> EDTFDate:
    """Parse ``text`` or raise :class:`EDTFError` with a message naming the fault.

    Surrounding whitespace is ignored and ``x`` is read as ``X``; nothing else is forgiven,
    because a silently "corrected" date in a legal appeal is worse than an error.
    """
    if not isinstance(cast(object, text), str):
        raise EDTFError(f"a date must be text, not {type(text).__name__}")
    norm = text.strip()
    if len(norm) > _MAX_LEN:
        raise EDTFError(f"date text is too long ({len(norm)} characters)")
    if not norm.isascii():
        # Python's int() accepts other digits (e.g. Arabic-Indic); EDTF does not.
        raise EDTFError(f"{norm!r}: only the characters 0-9, X, -, /, ., ?, ~, % are allowed")
    norm = norm.replace("x", "X")
    if norm == "":
        raise EDTFError("empty date")

    if "/" not in norm:
        single = _parse_single(norm, norm)
        return EDTFDate(
            text=norm,
            lower=single.lower,
            upper=single.upper,
            approximate=single.approximate,
            uncertain=single.uncertain,
            is_interval=False,
        )

    parts = norm.split("/")
    if len(parts) != 2:
        raise EDTFError(f"{norm!r}: an interval has exactly one '/'")
    start_text, end_text = parts
    if start_text in ("", "..") and end_text in ("", ".."):
        raise EDTFError(f"{norm!r}: at least one end of an interval must be a date")

    start = None if start_text in ("", "..") else _parse_single(start_text, norm)
    end = None if end_text in ("", "..") else _parse_single(end_text, norm)
    lower = start.lower if start is not None else MIN_DATE
    upper = end.upper if end is not None else MAX_DATE
    if start is not None and end is not None and start.lower > end.upper:
        raise EDTFError(f"{norm!r}: the interval starts after it ends")

    ends = [s for s in (start, end) if s is not None]
    return EDTFDate(
        text=norm,
        lower=lower,
        upper=upper,
        approximate=any(s.approximate for s in ends),
        uncertain=any(s.uncertain for s in ends),
        is_interval=True,
    )


def is_valid_edtf(text: str) -> bool:
    """True when :func:`parse_edtf` accepts ``text``; for form validation without try/except."""
    try:
        parse_edtf(text)
    except EDTFError:
        return False
    return True
