"""Full-text search over names in every script, their transliterations, places and texts.

Each word of the query must match (AND); a word matches its own folded form or its Latin
transliteration as a prefix, in any column — so ``Erlan`` finds ``Ерлан`` and ``叶尔兰``'s
pinyin, and ``Bole`` finds the facility. Ranking is FTS5's BM25 with names weighted most.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from sqlalchemy import text
from sqlalchemy.engine import Connection

from desktop.domain.names import fold, transliterate

MAX_QUERY_TERMS = 16
# Column weights for bm25(case_search, case_id, names, latin, places, body).
RANK = "bm25(case_search, 0.0, 10.0, 6.0, 4.0, 1.0)"
_WORD = re.compile(r"\w+", re.UNICODE)


@dataclass(frozen=True)
class SearchHit:
    id: str
    reference: str
    detained_name: str
    status: str
    score: float


def _quote(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


def query_words(query: str) -> list[tuple[str, str]]:
    """The query's words, each as (folded, as typed), at most ``MAX_QUERY_TERMS``.

    Places and texts are indexed as written (FTS5's unicode61 and PostgreSQL's 'simple'
    remove diacritics from Latin letters at most), while fold() turns ``Қайнар`` into
    ``қаинар``; so each word is also looked up as typed. Words are paired by position; when
    folding changed the number of words, the folded form stands for both.
    """
    folded = _WORD.findall(fold(query))
    typed = _WORD.findall(unicodedata.normalize("NFC", query).lower())
    if len(typed) != len(folded):
        typed = folded
    return list(zip(folded, typed, strict=True))[:MAX_QUERY_TERMS]


def match_clauses(query: str) -> list[tuple[str, str]]:
    """(folded word, its FTS5 clause) per query word; ``build_match`` ANDs the clauses.

    A clause matches the word's prefixes in any column; a query matches where every clause
    does, so a row set matched by one clause bounds the query's (``CaseRepository``'s
    search of the case list uses that to skip counting a query it knows is narrow).
    """
    clauses: list[tuple[str, str]] = []
    for word, as_typed in query_words(query):
        alternatives = {_quote(word) + "*", _quote(as_typed) + "*"}
        latin = transliterate(word)
        if latin:
            alternatives.add(_quote(latin) + "*")
        clauses.append((word, "(" + " OR ".join(sorted(alternatives)) + ")"))
    return clauses


def build_match(query: str) -> str | None:
    """An FTS5 MATCH expression; every user word is quoted, so no FTS syntax leaks in."""
    clauses = match_clauses(query)
    return " AND ".join(clause for _word, clause in clauses) if clauses else None


def search_sqlite(conn: Connection, query: str, limit: int = 50) -> list[SearchHit]:
    match = build_match(query)
    if match is None:
        return []
    # Rank inside FTS5 first and join only the best ``limit`` rows to ``cases``: joining
    # before the ORDER BY looked up the case row of EVERY match (tens of thousands of random,
    # decrypted page reads for a common word in a 100,000-case vault) just to throw almost
    # all of them away. Same rows, same order; measured in bench/bench_foundation.py.
    rows = conn.execute(
        text(
            "SELECT c.id, c.reference, c.detained_name, c.status, s.score FROM ("  # noqa: S608 - constants only, words bound
            f"SELECT case_id, {RANK} AS score FROM case_search "
            "WHERE case_search MATCH :match ORDER BY score LIMIT :limit"
            ") AS s JOIN cases AS c ON c.id = s.case_id ORDER BY s.score"
        ),
        {"match": match, "limit": limit},
    ).all()
    return [SearchHit(r[0], r[1], r[2], r[3], float(r[4])) for r in rows]


_LATIN_WORD = re.compile(r"[0-9a-z]+")


def _lexeme(word: str) -> str:
    """One quoted tsquery lexeme: quotes and backslashes doubled, so no syntax leaks in."""
    return "'" + word.replace("\\", "\\\\").replace("'", "''") + "'"


def build_tsquery(query: str) -> str | None:
    """A PostgreSQL ``to_tsquery('simple', …)`` text with the FTS5 query's meaning.

    Every user word must match (``&``); a word matches its folded form or its Latin
    transliteration as a prefix (``:*``). A transliteration of several syllables (Chinese
    pinyin "ye er lan") must match as a phrase (``<->``), like FTS5's quoted phrase.
    """
    clauses: list[str] = []
    for word, as_typed in query_words(query):
        alternatives = {_lexeme(word) + ":*", _lexeme(as_typed) + ":*"}
        syllables = _LATIN_WORD.findall(transliterate(word))
        if syllables:
            alternatives.add(
                " <-> ".join(_lexeme(s) for s in syllables[:-1])
                + (" <-> " if len(syllables) > 1 else "")
                + _lexeme(syllables[-1])
                + ":*"
            )
        clauses.append("(" + " | ".join(sorted(alternatives)) + ")")
    return " & ".join(clauses) if clauses else None


def search_postgres(conn: Connection, query: str, limit: int = 50) -> list[SearchHit]:
    """PostgreSQL full-text search over ``case_search.document`` (GIN-indexed tsvector).

    The tsvector weights names A, transliterations B, places C, texts D — the FTS5 column
    weights' order. The score is the negated ``ts_rank`` so that, as with BM25, smaller is
    better and callers sort and display both back ends the same way.
    """
    tsquery = build_tsquery(query)
    if tsquery is None:
        return []
    rows = conn.execute(
        text(
            "SELECT c.id, c.reference, c.detained_name, c.status, s.score FROM ("
            "SELECT case_id, -ts_rank(document, q) AS score "
            "FROM case_search, to_tsquery('simple', :q) AS q "
            "WHERE document @@ q ORDER BY score, case_id LIMIT :limit"
            ") AS s JOIN cases AS c ON c.id = s.case_id ORDER BY s.score, c.id"
        ),
        {"q": tsquery, "limit": limit},
    ).all()
    return [SearchHit(r[0], r[1], r[2], r[3], float(r[4])) for r in rows]


def search_generic(conn: Connection, query: str, limit: int = 50) -> list[SearchHit]:
    """Search on a server store: PostgreSQL full-text, else a LIKE over transliterations."""
    if conn.dialect.name == "postgresql":
        return search_postgres(conn, query, limit)
    words = [transliterate(w) for w in _WORD.findall(fold(query))][:MAX_QUERY_TERMS]
    words = [w for w in words if w]
    if not words:
        return []
    clauses = []
    params: dict[str, object] = {"limit": limit}
    for i, word in enumerate(words):
        params[f"w{i}"] = f"%{word}%"
        clauses.append(
            f"EXISTS (SELECT 1 FROM person_names n WHERE n.case_id = c.id AND n.latin LIKE :w{i})"  # noqa: S608 - generated placeholders
        )
    # Only generated placeholders are interpolated; the words travel as bound parameters.
    where = " AND ".join(clauses)
    sql = (
        "SELECT c.id, c.reference, c.detained_name, c.status, 0.0 FROM cases c "  # noqa: S608 - placeholders only, words bound
        f"WHERE {where} ORDER BY c.updated DESC LIMIT :limit"
    )
    return [SearchHit(r[0], r[1], r[2], r[3], 0.0) for r in conn.execute(text(sql), params).all()]
