"""An organisation's own recipients in the vault; the place of signing per language; the
letterhead logo; dossier photos read from the vault's attachment blobs.

The YAML parser takes outside input, so it is also fed generated documents (Hypothesis):
whatever the file holds, the import either validates it or raises InvalidInputError.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lettertools import BASE_CASE, NAME_LATN, TODAY, make_case, pdf_text, squash

from desktop.errors import InvalidInputError
from desktop.letters.context import LetterSettings
from desktop.letters.places import localize_place, parse_place
from desktop.letters.service import LetterService, attachment_images, settings_from_store
from desktop.letters.vault_recipients import (
    directory_for,
    import_recipients,
    parse_recipients_yaml,
    stored_recipients,
)

ORG = {
    "id": "org-ombudsman",
    "verified": False,
    "country": "KZ",
    "languages": ["ru", "en"],
    "kind": "other",
    "name": {"ru": "Уполномоченный (тест)", "en": "Commissioner (test)"},
    "address": {"ru": ["ул. Примерная, 1", "010000, г. Астана"], "en": ["1 Example St", "Astana"]},
    "salutation": {"ru": "Уважаемый господин Уполномоченный!", "en": "Dear Commissioner,"},
}


def _yaml(data: Any) -> str:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


# ---------------------------------------------------------------------- parser
def test_one_or_several_recipients() -> None:
    one = parse_recipients_yaml(_yaml(ORG), "org.yaml")
    assert [r.id for r in one] == ["org-ombudsman"]
    second = {**ORG, "id": "org-lawyer", "verified": True,
              "source": "https://example.org/contact", "checked": dt.date(2026, 11, 1)}  # fmt: skip
    several = parse_recipients_yaml(_yaml([ORG, second]).encode(), "org.yaml")
    assert [r.id for r in several] == ["org-ombudsman", "org-lawyer"]
    assert several[1].checked == dt.date(2026, 11, 1)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "org.yaml: the file holds no recipient"),
        ("[]", "org.yaml: the file holds no recipient"),
        ("id: [unclosed", "org.yaml: line 1: not valid YAML"),
        ("just text", "org.yaml: $: a recipient file holds one mapping"),
        (_yaml({**ORG, "kind": "embassy"}), "org.yaml: kind: must be one of"),
        (
            _yaml({k: v for k, v in ORG.items() if k != "salutation"}),
            "org.yaml: salutation: missing",
        ),
        (_yaml([ORG, {**ORG, "country": "XX"}]), "org.yaml: [2]: country: must be an ISO"),
        (_yaml([ORG, ORG]), "org.yaml: [2]: id: org-ombudsman is in the file twice"),
        (_yaml({**ORG, "verified": True}), "org.yaml: source: a verified address needs"),
    ],
)
def test_malformed_files_name_file_entry_and_key(text: str, message: str) -> None:
    with pytest.raises(InvalidInputError) as caught:
        parse_recipients_yaml(text, "org.yaml")
    assert str(caught.value).startswith(message), str(caught.value)


def test_not_utf8_and_too_large() -> None:
    with pytest.raises(InvalidInputError, match="not UTF-8"):
        parse_recipients_yaml(b"id: \xff\xfe", "x.yaml")
    with pytest.raises(InvalidInputError, match="larger than 1 MiB"):
        parse_recipients_yaml(b"#" * (1024 * 1024 + 1), "x.yaml")


@settings(max_examples=200, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(st.text(max_size=300))
def test_any_text_is_validated_or_refused(text: str) -> None:
    try:
        found = parse_recipients_yaml(text, "fuzz.yaml")
    except InvalidInputError as exc:
        assert str(exc).startswith("fuzz.yaml")
    else:
        assert found and all(r.id for r in found)


_scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.text(max_size=20))
_values = st.recursive(
    _scalars,
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=8,
)


@settings(max_examples=200, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(st.dictionaries(st.sampled_from(sorted(ORG)), _values, max_size=4))
def test_damaged_recipients_are_refused_with_the_file_name(changes: dict[str, Any]) -> None:
    data = {**ORG, **changes}
    try:
        found = parse_recipients_yaml(_yaml(data), "fuzz.yaml")
    except InvalidInputError as exc:
        assert str(exc).startswith("fuzz.yaml")
    else:
        assert found[0].id == data["id"]


# ---------------------------------------------------------------------- vault
def test_import_stores_in_the_vault_and_joins_the_directory(session: Any) -> None:
    store = session.store
    shipped = directory_for(None)
    assert "org-ombudsman" not in shipped
    import_recipients(store, _yaml(ORG), "org.yaml")
    directory = directory_for(store)
    assert "org-ombudsman" in directory and "kz-mfa" in directory
    assert len(directory) == len(shipped) + 1
    # Same id again replaces; a bad file changes nothing (all or nothing).
    import_recipients(store, _yaml({**ORG, "name": {**ORG["name"], "en": "New name"}}), "o.yaml")
    with pytest.raises(InvalidInputError):
        import_recipients(store, _yaml([{**ORG, "id": "org-other"}, {"id": "bad"}]), "o.yaml")
    assert [d["id"] for d in stored_recipients(store)] == ["org-ombudsman"]
    assert directory_for(store).get("org-ombudsman").name_in("en") == "New name"
    # A vault entry with a shipped id replaces the shipped one.
    kz = {**ORG, "id": "kz-mfa", "languages": ["ru"], "name": {"ru": "МИД (офис)"},
          "address": {"ru": ["Адрес офиса"]}, "salutation": {"ru": "Уважаемые!"}}  # fmt: skip
    import_recipients(store, _yaml(kz), "kz.yaml")
    assert directory_for(store).get("kz-mfa").address_in("ru") == ("Адрес офиса",)


def test_cli_recipients_import_list_and_letter(initialized: Any, tmp_path: Path) -> None:
    cli = initialized
    bad = tmp_path / "bad.yaml"
    bad.write_text(_yaml({**ORG, "languages": "ru"}), "utf-8")
    result = cli("recipients", "import", str(bad))
    assert result.code == 4
    assert result.err.startswith(f"error: {bad}: languages: must be a non-empty list")

    good = tmp_path / "org.yaml"
    good.write_text(_yaml(ORG), "utf-8")
    result = cli("recipients", "import", str(good))
    assert result.code == 0, result.err
    assert "imported 1 recipient into the vault: org-ombudsman" in result.out
    assert "warning: the postal address of org-ombudsman is not verified" in result.err

    listed = cli("recipients")
    assert "org-ombudsman\tKZ\tru,en\tCommissioner (test)\t(address not verified)\t(vault)" in (
        listed.out
    )
    as_json = {r["id"]: r for r in json.loads(cli("recipients", "--json").out)}
    assert as_json["org-ombudsman"]["source_kind"] == "vault"
    assert as_json["kz-mfa"]["source_kind"] == "shipped"
    # Without the passphrase only the shipped directory (no prompt).
    assert "org-ombudsman" not in cli("recipients", unlock=False).out

    cases = tmp_path / "cases.json"
    cases.write_text(json.dumps([BASE_CASE], ensure_ascii=False), "utf-8")
    assert cli("import", str(cases)).code == 0
    out = tmp_path / "out" / "letter.pdf"
    result = cli("letter", "TD-2026-0042", "--to", "org-ombudsman", "--lang", "ru",
                 "--out", str(out), "--date", "2026-11-27")  # fmt: skip
    assert result.code == 0, result.err
    assert squash("ул. Примерная, 1") in squash(pdf_text(out.read_bytes()))


# ---------------------------------------------------------------------- place
@pytest.mark.parametrize(
    ("value", "lang", "expected"),
    [
        ("Almaty", "ru", "Алматы"),
        ("Almaty", "en", "Almaty"),
        ("алматы", "en", "Almaty"),
        ("Alma-Ata", "kk", "Алматы"),
        ("Караганда", "kk", "Қарағанды"),
        ("Uralsk", "kk", "Орал"),
        ("Bishkek", "ru", "Бишкек"),
        ("Ghulja", "ru", "Ghulja"),  # unknown: as entered
        ("kk=Алматы қ.; ru=г. Алматы; en=Almaty", "ru", "г. Алматы"),
        ("kk=Алматы қ.; ru=г. Алматы; en=Almaty", "kk", "Алматы қ."),
        ("en=Almaty", "ru", "Алматы"),  # no ru value: the table translates the en one
        ({"ru": "Семей", "en": "Semey"}, "en", "Semey"),
        ("", "ru", ""),
        (None, "ru", ""),
    ],
)
def test_place_in_the_letter_language(value: Any, lang: str, expected: str) -> None:
    assert localize_place(value, lang) == expected


def test_place_text_with_an_equals_sign_is_kept() -> None:
    assert parse_place("Office = Almaty branch") == "Office = Almaty branch"


def _settings(**org: Any) -> LetterSettings:
    return LetterSettings(org={"name": "Steppe Rights Test Group", **org}, place="Almaty",
                          today=TODAY)  # fmt: skip


def test_russian_letter_never_says_almaty(real_service: LetterService) -> None:
    ru = real_service.compose(make_case(), "kz-mfa", lang="ru", settings=_settings())
    en = real_service.compose(make_case(), "kz-mfa", lang="en", settings=_settings())
    assert "Алматы, 27 ноября 2026 г." in pdf_text(ru.pdf)
    assert "Almaty" not in pdf_text(ru.pdf).split("Исх.")[1].split("\n")[1]
    assert "Almaty, 27 November 2026" in pdf_text(en.pdf)
    # The testifier's town (case data, typed in English) is localized the same way.
    bare = LetterSettings(org=None, place=None, today=TODAY)
    kk = real_service.compose(make_case(), "kz-mfa", lang="kk", settings=bare)
    assert "Алматы" in pdf_text(kk.pdf)


# ---------------------------------------------------------------------- logo
def _png(width: int = 120, height: int = 60) -> bytes:
    from PIL import Image as PILImage

    buf = io.BytesIO()
    PILImage.new("RGB", (width, height), (20, 60, 140)).save(buf, format="PNG")
    return buf.getvalue()


def _images(pdf: bytes) -> int:
    from pypdf import PdfReader

    return sum(len(page.images) for page in PdfReader(io.BytesIO(pdf)).pages)


def test_logo_is_drawn_from_memory_in_the_letterhead(real_service: LetterService) -> None:
    without = real_service.compose(make_case(), "kz-mfa", lang="ru", settings=_settings())
    with_logo = real_service.compose(
        make_case(), "kz-mfa", lang="ru", settings=_settings(logo_png=_png())
    )
    assert _images(without.pdf) == 0
    assert _images(with_logo.pdf) == 1
    assert "Steppe Rights Test Group" in pdf_text(with_logo.pdf)
    broken = real_service.compose(
        make_case(), "kz-mfa", lang="ru", settings=_settings(logo_png=b"\x89PNG not really")
    )
    assert _images(broken.pdf) == 0  # an unreadable logo leaves the letter without it


def test_settings_from_store_reads_the_letterhead_preferences(session: Any) -> None:
    from desktop import preferences

    prefs = preferences.Preferences(
        letterhead=preferences.Letterhead(
            name="Steppe Rights", address_lines=("1 Example Lane",), place="Almaty",
            logo_png=_png(), co_sign=True,
        )
    )  # fmt: skip
    preferences.save(session.store, prefs)
    settings = settings_from_store(session.store, TODAY)
    assert settings.org is not None
    assert settings.org["logo_png"] == prefs.letterhead.logo_png
    assert settings.org["co_sign"] is True
    assert settings.place == "Almaty"


# ---------------------------------------------------------------------- dossier photos
def _with_photo(session: Any) -> tuple[dict[str, Any], bytes]:
    from sqlalchemy import update

    from desktop.store.models import Attachment
    from desktop.vault.blobs import BlobStore

    png = _png(40, 30)
    att_id = "0b7c9d2e-1111-4a8e-9b61-2f0d3c5a7e90"
    case = make_case(
        attachments=[{"id": att_id, "filename": "photo.png", "media_type": "image/png",
                      "sha256": hashlib.sha256(png).hexdigest(), "size": len(png),
                      "caption": "Test photo"}]
    )  # fmt: skip
    session.store.cases.save([case])
    blobs = BlobStore(session.unlocked.blob_dir, session.unlocked.blob_key)
    name, _sha, _size = blobs.put_bytes(png)
    with session.store.engine.begin() as conn:
        conn.execute(update(Attachment).where(Attachment.id == att_id).values(blob_name=name))
    return session.store.cases.get(case["reference"]), png


def test_dossier_embeds_attachment_photos_from_the_vault(
    session: Any, real_service: LetterService
) -> None:
    case, png = _with_photo(session)
    assert attachment_images(session, case) == {case["attachments"][0]["id"]: png}
    loads: list[int] = []

    def images() -> dict[str, bytes]:
        loads.append(1)
        return attachment_images(session, case)

    dossier = real_service.compose(case, "un-wgeid", template="dossier", lang="en",
                                   settings=_settings(), images=images)  # fmt: skip
    assert _images(dossier.pdf) == 1 and loads == [1]
    assert "(image not included in this copy)" not in pdf_text(dossier.pdf)
    # A template without @photos never reads the blobs.
    real_service.compose(case, "kz-mfa", lang="ru", settings=_settings(), images=images)
    assert loads == [1]


def test_cli_letter_dossier_embeds_photos(initialized: Any, tmp_path: Path) -> None:
    from desktop.app import unlock

    passphrase = initialized.passphrase_file.read_text("utf-8").splitlines()[0]
    session = unlock(initialized.vault, passphrase=passphrase)
    try:
        _with_photo(session)
    finally:
        session.lock()
    out = tmp_path / "dossier.pdf"
    result = initialized("letter", "TD-2026-0042", "--to", "un-wgeid", "--template", "dossier",
                         "--lang", "en", "--out", str(out), "--date", "2026-11-27")  # fmt: skip
    assert result.code == 0, result.err
    assert _images(out.read_bytes()) == 1
    assert NAME_LATN in pdf_text(out.read_bytes())
