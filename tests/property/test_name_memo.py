"""The word-by-word memo of the store must give exactly what fold/transliterate give.

``desktop.store.mapping`` splits names at spaces and memoizes words (a large import repeats
words far more than whole names). If splitting ever changed a result, search would miss
names or find wrong ones, so the equivalence is checked on nasty text: mixed scripts,
combining marks at word starts, format characters, odd spaces, apostrophes, digits.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.domain.names import fold, transliterate
from desktop.store import mapping

PIECES = [
    "Ерлан", "Ержан", "Гүлнар", "Қайрат", "ئابدۇرېھىم", "مۇھەممەت", "叶尔兰", "努尔", "Zhao",
    "O'Brien", "Ödön", "İlham", "ß", "ǅ", "ͺ", "¨", "ﷺ", "①",
    "\u0301", "\u0308", "\u064e", "\u0670", "\u200c", "\u200d", "\u200f", "\u00a0", "\u3000",
    "\t", "-", "·", "’", "ʼ", "1", " ", "  ", "😀",
]  # fmt: skip

texts = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=3)), max_size=8).map("".join)


@settings(max_examples=600, deadline=None)
@given(texts)
def test_word_memo_equals_whole_string_functions(text: str) -> None:
    try:
        assert mapping._latin(text) == transliterate(text)
        assert mapping._folded(text) == fold(text)
    finally:
        mapping.clear_memo()


def test_memo_is_emptied_after_a_save_boundary() -> None:
    mapping._latin("Ерлан Ержан")
    mapping._folded("Ерлан Ержан")
    assert mapping._latin_word.cache_info().currsize > 0
    mapping.clear_memo()
    assert mapping._latin_word.cache_info().currsize == 0
    assert mapping._folded_word.cache_info().currsize == 0
