"""Crash safety: SIGKILL a writer at random moments; nothing acknowledged may be lost.

The writer (``writer.py``) saves one case per transaction and acknowledges a reference
only after the commit returned. With WAL and ``synchronous=FULL`` every acknowledged commit
is on disk, and a kill in the middle of a transaction must leave the database exactly as
it was before that transaction: pages authentic (``cipher_integrity_check``), structure
sound (``integrity_check``), history chain unbroken.
``bench/crash_soak.py`` runs the same cycle a thousand times.
"""

from __future__ import annotations

import os
import random
import signal
from pathlib import Path
from typing import Any

from sectools import (
    check_database,
    kill_writer_after,
    run_crash_cycles,
    start_writer,
)

CYCLES = 30
SEED = int(os.environ.get("TESTIMONY_DESK_CRASH_SEED", "20260"))


def test_writer_acknowledges_only_committed_cases(populated: Any, passphrase_file: Path) -> None:
    """The harness itself: a writer left running long enough commits and acknowledges."""
    from desktop.vault.vault import Vault

    unlocked = Vault(populated.vault).unlock_passphrase(populated.passphrase)
    proc = start_writer(populated.vault, passphrase_file, "H")
    acks, err = kill_writer_after(proc, 0.5)
    assert proc.returncode == -signal.SIGKILL, err
    assert len(acks) >= 3, f"the writer acknowledged too little to test anything: {acks} {err}"
    assert acks[0] == "H-00001"
    result = check_database(populated.vault / "cases.db", unlocked.db_key, set(acks))
    assert result.ok, (result.problems, result.missing)
    # And the check can fail: a reference that was never written is reported missing.
    result = check_database(populated.vault / "cases.db", unlocked.db_key, {"H-99999"})
    assert result.missing == ["H-99999"]


def test_sigkill_at_random_moments_loses_nothing(populated: Any, passphrase_file: Path) -> None:
    from desktop.app import unlock
    from desktop.vault.vault import Vault

    unlocked = Vault(populated.vault).unlock_passphrase(populated.passphrase)
    rng = random.Random(SEED)
    stats = run_crash_cycles(
        populated.vault, passphrase_file, unlocked.db_key, CYCLES, rng, max_delay=0.25
    )
    assert stats.cycles == CYCLES
    assert not stats.problems, f"seed {SEED}: " + "\n".join(stats.problems[:20])
    assert stats.writer_failures == 0
    assert stats.integrity_failures == 0 and stats.lost == 0
    # The kills must have landed while the writer was writing, or this proved nothing.
    assert stats.acknowledged >= CYCLES, f"only {stats.acknowledged} commits acknowledged"

    # After all the crashes the vault still opens through the normal path, with the case
    # imported before the crashes intact.
    session = unlock(populated.vault, passphrase=populated.passphrase)
    try:
        assert session.store.cases.get("TD-2026-0001")["persons"][0]["names"][0]["value"] == (
            "Ерлан Сапарұлы"
        )
        assert session.store.cases.verify_history().ok
    finally:
        session.lock()
