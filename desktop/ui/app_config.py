"""The application's plain (unencrypted) configuration: the UI language, nothing else.

The language must be known before the vault is unlocked (the unlock dialog is shown in
it), so it cannot live in the vault's encrypted settings like the other preferences
(``desktop/preferences.py``). This file therefore holds nothing about cases, people, the
vault's location or its user: only keys listed in ``KNOWN_KEYS`` are read or written, so a
later change cannot slip something else in by accident.

Location: ``$XDG_CONFIG_HOME/testimony-desk/app.json`` (``~/.config/…`` when unset).
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path

__all__ = ["AppConfig", "config_path", "load", "save"]

KNOWN_KEYS = ("language",)
_FILE_NAME = "app.json"


@dataclass(frozen=True)
class AppConfig:
    language: str | None = None
    """A UI language code (``en``, ``ru``, ``kk``, ``ug``); None: follow the system locale."""


def config_path() -> Path:
    base = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(base) / "testimony-desk" / _FILE_NAME


def load(path: Path | None = None) -> AppConfig:
    """The stored configuration; a missing, unreadable or malformed file gives defaults."""
    path = path or config_path()
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError):
        return AppConfig()
    if not isinstance(raw, dict):
        return AppConfig()
    language = raw.get("language")
    if not isinstance(language, str) or not language.isalpha() or len(language) > 8:
        language = None
    return AppConfig(language=language)


def save(config: AppConfig, path: Path | None = None) -> Path:
    """Write ``config`` atomically (a temporary file beside it, then a rename)."""
    path = path or config_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    data = {"language": config.language} if config.language else {}
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(json.dumps(data, ensure_ascii=False) + "\n", encoding="utf-8")
    os.replace(tmp, path)
    return path
