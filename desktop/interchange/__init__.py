"""Case interchange: the JSON case format (DESIGN §7), JSON Lines and CSV.

Everything that enters or leaves the application as a file of cases passes through here:
the CLI's ``import``/``export``, the GUI's import dialog and the sync bundles (which carry
case-format JSON lines). :func:`normalize_case` defines the canonical form the store maps to
rows; the loaders are all-or-nothing and report errors with file, record and JSON path.
The format is documented for people in ``docs/formats.md`` and for machines in
``case.schema.json`` (see :func:`case_schema`).
"""

from __future__ import annotations

import importlib
import json
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from desktop.interchange.case_csv import COLUMNS, DETENTION_TYPES, dump_csv, load_csv
    from desktop.interchange.case_format import FORMAT_ID, normalize_case
    from desktop.interchange.case_json import (
        dump_cases,
        load_case_files,
        load_cases,
        redact_case,
    )

# The public names, imported from their modules on first use (PEP 562): a process that
# needs only ``case_format`` — the sync export's records helper, the GUI's first window —
# does not pay ~20 ms for the CSV and JSON Lines readers.
_FROM = {
    "COLUMNS": "case_csv",
    "DETENTION_TYPES": "case_csv",
    "dump_csv": "case_csv",
    "load_csv": "case_csv",
    "FORMAT_ID": "case_format",
    "normalize_case": "case_format",
    "dump_cases": "case_json",
    "load_case_files": "case_json",
    "load_cases": "case_json",
    "redact_case": "case_json",
}


def __getattr__(name: str) -> Any:
    module = _FROM.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value

__all__ = [
    "COLUMNS",
    "DETENTION_TYPES",
    "FORMAT_ID",
    "case_schema",
    "dump_cases",
    "dump_csv",
    "load_case_files",
    "load_cases",
    "load_csv",
    "normalize_case",
    "redact_case",
]


@cache
def _schema_text() -> str:
    return resources.files(__package__).joinpath("case.schema.json").read_text("utf-8")


def case_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of one case, as a fresh dict.

    Structural only: the importer (:func:`normalize_case`) is the authority and also checks
    calendars, country codes, references between persons and vocabularies in context.
    """
    schema: dict[str, Any] = json.loads(_schema_text())
    return schema
