"""Shared set-up for the atheris harnesses: a private home, the repository on sys.path."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def isolate() -> Path:
    """A throwaway HOME/XDG/TMPDIR so a harness never touches a real vault or state."""
    home = Path(tempfile.mkdtemp(prefix="td-fuzz-"))
    for var, sub in (
        ("XDG_DATA_HOME", ".local/share"),
        ("XDG_STATE_HOME", ".local/state"),
        ("XDG_CONFIG_HOME", ".config"),
        ("XDG_CACHE_HOME", ".cache"),
        ("TMPDIR", "tmp"),
    ):
        (home / sub).mkdir(parents=True, exist_ok=True)
        os.environ[var] = str(home / sub)
    os.environ["HOME"] = str(home)
    os.environ["PYTHON_KEYRING_BACKEND"] = "desktop.vault.memory_keyring.MemoryKeyring"
    os.environ["TESTIMONY_DESK_ARGON2_MEMORY_KIB"] = str(64 * 1024)
    for p in (REPO, REPO / "bench", REPO / "tests" / "security"):
        if str(p) not in sys.path:
            sys.path.insert(0, str(p))
    return home


def write_seed(corpus: Path, name: str, data: bytes) -> None:
    corpus.mkdir(parents=True, exist_ok=True)
    (corpus / name).write_bytes(data)
