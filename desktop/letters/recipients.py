"""The recipient directory: institutions a letter can be addressed to (DESIGN §8).

Recipients are data (``resources/recipients/<id>.yaml``) that HQ staff maintain, so the
loader is strict and its errors name the file and the key: a typo in an address line must
be found when the directory loads, not when an official returns the envelope. Every entry
records where its postal address comes from (``source``) and when it was checked; an entry
whose address could not be confirmed carries ``verified: false`` and the front ends warn.

The loader takes any number of *sources* — the shipped folder first, later ones (an
organisation's own recipients imported into the vault) may add entries or replace shipped
ones by id — so vault-stored recipients can be added without changing this module.
"""

from __future__ import annotations

import contextlib
import datetime as _dt
import os
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from desktop.domain.countries import country_name, is_country
from desktop.errors import InvalidInputError
from desktop.resources import resource_path

__all__ = [
    "KINDS",
    "Recipient",
    "RecipientDirectory",
    "load_directory",
    "parse_recipient",
    "shipped_recipients_dir",
]

KINDS = ("ministry", "un-body", "other")
KEYS = (
    "id",
    "verified",
    "country",
    "languages",
    "kind",
    "name",
    "address",
    "salutation",
    "email",
    "web_form",
    "source",
    "checked",
    "notes",
)
REQUIRED = ("id", "verified", "country", "languages", "kind", "name", "address", "salutation")
_ID_RE = re.compile(r"[a-z0-9][a-z0-9-]{1,63}")
_LANG_RE = re.compile(r"[a-z]{2,3}")
_URL_RE = re.compile(r"https?://\S+")
_EMAIL_RE = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")


@dataclass(frozen=True)
class Recipient:
    """One institution; per-language texts are keyed by language code."""

    id: str
    verified: bool
    country: str  # ISO 3166-1 alpha-2 or "UN"
    languages: tuple[str, ...]
    kind: str
    name: Mapping[str, str]
    address: Mapping[str, tuple[str, ...]]
    salutation: Mapping[str, str]
    email: str | None = None
    web_form: str | None = None
    source: str | None = None
    checked: _dt.date | None = None
    notes: str | None = None
    origin: str = ""  # file or vault source the entry came from (for messages)

    def accepts(self, lang: str) -> bool:
        return lang in self.languages

    def name_in(self, lang: str) -> str:
        """Name in ``lang``; a recipient's own first language when it has none in ``lang``."""
        return self.name.get(lang) or self.name[self.languages[0]]

    def address_in(self, lang: str) -> tuple[str, ...]:
        return self.address.get(lang) or self.address[self.languages[0]]

    def salutation_in(self, lang: str) -> str:
        return self.salutation.get(lang) or self.salutation[self.languages[0]]

    def country_name(self, lang: str) -> str:
        if self.country == "UN":
            return {"en": "United Nations", "ru": "Организация Объединённых Наций",
                    "kk": "Біріккен Ұлттар Ұйымы"}.get(lang, "United Nations")  # fmt: skip
        return country_name(self.country, lang)

    def as_json(self) -> dict[str, Any]:
        """Plain data for ``recipients --json`` (dates as ISO text)."""
        return {
            "id": self.id,
            "verified": self.verified,
            "country": self.country,
            "languages": list(self.languages),
            "kind": self.kind,
            "name": dict(self.name),
            "address": {k: list(v) for k, v in self.address.items()},
            "salutation": dict(self.salutation),
            "email": self.email,
            "web_form": self.web_form,
            "source": self.source,
            "checked": self.checked.isoformat() if self.checked else None,
            "notes": self.notes,
        }


def _fail(origin: str, key: str, reason: str) -> InvalidInputError:
    return InvalidInputError(reason, source=origin, path=key)


def _text(value: object, origin: str, key: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise _fail(origin, key, "expected non-empty text")
    return value.strip()


def _per_language(value: object, origin: str, key: str, languages: Sequence[str]) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise _fail(origin, key, "expected a mapping from language code to text, e.g. {en: ...}")
    for lang in value:
        if not isinstance(lang, str) or not _LANG_RE.fullmatch(lang):
            raise _fail(origin, f"{key}.{lang}", "is not a language code such as en, ru, kk")
    missing = [lang for lang in languages if lang not in value]
    if missing:
        raise _fail(origin, key, f"missing for the accepted language(s): {', '.join(missing)}")
    return dict(value)


def parse_recipient(data: object, origin: str) -> Recipient:
    """Validate one recipient mapping (from YAML or the vault); errors name ``origin`` + key."""
    if not isinstance(data, dict):
        raise _fail(origin, "$", "a recipient file holds one mapping (key: value lines)")
    unknown = sorted(str(k) for k in data if k not in KEYS)
    if unknown:
        raise _fail(origin, unknown[0], f"unknown key (allowed: {', '.join(KEYS)})")
    for key in REQUIRED:
        if key not in data:
            raise _fail(origin, key, "missing")
    rid = data["id"]
    if not isinstance(rid, str) or not _ID_RE.fullmatch(rid):
        raise _fail(origin, "id", "must be lower-case letters, digits and '-' (e.g. kz-mfa)")
    verified = data["verified"]
    if not isinstance(verified, bool):
        raise _fail(origin, "verified", "must be true or false")
    country = data["country"]
    if not isinstance(country, str) or not (country == "UN" or is_country(country)):
        raise _fail(origin, "country", "must be an ISO 3166-1 alpha-2 code (KZ) or UN")
    langs = data["languages"]
    if (
        not isinstance(langs, list)
        or not langs
        or not all(isinstance(x, str) and _LANG_RE.fullmatch(x) for x in langs)
    ):
        raise _fail(
            origin, "languages", "must be a non-empty list of language codes, e.g. [kk, ru]"
        )
    if len(set(langs)) != len(langs):
        raise _fail(origin, "languages", "lists a language twice")
    kind = data["kind"]
    if kind not in KINDS:
        raise _fail(origin, "kind", f"must be one of: {', '.join(KINDS)}")

    names = _per_language(data["name"], origin, "name", langs)
    name = {lang: _text(v, origin, f"name.{lang}") for lang, v in names.items()}
    salutations = _per_language(data["salutation"], origin, "salutation", langs)
    salutation = {lang: _text(v, origin, f"salutation.{lang}") for lang, v in salutations.items()}
    addresses = _per_language(data["address"], origin, "address", langs)
    address: dict[str, tuple[str, ...]] = {}
    for lang, lines in addresses.items():
        if not isinstance(lines, list) or not lines:
            raise _fail(origin, f"address.{lang}", "expected a list of address lines")
        address[lang] = tuple(
            _text(line, origin, f"address.{lang}[{i}]") for i, line in enumerate(lines)
        )

    email = web_form = source = notes = None
    if data.get("email") is not None:
        email = _text(data["email"], origin, "email")
        if not _EMAIL_RE.fullmatch(email):
            raise _fail(origin, "email", "is not an e-mail address")
    for key in ("web_form", "source"):
        if data.get(key) is not None:
            value = _text(data[key], origin, key)
            if not _URL_RE.fullmatch(value):
                raise _fail(origin, key, "must be an http(s) address")
            if key == "web_form":
                web_form = value
            else:
                source = value
    if data.get("notes") is not None:
        notes = _text(data["notes"], origin, "notes")
    checked = data.get("checked")
    if checked is not None:
        if isinstance(checked, str):
            try:
                checked = _dt.date.fromisoformat(checked)
            except ValueError:
                raise _fail(origin, "checked", "must be a date like 2026-11-27") from None
        if not isinstance(checked, _dt.date) or isinstance(checked, _dt.datetime):
            raise _fail(origin, "checked", "must be a date like 2026-11-27")
    if verified and (source is None or checked is None):
        raise _fail(
            origin, "source" if source is None else "checked",
            "a verified address needs its source page and the date it was checked",
        )  # fmt: skip
    return Recipient(
        id=rid,
        verified=verified,
        country=country,
        languages=tuple(langs),
        kind=kind,
        name=name,
        address=address,
        salutation=salutation,
        email=email,
        web_form=web_form,
        source=source,
        checked=checked,
        notes=notes,
        origin=origin,
    )


def _load_file(path: Path) -> Recipient:
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise InvalidInputError("not UTF-8 text", source=str(path)) from None
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        raise InvalidInputError("not valid YAML", source=str(path), line=line) from None
    recipient = parse_recipient(data, str(path))
    if recipient.id != path.stem:
        raise _fail(str(path), "id", f"must equal the file name ({path.stem})")
    return recipient


class RecipientDirectory:
    """Recipients by id, in a stable order (by id)."""

    def __init__(self, recipients: Iterable[Recipient]) -> None:
        self._by_id: dict[str, Recipient] = {}
        for r in recipients:
            self._by_id[r.id] = r  # later sources replace earlier ones

    def __contains__(self, rid: object) -> bool:
        return rid in self._by_id

    def __len__(self) -> int:
        return len(self._by_id)

    def all(self) -> list[Recipient]:
        return [self._by_id[k] for k in sorted(self._by_id)]

    def get(self, rid: str) -> Recipient:
        try:
            return self._by_id[rid]
        except KeyError:
            known = ", ".join(sorted(self._by_id)) or "none"
            raise InvalidInputError(f"unknown recipient {rid!r} (known: {known})") from None


RecipientSource = Path | Sequence[tuple[str, Mapping[str, Any]]]


RECIPIENTS_ENV = "TESTIMONY_DESK_RECIPIENTS"


def shipped_recipients_dir() -> Path:
    return resource_path("recipients")


def default_sources() -> list[Path]:
    """The shipped folder, then any folders in $TESTIMONY_DESK_RECIPIENTS (os.pathsep list):
    an organisation's own recipients, which may replace shipped entries by id."""
    sources: list[Path] = []
    with contextlib.suppress(FileNotFoundError):
        sources.append(shipped_recipients_dir())
    extra = os.environ.get(RECIPIENTS_ENV, "")
    sources.extend(Path(p) for p in extra.split(os.pathsep) if p)
    return sources


def load_directory(*sources: RecipientSource) -> RecipientDirectory:
    """Load recipients from folders of ``*.yaml`` files and/or ``(origin, mapping)`` pairs.

    With no argument, :func:`default_sources`. A missing folder is an empty source (a fresh
    checkout before the directory is written), not an error.
    """
    if not sources:
        sources = tuple(default_sources())
    found: list[Recipient] = []
    for source in sources:
        if isinstance(source, Path):
            if not source.is_dir():
                continue
            found.extend(_load_file(p) for p in sorted(source.glob("*.yaml")))
        else:
            found.extend(parse_recipient(data, origin) for origin, data in source)
    return RecipientDirectory(found)
