"""Which UN WGEID minimum elements a case still lacks.

The UN Working Group on Enforced or Involuntary Disappearances only takes up a case that
states a minimum set of facts. A field worker who sees "missing: date of disappearance"
while the relative is still in the room can ask now instead of months later, so the editor
shows the result of :func:`missing_elements` as the case is typed.

The rules (deliberately simple, so that a user can predict them):

* ``full_name`` — the detained person has a name of at least two parts (given and family
  name, split at spaces, ``·`` or ``-``), or a name in Han script (written without spaces).
* ``date`` — an event that starts the disappearance (summoned, detained, arrested,
  disappeared, last contact) has a date.
* ``place`` — such an event has a place (facility, address, locality, region or country).
* ``responsible`` — some event names an authority believed responsible.
* ``family_steps`` — the family did something: an appeal is recorded, or an event of type
  ``other`` (the case format has no dedicated type for a family's own steps).
* ``submitter`` — a testifier (the person who submits) is recorded with a name.

Pure: works on a case dict in the JSON case format, canonical or not yet normalised.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

__all__ = ["ELEMENTS", "element_label", "missing_elements"]

ELEMENTS: dict[str, dict[str, str]] = {
    "full_name": {
        "en": "full name",
        "ru": "полное имя",
        "kk": "толық аты-жөні",
        "ug": "تولۇق ئىسمى",
    },
    "date": {
        "en": "date of disappearance",
        "ru": "дата исчезновения",
        "kk": "жоғалған күні",
        "ug": "غايىب بولغان ۋاقتى",
    },
    "place": {
        "en": "place of arrest or last seen",
        "ru": "место ареста или где видели в последний раз",
        "kk": "ұсталған не соңғы рет көрінген жері",
        "ug": "تۇتۇلغان ياكى ئاخىرقى قېتىم كۆرۈلگەن جايى",
    },
    "responsible": {
        "en": "who is believed responsible",
        "ru": "кто предположительно несёт ответственность",
        "kk": "кім жауапты деп саналады",
        "ug": "كىم جاۋابكار دەپ قارىلىدۇ",
    },
    "family_steps": {
        "en": "steps taken by the family",
        "ru": "действия, предпринятые семьёй",
        "kk": "отбасы жасаған әрекеттер",
        "ug": "ئائىلىسى قىلغان ھەرىكەتلەر",
    },
    "submitter": {
        "en": "who submits",
        "ru": "кто подаёт сообщение",
        "kk": "кім жолдайды",
        "ug": "كىم يوللايدۇ",
    },
}
"""Element key → label per language, in the order the WGEID form asks for them."""

DISAPPEARANCE_EVENTS = frozenset(
    {"summoned", "detained", "arrested", "disappeared", "last-contact"}
)
_NAME_PARTS = re.compile(r"[\s·\-‧・]+")


def element_label(key: str, lang: str = "en") -> str:
    labels = ELEMENTS[key]
    return labels.get(lang) or labels["en"]


def _persons(doc: Mapping[str, Any], role: str) -> list[Mapping[str, Any]]:
    return [p for p in doc.get("persons") or [] if isinstance(p, Mapping) and p.get("role") == role]


def _name_values(person: Mapping[str, Any]) -> list[tuple[str, str]]:
    out = []
    for name in person.get("names") or []:
        if isinstance(name, Mapping) and isinstance(name.get("value"), str):
            value = name["value"].strip()
            if value:
                out.append((value, str(name.get("script") or "")))
    return out


def _is_full_name(value: str, script: str) -> bool:
    if script in ("Hans", "Hant", "Hani"):
        return True
    return len([part for part in _NAME_PARTS.split(value) if part]) >= 2


def missing_elements(doc: Mapping[str, Any]) -> list[str]:
    """Keys of :data:`ELEMENTS` that ``doc`` does not state yet, in :data:`ELEMENTS` order."""
    detained = _persons(doc, "detained")
    events = [e for e in doc.get("events") or [] if isinstance(e, Mapping)]
    starts = [e for e in events if e.get("type") in DISAPPEARANCE_EVENTS]
    present = {
        "full_name": any(_is_full_name(v, s) for p in detained for v, s in _name_values(p)),
        "date": any(e.get("date") for e in starts),
        "place": any(
            isinstance(e.get("place"), Mapping) and any(e["place"].values()) for e in starts
        ),
        "responsible": any(str(e.get("authority") or "").strip() for e in events),
        "family_steps": bool(doc.get("appeals")) or any(e.get("type") == "other" for e in events),
        "submitter": any(_name_values(p) for p in _persons(doc, "testifier")),
    }
    return [key for key in ELEMENTS if not present[key]]
