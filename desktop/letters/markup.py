"""The light markup that templates produce, parsed into layout blocks.

Why not HTML or reportlab's paragraph XML: templates are edited by HQ staff who are not
programmers, and names from cases contain ``<``, ``&`` and any script. A handful of line
prefixes (documented in resources/letters/README.md and docs/letters.md) is easy to write
and impossible to inject into: the engine escapes every character itself.

Blocks are separated by blank lines; inside a block, consecutive lines of the same kind
group together (list items, table rows), and plain lines are joined into one paragraph.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

__all__ = ["LITERAL_STAR", "Block", "parse_inline", "parse_markup", "unescape"]

LITERAL_STAR = "\ue000"
"""Stands for a ``*`` that came from case data (see templates._literal_stars)."""


def unescape(text: str) -> str:
    return text.replace(LITERAL_STAR, "*")


KINDS = (
    "subject",  # "= text"
    "heading",  # "# text"
    "bullets",  # "- item" lines
    "right",  # "> text" lines (each kept as its own line)
    "table",  # "| key | value" rows
    "signature",  # "@signature"
    "pagebreak",  # "@pagebreak"
    "photos",  # "@photos"
    "paragraph",  # anything else
)
_DIRECTIVES = {"@signature": "signature", "@pagebreak": "pagebreak", "@photos": "photos"}


@dataclass
class Block:
    kind: str
    lines: list[str] = field(default_factory=list)  # text lines (paragraph: one joined line)
    rows: list[tuple[str, str]] = field(default_factory=list)  # table rows

    @property
    def text(self) -> str:
        return " ".join(self.lines)


def _line_kind(line: str) -> str:
    stripped = line.strip()
    if stripped in _DIRECTIVES:
        return _DIRECTIVES[stripped]
    if stripped.startswith("= "):
        return "subject"
    if stripped.startswith("# "):
        return "heading"
    if stripped.startswith("- ") or stripped == "-":
        return "bullets"
    if stripped.startswith("> ") or stripped == ">":
        return "right"
    if stripped.startswith("|"):
        return "table"
    return "paragraph"


def _table_row(line: str) -> tuple[str, str]:
    body = line.strip()[1:]
    if body.endswith("|"):
        body = body[:-1]
    cells = [c.strip() for c in body.split("|", 1)]
    return (cells[0], cells[1] if len(cells) > 1 else "")


def parse_markup(text: str) -> list[Block]:
    """Blocks in document order; empty input gives no blocks."""
    blocks: list[Block] = []
    current: Block | None = None
    for raw in text.replace("\r\n", "\n").split("\n"):
        if not raw.strip():
            current = None
            continue
        kind = _line_kind(raw)
        stripped = raw.strip()
        if kind in ("signature", "pagebreak", "photos"):
            blocks.append(Block(kind))
            current = None
            continue
        if kind in ("subject", "heading"):
            blocks.append(Block(kind, [stripped[2:].strip()]))
            current = None
            continue
        if current is None or current.kind != kind:
            current = Block(kind)
            blocks.append(current)
        if kind == "bullets" or kind == "right":
            current.lines.append(stripped[1:].strip())
        elif kind == "table":
            current.rows.append(_table_row(stripped))
        else:
            if current.lines:
                current.lines[0] = f"{current.lines[0]} {stripped}"
            else:
                current.lines.append(stripped)
    return blocks


_BOLD_RE = re.compile(r"\*\*(.+?)\*\*", re.DOTALL)


def parse_inline(text: str) -> list[tuple[str, bool]]:
    """Split ``text`` into ``(chunk, bold)`` runs; ``**bold**`` is the only inline markup."""
    runs: list[tuple[str, bool]] = []
    pos = 0
    for m in _BOLD_RE.finditer(text):
        if m.start() > pos:
            runs.append((unescape(text[pos : m.start()]), False))
        runs.append((unescape(m.group(1)), True))
        pos = m.end()
    if pos < len(text):
        runs.append((unescape(text[pos:]), False))
    return runs
