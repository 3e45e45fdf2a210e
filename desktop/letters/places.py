"""The place of signing in the letter's language ("Алматы" in a Russian letter, "Almaty" in
an English one).

The place comes from the letterhead setting or the testifier's town, typed once by a person
in one language. Two ways to have it right in every letter:

- per-language values written by the user: ``kk=Алматы; ru=Алматы; en=Almaty`` (a mapping
  ``{lang: text}`` in the setting works too);
- a small built-in table of the towns the users write from (Kazakhstan, Kyrgyzstan),
  matched on any of their spellings, case-insensitively.

Anything else is printed as entered: the user's own spelling is better than a guess.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

__all__ = ["KNOWN_PLACES", "localize_place", "parse_place"]

# (en, ru, kk) and further spellings people type (older or transliterated forms).
KNOWN_PLACES: tuple[tuple[str, str, str, tuple[str, ...]], ...] = (
    ("Almaty", "Алматы", "Алматы", ("Alma-Ata", "Алма-Ата", "Almaty city")),
    ("Astana", "Астана", "Астана", ("Nur-Sultan", "Нур-Султан", "Нұр-Сұлтан")),
    ("Shymkent", "Шымкент", "Шымкент", ("Chimkent", "Чимкент")),
    ("Karaganda", "Караганда", "Қарағанды", ("Karagandy", "Qaraghandy")),
    ("Aktobe", "Актобе", "Ақтөбе", ("Aqtobe", "Актюбинск")),
    ("Taraz", "Тараз", "Тараз", ()),
    ("Pavlodar", "Павлодар", "Павлодар", ()),
    ("Oskemen", "Усть-Каменогорск", "Өскемен", ("Ust-Kamenogorsk", "Öskemen")),
    ("Semey", "Семей", "Семей", ("Semipalatinsk", "Семипалатинск")),
    ("Atyrau", "Атырау", "Атырау", ()),
    ("Kostanay", "Костанай", "Қостанай", ("Qostanay",)),
    ("Kyzylorda", "Кызылорда", "Қызылорда", ("Qyzylorda",)),
    ("Oral", "Уральск", "Орал", ("Uralsk",)),
    ("Petropavl", "Петропавловск", "Петропавл", ("Petropavlovsk",)),
    ("Aktau", "Актау", "Ақтау", ("Aqtau",)),
    ("Turkistan", "Туркестан", "Түркістан", ("Turkestan",)),
    ("Taldykorgan", "Талдыкорган", "Талдықорған", ("Taldyqorgan",)),
    ("Kokshetau", "Кокшетау", "Көкшетау", ("Kokshetau",)),
    ("Zharkent", "Жаркент", "Жаркент", ("Jarkent",)),
    ("Konaev", "Конаев", "Қонаев", ("Kapchagay", "Капчагай", "Qonaev")),
    ("Bishkek", "Бишкек", "Бішкек", ("Бишкек шаары",)),
    ("Osh", "Ош", "Ош", ()),
)

_LANG_INDEX = {"en": 0, "ru": 1, "kk": 2}
_PAIR_RE = re.compile(r"^\s*([a-z]{2,3})\s*=\s*(.+?)\s*$")


def _key(text: str) -> str:
    return " ".join(text.replace("ё", "е").casefold().split())


_LOOKUP: dict[str, tuple[str, str, str, tuple[str, ...]]] = {}
for _entry in KNOWN_PLACES:
    for _spelling in (*_entry[:3], *_entry[3]):
        _LOOKUP.setdefault(_key(_spelling), _entry)


def parse_place(value: object) -> dict[str, str] | str | None:
    """The setting's value as ``{lang: text}`` (``kk=…; ru=…`` or a mapping) or plain text."""
    if isinstance(value, Mapping):
        out = {str(k): str(v).strip() for k, v in value.items() if str(v).strip()}
        return out or None
    if not isinstance(value, str) or not value.strip():
        return None
    parts = [p for p in value.split(";") if p.strip()]
    pairs = [_PAIR_RE.match(p) for p in parts]
    if parts and all(m is not None for m in pairs):
        return {m.group(1): m.group(2) for m in pairs if m is not None}
    return value.strip()


def localize_place(value: object, lang: str) -> str:
    """The place in ``lang``: the user's value for it, the table's, or the text as entered."""
    parsed = parse_place(value)
    if parsed is None:
        return ""
    if isinstance(parsed, dict):
        if lang in parsed:
            return parsed[lang]
        for text in parsed.values():  # no value for this language: translate one that is known
            known = _LOOKUP.get(_key(text))
            if known is not None and lang in _LANG_INDEX:
                return str(known[_LANG_INDEX[lang]])
        return next(iter(parsed.values()))
    known = _LOOKUP.get(_key(parsed))
    if known is not None and lang in _LANG_INDEX:
        return str(known[_LANG_INDEX[lang]])
    return parsed
