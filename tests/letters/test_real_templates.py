"""Every shipped template × language, rendered from the synthetic case (issue 4's list).

Checks what the official reads: the detained person's names in each script (Cyrillic with
Kazakh letters, Latin, Chinese, Uyghur shaped), dates in words in the letter's language, the
recipient's address, the letter reference on the pages.
"""

from __future__ import annotations

from typing import Any

import pytest
from lettertools import (
    NAME_HANS,
    NAME_KK,
    NAME_LATN,
    NAME_UG,
    drawn_strings,
    make_case,
    pdf_pages,
    pdf_text,
    squash,
)

from desktop.letters.context import LetterSettings
from desktop.letters.dates import date_in_words, date_plain
from desktop.letters.render import shape_rtl
from desktop.letters.service import LetterService

PAIRS = [
    ("consular-inquiry", "kk", "kz-mfa"),
    ("consular-inquiry", "ru", "kz-mfa"),
    ("consular-inquiry", "en", "kz-mfa"),
    ("third-country-appeal", "en", "us-dos"),
    ("third-country-appeal", "ru", "kg-mfa"),
    ("wgeid", "en", "un-wgeid"),
    ("follow-up", "kk", "kz-mfa"),
    ("follow-up", "ru", "kz-mfa"),
    ("follow-up", "en", "kz-mfa"),
    ("dossier", "en", "kz-mfa"),
    ("dossier", "ru", "kz-mfa"),
]
LETTER_DATE = {"en": "27 November 2026", "ru": "27 ноября 2026 г.", "kk": "2026 жылғы 27 қараша"}


def _case(recipient: str) -> dict[str, Any]:
    return make_case(
        appeals=[
            {"recipient": recipient, "template": "consular-inquiry", "language": "en",
             "date": "2026-09-01", "reference": f"TD-2026-0042/{recipient.upper()}/1",
             "status": "sent", "follow_up": "2026-10-01"}
        ]
    )  # fmt: skip


@pytest.mark.parametrize(("template", "lang", "recipient"), PAIRS)
def test_template_language(
    real_service: LetterService,
    settings: LetterSettings,
    template: str,
    lang: str,
    recipient: str,
) -> None:
    if lang not in real_service.templates.languages(template):
        pytest.fail(f"resources/letters/{template}/{lang}.j2 is missing")
    case = _case(recipient)
    composed = real_service.compose(
        case, recipient, template=template, lang=lang, settings=settings
    )
    text = pdf_text(composed.pdf)
    flat = squash(text)
    for name in (NAME_KK, NAME_LATN, NAME_HANS):
        assert squash(name) in flat, f"{name} missing"
    # Uyghur: shaped presentation forms, drawn in visual (right-to-left) order
    assert squash(shape_rtl(NAME_UG))[::-1] in flat
    assert any(shape_rtl(NAME_UG) in s for s in drawn_strings(composed.pdf))
    # dates in words in the letter's language: the detention ("around March 2018"), or for
    # a follow-up the date of the earlier letter
    edtf = "2026-09-01" if template == "follow-up" else "2018-03~"
    dates = {date_in_words(edtf, lang), date_plain(edtf, lang)}
    assert any(squash(d) in flat for d in dates), dates
    assert squash(LETTER_DATE[lang]) in flat
    # the recipient's name and address as the directory has them in this language
    rec = real_service.directory.get(recipient)
    lines = [rec.name_in(lang), *rec.address_in(lang)]
    if template != "dossier":  # a case file, not a letter: no salutation
        lines.append(rec.salutation_in(lang))
    for line in lines:
        assert squash(line) in flat, line
    # the reference: on the reference line and in the footer of every page
    assert text.count(composed.reference) >= pdf_pages(composed.pdf) + 1
    if lang == "kk":
        assert "Құрметпен" in text
    if template == "follow-up":
        assert f"TD-2026-0042/{recipient.upper()}/1" in text
