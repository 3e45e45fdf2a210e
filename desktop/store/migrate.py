"""Apply alembic migrations at unlock, inside the keyed connection.

Alembic itself is imported only when there is something to migrate (or a caller asks for
it): a vault already at the newest revision is recognised from the ``alembic_version``
table and the migration files' own ``revision``/``down_revision`` lines. Importing alembic
and loading its script directory cost about an eighth of a second of every GUI start.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy.engine import Connection, Engine

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS = Path(__file__).with_name("migrations")
_REVISION = re.compile(r"^revision\s*=\s*\"([^\"\n]+)\"\s*$", re.MULTILINE)
_DOWN_REVISION = re.compile(r"^down_revision\s*=\s*(?:None|\"([^\"\n]+)\")\s*$", re.MULTILINE)


def alembic_config(connection: Connection | None = None) -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    if connection is not None:
        cfg.attributes["connection"] = connection
    return cfg


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    if head is None:
        raise RuntimeError("no migrations found")
    return head


def current_revision(engine: Engine) -> str | None:
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def linear_head() -> str | None:
    """The newest revision, read from the version files; None unless the files form one
    simple chain (one ``revision`` and one ``down_revision`` each, a single head): alembic
    then decides. tests/unit/test_migrations.py checks it against alembic's own head."""
    parents: dict[str, str | None] = {}
    try:
        files = sorted((MIGRATIONS / "versions").glob("*.py"))
        for path in files:
            text = path.read_text(encoding="utf-8")
            revisions = _REVISION.findall(text)
            downs = _DOWN_REVISION.findall(text)
            if len(revisions) != 1 or len(downs) != 1 or revisions[0] in parents:
                return None
            parents[revisions[0]] = downs[0] or None
    except (OSError, UnicodeDecodeError):
        return None
    heads = set(parents) - {down for down in parents.values() if down is not None}
    roots = [rev for rev, down in parents.items() if down is None]
    if len(heads) != 1 or len(roots) != 1:
        return None
    return heads.pop()


def is_current(engine: Engine) -> bool:
    """The database is at the newest revision (False whenever that is not certain)."""
    head = linear_head()
    if head is None:
        return False
    try:
        with engine.connect() as conn:
            rows = conn.exec_driver_sql("SELECT version_num FROM alembic_version").all()
    except Exception:  # no table yet, or unreadable: upgrade() decides and reports
        return False
    return [str(row[0]) for row in rows] == [head]


def upgrade_if_needed(engine: Engine) -> None:
    """``upgrade(engine)`` unless the database is already at the newest revision."""
    if not is_current(engine):
        upgrade(engine)


def upgrade(engine: Engine, target: str = "head") -> None:
    from alembic import command

    with engine.begin() as conn:
        command.upgrade(alembic_config(conn), target)


def downgrade(engine: Engine, target: str) -> None:
    from alembic import command

    with engine.begin() as conn:
        command.downgrade(alembic_config(conn), target)
