"""Turn the values of a filled-in form into a case dict for ``normalize_case``.

Why only *changed* fields are written: the editor starts from the stored canonical case
and writes back only what the user changed, so everything the form does not show (tags,
documents, attachments, an event's description, a second testimony) survives an edit
untouched, and opening and saving a case without edits changes nothing.

The form addresses persons by role and the first testimony by position; the case format
links them by person keys (``relationship.to``, ``testimonies[].by``, ``events[].persons``).
:func:`finish_case` fills in those links for anything the form created, so an organisation's
form never has to know about keys.

Pure Python: no Qt, no I/O.
"""

from __future__ import annotations

import copy
from collections.abc import Mapping
from typing import Any

from desktop.intake.form import Form
from desktop.intake.paths import set_path
from desktop.interchange.case_format import DEFAULT_CONSENT, FORMAT_ID

__all__ = ["apply_changes", "finish_case", "prune"]


def prune(value: Any) -> Any:
    """Drop ``None``, empty strings and objects that end up empty, inside objects.

    A cleared text field leaves ``""``; the case format treats absent and empty alike for
    optional keys, but an empty *place* is an error, so empties are removed bottom-up.
    Lists keep their length (positions matter), only their objects are pruned.
    """
    if isinstance(value, dict):
        out: dict[str, Any] = {}
        for key, item in value.items():
            item = prune(item)
            if item is None or item == "" or item == {}:
                continue
            out[key] = item
        return out
    if isinstance(value, list):
        return [prune(item) for item in value]
    return value


def _first_key(persons: list[dict[str, Any]], role: str, *, besides: str | None = None) -> Any:
    for person in persons:
        if person.get("role") == role and person.get("key") != besides:
            return person.get("key")
    return None


def finish_case(doc: dict[str, Any]) -> dict[str, Any]:
    """Prune empties and link what the form created: person keys, ``to``, ``by``, consent."""
    doc = prune(doc)
    doc.setdefault("format", FORMAT_ID)
    persons = [p for p in doc.get("persons") or [] if isinstance(p, dict)]
    used = {p["key"] for p in persons if isinstance(p.get("key"), str)}
    number = 1
    for person in persons:
        if "key" in person:
            continue
        while f"p{number}" in used:
            number += 1
        person["key"] = f"p{number}"
        used.add(person["key"])
    for person in persons:
        rel = person.get("relationship")
        if isinstance(rel, dict) and "to" not in rel:
            to = _first_key(persons, "detained", besides=person.get("key"))
            if to is not None:
                # Keep the case format's key order: to, then kind.
                person["relationship"] = {"to": to, **rel}
    detained = _first_key(persons, "detained")
    submitter = _first_key(persons, "testifier")
    for testimony in doc.get("testimonies") or []:
        if isinstance(testimony, dict):
            if "by" not in testimony and submitter is not None:
                testimony["by"] = submitter
            consent = testimony.get("consent")
            if isinstance(consent, Mapping):
                testimony["consent"] = {**DEFAULT_CONSENT, **consent}
    for event in doc.get("events") or []:
        if isinstance(event, dict) and "persons" not in event and detained is not None:
            event["persons"] = [detained]
    return doc


def apply_changes(
    original: Mapping[str, Any], form: Form, changes: Mapping[str, Any]
) -> dict[str, Any]:
    """A new case dict: ``original`` with each changed field (id → value) written.

    Read-only fields are never written, whatever ``changes`` says.
    """
    doc: dict[str, Any] = copy.deepcopy(dict(original))
    for field in form.fields():
        if field.id in changes and not field.readonly and field.path:
            set_path(doc, field.path, copy.deepcopy(changes[field.id]))
    return finish_case(doc)
