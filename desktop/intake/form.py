"""Load and check a questionnaire file (``forms/*.yaml``) that generates the case editor.

Why strict checking here: the form is edited by organisation staff, not developers. A typo
in a type or a ``maps_to`` path would otherwise surface as a widget that silently writes
nowhere, or as a crash on a field worker's laptop. Every fault is an
:class:`~desktop.errors.InvalidInputError` naming the file and the field
(``sections[1].fields[3] (birth_date)``), raised when the form is loaded.

The file format is documented in ``forms/README.md``. Pure Python: YAML in, dataclasses out.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from desktop.domain.vocab import VOCABULARIES
from desktop.errors import InvalidInputError
from desktop.intake.paths import PathError, Segment, parse_path
from desktop.interchange import case_format as cf
from desktop.resources import data_root

__all__ = [
    "FIELD_TYPES",
    "LANGUAGES",
    "Field",
    "Form",
    "Section",
    "bundled_forms",
    "default_form",
    "load_form",
    "parse_form",
]

LANGUAGES = ("en", "ru", "kk")
"""Every label must exist in these languages: the editor is used in all three."""
OPTIONAL_LANGUAGES = ("ug",)
"""Labels a form may also give; where one is missing the editor shows the English label."""

# Field type → what the maps_to target must be: "list", "scalar" or "object".
FIELD_TYPES: dict[str, str | None] = {
    "text": "scalar",
    "multiline": "scalar",
    "names": "list",
    "edtf-date": "scalar",
    "country": "scalar",
    "choice": "scalar",
    "phone": "scalar",
    "relationship": "object",
    "checkbox": "scalar",
    "events-table": "list",
    "list-of-urls": "list",
    "appeals": "list",  # read-only list of the case's appeals
    # The case's files; read-only for the editor's document: the attachment service writes
    # them itself (desktop.attachments), the form only says where the section goes.
    "attachments": "list",
    "history": None,  # read-only, from the store's history: no place in the case dict
}
_FIELD_KEYS = frozenset(
    {
        "id",
        "type",
        "labels",
        "help",
        "required",
        "maps_to",
        "vocabulary",
        "default",
        "readonly",
        "lines",
    }
)
_SECTION_KEYS = frozenset({"id", "labels", "help", "fields"})
_FORM_KEYS = frozenset({"form", "version", "labels", "sections"})
_READ_ONLY_TYPES = frozenset({"appeals", "history", "attachments"})


# ---------------------------------------------------------------------- case format schema
@dataclass(frozen=True)
class _Node:
    kind: str  # "scalar", "object" or "list"
    keys: dict[str, _Node] | None = None  # for objects
    item: _Node | None = None  # for lists


_SCALAR = _Node("scalar")


def _obj(keys: tuple[str, ...], **children: _Node) -> _Node:
    return _Node("object", {k: children.get(k, _SCALAR) for k in keys})


def _list_of(node: _Node) -> _Node:
    return _Node("list", item=node)


def _case_schema() -> _Node:
    """The shape of the case format, built from the format's own key lists (one truth)."""
    place = _obj(cf.PLACE_KEYS)
    person = _obj(
        cf.PERSON_KEYS,
        names=_list_of(_obj(cf.NAME_KEYS)),
        birth_place=place,
        residence=place,
        citizenships=_list_of(_SCALAR),
        documents=_list_of(_obj(cf.DOCUMENT_KEYS)),
        contact=_obj(cf.CONTACT_KEYS),
        relationship=_obj(cf.RELATIONSHIP_KEYS),
    )
    return _obj(
        cf.CASE_KEYS,
        tags=_list_of(_SCALAR),
        persons=_list_of(person),
        events=_list_of(_obj(cf.EVENT_KEYS, persons=_list_of(_SCALAR), place=place)),
        testimonies=_list_of(
            _obj(
                cf.TESTIMONY_KEYS,
                place=place,
                sources=_list_of(_SCALAR),
                consent=_obj(cf.CONSENT_KEYS),
            )
        ),
        appeals=_list_of(_obj(cf.APPEAL_KEYS)),
        attachments=_list_of(_obj(cf.ATTACHMENT_KEYS)),
    )


_SCHEMA = _case_schema()


def _check_target(segments: tuple[Segment, ...]) -> str:
    """Walk the schema along ``segments``; return the target's kind or raise PathError."""
    node = _SCHEMA
    for depth, seg in enumerate(segments):
        if node.kind != "object" or node.keys is None:
            raise PathError(f"{segments[depth - 1]}: cannot step into a {node.kind}")
        if seg.name not in node.keys:
            allowed = ", ".join(node.keys)
            raise PathError(f"{seg.name!r} is not a key of the case format here ({allowed})")
        node = node.keys[seg.name]
        if seg.is_list:
            if node.kind != "list" or node.item is None:
                raise PathError(f"{seg}: {seg.name!r} is not a list")
            node = node.item
            if seg.select_key is not None and (
                node.keys is None or seg.select_key not in node.keys
            ):
                raise PathError(f"{seg}: the items of {seg.name!r} have no {seg.select_key!r}")
    return node.kind


# ---------------------------------------------------------------------- the form model
@dataclass(frozen=True)
class Field:
    """One question. ``labels``/``help`` are per language; ``maps_to`` is parsed."""

    id: str
    type: str
    labels: dict[str, str]
    maps_to: str | None = None
    path: tuple[Segment, ...] = ()
    help: dict[str, str] = field(default_factory=dict)
    required: bool = False
    vocabulary: str | None = None
    default: Any = None
    readonly: bool = False
    lines: int | None = None

    def label(self, lang: str = "en") -> str:
        return self.labels.get(lang) or self.labels["en"]

    def help_text(self, lang: str = "en") -> str:
        return self.help.get(lang) or self.help.get("en", "")


@dataclass(frozen=True)
class Section:
    id: str
    labels: dict[str, str]
    fields: tuple[Field, ...]
    help: dict[str, str] = field(default_factory=dict)

    def label(self, lang: str = "en") -> str:
        return self.labels.get(lang) or self.labels["en"]


@dataclass(frozen=True)
class Form:
    id: str
    version: int
    labels: dict[str, str]
    sections: tuple[Section, ...]
    source: str

    def fields(self) -> list[Field]:
        return [f for s in self.sections for f in s.fields]

    def field(self, field_id: str) -> Field:
        for f in self.fields():
            if f.id == field_id:
                return f
        raise KeyError(field_id)


# ---------------------------------------------------------------------- loading
class _Checker:
    def __init__(self, source: str) -> None:
        self.source = source

    def fail(self, where: str, reason: str) -> InvalidInputError:
        return InvalidInputError(reason, source=self.source, path=where)

    def mapping(self, value: object, where: str, allowed: frozenset[str]) -> dict[str, Any]:
        if not isinstance(value, dict):
            raise self.fail(where, "expected a mapping (key: value lines)")
        for key in value:
            if key not in allowed:
                raise self.fail(
                    f"{where}.{key}", f"unknown key (allowed: {', '.join(sorted(allowed))})"
                )
        return value

    def ident(self, value: object, where: str) -> str:
        if not isinstance(value, str) or not value.replace("_", "").replace("-", "").isalnum():
            raise self.fail(where, "an id must be letters, digits, '_' or '-'")
        return value

    def labels(self, value: object, where: str, *, required: bool = True) -> dict[str, str]:
        if value is None and not required:
            return {}
        if not isinstance(value, dict):
            raise self.fail(where, f"expected labels for each of: {', '.join(LANGUAGES)}")
        for lang in LANGUAGES if required else ():
            text = value.get(lang)
            if not isinstance(text, str) or not text.strip():
                raise self.fail(f"{where}.{lang}", "missing label")
        for lang, text in value.items():
            if lang not in LANGUAGES + OPTIONAL_LANGUAGES:
                known = LANGUAGES + OPTIONAL_LANGUAGES
                raise self.fail(f"{where}.{lang}", f"unknown language (use {known})")
            if not isinstance(text, str):
                raise self.fail(f"{where}.{lang}", "a label must be text")
        return {str(k): str(v) for k, v in value.items()}

    def field(self, raw: object, where: str) -> Field:
        if isinstance(raw, dict) and isinstance(raw.get("id"), str):
            where = f"{where} ({raw['id']})"  # name the field, not only its position
        members = self.mapping(raw, where, _FIELD_KEYS)
        for key in ("id", "type", "labels"):
            if key not in members:
                raise self.fail(f"{where}.{key}", "missing")
        field_id = self.ident(members["id"], f"{where}.id")
        ftype = members["type"]
        if not isinstance(ftype, str) or ftype not in FIELD_TYPES:
            raise self.fail(
                f"{where}.type",
                f"unknown type {ftype!r} (allowed: {', '.join(FIELD_TYPES)})",
            )
        labels = self.labels(members["labels"], f"{where}.labels")
        help_text = self.labels(members.get("help"), f"{where}.help", required=False)
        required = members.get("required", False)
        readonly = members.get("readonly", ftype in _READ_ONLY_TYPES)
        for key, flag in (("required", required), ("readonly", readonly)):
            if not isinstance(flag, bool):
                raise self.fail(f"{where}.{key}", "expected true or false")
        vocabulary = members.get("vocabulary")
        if ftype == "choice":
            if not isinstance(vocabulary, str) or vocabulary not in VOCABULARIES:
                raise self.fail(
                    f"{where}.vocabulary",
                    f"{vocabulary!r} is not a vocabulary (known: {', '.join(VOCABULARIES)})",
                )
            default = members.get("default")
            if default is not None and (
                not isinstance(default, str) or default not in VOCABULARIES[vocabulary]
            ):
                raise self.fail(f"{where}.default", f"{default!r} is not in {vocabulary}")
        elif vocabulary is not None:
            raise self.fail(f"{where}.vocabulary", "only a choice field has a vocabulary")
        lines = members.get("lines")
        if lines is not None and (
            ftype not in ("multiline", "list-of-urls")
            or not isinstance(lines, int)
            or isinstance(lines, bool)
            or not 1 <= lines <= 40
        ):
            raise self.fail(f"{where}.lines", "a multiline field's height in lines, 1 to 40")
        maps_to = members.get("maps_to")
        path: tuple[Segment, ...] = ()
        expected = FIELD_TYPES[ftype]
        if expected is None:
            if maps_to is not None:
                raise self.fail(f"{where}.maps_to", f"a {ftype} field is not stored in the case")
        else:
            if maps_to is None:
                raise self.fail(f"{where}.maps_to", "missing")
            try:
                path = parse_path(maps_to)
                kind = _check_target(path)
            except PathError as exc:
                raise self.fail(f"{where}.maps_to", f"bad path {maps_to!r}: {exc}") from None
            if kind != expected:
                raise self.fail(
                    f"{where}.maps_to",
                    f"a {ftype} field needs a {expected} target, {maps_to!r} is a {kind}",
                )
        return Field(
            id=field_id,
            type=ftype,
            labels=labels,
            maps_to=maps_to,
            path=path,
            help=help_text,
            required=required,
            vocabulary=vocabulary,
            default=members.get("default"),
            readonly=readonly,
            lines=lines,
        )

    def form(self, raw: object) -> Form:
        top = self.mapping(raw, "$", _FORM_KEYS)
        for key in ("form", "sections", "labels"):
            if key not in top:
                raise self.fail(f"$.{key}", "missing")
        form_id = self.ident(top["form"], "$.form")
        version = top.get("version", 1)
        if not isinstance(version, int) or isinstance(version, bool):
            raise self.fail("$.version", "expected a whole number")
        raw_sections = top["sections"]
        if not isinstance(raw_sections, list) or not raw_sections:
            raise self.fail("$.sections", "expected a non-empty list of sections")
        sections: list[Section] = []
        seen: dict[str, str] = {}
        for i, raw_section in enumerate(raw_sections):
            where = f"sections[{i}]"
            if isinstance(raw_section, dict) and isinstance(raw_section.get("id"), str):
                where = f"{where} ({raw_section['id']})"
            members = self.mapping(raw_section, where, _SECTION_KEYS)
            for key in ("id", "labels", "fields"):
                if key not in members:
                    raise self.fail(f"{where}.{key}", "missing")
            raw_fields = members["fields"]
            if not isinstance(raw_fields, list) or not raw_fields:
                raise self.fail(f"{where}.fields", "expected a non-empty list of fields")
            fields: list[Field] = []
            for j, raw_field in enumerate(raw_fields):
                f = self.field(raw_field, f"sections[{i}].fields[{j}]")
                if f.id in seen:
                    raise self.fail(
                        f"sections[{i}].fields[{j}] ({f.id}).id",
                        f"duplicate field id (also {seen[f.id]})",
                    )
                seen[f.id] = f"sections[{i}].fields[{j}]"
                fields.append(f)
            sections.append(
                Section(
                    id=self.ident(members["id"], f"{where}.id"),
                    labels=self.labels(members["labels"], f"{where}.labels"),
                    fields=tuple(fields),
                    help=self.labels(members.get("help"), f"{where}.help", required=False),
                )
            )
        return Form(
            id=form_id,
            version=version,
            labels=self.labels(top["labels"], "$.labels"),
            sections=tuple(sections),
            source=self.source,
        )


def _load_yaml(text: str) -> Any:
    """``yaml.safe_load``, parsed by libyaml when PyYAML has it (a quarter of the time at
    the start of the GUI). The same resolver and constructor build the data; a text libyaml
    refuses is parsed again by the pure-Python parser, so errors read exactly as before."""
    if getattr(yaml, "__with_libyaml__", False):
        try:
            return yaml.load(text, Loader=yaml.CSafeLoader)
        except yaml.YAMLError:
            pass
    return yaml.safe_load(text)


def parse_form(text: str, source: str) -> Form:
    """Parse form YAML; every fault raises InvalidInputError naming ``source`` and the field."""
    try:
        raw = _load_yaml(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        raise InvalidInputError(
            f"not valid YAML ({getattr(exc, 'problem', None) or exc})", source=source, line=line
        ) from None
    return _Checker(source).form(raw)


def load_form(path: Path) -> Form:
    """Load and check one form file."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise InvalidInputError(f"cannot read the form file ({exc})", source=str(path)) from None
    return parse_form(text, str(path))


def bundled_forms() -> list[Path]:
    """Every form shipped with the application (``forms/*.yaml``)."""
    return sorted(data_root("forms").glob("*.yaml"))


def default_form() -> Form:
    """The detention-testimony questionnaire the editor uses by default."""
    return load_form(data_root("forms") / "detention-testimony.yaml")
