"""The read-only Summary tab: a case as plain text in the UI language.

The command line's ``show`` keeps its English text (``desktop/case_text.py``, part of the
CLI's output); the window shows the same facts with translated headings, vocabulary labels,
country names and dates written the way the UI language writes them. Case data (names,
narratives, notes) is shown exactly as stored, always as plain text.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication

from desktop.domain.countries import country_name, is_country
from desktop.domain.vocab import (
    APPEAL_STATUS,
    CONFIDENTIALITY,
    EVENT_TYPE,
    MEDIUM,
    RELATIONSHIP,
    ROLE,
    STATUS,
    VERIFICATION,
    Vocabulary,
)
from desktop.ui.i18n import current_language, format_edtf

__all__ = ["summary_text"]


def _texts() -> dict[str, str]:
    translate = QCoreApplication.translate
    return {
        "born": translate("CaseSummary", "born {date}"),
        "relation": translate("CaseSummary", "{relationship} of {person}"),
        "events": translate("CaseSummary", "Events:"),
        "unknown_date": translate("CaseSummary", "date unknown"),
        "testimony": translate("CaseSummary", "Testimony by {person} ({date}, {medium}):"),
        "undated": translate("CaseSummary", "undated"),
        "appeal": translate("CaseSummary", "Appeal to {recipient} {date}: {status}"),
        "notes": translate("CaseSummary", "Notes: {notes}"),
    }


def _label(vocab: Vocabulary, key: Any, lang: str) -> str:
    return vocab.label(key, lang) if isinstance(key, str) and key in vocab else str(key or "?")


def _place(place: dict[str, Any], lang: str) -> str:
    parts = []
    for key, value in place.items():
        if key == "country" and isinstance(value, str) and is_country(value):
            parts.append(country_name(value, lang))
        else:
            parts.append(str(value))
    return ", ".join(parts)


def summary_text(doc: dict[str, Any], lang: str | None = None) -> str:
    lang = lang or current_language()
    t = _texts()
    head = ", ".join(
        (
            _label(STATUS, doc.get("status"), lang),
            _label(VERIFICATION, doc.get("verification"), lang),
            _label(CONFIDENTIALITY, doc.get("confidentiality"), lang),
        )
    )
    lines = [f"{doc.get('reference', '')}  [{head}]"]
    persons = doc.get("persons", [])
    keys = {p["key"]: p for p in persons}

    def first_name(person: dict[str, Any] | None, fallback: str) -> str:
        names = (person or {}).get("names") or []
        return str(names[0]["value"]) if names else fallback

    for person in persons:
        names = " / ".join(n["value"] for n in person.get("names", []))
        extras = []
        if person.get("birth_date"):
            extras.append(t["born"].format(date=format_edtf(person["birth_date"], lang)))
        rel = person.get("relationship")
        if rel and rel.get("to") in keys:
            extras.append(
                t["relation"].format(
                    relationship=_label(RELATIONSHIP, rel.get("kind"), lang),
                    person=first_name(keys[rel["to"]], rel["to"]),
                )
            )
        extra = f" ({'; '.join(extras)})" if extras else ""
        lines.append(f"  {_label(ROLE, person.get('role'), lang)}: {names}{extra}")
    if doc.get("events"):
        lines.append("  " + t["events"])
    for event in doc.get("events", []):
        place = _place(event.get("place") or {}, lang)
        when = format_edtf(event.get("date"), lang) or t["unknown_date"]
        kind = _label(EVENT_TYPE, event.get("type"), lang)
        lines.append(f"    {when}  {kind}" + (f" — {place}" if place else ""))
    for testimony in doc.get("testimonies", []):
        by = first_name(keys.get(testimony.get("by", "")), str(testimony.get("by", "")))
        lines.append(
            "  "
            + t["testimony"].format(
                person=by,
                date=format_edtf(testimony.get("date"), lang) or t["undated"],
                medium=_label(MEDIUM, testimony.get("medium"), lang),
            )
        )
        narrative = str(testimony.get("narrative", ""))
        lines.extend("    " + para for para in narrative.splitlines() if para.strip())
    for appeal in doc.get("appeals", []):
        lines.append(
            "  "
            + t["appeal"].format(
                recipient=appeal.get("recipient", ""),
                date=format_edtf(appeal.get("date"), lang),
                status=_label(APPEAL_STATUS, appeal.get("status"), lang),
            )
        )
    if doc.get("notes"):
        lines.append("  " + t["notes"].format(notes=doc["notes"]))
    return "\n".join(lines) + "\n"
