"""SQLAlchemy models for the data model of DESIGN §3 (aligned with HURIDOCS ESF).

Child rows use natural composite keys — (case_id, person key), (case_id, position) — so a
case can be written with plain bulk inserts without a round trip for generated ids, and so
the rows mirror the case format one-to-one. Nested value objects that are only ever read
with their parent (places, documents, contact) are JSON columns; everything that is
searched, sorted or filtered on is a real column.
"""

from __future__ import annotations

from typing import Any, ClassVar

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Date,
    ForeignKey,
    ForeignKeyConstraint,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map: ClassVar[dict[Any, Any]] = {dict[str, Any]: JSON, list[Any]: JSON}


class Case(Base):
    __tablename__ = "cases"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    reference: Mapped[str] = mapped_column(String(64), unique=True)
    status: Mapped[str] = mapped_column(String(32))
    confidentiality: Mapped[str] = mapped_column(String(32))
    verification: Mapped[str] = mapped_column(String(32))
    tags: Mapped[list[Any]] = mapped_column(JSON, default=list)
    notes: Mapped[str] = mapped_column(Text, default="")
    created: Mapped[str] = mapped_column(String(20))
    updated: Mapped[str] = mapped_column(String(20), index=True)
    origin_device: Mapped[str] = mapped_column(String(64))
    revision: Mapped[int] = mapped_column(Integer, default=1)
    # SHA-256 of the canonical case content: detects real changes and chains revisions.
    content_hash: Mapped[str] = mapped_column(String(64))
    parent_hash: Mapped[str | None] = mapped_column(String(64), nullable=True)
    # Denormalized for the case list (100,000 rows must sort and scroll without joins).
    detained_name: Mapped[str] = mapped_column(Text, default="")
    last_event_date: Mapped[str | None] = mapped_column(String(40), nullable=True, index=True)
    country: Mapped[str | None] = mapped_column(String(2), nullable=True)
    # Case list columns (migration 0004), never NULL so that (column, id) keyset paging and
    # sorting run on plain indexes: the detention place as shown, the last event's EDTF
    # bounds as ISO dates ('' when undated; the date-range filter and the date sort), and
    # the number and state of appeals.
    place: Mapped[str] = mapped_column(Text, default="", server_default=text("''"))
    last_event_lower: Mapped[str] = mapped_column(String(10), default="", server_default=text("''"))
    last_event_upper: Mapped[str] = mapped_column(String(10), default="", server_default=text("''"))
    appeal_count: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    appeal_state: Mapped[str] = mapped_column(String(16), default="", server_default=text("''"))
    # The case's rowid in the SQLite search index (migration 0005): FTS5 finds a row fast
    # only by rowid. Handed out in increasing order, so the index's doclists stay compact
    # (rowids are delta-encoded). NULL on PostgreSQL, whose index is keyed by case id.
    search_rowid: Mapped[int | None] = mapped_column(
        Integer, nullable=True, unique=True, index=True
    )

    persons: Mapped[list[Person]] = relationship(
        back_populates="case", cascade="all, delete-orphan", order_by="Person.position"
    )
    events: Mapped[list[Event]] = relationship(
        back_populates="case", cascade="all, delete-orphan", order_by="Event.position"
    )
    testimonies: Mapped[list[Testimony]] = relationship(
        back_populates="case", cascade="all, delete-orphan", order_by="Testimony.position"
    )
    appeals: Mapped[list[Appeal]] = relationship(
        back_populates="case", cascade="all, delete-orphan", order_by="Appeal.position"
    )
    attachments: Mapped[list[Attachment]] = relationship(
        back_populates="case", cascade="all, delete-orphan", order_by="Attachment.position"
    )


class Person(Base):
    """A person and their role in one case (ESF biographic details)."""

    __tablename__ = "persons"

    case_id: Mapped[str] = mapped_column(
        ForeignKey("cases.id", ondelete="CASCADE"), primary_key=True
    )
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    position: Mapped[int] = mapped_column(Integer)
    role: Mapped[str] = mapped_column(String(32))
    sex: Mapped[str | None] = mapped_column(String(16), nullable=True)
    birth_date: Mapped[str | None] = mapped_column(String(40), nullable=True)
    birth_place: Mapped[dict[str, Any] | None] = mapped_column(JSON, nullable=True)
    ethnicity: Mapped[str | None] = mapped_column(Text, nullable=True)
    citizenships: Mapped[list[Any] | None] = mapped_column(JSON, nullable=True)
    residence: Mapped[dict[str, Any] | None] = mapped_column(JSON, nullable=True)
    occupation: Mapped[str | None] = mapped_column(Text, nullable=True)
    documents: Mapped[list[Any] | None] = mapped_column(JSON, nullable=True)
    contact: Mapped[dict[str, Any] | None] = mapped_column(JSON, nullable=True)
    relationship_to: Mapped[str | None] = mapped_column(String(64), nullable=True)
    relationship_kind: Mapped[str | None] = mapped_column(String(32), nullable=True)
    notes: Mapped[str | None] = mapped_column(Text, nullable=True)

    case: Mapped[Case] = relationship(back_populates="persons")
    names: Mapped[list[PersonName]] = relationship(
        cascade="all, delete-orphan", order_by="PersonName.position"
    )


class PersonName(Base):
    """One spelling of a name: value, ISO 15924 script, BCP 47 language."""

    __tablename__ = "person_names"
    __table_args__ = (
        ForeignKeyConstraint(
            ["case_id", "person_key"],
            ["persons.case_id", "persons.key"],
            ondelete="CASCADE",
            name="fk_person_names_person",
        ),
    )

    case_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    person_key: Mapped[str] = mapped_column(String(64), primary_key=True)
    position: Mapped[int] = mapped_column(Integer, primary_key=True)
    value: Mapped[str] = mapped_column(Text)
    script: Mapped[str] = mapped_column(String(4))
    lang: Mapped[str | None] = mapped_column(String(35), nullable=True)
    # Latin transliteration, folded: HQ matches the same victim across spellings.
    latin: Mapped[str] = mapped_column(Text, default="", index=True)


class Event(Base):
    __tablename__ = "events"

    case_id: Mapped[str] = mapped_column(
        ForeignKey("cases.id", ondelete="CASCADE"), primary_key=True
    )
    position: Mapped[int] = mapped_column(Integer, primary_key=True)
    type: Mapped[str] = mapped_column(String(32))
    date: Mapped[str | None] = mapped_column(String(40), nullable=True)
    date_lower: Mapped[Any | None] = mapped_column(Date, nullable=True)
    date_upper: Mapped[Any | None] = mapped_column(Date, nullable=True)
    persons: Mapped[list[Any]] = mapped_column(JSON, default=list)
    place: Mapped[dict[str, Any] | None] = mapped_column(JSON, nullable=True)
    facility: Mapped[str | None] = mapped_column(Text, nullable=True)
    locality: Mapped[str | None] = mapped_column(Text, nullable=True)
    country: Mapped[str | None] = mapped_column(String(2), nullable=True)
    authority: Mapped[str | None] = mapped_column(Text, nullable=True)
    charges: Mapped[str | None] = mapped_column(Text, nullable=True)
    description: Mapped[str | None] = mapped_column(Text, nullable=True)

    case: Mapped[Case] = relationship(back_populates="events")


class Testimony(Base):
    __tablename__ = "testimonies"

    case_id: Mapped[str] = mapped_column(
        ForeignKey("cases.id", ondelete="CASCADE"), primary_key=True
    )
    position: Mapped[int] = mapped_column(Integer, primary_key=True)
    by_key: Mapped[str] = mapped_column(String(64))
    date: Mapped[str | None] = mapped_column(String(40), nullable=True)
    place: Mapped[dict[str, Any] | None] = mapped_column(JSON, nullable=True)
    language: Mapped[str | None] = mapped_column(String(35), nullable=True)
    medium: Mapped[str | None] = mapped_column(String(16), nullable=True)
    sources: Mapped[list[Any]] = mapped_column(JSON, default=list)
    interviewer: Mapped[str | None] = mapped_column(Text, nullable=True)
    narrative: Mapped[str] = mapped_column(Text, default="")
    consent_record: Mapped[bool] = mapped_column(Boolean)
    consent_share_with_hq: Mapped[bool] = mapped_column(Boolean)
    consent_use_in_appeals: Mapped[bool] = mapped_column(Boolean)
    consent_publish: Mapped[str] = mapped_column(String(16))

    case: Mapped[Case] = relationship(back_populates="testimonies")


class Appeal(Base):
    """An intervention (ESF): a letter sent to a recipient and what came of it."""

    __tablename__ = "appeals"

    case_id: Mapped[str] = mapped_column(
        ForeignKey("cases.id", ondelete="CASCADE"), primary_key=True
    )
    position: Mapped[int] = mapped_column(Integer, primary_key=True)
    recipient: Mapped[str] = mapped_column(String(64))
    template: Mapped[str | None] = mapped_column(String(64), nullable=True)
    language: Mapped[str | None] = mapped_column(String(35), nullable=True)
    date: Mapped[str | None] = mapped_column(String(40), nullable=True)
    reference: Mapped[str | None] = mapped_column(Text, nullable=True)
    status: Mapped[str] = mapped_column(String(16))
    pdf_sha256: Mapped[str | None] = mapped_column(String(64), nullable=True)
    response: Mapped[str | None] = mapped_column(String(32), nullable=True)
    response_date: Mapped[str | None] = mapped_column(String(40), nullable=True)
    follow_up: Mapped[str | None] = mapped_column(String(40), nullable=True, index=True)
    notes: Mapped[str | None] = mapped_column(Text, nullable=True)

    case: Mapped[Case] = relationship(back_populates="appeals")


class Attachment(Base):
    """Metadata of an encrypted blob; the bytes live in ``blobs/`` under a random name."""

    __tablename__ = "attachments"

    case_id: Mapped[str] = mapped_column(
        ForeignKey("cases.id", ondelete="CASCADE"), primary_key=True
    )
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    position: Mapped[int] = mapped_column(Integer)
    filename: Mapped[str] = mapped_column(Text)
    media_type: Mapped[str] = mapped_column(String(255))
    sha256: Mapped[str] = mapped_column(String(64))
    # 64-bit on every dialect: PostgreSQL's INTEGER would stop at 2 GiB.
    size: Mapped[int] = mapped_column(BigInteger().with_variant(Integer, "sqlite"))
    caption: Mapped[str | None] = mapped_column(Text, nullable=True)
    date: Mapped[str | None] = mapped_column(String(40), nullable=True)
    blob_name: Mapped[str | None] = mapped_column(String(64), nullable=True)

    case: Mapped[Case] = relationship(back_populates="attachments")


class HistoryEntry(Base):
    """Append-only change log; each entry's hash covers the previous one (tamper-evident)."""

    __tablename__ = "history"

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    at: Mapped[str] = mapped_column(String(20))
    device: Mapped[str] = mapped_column(String(64))
    case_id: Mapped[str | None] = mapped_column(String(36), nullable=True, index=True)
    action: Mapped[str] = mapped_column(String(32))
    detail: Mapped[dict[str, Any]] = mapped_column(JSON)
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))


class Setting(Base):
    """Vault-scoped settings and identities (device id, organisation name, letterhead)."""

    __tablename__ = "settings"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[Any] = mapped_column(JSON)


Index("ix_events_date_lower", Event.date_lower)
# One (column, id) index per sortable case-list column: ORDER BY column, id LIMIT n and the
# keyset condition (column, id) > (last value, last id) read only the rows of one page.
Index("ix_cases_status", Case.status, Case.id)
Index("ix_cases_verification_id", Case.verification, Case.id)
Index("ix_cases_detained_name_id", Case.detained_name, Case.id)
Index("ix_cases_place_id", Case.place, Case.id)
Index("ix_cases_last_event_lower_id", Case.last_event_lower, Case.id)
Index("ix_cases_appeal_count_id", Case.appeal_count, Case.id)


# ---------------------------------------------------------------------- sync (issue 5)
class SyncDevice(Base):
    """(HQ) A field device that sent a bundle; only approved devices are merged."""

    __tablename__ = "sync_devices"

    fingerprint: Mapped[str] = mapped_column(String(64), primary_key=True)
    ed25519: Mapped[str] = mapped_column(String(64))
    age_recipient: Mapped[str] = mapped_column(Text)
    approved: Mapped[bool] = mapped_column(Boolean, default=False)
    first_seen: Mapped[str] = mapped_column(String(20))
    approved_at: Mapped[str | None] = mapped_column(String(20), nullable=True)


class SyncBundle(Base):
    """(HQ) A bundle that was merged: the replay guard and the source of acknowledgements."""

    __tablename__ = "sync_bundles"

    device: Mapped[str] = mapped_column(String(64), primary_key=True)
    sequence: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    bundle_id: Mapped[str] = mapped_column(String(36))
    manifest_sha256: Mapped[str] = mapped_column(String(64))
    imported_at: Mapped[str] = mapped_column(String(20))
    records: Mapped[int] = mapped_column(Integer)
    attachments: Mapped[int] = mapped_column(Integer)


class SyncMergeState(Base):
    """(HQ) Per case: the field revision last merged and its content hash (common ancestor)."""

    __tablename__ = "sync_merge_state"

    case_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    device: Mapped[str] = mapped_column(String(64))
    field_revision: Mapped[int] = mapped_column(Integer)
    synced_hash: Mapped[str] = mapped_column(String(64))
    # The reference the field device uses for this case, when HQ shows it under another one
    # (``TD-2026-0001-NOJE``: two devices numbered their cases independently). NULL when the
    # field's reference is HQ's. See ``desktop.sync.references``.
    field_reference: Mapped[str | None] = mapped_column(String(64), nullable=True, index=True)


class SyncConflict(Base):
    """(HQ) A case changed at HQ and in the field since their common revision: both kept."""

    __tablename__ = "sync_conflicts"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    case_id: Mapped[str] = mapped_column(String(36), index=True)
    device: Mapped[str] = mapped_column(String(64))
    sequence: Mapped[int] = mapped_column(BigInteger)
    created: Mapped[str] = mapped_column(String(20))
    shown: Mapped[str] = mapped_column(String(8))
    hq_doc: Mapped[dict[str, Any]] = mapped_column(JSON)
    field_doc: Mapped[dict[str, Any]] = mapped_column(JSON)
    resolved_at: Mapped[str | None] = mapped_column(String(20), nullable=True)
    resolution: Mapped[str | None] = mapped_column(String(8), nullable=True)


class SyncExport(Base):
    """(Field) A bundle this device wrote; ``acked_at`` once HQ acknowledged it."""

    __tablename__ = "sync_exports"

    sequence: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    bundle_id: Mapped[str] = mapped_column(String(36))
    created: Mapped[str] = mapped_column(String(20))
    file_name: Mapped[str] = mapped_column(String(64))
    cases: Mapped[int] = mapped_column(Integer)
    attachments: Mapped[int] = mapped_column(Integer)
    excluded: Mapped[int] = mapped_column(Integer)
    acked_at: Mapped[str | None] = mapped_column(String(20), nullable=True)


class SyncExportState(Base):
    """(Field) Per case: what was last exported, in which bundle, and whether HQ has it."""

    __tablename__ = "sync_export_state"

    case_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    exported_hash: Mapped[str] = mapped_column(String(64))
    exported_revision: Mapped[int] = mapped_column(Integer)
    sequence: Mapped[int] = mapped_column(BigInteger, index=True)
    received: Mapped[bool] = mapped_column(Boolean, default=False)
