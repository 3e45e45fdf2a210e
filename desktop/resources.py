"""Locate shipped data (fonts, forms, templates) in a source checkout or an installed wheel."""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def data_root(name: str) -> Path:
    """``resources`` or ``forms``: beside the package in a checkout, inside it in a wheel."""
    for candidate in (_PACKAGE.parent / name, _PACKAGE / "_data" / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"the application's {name} folder is missing: reinstall the app")


def resource_path(*parts: str) -> Path:
    return data_root("resources").joinpath(*parts)


def font_files() -> list[Path]:
    return sorted(resource_path("fonts").glob("*.ttf"))
