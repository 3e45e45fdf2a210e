"""What installers and CI rely on: ``--version`` and ``gui --self-test`` (DESIGN §6 extended)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parents[2]
DATA = REPO / "tests" / "data"


def test_version_names_app_sqlcipher_qt_and_reportlab(cli: Any) -> None:
    import PySide6
    import reportlab
    from PySide6 import QtCore

    from desktop import __version__

    result = cli("--version", unlock=False)
    assert result.code == 0, result.err
    lines = result.out.splitlines()
    assert lines[0] == f"testimony-desk {__version__}"
    assert re.fullmatch(r"SQLCipher 4\.\d+\.\d+.*", lines[1]), lines[1]
    assert f"Qt {QtCore.qVersion()} (PySide6 {PySide6.__version__})" in lines
    assert f"reportlab {reportlab.Version}" in lines
    assert result.err == ""


def test_the_version_has_one_source() -> None:
    """pyproject takes the version from desktop/__init__.py (hatch), never a second copy."""
    import tomllib

    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    assert "version" not in project["project"]
    assert "version" in project["project"]["dynamic"]
    assert project["tool"]["hatch"]["version"]["path"] == "desktop/__init__.py"


def test_gui_self_test_paints_the_cases_and_exits_0(initialized: Any) -> None:
    imported = initialized("import", str(DATA / "cases.jsonl"))
    assert imported.code == 0, imported.err
    result = initialized("gui", "--self-test")
    assert result.code == 0, result.err
    assert re.fullmatch(r"self-test ok: 2 cases listed, main window painted .*\n", result.out)
    assert "error" not in result.err


def test_gui_self_test_reports_the_loaded_translations(
    initialized: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LC_ALL", "ru_RU.UTF-8")  # the system locale picks the UI language
    result = initialized("gui", "--self-test")
    assert result.code == 0, result.err
    assert "; UI ru (qtbase_ru, testimony_desk_ru);" in result.out


def test_gui_self_test_fails_on_a_wrong_passphrase(initialized: Any, tmp_path: Path) -> None:
    wrong = tmp_path / "wrong.txt"
    wrong.write_text("not the passphrase\n", encoding="utf-8")
    initialized.passphrase_file = wrong
    result = initialized("gui", "--self-test")
    assert result.code == 3
    assert result.out == ""
    assert result.err.strip().splitlines()[-1].startswith("error: ")


def test_gui_self_test_fails_without_a_vault(cli: Any) -> None:
    result = cli("gui", "--self-test")
    assert result.code != 0
    assert "self-test ok" not in result.out
