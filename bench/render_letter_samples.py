"""Render one sample letter per template × language into docs/letters/*.png (pdftoppm).

Usage::

    .venv/bin/python bench/render_letter_samples.py [--out docs/letters] [--dpi 80] [--keep-pdf]

The case is invented (the same synthetic family as tests/letters) and carries names in
Cyrillic with Kazakh letters, Latin, Chinese and Uyghur Arabic script, so every page shows
the scripts an official will meet. Needs ``pdftoppm`` (Debian: ``apt-get install
poppler-utils``); the PDF is piped to it on stdin, so no PDF is written unless --keep-pdf.
Each page becomes ``<template>-<lang>-<page>.png``. Open every one and read it as the
official would.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import shutil
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "tests" / "letters"))

from lettertools import make_case  # noqa: E402  (the synthetic case of the tests)

from desktop.letters.context import LetterSettings  # noqa: E402
from desktop.letters.service import LetterService  # noqa: E402

SAMPLES = [
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


PHOTO_ID = "3c1d2e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f"


def sample_photo() -> bytes:
    """An invented placeholder picture (no real person): grey card with a silhouette."""
    import io

    from PIL import Image, ImageDraw

    img = Image.new("RGB", (300, 380), (214, 218, 222))
    draw = ImageDraw.Draw(img)
    draw.ellipse((100, 70, 200, 180), fill=(150, 156, 162))
    draw.rounded_rectangle((60, 200, 240, 380), radius=60, fill=(150, 156, 162))
    buf = io.BytesIO()
    img.save(buf, format="PNG")
    return buf.getvalue()


def sample_logo() -> bytes:
    """An invented logo (a dark blue mark with a light bar), made in memory."""
    import io

    from PIL import Image, ImageDraw

    img = Image.new("RGB", (240, 240), (255, 255, 255))
    draw = ImageDraw.Draw(img)
    draw.ellipse((10, 10, 230, 230), fill=(28, 58, 110))
    draw.rectangle((60, 105, 180, 135), fill=(235, 240, 248))
    buf = io.BytesIO()
    img.save(buf, format="PNG")
    return buf.getvalue()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=REPO / "docs" / "letters")
    ap.add_argument("--dpi", type=int, default=80)
    ap.add_argument("--keep-pdf", action="store_true")
    args = ap.parse_args(argv)
    if shutil.which("pdftoppm") is None:
        print("error: pdftoppm is missing (apt-get install poppler-utils)", file=sys.stderr)
        return 1
    args.out.mkdir(parents=True, exist_ok=True)
    for old in [*args.out.glob("*.png"), *args.out.glob("*.pdf")]:
        old.unlink()
    service = LetterService()
    settings = LetterSettings(
        org={
            "name": "Steppe Rights Group (sample)",
            "address_lines": ["12 Example Street, office 3", "050000 Almaty, Kazakhstan"],
            "contact": "+7 727 000 0000 · office@example.org",
            "co_sign": True,
            "logo_png": sample_logo(),
        },
        place="Almaty",  # printed as "Алматы" in Russian and Kazakh letters
        today=dt.date(2026, 11, 27),
    )
    photo = sample_photo()
    attachment = {
        "id": PHOTO_ID,
        "filename": "photo-2017.png",
        "media_type": "image/png",
        "sha256": hashlib.sha256(photo).hexdigest(),
        "size": len(photo),
        "caption": "Photograph given by the family (placeholder)",
    }
    for template, lang, recipient in SAMPLES:
        case = make_case(
            attachments=[attachment],
            appeals=[
                {"recipient": recipient, "template": "consular-inquiry", "language": lang,
                 "date": "2026-09-01", "reference": f"TD-2026-0042/{recipient.upper()}/1",
                 "status": "sent", "follow_up": "2026-10-01"}
            ]
        )  # fmt: skip
        composed = service.compose(
            case, recipient, template=template, lang=lang, settings=settings,
            images={PHOTO_ID: photo},
        )  # fmt: skip
        stem = f"{template}-{lang}"
        if args.keep_pdf:
            (args.out / f"{stem}.pdf").write_bytes(composed.pdf)
        subprocess.run(
            ["pdftoppm", "-r", str(args.dpi), "-png", "-", str(args.out / stem)],
            input=composed.pdf,
            check=True,
        )
        pages = sorted(args.out.glob(f"{stem}-*.png"))
        print(f"{stem}: {len(pages)} page(s), ref. {composed.reference}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
