"""The full verification used by ``testimony-desk check`` and the GUI's background sweep."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from desktop.errors import IntegrityError
from desktop.store import database

EXAMPLE = Path(__file__).resolve().parents[1] / "data" / "case-example.json"


def test_verify_passes_on_a_sound_vault(session: Any) -> None:
    session.import_files([EXAMPLE])
    session.store.verify()


def test_verify_finds_an_edited_history_entry(session: Any) -> None:
    from sqlalchemy import text

    session.import_files([EXAMPLE])
    with session.store.engine.begin() as conn:
        conn.execute(text("UPDATE history SET device = 'someone-else' WHERE seq = 1"))
    with pytest.raises(IntegrityError, match="history"):
        session.store.verify()


def test_large_vaults_skip_the_full_sweep_at_unlock(
    session: Any, vault_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Above the size limit unlock does not call the full check; below it, it does."""
    from desktop import app
    from desktop.store import engine as engines

    calls: list[int] = []
    real = engines.verify_integrity
    monkeypatch.setattr(engines, "verify_integrity", lambda e: calls.append(1) or real(e))
    session.import_files([EXAMPLE])
    session.lock()
    from tests.conftest import PASSPHRASE

    app.unlock(vault_dir, passphrase=PASSPHRASE).lock()
    assert calls == [1]
    monkeypatch.setattr(database, "FULL_CHECK_AT_UNLOCK_MAX_BYTES", 1)
    app.unlock(vault_dir, passphrase=PASSPHRASE).lock()
    assert calls == [1]


def test_cli_check(initialized: Any) -> None:
    assert initialized("import", str(EXAMPLE)).code == 0
    result = initialized("check")
    assert result.code == 0, result.err
    assert result.out.startswith("ok: 1 case;")
