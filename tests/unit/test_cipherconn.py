"""The driver-level read-only connection of the sync export's records helper
(desktop/store/cipherconn.py): the same fail-closed rules as the app's engines."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from conftest import PASSPHRASE

from desktop.app import create_vault
from desktop.errors import IntegrityError
from desktop.store import cipherconn


@pytest.fixture
def vault_db(tmp_path: Path) -> tuple[Path, bytes]:
    session, _ = create_vault(tmp_path / "v", PASSPHRASE)
    try:
        return session.unlocked.db_path, session.unlocked.db_key
    finally:
        session.lock()


def test_reads_with_the_right_key_and_refuses_writes(vault_db: tuple[Path, bytes]) -> None:
    path, key = vault_db
    conn = cipherconn.open_read_only(path, key)
    try:
        assert conn.execute("SELECT count(*) FROM cases").fetchone() == (0,)
        assert conn.execute("PRAGMA query_only").fetchone() == (1,)
        with pytest.raises(Exception, match=r"readonly|read-only|query_only"):
            conn.execute("DELETE FROM cases")
    finally:
        conn.close()


def test_a_wrong_key_is_refused_at_once(vault_db: tuple[Path, bytes]) -> None:
    path, _key = vault_db
    with pytest.raises(IntegrityError, match="cannot be read with this key"):
        cipherconn.open_read_only(path, bytes(32))


def test_a_plaintext_or_missing_database_is_refused(tmp_path: Path) -> None:
    plain = tmp_path / "plain.db"
    sqlite3.connect(plain).execute("CREATE TABLE t (x)").connection.commit()
    with pytest.raises(IntegrityError, match="not encrypted"):
        cipherconn.open_read_only(plain, bytes(32))
    with pytest.raises(IntegrityError, match="missing"):
        cipherconn.open_read_only(tmp_path / "nothing.db", bytes(32))


def test_the_key_must_be_32_bytes(vault_db: tuple[Path, bytes]) -> None:
    path, _key = vault_db
    with pytest.raises(ValueError, match="32 bytes"):
        cipherconn.open_read_only(path, b"short")
