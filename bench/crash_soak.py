"""Crash soak: kill a writing process with SIGKILL at random moments, N times; lose nothing.

Usage::

    python bench/crash_soak.py [--cycles 1000] [--seed S] [--max-delay 0.3] [--keep DIR]

Each cycle starts ``tests/security/writer.py`` (it unlocks the vault like the CLI and saves
one case per transaction, acknowledging each reference on stdout only after the commit
returned), kills it with SIGKILL after a random delay, and checks the database: every
page's HMAC (``cipher_integrity_check``), ``integrity_check``, the application's own
``verify_integrity``, the history chain, and that every reference ever acknowledged is
still there. The CI test (tests/security/test_crash_safety.py) runs the same cycle 30
times; this runs it as long as you like and prints the figures.

Runs in a private temporary home (XDG folders, TMPDIR, in-memory keyring, Argon2 at the
floor cost), so it never touches a real vault or the user's unlock back-off state.
Exit status: 0 when nothing was lost and no check failed, 1 otherwise.
"""

from __future__ import annotations

import argparse
import logging
import os
import random
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
PASSPHRASE = "crash soak passphrase, invented"  # noqa: S105


def isolate(home: Path) -> None:
    """Point every place the application writes to inside ``home`` (before importing it)."""
    os.environ["HOME"] = str(home)
    for var, sub in (
        ("XDG_DATA_HOME", ".local/share"),
        ("XDG_STATE_HOME", ".local/state"),
        ("XDG_CONFIG_HOME", ".config"),
        ("XDG_CACHE_HOME", ".cache"),
        ("TMPDIR", "tmp"),
    ):
        (home / sub).mkdir(parents=True, exist_ok=True)
        os.environ[var] = str(home / sub)
    os.environ["PYTHON_KEYRING_BACKEND"] = "desktop.vault.memory_keyring.MemoryKeyring"
    os.environ["TESTIMONY_DESK_ARGON2_MEMORY_KIB"] = str(64 * 1024)
    os.environ.pop("TESTIMONY_DESK_VAULT", None)
    # Expected damage makes the engine log a warning per flip; the figures say it all.
    logging.getLogger().addHandler(logging.NullHandler())
    sys.path[:0] = [str(REPO), str(REPO / "tests" / "security")]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cycles", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=None, help="random seed (default: random)")
    parser.add_argument("--max-delay", type=float, default=0.3, help="seconds after 'ready'")
    parser.add_argument("--keep", type=Path, help="work in this folder and keep it")
    args = parser.parse_args(argv)
    seed = args.seed if args.seed is not None else random.SystemRandom().randrange(2**32)

    with tempfile.TemporaryDirectory(prefix="crash-soak-") as tmp:
        root = args.keep or Path(tmp)
        root.mkdir(parents=True, exist_ok=True)
        isolate(root / "home")
        from sectools import CrashStats, run_crash_cycles

        from desktop.app import create_vault

        vault = root / "vault"
        session, _recovery = create_vault(vault, PASSPHRASE)
        db_key = session.unlocked.db_key
        session.lock()
        passphrase_file = root / "passphrase.txt"
        passphrase_file.write_text(PASSPHRASE + "\n", encoding="utf-8")

        def progress(cycle: int, stats: CrashStats) -> None:
            if (cycle + 1) % 50 == 0:
                print(
                    f"  {cycle + 1} cycles, {stats.acknowledged} acknowledged, "
                    f"{stats.lost} lost, {stats.integrity_failures} integrity failures",
                    file=sys.stderr,
                    flush=True,
                )

        started = time.monotonic()
        stats = run_crash_cycles(
            vault,
            passphrase_file,
            db_key,
            args.cycles,
            random.Random(seed),
            max_delay=args.max_delay,
            progress=progress,
        )
        elapsed = time.monotonic() - started
        size = (vault / "cases.db").stat().st_size

    print(f"seed                  {seed}")
    print(f"cycles                {stats.cycles}")
    print(f"acknowledged commits  {stats.acknowledged}")
    print(f"lost                  {stats.lost}")
    print(f"integrity failures    {stats.integrity_failures}")
    print(f"writer failures       {stats.writer_failures}")
    print(f"database size         {size / 1e6:.1f} MB")
    print(f"elapsed               {elapsed:.1f} s ({elapsed / max(stats.cycles, 1):.2f} s/cycle)")
    for problem in stats.problems[:20]:
        print(f"problem: {problem}")
    ok = stats.lost == 0 and stats.integrity_failures == 0 and stats.writer_failures == 0
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
