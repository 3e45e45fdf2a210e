"""Build the template context of a letter from a case — or refuse, with every reason.

The context is the contract between this engine and the templates HQ staff write
(docs/letters.md lists every key). Everything in it is already in the letter's language:
labels from the vocabularies, country names, dates in words. Templates therefore hold only
wording, never logic about EDTF or vocabularies.

Refusals are collected, not raised one by one (see :class:`LetterRefused`): the consent of
the testimonies, the facts a template needs (a WGEID communication without a date or place
is returned by the Working Group), the recipient's languages and the existence of the
template are all checked before anything is rendered.

Pure Python: the case is a normalized case dict (desktop.interchange.case_format).
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from desktop.domain import vocab
from desktop.domain.countries import country_name, is_country
from desktop.domain.edtf import parse_edtf
from desktop.letters.dates import LETTER_LANGUAGES, date_in_words, date_plain, day_in_words
from desktop.letters.places import localize_place
from desktop.letters.recipients import Recipient, RecipientDirectory
from desktop.letters.refusal import LetterRefused

__all__ = [
    "DEFAULT_TEMPLATE",
    "REQUIREMENTS",
    "LetterSettings",
    "build_context",
    "choose_language",
    "letter_reference",
]

DEFAULT_TEMPLATE = "consular-inquiry"
DISAPPEARANCE_TYPES = ("detained", "arrested", "disappeared", "summoned")  # by priority
FOLLOW_UP_STATUSES = ("sent", "acknowledged", "no-answer")

# Facts each template needs; templates not listed need only the detained person's name.
REQUIREMENTS: dict[str, tuple[str, ...]] = {
    "consular-inquiry": ("name", "date", "testifier"),
    "third-country-appeal": ("name", "date", "place", "testifier"),
    "wgeid": ("name", "date", "place", "authority", "testifier"),
    "follow-up": ("name", "testifier", "earlier"),
    "dossier": ("name",),
}
_FACT_TEXT = {
    "name": "the case has no detained person with a name",
    "date": "no date is known for the detention or disappearance",
    "place": "no place is known for the detention or disappearance",
    "authority": "the authority believed responsible is not recorded",
    "testifier": "the case has no testifier (the relative who signs the letter)",
    "earlier": "there is no earlier letter to this recipient (sent, with date and reference) "
    "to follow up",
}
_PREFERRED_SCRIPTS = {"en": ("Latn",), "ru": ("Cyrl",), "kk": ("Cyrl",)}

# What the testifier is to the detained person, by relationship kind and the testifier's sex
# (female, male, neither/unknown) — lower case, for use inside a sentence.
_RELATION_WORDS: dict[str, dict[str, tuple[str, str, str]]] = {
    "en": {
        "spouse": ("wife", "husband", "spouse"),
        "parent": ("mother", "father", "parent"),
        "child": ("daughter", "son", "child"),
        "sibling": ("sister", "brother", "sibling"),
        "grandparent": ("grandmother", "grandfather", "grandparent"),
        "grandchild": ("granddaughter", "grandson", "grandchild"),
        "relative": ("relative", "relative", "relative"),
        "friend": ("friend", "friend", "friend"),
        "colleague": ("colleague", "colleague", "colleague"),
        "neighbour": ("neighbour", "neighbour", "neighbour"),
        "other": ("acquaintance", "acquaintance", "acquaintance"),
    },
    "ru": {
        "spouse": ("супруга", "супруг", "супруг(а)"),
        "parent": ("мать", "отец", "родитель"),
        "child": ("дочь", "сын", "ребёнок"),
        "sibling": ("сестра", "брат", "брат или сестра"),
        "grandparent": ("бабушка", "дедушка", "дедушка или бабушка"),
        "grandchild": ("внучка", "внук", "внук или внучка"),
        "relative": ("родственница", "родственник", "родственник"),
        "friend": ("подруга", "друг", "друг"),
        "colleague": ("коллега", "коллега", "коллега"),
        "neighbour": ("соседка", "сосед", "сосед"),
        "other": ("знакомая", "знакомый", "знакомый"),
    },
    "kk": {
        "spouse": ("әйелі", "күйеуі", "жұбайы"),
        "parent": ("анасы", "әкесі", "ата-анасы"),
        "child": ("қызы", "ұлы", "баласы"),
        "sibling": ("туған апа-сіңлісі", "туған бауыры", "туған бауыры"),
        "grandparent": ("әжесі", "атасы", "атасы немесе әжесі"),
        "grandchild": ("немересі", "немересі", "немересі"),
        "relative": ("туысы", "туысы", "туысы"),
        "friend": ("досы", "досы", "досы"),
        "colleague": ("әріптесі", "әріптесі", "әріптесі"),
        "neighbour": ("көршісі", "көршісі", "көршісі"),
        "other": ("таныс адамы", "таныс адамы", "таныс адамы"),
    },
}
_NUMBER_SIGN = {"en": "No.", "ru": "№", "kk": "№"}
# "Copy of <document>" per document type: what is enclosed is a copy, never the original.
_COPY_OF: dict[str, dict[str, str]] = {
    "en": {
        "passport": "Copy of passport",
        "id-card": "Copy of identity card",
        "residence-permit": "Copy of residence permit",
        "birth-certificate": "Copy of birth certificate",
        "driving-licence": "Copy of driving licence",
        "other": "Copy of identity document",
    },
    "ru": {
        "passport": "Копия паспорта",
        "id-card": "Копия удостоверения личности",
        "residence-permit": "Копия вида на жительство",
        "birth-certificate": "Копия свидетельства о рождении",
        "driving-licence": "Копия водительского удостоверения",
        "other": "Копия документа, удостоверяющего личность",
    },
    "kk": {
        "passport": "Төлқұжаттың көшірмесі",
        "id-card": "Жеке куәліктің көшірмесі",
        "residence-permit": "Ықтиярхаттың көшірмесі",
        "birth-certificate": "Туу туралы куәліктің көшірмесі",
        "driving-licence": "Жүргізуші куәлігінің көшірмесі",
        "other": "Жеке басын куәландыратын құжаттың көшірмесі",
    },
}
_YES_NO = {"en": ("yes", "no"), "ru": ("да", "нет"), "kk": ("иә", "жоқ")}
_CONSENT_WORDS = {
    "en": ("use in appeals", "publication"),
    "ru": ("использование в обращениях", "публикация"),
    "kk": ("өтініштерде пайдалану", "жариялау"),
}


@dataclass(frozen=True)
class LetterSettings:
    """What comes from the vault's settings rather than the case.

    ``org`` is the letterhead: ``{name, address_lines, contact, co_sign}`` or None for a
    letter a relative sends in their own name. ``place`` is where the letter is signed
    (default: the testifier's town).
    """

    org: Mapping[str, Any] | None = None
    # plain text (translated by the built-in table of towns) or {lang: text}; see places.py
    place: str | Mapping[str, str] | None = None
    today: _dt.date = field(default_factory=_dt.date.today)


def letter_reference(case_ref: str, recipient_id: str, number: int) -> str:
    """``TD-2026-0042/KZ-MFA/3``: case, recipient, and the appeal's number in the case."""
    return f"{case_ref}/{recipient_id.upper()}/{number}"


def choose_language(
    recipient: Recipient, case: Mapping[str, Any], template_langs: Sequence[str] = ()
) -> str:
    """The recipient's first language that a consenting testimony was given in; else its
    first language (that the template exists in, when ``template_langs`` is given)."""
    accepted = [
        lang for lang in recipient.languages if not template_langs or lang in template_langs
    ]
    if not accepted:
        return recipient.languages[0]
    spoken = [t.get("language") for t in case.get("testimonies", [])]
    for lang in accepted:
        if lang in spoken:
            return lang
    return accepted[0]


# ---------------------------------------------------------------------- helpers
def _sex_index(sex: str | None) -> int:
    return 0 if sex == "female" else 1 if sex == "male" else 2


def _primary(names: Sequence[Mapping[str, Any]], lang: str) -> str:
    for script in _PREFERRED_SCRIPTS.get(lang, ()):
        for n in names:
            if n.get("script") == script and (n.get("lang") in (None, lang) or lang == "en"):
                return str(n["value"])
        for n in names:
            if n.get("script") == script:
                return str(n["value"])
    return str(names[0]["value"]) if names else ""


def _country(code: str | None, lang: str) -> str | None:
    if not code:
        return None
    return country_name(code, lang) if is_country(code) else code


def place_text(place: Mapping[str, Any] | None, lang: str, *, facility: bool = True) -> str | None:
    """Facility, address, locality, region, country (localized) joined with commas.

    Events pass ``facility=False``: their context carries the facility separately, so a
    template writing "{{ facility }}, {{ place_text }}" does not repeat it.
    """
    if not place:
        return None
    keys = ("facility", "address", "locality", "region") if facility else (
        "address", "locality", "region")  # fmt: skip
    parts = [str(place[k]) for k in keys if place.get(k)]
    country = _country(place.get("country"), lang)
    if country:
        parts.append(country)
    return ", ".join(parts) or None


def _dates(edtf: str | None, lang: str) -> tuple[str | None, str | None]:
    if not edtf:
        return None, None
    return date_in_words(edtf, lang), date_plain(edtf, lang)


def _event(ev: Mapping[str, Any], lang: str, names_by_key: Mapping[str, str]) -> dict[str, Any]:
    date_text, plain = _dates(ev.get("date"), lang)
    place = ev.get("place")
    return {
        "type": ev["type"],
        "type_label": vocab.EVENT_TYPE.label(ev["type"], lang),
        "date_text": date_text,
        "date_plain": plain,
        "place_text": place_text(place, lang, facility=False),
        "facility": (place or {}).get("facility"),
        "authority": ev.get("authority"),
        "charges": ev.get("charges"),
        "description": ev.get("description"),
        "persons_names": [names_by_key[k] for k in ev.get("persons", []) if k in names_by_key],
    }


def _sort_key(item: tuple[int, Mapping[str, Any]]) -> tuple[_dt.date, int]:
    index, ev = item
    date = ev.get("date")
    return (parse_edtf(date).lower if date else _dt.date.max, index)


def _person_common(person: Mapping[str, Any], lang: str) -> dict[str, Any]:
    names = [dict(n) for n in person.get("names", [])]
    primary = _primary(names, lang)
    citizenships = [_country(c, lang) or c for c in person.get("citizenships", [])]
    return {
        "primary_name": primary,
        "names": names,
        "other_names": [n["value"] for n in names if n["value"] != primary],
        "sex": person.get("sex"),
        "citizenships_text": ", ".join(citizenships) or None,
    }


def _consents(t: Mapping[str, Any]) -> bool:
    return bool(t.get("consent", {}).get("use_in_appeals"))


# ---------------------------------------------------------------------- the builder
def build_context(
    case: Mapping[str, Any],
    recipient_id: str,
    template_id: str,
    lang: str,
    *,
    directory: RecipientDirectory,
    available_templates: Mapping[str, Sequence[str]],
    settings: LetterSettings | None = None,
    number: int | None = None,
) -> dict[str, Any]:
    """The template context for one letter, or :class:`LetterRefused` listing every problem.

    ``number`` is the appeal's position in the case's appeal list (1-based) and goes into the
    letter reference; by default the letter is the next appeal of the case.
    """
    settings = settings or LetterSettings()
    problems: list[str] = []

    recipient: Recipient | None = None
    if recipient_id in directory:
        recipient = directory.get(recipient_id)
    else:
        known = ", ".join(r.id for r in directory.all()) or "none"
        problems.append(f"unknown recipient {recipient_id!r} (known: {known})")
    if template_id not in available_templates:
        known = ", ".join(available_templates) or "none"
        problems.append(f"unknown template {template_id!r} (available: {known})")
    elif lang not in available_templates[template_id]:
        problems.append(
            f"the template {template_id!r} is not written in {lang!r} "
            f"(it exists in: {', '.join(available_templates[template_id])})"
        )
    if lang not in LETTER_LANGUAGES:
        problems.append(f"letters are written in {', '.join(LETTER_LANGUAGES)}, not {lang!r}")
    if recipient is not None and not recipient.accepts(lang):
        problems.append(
            f"the recipient {recipient.id} does not accept letters in {lang!r} "
            f"(accepts: {', '.join(recipient.languages)})"
        )

    testimonies = list(case.get("testimonies", []))
    consenting = [t for t in testimonies if _consents(t)]
    if not consenting:
        problems.append(
            "consent: no testimony of this case allows use in appeals"
            if testimonies
            else "consent: the case has no testimony, so nobody consented to use in appeals"
        )

    ctx_lang = lang if lang in LETTER_LANGUAGES else "en"
    persons = list(case.get("persons", []))
    by_key = {p["key"]: p for p in persons}
    detained_p = next((p for p in persons if p["role"] == "detained" and p.get("names")), None)
    by_of_consent = [t["by"] for t in consenting]
    testifiers = [p for p in persons if p["role"] == "testifier"]
    testifier_p = next((by_key[k] for k in by_of_consent if by_key[k]["role"] == "testifier"), None)
    if testifier_p is None and testifiers:
        testifier_p = testifiers[0]

    names_by_key = {p["key"]: _primary(p.get("names", []), ctx_lang) for p in persons}
    ordered = [ev for _i, ev in sorted(enumerate(case.get("events", [])), key=_sort_key)]
    events = [_event(ev, ctx_lang, names_by_key) for ev in ordered]
    # The deprivation of liberty itself (detained/arrested/disappeared) rather than an earlier
    # summons the person came back from; a summons only when nothing else is recorded.
    disappearance = next((e for e in events if e["type"] in DISAPPEARANCE_TYPES[:3]), None)
    if disappearance is None:
        disappearance = next((e for e in events if e["type"] == "summoned"), None)
    authority = next((e["authority"] for e in events if e["authority"]), None)

    appeals = list(case.get("appeals", []))
    earlier_raw = None
    for a in reversed(appeals):
        if (
            a.get("recipient") == recipient_id
            and a.get("status") in FOLLOW_UP_STATUSES
            and a.get("date")
            and a.get("reference")
        ):
            earlier_raw = a
            break

    facts = {
        "name": detained_p is not None,
        "date": bool(disappearance and disappearance["date_text"]),
        "place": bool(disappearance and (disappearance["place_text"] or disappearance["facility"])),
        "authority": bool(authority),
        "testifier": testifier_p is not None,
        "earlier": earlier_raw is not None,
    }
    for fact in REQUIREMENTS.get(template_id, ("name",)):
        if not facts[fact]:
            problems.append(f"{template_id}: {_FACT_TEXT[fact]}")
    if problems:
        raise LetterRefused(problems)
    if recipient is None or detained_p is None:  # pragma: no cover - refused above
        raise LetterRefused(["internal: recipient or detained person missing"])

    def recipient_name(rid: str) -> str:
        return directory.get(rid).name_in(lang) if rid in directory else rid

    detained = _person_common(detained_p, lang)
    birth_text, birth_plain = _dates(detained_p.get("birth_date"), lang)
    detained.update(
        birth_date_text=birth_text,
        birth_date_plain=birth_plain,
        birth_place_text=place_text(detained_p.get("birth_place"), lang),
        ethnicity=detained_p.get("ethnicity"),
        occupation=detained_p.get("occupation"),
        residence_text=place_text(detained_p.get("residence"), lang),
        documents=[
            {
                "type": d["type"],
                "type_label": vocab.DOCUMENT_TYPE.label(d["type"], lang),
                "number": d.get("number"),
                "country_name": _country(d.get("country"), lang),
            }
            for d in detained_p.get("documents", [])
        ],
    )

    testifier: dict[str, Any] | None = None
    if testifier_p is not None:
        testifier = _person_common(testifier_p, lang)
        rel = testifier_p.get("relationship") or {}
        kind = rel.get("kind") if rel.get("to") == detained_p["key"] else None
        contact = testifier_p.get("contact") or {}
        testifier.update(
            relationship_kind=kind,
            relationship_label=(
                _RELATION_WORDS[lang][kind][_sex_index(testifier_p.get("sex"))] if kind else None
            ),
            address_text=contact.get("address") or place_text(testifier_p.get("residence"), lang),
            phone=contact.get("phone"),
            email=contact.get("email"),
        )

    number = number if number is not None else len(appeals) + 1
    reference = letter_reference(str(case.get("reference", "")), recipient.id, number)
    family_steps = []
    for a in appeals[: number - 1] if number <= len(appeals) else appeals:
        date_text, plain = _dates(a.get("date"), lang)
        response = a.get("response")
        family_steps.append(
            {
                "recipient_name": recipient_name(a["recipient"]),
                "date_text": date_text,
                "date_plain": plain,
                "reference": a.get("reference"),
                "status": a["status"],
                "status_label": vocab.APPEAL_STATUS.label(a["status"], lang),
                "response_label": (
                    vocab.OFFICIAL_RESPONSE.label(response, lang) if response else None
                ),
            }
        )
    earlier = None
    if earlier_raw is not None:
        date_text, plain = _dates(earlier_raw["date"], lang)
        earlier = {
            "reference": earlier_raw["reference"],
            "date_text": date_text,
            "date_plain": plain,
            "recipient_name": recipient_name(earlier_raw["recipient"]),
        }

    yes, no = _YES_NO[lang]
    use_word, publish_word = _CONSENT_WORDS[lang]
    testimony_rows = []
    for t in consenting:
        date_text, plain = _dates(t.get("date"), lang)
        consent = t["consent"]
        testimony_rows.append(
            {
                "by_name": names_by_key.get(t["by"], t["by"]),
                "date_text": date_text,
                "date_plain": plain,
                "medium_label": vocab.MEDIUM.label(t["medium"], lang) if t.get("medium") else None,
                "language": t.get("language"),
                "narrative": t.get("narrative", ""),
                "consent_text": (
                    f"{use_word}: {yes if consent['use_in_appeals'] else no}; "
                    f"{publish_word}: {vocab.PUBLISH.label(consent['publish'], lang).lower()}"
                ),
            }
        )
    attachments = [
        {
            "id": a["id"],
            "filename": a["filename"],
            "media_type": a["media_type"],
            "sha256": a["sha256"],
            "caption": a.get("caption"),
        }
        for a in case.get("attachments", [])
    ]
    sign = _NUMBER_SIGN[lang]
    enclosures = [
        f"{_COPY_OF[lang][d['type']]} {sign} {d['number']}"
        if d["number"]
        else _COPY_OF[lang][d["type"]]
        for d in detained["documents"]
    ]

    place: object = settings.place
    if not place and testifier_p is not None:
        place = (testifier_p.get("residence") or {}).get("locality")
    org = None
    if settings.org and settings.org.get("name"):
        org = {
            "name": str(settings.org["name"]),
            "address_lines": [str(x) for x in settings.org.get("address_lines") or []],
            "contact": settings.org.get("contact"),
            "co_sign": bool(settings.org.get("co_sign", False)),
            "logo_png": settings.org.get("logo_png") or None,
        }

    return {
        "lang": lang,
        "template": template_id,
        "letter": {
            "reference": reference,
            "number": number,
            "date": settings.today.isoformat(),
            "date_text": day_in_words(settings.today, lang),
            "place": localize_place(place, lang),
        },
        "org": org,
        "recipient": {
            "id": recipient.id,
            "name": recipient.name_in(lang),
            "address_lines": list(recipient.address_in(lang)),
            "salutation": recipient.salutation_in(lang),
            "country_name": recipient.country_name(lang),
            "kind": recipient.kind,
            "verified": recipient.verified,
        },
        "case": {
            "reference": case.get("reference", ""),
            "status": case.get("status"),
            "status_label": vocab.STATUS.label(case.get("status", "open"), lang),
            "verification_label": vocab.VERIFICATION.label(
                case.get("verification", "reported"), lang
            ),
            "tags": list(case.get("tags", [])),
        },
        "detained": detained,
        "testifier": testifier,
        "events": events,
        "disappearance": disappearance,
        "last_known": events[-1] if events else None,
        "authority_text": authority,
        "family_steps": family_steps,
        "earlier": earlier,
        "testimonies": testimony_rows,
        "attachments": attachments,
        "enclosures": enclosures,
        "confidential": case.get("confidentiality", "restricted") != "public",
    }
