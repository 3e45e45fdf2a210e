"""Building the letter context, and every refusal with its message (exit 4 in the CLI)."""

from __future__ import annotations

from typing import Any

import pytest
from lettertools import NAME_KK, NAME_LATN, TESTIFIER_KK, make_case

from desktop.errors import InvalidInputError
from desktop.letters.context import LetterSettings, build_context, choose_language
from desktop.letters.refusal import LetterRefused
from desktop.letters.service import LetterService


def _ctx(service: LetterService, case: dict[str, Any], **kw: Any) -> dict[str, Any]:
    args: dict[str, Any] = {"recipient_id": "t-ministry", "template_id": "probe", "lang": "ru"}
    args.update(kw)
    return build_context(
        case, args["recipient_id"], args["template_id"], args["lang"],
        directory=service.directory, available_templates=service.templates.available(),
        settings=LetterSettings(place="Almaty"),
    )  # fmt: skip


def _refusal(service: LetterService, case: dict[str, Any], **kw: Any) -> LetterRefused:
    with pytest.raises(LetterRefused) as info:
        _ctx(service, case, **kw)
    assert isinstance(info.value, InvalidInputError) and info.value.exit_code == 4
    return info.value


def test_context_is_localized(fixture_service: LetterService, case: dict[str, Any]) -> None:
    ctx = _ctx(fixture_service, case, lang="ru")
    assert ctx["detained"]["primary_name"] == NAME_KK
    assert NAME_LATN in ctx["detained"]["other_names"]
    assert ctx["testifier"]["primary_name"] == TESTIFIER_KK
    assert ctx["testifier"]["relationship_label"] == "супруга"
    assert ctx["detained"]["citizenships_text"] == "Китай"
    assert ctx["detained"]["birth_date_text"] == "14 мая 1981 г."
    # events in timeline order, whatever the order in the case
    assert [e["type"] for e in ctx["events"]] == ["summoned", "detained", "last-contact"]
    # the detention, not the earlier summons, is "the disappearance"
    assert ctx["disappearance"]["type"] == "detained"
    assert ctx["disappearance"]["date_text"] == "около марта 2018 г."
    assert ctx["events"][1]["date_text"] == "около марта 2018 г."
    assert ctx["events"][1]["facility"] == "Test Detention Centre No 3"
    assert ctx["events"][1]["place_text"] == "Ghulja, Китай"
    assert ctx["authority_text"] == "Public Security Bureau, Ghulja"
    assert ctx["letter"]["reference"] == "TD-2026-0042/T-MINISTRY/2"
    assert ctx["earlier"]["reference"] == "TD-2026-0042/T-MINISTRY/1"
    assert ctx["earlier"]["date_plain"] == "1 сентября 2026 г."
    assert ctx["family_steps"][0]["status_label"] == "Отправлено"
    assert ctx["enclosures"] == ["Копия паспорта № E00000001"]
    assert ctx["confidential"] is True
    en = _ctx(fixture_service, case, lang="en")
    assert en["detained"]["primary_name"] == NAME_LATN
    assert en["testifier"]["relationship_label"] == "wife"
    kk = _ctx(fixture_service, case, lang="kk")
    assert kk["testifier"]["relationship_label"] == "әйелі"
    assert kk["events"][1]["date_text"] == "шамамен 2018 жылғы наурызда"


def test_language_choice(fixture_service: LetterService, case: dict[str, Any]) -> None:
    ministry = fixture_service.directory.get("t-ministry")
    assert choose_language(ministry, case) == "kk"  # the testimony was given in Kazakh
    case["testimonies"][0]["language"] = "uz"
    assert choose_language(ministry, case) == "kk"  # else the recipient's first language
    assert choose_language(ministry, case, ("en", "ru")) == "ru"


def test_refused_without_consent(fixture_service: LetterService) -> None:
    case = make_case()
    case["testimonies"][0]["consent"]["use_in_appeals"] = False
    assert _refusal(fixture_service, case).problems == (
        "consent: no testimony of this case allows use in appeals",
    )
    no_testimony = make_case(testimonies=[])
    assert "nobody consented" in str(_refusal(fixture_service, no_testimony))


def test_refused_unknown_template_and_recipient(fixture_service: LetterService) -> None:
    case = make_case()
    refusal = _refusal(fixture_service, case, recipient_id="nobody", template_id="nothing")
    assert refusal.problems == (
        "unknown recipient 'nobody' (known: t-ministry, t-un, t-unverified)",
        "unknown template 'nothing' (available: broken, probe)",
    )


def test_refused_language(fixture_service: LetterService) -> None:
    refusal = _refusal(fixture_service, make_case(), recipient_id="t-un", lang="ru")
    assert refusal.problems == ("the recipient t-un does not accept letters in 'ru' (accepts: en)",)
    refusal = _refusal(fixture_service, make_case(), template_id="broken", lang="kk")
    assert "the template 'broken' is not written in 'kk' (it exists in: en)" in refusal.problems


def test_wgeid_lists_every_missing_fact(fixture_service: LetterService) -> None:
    case = make_case()
    case["persons"] = [case["persons"][0]]  # no testifier
    case["testimonies"] = []
    for ev in case["events"]:
        ev.pop("date", None)
        ev.pop("place", None)
        ev.pop("authority", None)
    refusal = _refusal(fixture_service, case, recipient_id="t-un", template_id="wgeid", lang="en")
    message = str(refusal)
    assert message.startswith("the letter was refused: ")
    for needle in (
        "unknown template 'wgeid'",
        "consent: the case has no testimony",
        "wgeid: no date is known for the detention or disappearance",
        "wgeid: no place is known for the detention or disappearance",
        "wgeid: the authority believed responsible is not recorded",
        "wgeid: the case has no testifier",
    ):
        assert needle in message, needle


def test_follow_up_needs_an_earlier_letter(fixture_service: LetterService) -> None:
    case = make_case(appeals=[])
    refusal = _refusal(fixture_service, case, template_id="follow-up")
    assert any("follow-up: there is no earlier letter" in p for p in refusal.problems)


def test_no_detained_name(fixture_service: LetterService) -> None:
    case = make_case()
    case["persons"][0]["role"] = "witness"
    refusal = _refusal(fixture_service, case, template_id="dossier")
    assert "dossier: the case has no detained person with a name" in refusal.problems
