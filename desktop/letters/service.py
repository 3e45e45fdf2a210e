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

__all__ = ["ComposedLetter", "LetterService", "settings_from_store"]


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
    co_sign, place}) or, failing that, the organisation name given at ``init``."""
    head = store.setting("letterhead")
    org: dict[str, Any] | None = None
    place = None
    if isinstance(head, dict) and head.get("name"):
        org = dict(head)
        place = head.get("place")
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

    def prepare(
        self,
        case: Mapping[str, Any],
        recipient_id: str,
        *,
        template: str | None = None,
        lang: str | None = None,
        settings: LetterSettings | None = None,
        number: int | None = None,
        images: Mapping[str, bytes] | None = None,
    ) -> tuple[Letter, dict[str, Any]]:
        """Context and markup of one letter (refusing with every reason)."""
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
        images: Mapping[str, bytes] | None = None,
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
