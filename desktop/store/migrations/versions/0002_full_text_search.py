"""full-text search index (SQLite FTS5; a tsvector table on PostgreSQL)

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-27

Both dialects get a ``case_search`` table with the same four text columns (names, latin,
places, body), so the repository writes it with the same statements. SQLite indexes it
with FTS5; PostgreSQL keeps a generated, weighted ``tsvector`` (the ``simple``
configuration: no stemming and no stop words, because the words are names in many
languages) under a GIN index. See desktop/store/search.py for the queries.
"""

from __future__ import annotations

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "postgresql":
        # ASCII punctuation becomes a space before parsing, as FTS5's unicode61 tokenizer
        # treats it: PostgreSQL's parser would otherwise read "TD-2026-0102" as a word and
        # the signed numbers -2026 and -0102, and "2026" would not find it.
        def vector(column: str, weight: str) -> str:
            return (
                f"setweight(to_tsvector('simple'::regconfig, "
                f"regexp_replace({column}, '[!-/:-@[-`{{-~]+', ' ', 'g')), '{weight}')"
            )

        op.execute(
            "CREATE TABLE case_search ("
            "case_id VARCHAR(36) NOT NULL PRIMARY KEY "
            "REFERENCES cases (id) ON DELETE CASCADE, "
            "names TEXT NOT NULL DEFAULT '', latin TEXT NOT NULL DEFAULT '', "
            "places TEXT NOT NULL DEFAULT '', body TEXT NOT NULL DEFAULT '', "
            "document tsvector GENERATED ALWAYS AS ("
            + " || ".join(
                vector(c, w) for c, w in (("names", "A"), ("latin", "B"), ("places", "C"), ("body", "D"))
            )
            + ") STORED)"
        )
        op.execute("CREATE INDEX ix_case_search_document ON case_search USING GIN (document)")
        return
    if dialect != "sqlite":
        return
    # names: every spelling folded; latin: transliterations; places: facilities, localities,
    # regions, authorities; body: narratives, descriptions, notes, tags, reference.
    op.execute(
        "CREATE VIRTUAL TABLE case_search USING fts5("
        "case_id UNINDEXED, names, latin, places, body, "
        "tokenize = 'unicode61 remove_diacritics 2')"
    )


def downgrade() -> None:
    if op.get_bind().dialect.name not in ("sqlite", "postgresql"):
        return
    op.execute("DROP TABLE case_search")
