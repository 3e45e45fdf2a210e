"""Batch letters as the GUI runs them (``desktop.letters.batch.write_batch``): one PDF per
case in the chosen folder, refusals skipped, appeals recorded, cancel and lock respected."""

from __future__ import annotations

import copy
import hashlib
import threading
from pathlib import Path
from typing import Any

import pytest
from lettertools import TODAY, make_case, pdf_pages

from desktop.errors import UsageError
from desktop.letters.batch import write_batch
from desktop.letters.context import LetterSettings
from desktop.letters.service import LetterService

SETTINGS = LetterSettings(org={"name": "Steppe Rights Test Group"}, place="Almaty", today=TODAY)


def _cases(session: Any, n: int) -> list[str]:
    docs = []
    for i in range(n):
        case = copy.deepcopy(make_case(appeals=[]))
        case.pop("id", None)
        case["reference"] = f"TD-2026-{200 + i:04d}"
        docs.append(case)
    docs[1]["testimonies"][0]["consent"]["use_in_appeals"] = False
    session.store.cases.save(docs)
    return [session.store.cases.resolve(d["reference"]) for d in docs]


def test_batch_writes_records_and_skips(
    session: Any, real_service: LetterService, tmp_path: Path
) -> None:
    ids = _cases(session, 3)
    steps: list[tuple[int, int, str]] = []
    result = write_batch(
        session, real_service, None, tmp_path / "out", recipient="kz-mfa", lang="ru",
        settings=SETTINGS, progress=lambda i, n, ref: steps.append((i, n, ref)),
    )  # fmt: skip
    assert [r for r, _p in result.written] == ["TD-2026-0200", "TD-2026-0202"]
    assert result.skipped[0][0] == "TD-2026-0201" and "consent" in result.skipped[0][1]
    assert steps[0] == (0, 3, "TD-2026-0200") and steps[-1] == (3, 3, "")
    for _ref, path in result.written:
        assert path.parent == tmp_path / "out" and pdf_pages(path.read_bytes()) >= 1
    first = session.store.cases.get(ids[0])["appeals"]
    assert first[0]["pdf_sha256"] == hashlib.sha256(result.written[0][1].read_bytes()).hexdigest()
    assert result.recorded == 2


def test_batch_cancelled_before_the_first_letter_writes_nothing(
    session: Any, real_service: LetterService, tmp_path: Path
) -> None:
    _cases(session, 2)
    cancel = threading.Event()
    cancel.set()
    result = write_batch(session, real_service, None, tmp_path / "out", recipient="kz-mfa",
                         settings=SETTINGS, cancel=cancel)  # fmt: skip
    assert result.cancelled and result.written == [] and result.recorded == 0
    assert not any(c.get("appeals") for c in session.store.cases.documents())


def test_batch_after_lock_touches_nothing(
    vault_dir: Path, real_service: LetterService, tmp_path: Path
) -> None:
    from desktop.app import create_vault

    session, _ = create_vault(vault_dir, "correct horse battery staple")
    _cases(session, 2)
    session.lock()
    result = write_batch(session, real_service, None, tmp_path / "out", recipient="kz-mfa",
                         settings=SETTINGS)  # fmt: skip
    assert result.cancelled and result.written == []
    assert not (tmp_path / "out").exists()


def test_batch_refuses_the_vault_folder(session: Any, real_service: LetterService) -> None:
    with pytest.raises(UsageError, match="inside the vault"):
        write_batch(session, real_service, None, session.vault.folder / "letters",
                    recipient="kz-mfa", settings=SETTINGS)  # fmt: skip
