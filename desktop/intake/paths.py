"""The ``maps_to`` path mini-language: where a form field lives inside a case dict.

Why a language of its own: the questionnaire is data that an organisation edits, so a field
must say *where* its value goes in the JSON case format (DESIGN §7) without Python. JSON
Pointer cannot say "the person whose role is detained", and JSONPath is far larger than a
form needs. The grammar (documented in ``forms/README.md``)::

    path     := segment ("." segment)*
    segment  := NAME ( "[" INDEX "]" | "[" NAME "=" VALUE "]" )?
    NAME     := [a-z_][a-z0-9_]*
    INDEX    := [0-9]+
    VALUE    := [A-Za-z0-9_-]+

``persons[role=detained].names`` is the ``names`` of the first person whose ``role`` is
``detained``; ``testimonies[0].consent.share_with_hq`` the consent flag of the first
testimony; ``persons[role=detained].citizenships[0]`` the first citizenship (a string).

Reading never creates anything (a missing step gives ``None``). Writing creates what is
missing: objects for names, ``{NAME: VALUE}`` for a selector that matches nothing (so the
new element is found again by the same path), and a new object for the index one past the
end of a list. Writing ``None`` removes the value, so clearing a field removes the key and
the case format's "absent" stays absent.

Pure Python: no Qt, no I/O.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

__all__ = ["PathError", "Segment", "concrete_path", "get_path", "parse_path", "set_path"]

_SEGMENT_RE = re.compile(
    r"(?P<name>[a-z_][a-z0-9_]*)"
    r"(?:\[(?:(?P<index>[0-9]+)|(?P<key>[a-z_][a-z0-9_]*)=(?P<value>[A-Za-z0-9_-]+))\])?"
)
_MAX_INDEX = 999  # a form addresses the first few items; a larger index is a typo


class PathError(ValueError):
    """A ``maps_to`` path that does not follow the grammar, or cannot be written."""


@dataclass(frozen=True)
class Segment:
    """One step: a key, optionally followed by a list index or a ``key=value`` selector."""

    name: str
    index: int | None = None
    select_key: str | None = None
    select_value: str | None = None

    @property
    def is_list(self) -> bool:
        return self.index is not None or self.select_key is not None

    def __str__(self) -> str:
        if self.index is not None:
            return f"{self.name}[{self.index}]"
        if self.select_key is not None:
            return f"{self.name}[{self.select_key}={self.select_value}]"
        return self.name


def parse_path(text: str) -> tuple[Segment, ...]:
    """Split a path into segments; raises :class:`PathError` naming the faulty part."""
    if not isinstance(text, str) or not text:
        raise PathError("a path must be a non-empty string such as persons[role=detained].names")
    segments: list[Segment] = []
    for part in text.split("."):
        match = _SEGMENT_RE.fullmatch(part)
        if match is None:
            raise PathError(
                f"{part!r} is not a path step (expected name, name[0] or name[key=value])"
            )
        index = match["index"]
        if index is not None and int(index) > _MAX_INDEX:
            raise PathError(f"{part!r}: index above {_MAX_INDEX}")
        segments.append(
            Segment(
                name=match["name"],
                index=int(index) if index is not None else None,
                select_key=match["key"],
                select_value=match["value"],
            )
        )
    return tuple(segments)


def _as_segments(path: str | tuple[Segment, ...]) -> tuple[Segment, ...]:
    return parse_path(path) if isinstance(path, str) else path


def _find(items: list[Any], seg: Segment) -> int | None:
    """Position of the element a list segment designates, or None when there is none."""
    if seg.index is not None:
        return seg.index if seg.index < len(items) else None
    for i, item in enumerate(items):
        if isinstance(item, dict) and item.get(seg.select_key) == seg.select_value:
            return i
    return None


def get_path(doc: dict[str, Any], path: str | tuple[Segment, ...]) -> Any:
    """The value at ``path``, or ``None`` when any step is missing (nothing is created)."""
    current: Any = doc
    for seg in _as_segments(path):
        if not isinstance(current, dict) or seg.name not in current:
            return None
        current = current[seg.name]
        if seg.is_list:
            if not isinstance(current, list):
                return None
            pos = _find(current, seg)
            if pos is None:
                return None
            current = current[pos]
    return current


def concrete_path(doc: dict[str, Any], path: str | tuple[Segment, ...]) -> str | None:
    """The JSON path (``$.persons[0].names``) that ``path`` designates in ``doc`` now.

    Validation errors name concrete JSON paths; this maps them back to form fields. Returns
    ``None`` when a selector matches nothing (the field has no place in this case yet).
    """
    current: Any = doc
    out = "$"
    for seg in _as_segments(path):
        out += f".{seg.name}"
        if not isinstance(current, dict):
            return None
        current = current.get(seg.name)
        if seg.is_list:
            if seg.index is not None:
                # An index names a position even when the list is still shorter.
                out += f"[{seg.index}]"
                current = (
                    current[seg.index]
                    if isinstance(current, list) and seg.index < len(current)
                    else None
                )
                continue
            if not isinstance(current, list):
                return None
            pos = _find(current, seg)
            if pos is None:
                return None
            out += f"[{pos}]"
            current = current[pos]
    return out


def set_path(doc: dict[str, Any], path: str | tuple[Segment, ...], value: Any) -> None:
    """Write ``value`` at ``path``, creating missing steps; ``None`` removes the value.

    Removing never creates anything: clearing a field of a person who does not exist is a
    no-op rather than an empty person.
    """
    segments = _as_segments(path)
    if value is None:
        _remove(doc, segments)
        return
    current: dict[str, Any] = doc
    for depth, seg in enumerate(segments):
        last = depth == len(segments) - 1
        if not seg.is_list:
            if last:
                current[seg.name] = value
                return
            child = current.get(seg.name)
            if not isinstance(child, dict):
                if child is not None:
                    raise PathError(f"{seg}: holds a {type(child).__name__}, not an object")
                child = {}
                current[seg.name] = child
            current = child
            continue
        items = current.get(seg.name)
        if items is None:
            items = []
            current[seg.name] = items
        if not isinstance(items, list):
            raise PathError(f"{seg.name}: holds a {type(items).__name__}, not a list")
        pos = _find(items, seg)
        if pos is None:
            if seg.index is not None and seg.index > len(items):
                raise PathError(f"{seg}: the list has only {len(items)} items")
            new: dict[str, Any] = (
                {seg.select_key: seg.select_value} if seg.select_key is not None else {}
            )
            if last and seg.index is not None:
                items.append(value)
                return
            items.append(new)
            pos = len(items) - 1
        if last:
            if seg.select_key is not None:
                raise PathError(f"{seg}: a selector step cannot be replaced as a whole")
            items[pos] = value
            return
        child = items[pos]
        if not isinstance(child, dict):
            raise PathError(f"{seg}: holds a {type(child).__name__}, not an object")
        current = child


def _remove(doc: dict[str, Any], segments: tuple[Segment, ...]) -> None:
    parent: Any = doc
    for seg in segments[:-1]:
        parent = get_path(parent, (seg,)) if isinstance(parent, dict) else None
        if parent is None:
            return
    last = segments[-1]
    if not isinstance(parent, dict) or last.name not in parent:
        return
    if not last.is_list:
        del parent[last.name]
        return
    items = parent[last.name]
    if isinstance(items, list):
        pos = _find(items, last)
        if pos is not None:
            del items[pos]
