"""Reading and writing case files in JSON: one object, an array, or JSON Lines.

Why so careful with parsing: import files are outside input (DESIGN §4 threat model: a
tampered USB stick). The standard ``json`` module silently keeps the *last* of two duplicate
keys, accepts ``NaN`` and fails with a bare line/column on a file of 10,000 cases. Here a
duplicate key is an error, non-finite numbers are refused, nesting bombs fail cleanly, and
every error names the file, the record and (where known) the line, so a field worker can fix
the file. A file is accepted whole or not at all: a half-imported file is worse than none.

Writing is deterministic (canonical key order from :func:`normalize_case`, no sorting, fixed
indentation), so exporting, importing and exporting again gives identical bytes.
"""

from __future__ import annotations

import codecs
import json
import math
import os
from collections.abc import Iterable
from typing import Any, Literal

from desktop.errors import InvalidInputError
from desktop.interchange.case_format import normalize_case

__all__ = [
    "DEFAULT_MAX_FILE_SIZE",
    "dump_cases",
    "load_case_files",
    "load_cases",
    "redact_case",
]

DEFAULT_MAX_FILE_SIZE = 512 * 1024 * 1024
_JSON_WS = " \t\n\r"
REDACTED = "[redacted]"


class _DuplicateKeyError(ValueError):
    """Raised from inside the JSON decoder; converted to InvalidInputError with a location."""


class _BadNumberError(ValueError):
    pass


def _pairs_hook(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in pairs:
        if key in out:
            shown = key if len(key) <= 40 else key[:40] + "…"
            raise _DuplicateKeyError(f"duplicate key {shown!r} in an object")
        out[key] = value
    return out


def _reject_constant(name: str) -> Any:
    raise _BadNumberError(f"{name} is not allowed in a case file")


def _parse_float(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise _BadNumberError("a number too large for a case file")
    return value


_DECODER = json.JSONDecoder(
    object_pairs_hook=_pairs_hook, parse_constant=_reject_constant, parse_float=_parse_float
)


def _line_of(text: str, pos: int) -> int:
    return text.count("\n", 0, pos) + 1


def _skip_ws(text: str, pos: int) -> int:
    while pos < len(text) and text[pos] in _JSON_WS:
        pos += 1
    return pos


def _decode_value(
    text: str, pos: int, *, source: str, index: int | None, line_offset: int = 0
) -> tuple[Any, int]:
    """Decode one JSON value at ``pos``; every failure becomes a located InvalidInputError."""
    try:
        return _DECODER.raw_decode(text, pos)
    except json.JSONDecodeError as exc:
        raise InvalidInputError(
            f"invalid JSON: {exc.msg} (column {exc.colno})",
            source=source,
            index=index,
            line=exc.lineno + line_offset,
        ) from None
    except (_DuplicateKeyError, _BadNumberError) as exc:
        raise InvalidInputError(
            str(exc), source=source, index=index, line=_line_of(text, pos) + line_offset
        ) from None
    except RecursionError:
        raise InvalidInputError(
            "JSON nested too deeply",
            source=source,
            index=index,
            line=_line_of(text, pos) + line_offset,
        ) from None
    except ValueError as exc:  # e.g. an integer with more than 4300 digits
        raise InvalidInputError(
            f"invalid JSON: {exc}",
            source=source,
            index=index,
            line=_line_of(text, pos) + line_offset,
        ) from None


def _decode_text(data: bytes, *, source: str, max_size: int) -> str:
    if len(data) > max_size:
        raise InvalidInputError(
            f"file too large ({len(data)} bytes; at most {max_size})", source=source
        )
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise InvalidInputError(
            f"not valid UTF-8 (byte {exc.start})", source=source, line=line
        ) from None


def _parse_records(text: str, *, source: str) -> list[tuple[Any, int, int]]:
    """Split a document into raw records: ``(value, index, line)``.

    The shape is detected from the first value: ``[`` starts an array; an object that is
    followed by more data on later lines means JSON Lines; a lone object is one case.
    """
    pos = _skip_ws(text, 0)
    if pos == len(text):
        raise InvalidInputError("the file contains no case (it is empty)", source=source)
    first = text[pos]
    if first == "[":
        return _parse_array(text, pos, source=source)
    if first != "{":
        raise InvalidInputError(
            "expected a case object, an array of case objects or JSON Lines",
            source=source,
            line=_line_of(text, pos),
        )
    value, end = _decode_value(text, pos, source=source, index=0)
    rest = _skip_ws(text, end)
    if rest == len(text):
        return [(value, 0, _line_of(text, pos))]
    if "\n" in text[pos:end] or "\n" not in text[end:rest]:
        raise InvalidInputError(
            "unexpected data after the first object (a file holds one object, an array, "
            "or JSON Lines: one object per line)",
            source=source,
            line=_line_of(text, rest),
        )
    return _parse_lines(text, source=source)


def _parse_array(text: str, pos: int, *, source: str) -> list[tuple[Any, int, int]]:
    records: list[tuple[Any, int, int]] = []
    line, counted = 1, 0  # counted incrementally: recounting from 0 would be quadratic
    pos = _skip_ws(text, pos + 1)
    if pos < len(text) and text[pos] == "]":
        pos += 1
    else:
        while True:
            index = len(records)
            if pos >= len(text):
                raise InvalidInputError(
                    "the array is not closed with ']'",
                    source=source,
                    index=index,
                    line=_line_of(text, pos),
                )
            line += text.count("\n", counted, pos)
            counted = pos
            value, pos = _decode_value(text, pos, source=source, index=index)
            records.append((value, index, line))
            pos = _skip_ws(text, pos)
            if pos < len(text) and text[pos] == ",":
                pos = _skip_ws(text, pos + 1)
                continue
            if pos < len(text) and text[pos] == "]":
                pos += 1
                break
            raise InvalidInputError(
                "expected ',' or ']' after a record",
                source=source,
                index=index,
                line=_line_of(text, pos),
            )
    rest = _skip_ws(text, pos)
    if rest != len(text):
        raise InvalidInputError(
            "unexpected data after the array", source=source, line=_line_of(text, rest)
        )
    return records


def _parse_lines(text: str, *, source: str) -> list[tuple[Any, int, int]]:
    records: list[tuple[Any, int, int]] = []
    for number, raw in enumerate(text.split("\n"), start=1):
        line = raw.strip(_JSON_WS)
        if not line:
            continue
        index = len(records)
        value, end = _decode_value(line, 0, source=source, index=index, line_offset=number - 1)
        if _skip_ws(line, end) != len(line):
            raise InvalidInputError(
                "unexpected data after the object (JSON Lines: one object per line)",
                source=source,
                index=index,
                line=number,
            )
        records.append((value, index, number))
    return records


def load_cases(
    data: bytes, *, source: str, max_size: int = DEFAULT_MAX_FILE_SIZE
) -> list[dict[str, Any]]:
    """Parse and normalize every case in a JSON file; all or nothing.

    ``data`` is the file's bytes (UTF-8, a BOM is allowed); ``source`` names the file in
    error messages. Raises :class:`InvalidInputError` at the first fault, naming the file,
    the record index and the line or JSON path. Two cases with the same ``id`` or
    ``reference`` in one file are an error too: which one should win is not ours to guess.
    """
    text = _decode_text(data, source=source, max_size=max_size)
    records = _parse_records(text, source=source)
    cases: list[dict[str, Any]] = []
    ids: dict[str, int] = {}
    references: dict[str, int] = {}
    for value, index, line in records:
        if not isinstance(value, dict):
            raise InvalidInputError(
                "a record must be a JSON object", source=source, index=index, line=line
            )
        case = normalize_case(value, source=source, index=index)
        _check_unique(case, index, ids, references, source=source)
        cases.append(case)
    return cases


def _check_unique(
    case: dict[str, Any],
    index: int,
    ids: dict[str, int],
    references: dict[str, int],
    *,
    source: str,
    line: int | None = None,
) -> None:
    """Refuse a second case with an id/reference already seen in the same file."""
    for key, seen in (("id", ids), ("reference", references)):
        value = case.get(key)
        if value is None:
            continue
        if value in seen:
            raise InvalidInputError(
                f"same {key} as record {seen[value]} in this file",
                source=source,
                index=index,
                path=f"$.{key}",
                line=line,
            )
        seen[value] = index


def _looks_like_csv(path: str, head: bytes) -> bool:
    ext = os.path.splitext(path)[1].lower()
    if ext in {".csv", ".tsv"}:
        return True
    if ext in {".json", ".jsonl", ".ndjson"}:
        return False
    if head.startswith(codecs.BOM_UTF8):
        head = head[len(codecs.BOM_UTF8) :]
    stripped = head.lstrip(b" \t\r\n")
    return not stripped.startswith((b"{", b"["))


def load_case_files(
    paths: Iterable[str | os.PathLike[str]], *, max_size: int = DEFAULT_MAX_FILE_SIZE
) -> list[dict[str, Any]]:
    """Read every file (JSON or CSV, by extension or by sniffing) and return all cases.

    Each file is validated whole before anything is returned, so an error in the third file
    means nothing is imported. Duplicates *across* files are not an error: importing a case
    whose id exists updates it (DESIGN §7), so a later file may update an earlier one.
    """
    from desktop.interchange.case_csv import load_csv  # local: case_csv imports this module

    cases: list[dict[str, Any]] = []
    for raw_path in paths:
        path = os.fspath(raw_path)
        try:
            size = os.path.getsize(path)
            if size > max_size:
                raise InvalidInputError(
                    f"file too large ({size} bytes; at most {max_size})", source=path
                )
            with open(path, "rb") as handle:
                data = handle.read(max_size + 1)
        except OSError as exc:
            raise InvalidInputError(
                f"cannot read the file ({exc.strerror or type(exc).__name__})", source=path
            ) from None
        if _looks_like_csv(path, data[:1024]):
            cases.extend(load_csv(data, source=path, max_size=max_size))
        else:
            cases.extend(load_cases(data, source=path, max_size=max_size))
    return cases


def dump_cases(cases: Iterable[dict[str, Any]], fmt: Literal["json", "jsonl"] = "json") -> bytes:
    """Serialize cases as a pretty JSON array (``json``) or JSON Lines (``jsonl``).

    Every case is passed through :func:`normalize_case` first, so an export is always in
    canonical form and can always be imported again; a case that does not validate raises
    :class:`InvalidInputError` (record index = position in ``cases``) instead of writing a
    file that would be refused later.
    """
    normalized = [normalize_case(c, source="export", index=i) for i, c in enumerate(cases)]
    if fmt == "json":
        text = json.dumps(normalized, indent=2, ensure_ascii=False, allow_nan=False)
        return (text + "\n").encode("utf-8")
    if fmt == "jsonl":
        return "".join(
            json.dumps(c, ensure_ascii=False, separators=(",", ":"), allow_nan=False) + "\n"
            for c in normalized
        ).encode("utf-8")
    raise ValueError(f"unknown format {fmt!r} (expected 'json' or 'jsonl')")


# --- redaction ----------------------------------------------------------------------------

_PLACE_PUBLIC_DETAINED = ("facility", "locality", "region", "country")
_ROLE_LABEL = {
    "detained": "detained person",
    "testifier": "testifier",
    "witness": "witness",
    "other": "other person",
}


def _year_only(edtf: str) -> str | None:
    """Reduce an EDTF birth date to its year (``1979-05-03`` → ``1979``); None if unknown."""
    head = edtf.split("/", 1)[0].rstrip("?~%")
    if len(head) >= 4 and head[:4].isdigit():
        return head[:4]
    return None


def _keep_place(place: dict[str, Any] | None, keys: tuple[str, ...]) -> dict[str, Any] | None:
    if place is None:
        return None
    kept = {k: v for k, v in place.items() if k in keys}
    return kept or None


def _publishable(case: dict[str, Any]) -> bool:
    """May the detained person be named? Only if someone agreed to publication.

    Naming the detained person also exposes the family; we publish a name only when the case
    is marked public or at least one testimony's consent allows publication.
    """
    if case["confidentiality"] == "public":
        return True
    return any(t["consent"]["publish"] != "no" for t in case["testimonies"])


def _redact_detained(
    p: dict[str, Any], label: str, named: bool, renamed: dict[str, str]
) -> dict[str, Any]:
    """The detained person's public details; fewer when they may not be named.

    Unnamed, a birth village plus a birth date can identify a person as well as a name, so
    places shrink to region and country and occupation is dropped.
    """
    out: dict[str, Any] = {}
    out["names"] = (
        [dict(n) for n in p["names"]]
        if named
        else [{"value": f"{REDACTED} {label}", "script": "Latn"}]
    )
    place_keys = ("locality", "region", "country") if named else ("region", "country")
    if "sex" in p:
        out["sex"] = p["sex"]
    if "birth_date" in p:
        year = _year_only(p["birth_date"])
        if year is not None:
            out["birth_date"] = year
    for key in ("birth_place", "residence"):
        place = _keep_place(p.get(key), place_keys)
        if place is not None:
            out[key] = place
    if "ethnicity" in p:
        out["ethnicity"] = p["ethnicity"]
    if "citizenships" in p:
        out["citizenships"] = list(p["citizenships"])
    if named and "occupation" in p:
        out["occupation"] = p["occupation"]
    if named and "documents" in p:
        out["documents"] = [
            {k: v for k, v in d.items() if k in ("type", "country")} for d in p["documents"]
        ]
    if "relationship" in p:
        out["relationship"] = {
            "to": renamed[p["relationship"]["to"]],
            "kind": p["relationship"]["kind"],
        }
    return out


def redact_case(case: dict[str, Any]) -> dict[str, Any]:
    """Return a copy of a case that HQ may publish (``export --redact``); see docs/formats.md.

    Policy, in short: nobody but the detained person is identifiable (testifiers, witnesses
    and others become "[redacted] <role>" and keep only sex, citizenship, country of
    residence and their relationship); no contact details, document numbers, internal
    notes, attachments, interviewer names or letter references leave; birth dates shrink to
    the year. Narratives are kept only when the testifier agreed to publication, source links
    only when they agreed to be named. The detained person is named (and event descriptions
    kept) only when the case is public or some testimony allows publication, because naming
    them also exposes the family. Person keys are renumbered ``p1``, ``p2``… because a
    hand-written key may itself be a name. The result is itself a valid, normalized case.
    """
    src = normalize_case(case, source="redact")
    named = _publishable(src)
    renamed = {p["key"]: f"p{i}" for i, p in enumerate(src["persons"], start=1)}
    counters: dict[str, int] = {}
    role_totals: dict[str, int] = {}
    for p in src["persons"]:
        role_totals[p["role"]] = role_totals.get(p["role"], 0) + 1

    persons: list[dict[str, Any]] = []
    for p in src["persons"]:
        role = p["role"]
        counters[role] = counters.get(role, 0) + 1
        label = _ROLE_LABEL[role]
        if role_totals[role] > 1:
            label = f"{label} {counters[role]}"
        out: dict[str, Any] = {"key": renamed[p["key"]], "role": role}
        if role == "detained":
            out.update(_redact_detained(p, label, named, renamed))
        else:
            out["names"] = [{"value": f"{REDACTED} {label}", "script": "Latn"}]
            if "sex" in p:
                out["sex"] = p["sex"]
            if "citizenships" in p:
                out["citizenships"] = list(p["citizenships"])
            country_only = _keep_place(p.get("residence"), ("country",))
            if country_only is not None:
                out["residence"] = country_only
            if "relationship" in p:
                out["relationship"] = {
                    "to": renamed[p["relationship"]["to"]],
                    "kind": p["relationship"]["kind"],
                }
        persons.append(out)

    events: list[dict[str, Any]] = []
    for e in src["events"]:
        ev: dict[str, Any] = {
            k: v for k, v in e.items() if k != "place" and (named or k != "description")
        }
        ev["persons"] = [renamed[k] for k in e["persons"]]
        place = _keep_place(e.get("place"), _PLACE_PUBLIC_DETAINED)
        if place is not None:
            ev["place"] = place
        events.append(ev)

    testimonies: list[dict[str, Any]] = []
    for t in src["testimonies"]:
        publish = t["consent"]["publish"]
        tm: dict[str, Any] = {"by": renamed[t["by"]]}
        for key in ("date", "language", "medium"):
            if key in t:
                tm[key] = t[key]
        country_only = _keep_place(t.get("place"), ("country",))
        if country_only is not None:
            tm["place"] = country_only
        tm["sources"] = list(t["sources"]) if publish == "named" else []
        tm["narrative"] = t["narrative"] if publish != "no" else ""
        tm["consent"] = dict(t["consent"])
        testimonies.append(tm)

    appeals = [
        {
            k: v
            for k, v in a.items()
            if k in ("recipient", "language", "date", "status", "response", "response_date")
        }
        for a in src["appeals"]
    ]

    redacted: dict[str, Any] = {"format": src["format"]}
    for key in ("id", "reference", "status", "confidentiality", "verification", "tags"):
        if key in src:
            redacted[key] = src[key]
    redacted.update(
        persons=persons,
        events=events,
        testimonies=testimonies,
        appeals=appeals,
        attachments=[],
        notes="",
    )
    for key in ("created", "updated"):
        if key in src:
            redacted[key] = src[key]
    return normalize_case(redacted, source="redact")
