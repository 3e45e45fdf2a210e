"""Alembic environment: always driven from code with an open connection.

The app never runs alembic from the command line against a vault: the database is
encrypted, so only the unlocked store can hand alembic a keyed connection.
"""

from __future__ import annotations

from alembic import context

from desktop.store.models import Base

config = context.config
connection = config.attributes.get("connection")
if connection is None:  # pragma: no cover - only reachable by misuse
    raise RuntimeError("migrations run only through desktop.store.migrate")

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
