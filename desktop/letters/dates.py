"""EDTF dates in words, as a letter in English, Russian or Kazakh must write them.

Why not ``strftime``: a letter to a ministry says "around March 2018", not "2018-03~", and
Russian and Kazakh put the whole date phrase into a grammatical case ("в июне 2016 г.",
"2016 жылғы маусымда"). Templates therefore receive a ready adverbial phrase
(:func:`date_in_words`) that fits a slot such as "He was detained {{ date_text }}" without a
preposition of its own, and a bare noun phrase (:func:`date_plain`) for tables.

The grammar is table-driven (month forms per case) rather than computed, because a wrong
suffix in an official letter is noticed at once and a table is easy for a native speaker to
check. Pure Python: no I/O.
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass

from desktop.domain.edtf import parse_edtf

__all__ = ["LETTER_LANGUAGES", "date_in_words", "date_plain", "day_in_words"]

LETTER_LANGUAGES = ("en", "ru", "kk")

EN_MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
# Russian: nominative (= accusative), genitive, prepositional.
RU_NOM = (
    "январь", "февраль", "март", "апрель", "май", "июнь",
    "июль", "август", "сентябрь", "октябрь", "ноябрь", "декабрь",
)  # fmt: skip
RU_GEN = (
    "января", "февраля", "марта", "апреля", "мая", "июня",
    "июля", "августа", "сентября", "октября", "ноября", "декабря",
)  # fmt: skip
RU_PREP = (
    "январе", "феврале", "марте", "апреле", "мае", "июне",
    "июле", "августе", "сентябре", "октябре", "ноябре", "декабре",
)  # fmt: skip
# Kazakh: nominative, locative, ablative, and the comitative conjunction that follows the
# word (мен/бен/пен by its last sound) — "наурыз бен мамыр аралығында".
KK_NOM = (
    "қаңтар", "ақпан", "наурыз", "сәуір", "мамыр", "маусым",
    "шілде", "тамыз", "қыркүйек", "қазан", "қараша", "желтоқсан",
)  # fmt: skip
KK_LOC = (
    "қаңтарда", "ақпанда", "наурызда", "сәуірде", "мамырда", "маусымда",
    "шілдеде", "тамызда", "қыркүйекте", "қазанда", "қарашада", "желтоқсанда",
)  # fmt: skip
KK_ABL = (
    "қаңтардан", "ақпаннан", "наурыздан", "сәуірден", "мамырдан", "маусымнан",
    "шілдеден", "тамыздан", "қыркүйектен", "қазаннан", "қарашадан", "желтоқсаннан",
)  # fmt: skip
KK_AND = (
    "мен", "бен", "бен", "мен", "мен", "бен",
    "мен", "бен", "пен", "бен", "мен", "бен",
)  # fmt: skip

_SINGLE_RE = re.compile(
    r"(?P<year>[0-9]{4}|[0-9]{3}X|[0-9]{2}XX)"
    r"(?:-(?P<month>[0-9]{2}|XX)(?:-(?P<day>[0-9]{2}|XX))?)?"
    r"(?P<qual>[?~%])?"
)


@dataclass(frozen=True)
class _Point:
    """One date at the precision the witness gave it."""

    precision: str  # day | month | year | decade | century
    year: int
    month: int = 0
    day: int = 0
    approximate: bool = False
    uncertain: bool = False


def _point(text: str) -> _Point:
    m = _SINGLE_RE.fullmatch(text)
    if m is None:  # pragma: no cover - parse_edtf validated the text already
        raise ValueError(text)
    year_tok, month_tok, day_tok, qual = m.group("year", "month", "day", "qual")
    approx, unc = qual in ("~", "%"), qual in ("?", "%")
    if year_tok.endswith("XX"):
        return _Point("century", int(year_tok[:2]) * 100, approximate=approx, uncertain=unc)
    if year_tok.endswith("X"):
        return _Point("decade", int(year_tok[:3]) * 10, approximate=approx, uncertain=unc)
    year = int(year_tok)
    if month_tok is None or month_tok == "XX":
        return _Point("year", year, approximate=approx, uncertain=unc)
    if day_tok is None or day_tok == "XX":
        return _Point("month", year, int(month_tok), approximate=approx, uncertain=unc)
    return _Point("day", year, int(month_tok), int(day_tok), approximate=approx, uncertain=unc)


# ---------------------------------------------------------------------- English
def _en_plain(p: _Point, *, with_year: bool = True) -> str:
    y = f" {p.year}" if with_year else ""
    if p.precision == "day":
        return f"{p.day} {EN_MONTHS[p.month - 1]}{y}"
    if p.precision == "month":
        return f"{EN_MONTHS[p.month - 1]}{y}"
    if p.precision == "decade":
        return f"the {p.year}s"
    if p.precision == "century":
        return f"{p.year}–{p.year + 99}"
    return str(p.year)


def _en_adverb(p: _Point) -> str:
    plain = _en_plain(p)
    if p.approximate:
        return f"around {plain}"
    if p.precision == "day":
        return f"on {plain}"
    if p.precision == "century":
        return f"between {p.year} and {p.year + 99}"
    return f"in {plain}"


def _en_interval(a: _Point, b: _Point) -> str:
    same_year = a.year == b.year and a.precision == b.precision and a.precision in ("day", "month")
    if same_year and a.precision == "day" and a.month == b.month:
        return f"between {a.day} and {_en_plain(b)}"
    first = _en_plain(a, with_year=not same_year)
    return f"between {first} and {_en_plain(b)}"


# ---------------------------------------------------------------------- Russian
def _ru_gen(p: _Point, *, with_year: bool = True) -> str:
    """Genitive noun phrase: "15 июня 2016 г.", "июня 2016 г.", "2016 г."."""
    y = f" {p.year} г." if with_year else ""
    if p.precision == "day":
        return f"{p.day} {RU_GEN[p.month - 1]}{y}"
    if p.precision == "month":
        return f"{RU_GEN[p.month - 1]}{y}"
    if p.precision == "decade":
        return f"{p.year}-х гг."
    if p.precision == "century":
        return f"{p.year}–{p.year + 99} гг."
    return f"{p.year} г."


def _ru_plain(p: _Point) -> str:
    if p.precision == "month":
        return f"{RU_NOM[p.month - 1]} {p.year} г."
    return _ru_gen(p)


def _ru_adverb(p: _Point) -> str:
    if p.approximate:
        return f"около {_ru_gen(p)}"
    if p.precision == "day":
        return _ru_gen(p)
    if p.precision == "month":
        return f"в {RU_PREP[p.month - 1]} {p.year} г."
    if p.precision == "century":
        return f"в {p.year}–{p.year + 99} гг."
    return f"в {_ru_gen(p)}"


def _ru_interval(a: _Point, b: _Point) -> str:
    same_year = a.year == b.year and a.precision == b.precision and a.precision in ("day", "month")
    if same_year and a.precision == "day" and a.month == b.month:
        return f"в период с {a.day} по {_ru_gen(b)}"
    start = _ru_gen(a, with_year=not same_year)
    # "по" takes the accusative for a month ("по май"), the genitive-like date for a day.
    if b.precision == "month":
        end = f"{RU_NOM[b.month - 1]} {b.year} г."
    elif b.precision in ("year", "decade", "century"):
        end = _ru_gen(b)
    else:
        end = _ru_gen(b)
    if a.precision == "year" and b.precision == "year":
        return f"в период с {a.year} по {b.year} г."
    return f"в период с {start} по {end}"


# ---------------------------------------------------------------------- Kazakh
def _kk_plain(p: _Point, *, with_year: bool = True) -> str:
    """Nominative: "2016 жылғы 15 маусым", "2016 жылғы маусым", "2016 жыл"."""
    y = f"{p.year} жылғы " if with_year else ""
    if p.precision == "day":
        return f"{y}{p.day} {KK_NOM[p.month - 1]}"
    if p.precision == "month":
        return f"{y}{KK_NOM[p.month - 1]}"
    if p.precision == "decade":
        return f"{p.year} жылдар"
    if p.precision == "century":
        return f"{p.year}–{p.year + 99} жылдар"
    return f"{p.year} жыл"


def _kk_loc(p: _Point) -> str:
    if p.precision == "day":
        return f"{p.year} жылғы {p.day} {KK_LOC[p.month - 1]}"
    if p.precision == "month":
        return f"{p.year} жылғы {KK_LOC[p.month - 1]}"
    if p.precision == "decade":
        return f"{p.year} жылдары"
    if p.precision == "century":
        return f"{p.year}–{p.year + 99} жылдар аралығында"
    return f"{p.year} жылы"


def _kk_abl(p: _Point) -> str:
    if p.precision == "day":
        return f"{p.year} жылғы {p.day} {KK_ABL[p.month - 1]}"
    if p.precision == "month":
        return f"{p.year} жылғы {KK_ABL[p.month - 1]}"
    if p.precision == "decade":
        return f"{p.year} жылдардан"
    if p.precision == "century":
        return f"{p.year} жылдан"
    return f"{p.year} жылдан"


def _kk_adverb(p: _Point) -> str:
    return f"шамамен {_kk_loc(p)}" if p.approximate else _kk_loc(p)


def _kk_interval(a: _Point, b: _Point) -> str:
    if a.precision in ("day", "month") and b.precision in ("day", "month"):
        same_year = a.year == b.year
        first = _kk_plain(a, with_year=True)
        second = _kk_plain(b, with_year=not same_year)
        return f"{first} {KK_AND[a.month - 1]} {second} аралығында"
    first_year = a.year
    last_year = b.year + (9 if b.precision == "decade" else 99 if b.precision == "century" else 0)
    return f"{first_year}–{last_year} жылдар аралығында"


# ---------------------------------------------------------------------- public API
_UNCERTAIN = {"en": "possibly", "ru": "предположительно", "kk": "болжам бойынша"}
_APPROX_INTERVAL = {"en": "approximately", "ru": "приблизительно", "kk": "шамамен"}


def _lang(lang: str) -> str:
    if lang not in LETTER_LANGUAGES:
        raise ValueError(f"dates in words exist for {', '.join(LETTER_LANGUAGES)}, not {lang!r}")
    return lang


def date_in_words(edtf: str, lang: str) -> str:
    """An adverbial phrase for ``edtf`` in ``lang``: fits "He was detained ___".

    en "on 15 June 2016", "in June 2016", "around March 2018", "possibly in 2017",
    "between March and May 2018"; ru "15 июня 2016 г.", "в июне 2016 г.", "около марта
    2018 г."; kk "2016 жылғы 15 маусымда", "2016 жылғы маусымда", "шамамен 2018 жылғы
    наурызда". Raises :class:`~desktop.domain.edtf.EDTFError` for text that is not EDTF.
    """
    lang = _lang(lang)
    parsed = parse_edtf(edtf)
    if not parsed.is_interval:
        p = _point(parsed.text)
        phrase = {"en": _en_adverb, "ru": _ru_adverb, "kk": _kk_adverb}[lang](p)
        if p.uncertain:
            phrase = f"{_UNCERTAIN[lang]} {phrase}"
        return phrase
    start_text, end_text = parsed.text.split("/")
    start = None if start_text in ("", "..") else _point(start_text)
    end = None if end_text in ("", "..") else _point(end_text)
    if start is not None and end is not None:
        phrase = {"en": _en_interval, "ru": _ru_interval, "kk": _kk_interval}[lang](start, end)
    elif end is not None:
        phrase = {
            "en": f"no later than {_en_plain(end)}",
            "ru": f"не позднее {_ru_gen(end)}",
            "kk": f"{_kk_abl(end)} кешіктірмей",
        }[lang]
    elif start is not None:
        phrase = {
            "en": f"no earlier than {_en_plain(start)}",
            "ru": f"не ранее {_ru_gen(start)}",
            "kk": f"{_kk_abl(start)} ерте емес",
        }[lang]
    else:  # pragma: no cover - parse_edtf refuses an interval with two open ends
        raise ValueError(edtf)
    if parsed.approximate:
        phrase = f"{_APPROX_INTERVAL[lang]} {phrase}"
    if parsed.uncertain:
        phrase = f"{_UNCERTAIN[lang]} {phrase}"
    return phrase


def date_plain(edtf: str, lang: str) -> str:
    """A noun phrase without preposition, for tables: "15 June 2016", "июнь 2016 г."."""
    lang = _lang(lang)
    parsed = parse_edtf(edtf)
    if parsed.is_interval:
        start_text, end_text = parsed.text.split("/")
        parts = []
        for text in (start_text, end_text):
            if text in ("", ".."):
                parts.append("…")
            else:
                p = _point(text)
                parts.append({"en": _en_plain, "ru": _ru_plain, "kk": _kk_plain}[lang](p))
        phrase = " – ".join(parts)
    else:
        p = _point(parsed.text)
        phrase = {"en": _en_plain, "ru": _ru_plain, "kk": _kk_plain}[lang](p)
    marks = ("~" if parsed.approximate else "") + ("?" if parsed.uncertain else "")
    if marks:
        word = {"en": "approx.", "ru": "прибл.", "kk": "шамамен"}[lang]
        if parsed.uncertain:
            word = {"en": "uncertain", "ru": "не точно", "kk": "нақты емес"}[lang]
        phrase = f"{phrase} ({word})"
    return phrase


def day_in_words(day: _dt.date, lang: str) -> str:
    """The date of a letter: "27 November 2026", "27 ноября 2026 г.", "2026 жылғы 27 қараша"."""
    lang = _lang(lang)
    p = _Point("day", day.year, day.month, day.day)
    return {"en": _en_plain, "ru": _ru_gen, "kk": _kk_plain}[lang](p)
