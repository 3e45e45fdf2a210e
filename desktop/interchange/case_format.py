"""The JSON case format (DESIGN §7): strict validation and the one canonical form.

Why a canonical form: a case travels field laptop → JSON/CSV → store → bundle → HQ store →
export, and every hop must agree on what "the same case" is. :func:`normalize_case` turns any
acceptable case object into a *new* dict with defaults filled, keys in a fixed order, codes
normalised and optional empties removed, so that ``normalize_case(normalize_case(x)) ==
normalize_case(x)`` and the store can map the dict to rows and back without loss. Exporting
then re-importing therefore yields byte-identical JSON.

Why strict: the files come from outside (USB sticks, e-mail, other tools). A misspelt key
that were silently dropped would lose a testimony without anyone noticing, so unknown keys,
wrong types and bad codes are errors that name the exact place (``$.persons[1].names[0].
script``). Error messages never echo free text, only codes, because the CLI prints them and
a terminal log must not collect names.

This module is pure: no I/O, no Qt, no database; it only calls ``desktop.domain``.
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Callable, Mapping
from functools import lru_cache
from typing import Any, NoReturn

from desktop.domain import vocab
from desktop.domain.countries import is_country
from desktop.domain.edtf import EDTFDate, parse_edtf
from desktop.domain.names import detect_script
from desktop.errors import InvalidInputError

__all__ = [
    "FORMAT_ID",
    "MAX_LIST_ITEMS",
    "MAX_STRING_CHARS",
    "normalize_case",
]

FORMAT_ID = "testimony-desk.case/1"

# Abuse limits. A real case has a handful of persons and events; a narrative is a few pages.
# The limits are far above that and only stop a hostile or corrupt file from exhausting memory
# downstream (full-text index, PDF rendering).
MAX_STRING_CHARS = 1_000_000
MAX_LIST_ITEMS = 10_000
MAX_REFERENCE_CHARS = 64
MAX_SHORT_CHARS = 1_000  # names, places, authorities: one line of text
MAX_FILENAME_CHARS = 255
MAX_SIZE = 2**63 - 1  # fits a signed 64-bit database column

# Canonical key order of every object. The order of these tuples *is* the output order.
CASE_KEYS = (
    "format",
    "id",
    "reference",
    "status",
    "confidentiality",
    "verification",
    "tags",
    "persons",
    "events",
    "testimonies",
    "appeals",
    "attachments",
    "notes",
    "created",
    "updated",
)
PERSON_KEYS = (
    "key",
    "role",
    "names",
    "sex",
    "birth_date",
    "birth_place",
    "ethnicity",
    "citizenships",
    "residence",
    "occupation",
    "documents",
    "contact",
    "relationship",
    "notes",
)
NAME_KEYS = ("value", "script", "lang")
PLACE_KEYS = ("facility", "address", "locality", "region", "country")
DOCUMENT_KEYS = ("type", "number", "country", "issued", "expires")
CONTACT_KEYS = ("phone", "email", "address", "messenger")
RELATIONSHIP_KEYS = ("to", "kind")
EVENT_KEYS = ("type", "date", "persons", "place", "authority", "charges", "description")
TESTIMONY_KEYS = (
    "by",
    "date",
    "place",
    "language",
    "medium",
    "sources",
    "interviewer",
    "narrative",
    "consent",
)
CONSENT_KEYS = ("record", "share_with_hq", "use_in_appeals", "publish")
APPEAL_KEYS = (
    "recipient",
    "template",
    "language",
    "date",
    "reference",
    "status",
    "pdf_sha256",
    "response",
    "response_date",
    "follow_up",
    "notes",
)
ATTACHMENT_KEYS = ("id", "filename", "media_type", "sha256", "size", "caption", "date")

# Conservative consent when a testimony carries none: recording is implied by the record
# existing; anything that moves the testimony further needs an explicit yes.
DEFAULT_CONSENT: dict[str, Any] = {
    "record": True,
    "share_with_hq": False,
    "use_in_appeals": False,
    "publish": "no",
}

_UUID_RE = re.compile(r"[0-9a-fA-F]{8}(?:-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12}")
_SHA256_RE = re.compile(r"[0-9a-fA-F]{64}")
_SCRIPT_RE = re.compile(r"[A-Z][a-z]{3}")
_LANG_RE = re.compile(r"[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*")
_PERSON_KEY_RE = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}")
_EMAIL_RE = re.compile(r"[^@\s]+@[^@\s]+")
_URL_RE = re.compile(r"https?://[^\s/?#]+[^\s]*", re.IGNORECASE)
_MEDIA_TYPE_RE = re.compile(
    r"[a-z0-9][a-z0-9!#$&^_.+-]{0,126}/[a-z0-9][a-z0-9!#$&^_.+-]{0,126}", re.IGNORECASE
)
_TIMESTAMP_RE = re.compile(
    r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(?:\.[0-9]{1,9})?(?:Z|[+-][0-9]{2}:[0-9]{2})"
)
# C0/C1 control characters other than tab, LF and CR, and lone surrogates (which JSON's
# "\ud800" escapes can produce but UTF-8 cannot encode). NUL is also refused by PostgreSQL.
# Format characters (ZWNJ, RLM, …) are *not* here: Uyghur and Persian text needs them.
_BAD_CHARS_RE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")
_IDENT_RE = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def _fail(path: str, reason: str) -> NoReturn:
    raise InvalidInputError(reason, path=path)


def _kind(value: object) -> str:
    """The JSON name of a Python value's type, for "expected X, got Y" messages."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int | float):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, list | tuple):
        return "array"
    if isinstance(value, Mapping):
        return "object"
    return type(value).__name__


def _show(value: str, limit: int = 40) -> str:
    """Quote a *code-like* value for a message, cut short (never used for free text)."""
    if len(value) > limit:
        value = value[:limit] + "…"
    return repr(value)


def _child(path: str, key: object) -> str:
    text = str(key)
    if _IDENT_RE.fullmatch(text):
        return f"{path}.{text}"
    if len(text) > 40:
        text = text[:40] + "…"
    return f"{path}[{text!r}]"


def _object(value: object, path: str, allowed: tuple[str, ...]) -> dict[str, Any]:
    """Check an object's keys and return its members without the null ones.

    Null means "absent" for every optional key, so that tools which always write every key
    (with null for the unknown) produce the same canonical case as tools which omit them.
    """
    if not isinstance(value, Mapping):
        _fail(path, f"expected an object, got {_kind(value)}")
    for key in value:
        if not isinstance(key, str) or key not in allowed:
            _fail(_child(path, key), f"unknown key (allowed: {', '.join(allowed)})")
    return {k: v for k, v in value.items() if v is not None}


def _list(value: object, path: str) -> list[Any]:
    if not isinstance(value, list | tuple):
        _fail(path, f"expected an array, got {_kind(value)}")
    if len(value) > MAX_LIST_ITEMS:
        _fail(path, f"too many items ({len(value)}; at most {MAX_LIST_ITEMS})")
    return list(value)


def _text(value: object, path: str, *, limit: int = MAX_STRING_CHARS) -> str:
    """Any string: checked for type, length and characters, returned verbatim."""
    if not isinstance(value, str):
        _fail(path, f"expected a string, got {_kind(value)}")
    if len(value) > limit:
        _fail(path, f"text too long ({len(value)} characters; at most {limit})")
    bad = _BAD_CHARS_RE.search(value)
    if bad is not None:
        _fail(path, f"contains the control character U+{ord(bad.group()):04X}")
    return value


def _short(value: object, path: str, *, limit: int = MAX_SHORT_CHARS) -> str:
    """A one-line field (name, place, authority): outer whitespace is not data."""
    return _text(value, path, limit=limit).strip()


def _required_short(value: object, path: str, *, limit: int = MAX_SHORT_CHARS) -> str:
    text = _short(value, path, limit=limit)
    if not text:
        _fail(path, "must not be empty")
    return text


def _bool(value: object, path: str) -> bool:
    if not isinstance(value, bool):
        _fail(path, f"expected true or false, got {_kind(value)}")
    return value


def _vocab(value: object, path: str, vocabulary: vocab.Vocabulary) -> str:
    if not isinstance(value, str):
        _fail(path, f"expected a string, got {_kind(value)}")
    if value not in vocabulary:
        _fail(path, f"{_show(value)} is not one of: {', '.join(vocabulary.keys)}")
    return value


@lru_cache(maxsize=4096)
def _parse_edtf_cached(text: str) -> EDTFDate:
    """Dates repeat across a file (``2018``, ``2018-03``); parsed values are immutable."""
    return parse_edtf(text)


def _edtf_parsed(value: object, path: str) -> EDTFDate:
    text = _text(value, path, limit=64)
    try:
        return _parse_edtf_cached(text)
    except ValueError as exc:  # EDTFError is a ValueError
        _fail(path, f"not a supported EDTF date: {exc}")


def _edtf(value: object, path: str) -> str:
    return _edtf_parsed(value, path).text


def _country(value: object, path: str) -> str:
    if not isinstance(value, str):
        _fail(path, f"expected a string, got {_kind(value)}")
    if not is_country(value):
        _fail(
            path,
            f"{_show(value)} is not an ISO 3166-1 alpha-2 country code (upper case, e.g. KZ)",
        )
    return value


def _lang(value: object, path: str) -> str:
    if not isinstance(value, str):
        _fail(path, f"expected a string, got {_kind(value)}")
    if len(value) > 64 or not _LANG_RE.fullmatch(value):
        _fail(path, f"{_show(value)} is not a language tag such as 'kk', 'ru' or 'ug-Arab'")
    return value


def _sha256(value: object, path: str) -> str:
    if not isinstance(value, str):
        _fail(path, f"expected a string, got {_kind(value)}")
    if not _SHA256_RE.fullmatch(value):
        _fail(path, "not a SHA-256 digest (64 hexadecimal digits)")
    return value.lower()


def _uuid(value: object, path: str) -> str:
    if not isinstance(value, str):
        _fail(path, f"expected a string, got {_kind(value)}")
    if not _UUID_RE.fullmatch(value):
        _fail(path, f"{_show(value)} is not a UUID (xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx)")
    return value.lower()


def _timestamp(value: object, path: str) -> tuple[str, _dt.datetime]:
    if not isinstance(value, str):
        _fail(path, f"expected a string, got {_kind(value)}")
    if not _TIMESTAMP_RE.fullmatch(value):
        _fail(path, f"{_show(value)} is not a UTC timestamp like 2026-01-31T09:30:00Z")
    zone = "+00:00" if value.endswith("Z") else value[-6:]
    try:
        # Fractions of a second are dropped: the contract stores whole seconds.
        moment = _dt.datetime.fromisoformat(value[:19] + zone)
        moment = moment.astimezone(_dt.UTC)
    except (ValueError, OverflowError):
        _fail(path, f"{_show(value)} is not a valid date and time")
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ"), moment


def _unique_strings(
    value: object, path: str, item: Callable[[object, str], str], *, allow_empty: bool = True
) -> list[str]:
    out: list[str] = []
    for i, raw in enumerate(_list(value, path)):
        text = item(raw, f"{path}[{i}]")
        if text not in out:
            out.append(text)
    if not out and not allow_empty:
        _fail(path, "must not be empty")
    return out


def _place(value: object, path: str) -> dict[str, Any]:
    members = _object(value, path, PLACE_KEYS)
    out: dict[str, Any] = {}
    for key in PLACE_KEYS:
        if key not in members:
            continue
        sub = f"{path}.{key}"
        text = _country(members[key], sub) if key == "country" else _short(members[key], sub)
        if text:
            out[key] = text
    if not out:
        _fail(path, f"a place needs at least one of: {', '.join(PLACE_KEYS)}")
    return out


def _name(value: object, path: str) -> dict[str, Any]:
    members = _object(value, path, NAME_KEYS)
    if "value" not in members:
        _fail(f"{path}.value", "missing")
    text = _required_short(members["value"], f"{path}.value")
    if "script" in members:
        script = members["script"]
        if not isinstance(script, str):
            _fail(f"{path}.script", f"expected a string, got {_kind(script)}")
        if not _SCRIPT_RE.fullmatch(script):
            _fail(
                f"{path}.script",
                f"{_show(script)} is not an ISO 15924 script code (Title case, e.g. Cyrl)",
            )
    else:
        script = detect_script(text)
    out: dict[str, Any] = {"value": text, "script": script}
    if "lang" in members:
        out["lang"] = _lang(members["lang"], f"{path}.lang")
    return out


def _document(value: object, path: str) -> dict[str, Any]:
    members = _object(value, path, DOCUMENT_KEYS)
    if "type" not in members:
        _fail(f"{path}.type", "missing")
    out: dict[str, Any] = {"type": _vocab(members["type"], f"{path}.type", vocab.DOCUMENT_TYPE)}
    if "number" in members:
        number = _short(members["number"], f"{path}.number")
        if number:
            out["number"] = number
    if "country" in members:
        out["country"] = _country(members["country"], f"{path}.country")
    issued = expires = None
    if "issued" in members:
        issued = _edtf_parsed(members["issued"], f"{path}.issued")
        out["issued"] = issued.text
    if "expires" in members:
        expires = _edtf_parsed(members["expires"], f"{path}.expires")
        out["expires"] = expires.text
    if issued is not None and expires is not None and issued.lower > expires.upper:
        _fail(f"{path}.expires", "a document cannot expire before it was issued")
    return out


def _contact(value: object, path: str) -> dict[str, Any] | None:
    members = _object(value, path, CONTACT_KEYS)
    out: dict[str, Any] = {}
    for key in CONTACT_KEYS:
        if key not in members:
            continue
        sub = f"{path}.{key}"
        text = _short(members[key], sub)
        if key == "email" and text and not _EMAIL_RE.fullmatch(text):
            _fail(sub, "not an e-mail address")
        if text:
            out[key] = text
    return out or None


def _person(value: object, path: str) -> dict[str, Any]:
    members = _object(value, path, PERSON_KEYS)
    for required in ("key", "role", "names"):
        if required not in members:
            _fail(f"{path}.{required}", "missing")
    key = members["key"]
    if not isinstance(key, str):
        _fail(f"{path}.key", f"expected a string, got {_kind(key)}")
    if not _PERSON_KEY_RE.fullmatch(key):
        _fail(
            f"{path}.key",
            f"{_show(key)} is not a person key (letters, digits, '_', '.', ':', '-'; "
            "at most 64; e.g. p1)",
        )
    out: dict[str, Any] = {
        "key": key,
        "role": _vocab(members["role"], f"{path}.role", vocab.ROLE),
    }
    names = _list(members["names"], f"{path}.names")
    if not names:
        _fail(f"{path}.names", "a person needs at least one name")
    out["names"] = [_name(n, f"{path}.names[{i}]") for i, n in enumerate(names)]
    if "sex" in members:
        out["sex"] = _vocab(members["sex"], f"{path}.sex", vocab.SEX)
    if "birth_date" in members:
        out["birth_date"] = _edtf(members["birth_date"], f"{path}.birth_date")
    if "birth_place" in members:
        out["birth_place"] = _place(members["birth_place"], f"{path}.birth_place")
    for key_name in ("ethnicity",):
        if key_name in members:
            text = _short(members[key_name], f"{path}.{key_name}")
            if text:
                out[key_name] = text
    if "citizenships" in members:
        codes = _unique_strings(members["citizenships"], f"{path}.citizenships", _country)
        if codes:
            out["citizenships"] = codes
    if "residence" in members:
        out["residence"] = _place(members["residence"], f"{path}.residence")
    if "occupation" in members:
        text = _short(members["occupation"], f"{path}.occupation")
        if text:
            out["occupation"] = text
    if "documents" in members:
        docs = _list(members["documents"], f"{path}.documents")
        if docs:
            out["documents"] = [_document(d, f"{path}.documents[{i}]") for i, d in enumerate(docs)]
    if "contact" in members:
        contact = _contact(members["contact"], f"{path}.contact")
        if contact is not None:
            out["contact"] = contact
    if "relationship" in members:
        rel = _object(members["relationship"], f"{path}.relationship", RELATIONSHIP_KEYS)
        for required in RELATIONSHIP_KEYS:
            if required not in rel:
                _fail(f"{path}.relationship.{required}", "missing")
        to = rel["to"]
        if not isinstance(to, str):
            _fail(f"{path}.relationship.to", f"expected a string, got {_kind(to)}")
        out["relationship"] = {
            "to": to,
            "kind": _vocab(rel["kind"], f"{path}.relationship.kind", vocab.RELATIONSHIP),
        }
    if "notes" in members:
        notes = _text(members["notes"], f"{path}.notes")
        if notes:
            out["notes"] = notes
    return out


def _event(value: object, path: str, persons: set[str]) -> dict[str, Any]:
    members = _object(value, path, EVENT_KEYS)
    if "type" not in members:
        _fail(f"{path}.type", "missing")
    out: dict[str, Any] = {"type": _vocab(members["type"], f"{path}.type", vocab.EVENT_TYPE)}
    if "date" in members:
        out["date"] = _edtf(members["date"], f"{path}.date")
    refs = _unique_strings(members.get("persons", []), f"{path}.persons", _code_string)
    for i, ref in enumerate(refs):
        if ref not in persons:
            _fail(f"{path}.persons[{i}]", f"{_show(ref)} is not the key of a person in this case")
    out["persons"] = refs
    if "place" in members:
        out["place"] = _place(members["place"], f"{path}.place")
    if "authority" in members:
        text = _short(members["authority"], f"{path}.authority")
        if text:
            out["authority"] = text
    for key in ("charges", "description"):
        if key in members:
            text = _text(members[key], f"{path}.{key}")
            if text:
                out[key] = text
    return out


def _code_string(value: object, path: str) -> str:
    if not isinstance(value, str):
        _fail(path, f"expected a string, got {_kind(value)}")
    return _text(value, path, limit=MAX_SHORT_CHARS)


def _url(value: object, path: str) -> str:
    text = _short(value, path, limit=8192)
    if not _URL_RE.fullmatch(text):
        _fail(path, "not an http(s) URL")
    return text


def _consent(value: object, path: str) -> dict[str, Any]:
    members = _object(value, path, CONSENT_KEYS)
    for required in CONSENT_KEYS:
        if required not in members:
            _fail(
                f"{path}.{required}",
                "missing (a consent object must state record, share_with_hq, "
                "use_in_appeals and publish)",
            )
    return {
        "record": _bool(members["record"], f"{path}.record"),
        "share_with_hq": _bool(members["share_with_hq"], f"{path}.share_with_hq"),
        "use_in_appeals": _bool(members["use_in_appeals"], f"{path}.use_in_appeals"),
        "publish": _vocab(members["publish"], f"{path}.publish", vocab.PUBLISH),
    }


def _testimony(value: object, path: str, persons: set[str]) -> dict[str, Any]:
    members = _object(value, path, TESTIMONY_KEYS)
    if "by" not in members:
        _fail(f"{path}.by", "missing")
    by = _code_string(members["by"], f"{path}.by")
    if by not in persons:
        _fail(f"{path}.by", f"{_show(by)} is not the key of a person in this case")
    out: dict[str, Any] = {"by": by}
    if "date" in members:
        out["date"] = _edtf(members["date"], f"{path}.date")
    if "place" in members:
        out["place"] = _place(members["place"], f"{path}.place")
    if "language" in members:
        out["language"] = _lang(members["language"], f"{path}.language")
    if "medium" in members:
        out["medium"] = _vocab(members["medium"], f"{path}.medium", vocab.MEDIUM)
    out["sources"] = _unique_strings(members.get("sources", []), f"{path}.sources", _url)
    if "interviewer" in members:
        text = _short(members["interviewer"], f"{path}.interviewer")
        if text:
            out["interviewer"] = text
    out["narrative"] = _text(members.get("narrative", ""), f"{path}.narrative")
    out["consent"] = (
        _consent(members["consent"], f"{path}.consent")
        if "consent" in members
        else dict(DEFAULT_CONSENT)
    )
    return out


def _appeal(value: object, path: str) -> dict[str, Any]:
    members = _object(value, path, APPEAL_KEYS)
    if "recipient" not in members:
        _fail(f"{path}.recipient", "missing")
    out: dict[str, Any] = {"recipient": _required_short(members["recipient"], f"{path}.recipient")}
    if "template" in members:
        text = _short(members["template"], f"{path}.template")
        if text:
            out["template"] = text
    if "language" in members:
        out["language"] = _lang(members["language"], f"{path}.language")
    if "date" in members:
        out["date"] = _edtf(members["date"], f"{path}.date")
    if "reference" in members:
        text = _short(members["reference"], f"{path}.reference")
        if text:
            out["reference"] = text
    out["status"] = _vocab(members.get("status", "drafted"), f"{path}.status", vocab.APPEAL_STATUS)
    if "pdf_sha256" in members:
        out["pdf_sha256"] = _sha256(members["pdf_sha256"], f"{path}.pdf_sha256")
    if "response" in members:
        out["response"] = _vocab(members["response"], f"{path}.response", vocab.OFFICIAL_RESPONSE)
    for key in ("response_date", "follow_up"):
        if key in members:
            out[key] = _edtf(members[key], f"{path}.{key}")
    if "notes" in members:
        notes = _text(members["notes"], f"{path}.notes")
        if notes:
            out["notes"] = notes
    return out


def _filename(value: object, path: str) -> str:
    name = _required_short(value, path, limit=MAX_FILENAME_CHARS)
    # Metadata only, but whoever saves the file later will use this name: no directories.
    if "/" in name or "\\" in name or name in {".", ".."}:
        _fail(path, "a file name must not contain a directory ('/' or '\\')")
    return name


def _attachment(value: object, path: str) -> dict[str, Any]:
    members = _object(value, path, ATTACHMENT_KEYS)
    for required in ("id", "filename", "media_type", "sha256", "size"):
        if required not in members:
            _fail(f"{path}.{required}", "missing")
    media_type = members["media_type"]
    if not isinstance(media_type, str):
        _fail(f"{path}.media_type", f"expected a string, got {_kind(media_type)}")
    if not _MEDIA_TYPE_RE.fullmatch(media_type):
        _fail(f"{path}.media_type", f"{_show(media_type)} is not a media type like image/jpeg")
    size = members["size"]
    if not isinstance(size, int) or isinstance(size, bool):
        _fail(f"{path}.size", f"expected a whole number, got {_kind(size)}")
    if not 0 <= size <= MAX_SIZE:
        _fail(f"{path}.size", "must be a whole number of bytes, 0 or more")
    out: dict[str, Any] = {
        "id": _uuid(members["id"], f"{path}.id"),
        "filename": _filename(members["filename"], f"{path}.filename"),
        "media_type": media_type.lower(),
        "sha256": _sha256(members["sha256"], f"{path}.sha256"),
        "size": size,
    }
    if "caption" in members:
        caption = _text(members["caption"], f"{path}.caption")
        if caption:
            out["caption"] = caption
    if "date" in members:
        out["date"] = _edtf(members["date"], f"{path}.date")
    return out


def _tag(value: object, path: str) -> str:
    return _required_short(value, path, limit=200)


def _normalize(obj: object) -> dict[str, Any]:
    members = _object(obj, "$", CASE_KEYS)
    out: dict[str, Any] = {}

    fmt = members.get("format", FORMAT_ID)
    if fmt != FORMAT_ID:
        shown = _show(fmt) if isinstance(fmt, str) else _kind(fmt)
        _fail("$.format", f"{shown} is not supported (expected {FORMAT_ID!r})")
    out["format"] = FORMAT_ID
    if "id" in members:
        out["id"] = _uuid(members["id"], "$.id")
    if "reference" in members:
        out["reference"] = _required_short(
            members["reference"], "$.reference", limit=MAX_REFERENCE_CHARS
        )
    out["status"] = _vocab(members.get("status", "open"), "$.status", vocab.STATUS)
    out["confidentiality"] = _vocab(
        members.get("confidentiality", "restricted"), "$.confidentiality", vocab.CONFIDENTIALITY
    )
    out["verification"] = _vocab(
        members.get("verification", "reported"), "$.verification", vocab.VERIFICATION
    )
    out["tags"] = _unique_strings(members.get("tags", []), "$.tags", _tag)

    persons = [
        _person(p, f"$.persons[{i}]")
        for i, p in enumerate(_list(members.get("persons", []), "$.persons"))
    ]
    keys: dict[str, int] = {}
    for i, person in enumerate(persons):
        if person["key"] in keys:
            _fail(
                f"$.persons[{i}].key",
                f"{_show(person['key'])} is already the key of $.persons[{keys[person['key']]}]",
            )
        keys[person["key"]] = i
    for i, person in enumerate(persons):
        rel = person.get("relationship")
        if rel is None:
            continue
        if rel["to"] == person["key"]:
            _fail(f"$.persons[{i}].relationship.to", "a person cannot be related to themselves")
        if rel["to"] not in keys:
            _fail(
                f"$.persons[{i}].relationship.to",
                f"{_show(rel['to'])} is not the key of a person in this case",
            )
    out["persons"] = persons
    known = set(keys)
    out["events"] = [
        _event(e, f"$.events[{i}]", known)
        for i, e in enumerate(_list(members.get("events", []), "$.events"))
    ]
    out["testimonies"] = [
        _testimony(t, f"$.testimonies[{i}]", known)
        for i, t in enumerate(_list(members.get("testimonies", []), "$.testimonies"))
    ]
    out["appeals"] = [
        _appeal(a, f"$.appeals[{i}]")
        for i, a in enumerate(_list(members.get("appeals", []), "$.appeals"))
    ]
    attachments = [
        _attachment(a, f"$.attachments[{i}]")
        for i, a in enumerate(_list(members.get("attachments", []), "$.attachments"))
    ]
    seen: dict[str, int] = {}
    for i, att in enumerate(attachments):
        if att["id"] in seen:
            _fail(f"$.attachments[{i}].id", f"same id as $.attachments[{seen[att['id']]}]")
        seen[att["id"]] = i
    out["attachments"] = attachments
    out["notes"] = _text(members.get("notes", ""), "$.notes")
    created = updated = None
    if "created" in members:
        out["created"], created = _timestamp(members["created"], "$.created")
    if "updated" in members:
        out["updated"], updated = _timestamp(members["updated"], "$.updated")
    if created is not None and updated is not None and updated < created:
        _fail("$.updated", "a case cannot be updated before it was created")
    return out


def normalize_case(
    obj: object, *, source: str | None = None, index: int | None = None
) -> dict[str, Any]:
    """Validate one case object and return its canonical form (a new dict).

    ``source`` (file name) and ``index`` (record number) are only used to locate errors: every
    fault raises :class:`~desktop.errors.InvalidInputError` naming them and the JSON path.
    The rules are documented in ``docs/formats.md``; the canonical form is what the store
    keeps and what every export writes, so it is deterministic and idempotent.
    """
    try:
        return _normalize(obj)
    except InvalidInputError as exc:
        raise exc.located(source=source, index=index) from None
