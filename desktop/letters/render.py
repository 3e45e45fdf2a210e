"""Lay out a letter as PDF bytes with reportlab platypus — in memory, never a temp file.

Why in memory: a letter names a detained person and a relative; a temp file would leave
that on disk unencrypted after the vault is locked. Everything is built into a ``BytesIO``
(``invariant`` mode, so the same letter gives the same bytes and the same SHA-256 in the
appeal log).

Scripts (DESIGN §9): Latin and Cyrillic (all Kazakh letters) use Noto Serif; Chinese uses
Droid Sans Fallback; Arabic-script Uyghur uses Noto Naskh Arabic. reportlab neither shapes
Arabic nor orders it right to left, so Arabic runs are shaped into presentation forms with
``arabic_reshaper`` and put into visual order with ``bidi.get_display`` ourselves: inside a
left-to-right paragraph an Arabic run (a name) becomes one unbreakable visual unit; a
paragraph that is mainly Arabic is wrapped first (logical order) and each line is then
reshaped, reordered and drawn right-aligned (:class:`RTLParagraph`). The Uyghur letter
ە (U+06D5) has no presentation forms in Unicode; it is drawn as the final/isolated form of
ه (U+0647), which is how Uyghur type shows it, with a ZWNJ so it never joins forwards.
"""

from __future__ import annotations

import io
import re
import threading
from collections.abc import Callable, Mapping, Sequence
from typing import Any
from xml.sax.saxutils import escape

import arabic_reshaper
from bidi import get_display
from reportlab.lib import colors
from reportlab.lib.enums import TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    Image,
    KeepTogether,
    PageBreak,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from desktop.letters.markup import LITERAL_STAR, Block, parse_inline, parse_markup, unescape
from desktop.resources import resource_path

__all__ = ["PAGE_SIZES", "Letter", "register_fonts", "render_letters", "render_pdf", "shape_rtl"]

PAGE_SIZES = {"A4": A4, "Letter": LETTER}
SERIF, SERIF_BOLD, SERIF_ITALIC = "TD-Serif", "TD-Serif-Bold", "TD-Serif-Italic"
NASKH, NASKH_BOLD = "TD-Naskh", "TD-Naskh-Bold"
CJK = "TD-CJK"
_FONT_FILES = {
    SERIF: "NotoSerif-Regular.ttf",
    SERIF_BOLD: "NotoSerif-Bold.ttf",
    SERIF_ITALIC: "NotoSerif-Italic.ttf",
    NASKH: "NotoNaskhArabic-Regular.ttf",
    NASKH_BOLD: "NotoNaskhArabic-Bold.ttf",
    CJK: "DroidSansFallbackFull.ttf",
}
_registered = False
_lock = threading.Lock()

BODY_SIZE = 10.5
LEADING = 14.5

_LABELS: dict[str, dict[str, str]] = {
    "page": {"en": "Page {x} of {y}", "ru": "Страница {x} из {y}", "kk": "{y} беттің {x}-беті"},
    "ref": {"en": "Ref.", "ru": "Исх. №", "kk": "Шығыс №"},
    "signature": {"en": "Signature", "ru": "Подпись", "kk": "Қолы"},
    "date": {"en": "Date", "ru": "Дата", "kk": "Күні"},
    "phone": {"en": "Tel.", "ru": "Тел.", "kk": "Тел."},
    "email": {"en": "E-mail", "ru": "Эл. почта", "kk": "Эл. пошта"},
    "on_behalf": {"en": "On behalf of {org}", "ru": "От имени: {org}", "kk": "{org} атынан"},
    "photo_missing": {
        "en": "(image not included in this copy)",
        "ru": "(изображение не включено в этот экземпляр)",
        "kk": "(сурет бұл данаға енгізілмеген)",
    },
}


def _label(key: str, lang: str) -> str:
    table = _LABELS[key]
    return table.get(lang, table["en"])


def register_fonts() -> None:
    """Register the shipped TrueType fonts with reportlab once per process (thread-safe)."""
    global _registered
    with _lock:
        if _registered:
            return
        for name, filename in _FONT_FILES.items():
            pdfmetrics.registerFont(TTFont(name, str(resource_path("fonts", filename))))
        pdfmetrics.registerFontFamily(
            SERIF, normal=SERIF, bold=SERIF_BOLD, italic=SERIF_ITALIC, boldItalic=SERIF_BOLD
        )
        pdfmetrics.registerFontFamily(
            NASKH, normal=NASKH, bold=NASKH_BOLD, italic=NASKH, boldItalic=NASKH_BOLD
        )
        pdfmetrics.registerFontFamily(CJK, normal=CJK, bold=CJK, italic=CJK, boldItalic=CJK)
        _registered = True


# ---------------------------------------------------------------------- scripts
def _is_arabic(ch: str) -> bool:
    o = ord(ch)
    return (
        0x0600 <= o <= 0x06FF
        or 0x0750 <= o <= 0x077F
        or 0x08A0 <= o <= 0x08FF
        or 0xFB50 <= o <= 0xFDFF
        or 0xFE70 <= o <= 0xFEFF
    )


def _is_cjk(ch: str) -> bool:
    o = ord(ch)
    return (
        0x2E80 <= o <= 0x2FDF
        or 0x3000 <= o <= 0x303F
        or 0x3040 <= o <= 0x30FF
        or 0x3400 <= o <= 0x4DBF
        or 0x4E00 <= o <= 0x9FFF
        or 0xF900 <= o <= 0xFAFF
        or 0xFF00 <= o <= 0xFFEF
        or 0x20000 <= o <= 0x2FFFF
    )


def _script(ch: str) -> str | None:
    """'arabic', 'cjk', 'latin' (any other letter), or None for neutral characters."""
    if _is_arabic(ch):
        return "arabic"
    if _is_cjk(ch):
        return "cjk"
    if ch.isalpha():
        return "latin"
    return None


def shape_rtl(text: str) -> str:
    """Arabic-script text in logical order → shaped presentation forms in visual order."""
    prepared = text.replace("\u06d5", "\u0647\u200c")
    shaped = arabic_reshaper.reshape(prepared).replace("\u200c", "")
    return str(get_display(shaped))


def _segments(text: str) -> list[tuple[str, str]]:
    """Split into ``(script, text)`` runs; spaces between two letters of one script join
    that run, every other character goes to the Latin run (Noto Serif)."""
    runs: list[tuple[str, str]] = []
    i, n = 0, len(text)
    while i < n:
        script = _script(text[i])
        if script in ("arabic", "cjk"):
            j = i + 1
            last_strong = i
            while j < n:
                s = _script(text[j])
                if s == script:
                    last_strong = j
                elif s is not None or text[j] != " ":
                    # Only spaces join a run: the Naskh font lacks Latin punctuation, the
                    # CJK font lacks "·"; digits and punctuation are drawn by the Latin font.
                    break
                j += 1
            runs.append((script, text[i : last_strong + 1]))
            i = last_strong + 1
        else:
            j = i + 1
            while j < n and _script(text[j]) not in ("arabic", "cjk"):
                j += 1
            runs.append(("latin", text[i:j]))
            i = j
    return runs


_FALLBACK_RE = re.compile(
    "[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff"
    "\u2e80-\u2fdf\u3000-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef"
    "\U00020000-\U0002ffff]"
)
_ARABIC_RE = re.compile("[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]")


def rich(text: str, *, bold: bool = False) -> str:
    """Paragraph XML for ``text``: escaped, fonts per script, Arabic shaped, ``**bold**``."""
    if "*" not in text and LITERAL_STAR not in text and not _FALLBACK_RE.search(text):
        esc = escape(text)  # the common case: Latin/Cyrillic, no bold markup
        return f"<b>{esc}</b>" if bold else esc
    out: list[str] = []
    for chunk, is_bold in parse_inline(text):
        b = bold or is_bold
        if not _FALLBACK_RE.search(chunk):  # the common case: Latin/Cyrillic only
            esc = escape(chunk)
            out.append(f"<b>{esc}</b>" if b else esc)
            continue
        for script, seg in _segments(chunk):
            if script == "arabic":
                visual = shape_rtl(seg).replace(" ", "\u00a0")
                font = NASKH_BOLD if b else NASKH
                out.append(f'<font name="{font}">{escape(visual)}</font>')
            elif script == "cjk":
                out.append(f'<font name="{CJK}">{escape(seg)}</font>')
            else:
                esc = escape(seg)
                out.append(f"<b>{esc}</b>" if b else esc)
    return "".join(out)


def _mostly_arabic(text: str) -> bool:
    """Right-to-left layout only for text that is essentially Arabic script (a Uyghur
    narrative); a mixed line such as "name (араб жазуы)" keeps the letter's LTR direction,
    with the Arabic run shaped and reversed inside it."""
    if not _ARABIC_RE.search(text):
        return False
    arabic = sum(1 for ch in text if _is_arabic(ch))
    other = sum(1 for ch in text if ch.isalpha() and not _is_arabic(ch))
    return arabic > 0 and arabic >= 2 * other


class _Paragraph(Paragraph):  # type: ignore[misc]
    """A Paragraph that breaks its lines once per width.

    Tables, KeepTogether and keep-with-next groups ask a paragraph for its size several
    times with the same width; reportlab re-breaks the lines every time, which made a
    letter ~40% slower than plain paragraphs. Line breaking depends only on the width.
    """

    _memo: tuple[float, tuple[float, float]] | None = None

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        memo = self._memo
        # reportlab drops blPara when it splits or re-flows a paragraph: then break again
        if memo is not None and memo[0] == availWidth and "blPara" in self.__dict__:
            self.width, self.height = memo[1]
            return memo[1]
        size: tuple[float, float] = super().wrap(availWidth, availHeight)
        self._memo = (availWidth, size)
        return size


class _Table(Table):  # type: ignore[misc]
    """A Table that sizes itself once per width (reportlab recomputes every row height, and
    so wraps every cell, each time a keep-together group or the frame asks)."""

    _memo: tuple[float, tuple[float, float]] | None = None

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        memo = self._memo
        # Row heights depend on the height only with longTableOptimize (off here).
        if memo is not None and memo[0] == availWidth and not self._longTableOptimize:
            self.availWidth = availWidth
            return memo[1]
        size = super().wrap(availWidth, availHeight)
        self._memo = (availWidth, (size[0], size[1]))
        return self._memo[1]


class _Rows(Flowable):  # type: ignore[misc]
    """Label/value rows (the particulars of the detained person) with a thin rule under
    each row: what a two-column Table with paragraph cells drew, measured once per width
    and split between rows at a page end."""

    PAD_TOP = 1.5
    PAD_BOTTOM = 1.5
    PAD_RIGHT = 6.0
    RULE = colors.Color(0.8, 0.8, 0.8)

    def __init__(self, rows: Sequence[tuple[Flowable, Flowable]], split: float) -> None:
        super().__init__()
        self.rows = list(rows)
        self.split_at = split  # share of the width for the labels
        self._memo: tuple[float, list[tuple[float, float, float]]] | None = None

    def _measure(self, aw: float) -> list[tuple[float, float, float]]:
        """Per row: (label height, value height, row height)."""
        if self._memo is not None and self._memo[0] == aw:
            return self._memo[1]
        w0 = aw * self.split_at
        out = []
        for key, value in self.rows:
            _w, kh = key.wrap(w0 - self.PAD_RIGHT, 0xFFFFFFF)
            _w, vh = value.wrap(aw - w0 - self.PAD_RIGHT, 0xFFFFFFF)
            out.append((kh, vh, max(kh, vh) + self.PAD_TOP + self.PAD_BOTTOM))
        self._memo = (aw, out)
        return out

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        self.width = aw
        self.height = sum(r[2] for r in self._measure(aw))
        return aw, self.height

    def split(self, aw: float, ah: float) -> list[Flowable]:
        heights = self._measure(aw)
        used = 0.0
        fit = 0
        for _kh, _vh, h in heights:
            if used + h > ah:
                break
            used += h
            fit += 1
        if fit == 0 or fit == len(self.rows):
            return []
        return [_Rows(self.rows[:fit], self.split_at), _Rows(self.rows[fit:], self.split_at)]

    def draw(self) -> None:
        canv = self.canv
        aw = self.width
        w0 = aw * self.split_at
        top = self.height
        for (key, value), (kh, vh, h) in zip(self.rows, self._measure(aw), strict=True):
            # the cells are measured again at their width before drawing (cached)
            key.wrap(w0 - self.PAD_RIGHT, 0xFFFFFFF)
            value.wrap(aw - w0 - self.PAD_RIGHT, 0xFFFFFFF)
            key.drawOn(canv, 0, top - self.PAD_TOP - kh)
            value.drawOn(canv, w0, top - self.PAD_TOP - vh)
            top -= h
            canv.saveState()
            canv.setStrokeColor(self.RULE)
            canv.setLineWidth(0.25)
            canv.line(0, top, aw, top)
            canv.restoreState()


class _Keep(KeepTogether):  # type: ignore[misc]
    """KeepTogether measured once per width, without reportlab's copy of the whole frame.

    reportlab's list measurement deep-copies the document's frame on every call so that
    flowables that add content to the frame while being measured can be undone; nothing in
    a letter does that (no frame actions), so the copy — a tenth of a letter's layout time —
    is skipped. Groups holding such flowables use reportlab's own measurement.
    """

    _memo: tuple[float, float, float, float] | None = None

    def wrap(self, aW: float, aH: float) -> tuple[float, float]:
        content = self._content
        if any(hasattr(f, "frameAction") or getattr(f, "_SPACETRANSFER", False) for f in content):
            return super().wrap(aW, aH)  # type: ignore[no-any-return]
        memo = self._memo
        if memo is None or memo[0] != aW:
            width = height = first = 0.0
            prev_after = 0.0
            at_top = True
            for i, f in enumerate(content):
                w, h = f.wrapOn(self.canv, aW, 0xFFFFFFF)
                if i == 0:
                    first = h
                if h <= 1e-8:
                    continue
                width = max(width, min(w, aW))
                height += h
                if at_top:
                    at_top = False
                else:
                    height += max(f.getSpaceBefore() - prev_after, 0)
                prev_after = f.getSpaceAfter()
                height += prev_after
            memo = self._memo = (aW, width, height - prev_after, first)
        _aw, width, height, first = memo
        self._H = height
        self._H0 = first
        self._wrapInfo = aW, aH
        return width, 0xFFFFFF  # force a split, as KeepTogether does


# ---------------------------------------------------------------------- RTL paragraph
class RTLParagraph(Flowable):  # type: ignore[misc]
    """A right-to-left paragraph: wrapped in logical order, then each line shaped, put in
    visual order and drawn right-aligned, with Latin/digit runs in the Latin font."""

    def __init__(self, text: str, *, size: float = BODY_SIZE, leading: float = LEADING) -> None:
        super().__init__()
        self.text = " ".join(unescape(text).replace("**", "").split())
        self.size = size
        self.leading = leading
        self._lines: list[str] = []

    def _width(self, visual: str) -> float:
        return float(
            sum(
                pdfmetrics.stringWidth(seg, NASKH if script == "arabic" else SERIF, self.size)
                for script, seg in _segments(visual)
            )
        )

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        lines: list[str] = []
        current = ""
        for word in self.text.split(" "):
            candidate = f"{current} {word}" if current else word
            if current and self._width(shape_rtl(candidate)) > aw:
                lines.append(current)
                current = word
            else:
                current = candidate
        if current:
            lines.append(current)
        self._lines = lines
        self.width = aw
        self.height = self.leading * len(lines)
        return aw, self.height

    def split(self, aw: float, ah: float) -> list[Flowable]:
        self.wrap(aw, ah)
        fit = int(ah // self.leading)
        if fit <= 0 or fit >= len(self._lines):
            return [] if fit <= 0 else [self]
        head = RTLParagraph(" ".join(self._lines[:fit]), size=self.size, leading=self.leading)
        tail = RTLParagraph(" ".join(self._lines[fit:]), size=self.size, leading=self.leading)
        return [head, tail]

    def draw(self) -> None:
        canv = self.canv
        y = self.height - self.leading + (self.leading - self.size) / 2 + 2
        for line in self._lines:
            visual = shape_rtl(line)
            x = self.width - self._width(visual)
            for script, seg in _segments(visual):
                font = NASKH if script == "arabic" else SERIF
                canv.setFont(font, self.size)
                canv.drawString(x, y, seg)
                x += pdfmetrics.stringWidth(seg, font, self.size)
            y -= self.leading


# ---------------------------------------------------------------------- page furniture
class _LetterMark(Flowable):  # type: ignore[misc]
    """Zero-size marker: tells the canvas which letter the following pages belong to."""

    def __init__(self, index: int) -> None:
        super().__init__()
        self.index = index
        self.width = self.height = 0

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        self.canv._td_letter = self.index


def _canvas_class(letters: Sequence[tuple[str, str]], page_size: tuple[float, float]) -> type:
    """A canvas that draws footers at the end, when each letter's page count is known."""

    class NumberedCanvas(Canvas):  # type: ignore[misc]
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._td_letter = 0
            self._pages: list[tuple[dict[str, Any], int]] = []

        def showPage(self) -> None:
            self._pages.append((dict(self.__dict__), self._td_letter))
            self._startPage()

        def save(self) -> None:
            totals: dict[int, int] = {}
            for _state, letter in self._pages:
                totals[letter] = totals.get(letter, 0) + 1
            seen: dict[int, int] = {}
            for state, letter in self._pages:
                self.__dict__.update(state)
                seen[letter] = seen.get(letter, 0) + 1
                self._footer(letter, seen[letter], totals[letter])
                Canvas.showPage(self)
            Canvas.save(self)

        def _footer(self, letter: int, page: int, total: int) -> None:
            reference, lang = letters[letter]
            width = page_size[0]
            self.saveState()
            self.setStrokeColor(colors.Color(0.6, 0.6, 0.6))
            self.setLineWidth(0.4)
            self.line(20 * mm, 16 * mm, width - 20 * mm, 16 * mm)
            self.setFont(SERIF, 8)
            self.setFillColor(colors.Color(0.25, 0.25, 0.25))
            self.drawString(20 * mm, 11 * mm, f"{_label('ref', lang)} {reference}")
            self.drawRightString(
                width - 20 * mm, 11 * mm, _label("page", lang).format(x=page, y=total)
            )
            self.restoreState()

    return NumberedCanvas


# ---------------------------------------------------------------------- styles
_STYLES: dict[str, ParagraphStyle] = {}


def _styles() -> dict[str, ParagraphStyle]:
    """The paragraph styles, made once (they are never changed after creation)."""
    if not _STYLES:
        _STYLES.update(_make_styles())
    return _STYLES


def _make_styles() -> dict[str, ParagraphStyle]:
    body = ParagraphStyle(
        "body",
        fontName=SERIF,
        fontSize=BODY_SIZE,
        leading=LEADING,
        alignment=TA_JUSTIFY,
        spaceAfter=7,
    )
    return {
        "body": body,
        "left": ParagraphStyle("left", parent=body, alignment=TA_LEFT, spaceAfter=0),
        "right": ParagraphStyle("right", parent=body, alignment=TA_RIGHT, spaceAfter=0),
        "subject": ParagraphStyle(
            "subject",
            parent=body,
            fontName=SERIF_BOLD,
            alignment=TA_LEFT,
            spaceBefore=4,
            spaceAfter=10,
        ),
        "heading": ParagraphStyle(
            "heading",
            parent=body,
            fontName=SERIF_BOLD,
            fontSize=12,
            leading=16,
            alignment=TA_LEFT,
            spaceBefore=8,
            spaceAfter=5,
        ),
        "bullet": ParagraphStyle(
            "bullet",
            parent=body,
            alignment=TA_LEFT,
            spaceAfter=2,
            leftIndent=12,
            bulletIndent=0,
            bulletFontName=SERIF,
            bulletFontSize=BODY_SIZE,
        ),
        "cell": ParagraphStyle("cell", parent=body, alignment=TA_LEFT, spaceAfter=0),
        "bullet_last": ParagraphStyle(
            "bullet_last",
            parent=body,
            alignment=TA_LEFT,
            spaceAfter=7,
            leftIndent=12,
            bulletIndent=0,
            bulletFontName=SERIF,
            bulletFontSize=BODY_SIZE,
        ),
        "cellkey": ParagraphStyle(
            "cellkey",
            parent=body,
            alignment=TA_LEFT,
            spaceAfter=0,
            textColor=colors.Color(0.3, 0.3, 0.3),
        ),
        "head_org": ParagraphStyle(
            "head_org", fontName=SERIF_BOLD, fontSize=12.5, leading=15, alignment=TA_LEFT
        ),
        "head_small": ParagraphStyle(
            "head_small",
            fontName=SERIF,
            fontSize=8.5,
            leading=11,
            alignment=TA_LEFT,
            textColor=colors.Color(0.25, 0.25, 0.25),
        ),
        "small": ParagraphStyle("small", parent=body, fontSize=8.5, leading=11, alignment=TA_LEFT),
    }


_LONG_TOKEN = 20


def _para(
    text: str, style: ParagraphStyle, *, bold: bool = False, bullet: str | None = None
) -> Flowable:
    if _mostly_arabic(text):
        return RTLParagraph(text, size=style.fontSize, leading=style.leading)
    if style.alignment == TA_JUSTIFY and any(len(w) >= _LONG_TOKEN for w in text.split()):
        # A long unbreakable token (a reference such as TD-2026-0042/KZ-MFA/1) would leave
        # wide gaps in a justified line: such paragraphs are set flush left instead.
        style = _flush_left(style)
    return _Paragraph(rich(text, bold=bold), style, bulletText=bullet)


_LEFT_VARIANTS: dict[str, ParagraphStyle] = {}


def _flush_left(style: ParagraphStyle) -> ParagraphStyle:
    left = _LEFT_VARIANTS.get(style.name)
    if left is None or left.parent is not style:
        left = ParagraphStyle(f"{style.name}-left", parent=style, alignment=TA_LEFT)
        _LEFT_VARIANTS[style.name] = left
    return left


# ---------------------------------------------------------------------- story
def _letterhead(ctx: Mapping[str, Any], st: dict[str, ParagraphStyle]) -> list[Flowable]:
    org = ctx.get("org")
    if not org:
        return []
    text: list[Flowable] = [_Paragraph(rich(org["name"]), st["head_org"])]
    small = [*org.get("address_lines", [])]
    if org.get("contact"):
        small.append(str(org["contact"]))
    if small:
        text.append(_Paragraph(rich(" · ".join(small)), st["head_small"]))
    logo = _logo(org.get("logo_png"))
    parts: list[Flowable]
    if logo is None:
        parts = text
    else:
        table = _Table([[logo, text]], colWidths=[logo.drawWidth + 5 * mm, None])
        table.setStyle(
            TableStyle(
                [
                    ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                    ("LEFTPADDING", (0, 0), (-1, -1), 0),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                    ("TOPPADDING", (0, 0), (-1, -1), 0),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
                ]
            )
        )
        table.hAlign = "LEFT"
        parts = [table]

    class _Rule(Flowable):  # type: ignore[misc]
        def wrap(self, aw: float, ah: float) -> tuple[float, float]:
            self.width = aw
            return aw, 6

        def draw(self) -> None:
            self.canv.setLineWidth(0.8)
            self.canv.line(0, 2, self.width, 2)

    parts.append(_Rule())
    parts.append(Spacer(1, 6 * mm))
    return parts


LOGO_MAX_HEIGHT = 16 * mm
LOGO_MAX_WIDTH = 45 * mm
_logo_sizes: dict[bytes, tuple[int, int] | None] = {}


def _logo(data: object) -> Flowable | None:
    """The organisation's logo from memory (PNG/JPEG bytes), at most 16 × 45 mm.

    A logo reportlab cannot read leaves the letterhead without it rather than refusing the
    letter (the settings dialog checks the image when it is chosen). Image sizes are cached
    per logo, so a batch decodes it once.
    """
    if not isinstance(data, bytes | bytearray) or not data:
        return None
    key = bytes(data)
    if key not in _logo_sizes:
        if len(_logo_sizes) > 8:
            _logo_sizes.clear()
        try:
            from reportlab.lib.utils import ImageReader

            _logo_sizes[key] = ImageReader(io.BytesIO(key)).getSize()
        except Exception:  # not an image reportlab can draw
            _logo_sizes[key] = None
    size = _logo_sizes[key]
    if size is None or size[0] <= 0 or size[1] <= 0:
        return None
    w, h = size
    scale = min(LOGO_MAX_HEIGHT / h, LOGO_MAX_WIDTH / w)
    return Image(io.BytesIO(key), width=w * scale, height=h * scale)


def _address_block(
    ctx: Mapping[str, Any], st: dict[str, ParagraphStyle], frame_width: float
) -> list[Flowable]:
    rec = ctx["recipient"]
    lines = [rec["name"], *rec["address_lines"]]
    # Russian/Kazakh official letters put the addressee in the upper right; English on the left.
    # Paragraphs indented into their column (what a one-row table did, at a fraction of the
    # layout cost); the table's 3 pt cell padding is kept as space above and below.
    if ctx["lang"] in ("ru", "kk"):
        style = _indented(st["left"], left=frame_width * 0.45)
    else:
        style = _indented(st["left"], right=frame_width * 0.4)
    return [
        Spacer(1, 3),
        *(_para(line, style) for line in lines),
        Spacer(1, 3 + 7 * mm),
    ]


_INDENTED: dict[tuple[str, float, float], ParagraphStyle] = {}


def _indented(style: ParagraphStyle, *, left: float = 0, right: float = 0) -> ParagraphStyle:
    key = (style.name, round(left, 3), round(right, 3))
    found = _INDENTED.get(key)
    if found is None or found.parent is not style:
        found = ParagraphStyle(
            f"{style.name}-indented", parent=style, leftIndent=left, rightIndent=right
        )
        _INDENTED[key] = found
    return found


def _place_date_ref(ctx: Mapping[str, Any], st: dict[str, ParagraphStyle]) -> list[Flowable]:
    letter = ctx["letter"]
    place_date = ", ".join(x for x in (letter.get("place"), letter["date_text"]) if x)
    ref = f"{_label('ref', ctx['lang'])} {letter['reference']}"
    return [_para(ref, st["left"]), _para(place_date, st["right"]), Spacer(1, 5 * mm)]


def _signature(ctx: Mapping[str, Any], st: dict[str, ParagraphStyle]) -> list[Flowable]:
    lang = ctx["lang"]
    out: list[Flowable] = [Spacer(1, 4 * mm)]
    t = ctx.get("testifier")
    if t:
        name = str(t["primary_name"]).replace("*", LITERAL_STAR)
        lines = [f"**{name}**"]
        if t.get("address_text"):
            lines.append(t["address_text"])
        contact = []
        if t.get("phone"):
            contact.append(f"{_label('phone', lang)} {t['phone']}")
        if t.get("email"):
            contact.append(f"{_label('email', lang)} {t['email']}")
        if contact:
            lines.append(", ".join(contact))
        lines.append(f"{_label('date', lang)}: {ctx['letter']['date_text']}")
        block = [_para(line, st["left"]) for line in lines]
        block.append(Spacer(1, 9 * mm))
        block.append(_Paragraph(f"{_label('signature', lang)}: ______________________", st["left"]))
        out.append(_Keep(block))
    org = ctx.get("org")
    if org and org.get("co_sign"):
        out.append(Spacer(1, 8 * mm))
        out.append(
            _Keep(
                [
                    _para(_label("on_behalf", lang).format(org=org["name"]), st["left"]),
                    Spacer(1, 9 * mm),
                    _Paragraph(f"{_label('signature', lang)}: ______________________", st["left"]),
                ]
            )
        )
    return out


def _photos(
    ctx: Mapping[str, Any], st: dict[str, ParagraphStyle], images: Mapping[str, bytes], width: float
) -> list[Flowable]:
    out: list[Flowable] = []
    for att in ctx.get("attachments", []):
        if not str(att.get("media_type", "")).startswith("image/"):
            continue
        data = images.get(att["id"])
        caption = att.get("caption") or att["filename"]
        items: list[Flowable] = []
        if data is not None:
            img = Image(io.BytesIO(data))
            scale = min(1.0, (width * 0.8) / img.imageWidth, (90 * mm) / img.imageHeight)
            img.drawWidth = img.imageWidth * scale
            img.drawHeight = img.imageHeight * scale
            img.hAlign = "LEFT"
            items.append(img)
            items.append(Spacer(1, 2 * mm))
        else:
            items.append(_Paragraph(rich(_label("photo_missing", ctx["lang"])), st["small"]))
        items.append(_para(caption, st["small"]))
        items.append(_Paragraph(f"SHA-256 {att['sha256']}", st["small"]))
        items.append(Spacer(1, 4 * mm))
        out.append(_Keep(items))
    return out


def _keep(items: Sequence[Flowable]) -> Flowable:
    """KeepTogether without nesting: reportlab's KeepTogether reports an "infinite" height
    to force a split, so one inside another always pushes the group to a new page."""
    flat: list[Flowable] = []
    for item in items:
        if isinstance(item, KeepTogether):
            flat.extend(item._content)
        else:
            flat.append(item)
    return _Keep(flat)


def _blocks(
    blocks: Sequence[Block],
    ctx: Mapping[str, Any],
    st: dict[str, ParagraphStyle],
    images: Mapping[str, bytes],
    width: float,
) -> list[Flowable]:
    out: list[Flowable] = []
    lead: list[Flowable] = []  # a lead-in paragraph waiting for the block it introduces
    for b in blocks:
        if lead:
            # "I respectfully ask you:" stays on the page of the list it introduces (reportlab's
            # keepWithNext does not work before a list, so the pair is kept together here).
            start = len(out)
            out.extend(_blocks([b], ctx, st, images, width))
            out[start:] = [_keep([*lead, *out[start:]])]
            lead = []
            continue
        if b.kind == "paragraph" and b.text.rstrip().endswith(":"):
            lead = [_para(b.text, st["body"])]
            continue
        if b.kind == "heading":  # a heading never ends a page: it goes with what follows
            out.append(CondPageBreak(30 * mm))
            lead = [_para(b.text, st["heading"], bold=True)]
            continue
        if b.kind == "subject":
            out.append(_para(b.text, st["subject"], bold=True))
        elif b.kind == "bullets":
            # Paragraphs with a bullet (reportlab's own bullet support) rather than a
            # ListFlowable: the same layout, without a container measured on every query.
            items = [_para(x, st["bullet"], bullet="–") for x in b.lines]
            if items:
                items[-1] = _para(b.lines[-1], st["bullet_last"], bullet="–")
            out.extend(items)
            out.append(Spacer(1, 5))
        elif b.kind == "right":
            out.extend(_para(x, st["right"]) for x in b.lines)
            out.append(Spacer(1, 7))
        elif b.kind == "table":
            rows = [(_para(k, st["cellkey"]), _para(v, st["cell"])) for k, v in b.rows]
            out.append(_Rows(rows, 0.32))
            out.append(Spacer(1, 8))
        elif b.kind == "signature":
            signature = _signature(ctx, st)
            if out and isinstance(out[-1], Paragraph):
                # the closing formula ("Yours sincerely,") never parts from the signature
                signature = [_keep([out.pop(), *signature[:2]]), *signature[2:]]
            out.extend(signature)
        elif b.kind == "pagebreak":
            out.append(PageBreak())
        elif b.kind == "photos":
            out.extend(_photos(ctx, st, images, width))
        else:
            out.append(_para(b.text, st["body"]))
    out.extend(lead)
    return out


class Letter:
    """One rendered-to-be letter: template output (markup) and its context."""

    def __init__(
        self, markup: str, context: Mapping[str, Any], images: Mapping[str, bytes] | None = None
    ) -> None:
        self.markup = markup
        self.context = context
        self.images = images or {}


def render_letters(
    letters: Sequence[Letter],
    *,
    page_size: str = "A4",
    progress: Callable[[int, int], None] | None = None,
) -> bytes:
    """Several letters in one PDF (each starts on a new page, numbered on its own)."""
    register_fonts()
    if page_size not in PAGE_SIZES:
        raise ValueError(f"page size must be one of {', '.join(PAGE_SIZES)}")
    size = PAGE_SIZES[page_size]
    buffer = io.BytesIO()
    first_ref = letters[0].context["letter"]["reference"] if letters else ""
    doc = SimpleDocTemplate(
        buffer,
        pagesize=size,
        leftMargin=25 * mm,
        rightMargin=20 * mm,
        topMargin=20 * mm,
        bottomMargin=24 * mm,
        title=f"Letter {first_ref}",
        author="",
        subject="",
        creator="Testimony Desk",
        invariant=1,
    )
    st = _styles()
    usable = doc.width - 12  # the frame's default padding is 6 pt on each side
    story: list[Flowable] = []
    footer_info: list[tuple[str, str]] = []
    for index, letter in enumerate(letters):
        ctx = letter.context
        footer_info.append((ctx["letter"]["reference"], ctx["lang"]))
        if index:
            story.append(PageBreak())
        story.append(_LetterMark(index))
        story.extend(_letterhead(ctx, st))
        story.extend(_address_block(ctx, st, usable))
        story.extend(_place_date_ref(ctx, st))
        story.extend(_blocks(parse_markup(letter.markup), ctx, st, letter.images, usable))
        if progress is not None:
            progress(index + 1, len(letters))
    doc.build(story, canvasmaker=_canvas_class(footer_info, size))
    return buffer.getvalue()


def render_pdf(
    markup: str,
    context: Mapping[str, Any],
    *,
    page_size: str = "A4",
    images: Mapping[str, bytes] | None = None,
) -> bytes:
    """One letter as PDF bytes."""
    return render_letters([Letter(markup, context, images)], page_size=page_size)
