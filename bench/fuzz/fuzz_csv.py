"""atheris harness: the CSV case importer (``desktop.interchange.case_csv.load_csv``).

Any input must give a list of valid cases or an InvalidInputError — any other exception is
a crash, a run over ``-timeout`` seconds a hang, over ``-rss_limit_mb`` a memory failure.
Accepted input must also survive a round trip (dump_csv → load_csv gives the same cases).

Long run (see bench/README.md)::

    python bench/fuzz/fuzz_csv.py --seed-corpus bench/fuzz/corpus/csv
    python bench/fuzz/fuzz_csv.py bench/fuzz/corpus/csv -runs=100000 -timeout=5 \\
        -rss_limit_mb=512 -max_len=65536 -print_final_stats=1
"""

from __future__ import annotations

import sys
from pathlib import Path

from common import REPO, isolate, write_seed

isolate()

import atheris  # noqa: E402

with atheris.instrument_imports(include=["desktop"]):
    from desktop.errors import InvalidInputError
    from desktop.interchange.case_csv import dump_csv, load_csv


def TestOneInput(data: bytes) -> None:
    try:
        cases = load_csv(data, source="fuzz.csv")
    except InvalidInputError:
        return
    if cases:
        again = load_csv(dump_csv(cases), source="again.csv")
        if again != cases:
            raise AssertionError("a CSV file that loads does not survive export and re-import")


def seed(corpus: Path) -> None:
    from synth import generate_cases

    from desktop.interchange.case_format import normalize_case

    for path in sorted((REPO / "tests" / "data").glob("*.csv")):
        write_seed(corpus, path.name, path.read_bytes())
    docs = [normalize_case(d) for d in generate_cases(5, seed=3)]
    write_seed(corpus, "synth-5.csv", dump_csv(docs))
    write_seed(corpus, "synth-1.csv", dump_csv(docs[:1]))


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--seed-corpus":
        seed(Path(sys.argv[2]))
        raise SystemExit(0)
    atheris.Setup(sys.argv, TestOneInput)
    atheris.Fuzz()
