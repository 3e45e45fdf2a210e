"""Property tests for name handling: total functions with stable, normalised output."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.domain.names import detect_script, fold, search_tokens, transliterate

BOUNDED = settings(max_examples=200, deadline=None)

# Arbitrary Unicode finds crashes; text drawn from the scripts we handle (with combining
# marks, format characters and presentation forms) finds wrong answers.
interesting = st.text(
    alphabet=st.one_of(
        st.characters(min_codepoint=0x0400, max_codepoint=0x052F),  # Cyrillic (+ supplement)
        st.characters(min_codepoint=0x0600, max_codepoint=0x06FF),  # Arabic
        st.characters(min_codepoint=0xFB50, max_codepoint=0xFEFF),  # Arabic presentation forms
        st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF),  # CJK
        st.characters(min_codepoint=0x0300, max_codepoint=0x036F),  # combining marks
        st.sampled_from("\u200b\u200c\u200d\u200e\u200f\u2060\u061c\ufeff·-'’ \t\n"),
        st.characters(min_codepoint=0x20, max_codepoint=0x24F),  # Latin
    ),
    max_size=40,
)
# Lone surrogates reach us from file names and badly decoded imports (surrogateescape).
with_surrogates = st.text(alphabet=st.characters(exclude_categories=()), max_size=30)
any_text = st.one_of(st.text(max_size=60), interesting, with_surrogates)
# Letters whose upper and lower case map one to one, so case must not matter after folding.
bicameral = st.text(
    alphabet="abcdefghijklmnopqrstuvwxyzабвгдеёжзийклмнопрстуфхцчшщъыьэюяәғқңөұүһі -",
    max_size=30,
)
ASCII_WORDS = re.compile(r"(?:[a-z0-9]+(?: [a-z0-9]+)*)?")


@BOUNDED
@given(any_text)
def test_transliterate_is_lower_ascii_with_single_spaces(text: str) -> None:
    out = transliterate(text)
    assert out.isascii()
    assert ASCII_WORDS.fullmatch(out), out


@BOUNDED
@given(any_text)
def test_transliterate_is_idempotent_on_its_output(text: str) -> None:
    out = transliterate(text)
    assert transliterate(out) == out


@BOUNDED
@given(any_text)
def test_fold_is_idempotent(text: str) -> None:
    once = fold(text)
    assert fold(once) == once


@BOUNDED
@given(bicameral)
def test_fold_ignores_case(text: str) -> None:
    assert fold(text.upper()) == fold(text) == fold(text.title())


@BOUNDED
@given(bicameral)
def test_transliterate_ignores_case_and_agrees_with_fold(text: str) -> None:
    assert transliterate(text.upper()) == transliterate(text)
    assert transliterate(fold(text)) == transliterate(text)


@BOUNDED
@given(any_text)
def test_search_tokens_are_unique_non_empty_words(text: str) -> None:
    tokens = search_tokens(text)
    assert len(tokens) == len(set(tokens))
    for token in tokens:
        assert token
        assert not any(ch.isspace() for ch in token)
    assert set(transliterate(text).split()) <= set(tokens)


@BOUNDED
@given(any_text)
def test_detect_script_returns_an_iso15924_code(text: str) -> None:
    code = detect_script(text)
    assert re.fullmatch(r"[A-Z][a-z]{3}", code)
