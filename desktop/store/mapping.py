"""Normalized case documents (the JSON case format) <-> table rows.

The interchange layer guarantees a canonical document (key order, defaults, absent
optionals omitted). Rows keep every value; ``rows_to_document`` rebuilds the same canonical
document, so import → export → import is stable.
"""

from __future__ import annotations

import hashlib
from functools import lru_cache
from typing import Any, NamedTuple

from desktop.domain.edtf import EDTFError, parse_edtf
from desktop.domain.names import fold, transliterate
from desktop.interchange.case_format import APPEAL_KEYS, ATTACHMENT_KEYS, PERSON_KEYS
from desktop.vault.vaultfile import canonical_json

FORMAT = "testimony-desk.case/1"
_TIMESTAMPS = ("created", "updated")
# The person fields stored as plain columns: everything between the identity (key, role,
# names) and the two that need their own handling (relationship, notes).
PERSON_OPTIONAL = PERSON_KEYS[PERSON_KEYS.index("sex") : PERSON_KEYS.index("relationship")]
DETENTION_TYPES = ("detained", "arrested", "disappeared", "summoned")


def clear_memo() -> None:
    """Forget the memoized names and dates (called when a save ends, success or not)."""
    _latin_word.cache_clear()
    _folded_word.cache_clear()
    _bounds.cache_clear()


class Prepared(NamedTuple):
    """Everything ``CaseRepository._save`` derives from a document alone, ready to write."""

    digest: str
    summary: dict[str, Any]
    rows: dict[str, list[dict[str, Any]]]
    search: dict[str, str]


def prepare(doc: dict[str, Any]) -> Prepared | None:
    """Derive hash, summary, rows and search texts, when the document alone decides them.

    That is when it carries its own ``id`` and ``reference``; otherwise the store assigns
    them (a new id, the existing case's or a new reference) and derives the rest itself.
    Pure: a parser process can run it while the store writes (``desktop.interchange.parallel``).
    """
    case_id, reference = doc.get("id"), doc.get("reference")
    if not (isinstance(case_id, str) and case_id and isinstance(reference, str) and reference):
        return None
    return Prepared(
        content_hash(doc), summary_fields(doc), document_to_rows(doc, case_id), search_texts(doc)
    )


def content_hash(doc: dict[str, Any]) -> str:
    """Hash of what the case says, not of when it was saved: detects real changes."""
    body = {k: v for k, v in doc.items() if k not in _TIMESTAMPS and k != "format"}
    return hashlib.sha256(canonical_json(body)).hexdigest()


# Memoized pure functions of one string. A save computes each name's transliteration and
# each event date's bounds twice (rows and search index / summary columns); dates and name
# spellings also repeat across the cases of a large import. Caching by the exact string
# keeps results identical and made a 100,000-case import measurably faster (see
# docs/performance.md). Results are immutable (str, tuples of dates), so sharing is safe.
# The caches hold names: ``clear_memo`` empties them after every save (CaseRepository.save),
# so no personal data outlives the write that needed it (nor a lock of the vault).
_MEMO_SIZE = 16_384


def _latin(value: str) -> str:
    """``transliterate(value)``, computed word by word through the memo.

    Whole names rarely repeat across cases, their words (given names, family names, the
    Uyghur and Kazakh patronymic parts) very often do: memoizing words instead of names
    turned most of the transliteration work of a large import into cache hits.
    ``transliterate`` maps each character on its own (after NFKC, which never composes across
    a plain space), so splitting at U+0020 and joining the non-empty words with one space
    gives exactly the whole-string result (property-tested in tests/property).
    """
    words = value.split(" ")
    if len(words) == 1:
        return _latin_word(value)
    return " ".join(w for w in map(_latin_word, words) if w)


def _folded(value: str) -> str:
    """``fold(value)`` computed word by word through the memo (same reason as ``_latin``).

    ``fold`` looks at context in one place: a combining mark is kept or dropped by the
    script of the character before it, and a space has no script, exactly like the start of
    a string, so each word is folded with the context it has in the whole name.
    """
    words = value.split(" ")
    if len(words) == 1:
        return _folded_word(value)
    return " ".join(map(_folded_word, words))


@lru_cache(maxsize=_MEMO_SIZE)
def _latin_word(value: str) -> str:
    return transliterate(value)


@lru_cache(maxsize=_MEMO_SIZE)
def _folded_word(value: str) -> str:
    return fold(value)


@lru_cache(maxsize=_MEMO_SIZE)
def _bounds(text: str | None) -> tuple[Any, Any]:
    if not text:
        return None, None
    try:
        parsed = parse_edtf(text)
    except EDTFError:
        return None, None
    return parsed.lower, parsed.upper


def detained_person(doc: dict[str, Any]) -> dict[str, Any] | None:
    for person in doc.get("persons", []):
        if person.get("role") == "detained":
            return dict(person)
    return None


def display_name(person: dict[str, Any] | None) -> str:
    if not person or not person.get("names"):
        return ""
    return str(person["names"][0]["value"])


def place_text(place: dict[str, Any] | None) -> str:
    """A place as one short line for the case list: facility, locality or region, country."""
    if not place:
        return ""
    parts = [place.get("facility"), place.get("locality") or place.get("region")]
    parts.append(place.get("country"))
    return ", ".join(str(p) for p in parts if p)


def summary_fields(doc: dict[str, Any]) -> dict[str, Any]:
    """Denormalized columns for the case list.

    The detained person; the latest event (by its earliest possible date) with its EDTF
    bounds; the country and place of the first detention-type event that names them; the
    number of appeals and the state of the last one.
    """
    latest: tuple[Any, str, Any] | None = None
    country = None
    place = ""
    for event in doc.get("events", []):
        lower, upper = _bounds(event.get("date"))
        if lower is not None and (latest is None or lower >= latest[0]):
            latest = (lower, str(event["date"]), upper)
        where = event.get("place") or {}
        if event.get("type") in DETENTION_TYPES:
            if country is None and where.get("country"):
                country = where["country"]
            if not place:
                place = place_text(where)
    appeals = doc.get("appeals", [])
    return {
        "detained_name": display_name(detained_person(doc)),
        "last_event_date": latest[1] if latest else None,
        "country": country,
        "place": place,
        "last_event_lower": latest[0].isoformat() if latest else "",
        # An open end ("2018-03/..") is still going on: it reaches every later date.
        "last_event_upper": (latest[2].isoformat() if latest[2] else "9999-12-31")
        if latest
        else "",
        "appeal_count": len(appeals),
        "appeal_state": str(appeals[-1].get("status") or "") if appeals else "",
    }


def document_to_rows(doc: dict[str, Any], case_id: str) -> dict[str, list[dict[str, Any]]]:
    persons: list[dict[str, Any]] = []
    names: list[dict[str, Any]] = []
    for pos, person in enumerate(doc.get("persons", [])):
        rel = person.get("relationship") or {}
        persons.append(
            {
                "case_id": case_id,
                "key": person["key"],
                "position": pos,
                "role": person["role"],
                **{field: person.get(field) for field in PERSON_OPTIONAL},
                "relationship_to": rel.get("to"),
                "relationship_kind": rel.get("kind"),
                "notes": person.get("notes"),
            }
        )
        for npos, name in enumerate(person.get("names", [])):
            names.append(
                {
                    "case_id": case_id,
                    "person_key": person["key"],
                    "position": npos,
                    "value": name["value"],
                    "script": name["script"],
                    "lang": name.get("lang"),
                    "latin": _latin(name["value"]),
                }
            )
    events = []
    for pos, event in enumerate(doc.get("events", [])):
        lower, upper = _bounds(event.get("date"))
        place = event.get("place")
        events.append(
            {
                "case_id": case_id,
                "position": pos,
                "type": event["type"],
                "date": event.get("date"),
                "date_lower": lower,
                "date_upper": upper,
                "persons": list(event.get("persons", [])),
                "place": place,
                "facility": (place or {}).get("facility"),
                "locality": (place or {}).get("locality"),
                "country": (place or {}).get("country"),
                "authority": event.get("authority"),
                "charges": event.get("charges"),
                "description": event.get("description"),
            }
        )
    testimonies = []
    for pos, t in enumerate(doc.get("testimonies", [])):
        consent = t["consent"]
        testimonies.append(
            {
                "case_id": case_id,
                "position": pos,
                "by_key": t["by"],
                "date": t.get("date"),
                "place": t.get("place"),
                "language": t.get("language"),
                "medium": t.get("medium"),
                "sources": list(t.get("sources", [])),
                "interviewer": t.get("interviewer"),
                "narrative": t.get("narrative", ""),
                "consent_record": consent["record"],
                "consent_share_with_hq": consent["share_with_hq"],
                "consent_use_in_appeals": consent["use_in_appeals"],
                "consent_publish": consent["publish"],
            }
        )
    appeals = []
    for pos, a in enumerate(doc.get("appeals", [])):
        appeals.append(
            {
                "case_id": case_id,
                "position": pos,
                **{k: a.get(k) for k in APPEAL_KEYS},
            }
        )
    attachments = []
    for pos, att in enumerate(doc.get("attachments", [])):
        attachments.append(
            {
                "case_id": case_id,
                "position": pos,
                "blob_name": None,
                **{k: att.get(k) for k in ATTACHMENT_KEYS},
            }
        )
    return {
        "persons": persons,
        "person_names": names,
        "events": events,
        "testimonies": testimonies,
        "appeals": appeals,
        "attachments": attachments,
    }


def _put(target: dict[str, Any], key: str, value: Any) -> None:
    if value is not None:
        target[key] = value


# The columns ``rows_to_document`` reads, per table (with ``case_id`` for the child tables):
# the fast read path (CaseRepository.documents on SQLite) selects these and nothing else.
DOCUMENT_COLUMNS: dict[str, tuple[str, ...]] = {
    "cases": (
        "id", "reference", "status", "confidentiality", "verification", "tags", "notes",
        "created", "updated",
    ),
    "persons": (
        "case_id", "key", "position", "role", *PERSON_OPTIONAL, "relationship_to",
        "relationship_kind", "notes",
    ),
    "person_names": ("case_id", "person_key", "position", "value", "script", "lang"),
    "events": (
        "case_id", "position", "type", "date", "persons", "place", "authority", "charges",
        "description",
    ),
    "testimonies": (
        "case_id", "position", "by_key", "date", "place", "language", "medium", "sources",
        "interviewer", "narrative", "consent_record", "consent_share_with_hq",
        "consent_use_in_appeals", "consent_publish",
    ),
    "appeals": ("case_id", "position", *APPEAL_KEYS),
    "attachments": ("case_id", "position", *ATTACHMENT_KEYS),
}  # fmt: skip
# The order the fast read path asks SQLite for (``rows_to_document(ordered=True)``).
DOCUMENT_ORDER: dict[str, tuple[str, ...]] = {
    "persons": ("case_id", "position"),
    "person_names": ("case_id", "person_key", "position"),
    "events": ("case_id", "position"),
    "testimonies": ("case_id", "position"),
    "appeals": ("case_id", "position"),
    "attachments": ("case_id", "position"),
}


def rows_to_document(
    case: dict[str, Any],
    persons: list[dict[str, Any]],
    names: list[dict[str, Any]],
    events: list[dict[str, Any]],
    testimonies: list[dict[str, Any]],
    appeals: list[dict[str, Any]],
    attachments: list[dict[str, Any]],
    *,
    ordered: bool = False,
) -> dict[str, Any]:
    """The canonical document of one case from its rows.

    ``ordered``: the rows come sorted already (by position; names by person key, then
    position), as the fast read path selects them: the sorts here are skipped.
    """
    if not ordered:
        names = sorted(names, key=lambda r: (r["person_key"], r["position"]))
        persons = sorted(persons, key=lambda r: r["position"])
        events = sorted(events, key=lambda r: r["position"])
        testimonies = sorted(testimonies, key=lambda r: r["position"])
        appeals = sorted(appeals, key=lambda r: r["position"])
        attachments = sorted(attachments, key=lambda r: r["position"])
    by_person: dict[str, list[dict[str, Any]]] = {}
    for n in names:
        name = {"value": n["value"], "script": n["script"]}
        _put(name, "lang", n["lang"])
        by_person.setdefault(n["person_key"], []).append(name)
    doc_persons = []
    for p in persons:
        person: dict[str, Any] = {
            "key": p["key"],
            "role": p["role"],
            "names": by_person.get(p["key"], []),
        }
        for field in PERSON_OPTIONAL:
            _put(person, field, p[field])
        if p["relationship_to"] is not None:
            person["relationship"] = {"to": p["relationship_to"], "kind": p["relationship_kind"]}
        _put(person, "notes", p["notes"])
        doc_persons.append(person)
    doc_events = []
    for e in events:
        event: dict[str, Any] = {"type": e["type"]}
        _put(event, "date", e["date"])
        event["persons"] = list(e["persons"] or [])
        for key in ("place", "authority", "charges", "description"):
            _put(event, key, e[key])
        doc_events.append(event)
    doc_testimonies = []
    for t in testimonies:
        item: dict[str, Any] = {"by": t["by_key"]}
        for key in ("date", "place", "language", "medium"):
            _put(item, key, t[key])
        item["sources"] = list(t["sources"] or [])
        _put(item, "interviewer", t["interviewer"])
        item["narrative"] = t["narrative"] or ""
        item["consent"] = {
            "record": bool(t["consent_record"]),
            "share_with_hq": bool(t["consent_share_with_hq"]),
            "use_in_appeals": bool(t["consent_use_in_appeals"]),
            "publish": t["consent_publish"],
        }
        doc_testimonies.append(item)
    doc_appeals = []
    for a in appeals:
        appeal: dict[str, Any] = {"recipient": a["recipient"]}
        for key in ("template", "language", "date", "reference"):
            _put(appeal, key, a[key])
        appeal["status"] = a["status"]
        for key in ("pdf_sha256", "response", "response_date", "follow_up", "notes"):
            _put(appeal, key, a[key])
        doc_appeals.append(appeal)
    doc_attachments = []
    for att in attachments:
        meta: dict[str, Any] = {}
        for key in ATTACHMENT_KEYS:
            _put(meta, key, att[key])
        doc_attachments.append(meta)
    return {
        "format": FORMAT,
        "id": case["id"],
        "reference": case["reference"],
        "status": case["status"],
        "confidentiality": case["confidentiality"],
        "verification": case["verification"],
        "tags": list(case["tags"] or []),
        "persons": doc_persons,
        "events": doc_events,
        "testimonies": doc_testimonies,
        "appeals": doc_appeals,
        "attachments": doc_attachments,
        "notes": case["notes"] or "",
        "created": case["created"],
        "updated": case["updated"],
    }


def search_texts(doc: dict[str, Any]) -> dict[str, str]:
    """The four columns of the full-text index for one case."""
    names: list[str] = []
    latin: list[str] = []
    places: list[str] = []
    body: list[str] = [
        doc.get("reference", ""),
        " ".join(doc.get("tags", [])),
        doc.get("notes", ""),
    ]

    def place_text(place: dict[str, Any] | None) -> None:
        if place:
            places.extend(str(v) for v in place.values())

    for person in doc.get("persons", []):
        for name in person.get("names", []):
            names.append(_folded(name["value"]))
            latin.append(_latin(name["value"]))
        place_text(person.get("birth_place"))
        place_text(person.get("residence"))
        body.extend(str(person.get(k) or "") for k in ("ethnicity", "occupation"))
    for event in doc.get("events", []):
        place_text(event.get("place"))
        if event.get("authority"):
            places.append(event["authority"])
        body.extend(str(event.get(k) or "") for k in ("description", "charges"))
    for t in doc.get("testimonies", []):
        place_text(t.get("place"))
        body.append(t.get("narrative", ""))
    return {
        "names": " \n".join(names),
        "latin": " \n".join(latin),
        "places": " \n".join(places),
        "body": " \n".join(b for b in body if b),
    }
