"""Locking must make the store unusable, not merely close idle connections."""

from __future__ import annotations

from typing import Any

import pytest

from desktop.errors import AuthError


def test_store_cannot_reconnect_after_lock(session: Any) -> None:
    assert session.store.cases.count() == 0
    session.lock()
    assert session.unlocked.is_locked
    with pytest.raises(AuthError, match="locked"):
        session.store.cases.count()
    with pytest.raises(AuthError):
        _ = session.unlocked.db_key
