"""Unlocking: a wrong secret changes nothing, the recovery key works, erase is final, back-off.

Through the real CLI (exit codes are the contract). "Changes nothing" is checked on every
file of the vault folder: names, sizes, modes, modification times and SHA-256.
"""

from __future__ import annotations

import re
import time
from pathlib import Path
from typing import Any

import pytest
from sectools import recovery_key_from, single_error_line, snapshot

from desktop.errors import AuthError
from desktop.vault.backoff import FREE_ATTEMPTS

EXAMPLE = Path(__file__).resolve().parents[1] / "data" / "case-example.json"
WRONG = "correct horse battery stable"  # one letter off


def _file(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text + "\n", encoding="utf-8")
    return path


def test_wrong_passphrase_exits_3_and_changes_no_file(populated: Any, tmp_path: Path) -> None:
    wrong = _file(tmp_path, "wrong.txt", WRONG)
    before = snapshot(populated.vault)
    assert {"vault.json", "cases.db"} <= set(before)
    for _ in range(2):
        result = populated.cli("--passphrase-file", str(wrong), "list", unlock=False)
        assert result.code == 3, result
        assert single_error_line(result.err) == "error: wrong passphrase"
        assert result.out == ""
        assert snapshot(populated.vault) == before
    # The right passphrase still works afterwards (nothing was damaged).
    ok = populated.cli("list")
    assert ok.code == 0 and "TD-2026-0001" in ok.out, ok


def test_wrong_recovery_key_exits_3_and_changes_no_file(populated: Any, tmp_path: Path) -> None:
    from desktop.vault.recovery import format_recovery_code, new_recovery_secret

    wrong = _file(tmp_path, "wrong-key.txt", format_recovery_code(new_recovery_secret()))
    before = snapshot(populated.vault)
    result = populated.cli("--recovery-key-file", str(wrong), "list", unlock=False)
    assert result.code == 3, result
    single_error_line(result.err)
    assert snapshot(populated.vault) == before


def test_recovery_key_from_init_opens_then_erase_closes_for_ever(
    cli: Any, vault_dir: Path, tmp_path: Path
) -> None:
    init = cli("init")
    assert init.code == 0, init.err
    recovery = _file(tmp_path, "recovery.txt", recovery_key_from(init.out))
    assert cli("import", str(EXAMPLE)).code == 0

    by_key = cli("--recovery-key-file", str(recovery), "list", unlock=False)
    assert by_key.code == 0, by_key.err
    assert "TD-2026-0001" in by_key.out

    erased = cli("erase", "--yes", unlock=False)
    assert erased.code == 0, erased.err
    assert not vault_dir.exists(), "erase must delete the vault folder"

    for attempt in (
        cli("list"),
        cli("--recovery-key-file", str(recovery), "list", unlock=False),
    ):
        assert attempt.code != 0, attempt
        single_error_line(attempt.err)
        assert "TD-2026-0001" not in attempt.out
    # Nothing may have re-created a vault in its place.
    assert not vault_dir.exists()


def test_backoff_refuses_with_the_delay_and_lives_outside_the_vault(
    populated: Any, tmp_path: Path, isolated_home: Path
) -> None:
    from desktop.vault.vault import Vault

    wrong = _file(tmp_path, "wrong.txt", WRONG)
    before = snapshot(populated.vault)
    vault = Vault(populated.vault)
    messages: list[str] = []
    for _ in range(FREE_ATTEMPTS + 6):
        result = populated.cli("--passphrase-file", str(wrong), "list", unlock=False)
        assert result.code == 3, result
        messages.append(single_error_line(result.err))
        if "too many failed attempts" in messages[-1]:
            break
    # The first attempts are plain typos, then the refusal names the delay in seconds.
    assert messages[:FREE_ATTEMPTS] == ["error: wrong passphrase"] * FREE_ATTEMPTS
    refusal = messages[-1]
    assert re.fullmatch(r"error: too many failed attempts: try again in \d+ s", refusal), messages
    assert snapshot(populated.vault) == before, "back-off state must not be kept in the vault"
    state = isolated_home / ".local" / "state" / "testimony-desk"
    assert any(p.is_file() for p in state.rglob("*")), "no back-off state in $XDG_STATE_HOME"
    assert vault.failed_attempts >= FREE_ATTEMPTS

    # After the delay the right passphrase opens the vault and the counter is cleared.
    time.sleep(vault.retry_after() + 0.05)
    right = populated.cli("list")
    assert right.code == 0, right
    assert vault.failed_attempts == 0

    # While a delay runs even the right passphrase is refused, and nothing changes. (In
    # process, right after the failures, so that timing cannot make this test flaky.)
    for _ in range(FREE_ATTEMPTS):
        with pytest.raises(AuthError, match=r"^wrong passphrase$"):
            vault.unlock_passphrase(WRONG)
    assert vault.retry_after() > 0.5
    before = snapshot(populated.vault)
    with pytest.raises(AuthError, match=r"^too many failed attempts: try again in \d+ s$"):
        vault.unlock_passphrase(populated.passphrase)
    assert snapshot(populated.vault) == before
