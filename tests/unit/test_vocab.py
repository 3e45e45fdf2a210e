"""Vocabularies: the keys are a public contract (DESIGN §7); labels exist in en, ru, kk."""

from __future__ import annotations

import unicodedata

import pytest

from desktop.domain import vocab
from desktop.domain.vocab import VOCABULARIES, Vocabulary
from desktop.errors import InvalidInputError

# Written out again on purpose: a change to a key must break this test, not pass silently.
EXPECTED_KEYS: dict[str, tuple[str, ...]] = {
    "STATUS": (
        "open",
        "appealed",
        "released",
        "confirmed-detained",
        "sentenced",
        "deceased",
        "unknown",
        "closed",
    ),
    "CONFIDENTIALITY": ("public", "restricted", "confidential"),
    "VERIFICATION": ("reported", "partially-verified", "corroborated", "documented"),
    "SEX": ("female", "male", "other", "unknown"),
    "ROLE": ("detained", "testifier", "witness", "other"),
    "RELATIONSHIP": (
        "spouse",
        "parent",
        "child",
        "sibling",
        "grandparent",
        "grandchild",
        "relative",
        "friend",
        "colleague",
        "neighbour",
        "other",
    ),
    "EVENT_TYPE": (
        "summoned",
        "detained",
        "arrested",
        "disappeared",
        "transferred",
        "sentenced",
        "released",
        "deceased",
        "last-contact",
        "passport-confiscated",
        "family-harassed",
        "other",
    ),
    "MEDIUM": ("in-person", "phone", "video", "written", "other"),
    "PUBLISH": ("no", "anonymized", "named"),
    "APPEAL_STATUS": ("drafted", "sent", "acknowledged", "answered", "no-answer"),
    "OFFICIAL_RESPONSE": ("none", "denial", "confirmation-of-detention", "release-confirmed"),
    "DOCUMENT_TYPE": (
        "passport",
        "id-card",
        "residence-permit",
        "birth-certificate",
        "driving-licence",
        "other",
    ),
}

ALL = [getattr(vocab, const) for const in EXPECTED_KEYS]
KAZAKH_ONLY = set("әғқңөұүһіӘҒҚҢӨҰҮҺІ")
# Look-alikes that keyboards and OCR produce instead of the real Kazakh letters.
WRONG_KAZAKH = set("əƏӊӈҕҥıӀ") | {"\u0456\u0308"}


@pytest.mark.parametrize("const", list(EXPECTED_KEYS))
def test_keys_are_exactly_the_contract(const: str) -> None:
    v = getattr(vocab, const)
    assert isinstance(v, Vocabulary)
    assert v.keys == EXPECTED_KEYS[const]
    assert set(v.labels) == set(v.keys)


def test_vocabularies_registry_holds_every_constant_by_name() -> None:
    assert sorted(VOCABULARIES) == sorted(v.name for v in ALL)
    for v in ALL:
        assert VOCABULARIES[v.name] is v
    assert VOCABULARIES["status"] is vocab.STATUS
    assert VOCABULARIES["event_type"] is vocab.EVENT_TYPE


@pytest.mark.parametrize("v", ALL, ids=lambda v: v.name)
def test_every_label_exists_in_every_language(v: Vocabulary) -> None:
    for key in v.keys:
        for lang in ("en", "ru", "kk"):
            text = v.labels[key][lang]
            assert text == text.strip() and text, (v.name, key, lang)
            assert v.label(key, lang) == text


@pytest.mark.parametrize("v", ALL, ids=lambda v: v.name)
def test_labels_are_distinct_within_a_vocabulary(v: Vocabulary) -> None:
    for lang in ("en", "ru", "kk"):
        labels = [v.label(k, lang) for k in v.keys]
        assert len(set(labels)) == len(labels), (v.name, lang, labels)


def _letters(text: str) -> list[str]:
    return [ch for ch in text if unicodedata.category(ch).startswith("L")]


@pytest.mark.parametrize("v", ALL, ids=lambda v: v.name)
def test_russian_and_kazakh_labels_are_cyrillic(v: Vocabulary) -> None:
    for key in v.keys:
        for lang in ("ru", "kk"):
            for ch in _letters(v.label(key, lang)):
                assert unicodedata.name(ch).startswith("CYRILLIC"), (v.name, key, lang, ch)
        ru = v.label(key, "ru")
        assert not KAZAKH_ONLY & set(ru), (v.name, key, ru)
        kk = v.label(key, "kk")
        assert not WRONG_KAZAKH & set(kk), (v.name, key, kk)
        assert unicodedata.normalize("NFC", kk) == kk


def test_kazakh_labels_use_kazakh_letters() -> None:
    # A Kazakh translation that never uses ә ғ қ ң ө ұ ү һ і is Russian in disguise.
    used = {ch for v in ALL for k in v.keys for ch in v.label(k, "kk")}
    assert {"ә", "ғ", "қ", "ө", "ұ", "ү", "і"} <= used
    assert vocab.STATUS.label("deceased", "kk") == "Қайтыс болды"
    assert vocab.SEX.label("female", "kk") == "Әйел"
    assert vocab.DOCUMENT_TYPE.label("residence-permit", "kk") == "Ықтиярхат"


def test_label_falls_back_to_english() -> None:
    assert vocab.STATUS.label("open") == "Open"
    assert vocab.STATUS.label("open", "de") == "Open"
    assert vocab.STATUS.label("open", "") == "Open"
    assert vocab.STATUS.label("open", "ru") == "Открыто"
    assert vocab.STATUS.label("open", "kk") == "Ашық"


def test_label_falls_back_when_a_translation_is_empty() -> None:
    v = Vocabulary(name="t", keys=("a",), labels={"a": {"en": "A", "ru": "", "kk": "Ә"}})
    assert v.label("a", "ru") == "A"
    assert v.label("a", "kk") == "Ә"


def test_unknown_key_raises_key_error_naming_it() -> None:
    with pytest.raises(KeyError, match="'opened' is not a status value"):
        vocab.STATUS.label("opened")


def test_contains() -> None:
    assert "confirmed-detained" in vocab.STATUS
    assert "Open" not in vocab.STATUS  # labels are not keys
    assert "OPEN" not in vocab.STATUS
    assert None not in vocab.STATUS
    assert 1 not in vocab.STATUS
    assert "neighbour" in vocab.RELATIONSHIP
    assert "neighbor" not in vocab.RELATIONSHIP


def test_check_returns_the_key_or_raises_invalid_input() -> None:
    assert vocab.MEDIUM.check("video") == "video"
    with pytest.raises(InvalidInputError) as info:
        vocab.MEDIUM.check("skype", path="$.testimonies[0].medium")
    err = info.value
    assert err.exit_code == 4
    assert err.path == "$.testimonies[0].medium"
    assert "'skype'" in str(err) and "in-person, phone, video, written, other" in str(err)
    with pytest.raises(InvalidInputError):
        vocab.MEDIUM.check(None)


def test_iteration_length_and_choices_follow_key_order() -> None:
    assert list(vocab.PUBLISH) == ["no", "anonymized", "named"]
    assert len(vocab.VERIFICATION) == 4
    assert vocab.PUBLISH.choices("ru") == [
        ("no", "Не публиковать"),
        ("anonymized", "Анонимно"),
        ("named", "С указанием имени"),
    ]


def test_vocabularies_are_immutable_and_hashable() -> None:
    with pytest.raises(AttributeError):
        vocab.SEX.name = "gender"  # type: ignore[misc]
    assert len({vocab.SEX, vocab.SEX, vocab.ROLE}) == 2
