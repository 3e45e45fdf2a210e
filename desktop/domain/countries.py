"""ISO 3166-1 alpha-2 country codes and their names in English, Russian and Kazakh.

Citizenships, places and document issuers are stored as codes (DESIGN §3) so statistics and
merges do not depend on how someone spelled "Kazakhstan"; letters and the UI show the name in
the reader's language. The data comes from ``pycountry`` (Debian's iso-codes), whose gettext
catalogues include Russian and Kazakh.

Only upper-case codes are accepted: the case format stores them that way, and accepting
``"kz"`` here would let files through that other tools reject.
"""

from __future__ import annotations

import gettext
from functools import lru_cache

__all__ = ["all_countries", "country_name", "is_country"]

# Fallback chain per UI language: a missing Kazakh name is better shown in Russian, which
# every Kazakh reader of these letters also reads, than in English.
_FALLBACKS: dict[str, tuple[str, ...]] = {
    "en": (),
    "ru": ("ru",),
    "kk": ("kk", "ru"),
    "ug": ("ug",),  # the Uyghur UI (iso-codes has every name in Uyghur)
}


# pycountry is imported on first use (~30-70 ms): most processes that import the domain
# (the sync export's records helper, the GUI's first window) never look a country up.
@lru_cache(maxsize=1)
def _by_code() -> dict[str, object]:
    import pycountry

    return {c.alpha_2: c for c in pycountry.countries}


@lru_cache(maxsize=8)
def _catalogue(lang: str) -> gettext.NullTranslations:
    import pycountry

    return gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[lang], fallback=True)


def is_country(code: str) -> bool:
    """True for an assigned ISO 3166-1 alpha-2 code in upper case (``KZ``, not ``kz``)."""
    return isinstance(code, str) and len(code) == 2 and code.isupper() and code in _by_code()


def country_name(code: str, lang: str = "en") -> str:
    """Short name of the country ``code`` in ``lang`` (``en``, ``ru``, ``kk``, ``ug``).

    The English name is the common one where ISO gives a longer official form ("Taiwan",
    "Bolivia"); translations fall back kk → ru → en. Other languages get English. An
    unknown code raises ``KeyError``: callers validate codes with :func:`is_country` first.
    """
    if not is_country(code):
        raise KeyError(f"{code!r} is not an ISO 3166-1 alpha-2 country code")
    country = _by_code()[code]
    official: str = country.name  # type: ignore[attr-defined]
    common: str | None = getattr(country, "common_name", None)
    english = common or official
    for candidate_lang in _FALLBACKS.get(lang, ()):
        catalogue = _catalogue(candidate_lang)
        for msgid in (common, official):
            if msgid is None:
                continue
            translated = catalogue.gettext(msgid)
            if translated != msgid:
                return translated
    return english


def all_countries() -> list[str]:
    """Every alpha-2 code, sorted, for pickers and validation messages."""
    return sorted(_by_code())
