"""Pure domain data: vocabularies, EDTF dates, names and scripts, country codes.

Nothing here touches Qt, a database or the file system (beyond package data read by
``pycountry``), so every other layer can use it, and it can be tested in isolation.
"""

from __future__ import annotations

from desktop.domain.countries import all_countries, country_name, is_country
from desktop.domain.edtf import EDTFDate, EDTFError, is_valid_edtf, parse_edtf
from desktop.domain.names import SCRIPTS, detect_script, fold, search_tokens, transliterate
from desktop.domain.vocab import VOCABULARIES, Vocabulary

__all__ = [
    "SCRIPTS",
    "VOCABULARIES",
    "EDTFDate",
    "EDTFError",
    "Vocabulary",
    "all_countries",
    "country_name",
    "detect_script",
    "fold",
    "is_country",
    "is_valid_edtf",
    "parse_edtf",
    "search_tokens",
    "transliterate",
]
