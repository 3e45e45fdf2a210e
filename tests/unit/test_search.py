"""Full-text search across scripts and transliterations, with FTS syntax kept out.

Why: the same victim is reported as Ерлан, Erlan and 叶尔兰 by different relatives; an analyst
types whatever spelling they have. A search that misses one spelling lets a duplicate case
(and a duplicate appeal) through; a query that crashes on a quote mark makes the tool look
broken in front of a family.
"""

from __future__ import annotations

import json
import os
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.interchange.case_format import normalize_case
from desktop.store import search
from desktop.store.database import Store, create_store
from desktop.vault.vault import UnlockedVault, VaultKind

DATA = Path(__file__).resolve().parents[1] / "data"
EXAMPLE_REF = "TD-2026-0001"


def case(
    ref: str,
    names: list[str],
    *,
    narrative: str = "",
    facility: str | None = None,
    locality: str | None = None,
    notes: str = "",
) -> dict[str, Any]:
    raw: dict[str, Any] = {
        "reference": ref,
        "persons": [
            {"key": "p1", "role": "detained", "names": [{"value": n} for n in names]},
            {"key": "p2", "role": "testifier", "names": [{"value": "Synthetic Relative"}]},
        ],
        "testimonies": [{"by": "p2", "narrative": narrative}],
        "notes": notes,
    }
    if facility or locality:
        place = {k: v for k, v in (("facility", facility), ("locality", locality)) if v}
        raw["events"] = [{"type": "detained", "persons": ["p1"], "place": place}]
    return normalize_case(raw)


FILLER_WORDS = ["river", "orchard", "bakery", "tailor", "winter", "railway", "garden", "harbour"]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    """One store for every read-only search test (building it is the slow part)."""
    folder = tmp_path_factory.mktemp("search")
    unlocked = UnlockedVault(folder, str(uuid.uuid4()), VaultKind.FIELD, bytearray(os.urandom(32)))
    store = create_store(unlocked)
    docs = [
        normalize_case(json.loads((DATA / "case-example.json").read_text("utf-8"))),
        case("TD-2026-0101", ["Şükür Toxti"], narrative="He sold fruit at the bazaar."),
        case("TD-2026-0102", ["买买提·吐尔逊"], locality="Ghulja"),
        case("TD-2026-0103", ["ئەركىن تۇرسۇن"], facility="Kuytun Prison"),
        case(
            "TD-2026-0104",
            ["Nurlan Abenov"],
            narrative="My brother worked with Erlan at the bazaar before he was taken.",
        ),
        case("TD-2026-0105", ["Гүлнар Қасымова", "Gulnar Kasymova"], notes="urgent"),
    ]
    # Unrelated cases so that BM25 has document frequencies to work with (ranking test).
    for i, word in enumerate(FILLER_WORDS):
        docs.append(case(f"TD-2026-02{i:02d}", [f"Filler{word.title()} Person"], narrative=word))
    store.cases.save(docs)
    yield store
    store.close()


def refs(store: Store, query: str, limit: int = 50) -> list[str]:
    return [hit.reference for hit in store.cases.search(query, limit=limit)]


# ---------------------------------------------------------------------- scripts
@pytest.mark.parametrize(
    "query",
    [
        "Erlan",
        "erlan",
        "ERLAN",
        "Ерлан",
        "ерлан",
        "Erlan Saparuly",
        "saparuly",
        "Сапарұлы",
        "Sapar",  # prefix
        "叶尔兰",
        "萨帕尔",
        "叶尔兰·萨帕尔",
        "ye er lan",  # pinyin of the Chinese spelling
    ],
)
def test_every_spelling_of_the_example_name_finds_it(corpus: Store, query: str) -> None:
    assert EXAMPLE_REF in refs(corpus, query)


def test_a_transliterated_name_finds_the_cyrillic_one(corpus: Store) -> None:
    # The testifier Айгүл Сапарова is stored in Cyrillic only.
    assert refs(corpus, "Aigul") == [EXAMPLE_REF]
    assert refs(corpus, "Saparova") == [EXAMPLE_REF]
    assert refs(corpus, "Қасымова") == ["TD-2026-0105"]
    assert refs(corpus, "Gulnar") == ["TD-2026-0105"]


def test_chinese_only_name(corpus: Store) -> None:
    assert refs(corpus, "吐尔逊") == ["TD-2026-0102"]
    assert refs(corpus, "买买提") == ["TD-2026-0102"]
    assert refs(corpus, "tu er xun") == ["TD-2026-0102"]


def test_uyghur_arabic_name(corpus: Store) -> None:
    assert refs(corpus, "ئەركىن") == ["TD-2026-0103"]
    assert refs(corpus, "erkin tursun") == ["TD-2026-0103"]


@pytest.mark.parametrize("query", ["sukur", "SUKUR", "Şükür", "şükür", "Sükür", "toxti"])
def test_case_and_diacritics_are_folded(corpus: Store, query: str) -> None:
    assert refs(corpus, query) == ["TD-2026-0101"]


# ---------------------------------------------------------------------- places and text
def test_places_are_searchable(corpus: Store) -> None:
    assert refs(corpus, "Bole") == [EXAMPLE_REF]
    assert refs(corpus, "Bole Detention Center") == [EXAMPLE_REF]
    assert refs(corpus, "detention") == [EXAMPLE_REF]
    assert refs(corpus, "Kuytun") == ["TD-2026-0103"]
    assert refs(corpus, "Ghulja") == ["TD-2026-0102"]
    assert refs(corpus, "Almaty") == [EXAMPLE_REF]  # the testifier's residence
    assert refs(corpus, "State Security Bureau") == [EXAMPLE_REF]  # authority


def test_narratives_descriptions_notes_and_tags_are_searchable(corpus: Store) -> None:
    assert set(refs(corpus, "bazaar")) == {"TD-2026-0101", "TD-2026-0104"}
    assert refs(corpus, "шақырылды") == [EXAMPLE_REF]  # Kazakh narrative word
    assert refs(corpus, "conversation") == [EXAMPLE_REF]  # event description
    assert refs(corpus, "urgent") == ["TD-2026-0105"]  # notes
    assert refs(corpus, "xinjiang") == [EXAMPLE_REF]  # tag and region
    assert refs(corpus, "TD-2026-0102") == ["TD-2026-0102"]  # the reference itself


def test_words_with_short_i_and_yo_in_texts_are_found(tmp_path: Path) -> None:
    """Folding strips the breve of й and the diaeresis of ё; texts are indexed as written."""
    key = bytearray(os.urandom(32))
    unlocked = UnlockedVault(tmp_path, str(uuid.uuid4()), VaultKind.FIELD, key)
    store = create_store(unlocked)
    try:
        store.cases.save(
            [case("TD-2026-0106", ["Асқар Байжанов"], narrative="Ол Қайнар ауылында, ёлка.")]
        )
        assert refs(store, "Қайнар") == ["TD-2026-0106"]
        assert refs(store, "ёлка") == ["TD-2026-0106"]
    finally:
        store.close()


def test_all_words_must_match(corpus: Store) -> None:
    assert refs(corpus, "Erlan Bole") == [EXAMPLE_REF]
    assert refs(corpus, "Erlan bazaar") == ["TD-2026-0104"]
    assert refs(corpus, "bazaar fruit") == ["TD-2026-0101"]
    assert refs(corpus, "Erlan nowhereword") == []
    assert refs(corpus, "Şükür Bole") == []


def test_a_name_match_ranks_above_a_narrative_mention(corpus: Store) -> None:
    hits = corpus.cases.search("Erlan")
    found = [h.reference for h in hits]
    assert set(found) == {EXAMPLE_REF, "TD-2026-0104"}
    assert found[0] == EXAMPLE_REF
    assert hits[0].score < hits[1].score  # bm25: lower is better
    assert hits[0].detained_name == "Ерлан Сапарұлы"
    assert hits[0].status == "open"


def test_limit(corpus: Store) -> None:
    everything = refs(corpus, "Synthetic")  # every case but the example has this relative
    assert len(everything) == 5 + len(FILLER_WORDS)
    assert EXAMPLE_REF not in everything
    assert len(refs(corpus, "Synthetic", limit=3)) == 3


# ---------------------------------------------------------------------- hostile queries
NASTY = [
    "",
    "   ",
    '"',
    '""',
    "'",
    "*",
    "Erlan*",
    "**",
    "NEAR",
    "NEAR(Erlan Bole)",
    "NEAR(Erlan Bole, 2)",
    "-",
    "-Erlan",
    "Erlan -Bole",
    "(",
    ")",
    "(Erlan",
    "Erlan)",
    "(Erlan OR Bole)",
    "Erlan OR",
    "AND",
    "Erlan AND NOT Bole",
    "names:Erlan",
    "{names latin}: Erlan",
    "^Erlan",
    "Erlan + Bole",
    'Erlan" OR "Bole',
    "\\",
    "%_",
    "; DROP TABLE cases; --",
    "\x00",
    "\u200c\u200f",
    "·",
    "😀",
    "Erlan " * 40,
]


@pytest.mark.parametrize("query", NASTY)
def test_fts_syntax_in_queries_never_raises(corpus: Store, query: str) -> None:
    hits = corpus.cases.search(query)
    assert isinstance(hits, list)
    assert corpus.cases.count() == 6 + len(FILLER_WORDS)


def test_syntax_characters_are_literal_not_operators(corpus: Store) -> None:
    # "-Bole" is not "NOT Bole" and "OR" is not an operator: both are plain words.
    assert refs(corpus, "Erlan -Bole") == [EXAMPLE_REF]
    assert refs(corpus, "Erlan OR Şükür") == []
    assert refs(corpus, "names:Erlan") == []  # no column filter: "names" is just a word
    assert refs(corpus, "(Erlan)") == refs(corpus, "Erlan")
    assert refs(corpus, '"Erlan"') == refs(corpus, "Erlan")


def test_query_without_words_returns_nothing(corpus: Store) -> None:
    for query in ("", "   ", "!!!", "·", "-- *"):
        assert corpus.cases.search(query) == []
    assert search.build_match("!!!") is None


def test_build_match_quotes_every_word() -> None:
    match = search.build_match('Erlan" OR names:x*')
    assert match is not None
    # Every alternative is a quoted string followed by the prefix star; nothing else appears
    # outside quotes except the grouping and AND/OR joining that we wrote ourselves.
    outside = "".join(part for i, part in enumerate(match.split('"')) if i % 2 == 0)
    assert set(outside.replace("AND", "").replace("OR", "")) <= set("()* ")
    words = match.count("(")
    assert words == 4  # erlan, or, names, x
    assert len(search.build_match("w " * 100) or "") < 400  # at most MAX_QUERY_TERMS words


@settings(
    max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(query=st.text(max_size=60))
def test_any_text_is_a_safe_query(corpus: Store, query: str) -> None:
    assert isinstance(corpus.cases.search(query), list)


# ---------------------------------------------------------------------- index maintenance
def test_index_follows_updates_and_deletes(tmp_path: Path) -> None:
    unlocked = UnlockedVault(
        tmp_path, str(uuid.uuid4()), VaultKind.FIELD, bytearray(os.urandom(32))
    )
    store = create_store(unlocked)
    try:
        doc = case("TD-2026-0300", ["Oldname Person"], narrative="orchard")
        (case_id,) = store.cases.save([doc]).ids
        assert refs(store, "Oldname") == ["TD-2026-0300"]
        store.cases.save([dict(case("TD-2026-0300", ["Newname Person"]), id=case_id)])
        assert refs(store, "Oldname") == []
        assert refs(store, "orchard") == []
        assert refs(store, "Newname") == ["TD-2026-0300"]
        store.cases.delete(case_id)
        assert refs(store, "Newname") == []
        assert refs(store, "Person") == []
    finally:
        store.close()
