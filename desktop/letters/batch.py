"""Batch letters: one template to one recipient for many cases, one PDF per case in a folder.

Used by the GUI's batch dialog (in a worker job, with progress and cancel); pure service code
with no Qt. Each PDF is written atomically into the folder the user chose and named after the
letter reference (never after a person). A refused case (no consent, missing facts) is
skipped with its reasons; the letters written are recorded as drafted appeals in one save
at the end — also when the user cancelled part way, because those letters exist.
"""

from __future__ import annotations

import functools
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from desktop.letters.appeals import record_appeal
from desktop.letters.context import LetterSettings
from desktop.letters.refusal import LetterRefused
from desktop.letters.service import LetterService, attachment_images

__all__ = ["BatchResult", "write_batch"]


@dataclass
class BatchResult:
    total: int = 0
    written: list[tuple[str, Path]] = field(default_factory=list)  # (case reference, file)
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (case reference, reason)
    cancelled: bool = False
    recorded: int = 0


def write_batch(
    session: Any,
    service: LetterService,
    case_ids: Sequence[str] | None,
    folder: Path,
    *,
    recipient: str,
    template: str | None = None,
    lang: str | None = None,
    settings: LetterSettings,
    page_size: str = "A4",
    record: bool = True,
    cancel: threading.Event | None = None,
    progress: Callable[[int, int, str], None] | None = None,
) -> BatchResult:
    """Write one PDF per case (``case_ids`` None: every case) into ``folder``."""
    from desktop.interchange.case_format import normalize_case
    from desktop.vault.vaultfile import atomic_write, is_inside

    if is_inside(folder, session.vault.folder):
        from desktop.errors import UsageError

        raise UsageError("refusing to write letters inside the vault folder")
    cases = session.store.cases

    def stop() -> bool:
        # Cancel, or the vault was locked meanwhile: nothing may touch the store after Lock.
        return (cancel is not None and cancel.is_set()) or bool(session.unlocked.is_locked)

    if stop():
        return BatchResult(cancelled=True)
    ids = list(case_ids) if case_ids is not None else [s.id for s in cases.summaries()]
    result = BatchResult(total=len(ids))
    folder.mkdir(parents=True, exist_ok=True)
    to_record: list[dict[str, Any]] = []
    for i, case_id in enumerate(ids):
        if stop():  # checked before the store is read for the next case
            result.cancelled = True
            break
        case = cases.get(case_id)
        ref = str(case.get("reference", ""))
        if progress is not None:
            progress(i, result.total, ref)
        try:
            composed = service.compose(
                case, recipient, template=template, lang=lang, settings=settings,
                page_size=page_size, images=functools.partial(attachment_images, session, case),
            )  # fmt: skip
        except LetterRefused as exc:
            result.skipped.append((ref, "; ".join(exc.problems)))
            continue
        path = folder / (composed.reference.replace("/", "_") + ".pdf")
        atomic_write(path, composed.pdf)
        result.written.append((ref, path))
        if record:
            to_record.append(
                normalize_case(
                    record_appeal(
                        case,
                        recipient=composed.recipient,
                        template=composed.template,
                        language=composed.language,
                        reference=composed.reference,
                        pdf_sha256=composed.sha256,
                        on=settings.today,
                    )
                )
            )
    if progress is not None and not result.cancelled:
        progress(result.total, result.total, "")
    if to_record and not session.unlocked.is_locked:
        cases.save(to_record, source="letter batch")
        result.recorded = len(to_record)
    return result
