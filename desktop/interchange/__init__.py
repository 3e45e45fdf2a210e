"""Case interchange: the JSON case format (DESIGN §7), JSON Lines and CSV.

Everything that enters or leaves the application as a file of cases passes through here:
the CLI's ``import``/``export``, the GUI's import dialog and the sync bundles (which carry
case-format JSON lines). :func:`normalize_case` defines the canonical form the store maps to
rows; the loaders are all-or-nothing and report errors with file, record and JSON path.
The format is documented for people in ``docs/formats.md`` and for machines in
``case.schema.json`` (see :func:`case_schema`).
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any

from desktop.interchange.case_csv import COLUMNS, DETENTION_TYPES, dump_csv, load_csv
from desktop.interchange.case_format import FORMAT_ID, normalize_case
from desktop.interchange.case_json import dump_cases, load_case_files, load_cases, redact_case

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
