"""Growing delay after failed unlocks, kept outside the vault.

The vault files must stay byte-identical after a wrong passphrase, so the failure counter
lives in the user's state folder, under a name derived from the vault path (no personal
data). The delay slows guessing at the UI; it never erases anything. Offline guessing
against a copied vault is slowed by Argon2, not by this.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import time
from pathlib import Path

from platformdirs import user_state_dir

FREE_ATTEMPTS = 3
MAX_DELAY_SECONDS = 300.0


def _state_file(vault_dir: Path) -> Path:
    digest = hashlib.sha256(str(vault_dir.resolve()).encode("utf-8")).hexdigest()[:32]
    return Path(user_state_dir("testimony-desk")) / "unlock-failures" / digest


def delay_for(failures: int) -> float:
    """No delay for the first few typos, then 1 s, 2 s, 4 s … capped at five minutes."""
    if failures < FREE_ATTEMPTS:
        return 0.0
    return float(min(2 ** (failures - FREE_ATTEMPTS), MAX_DELAY_SECONDS))


class Backoff:
    def __init__(self, vault_dir: Path) -> None:
        self._file = _state_file(vault_dir)

    def _load(self) -> tuple[int, float]:
        try:
            data = json.loads(self._file.read_text("ascii"))
            return int(data["failures"]), float(data["last"])
        except (OSError, ValueError, KeyError, TypeError):
            return 0, 0.0

    @property
    def failures(self) -> int:
        return self._load()[0]

    def remaining(self) -> float:
        """Seconds to wait before the next attempt may be made."""
        failures, last = self._load()
        wait = delay_for(failures) - (time.time() - last)
        return max(0.0, wait)

    def record_failure(self) -> float:
        failures, _ = self._load()
        failures += 1
        try:
            self._file.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            tmp = self._file.with_suffix(".tmp")
            tmp.write_text(json.dumps({"failures": failures, "last": time.time()}), "ascii")
            os.replace(tmp, self._file)
        except OSError:
            pass  # a read-only home must not make unlocking impossible
        return delay_for(failures)

    def reset(self) -> None:
        with contextlib.suppress(OSError):
            self._file.unlink()
