"""Fault soak: disk full and I/O errors while writing vault.json and while saving cases.

Usage::

    python bench/fault_soak.py [--save-points 60] [--cases 200] [--no-tmpfs]

1. ``vault.json`` (``atomic_write``): ENOSPC, EIO and EFBIG injected at **every** byte offset
   of the new header (``os.write`` wrapped: a short write, then the error), then failures of
   ``fsync`` and of the rename. After each: the old header byte for byte, no temp file left;
   every 250th injection and at the end, a real unlock with the passphrase.
2. A case save (an import of ``--cases`` synthetic cases in one transaction), SQLite's own
   writes made to fail with ``RLIMIT_FSIZE`` (EFBIG → SQLite I/O error) at ``--save-points``
   limits spread over the whole write; after each: the error message, then unlock, the full
   check (every page's HMAC, structure, history chain) and the case count (0: nothing of the
   failed import is kept).
3. A real full disk (root only): the vault on a small tmpfs, filled to leave 16 KiB … 2 MiB;
   the import must fail with "the disk is full" or the I/O message, the vault must open and
   verify after the filler is removed.

Prints the figures; exit status 0 when there is no bricked vault, no half-saved import and
every failure was reported with a clear message, 1 otherwise. Runs in a private home.
"""

from __future__ import annotations

import argparse
import errno
import os
import resource
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from crash_soak import PASSPHRASE, isolate

CLEAR = {
    "the disk is full: the change was not saved and the vault is unchanged",
    "the disk reported an error while writing: the change was not saved and the vault is "
    "unchanged (check the disk, then try again)",
}


def header_phase(root: Path, stats: Counter[str]) -> None:
    from faults import failing_call, failing_writes, header_state

    from desktop.app import create_vault, unlock
    from desktop.vault import vaultfile
    from desktop.vault.vault import Vault

    folder = root / "header-vault"
    session, _ = create_vault(folder, PASSPHRASE)
    vault = Vault(folder)
    try:
        before = header_state(folder)
        vault.remember(session.unlocked)
        size = len(header_state(folder)[0] or b"")
        vault.forget(session.unlocked)
        assert header_state(folder) == before
        n = 0
        for err in (errno.ENOSPC, errno.EIO, errno.EFBIG):
            for offset in range(size):
                try:
                    with failing_writes(offset, err):
                        vault.remember(session.unlocked)
                    stats["header: write landed (unexpected)"] += 1
                except OSError as exc:
                    stats["header: refused with " + errno.errorcode[exc.errno or 0]] += 1
                if header_state(folder) != before:
                    stats["header: CHANGED OR TEMP LEFT"] += 1
                n += 1
                if n % 250 == 0:
                    session.lock()
                    session = unlock(folder, passphrase=PASSPHRASE)
                    stats["header: real unlocks"] += 1
        for call in ("fsync", "replace"):
            try:
                with failing_call(vaultfile.os, call):
                    vault.remember(session.unlocked)
            except OSError:
                stats[f"header: {call} failure refused"] += 1
            if header_state(folder) != before:
                stats["header: CHANGED OR TEMP LEFT"] += 1
        stats["header: bytes per header"] = size
    finally:
        session.lock()
    unlock(folder, passphrase=PASSPHRASE).lock()
    stats["header: real unlocks"] += 1


def save_phase(root: Path, stats: Counter[str], points: int, cases: int) -> None:
    from faults import fsize_limit

    from desktop.app import create_vault, unlock
    from desktop.errors import storage_failure

    data = root / "cases.jsonl"
    subprocess.run(
        [sys.executable, str(Path(__file__).with_name("synth.py")), str(cases), "--out", str(data)],
        check=True,
    )
    folder = root / "save-vault"
    session, _ = create_vault(folder, PASSPHRASE)
    session.lock()
    base = (folder / "cases.db").stat().st_size
    # How far the write goes when nothing fails: the WAL plus the database's growth.
    probe = root / "probe-vault"
    s, _ = create_vault(probe, PASSPHRASE)
    s.import_files([data])
    grown = sum(p.stat().st_size for p in probe.iterdir() if p.name.startswith("cases.db"))
    s.lock()
    span = max(grown - base, 4096)
    for k in range(points):
        limit = base + span * k // points
        session = unlock(folder, passphrase=PASSPHRASE)
        try:
            with fsize_limit(limit):
                session.import_files([data])
            stats["save: import succeeded under the limit"] += 1
        except Exception as exc:
            message = storage_failure(exc)
            stats["save: refused, clear message" if message in CLEAR else "save: UNCLEAR"] += 1
        finally:
            session.lock()
        try:
            check = unlock(folder, passphrase=PASSPHRASE)
        except Exception:
            stats["save: BRICKED"] += 1
            continue
        try:
            check.store.verify()
            count = check.store.cases.count()
            if count not in (0, cases):
                stats["save: HALF-SAVED"] += 1
            elif count == cases:  # succeeded (limit above the need): start again empty
                stats["save: whole import kept"] += 1
        except Exception:
            stats["save: BRICKED (check failed)"] += 1
        finally:
            check.lock()
        if stats["save: whole import kept"]:
            break


def tmpfs_phase(root: Path, stats: Counter[str], cases: int) -> None:
    from faults import fill, tiny_tmpfs

    from desktop.app import create_vault, unlock

    data = root / "cases.jsonl"
    passphrase_file = root / "p.txt"
    passphrase_file.write_text(PASSPHRASE + "\n", encoding="utf-8")
    for leave in (16 * 1024, 64 * 1024, 256 * 1024, 1024 * 1024, 2 * 1024 * 1024):
        try:
            ctx = tiny_tmpfs(root / f"mnt-{leave}", "8m")
            mount = ctx.__enter__()
        except (subprocess.CalledProcessError, FileNotFoundError):
            stats["tmpfs: not allowed here (skipped)"] += 1
            return
        try:
            vault = mount / "vault"
            session, _ = create_vault(vault, PASSPHRASE)
            session.lock()
            filler = fill(mount, leave)
            cmd = [sys.executable, "-m", "desktop", "--vault", str(vault)]
            cmd += ["--passphrase-file", str(passphrase_file), "import", str(data)]
            proc = subprocess.run(
                cmd,
                capture_output=True,
                text=True,
                cwd=Path(__file__).resolve().parents[1],
                check=False,
            )
            line = proc.stderr.strip().removeprefix("error: ")
            if proc.returncode == 0:
                stats["tmpfs: import fitted"] += 1
            elif proc.returncode == 1 and (line in CLEAR or line.startswith("the disk is full")):
                stats["tmpfs: refused, clear message"] += 1
            else:
                stats["tmpfs: UNCLEAR: " + line[:60]] += 1
            filler.unlink()
            check = unlock(vault, passphrase=PASSPHRASE)
            try:
                check.store.verify()
                if check.store.cases.count() not in (0, cases):
                    stats["tmpfs: HALF-SAVED"] += 1
            finally:
                check.lock()
            stats["tmpfs: vault opens and verifies"] += 1
        except Exception as exc:
            stats[f"tmpfs: BRICKED ({type(exc).__name__})"] += 1
        finally:
            ctx.__exit__(None, None, None)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--save-points", type=int, default=60)
    parser.add_argument("--cases", type=int, default=200)
    parser.add_argument("--no-tmpfs", action="store_true")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="fault-soak-") as tmp:
        root = Path(tmp)
        isolate(root / "home")
        stats: Counter[str] = Counter()
        started, cpu0 = time.monotonic(), time.process_time()
        header_phase(root, stats)
        save_phase(root, stats, args.save_points, args.cases)
        if not args.no_tmpfs and hasattr(os, "geteuid") and os.geteuid() == 0:
            tmpfs_phase(root, stats, args.cases)
        elapsed, cpu = time.monotonic() - started, time.process_time() - cpu0
    for key, value in sorted(stats.items()):
        print(f"{key:55} {value}")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"elapsed {elapsed:.1f} s wall, {cpu:.1f} s CPU; peak RSS {peak:.0f} MiB")
    bad = [k for k in stats if any(w in k for w in ("BRICKED", "HALF", "UNCLEAR", "CHANGED"))]
    bad += [k for k in stats if k.endswith("(unexpected)")]
    return 1 if bad else 0


if __name__ == "__main__":
    raise SystemExit(main())
