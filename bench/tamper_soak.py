"""Tamper soak: flip single bits at random in cases.db and vault.json; count what is caught.

Usage::

    python bench/tamper_soak.py [--flips 1000] [--seed S] [--db-share 0.6] [--cases 100]

Builds a vault with synthetic cases, then for each flip restores the pristine file, flips
one random bit at a random offset and opens the vault as the CLI does. Expected outcome:
* ``cases.db``: exit 5 every time (SQLCipher authenticates every page with an HMAC, and
  the clear salt in the first 16 bytes feeds the HMAC key);
* ``vault.json``: exit 5, or exit 3 ("wrong passphrase") only for a flip inside a key
  slot or the vault id, the authenticated data that decides whether a secret unwraps.
Anything else is counted: *undetected* (opened: exit 0), *misreported* (a code other than
the expected ones) and *crashed* (an exception that is not a typed error: a traceback).

Database flips open through ``open_store`` with a key unlocked once (what ``unlock`` runs
after the key slot; every 20th goes the whole way through Argon2); header flips always go
the whole way. Runs in a private temporary home, like bench/crash_soak.py.
Exit status: 0 when every flip was detected and reported correctly, 1 otherwise.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from crash_soak import PASSPHRASE, isolate

PAGE = 4096
RESERVED = 80  # SQLCipher 4 page tail: 16-byte IV + 64-byte HMAC-SHA512


def db_region(offset: int) -> str:
    if offset < 16:
        return "salt (bytes 0-15)"
    if offset % PAGE >= PAGE - RESERVED:
        return "page tail (IV + HMAC)"
    return "page content"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--flips", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=None, help="random seed (default: random)")
    parser.add_argument("--db-share", type=float, default=0.6, help="share of flips in cases.db")
    parser.add_argument("--cases", type=int, default=100, help="synthetic cases in the vault")
    args = parser.parse_args(argv)
    seed = args.seed if args.seed is not None else random.SystemRandom().randrange(2**32)
    rng = random.Random(seed)

    with tempfile.TemporaryDirectory(prefix="tamper-soak-") as tmp:
        root = Path(tmp)
        isolate(root / "home")
        from sectools import attempt_open, authenticated_slot_ranges, flip_bit, synthetic_case

        from desktop.app import create_vault
        from desktop.interchange.case_format import normalize_case
        from desktop.vault.vault import Vault

        work = root / "vault"
        session, _recovery = create_vault(work, PASSPHRASE)
        try:
            docs = [
                normalize_case(synthetic_case(f"TD-1999-{i:04d}", rng))
                for i in range(1, args.cases + 1)
            ]
            session.store.cases.save(docs)
        finally:
            session.lock()
        pristine = {name: (work / name).read_bytes() for name in ("cases.db", "vault.json")}
        slot_ranges = authenticated_slot_ranges(pristine["vault.json"])
        control = attempt_open(work, PASSPHRASE)
        if control.code != 0:
            print(f"the untouched vault does not open: {control}", file=sys.stderr)
            return 1
        unlocked = Vault(work).unlock_passphrase(PASSPHRASE)

        counts: Counter[tuple[str, str]] = Counter()
        regions: Counter[tuple[str, str]] = Counter()
        problems: list[str] = []
        started = time.monotonic()
        for n in range(args.flips):
            name = "cases.db" if rng.random() < args.db_share else "vault.json"
            for other in ("cases.db-wal", "cases.db-shm"):
                (work / other).unlink(missing_ok=True)
            for restored, data in pristine.items():
                (work / restored).write_bytes(data)
            offset = rng.randrange(len(pristine[name]))
            bit = rng.randrange(8)
            flip_bit(work / name, offset, bit)
            if name == "cases.db":
                outcome = attempt_open(work, PASSPHRASE, None if n % 20 == 0 else unlocked)
                expected = {5}
                region = db_region(offset)
            else:
                outcome = attempt_open(work, PASSPHRASE)
                in_slot = any(lo <= offset < hi for lo, hi in slot_ranges)
                expected = {3, 5} if in_slot else {5}
                region = "key slot / vault id" if in_slot else "rest of header"
            if outcome.crashed:
                verdict = "crashed"
            elif outcome.code == 0:
                verdict = "undetected"
            elif outcome.code in expected:
                verdict = f"detected (exit {outcome.code})"
            else:
                verdict = "misreported"
            counts[(name, verdict)] += 1
            regions[(name, region)] += 1
            if not verdict.startswith("detected"):
                problems.append(f"{name} offset {offset} bit {bit}: {verdict}: {outcome}")
            if (n + 1) % 100 == 0:
                print(f"  {n + 1} flips", file=sys.stderr, flush=True)
        elapsed = time.monotonic() - started

    total = sum(counts.values())
    detected = sum(v for (_f, verdict), v in counts.items() if verdict.startswith("detected"))
    print(f"seed         {seed}")
    print(f"flips        {total}")
    print(f"detected     {detected}")
    print(f"undetected   {sum(v for (_f, k), v in counts.items() if k == 'undetected')}")
    print(f"misreported  {sum(v for (_f, k), v in counts.items() if k == 'misreported')}")
    print(f"crashed      {sum(v for (_f, k), v in counts.items() if k == 'crashed')}")
    print(f"elapsed      {elapsed:.1f} s")
    print("by file and outcome:")
    for (name, verdict), value in sorted(counts.items()):
        print(f"  {name:10} {verdict:22} {value}")
    print("by file and region:")
    for (name, region), value in sorted(regions.items()):
        print(f"  {name:10} {region:22} {value}")
    for problem in problems[:20]:
        print(f"problem: {problem}")
    return 0 if detected == total else 1


if __name__ == "__main__":
    raise SystemExit(main())
