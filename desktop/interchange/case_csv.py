"""CSV import/export: one row per case, for spreadsheets and other lists of victims.

Why a flat, lossy format next to JSON: HQ and partner organisations keep lists in Excel or
LibreOffice, and a field team may receive a spreadsheet of names to enter. One row per case
covers the common core (the detained person, the first detention event, one testifier and
their testimony, consent); everything else needs the JSON format. The columns are listed
in :data:`COLUMNS` and documented in ``docs/formats.md``.

Choices, and why:

* Export is UTF-8 **with** a BOM and ``,`` as delimiter: without the BOM Excel reads UTF-8
  as a legacy code page and mangles Cyrillic, Arabic and Chinese names. Import accepts
  UTF-8 with or without BOM and sniffs ``,`` or ``;`` (what Excel writes in locales that use
  a decimal comma, such as ru-RU and kk-KZ) from the header line.
* CSV injection: a cell that starts with ``=``, ``+``, ``-``, ``@``, tab or carriage return
  is a formula to a spreadsheet. Export prefixes such a cell (and a cell that already starts
  with apostrophes followed by one of those) with one ``'``; import removes exactly one
  apostrophe from such a cell. So ``+7 700 000 0000`` is written ``'+7 700 000 0000`` and
  reads back unchanged, and the round trip is exact for every value.
* Lists inside a cell (tags, citizenships) are joined by ``;``; a literal ``;`` or ``\\``
  inside an item is escaped with ``\\``.
* Every import row goes through :func:`normalize_case`; errors name file, line and column.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
from typing import Any

from desktop.domain.names import detect_script
from desktop.errors import InvalidInputError
from desktop.interchange.case_format import FORMAT_ID, normalize_case
from desktop.interchange.case_json import DEFAULT_MAX_FILE_SIZE, _check_unique, _decode_text

__all__ = ["COLUMNS", "DETENTION_TYPES", "dump_csv", "load_csv"]

COLUMNS: tuple[str, ...] = (
    "id",
    "reference",
    "status",
    "confidentiality",
    "verification",
    "tags",
    "name_latn",
    "name_cyrl",
    "name_arab",
    "name_hans",
    "sex",
    "birth_date",
    "citizenship",
    "ethnicity",
    "detention_type",
    "detention_date",
    "detention_facility",
    "detention_locality",
    "detention_region",
    "detention_country",
    "detention_authority",
    "detention_charges",
    "testifier_name",
    "testifier_script",
    "testifier_relationship",
    "testifier_phone",
    "testimony_language",
    "testimony_medium",
    "testimony_date",
    "testimony_narrative",
    "consent_record",
    "consent_share_with_hq",
    "consent_use_in_appeals",
    "consent_publish",
    "notes",
)

# The event types that count as "the detention" for the detention_* columns.
DETENTION_TYPES = ("detained", "arrested", "disappeared")

NAME_COLUMNS = {"name_latn": "Latn", "name_cyrl": "Cyrl", "name_arab": "Arab", "name_hans": "Hans"}
_SCRIPT_COLUMN = {
    "Latn": "name_latn",
    "Cyrl": "name_cyrl",
    "Arab": "name_arab",
    "Hans": "name_hans",
    "Hant": "name_hans",
    "Hani": "name_hans",
}
_COLUMN_SCRIPTS = set(_SCRIPT_COLUMN)
DETAINED_KEY = "p1"
TESTIFIER_KEY = "p2"

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_NEEDS_QUOTE_RE = re.compile(r"'*[=+\-@\t\r]", re.DOTALL)
_TRUE = {"true", "yes", "1"}
_FALSE = {"false", "no", "0"}
_CONSENT_COLUMNS = (
    ("consent_record", "record"),
    ("consent_share_with_hq", "share_with_hq"),
    ("consent_use_in_appeals", "use_in_appeals"),
    ("consent_publish", "publish"),
)
_MAX_FIELD = 4 * 1_000_000 + 16  # a 1,000,000-character narrative, quoted, with escapes


def _ensure_field_limit() -> None:
    """Let the csv module read cells as long as the case format allows.

    ``csv.field_size_limit`` is process-wide; we only ever raise it, never lower it.
    """
    if csv.field_size_limit() < _MAX_FIELD:
        csv.field_size_limit(_MAX_FIELD)


# --- cell encoding --------------------------------------------------------------------------


def neutralize_cell(value: str) -> str:
    """Defuse a cell a spreadsheet would run as a formula (see module docstring)."""
    return "'" + value if _NEEDS_QUOTE_RE.match(value) else value


def restore_cell(value: str) -> str:
    """Undo :func:`neutralize_cell`: drop one apostrophe before a formula character."""
    if value.startswith("'") and _NEEDS_QUOTE_RE.match(value, 1):
        return value[1:]
    return value


def _join_list(items: list[str]) -> str:
    return ";".join(i.replace("\\", "\\\\").replace(";", "\\;") for i in items)


def _split_list(cell: str) -> list[str]:
    items: list[str] = []
    current: list[str] = []
    chars = iter(cell)
    for ch in chars:
        if ch == "\\":
            current.append(next(chars, "\\"))
        elif ch == ";":
            items.append("".join(current))
            current = []
        else:
            current.append(ch)
    items.append("".join(current))
    return [i.strip() for i in items if i.strip()]


# --- import -----------------------------------------------------------------------------------


class _RowError(Exception):
    def __init__(self, column: str, reason: str) -> None:
        super().__init__(reason)
        self.column = column
        self.reason = reason


def _bool_cell(column: str, cell: str) -> bool:
    low = cell.strip().lower()
    if low in _TRUE:
        return True
    if low in _FALSE:
        return False
    raise _RowError(column, "expected true or false (also yes/no, 1/0)")


def _name_script(column: str, script: str, value: str) -> str:
    """The script of a name found in a ``name_*`` column.

    A name whose letters belong to another column's script is in the wrong column (an
    error: it would be indexed and shown as the wrong script). A name in a script that has
    no column (Greek, Georgian…) may stand in ``name_latn`` and keeps its detected script;
    the export puts such names there.
    """
    found = detect_script(value)
    if script == "Hans":
        if found in {"Hans", "Hant", "Hani", "Zyyy"}:
            return "Hans"
        raise _RowError(column, "the name is not written in Chinese characters")
    if found in {script, "Zyyy"}:
        return script
    if found in _COLUMN_SCRIPTS or script != "Latn":
        raise _RowError(column, f"the name is not written in the {script} script")
    return found


def _row_to_case(row: dict[str, str]) -> tuple[dict[str, Any], dict[str, str]]:
    """Build a raw case dict from one row, plus a map from JSON paths to the source columns.

    The path map lets an error found later by :func:`normalize_case` (say at
    ``$.persons[0].birth_date``) be reported as the column the user can see (``birth_date``).
    """
    origin: dict[str, str] = {}
    case: dict[str, Any] = {"format": FORMAT_ID}

    def cell(name: str) -> str:
        return row.get(name, "")

    for name in ("id", "reference", "status", "confidentiality", "verification"):
        if cell(name).strip():
            case[name] = cell(name).strip()
            origin[f"$.{name}"] = name
    case["tags"] = _split_list(cell("tags"))
    origin["$.tags"] = "tags"

    persons: list[dict[str, Any]] = []
    detained: dict[str, Any] = {}
    names: list[dict[str, Any]] = []
    for column, script in NAME_COLUMNS.items():
        value = cell(column).strip()
        if not value:
            continue
        names.append({"value": value, "script": _name_script(column, script, value)})
        origin[f"$.persons[0].names[{len(names) - 1}]"] = column
    detained_columns = ("sex", "birth_date", "citizenship", "ethnicity")
    if names or any(cell(c).strip() for c in detained_columns):
        if not names:
            raise _RowError("name_latn", "the detained person needs a name in a name_* column")
        detained = {"key": DETAINED_KEY, "role": "detained", "names": names}
        for column, key in (
            ("sex", "sex"),
            ("birth_date", "birth_date"),
            ("ethnicity", "ethnicity"),
        ):
            if cell(column).strip():
                detained[key] = cell(column).strip()
                origin[f"$.persons[0].{key}"] = column
        if cell("citizenship").strip():
            detained["citizenships"] = _split_list(cell("citizenship"))
            origin["$.persons[0].citizenships"] = "citizenship"
        persons.append(detained)

    events: list[dict[str, Any]] = []
    detention_columns = [c for c in COLUMNS if c.startswith("detention_")]
    if any(cell(c).strip() for c in detention_columns):
        kind = cell("detention_type").strip()
        if not kind:
            raise _RowError(
                "detention_type", f"required with detention_* ({', '.join(DETENTION_TYPES)})"
            )
        if kind not in DETENTION_TYPES:
            raise _RowError("detention_type", f"must be one of: {', '.join(DETENTION_TYPES)}")
        event: dict[str, Any] = {"type": kind, "persons": [DETAINED_KEY] if detained else []}
        origin["$.events[0].type"] = "detention_type"
        if cell("detention_date").strip():
            event["date"] = cell("detention_date").strip()
            origin["$.events[0].date"] = "detention_date"
        place: dict[str, str] = {}
        for key in ("facility", "locality", "region", "country"):
            value = cell(f"detention_{key}").strip()
            if value:
                place[key] = value
                origin[f"$.events[0].place.{key}"] = f"detention_{key}"
        if place:
            event["place"] = place
        for key in ("authority", "charges"):
            value = cell(f"detention_{key}")
            if value.strip():
                event[key] = value.strip() if key == "authority" else value
                origin[f"$.events[0].{key}"] = f"detention_{key}"
        events.append(event)

    testimonies: list[dict[str, Any]] = []
    testimony_columns = [c for c in COLUMNS if c.startswith(("testimony_", "consent_"))]
    has_testimony = any(cell(c).strip() for c in testimony_columns)
    testifier_name = cell("testifier_name").strip()
    testifier_used = testifier_name or any(
        cell(c).strip() for c in ("testifier_script", "testifier_relationship", "testifier_phone")
    )
    if testifier_used or has_testimony:
        if not testifier_name:
            raise _RowError("testifier_name", "a testifier or testimony needs the testifier's name")
        index = len(persons)
        tname: dict[str, Any] = {"value": testifier_name}
        origin[f"$.persons[{index}].names[0].value"] = "testifier_name"
        if cell("testifier_script").strip():
            tname["script"] = cell("testifier_script").strip()
            origin[f"$.persons[{index}].names[0].script"] = "testifier_script"
        testifier: dict[str, Any] = {"key": TESTIFIER_KEY, "role": "testifier", "names": [tname]}
        if cell("testifier_relationship").strip():
            if not detained:
                raise _RowError(
                    "testifier_relationship", "a relationship needs a detained person (name_*)"
                )
            testifier["relationship"] = {
                "to": DETAINED_KEY,
                "kind": cell("testifier_relationship").strip(),
            }
            origin[f"$.persons[{index}].relationship"] = "testifier_relationship"
        if cell("testifier_phone").strip():
            testifier["contact"] = {"phone": cell("testifier_phone").strip()}
            origin[f"$.persons[{index}].contact"] = "testifier_phone"
        persons.append(testifier)
    if has_testimony:
        testimony: dict[str, Any] = {"by": TESTIFIER_KEY}
        for column, key in (
            ("testimony_date", "date"),
            ("testimony_language", "language"),
            ("testimony_medium", "medium"),
        ):
            if cell(column).strip():
                testimony[key] = cell(column).strip()
                origin[f"$.testimonies[0].{key}"] = column
        testimony["narrative"] = cell("testimony_narrative")
        origin["$.testimonies[0].narrative"] = "testimony_narrative"
        filled = [c for c, _ in _CONSENT_COLUMNS if cell(c).strip()]
        if filled:
            missing = [c for c, _ in _CONSENT_COLUMNS if c not in filled]
            if missing:
                raise _RowError(missing[0], "give all four consent_* columns or none")
            consent: dict[str, Any] = {}
            for column, key in _CONSENT_COLUMNS:
                origin[f"$.testimonies[0].consent.{key}"] = column
                value = cell(column).strip()
                consent[key] = value if key == "publish" else _bool_cell(column, value)
            testimony["consent"] = consent
        testimonies.append(testimony)

    case["persons"] = persons
    case["events"] = events
    case["testimonies"] = testimonies
    case["notes"] = cell("notes")
    origin["$.notes"] = "notes"
    return case, origin


def _column_for(path: str | None, origin: dict[str, str]) -> str | None:
    if path is None:
        return None
    best: str | None = None
    for prefix in origin:
        if (path == prefix or path.startswith((prefix + ".", prefix + "["))) and (
            best is None or len(prefix) > len(best)
        ):
            best = prefix
    return origin[best] if best is not None else None


def _sniff_delimiter(header_line: str) -> str:
    """``,`` or ``;``: whichever splits the header into more known column names."""
    if ";" not in header_line:
        return ","
    if "," not in header_line:
        return ";"

    def known(delimiter: str) -> int:
        try:
            cells = next(csv.reader([header_line], delimiter=delimiter), [])
        except csv.Error:
            return 0
        return sum(1 for c in cells if c.strip().lower() in COLUMNS)

    return ";" if known(";") > known(",") else ","


def load_csv(
    data: bytes, *, source: str, max_size: int = DEFAULT_MAX_FILE_SIZE
) -> list[dict[str, Any]]:
    """Parse a CSV file of cases (one row per case) and return normalized case dicts.

    The first row must be a header of names from :data:`COLUMNS` (any order, any subset,
    case-insensitive); unknown or repeated columns are errors. Empty rows are skipped. The
    file is accepted whole or not at all; errors name the file, the line and the column.
    """
    _ensure_field_limit()
    text = _decode_text(data, source=source, max_size=max_size)
    if not text.strip():
        raise InvalidInputError("the file contains no header row (it is empty)", source=source)
    first_line = re.split(r"\r\n|\r|\n", text, maxsplit=1)[0]
    delimiter = _sniff_delimiter(first_line)
    if not first_line.strip():
        raise InvalidInputError("the first line must be the header row", source=source, line=1)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    cases: list[dict[str, Any]] = []
    ids: dict[str, int] = {}
    references: dict[str, int] = {}
    header: list[str] | None = None
    line = 1
    try:
        for cells in reader:
            start, line = line, reader.line_num + 1
            if header is None:
                header = _read_header(cells, source=source, line=start)
                continue
            if not any(c.strip() for c in cells):
                continue
            if len(cells) > len(header):
                raise InvalidInputError(
                    f"{len(cells)} cells but the header has {len(header)} columns",
                    source=source,
                    line=start,
                )
            row = {name: restore_cell(value) for name, value in zip(header, cells, strict=False)}
            index = len(cases)
            case = _load_row(row, source=source, line=start, index=index)
            _check_unique(case, index, ids, references, source=source, line=start)
            cases.append(case)
    except csv.Error as exc:
        raise InvalidInputError(f"malformed CSV: {exc}", source=source, line=line) from None
    if header is None:
        raise InvalidInputError("the file contains no header row", source=source)
    return cases


def _read_header(cells: list[str], *, source: str, line: int) -> list[str]:
    header: list[str] = []
    for position, raw in enumerate(cells, start=1):
        name = raw.strip().lower()
        if name not in COLUMNS:
            shown = name if len(name) <= 40 else name[:40] + "…"
            raise InvalidInputError(
                f"column {position}: unknown column {shown!r} (known: {', '.join(COLUMNS)})",
                source=source,
                line=line,
            )
        if name in header:
            raise InvalidInputError(
                f"column {position}: column {name!r} appears twice", source=source, line=line
            )
        header.append(name)
    return header


def _load_row(row: dict[str, str], *, source: str, line: int, index: int) -> dict[str, Any]:
    try:
        raw, origin = _row_to_case(row)
    except _RowError as exc:
        raise InvalidInputError(
            f"column {exc.column}: {exc.reason}", source=source, line=line
        ) from None
    try:
        return normalize_case(raw)
    except InvalidInputError as exc:
        column = _column_for(exc.path, origin)
        reason = f"column {column}: {exc.reason}" if column else exc.reason
        raise InvalidInputError(
            reason, source=source, line=line, path=None if column else exc.path
        ) from None


# --- export -----------------------------------------------------------------------------------


def _first(items: list[dict[str, Any]], **match: Any) -> dict[str, Any] | None:
    for item in items:
        if all(item.get(k) == v for k, v in match.items()):
            return item
    return None


def _accepts(column: str, value: str) -> bool:
    try:
        _name_script(column, NAME_COLUMNS[column], value)
    except _RowError:
        return False
    return True


def _name_cells(names: list[dict[str, Any]]) -> dict[str, str]:
    """The detained person's names by column, chosen so that the row imports again.

    Each column takes the first name whose declared script is the column's (``Hant``/
    ``Hani`` count for ``name_hans``) and whose letters the import will accept there. A name
    that fits no column that way goes to the column of its detected script, or to
    ``name_latn`` for scripts without a column, so a person never loses every name.
    """
    cells: dict[str, str] = {}
    leftovers: list[str] = []
    for name in names:
        value, declared = name["value"], name["script"]
        column = _SCRIPT_COLUMN.get(declared)
        if column is not None and column not in cells and _accepts(column, value):
            cells[column] = value
        else:
            leftovers.append(value)
    for value in leftovers:
        column = _SCRIPT_COLUMN.get(detect_script(value), "name_latn")
        if column not in cells and _accepts(column, value):
            cells[column] = value
    return {c: cells[c] for c in NAME_COLUMNS if c in cells}


def _case_to_row(case: dict[str, Any]) -> dict[str, str]:
    row = dict.fromkeys(COLUMNS, "")
    for name in ("id", "reference", "status", "confidentiality", "verification", "notes"):
        if name in case:
            row[name] = case[name]
    row["tags"] = _join_list(case["tags"])
    persons = case["persons"]
    detained = _first(persons, role="detained")
    if detained is not None:
        row.update(_name_cells(detained["names"]))
        for key in ("sex", "birth_date", "ethnicity"):
            row[key] = detained.get(key, "")
        row["citizenship"] = _join_list(detained.get("citizenships", []))
    event = next((e for e in case["events"] if e["type"] in DETENTION_TYPES), None)
    if event is not None:
        row["detention_type"] = event["type"]
        row["detention_date"] = event.get("date", "")
        for key in ("facility", "locality", "region", "country"):
            row[f"detention_{key}"] = event.get("place", {}).get(key, "")
        row["detention_authority"] = event.get("authority", "")
        row["detention_charges"] = event.get("charges", "")
    testimony = case["testimonies"][0] if case["testimonies"] else None
    if testimony is not None:
        testifier = _first(persons, key=testimony["by"])
    else:
        testifier = _first(persons, role="testifier")
    if testifier is not None and testifier is not detained:
        row["testifier_name"] = testifier["names"][0]["value"]
        row["testifier_script"] = testifier["names"][0]["script"]
        rel = testifier.get("relationship")
        if rel is not None and detained is not None and rel["to"] == detained["key"]:
            row["testifier_relationship"] = rel["kind"]
        row["testifier_phone"] = testifier.get("contact", {}).get("phone", "")
        if testimony is not None:
            row["testimony_language"] = testimony.get("language", "")
            row["testimony_medium"] = testimony.get("medium", "")
            row["testimony_date"] = testimony.get("date", "")
            row["testimony_narrative"] = testimony["narrative"]
            consent = testimony["consent"]
            for column, key in _CONSENT_COLUMNS:
                value = consent[key]
                row[column] = ("true" if value else "false") if isinstance(value, bool) else value
    return row


def dump_csv(cases: list[dict[str, Any]]) -> bytes:
    """Write cases as CSV (UTF-8 with BOM, ``,``, CRLF, all :data:`COLUMNS` in order).

    Lossy by design: only what the columns hold is written (see docs/formats.md). Cases are
    normalized first so the output is deterministic for equal cases.
    """
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=",", lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(COLUMNS)
    for i, raw in enumerate(cases):
        case = normalize_case(raw, source="export", index=i)
        row = _case_to_row(case)
        writer.writerow([neutralize_cell(row[c]) for c in COLUMNS])
    return codecs.BOM_UTF8 + buffer.getvalue().encode("utf-8")
