"""PDF rendering: text survives in every script, Arabic is shaped and right-to-left, page
furniture is there, and nothing touches the disk."""

from __future__ import annotations

import io
import os
import tempfile
from pathlib import Path
from typing import Any

import pytest
from lettertools import (
    NAME_HANS,
    NAME_KK,
    NAME_LATN,
    NAME_UG,
    TESTIFIER_KK,
    drawn_strings,
    make_case,
    pdf_pages,
    pdf_text,
    squash,
)

from desktop.letters.context import LetterSettings
from desktop.letters.render import render_letters, render_pdf, shape_rtl
from desktop.letters.service import LetterService


def _presentation_forms(text: str) -> list[str]:
    return [ch for ch in text if 0xFB50 <= ord(ch) <= 0xFDFF or 0xFE70 <= ord(ch) <= 0xFEFF]


@pytest.mark.parametrize(
    ("lang", "page_label", "date_words", "address"),
    [
        ("ru", "Страница 1 из 2", "около марта 2018 г.", "ул. Испытательная, 1"),
        ("kk", "2 беттің 1-беті", "шамамен 2018 жылғы наурызда", "Сынақ көшесі, 1"),
        ("en", "Page 1 of 2", "around March 2018", "1 Test Street"),
    ],
)
def test_probe_letter_text(
    fixture_service: LetterService,
    case: dict[str, Any],
    settings: LetterSettings,
    lang: str,
    page_label: str,
    date_words: str,
    address: str,
) -> None:
    composed = fixture_service.compose(
        case, "t-ministry", template="probe", lang=lang, settings=settings
    )
    assert composed.pdf.startswith(b"%PDF-")
    assert pdf_pages(composed.pdf) == 2
    text = pdf_text(composed.pdf)
    flat = squash(text)
    for name in (NAME_KK, NAME_LATN, NAME_HANS, TESTIFIER_KK):
        assert squash(name) in flat, name
    assert squash(date_words) in flat
    assert squash(address) in flat
    assert page_label in text
    assert text.count("TD-2026-0042/T-MINISTRY/2") >= 3  # reference line + both footers
    assert "Steppe Rights Test Group" in text
    for letter in "ӘәҒғҚқҢңӨөҰұҮүҺһІі":
        if letter in NAME_KK + TESTIFIER_KK + date_words:
            assert letter in text


def test_arabic_name_is_shaped_and_right_to_left(
    fixture_service: LetterService, case: dict[str, Any], settings: LetterSettings
) -> None:
    composed = fixture_service.compose(
        case, "t-ministry", template="probe", lang="en", settings=settings
    )
    # Text extraction gives the name back in logical order, shaped (presentation forms) ...
    extracted = squash(pdf_text(composed.pdf))
    logical_shaped = squash(shape_rtl(NAME_UG))[::-1]
    assert _presentation_forms(logical_shaped)
    assert logical_shaped in extracted
    # ... and the glyphs are drawn right to left: the drawn string (left → right on the
    # page) is the visual order, whose LAST glyph is the name's first letter (noon, initial).
    arabic_runs = [s for s in drawn_strings(composed.pdf) if _presentation_forms(s)]
    assert arabic_runs == [shape_rtl(NAME_UG)]
    drawn = squash(arabic_runs[0])
    assert drawn[-1] == "\ufee7" and drawn[0] == "\ufef0"  # initial noon right, final yeh left
    assert not any("\u0600" <= ch <= "\u06ff" for ch in drawn)  # no unshaped letters left


def test_uyghur_paragraph_mixed_with_latin_and_digits(settings: LetterSettings) -> None:
    ctx = _minimal_ctx()
    text = "ئۇ 2018-يىلى Ghulja شەھىرىدە تۇتۇلدى"
    pdf = render_pdf(text + "\n", ctx)
    flat = squash(pdf_text(pdf))
    assert "2018" in flat and "Ghulja" in flat  # digits and Latin keep their own order
    assert _presentation_forms(flat)
    drawn = " ".join(drawn_strings(pdf))
    # drawn right to left: the last word of the sentence is drawn leftmost
    assert drawn.index(shape_rtl("تۇتۇلدى")) < drawn.index("Ghulja") < drawn.index("2018")


def test_uyghur_ae_joins(settings: LetterSettings) -> None:
    # ە (U+06D5) has no presentation forms: it is drawn as final heh after a joining letter.
    assert shape_rtl("ئە") == "\ufeea\ufe8b"


def _minimal_ctx(lang: str = "en") -> dict[str, Any]:
    return {
        "lang": lang,
        "letter": {"reference": "TD-0/X/1", "date_text": "1 January 2026", "place": "Almaty"},
        "org": None,
        "recipient": {"name": "Office", "address_lines": ["Line"]},
        "testifier": None,
        "attachments": [],
    }


def test_markup_cannot_inject_reportlab_tags() -> None:
    pdf = render_pdf("Name: <b>A & B</b> <font name='x'>\n", _minimal_ctx())
    assert "<b>A & B</b>" in pdf_text(pdf)


def test_same_letter_same_bytes(
    fixture_service: LetterService, case: dict[str, Any], settings: LetterSettings
) -> None:
    one = fixture_service.compose(
        case, "t-ministry", template="probe", lang="ru", settings=settings
    )
    two = fixture_service.compose(
        case, "t-ministry", template="probe", lang="ru", settings=settings
    )
    assert one.pdf == two.pdf and one.sha256 == two.sha256


def test_us_letter_page_size(
    fixture_service: LetterService, case: dict[str, Any], settings: LetterSettings
) -> None:
    from pypdf import PdfReader

    a4 = fixture_service.compose(case, "t-ministry", template="probe", lang="en", settings=settings)
    us = fixture_service.compose(
        case, "t-ministry", template="probe", lang="en", settings=settings, page_size="Letter"
    )
    assert [round(float(x)) for x in PdfReader(io.BytesIO(us.pdf)).pages[0].mediabox[2:]] == [
        612, 792,
    ]  # fmt: skip
    assert [round(float(x)) for x in PdfReader(io.BytesIO(a4.pdf)).pages[0].mediabox[2:]] == [
        595, 842,
    ]  # fmt: skip


def test_combined_pdf_numbers_each_letter(
    fixture_service: LetterService, settings: LetterSettings
) -> None:
    letters = []
    for ref in ("TD-2026-0101", "TD-2026-0102"):
        letter, _ctx = fixture_service.prepare(
            make_case(reference=ref), "t-ministry", template="probe", lang="en", settings=settings
        )
        letters.append(letter)
    progress: list[tuple[int, int]] = []
    pdf = render_letters(letters, progress=lambda i, n: progress.append((i, n)))
    assert progress == [(1, 2), (2, 2)]
    assert pdf_pages(pdf) == 4
    text = pdf_text(pdf)
    assert text.count("Page 1 of 2") == 2 and text.count("Page 2 of 2") == 2
    assert "Page 3 of 4" not in text
    assert "TD-2026-0102/T-MINISTRY/2" in text


def test_photos_are_embedded(fixture_service: LetterService, settings: LetterSettings) -> None:
    from PIL import Image as PILImage
    from pypdf import PdfReader

    buf = io.BytesIO()
    PILImage.new("RGB", (40, 30), (200, 10, 10)).save(buf, format="PNG")
    att_id = "0b7c9d2e-1111-4a8e-9b61-2f0d3c5a7e90"
    case = make_case(
        attachments=[{"id": att_id, "filename": "photo.png", "media_type": "image/png",
                      "sha256": "ab" * 32, "size": len(buf.getvalue()), "caption": "Test photo"}]
    )  # fmt: skip
    composed = fixture_service.compose(
        case, "t-ministry", template="probe", lang="en", settings=settings,
        images={att_id: buf.getvalue()},
    )  # fmt: skip
    reader = PdfReader(io.BytesIO(composed.pdf))
    assert sum(len(page.images) for page in reader.pages) == 1
    text = pdf_text(composed.pdf)
    assert "Test photo" in text and "ab" * 32 in squash(text)
    without = fixture_service.compose(
        case, "t-ministry", template="probe", lang="en", settings=settings
    )
    assert "(image not included in this copy)" in pdf_text(without.pdf)


def test_no_temp_file_while_rendering(
    fixture_service: LetterService,
    case: dict[str, Any],
    settings: LetterSettings,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    watched = Path(os.environ["TMPDIR"])
    monkeypatch.setattr(tempfile, "tempdir", str(watched))

    def refuse(*_a: object, **_k: object) -> None:
        raise AssertionError("a temp file was requested while rendering")

    for name in ("mkstemp", "mkdtemp", "NamedTemporaryFile", "TemporaryFile",
                 "SpooledTemporaryFile", "TemporaryDirectory"):  # fmt: skip
        monkeypatch.setattr(tempfile, name, refuse)
    before = sorted(p.name for p in watched.rglob("*"))
    for lang in ("ru", "kk", "en"):
        fixture_service.compose(case, "t-ministry", template="probe", lang=lang, settings=settings)
    assert sorted(p.name for p in watched.rglob("*")) == before


def test_closing_formula_stays_with_the_signature(
    fixture_service: LetterService, case: dict[str, Any], settings: LetterSettings
) -> None:
    from pypdf import PdfReader

    composed = fixture_service.compose(
        case, "t-ministry", template="probe", lang="en", settings=settings
    )
    pages = [p.extract_text() for p in PdfReader(io.BytesIO(composed.pdf)).pages]
    closing = next(i for i, text in enumerate(pages) if "Yours faithfully," in text)
    assert "Signature: ____" in pages[closing]
    assert "Attachments" in pages[closing + 1]  # after @pagebreak, with what follows it
    assert len(pages) == 2  # nothing pushed to an extra page
