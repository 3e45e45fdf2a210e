"""Compose letters: case + recipient + template + language → context → markup → PDF bytes.

One entry point for the CLI, the GUI composer and batch jobs, so the refusals, the language
choice and the appeal reference are the same everywhere. Nothing here writes a file; the
caller saves the bytes only where the user asked.
"""

from __future__ import annotations

import datetime as _dt
import hashlib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from desktop.letters.context import DEFAULT_TEMPLATE, LetterSettings, build_context, choose_language
from desktop.letters.recipients import RecipientDirectory, load_directory
from desktop.letters.refusal import LetterRefused
from desktop.letters.render import Letter, render_letters
from desktop.letters.templates import TemplateSet, template_set

__all__ = ["ComposedLetter", "LetterService", "attachment_images", "settings_from_store"]

Images = Mapping[str, bytes] | Callable[[], Mapping[str, bytes]] | None


@dataclass(frozen=True)
class ComposedLetter:
    case_reference: str
    recipient: str
    template: str
    language: str
    reference: str
    number: int
    pdf: bytes
    warnings: tuple[str, ...] = ()
    markup: str = field(default="", repr=False)

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.pdf).hexdigest()


def settings_from_store(store: Any, today: _dt.date | None = None) -> LetterSettings:
    """Letterhead from the vault settings: ``letterhead`` ({name, address_lines, contact,
    co_sign, place, logo_png_hex}, see ``desktop.preferences.Letterhead``) or, failing that,
    the organisation name given at ``init``. ``place`` may be plain text or per language
    (``kk=…; ru=…; en=…``), see :mod:`desktop.letters.places`."""
    from desktop.preferences import Letterhead

    head = store.setting("letterhead")
    org: dict[str, Any] | None = None
    place = None
    if isinstance(head, dict) and head.get("name"):
        parsed = Letterhead.from_setting(head)
        org = {
            "name": parsed.name,
            "address_lines": list(parsed.address_lines),
            "contact": parsed.contact or None,
            "co_sign": parsed.co_sign,
            "logo_png": parsed.logo_png,
        }
        place = head.get("place") or None
    else:
        name = store.setting("organisation_name")
        if name:
            org = {"name": str(name), "address_lines": [], "contact": None, "co_sign": False}
    return LetterSettings(org=org, place=place, today=today or _dt.date.today())


class LetterService:
    """Holds the loaded recipient directory and templates (load once, render many)."""

    def __init__(
        self,
        *,
        directory: RecipientDirectory | None = None,
        templates: TemplateSet | None = None,
        template_roots: Sequence[Path] | None = None,
    ) -> None:
        self.directory = directory if directory is not None else load_directory()
        self.templates = templates if templates is not None else template_set(template_roots)

    @classmethod
    def for_store(cls, store: Any, **kwargs: Any) -> LetterService:
        """A service whose directory has the vault's own recipients too."""
        from desktop.letters.vault_recipients import directory_for

        return cls(directory=directory_for(store), **kwargs)

    def prepare(
        self,
        case: Mapping[str, Any],
        recipient_id: str,
        *,
        template: str | None = None,
        lang: str | None = None,
        settings: LetterSettings | None = None,
        number: int | None = None,
        images: Images = None,
    ) -> tuple[Letter, dict[str, Any]]:
        """Context and markup of one letter (refusing with every reason).

        ``images`` are the bytes of image attachments by attachment id, or a function that
        reads them — called only when the template embeds photos (``@photos``).
        """
        template = template or DEFAULT_TEMPLATE
        available = self.templates.available()
        if lang is None:
            if recipient_id not in self.directory:
                raise LetterRefused([f"unknown recipient {recipient_id!r}"])
            lang = choose_language(
                self.directory.get(recipient_id), case, available.get(template, ())
            )
        ctx = build_context(
            case,
            recipient_id,
            template,
            lang,
            directory=self.directory,
            available_templates=available,
            settings=settings,
            number=number,
        )
        markup = self.templates.render(template, lang, ctx)
        if callable(images):
            images = images() if "@photos" in markup else None
        return Letter(markup, ctx, images), ctx

    def warnings_for(self, recipient_id: str) -> tuple[str, ...]:
        if recipient_id in self.directory and not self.directory.get(recipient_id).verified:
            return (
                f"the postal address of {recipient_id} is not verified: check it on the "
                "institution's own page before sending",
            )
        return ()

    def compose(
        self,
        case: Mapping[str, Any],
        recipient_id: str,
        *,
        template: str | None = None,
        lang: str | None = None,
        settings: LetterSettings | None = None,
        page_size: str = "A4",
        number: int | None = None,
        images: Images = None,
    ) -> ComposedLetter:
        letter, ctx = self.prepare(
            case, recipient_id, template=template, lang=lang, settings=settings, number=number,
            images=images,
        )  # fmt: skip
        pdf = render_letters([letter], page_size=page_size)
        return ComposedLetter(
            case_reference=str(case.get("reference", "")),
            recipient=recipient_id,
            template=ctx["template"],
            language=ctx["lang"],
            reference=ctx["letter"]["reference"],
            number=ctx["letter"]["number"],
            pdf=pdf,
            warnings=self.warnings_for(recipient_id),
            markup=letter.markup,
        )

    def compose_combined(
        self,
        letters: Sequence[Letter],
        *,
        page_size: str = "A4",
        progress: Callable[[int, int], None] | None = None,
    ) -> bytes:
        return render_letters(letters, page_size=page_size, progress=progress)


def attachment_images(session: Any, case: Mapping[str, Any]) -> dict[str, bytes]:
    """The decrypted bytes of the case's image attachments, read into memory (never a file).

    Attachments whose blob is not in this vault (metadata only, e.g. an import without the
    files) are left out; the letter then says the image is not included.
    """
    from sqlalchemy import select

    from desktop.store.models import Attachment
    from desktop.vault.blobs import BlobStore

    wanted = {
        str(a["id"])
        for a in case.get("attachments", [])
        if str(a.get("media_type", "")).startswith("image/")
    }
    if not wanted:
        return {}
    with session.store.engine.connect() as conn:
        rows = conn.execute(
            select(Attachment.id, Attachment.blob_name, Attachment.sha256).where(
                Attachment.id.in_(sorted(wanted))
            )
        ).all()
    blobs = BlobStore(session.unlocked.blob_dir, session.unlocked.blob_key)
    out: dict[str, bytes] = {}
    for att_id, blob_name, sha in rows:
        if not blob_name or not blobs.exists(blob_name):
            continue
        data = blobs.read_bytes(blob_name)
        if hashlib.sha256(data).hexdigest() == sha:  # never embed bytes that do not match
            out[str(att_id)] = data
    return out
