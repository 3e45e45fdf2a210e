"""Fail closed: without SQLCipher underneath, nothing is created or opened in plaintext.

``desktop.store.engine.DRIVER`` is swapped for the standard ``sqlite3`` module — the
situation of a broken install or a packaging mistake. Creating and opening a vault must
then fail with IntegrityError (exit 5), leaving no plaintext database behind. A plaintext
SQLite file put in place of ``cases.db`` is refused with the real driver too.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sectools import SQLITE_PLAINTEXT_HEADER, files_under, single_error_line, snapshot

from desktop.errors import IntegrityError
from desktop.store import engine


@pytest.fixture
def plain_driver(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(engine, "DRIVER", sqlite3)


@pytest.fixture
def keep_umask() -> Iterator[None]:
    """``cli.main`` sets the process umask; give the test process its own back."""
    old = os.umask(0o022)
    os.umask(old)
    yield
    os.umask(old)


def _plaintext_files(folder: Path) -> list[Path]:
    if not folder.exists():
        return []
    found = []
    for path in files_under(folder):
        with path.open("rb") as fh:
            if fh.read(16) == SQLITE_PLAINTEXT_HEADER:
                found.append(path)
    return found


def test_the_swap_is_real(plain_driver: None) -> None:
    """The patched driver really is plain SQLite (else the tests below prove nothing)."""
    assert engine.DRIVER is sqlite3
    with pytest.raises(IntegrityError):
        engine.check_driver()


def test_creating_a_vault_is_refused(plain_driver: None, vault_dir: Path) -> None:
    from desktop.app import create_vault

    with pytest.raises(IntegrityError) as info:
        create_vault(vault_dir, "correct horse battery staple")
    assert info.value.exit_code == 5
    assert "SQLCipher" in str(info.value)
    assert not (vault_dir / "cases.db").exists()
    assert not (vault_dir / "vault.json").exists(), "no header for a vault without a database"
    assert _plaintext_files(vault_dir) == []


def test_cli_init_and_list_exit_5(
    plain_driver: None,
    keep_umask: None,
    vault_dir: Path,
    passphrase_file: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """The CLI entry point, in-process so that the patched driver is the one it uses."""
    from desktop.cli import main

    common = ["--vault", str(vault_dir), "--passphrase-file", str(passphrase_file)]
    assert main([*common, "init"]) == 5
    captured = capsys.readouterr()
    single_error_line(captured.err)
    assert "Recovery key" not in captured.out
    assert _plaintext_files(vault_dir) == []
    assert main([*common, "list"]) != 0
    single_error_line(capsys.readouterr().err)
    assert _plaintext_files(vault_dir) == []


def test_opening_an_existing_vault_is_refused(
    populated: Any,
    monkeypatch: pytest.MonkeyPatch,
    keep_umask: None,
    capsys: pytest.CaptureFixture[str],
) -> None:
    from desktop.app import unlock
    from desktop.cli import main

    before = snapshot(populated.vault)
    monkeypatch.setattr(engine, "DRIVER", sqlite3)
    with pytest.raises(IntegrityError) as info:
        unlock(populated.vault, passphrase=populated.passphrase)
    assert info.value.exit_code == 5
    args = ["--vault", str(populated.vault), "--passphrase-file"]
    passphrase_file = populated.cli.passphrase_file
    assert main([*args, str(passphrase_file), "list"]) == 5
    assert "TD-2026-0001" not in capsys.readouterr().out
    assert snapshot(populated.vault) == before, "a refused open must not touch the files"
    assert _plaintext_files(populated.vault) == []


def test_plaintext_database_in_place_of_cases_db_is_refused(populated: Any) -> None:
    db = populated.vault / "cases.db"
    db.unlink()
    conn = sqlite3.connect(db)
    conn.execute("CREATE TABLE cases (reference TEXT)")
    conn.execute("INSERT INTO cases VALUES ('TD-1999-0001')")
    conn.commit()
    conn.close()
    assert db.read_bytes()[:16] == SQLITE_PLAINTEXT_HEADER
    before = snapshot(populated.vault)
    result = populated.cli("list")
    assert result.code == 5, result
    assert "not encrypted" in single_error_line(result.err)
    assert "TD-1999-0001" not in result.out
    assert snapshot(populated.vault) == before
