"""Case documents read straight from the SQLite driver, without SQLAlchemy per row.

Why: ``CaseRepository.documents`` on SQLite (a sync export reads ~150,000 rows for 10,000
cases) spends most of its time in per-row work: SQLAlchemy's ``Row`` objects and one
result-processor call per value. Here the same SELECTs run on the DB-API connection and
every value goes through the same conversion SQLAlchemy would apply — only JSON columns
(``json.loads``) and booleans (``bool``) have one on SQLite. A :class:`TablePlan` holds the
statement and the conversions of one table; it is built once with SQLAlchemy
(``desktop.store.bulk.read_plan``) and is plain data, so that the sync export's records
helper process (desktop/sync/records.py) reads with the very same plans and code after
importing nothing but the driver and this module.

tests/unit/test_fast_read.py checks that the documents and values equal SQLAlchemy's.
"""

from __future__ import annotations

import json
import numbers
import re
from collections.abc import Sequence
from typing import Any, NamedTuple

import orjson

from desktop.interchange.case_format import ATTACHMENT_KEYS
from desktop.store import mapping

# Parsed JSON texts a ``shared`` dict keeps at most (then it starts again): bounded memory
# on a large export; the commonest values come back within a few hundred cases.
SHARED_MAX = 20_000
# The tables of a document, in the order they are read.
CHILD_TABLES = ("persons", "person_names", "events", "testimonies", "appeals", "attachments")


class TablePlan(NamedTuple):
    """``head + ', '.join('?' * n) + tail`` selects the columns ``names`` of the rows whose
    key is one of n values; ``convert`` lists (column index, "json" or "bool")."""

    names: tuple[str, ...]
    head: str
    tail: str
    convert: tuple[tuple[int, str], ...]


_LONG_DIGITS = re.compile(r"[0-9]{19}")


def json_value(value: Any) -> Any:
    """What SQLAlchemy's JSON type returns for a stored value (``json.loads``), faster.

    JSON null and ``[]`` (most optional columns of a case) need no parsing at all; other
    text goes to orjson. Anything orjson refuses (NaN, lone surrogates, …) goes to
    ``json.loads`` itself, and so does text with a run of 19 digits or more: orjson reads an
    integer past 64 bits as a float, ``json.loads`` as an int. So the result — or the
    error — is exactly SQLAlchemy's. A number SQLite kept as one (the column's NUMERIC
    affinity turns the text ``5`` into 5) is returned as it is, as SQLAlchemy's SQLite JSON
    type does.
    """
    if value is None or value == "null":
        return None
    if value == "[]":
        return []
    if type(value) is str:
        if _LONG_DIGITS.search(value) is None:
            try:
                return orjson.loads(value)
            except orjson.JSONDecodeError:
                pass
        return json.loads(value)
    if isinstance(value, numbers.Number):
        return value
    return json.loads(value)


def fetch(
    conn: Any, plan: TablePlan, values: Sequence[Any], memo: dict[str, Any] | None = None
) -> list[Sequence[Any]]:
    """The plan's rows for the key ``values``: tuples, or lists where a value was converted.

    ``memo``: JSON texts already parsed (see :func:`read_documents`, ``shared``).
    """
    if not values:
        return []
    cursor = conn.cursor()
    try:
        statement = plan.head + ", ".join("?" * len(values)) + plan.tail
        rows: list[Sequence[Any]] = cursor.execute(statement, list(values)).fetchall()
    finally:
        cursor.close()
    if not plan.convert:
        return rows
    # Inlined (one function call per value was a fifth of a sync export's reading time).
    json_at = [i for i, kind in plan.convert if kind == "json"]
    bool_at = [i for i, kind in plan.convert if kind == "bool"]
    known = memo.get if memo is not None else None
    converted: list[Sequence[Any]] = []
    for row in rows:
        out = list(row)
        for i in json_at:
            value = out[i]
            if value is None:
                continue
            if known is None:
                out[i] = json_value(value)
                continue
            found = known(value, _MISSING)
            if found is _MISSING:
                if len(memo) >= SHARED_MAX:  # type: ignore[arg-type]
                    memo.clear()  # type: ignore[union-attr]
                found = memo[value] = json_value(value)  # type: ignore[index]
            out[i] = found
        for i in bool_at:
            if out[i] is not None:  # SQLAlchemy's Boolean on SQLite: int_to_boolean
                out[i] = bool(out[i])
        converted.append(out)
    return converted


_MISSING = object()


def read_documents(
    conn: Any,
    plans: dict[str, TablePlan],
    ids: Sequence[str],
    *,
    shared: dict[str, Any] | None = None,
) -> list[dict[str, Any]]:
    """The canonical documents of the cases ``ids`` that exist, in that order.

    Equal to ``mapping.rows_to_document`` over SQLAlchemy's rows, key order included
    (tests/unit/test_fast_read.py); built straight from the driver's tuples, without a dict
    per row.

    ``shared``: a dict the caller keeps while it reads (a sync export, chunk after chunk).
    Equal JSON texts are then parsed once and the *same* value object is put into every
    document that has it — many cases share places, citizenships, tags. Only for callers
    that never change the documents (the export serializes them and lets them go).
    """
    ids = list(ids)
    for table, plan in plans.items():
        if plan.names != mapping.DOCUMENT_COLUMNS[table]:
            raise ValueError(f"the read plan of {table} does not match the document columns")
    cases = {row[0]: row for row in fetch(conn, plans["cases"], ids, shared)}
    persons, names, events, testimonies, appeals, attachments = (
        _grouped(fetch(conn, plans[table], ids, shared)) for table in CHILD_TABLES
    )
    empty: list[Sequence[Any]] = []
    out: list[dict[str, Any]] = []
    for cid in ids:
        case = cases.get(cid)
        if case is None:
            continue
        out.append(
            _document(
                case,
                persons.get(cid, empty),
                names.get(cid, empty),
                events.get(cid, empty),
                testimonies.get(cid, empty),
                appeals.get(cid, empty),
                attachments.get(cid, empty),
            )
        )
    return out


def _grouped(rows: list[Sequence[Any]]) -> dict[str, list[Sequence[Any]]]:
    """Rows by case id (their first column), in the order SQLite returned them."""
    grouped: dict[str, list[Sequence[Any]]] = {}
    for row in rows:
        found = grouped.get(row[0])
        if found is None:
            grouped[row[0]] = [row]
        else:
            found.append(row)
    return grouped


def _columns(table: str, *names: str) -> tuple[int, ...]:
    where = {name: i for i, name in enumerate(mapping.DOCUMENT_COLUMNS[table])}
    return tuple(where[name] for name in names)


def _span(table: str, names: Sequence[str]) -> tuple[tuple[str, ...], slice]:
    """``names`` and where they sit, side by side, in the plan's rows (checked here)."""
    first = _columns(table, names[0])[0]
    where = slice(first, first + len(names))
    if mapping.DOCUMENT_COLUMNS[table][where] != tuple(names):
        raise ValueError(f"the columns {names} of {table} are not side by side")
    return tuple(names), where


# Column positions in the plans' rows (mapping.DOCUMENT_COLUMNS), resolved once; optional
# fields as (names, slice): a comprehension over a slice of the row is ~30 % faster than
# one test per field.
_CASE = _columns(
    "cases", "id", "reference", "status", "confidentiality", "verification", "tags", "notes",
    "created", "updated",
)  # fmt: skip
_NAME = _columns("person_names", "person_key", "value", "script", "lang")
_PERSON = _columns("persons", "key", "role", "relationship_to", "relationship_kind", "notes")
_PERSON_OPTIONAL = _span("persons", mapping.PERSON_OPTIONAL)
_EVENT = _columns("events", "type", "date", "persons")
_EVENT_OPTIONAL = _span("events", ("place", "authority", "charges", "description"))
_TESTIMONY = _columns(
    "testimonies", "by_key", "sources", "narrative", "consent_record", "consent_share_with_hq",
    "consent_use_in_appeals", "consent_publish",
)  # fmt: skip
_TESTIMONY_OPTIONAL = _span("testimonies", ("date", "place", "language", "medium"))
_INTERVIEWER = _columns("testimonies", "interviewer")[0]
_APPEAL = _columns("appeals", "recipient", "status")
_APPEAL_HEAD = _span("appeals", ("template", "language", "date", "reference"))
_APPEAL_TAIL = _span("appeals", ("pdf_sha256", "response", "response_date", "follow_up", "notes"))
_ATTACHMENT = _span("attachments", ATTACHMENT_KEYS)


def _document(
    case: Sequence[Any],
    persons: list[Sequence[Any]],
    names: list[Sequence[Any]],
    events: list[Sequence[Any]],
    testimonies: list[Sequence[Any]],
    appeals: list[Sequence[Any]],
    attachments: list[Sequence[Any]],
) -> dict[str, Any]:
    """``mapping.rows_to_document(..., ordered=True)`` over plan rows (tuples): the same
    keys in the same order, the same values."""
    n_key, n_value, n_script, n_lang = _NAME
    by_person: dict[str, list[dict[str, Any]]] = {}
    for n in names:
        name = {"value": n[n_value], "script": n[n_script]}
        if n[n_lang] is not None:
            name["lang"] = n[n_lang]
        by_person.setdefault(n[n_key], []).append(name)
    p_key, p_role, p_rel_to, p_rel_kind, p_notes = _PERSON
    p_opt, p_at = _PERSON_OPTIONAL
    doc_persons = []
    for p in persons:
        person: dict[str, Any] = {
            "key": p[p_key],
            "role": p[p_role],
            "names": by_person.get(p[p_key], []),
        }
        person.update({k: v for k, v in zip(p_opt, p[p_at], strict=True) if v is not None})
        if p[p_rel_to] is not None:
            person["relationship"] = {"to": p[p_rel_to], "kind": p[p_rel_kind]}
        if p[p_notes] is not None:
            person["notes"] = p[p_notes]
        doc_persons.append(person)
    e_type, e_date, e_persons = _EVENT
    e_opt, e_at = _EVENT_OPTIONAL
    doc_events = []
    for e in events:
        event: dict[str, Any] = {"type": e[e_type]}
        if e[e_date] is not None:
            event["date"] = e[e_date]
        event["persons"] = list(e[e_persons] or [])
        event.update({k: v for k, v in zip(e_opt, e[e_at], strict=True) if v is not None})
        doc_events.append(event)
    t_by, t_sources, t_narrative, t_record, t_share, t_use, t_publish = _TESTIMONY
    t_opt, t_at = _TESTIMONY_OPTIONAL
    doc_testimonies = []
    for t in testimonies:
        item: dict[str, Any] = {"by": t[t_by]}
        item.update({k: v for k, v in zip(t_opt, t[t_at], strict=True) if v is not None})
        item["sources"] = list(t[t_sources] or [])
        if t[_INTERVIEWER] is not None:
            item["interviewer"] = t[_INTERVIEWER]
        item["narrative"] = t[t_narrative] or ""
        item["consent"] = {
            "record": bool(t[t_record]),
            "share_with_hq": bool(t[t_share]),
            "use_in_appeals": bool(t[t_use]),
            "publish": t[t_publish],
        }
        doc_testimonies.append(item)
    a_recipient, a_status = _APPEAL
    (h_opt, h_at), (l_opt, l_at) = _APPEAL_HEAD, _APPEAL_TAIL
    doc_appeals = []
    for a in appeals:
        appeal: dict[str, Any] = {"recipient": a[a_recipient]}
        appeal.update({k: v for k, v in zip(h_opt, a[h_at], strict=True) if v is not None})
        appeal["status"] = a[a_status]
        appeal.update({k: v for k, v in zip(l_opt, a[l_at], strict=True) if v is not None})
        doc_appeals.append(appeal)
    m_opt, m_at = _ATTACHMENT
    doc_attachments = [
        {k: v for k, v in zip(m_opt, att[m_at], strict=True) if v is not None}
        for att in attachments
    ]
    c_id, c_ref, c_status, c_conf, c_verif, c_tags, c_notes, c_created, c_updated = _CASE
    return {
        "format": mapping.FORMAT,
        "id": case[c_id],
        "reference": case[c_ref],
        "status": case[c_status],
        "confidentiality": case[c_conf],
        "verification": case[c_verif],
        "tags": list(case[c_tags] or []),
        "persons": doc_persons,
        "events": doc_events,
        "testimonies": doc_testimonies,
        "appeals": doc_appeals,
        "attachments": doc_attachments,
        "notes": case[c_notes] or "",
        "created": case[c_created],
        "updated": case[c_updated],
    }
