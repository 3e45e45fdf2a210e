"""Fixtures for the sync tests: field and HQ vaults (in process), synthetic cases with
attachments, and the HQ back end (SQLCipher and, when tests/pg provides it, PostgreSQL).

Vaults are made at the floor Argon2 cost (tests/conftest.py); the HQ back end fixture comes
from tests/pg/pg_fixtures.py (loaded by path under one module name, so the PostgreSQL
cluster is shared with tests/pg). Without that file only SQLCipher is tested.
"""

from __future__ import annotations

import importlib.util
import sys
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import update

REPO = Path(__file__).resolve().parents[2]
PASSPHRASE = "correct horse battery staple"  # noqa: S105 - synthetic test vaults
_PG = REPO / "tests" / "pg" / "pg_fixtures.py"
_NAME = "td_pg_fixtures"

if _PG.exists():
    if _NAME not in sys.modules:
        _spec = importlib.util.spec_from_file_location(_NAME, _PG)
        assert _spec is not None and _spec.loader is not None
        sys.modules[_NAME] = importlib.util.module_from_spec(_spec)
        _spec.loader.exec_module(sys.modules[_NAME])
    _fx = sys.modules[_NAME]
    pg_server = _fx.pg_server
    pg_url = _fx.pg_url
    hq_backend = _fx.hq_backend
else:  # pragma: no cover - until tests/pg exists

    @dataclass(frozen=True)
    class _Backend:
        name: str
        db_url: str | None
        init_args: list[str] = field(default_factory=list)

    @pytest.fixture(params=["sqlcipher"])
    def hq_backend(request: pytest.FixtureRequest) -> Any:
        return _Backend("sqlcipher", None, ["--hq"])


def synth_cases(n: int, seed: int) -> list[dict[str, Any]]:
    """Synthetic cases (invented names in Cyrillic, Chinese and Arabic script), all shared."""
    sys.path.insert(0, str(REPO / "bench"))
    try:
        from synth import generate_cases
    finally:
        sys.path.remove(str(REPO / "bench"))
    from desktop.interchange.case_format import normalize_case

    out = []
    for doc in generate_cases(n, seed=seed):
        doc = normalize_case(doc)
        for t in doc.get("testimonies", []):
            t["consent"]["share_with_hq"] = True
        out.append(doc)
    return out


ATTACHMENT_NAMES = ["паспорт Сапарұлы.jpg", "护照·叶尔兰.png", "ئەركىن خېتى.pdf", "scan.bin"]


def attach(session: Any, case_id: str, filename: str, data: bytes) -> dict[str, Any]:
    """Add an encrypted attachment to a case (what the GUI will do), return its metadata."""
    from desktop.store.models import Attachment
    from desktop.vault.blobs import BlobStore

    blobs = BlobStore(session.unlocked.blob_dir, session.unlocked.blob_key)
    blob, sha, size = blobs.put_bytes(data)
    doc = session.store.cases.get(case_id)
    meta = {
        "id": str(uuid.uuid4()),
        "filename": filename,
        "media_type": "application/octet-stream",
        "sha256": sha,
        "size": size,
    }
    doc["attachments"] = [*doc.get("attachments", []), meta]
    session.store.cases.save([doc])
    with session.store.engine.begin() as conn:
        conn.execute(
            update(Attachment)
            .where(Attachment.case_id == case_id, Attachment.id == meta["id"])
            .values(blob_name=blob)
        )
    return meta


@dataclass
class Pair:
    field: Any
    hq: Any
    folder: Path
    out: Path

    def export(self) -> Path:
        from desktop.sync import service

        result = service.export_bundle(self.field, self.out)
        assert result.path is not None
        return result.path

    def import_(self, *paths: Path) -> list[Any]:
        from desktop.sync import service

        return service.import_bundles(self.hq, list(paths))


def make_pair(folder: Path, db_url: str | None = None, *, approve: bool = True) -> Pair:
    from desktop.app import create_vault
    from desktop.sync import service

    hq, _ = create_vault(folder / "hq", PASSPHRASE, hq=True, name="Synthetic HQ", db_url=db_url)
    field_, _ = create_vault(folder / "field", PASSPHRASE)
    service.write_hq_key(hq, folder / "hq-key.json")
    service.enroll(field_, service.read_hq_key(folder / "hq-key.json"))
    if approve:
        service.approve(hq, service.whoami(field_))
    return Pair(field_, hq, folder, folder / "out")


@pytest.fixture
def pair(tmp_path: Path) -> Iterator[Pair]:
    p = make_pair(tmp_path)
    yield p
    p.field.lock()
    p.hq.lock()


@pytest.fixture
def backend_pair(tmp_path: Path, hq_backend: Any) -> Iterator[Pair]:
    p = make_pair(tmp_path, hq_backend.db_url)
    yield p
    p.field.lock()
    p.hq.lock()
