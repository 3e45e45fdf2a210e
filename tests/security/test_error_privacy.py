"""Errors about the vault never carry personal data, and never a traceback.

Whatever went wrong — wrong passphrase, wrong recovery key, a flipped bit in the database
or the header, a missing database — the CLI prints exactly one ``error:`` line on stderr,
nothing on stdout, and none of the names or other identifying texts of the cases inside.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from sectools import flip_bit, personal_strings, single_error_line


def _wrong_passphrase(p: Any, tmp: Path) -> list[str]:
    wrong = tmp / "wrong.txt"
    wrong.write_text("not the passphrase at all\n", "utf-8")
    return ["--passphrase-file", str(wrong)]


def _wrong_recovery_key(p: Any, tmp: Path) -> list[str]:
    wrong = tmp / "wrong-key.txt"
    wrong.write_text("AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG-HHHH\n", "utf-8")
    return ["--recovery-key-file", str(wrong)]


def _flip_in_database(p: Any, tmp: Path) -> list[str]:
    size = (p.vault / "cases.db").stat().st_size
    flip_bit(p.vault / "cases.db", random.Random(3).randrange(4096, size), 2)
    return ["--passphrase-file", str(p.cli.passphrase_file)]


def _flip_in_first_page(p: Any, tmp: Path) -> list[str]:
    flip_bit(p.vault / "cases.db", 700, 5)
    return ["--passphrase-file", str(p.cli.passphrase_file)]


def _flip_in_header_mac(p: Any, tmp: Path) -> list[str]:
    header = (p.vault / "vault.json").read_bytes()
    flip_bit(p.vault / "vault.json", header.index(b'"mac"') + 10, 0)
    return ["--passphrase-file", str(p.cli.passphrase_file)]


def _database_missing(p: Any, tmp: Path) -> list[str]:
    (p.vault / "cases.db").unlink()
    return ["--passphrase-file", str(p.cli.passphrase_file)]


def _database_replaced(p: Any, tmp: Path) -> list[str]:
    (p.vault / "cases.db").write_bytes(random.Random(9).randbytes(8 * 4096))
    return ["--passphrase-file", str(p.cli.passphrase_file)]


FAULTS: dict[str, tuple[Callable[[Any, Path], list[str]], int]] = {
    "wrong-passphrase": (_wrong_passphrase, 3),
    "wrong-recovery-key": (_wrong_recovery_key, 3),
    "flip-in-database": (_flip_in_database, 5),
    "flip-in-first-page": (_flip_in_first_page, 5),
    "flip-in-header-mac": (_flip_in_header_mac, 5),
    "database-missing": (_database_missing, 5),
    "database-replaced": (_database_replaced, 5),
}


CASES = [(fault, ["list"]) for fault in FAULTS] + [
    (fault, command)
    for fault in ("wrong-passphrase", "flip-in-database")
    for command in (["show", "TD-2026-0001"], ["search", "Erlan"], ["export", "--out", "OUT"])
]


@pytest.mark.parametrize(("fault", "command"), CASES, ids=[f"{f}-{c[0]}" for f, c in CASES])
def test_vault_errors_are_one_calm_line(
    populated: Any, tmp_path: Path, fault: str, command: list[str]
) -> None:
    make, code = FAULTS[fault]
    secrets = personal_strings(populated.case)
    assert "Ерлан Сапарұлы" in secrets and len(secrets) >= 5
    unlock_args = make(populated, tmp_path)
    command = [str(tmp_path / "export.json") if arg == "OUT" else arg for arg in command]
    result = populated.cli(*unlock_args, *command, unlock=False)
    assert result.code == code, result
    line = single_error_line(result.err)
    assert result.out == ""
    leaked = [s for s in secrets if s in line or s.casefold() in line.casefold()]
    assert not leaked, f"the error message names case data: {line!r}"
    assert "ERROR CORE" not in result.err and "sqlite" not in line.lower()
    assert not (tmp_path / "export.json").exists()


def test_the_check_can_see_a_leak(populated: Any) -> None:
    """Control: the same case data printed by a successful command is found by the check."""
    result = populated.cli("list")
    assert result.code == 0
    assert any(s in result.out for s in personal_strings(populated.case))
