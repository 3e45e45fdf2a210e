"""Helpers for the letters tests: a synthetic case in four scripts, PDF text extraction.

Every person here is invented. The detained man's names cover Cyrillic with Kazakh letters,
Latin, simplified Chinese and Uyghur in Arabic script, because each of those must survive
into the PDF exactly.
"""

from __future__ import annotations

import copy
import datetime as dt
import io
from pathlib import Path
from typing import Any

from desktop.interchange.case_format import normalize_case

DATA = Path(__file__).resolve().parent / "data"
TODAY = dt.date(2026, 11, 27)

NAME_KK = "Нұрлан Әбдіғалиұлы"
NAME_LATN = "Nurlan Abdigaliuly"
NAME_HANS = "努尔兰·阿布迪加利"
NAME_UG = "نۇرلان ئابدىغالى"
TESTIFIER_KK = "Гүлжан Серікқызы"

BASE_CASE: dict[str, Any] = {
    "format": "testimony-desk.case/1",
    "reference": "TD-2026-0042",
    "status": "open",
    "confidentiality": "restricted",
    "verification": "corroborated",
    "tags": ["synthetic"],
    "persons": [
        {
            "key": "p1",
            "role": "detained",
            "names": [
                {"value": NAME_KK, "script": "Cyrl", "lang": "kk"},
                {"value": NAME_LATN, "script": "Latn"},
                {"value": NAME_HANS, "script": "Hans", "lang": "zh"},
                {"value": NAME_UG, "script": "Arab", "lang": "ug"},
            ],
            "sex": "male",
            "birth_date": "1981-05-14",
            "birth_place": {"locality": "Ghulja", "region": "Xinjiang", "country": "CN"},
            "citizenships": ["CN"],
            "documents": [{"type": "passport", "number": "E00000001", "country": "CN"}],
        },
        {
            "key": "p2",
            "role": "testifier",
            "names": [{"value": TESTIFIER_KK, "script": "Cyrl", "lang": "kk"}],
            "sex": "female",
            "citizenships": ["KZ"],
            "residence": {"locality": "Almaty", "country": "KZ"},
            "contact": {"phone": "+7 700 000 0042", "email": "family@example.org"},
            "relationship": {"to": "p1", "kind": "spouse"},
        },
    ],
    "events": [
        {
            "type": "detained",
            "date": "2018-03~",
            "persons": ["p1"],
            "place": {
                "facility": "Test Detention Centre No 3",
                "locality": "Ghulja",
                "country": "CN",
            },
            "authority": "Public Security Bureau, Ghulja",
            "charges": "unknown",
        },
        {"type": "summoned", "date": "2018-02-20", "persons": ["p1"],
         "place": {"locality": "Ghulja", "country": "CN"}},
        {"type": "last-contact", "date": "2018-06", "persons": ["p1"]},
    ],
    "testimonies": [
        {
            "by": "p2",
            "date": "2019-01-15",
            "language": "kk",
            "medium": "in-person",
            "narrative": "Күйеуім 2018 жылы ұсталды.",
            "consent": {"record": True, "share_with_hq": True, "use_in_appeals": True,
                        "publish": "anonymized"},
        }
    ],
    "appeals": [
        {"recipient": "t-ministry", "template": "consular-inquiry", "language": "ru",
         "date": "2026-09-01", "reference": "TD-2026-0042/T-MINISTRY/1", "status": "sent",
         "follow_up": "2026-10-01"}
    ],
    "notes": "",
}  # fmt: skip


def make_case(**changes: Any) -> dict[str, Any]:
    """A normalized copy of the synthetic case with top-level keys replaced."""
    case = copy.deepcopy(BASE_CASE)
    case.update(changes)
    return normalize_case(case)


def pdf_text(data: bytes) -> str:
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(data))
    return "\n".join(page.extract_text() or "" for page in reader.pages)


def pdf_pages(data: bytes) -> int:
    from pypdf import PdfReader

    return len(PdfReader(io.BytesIO(data)).pages)


def squash(text: str) -> str:
    """Whitespace removed: text extraction splits lines and justification adds spaces."""
    return "".join(text.split())


def _to_unicode(font: Any) -> dict[int, str]:
    """Byte code → text from a simple font's ToUnicode CMap (what reportlab writes)."""
    import re

    cmap = font.get("/ToUnicode")
    if cmap is None:
        return {}
    data = cmap.get_object().get_data().decode("latin-1")
    table: dict[int, str] = {}
    for block in re.findall(r"beginbfchar(.*?)endbfchar", data, re.S):
        for src, dst in re.findall(r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block):
            table[int(src, 16)] = bytes.fromhex(dst).decode("utf-16-be")
    for block in re.findall(r"beginbfrange(.*?)endbfrange", data, re.S):
        for lo, hi, dst in re.findall(
            r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block
        ):
            start = int(dst, 16)
            for i, code in enumerate(range(int(lo, 16), int(hi, 16) + 1)):
                table[code] = chr(start + i)
    return table


def drawn_strings(data: bytes) -> list[str]:
    """Every string the PDF draws, in the order its glyphs are put on the page (left to
    right), decoded through the fonts' ToUnicode maps — unlike text extraction, which
    re-orders right-to-left text into logical order and so cannot show visual order."""
    from pypdf import PdfReader
    from pypdf.generic import ContentStream

    reader = PdfReader(io.BytesIO(data))
    out: list[str] = []
    for page in reader.pages:
        fonts = page["/Resources"]["/Font"]
        maps = {name: _to_unicode(fonts[name].get_object()) for name in fonts}
        current: dict[int, str] = {}
        content = ContentStream(page.get_contents(), reader)
        for operands, operator in content.operations:
            if operator == b"Tf":
                current = maps.get(operands[0], {})
            elif operator in (b"Tj", b"'", b'"'):
                raw = bytes(operands[-1].original_bytes)
                out.append("".join(current.get(b, "?") for b in raw))
            elif operator == b"TJ":
                parts = [
                    bytes(x.original_bytes) for x in operands[0] if hasattr(x, "original_bytes")
                ]
                out.append("".join(current.get(b, "?") for b in b"".join(parts)))
    return out
