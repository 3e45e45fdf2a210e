"""Case repository: one transaction per save or per import, history for every change.

Writes go through SQLAlchemy Core bulk statements (a 100,000-case import must take seconds,
not minutes); reads rebuild canonical case documents. Callers get plain dicts and small
dataclasses, never live ORM objects, so nothing breaks when a session closes or a Qt
widget outlives it.
"""

from __future__ import annotations

import contextlib
import gc
import itertools
import re
import uuid
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import Float, delete, false, func, select, text, tuple_, update
from sqlalchemy.engine import Connection, Engine

from desktop.errors import InvalidInputError, NotFoundError
from desktop.store import bulk, docread, history, mapping
from desktop.store import engine as engines
from desktop.store.models import (
    Appeal,
    Attachment,
    Case,
    Event,
    Person,
    PersonName,
    SyncMergeState,
    Testimony,
)
from desktop.store.search import (
    RANK as SEARCH_RANK,
)
from desktop.store.search import (
    SearchHit,
    build_match,
    build_tsquery,
    match_clauses,
    search_generic,
    search_sqlite,
)

CHILD_TABLES = (Person, PersonName, Event, Testimony, Appeal, Attachment)
_CHUNK = 500
IMPORT_CACHE_KIB = 512 * 1024  # see CaseRepository._import_cache
_REF_RE = re.compile(r"^TD-(\d{4})-(\d+)$")


def now_utc() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


@dataclass(frozen=True)
class CaseSummary:
    id: str
    reference: str
    detained_name: str
    status: str
    verification: str
    last_event_date: str | None
    country: str | None
    appeals: int
    updated: str
    # Case list only (``CaseRepository.page``); the CLI's ``list --json`` shows none of them.
    place: str = ""
    last_event_lower: str = ""  # ISO date, '' when undated: the date sort key
    appeal_state: str = ""  # status of the last appeal, '' without appeals
    received_by_hq: bool = False  # HQ acknowledged the case's current version


@dataclass(frozen=True)
class CaseFilter:
    """What the case list shows: search text and filters, all applied in SQL.

    Empty tuples mean "any". The date range is compared with the last event's EDTF date (its
    earliest and latest possible day): a case matches when that span overlaps
    [``date_from``, ``date_to``]; undated cases match no date range.
    """

    text: str = ""
    statuses: tuple[str, ...] = ()
    verifications: tuple[str, ...] = ()
    countries: tuple[str, ...] = ()
    date_from: date | None = None
    date_to: date | None = None

    def is_empty(self) -> bool:
        return self == CaseFilter(text=self.text) and not self.text.strip()


# A search with more matches than this is shown in index order, not ranked (see page()).
BROAD_MATCHES = 5_000
# A search alone in relevance order (SQLite) is ranked by CaseRepository._ranked_page: the
# same rows as page()'s SQL with fewer MATCH evaluations. False: that SQL (for comparison
# in tests/unit/test_first_page.py).
RANK_IN_PYTHON = True

# Sort keys of the case list; "relevance" (search rank) only with search text.
SORT_KEYS = ("reference", "detained", "last_event", "place", "status", "verification", "appeals")
RELEVANCE = "relevance"


@dataclass(frozen=True)
class CaseSort:
    key: str = "reference"
    descending: bool = False


# One batch of ``save_batches``: where it comes from (for error messages), the documents,
# and optionally ``mapping.prepare`` of each, computed elsewhere (a parser process).
Batch = tuple[str | None, Sequence[dict[str, Any]], Sequence["mapping.Prepared | None"] | None]


class ReferenceClash(Exception):
    """A later batch brings a reference that an earlier batch generated (see save_batches)."""


@dataclass(frozen=True)
class WriteResult:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    ids: tuple[str, ...] = ()


def in_chunks(items: Sequence[Any], size: int = _CHUNK) -> Iterator[Sequence[Any]]:
    """Slices of at most ``size``: an ``IN (…)`` list stays within SQLite's bound-variable
    limit and PostgreSQL's comfortable statement size."""
    for i in range(0, len(items), size):
        yield items[i : i + size]


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector for one bulk step (a save, a large parse).

    A large import builds millions of small dicts (rows, parameters) next to the millions
    the parsed documents already hold; each full collection walks all of them and finds
    nothing to free (rows hold no reference cycles). Measured on a 100,000-case import it
    cost a noticeable share of the store time (docs/performance.md). Reference counting
    still frees everything as usual; the collector is re-enabled afterwards if it was on.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


class CaseRepository:
    def __init__(self, engine: Engine, device: str) -> None:
        self.engine = engine
        self.device = device
        self._sqlite = engine.dialect.name == "sqlite"
        # Both SQLite (FTS5) and PostgreSQL (tsvector) keep a ``case_search`` table with the
        # same columns (migration 0002), written with the same statements.
        self._indexed = engine.dialect.name in ("sqlite", "postgresql")
        # documents() on SQLite reads through the DB-API cursor (desktop/store/docread.py):
        # the same documents at a fraction of the CPU time (tests/unit/test_fast_read.py).
        self._fast_reads = self._sqlite
        self._plans: dict[str, docread.TablePlan] | None = None

    # ------------------------------------------------------------------ writes
    def save(self, docs: Sequence[dict[str, Any]], *, source: str | None = None) -> WriteResult:
        """Insert or update normalized case documents in ONE transaction (all or nothing).

        A document whose ``id`` exists updates that case (its revision grows by one if the
        content changed; re-importing the same document changes nothing).
        """
        try:
            with collector_paused(), self._writer() as conn, conn.begin():
                return self._save(conn, docs, source)
        finally:
            mapping.clear_memo()

    def save_batches(self, batches: Iterable[Batch]) -> WriteResult:
        """Like ``save`` over all batches, in ONE transaction, taking batches as they come.

        Why: an import of several files can store file *k* while file *k+1* is still being
        parsed (``desktop.interchange.parallel``). The result equals one ``save`` of all
        documents in order, with one exception that is detected, not tolerated: a generated
        reference (for a case without one) that a *later* batch turns out to bring as its
        own. A single ``save`` would have skipped that number; here the transaction is rolled
        back and ``ReferenceClash`` raised, so the caller can save everything in one go.
        An exception from the iterator (a file that does not validate) rolls back too.
        """
        created = updated = unchanged = 0
        ids: list[str] = []
        seen_refs: set[str] = set()
        generated: set[str] = set()
        try:
            with collector_paused(), self._writer() as conn, self._import_cache(conn), conn.begin():
                for source, docs, prepared in batches:
                    refs = {str(d["reference"]) for d in docs if d.get("reference")}
                    if refs & generated:
                        raise ReferenceClash(sorted(refs & generated)[0])
                    seen_refs |= refs
                    result = self._save(
                        conn,
                        docs,
                        source,
                        reserved=frozenset(seen_refs),
                        generated=generated,
                        prepared=prepared,
                    )
                    created += result.created
                    updated += result.updated
                    unchanged += result.unchanged
                    ids.extend(result.ids)
                    mapping.clear_memo()
        finally:
            mapping.clear_memo()
        return WriteResult(created, updated, unchanged, tuple(ids))

    @contextlib.contextmanager
    def _import_cache(self, conn: Connection) -> Iterator[None]:
        """A larger page cache for the length of a multi-file import (SQLite only).

        The import inserts rows keyed by random UUIDs into every index of a growing
        database; with the usual cache, pages are evicted (encrypted) and read back
        (decrypted) again and again. Measured: about a tenth less CPU on 100,000 cases.
        SQLite allocates the cache lazily and gives it back when the size is set back.
        1 and 1.5 GiB were measured too and not kept (docs/performance.md, r9).
        """
        if not self._sqlite:
            yield
            return
        # On the DB-API connection: a PRAGMA through SQLAlchemy would begin its transaction.
        raw: Any = conn.connection.dbapi_connection
        raw.execute(f"PRAGMA cache_size = -{IMPORT_CACHE_KIB}")
        try:
            yield
        finally:
            raw.execute(f"PRAGMA cache_size = -{engines.CACHE_KIB}")

    def _writer(self) -> Connection:
        return self.engine.connect().execution_options(immediate=True)

    def _save(
        self,
        conn: Connection,
        docs: Sequence[dict[str, Any]],
        source: str | None,
        *,
        reserved: frozenset[str] = frozenset(),
        generated: set[str] | None = None,
        prepared: Sequence[mapping.Prepared | None] | None = None,
    ) -> WriteResult:
        """Write ``docs``; ``prepared[i]``, when given, is ``mapping.prepare(docs[i])``."""
        at = now_utc()
        ids = [str(d["id"]) for d in docs if d.get("id")]
        existing: dict[str, dict[str, Any]] = {}
        for chunk in in_chunks(ids):
            for found in conn.execute(
                select(
                    Case.id,
                    Case.reference,
                    Case.content_hash,
                    Case.revision,
                    Case.created,
                    Case.search_rowid,
                ).where(Case.id.in_(chunk))
            ).mappings():
                existing[found["id"]] = dict(found)
        refs = [str(d["reference"]) for d in docs if d.get("reference")]
        owner_of_ref: dict[str, str] = {}
        for chunk in in_chunks(refs):
            for rid, ref in conn.execute(
                select(Case.id, Case.reference).where(Case.reference.in_(chunk))
            ).all():
                owner_of_ref[ref] = rid
        next_number = self._reference_counter(conn, at[:4], reserved | frozenset(refs))
        next_rowid = self._rowid_counter(conn)

        history_writer = history.HistoryWriter(conn, self.device)
        new_cases: list[dict[str, Any]] = []
        changed_cases: list[dict[str, Any]] = []
        child_rows: dict[str, list[dict[str, Any]]] = {}
        search_rows: list[dict[str, Any]] = []
        touched: list[str] = []
        result_ids: list[str] = []
        unchanged = 0
        for index, original in enumerate(docs):
            doc = dict(original)
            case_id = str(doc.get("id") or uuid.uuid4())
            doc["id"] = case_id
            old = existing.get(case_id)
            if not doc.get("reference"):
                doc["reference"] = old["reference"] if old else next_number()
                if old is None and generated is not None:
                    generated.add(doc["reference"])
            ref_owner = owner_of_ref.get(doc["reference"])
            if ref_owner is not None and ref_owner != case_id:
                raise InvalidInputError(
                    f"reference {doc['reference']} already belongs to another case",
                    source=source,
                    index=index,
                    path="$.reference",
                )
            owner_of_ref[doc["reference"]] = case_id
            result_ids.append(case_id)
            ready = prepared[index] if prepared is not None else None
            digest = ready.digest if ready is not None else mapping.content_hash(doc)
            if old is not None and old["content_hash"] == digest:
                unchanged += 1
                continue
            if ready is None:  # derived here only for what is written
                ready = mapping.Prepared(
                    digest,
                    mapping.summary_fields(doc),
                    mapping.document_to_rows(doc, case_id),
                    mapping.search_texts(doc),
                )
            row: dict[str, Any] = {
                "id": case_id,
                "reference": doc["reference"],
                "status": doc["status"],
                "confidentiality": doc["confidentiality"],
                "verification": doc["verification"],
                "tags": list(doc.get("tags", [])),
                "notes": doc.get("notes", ""),
                "origin_device": self.device,
                "content_hash": digest,
                **ready.summary,
            }
            if self._sqlite:
                # An edited case keeps its row in the search index (deleted and rewritten).
                kept = old["search_rowid"] if old is not None else None
                row["search_rowid"] = kept if kept is not None else next_rowid()
            else:
                row["search_rowid"] = None
            if old is None:
                row.update(
                    created=doc.get("created") or at,
                    updated=doc.get("updated") or at,
                    revision=1,
                    parent_hash=None,
                )
                new_cases.append(row)
                history_writer.add(
                    at, case_id, "create", {"revision": 1, "reference": doc["reference"]}
                )
            else:
                row.update(
                    created=old["created"],
                    updated=at,
                    revision=int(old["revision"]) + 1,
                    parent_hash=old["content_hash"],
                )
                changed_cases.append(row)
                touched.append(case_id)
                history_writer.add(
                    at,
                    case_id,
                    "update",
                    {"revision": row["revision"], "reference": doc["reference"]},
                )
            for table, rows in ready.rows.items():
                child_rows.setdefault(table, []).extend(rows)
            search_row: dict[str, Any] = {"case_id": case_id, **ready.search}
            if self._sqlite:
                search_row["rowid"] = row["search_rowid"]
            search_rows.append(search_row)

        blob_names = self._blob_names(conn, touched)
        for chunk in in_chunks(touched):
            for model in reversed(CHILD_TABLES):
                conn.execute(delete(model).where(model.case_id.in_(chunk)))
            if self._indexed:
                self._unindex(conn, chunk)
        if new_cases:
            bulk.insert_rows(conn, Case.__table__, new_cases)
        for case_row in changed_cases:
            conn.execute(update(Case).where(Case.id == case_row["id"]).values(**case_row))
        for att in child_rows.get("attachments", []):
            att["blob_name"] = blob_names.get(att["id"])
        for model in CHILD_TABLES:
            bulk.insert_rows(conn, model.__table__, child_rows.get(model.__tablename__, []))
        if self._indexed and search_rows:
            target = bulk.CASE_SEARCH
            if self._sqlite:
                # In rowid order: FTS5 flushes its pending words to a new index segment
                # whenever a rowid is lower than the previous one (edited cases keep theirs).
                target = bulk.CASE_SEARCH_FTS5
                search_rows.sort(key=lambda row: int(row["rowid"]))
            bulk.insert_rows(conn, target, search_rows)
        history_writer.flush()
        return WriteResult(len(new_cases), len(changed_cases), unchanged, tuple(result_ids))

    def _unindex(self, conn: Connection, case_ids: Sequence[str]) -> None:
        """Remove these cases from the search index (at most ``_CHUNK`` ids at a time).

        SQLite: by FTS5 rowid (``cases.search_rowid``), the one fast way into an FTS5 table;
        PostgreSQL: by ``case_id``, its primary key. Runs before the cases rows change.
        """
        placeholders = ",".join(f":i{i}" for i in range(len(case_ids)))
        where = (
            f"rowid IN (SELECT search_rowid FROM cases WHERE id IN ({placeholders}))"  # noqa: S608 - generated placeholders
            if self._sqlite
            else f"case_id IN ({placeholders})"
        )
        conn.execute(
            text(f"DELETE FROM case_search WHERE {where}"),  # noqa: S608 - generated placeholders
            {f"i{i}": cid for i, cid in enumerate(case_ids)},
        )

    @staticmethod
    def _rowid_counter(conn: Connection) -> Callable[[], int]:
        """Hands out search-index rowids above every one in use (read once per save)."""
        top = conn.execute(select(func.max(Case.search_rowid))).scalar()
        counter = itertools.count(int(top or 0) + 1)
        return lambda: next(counter)

    def _blob_names(self, conn: Connection, case_ids: list[str]) -> dict[str, str]:
        names: dict[str, str] = {}
        for chunk in in_chunks(case_ids):
            for att_id, blob in conn.execute(
                select(Attachment.id, Attachment.blob_name).where(Attachment.case_id.in_(chunk))
            ).all():
                if blob:
                    names[att_id] = blob
        return names

    def _reference_counter(
        self, conn: Connection, year: str, reserved: frozenset[str] = frozenset()
    ) -> Any:
        """Next free ``TD-YYYY-NNNN`` numbers; computed lazily, once per transaction.

        ``reserved`` holds the references that documents of the same batch bring along: a
        generated number must skip them, or importing a file with ``TD-2026-0001`` and a case
        without a reference would give both the same reference and refuse the whole file.
        """
        state: dict[str, int] = {}

        def next_reference() -> str:
            if "n" not in state:
                highest = 0
                for (ref,) in conn.execute(
                    select(Case.reference).where(Case.reference.like(f"TD-{year}-%"))
                ):
                    m = _REF_RE.match(ref)
                    if m:
                        highest = max(highest, int(m.group(2)))
                state["n"] = highest
            state["n"] += 1
            while f"TD-{year}-{state['n']:04d}" in reserved:
                state["n"] += 1
            return f"TD-{year}-{state['n']:04d}"

        return next_reference

    def delete(self, case_id: str) -> None:
        with self._writer() as conn, conn.begin():
            ref = conn.execute(select(Case.reference).where(Case.id == case_id)).scalar()
            if ref is None:
                raise NotFoundError("no such case")
            for model in reversed(CHILD_TABLES):
                conn.execute(delete(model).where(model.case_id == case_id))
            if self._indexed:
                self._unindex(conn, [case_id])
            conn.execute(delete(Case).where(Case.id == case_id))
            writer = history.HistoryWriter(conn, self.device)
            writer.add(now_utc(), case_id, "delete", {"reference": ref})
            writer.flush()

    # ------------------------------------------------------------------ reads
    def resolve(self, ref_or_id: str) -> str:
        with self.engine.connect() as conn:
            found = conn.execute(
                select(Case.id).where((Case.reference == ref_or_id) | (Case.id == ref_or_id))
            ).scalar()
            if found is None:
                # (HQ) A field device's own reference that HQ shows with the device's suffix
                # (desktop.sync.references): what a letter from the field quotes.
                known = conn.execute(
                    select(Case.id, Case.reference)
                    .join(SyncMergeState, SyncMergeState.case_id == Case.id)
                    .where(SyncMergeState.field_reference == ref_or_id)
                    .order_by(Case.reference)
                ).all()
                if len(known) == 1:
                    return str(known[0][0])
                if known:
                    shown = ", ".join(str(r[1]) for r in known)
                    raise NotFoundError(
                        f"{ref_or_id} is used by {len(known)} devices; HQ shows their cases "
                        f"as {shown}"
                    )
        if found is None:
            raise NotFoundError(f"no case {ref_or_id}")
        return str(found)

    def get(self, ref_or_id: str) -> dict[str, Any]:
        case_id = self.resolve(ref_or_id)
        docs = list(self.documents([case_id]))
        return docs[0]

    def documents(
        self, ids: Iterable[str] | None = None, *, shared: dict[str, Any] | None = None
    ) -> Iterator[dict[str, Any]]:
        """Canonical documents, streamed in batches (all cases when ``ids`` is None).

        ``shared`` (SQLite): see ``docread.read_documents`` — for read-only callers only.
        """
        with self.engine.connect() as conn:
            if ids is None:
                id_list = [r[0] for r in conn.execute(select(Case.id).order_by(Case.reference))]
            else:
                id_list = list(ids)
            for chunk in in_chunks(id_list):
                yield from self._load(conn, list(chunk), shared)

    def read_plans(self) -> dict[str, docread.TablePlan]:
        """The SQL and conversions of a document's tables (SQLite): plain data, which the
        sync export's records helper reads with (desktop/sync/records.py)."""
        if self._plans is None:
            dialect = self.engine.dialect
            self._plans = {
                model.__tablename__: bulk.read_plan(
                    dialect,
                    model.__table__,
                    mapping.DOCUMENT_COLUMNS[model.__tablename__],
                    "id" if model is Case else "case_id",
                    mapping.DOCUMENT_ORDER.get(model.__tablename__, ()),
                )
                for model in (Case, Person, PersonName, Event, Testimony, Appeal, Attachment)
            }
        return self._plans

    def _load(
        self, conn: Connection, ids: list[str], shared: dict[str, Any] | None = None
    ) -> list[dict[str, Any]]:
        if self._fast_reads:
            raw: Any = conn.connection.dbapi_connection
            return docread.read_documents(raw, self.read_plans(), ids, shared=shared)
        cases = {
            r["id"]: dict(r)
            for r in conn.execute(select(Case.__table__).where(Case.id.in_(ids))).mappings()
        }
        persons = self._group(conn, Person, ids)
        names_by = self._group(conn, PersonName, ids)
        events_by = self._group(conn, Event, ids)
        testimonies = self._group(conn, Testimony, ids)
        appeals = self._group(conn, Appeal, ids)
        attachments = self._group(conn, Attachment, ids)
        out = []
        for cid in ids:
            if cid not in cases:
                continue
            out.append(
                mapping.rows_to_document(
                    cases[cid],
                    persons.get(cid, []),
                    names_by.get(cid, []),
                    events_by.get(cid, []),
                    testimonies.get(cid, []),
                    appeals.get(cid, []),
                    attachments.get(cid, []),
                )
            )
        return out

    @staticmethod
    def _group(conn: Connection, model: Any, ids: list[str]) -> dict[str, list[dict[str, Any]]]:
        table = model.__table__
        grouped: dict[str, list[dict[str, Any]]] = {}
        for found in conn.execute(select(table).where(table.c.case_id.in_(ids))).mappings():
            grouped.setdefault(found["case_id"], []).append(dict(found))
        return grouped

    def count(self) -> int:
        with self.engine.connect() as conn:
            return int(conn.execute(select(func.count()).select_from(Case)).scalar() or 0)

    def summaries_for(self, ids: Sequence[str]) -> list[CaseSummary]:
        """Summaries of the given cases (search results), in no particular order."""
        found: list[CaseSummary] = []
        for chunk in in_chunks(list(ids)):
            found.extend(self.summaries(where_ids=chunk))
        return found

    def summaries(
        self,
        *,
        offset: int = 0,
        limit: int | None = None,
        order: str = "reference",
        where_ids: Sequence[str] | None = None,
    ) -> list[CaseSummary]:
        columns = {
            "reference": Case.reference,
            "updated": Case.updated.desc(),
            # NULLS LAST spelled out: SQLite puts NULLs last in DESC, PostgreSQL first.
            "last_event_date": Case.last_event_date.desc().nulls_last(),
            "detained": Case.detained_name,
            "status": Case.status,
        }
        appeal_count = (
            select(func.count()).where(Appeal.case_id == Case.id).correlate(Case).scalar_subquery()
        )
        stmt = (
            select(
                Case.id,
                Case.reference,
                Case.detained_name,
                Case.status,
                Case.verification,
                Case.last_event_date,
                Case.country,
                appeal_count,
                Case.updated,
            )
            .order_by(columns.get(order, Case.reference), Case.id)
            .offset(offset)
        )
        if limit is not None:
            stmt = stmt.limit(limit)
        if where_ids is not None:
            stmt = stmt.where(Case.id.in_(list(where_ids)))
        with self.engine.connect() as conn:
            return [CaseSummary(*row) for row in conn.execute(stmt).all()]

    # ------------------------------------------------------------------ case list
    def page(
        self,
        filt: CaseFilter = CaseFilter(),
        sort: CaseSort = CaseSort(),
        *,
        after: CaseSummary | None = None,
        offset: int = 0,
        limit: int = 500,
    ) -> list[CaseSummary]:
        """One page of the case list: filtered, searched and sorted in SQL.

        Column sorts page by keyset: the next page starts after the last row of the previous
        one (``after``), ``ORDER BY column, id`` on a (column, id) index, so every page costs
        the same however far the list was scrolled. Relevance order (search text without a
        column sort) ranks all matches and pages by ``offset``.
        """
        relevance = sort.key == RELEVANCE and bool(filt.text.strip())
        if relevance:
            # The ranked matches restrict the rows themselves (no second MATCH); without
            # other filters only the best offset + limit of them are joined to the cases.
            others = self._conditions(filt, with_text=False)
            if self._sqlite and not others and RANK_IN_PYTHON:
                clauses = match_clauses(filt.text)
                if clauses:  # the same rows as the SQL below, one evaluation fewer or two
                    return self._ranked_page(clauses, offset, limit)[1]
            broad = self._sqlite and self._is_broad(filt.text)
            rank = self._rank_subquery(
                filt.text, top=None if others else offset + limit, by_rank=not broad
            )
            if rank is not None:
                stmt = (
                    self._summary_select()
                    .join(rank, rank.c.case_id == Case.id)
                    .where(*others)
                    .order_by(rank.c.score, Case.id)
                    .limit(limit)
                    .offset(offset)
                )
                with self.engine.connect() as conn:
                    return [_summary(r) for r in conn.execute(stmt).all()]
        stmt = self._summary_select().where(*self._conditions(filt)).limit(limit)
        column = _sort_column(sort.key)
        # The tiebreaker runs in the same direction, so one (column, id) index serves both.
        if sort.descending:
            stmt = stmt.order_by(column.desc(), Case.id.desc())
        else:
            stmt = stmt.order_by(column, Case.id)
        if after is not None:
            last = (_sort_value(after, sort.key), after.id)
            key = tuple_(column, Case.id)
            stmt = stmt.where(key < tuple_(*last) if sort.descending else key > tuple_(*last))
        elif offset:
            stmt = stmt.offset(offset)
        with self.engine.connect() as conn:
            return [_summary(r) for r in conn.execute(stmt).all()]

    def count_matching(self, filt: CaseFilter = CaseFilter()) -> int:
        """How many cases the case list shows with this filter."""
        conditions = self._conditions(filt)
        if not conditions:
            return self.count()
        if filt.text.strip() and not self._conditions(filt, with_text=False):
            return self._count_text(filt.text)
        stmt = select(func.count()).select_from(Case).where(*conditions)
        with self.engine.connect() as conn:
            return int(conn.execute(stmt).scalar() or 0)

    def first_page(
        self, filt: CaseFilter = CaseFilter(), sort: CaseSort = CaseSort(), *, limit: int = 500
    ) -> tuple[int, list[CaseSummary]]:
        """``count_matching(filt)`` and the first page of ``page(filt, sort)``, in one read.

        Exactly the same count, rows and order as those two calls (``[]`` when the count is
        0). Why: the case list asks for both on every keystroke of a search, and each of
        ``count_matching`` and ``page`` evaluates the search index's MATCH again (page twice:
        the broad-or-not check, then the ranking). A word of two letters ("Қайыржан Қа")
        makes FTS5 merge the lists of every indexed word with that prefix, tens of ms each
        time. Here a search in relevance order (SQLite, no other filter) evaluates the full
        query once where it can; anything else takes the two calls.
        """
        if (
            self._sqlite
            and sort.key == RELEVANCE
            and filt.text.strip()
            and not self._conditions(filt, with_text=False)
        ):
            clauses = match_clauses(filt.text)
            if clauses and RANK_IN_PYTHON:
                return self._ranked_page(clauses, 0, limit)
        count = self.count_matching(filt)
        return count, (self.page(filt, sort, limit=limit) if count else [])

    def _ranked_page(
        self, clauses: list[tuple[str, str]], offset: int, limit: int
    ) -> tuple[int, list[CaseSummary]]:
        """The count and ``page(offset, limit)`` of a search alone in relevance order (SQLite).

        The same rows as ``page``'s SQL, which ranks the best ``offset + limit`` index rows,
        joins them to the cases (an index row without its case drops out) and skips
        ``offset``. At most ``BROAD_MATCHES`` matches: all of them with their BM25 score,
        sorted here by (score, case id) as that SQL does, the count is their number. More:
        the count and the first rows in the index's row order (``page``'s broad case). Which
        case applies is known without counting when one word alone matches few enough rows
        (a query matches a subset of each word's matches); else one statement counts the
        matches and returns the first ``offset + limit`` rowids. ``page`` evaluated the MATCH
        two or three times for this (the broad check, then the ranking with its IDF pass);
        the case list's ``fetchMore`` of a search used it for every further page.
        """
        want = offset + limit
        match = " AND ".join(clause for _word, clause in clauses)
        probe = (
            "SELECT count(*) FROM (SELECT 1 FROM case_search WHERE case_search MATCH :m LIMIT :n)"
        )
        with self.engine.connect() as conn:
            narrow = False
            if len(clauses) > 1:
                # Long words first: their prefixes are cheap to look up and selective.
                words = sorted(clauses, key=lambda c: -len(c[0]))
                for word, clause in words[:2]:
                    if len(word) < 3:
                        break
                    found = conn.execute(text(probe), {"m": clause, "n": BROAD_MATCHES + 1})
                    if int(found.scalar() or 0) <= BROAD_MATCHES:
                        narrow = True
                        break
            else:
                conn.execute(text("SELECT 1")).scalar()  # begins the read transaction: one snapshot
            # The driver's own cursor, in the transaction just begun: tens of thousands of
            # rowids come back faster without SQLAlchemy's result rows.
            cursor = conn.connection.dbapi_connection.cursor()  # type: ignore[union-attr]
            try:
                if not narrow:
                    # One evaluation gives the count and the first rows in rowid order.
                    cursor.execute(
                        "WITH m AS MATERIALIZED (SELECT rowid AS r FROM case_search "
                        "WHERE case_search MATCH ?) "
                        "SELECT (SELECT count(*) FROM m), r FROM m ORDER BY r LIMIT ?",
                        (match, want),
                    )
                    first = cursor.fetchall()
                    if not first:
                        return 0, []
                    count = int(first[0][0])
                    if count > BROAD_MATCHES:
                        case_of = _case_ids(cursor, [r for _c, r in first])
                        broad = [case_of.get(r) for _c, r in first]
                        ids = [i for i in broad if i is not None]
                        return count, self._page_of(conn, ids, offset, limit)
                cursor.execute(
                    f"SELECT rowid, {SEARCH_RANK} FROM case_search WHERE case_search MATCH ?",  # noqa: S608 - constant rank
                    (match,),
                )
                scored: list[tuple[int, float]] = [(r[0], r[1]) for r in cursor.fetchall()]
                if not scored:
                    return 0, []
                scored.sort(key=lambda r: r[1])
                if len(scored) > want:
                    # Only rows up to the want-th score (ties included) can be on the page:
                    # their case ids (the tiebreak) are read, not those of every match.
                    cutoff = scored[want - 1][1]
                    candidates = [r for r in scored if r[1] <= cutoff]
                else:
                    candidates = scored
                case_of = _case_ids(cursor, [rowid for rowid, _score in candidates])
            finally:
                cursor.close()
            # ORDER BY score, case_id (a NULL case id first, as SQLite sorts it).
            ranked = sorted(
                ((case_of.get(rowid), score) for rowid, score in candidates),
                key=lambda r: (r[1], r[0] is not None, r[0] or ""),
            )[:want]
            ids = [case_id for case_id, _score in ranked if case_id is not None]
            return len(scored), self._page_of(conn, ids, offset, limit)

    def _page_of(
        self, conn: Connection, ids: list[str], offset: int, limit: int
    ) -> list[CaseSummary]:
        """``ids[offset:offset + limit]`` as case list rows, once the ids without a case row
        are left out (as the SQL join did before its OFFSET); only that slice is read."""
        if offset:
            existing: set[str] = set()
            for chunk in in_chunks(list(dict.fromkeys(ids))):
                existing.update(
                    str(i) for (i,) in conn.execute(select(Case.id).where(Case.id.in_(chunk)))
                )
            ids = [i for i in ids if i in existing]
        return self._summaries_in_order(conn, ids[offset : offset + limit])

    def _summaries_in_order(self, conn: Connection, ids: list[str]) -> list[CaseSummary]:
        """The case list rows of ``ids`` in that order; ids without a case row are left out."""
        found: dict[str, CaseSummary] = {}
        for chunk in in_chunks(list(dict.fromkeys(ids))):
            for row in conn.execute(self._summary_select().where(Case.id.in_(chunk))).all():
                found[row[0]] = _summary(row)
        return [found[i] for i in ids if i in found]

    def countries(self) -> list[str]:
        """The countries cases are filed under (detention country), for the filter."""
        stmt = select(Case.country).where(Case.country.is_not(None)).distinct()
        with self.engine.connect() as conn:
            return sorted(str(c) for (c,) in conn.execute(stmt))

    @staticmethod
    def _summary_select() -> Any:
        # "Received by HQ": one definition, the sync feature's (desktop/sync/received.py).
        from desktop.sync.received import received_expr

        return select(
            Case.id,
            Case.reference,
            Case.detained_name,
            Case.status,
            Case.verification,
            Case.last_event_date,
            Case.country,
            Case.appeal_count,
            Case.updated,
            Case.place,
            Case.last_event_lower,
            Case.appeal_state,
            received_expr(),
        )

    def _count_text(self, query: str) -> int:
        """Matches of the search text alone: counted in the search index, no join."""
        if self._sqlite:
            match = build_match(query)
            sql = "SELECT count(*) FROM case_search WHERE case_search MATCH :m"
            params = {"m": match}
        elif self.engine.dialect.name == "postgresql":
            match = build_tsquery(query)
            sql = "SELECT count(*) FROM case_search WHERE document @@ to_tsquery('simple', :m)"
            params = {"m": match}
        else:
            return len(self.search(query, limit=10_000))
        if match is None:
            return 0
        with self.engine.connect() as conn:
            return int(conn.execute(text(sql), params).scalar() or 0)

    def _conditions(self, filt: CaseFilter, *, with_text: bool = True) -> list[Any]:
        conditions: list[Any] = []
        if filt.statuses:
            conditions.append(Case.status.in_(filt.statuses))
        if filt.verifications:
            conditions.append(Case.verification.in_(filt.verifications))
        if filt.countries:
            conditions.append(Case.country.in_(filt.countries))
        if filt.date_from is not None:
            conditions.append(Case.last_event_upper >= filt.date_from.isoformat())
        if filt.date_to is not None:
            conditions.append(Case.last_event_lower <= filt.date_to.isoformat())
        if filt.date_from is not None or filt.date_to is not None:
            conditions.append(Case.last_event_lower != "")  # undated: in no date range
        if with_text and filt.text.strip():
            conditions.append(self._text_condition(filt.text))
        return conditions

    def _text_condition(self, query: str) -> Any:
        """Cases whose search index matches ``query`` (the same meaning as ``search``)."""
        if self._sqlite:
            match = build_match(query)
            if match is None:
                return false()
            return Case.id.in_(
                select(text("case_id"))
                .select_from(text("case_search"))
                .where(text("case_search MATCH :match").bindparams(match=match))
            )
        if self.engine.dialect.name == "postgresql":
            tsquery = build_tsquery(query)
            if tsquery is None:
                return false()
            return Case.id.in_(
                select(text("case_id"))
                .select_from(text("case_search"))
                .where(text("document @@ to_tsquery('simple', :q)").bindparams(q=tsquery))
            )
        ids = [h.id for h in self.search(query, limit=10_000)]
        return Case.id.in_(ids)

    def _is_broad(self, query: str) -> bool:
        """More than ``BROAD_MATCHES`` matches: a word or two typed so far ("a", "ai")."""
        match = build_match(query)
        if match is None:
            return False
        sql = "SELECT count(*) FROM (SELECT 1 FROM case_search WHERE case_search MATCH :m LIMIT :n)"
        with self.engine.connect() as conn:
            found = conn.execute(text(sql), {"m": match, "n": BROAD_MATCHES + 1}).scalar()
        return int(found or 0) > BROAD_MATCHES

    def _rank_subquery(self, query: str, top: int | None = None, *, by_rank: bool = True) -> Any:
        """(case_id, score) of the matches, smaller score = better (FTS5 BM25 / ts_rank).

        Every match, or with ``top`` only the best ``top`` (ties by case id, as outside).
        Without ``by_rank`` (SQLite, a query that matches most of the vault) the "score" is
        the search index's own row order: ranking 100,000 matches of a first typed letter
        cost seconds, and the first page of them in index order costs milliseconds.
        """
        if self._sqlite:
            match = build_match(query)
            if match is None:
                return None
            score = SEARCH_RANK if by_rank else "rowid"  # constants, no user text
            sql = (
                f"SELECT case_id, {score} AS score FROM case_search WHERE case_search MATCH :match"  # noqa: S608 - constant score
            )
            params: dict[str, str] = {"match": match}
        elif self.engine.dialect.name == "postgresql":
            tsquery = build_tsquery(query)
            if tsquery is None:
                return None
            sql = (
                "SELECT case_id, -ts_rank(document, to_tsquery('simple', :q)) AS score "
                "FROM case_search WHERE document @@ to_tsquery('simple', :q)"
            )
            params = {"q": tsquery}
        else:
            return None
        if top is not None:
            sql += f" ORDER BY score{', case_id' if by_rank else ''} LIMIT {int(top)}"
        return (
            text(sql)
            .bindparams(**params)
            .columns(case_id=Case.id.type, score=Float())
            .subquery("rank")
        )

    def search(self, query: str, limit: int = 50) -> list[SearchHit]:
        with self.engine.connect() as conn:
            if self._sqlite:
                return search_sqlite(conn, query, limit)
            return search_generic(conn, query, limit)

    def history_of(self, case_id: str) -> list[dict[str, Any]]:
        from desktop.store.models import HistoryEntry

        with self.engine.connect() as conn:
            return [
                dict(r)
                for r in conn.execute(
                    select(HistoryEntry.__table__)
                    .where(HistoryEntry.case_id == case_id)
                    .order_by(HistoryEntry.seq)
                ).mappings()
            ]

    def verify_history(self) -> history.HistoryReport:
        with self.engine.connect() as conn:
            return history.verify(conn)


_SORT_COLUMNS: dict[str, Any] = {
    "reference": Case.reference,
    "detained": Case.detained_name,
    "last_event": Case.last_event_lower,
    "place": Case.place,
    "status": Case.status,
    "verification": Case.verification,
    "appeals": Case.appeal_count,
}
_SORT_FIELDS = {
    "reference": "reference",
    "detained": "detained_name",
    "last_event": "last_event_lower",
    "place": "place",
    "status": "status",
    "verification": "verification",
    "appeals": "appeals",
}


def _case_ids(cursor: Any, rowids: list[int]) -> dict[int, str | None]:
    """Search index rowid -> case id, read by rowid (a driver cursor, SQLite)."""
    found: dict[int, str | None] = {}
    for chunk in in_chunks(rowids):
        marks = ",".join("?" * len(chunk))
        cursor.execute(f"SELECT rowid, case_id FROM case_search WHERE rowid IN ({marks})", chunk)  # noqa: S608 - placeholders only
        found.update(cursor.fetchall())
    return found


def _sort_column(key: str) -> Any:
    return _SORT_COLUMNS.get(key, Case.reference)


def _sort_value(row: CaseSummary, key: str) -> Any:
    return getattr(row, _SORT_FIELDS.get(key, "reference"))


def _summary(row: Any) -> CaseSummary:
    (case_id, reference, name, status, verification, last, country, appeals, updated) = row[:9]
    return CaseSummary(
        case_id,
        reference,
        name,
        status,
        verification,
        last,
        country,
        appeals,
        updated,
        place=row[9],
        last_event_lower=row[10],
        appeal_state=row[11],
        received_by_hq=bool(row[12]),
    )
