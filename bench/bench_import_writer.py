"""The writing side of a large import alone: ``CaseRepository.save_batches`` on prepared files.

Why this exists: the import's critical path is the writing process (SQLite, FTS5, SQLCipher,
the commit); parsing runs in a helper process. On a shared machine whose speed varies, two
whole benchmark runs minutes apart differ by more than the changes being measured. This
script takes the parser out (files are parsed and prepared once, then cached as a pickle of
synthetic cases under ``--cache``) and stores them into a fresh SQLCipher database, reporting
the CPU and wall time of the inserts and of the commit (with its WAL checkpoint) apart.
Run two variants AT THE SAME TIME (``--exec`` patches a setting) so that both see the same
machine: that is how the figures of docs/performance.md r9 were taken.

Usage::

    python bench/bench_import_writer.py [--cases 100000] [--exec 'C.IMPORT_CACHE_KIB = 512 * 1024']

``--exec`` runs Python with ``C`` = ``desktop.store.cases`` and ``eng`` = the engine, before
the import. Synthetic data only; the cache and the database are deleted unless ``--keep``.
"""

from __future__ import annotations

import argparse
import json
import os
import pickle
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
BENCH = Path(__file__).resolve().parent
for _p in (str(REPO), str(BENCH)):
    if _p not in sys.path:
        sys.path.insert(0, _p)


def prepared_batches(cases: int, shard: int, cache: Path) -> list[Any]:
    """What ``parsed_files`` yields for ``cases`` synthetic cases in files of ``shard``:
    the first file parsed only, the others parsed and prepared (as the helper process does).
    """
    path = cache / f"prepared-{cases}-{shard}.pickle"
    if path.exists():
        return pickle.loads(path.read_bytes())  # noqa: S301 - our own synthetic cache
    import synth

    from desktop.interchange.case_json import load_case_files
    from desktop.store import mapping

    generated = list(synth.generate_cases(cases, 1))
    batches: list[Any] = []
    with tempfile.TemporaryDirectory() as folder:
        for start in range(0, cases, shard):
            part = Path(folder) / f"cases-{start // shard:03d}.jsonl"
            lines = (
                json.dumps(c, ensure_ascii=False) + "\n" for c in generated[start : start + shard]
            )
            part.write_text("".join(lines), "utf-8")
            docs = load_case_files([part])
            prepared = [mapping.prepare(d) for d in docs] if start else None
            mapping.clear_memo()
            batches.append((str(part), docs, prepared))
    cache.mkdir(parents=True, exist_ok=True)
    path.write_bytes(pickle.dumps(batches, protocol=5))
    return batches


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--cases", type=int, default=100_000)
    parser.add_argument("--shard", type=int, default=10_000)
    parser.add_argument("--cache", type=Path, default=Path(tempfile.gettempdir()) / "td-writer")
    parser.add_argument("--exec", default="", help="Python run before the import (C, eng)")
    parser.add_argument("--keep", action="store_true", help="keep the database and the cache")
    args = parser.parse_args()

    from sqlalchemy import event

    import desktop.store.cases as C
    from desktop.store import engine as engines
    from desktop.store import migrate

    batches = prepared_batches(args.cases, args.shard, args.cache)
    work = Path(tempfile.mkdtemp(prefix="td-writer-"))
    eng = engines.sqlcipher_engine(work / "cases.db", os.urandom(32), create=True)
    migrate.upgrade(eng)
    repo = C.CaseRepository(eng, "bench")
    exec(args.exec, {"C": C, "eng": eng})  # noqa: S102 - the user's own bench option
    at_commit: dict[str, float] = {}

    @event.listens_for(eng, "commit")
    def _commit(_conn: Any) -> None:
        at_commit.update(wall=time.perf_counter(), cpu=time.process_time())

    wall, cpu = time.perf_counter(), time.process_time()
    result = repo.save_batches(iter(batches))
    end_wall, end_cpu = time.perf_counter(), time.process_time()
    figures = {
        "cases": result.created,
        "total_wall_s": round(end_wall - wall, 2),
        "total_cpu_s": round(end_cpu - cpu, 2),
        "inserts_cpu_s": round(at_commit["cpu"] - cpu, 2),
        "commit_wall_s": round(end_wall - at_commit["wall"], 2),
        "commit_cpu_s": round(end_cpu - at_commit["cpu"], 2),
        "database_mb": round((work / "cases.db").stat().st_size / 1e6, 1),
        "load_average": os.getloadavg(),
    }
    print(json.dumps(figures))
    engines.forget_key(eng)
    shutil.rmtree(work)
    if not args.keep:
        shutil.rmtree(args.cache, ignore_errors=True)


if __name__ == "__main__":
    main()
