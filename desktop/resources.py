"""Locate shipped data (fonts, forms, templates) in a source checkout or an installed wheel."""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def data_root(name: str) -> Path:
    """``resources`` or ``forms``: inside the package in a wheel or the frozen app
    (``desktop/_data/<name>``), else beside it in a source checkout.

    The packaged location is tried first: in an installed wheel the package's parent is
    site-packages, where a ``resources`` folder of some other distribution may lie.
    """
    for candidate in (_PACKAGE / "_data" / name, _PACKAGE.parent / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"the application's {name} folder is missing: reinstall the app")


def resource_path(*parts: str) -> Path:
    return data_root("resources").joinpath(*parts)


def font_files() -> list[Path]:
    return sorted(resource_path("fonts").glob("*.ttf"))
