"""Bundle tamper soak: flip single bits at random in a sync bundle; count what HQ refuses.

Usage::

    python bench/bundle_tamper_soak.py [--flips 1000] [--seed S] [--cases 40] [--header-share 0.1]

Builds an HQ vault and a field vault (enrolled, approved), exports one bundle of synthetic
cases, then for each flip imports a copy with one random bit changed. Expected: every flip
refused with an IntegrityError (exit 5) and nothing imported. Counted otherwise:
*undetected* (the HQ imported from a damaged file: a silent read), *misreported* (another
typed error) and *crashed* (an untyped exception). At the end the untouched bundle must
still import. Runs in a private temporary home, like bench/crash_soak.py.
Exit status: 0 when every flip was refused as expected, 1 otherwise.
"""

from __future__ import annotations

import argparse
import random
import resource
import sys
import tempfile
import time
from pathlib import Path

from crash_soak import isolate


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--flips", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=None, help="random seed (default: random)")
    parser.add_argument("--cases", type=int, default=40, help="synthetic cases in the bundle")
    parser.add_argument(
        "--header-share",
        type=float,
        default=0.1,
        help="share of flips aimed at age's text header (a few hundred bytes of the file)",
    )
    args = parser.parse_args(argv)
    seed = args.seed if args.seed is not None else random.SystemRandom().randrange(2**32)
    rng = random.Random(seed)

    with tempfile.TemporaryDirectory(prefix="bundle-soak-") as tmp:
        root = Path(tmp)
        isolate(root / "home")
        from bundle_flips import flip_and_import, hq_case_count, make_bundle

        pair = make_bundle(root, args.cases, rng)
        work = root / "work"
        work.mkdir()
        try:
            started = time.monotonic()
            cpu0 = time.process_time()
            counts: dict[str, int] = {}
            regions: dict[str, int] = {}
            problems: list[str] = []
            for n in range(args.flips):
                if rng.random() < args.header_share:
                    offset = rng.randrange(pair.header_len)
                else:
                    offset = rng.randrange(len(pair.bundle))
                bit = rng.randrange(8)
                verdict = flip_and_import(pair, work, offset, bit)
                counts[verdict] = counts.get(verdict, 0) + 1
                region = "age header" if offset < pair.header_len else "age payload"
                regions[region] = regions.get(region, 0) + 1
                if verdict != "detected (exit 5)":
                    problems.append(f"offset {offset} bit {bit}: {verdict}")
                if (n + 1) % 200 == 0:
                    print(f"  {n + 1} flips", file=sys.stderr, flush=True)
            elapsed = time.monotonic() - started
            cpu = time.process_time() - cpu0
            imported_from_damaged = hq_case_count(pair)
            good = work / "good.tdb"
            good.write_bytes(pair.bundle)
            from desktop.sync import service

            final = service.import_bundle(pair.hq, good)
            good_ok = not final.already and hq_case_count(pair) == args.cases
        finally:
            pair.lock()

    detected = counts.get("detected (exit 5)", 0)
    total = sum(counts.values())
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"seed            {seed}")
    print(f"bundle size     {len(pair.bundle)} bytes (age header {pair.header_len} bytes)")
    print(f"flips           {total}")
    print(f"detected        {detected} ({100 * detected / max(total, 1):.1f}%)")
    print(f"undetected      {sum(v for k, v in counts.items() if k.startswith('undetected'))}")
    print(f"misreported     {sum(v for k, v in counts.items() if k.startswith('misreported'))}")
    print(f"crashed         {sum(v for k, v in counts.items() if k.startswith('crashed'))}")
    print(f"cases imported from damaged bundles  {imported_from_damaged}")
    print(f"untouched bundle imports afterwards  {good_ok}")
    print(f"elapsed         {elapsed:.1f} s wall, {cpu:.1f} s CPU; peak RSS {peak:.0f} MiB")
    for region, value in sorted(regions.items()):
        print(f"  {region:12} {value}")
    for problem in problems[:20]:
        print(f"problem: {problem}")
    ok = detected == total and imported_from_damaged == 0 and good_ok
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
