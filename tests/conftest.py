"""Shared test setup: an isolated home, fast-but-valid Argon2, in-memory keyring, offscreen Qt.

Every test runs with HOME, XDG folders and TMPDIR under its own temporary folder, so leak
tests can scan them, and nothing a test does touches the developer's real vault.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

# Must be set before any Qt import anywhere in the test session.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["PYTHON_KEYRING_BACKEND"] = "desktop.vault.memory_keyring.MemoryKeyring"
# The floor cost (64 MiB, t=3, p=4): real Argon2id, a quarter of the default memory.
os.environ["TESTIMONY_DESK_ARGON2_MEMORY_KIB"] = str(64 * 1024)

REPO = Path(__file__).resolve().parents[1]
DATA = Path(__file__).resolve().parent / "data"
PASSPHRASE = "correct horse battery staple"  # noqa: S105 - a test passphrase


@pytest.fixture(autouse=True)
def isolated_home(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Path:
    home = tmp_path_factory.mktemp("home")
    tmp = home / "tmp"
    tmp.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("TMPDIR", str(tmp))
    for var, sub in (
        ("XDG_DATA_HOME", ".local/share"),
        ("XDG_STATE_HOME", ".local/state"),
        ("XDG_CONFIG_HOME", ".config"),
        ("XDG_CACHE_HOME", ".cache"),
    ):
        (home / sub).mkdir(parents=True, exist_ok=True)
        monkeypatch.setenv(var, str(home / sub))
    monkeypatch.delenv("TESTIMONY_DESK_VAULT", raising=False)
    return home


@pytest.fixture
def vault_dir(tmp_path: Path) -> Path:
    return tmp_path / "vault"


@pytest.fixture
def passphrase_file(tmp_path: Path) -> Path:
    path = tmp_path / "passphrase.txt"
    path.write_text(PASSPHRASE + "\n", encoding="utf-8")
    return path


@dataclass
class Result:
    code: int
    out: str
    err: str


@dataclass
class CLI:
    """Runs ``python -m desktop`` in a subprocess: the real program, real exit codes."""

    vault: Path
    passphrase_file: Path

    def __call__(self, *args: str, unlock: bool = True, timeout: float = 120) -> Result:
        cmd = [sys.executable, "-m", "desktop", "--vault", str(self.vault)]
        if unlock:
            cmd += ["--passphrase-file", str(self.passphrase_file)]
        proc = subprocess.run(
            [*cmd, *args],
            capture_output=True,
            text=True,
            timeout=timeout,
            cwd=REPO,
            env=os.environ.copy(),
            stdin=subprocess.DEVNULL,
        )
        return Result(proc.returncode, proc.stdout, proc.stderr)


@pytest.fixture
def cli(vault_dir: Path, passphrase_file: Path) -> CLI:
    return CLI(vault_dir, passphrase_file)


@pytest.fixture
def initialized(cli: CLI) -> Iterator[CLI]:
    """A CLI whose vault exists (created with ``init``)."""
    result = cli("init")
    assert result.code == 0, result.err
    yield cli


@pytest.fixture
def session(vault_dir: Path) -> Iterator[object]:
    """An unlocked in-process session on a fresh vault (for store-level tests)."""
    from desktop.app import create_vault

    sess, _recovery = create_vault(vault_dir, PASSPHRASE)
    yield sess
    sess.lock()
