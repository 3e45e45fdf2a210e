"""Benchmark of the foundation: import, search and unlock on N synthetic cases.

Why this exists: a field laptop or an HQ machine will hold tens of thousands of cases, and
the promises made to users (an import of 100,000 cases in about a minute, a search that
answers while typing, an unlock that is slow only where slowness buys security) must be
measured on the real code, not assumed. This script PRINTS figures; it is run by hand
(never as a timed unit test, whose result would depend on the CI machine's load).

What it measures, on cases from ``bench/synth.py`` (invented people only):

1. **Import** into a real vault (SQLCipher) through ``Session.import_files`` — the body of
   ``testimony-desk import FILE...`` — with parse/validate and store time separated.
2. **Search** latency (p50/p95/max) of 200 mixed-script queries derived deterministically
   from the data (Latin, Cyrillic with Kazakh letters, Chinese, Uyghur Arabic, places,
   narrative words, a few combined, and some that should find nothing).
3. **Unlock**: Argon2id at the DEFAULT cost (256 MiB, t=3, p=4) apart from the rest of
   unlock (engine, ``cipher_integrity_check``, ``quick_check``, migrations, first query).
4. The same import and search on **plain SQLite with the same schema and code**, and the
   SQLCipher/plain ratios, so that the price of encryption is known rather than guessed.

Usage::

    python bench/bench_foundation.py [--cases 100000] [--queries 200] [--seed 1]
                                     [--keep DIR] [--skip-plain] [--json-out FILE]

The JSONL input is split into files of ``--shard`` cases (default 10,000) because one file
of 100,000 synthetic cases (~560 MB) is larger than the importer's per-file limit
(``DEFAULT_MAX_FILE_SIZE``, 512 MiB); ``testimony-desk import`` takes several files in one
transaction, so this is the same all-or-nothing import.
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import json
import os
import platform
import random
import re
import resource
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any

REPO = Path(__file__).resolve().parents[1]
BENCH = Path(__file__).resolve().parent
for _p in (str(REPO), str(BENCH)):
    if _p not in sys.path:
        sys.path.insert(0, _p)

PASSPHRASE = "bench only: seven unrelated words here"  # noqa: S105 - a throwaway vault
KAZAKH_LETTERS = frozenset("әғқңөұүһіӘҒҚҢӨҰҮҺІ")
_WORD = re.compile(r"[^\W\d_]{6,}", re.UNICODE)
MISS_ALPHABETS = (
    "bcdfghjklmnpqrstvwxz",
    "бвгджзклмнпрстфхцчшщ",
    "ғқңһ",
)
TARGETS = {
    "import_total_s_per_100k": 60.0,
    "search_p95_ms": 50.0,
    "unlock_rest_ms": 300.0,
    "ratio": 1.5,
}


# ------------------------------------------------------------------------------- helpers
def _isolate_environment(work: Path) -> None:
    """Keep the benchmark away from the user's real state, and measure the DEFAULT KDF cost.

    The vault code keeps its failed-attempt counter under ``$XDG_STATE_HOME``; a benchmark
    must not touch the user's. ``TESTIMONY_DESK_ARGON2_MEMORY_KIB`` (set by the test suite
    to the floor) is removed so the vault gets the default 256 MiB slot that users get.
    """
    for var, sub in (("XDG_STATE_HOME", "state"), ("XDG_CACHE_HOME", "cache")):
        path = work / sub
        path.mkdir(parents=True, exist_ok=True)
        os.environ[var] = str(path)
    os.environ.pop("TESTIMONY_DESK_ARGON2_MEMORY_KIB", None)
    os.environ.setdefault("PYTHON_KEYRING_BACKEND", "desktop.vault.memory_keyring.MemoryKeyring")


def peak_rss_mib() -> float:
    """Peak resident memory of this process so far (Linux reports KiB, macOS bytes)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 1024 / 1024 if sys.platform == "darwin" else peak / 1024


def percentile(values: Sequence[float], pct: float) -> float:
    """Nearest-rank percentile: an observed value, never an interpolation between two."""
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    rank = max(1, min(len(ordered), int(-(-pct * len(ordered) // 100))))
    return ordered[rank - 1]


def file_size(path: Path) -> int:
    """Size of a database with its WAL/SHM side files (the disk it really takes)."""
    total = 0
    for suffix in ("", "-wal", "-shm"):
        with contextlib.suppress(FileNotFoundError):
            total += (path.parent / (path.name + suffix)).stat().st_size
    return total


@contextlib.contextmanager
def timed(into: dict[str, float], key: str) -> Iterator[None]:
    """Wall seconds into ``into[key]``, this thread's CPU seconds into ``into[key + "_cpu"]``."""
    start = time.perf_counter()
    cpu = time.thread_time()
    try:
        yield
    finally:
        into[key] = time.perf_counter() - start
        into[key + "_cpu"] = time.thread_time() - cpu


def machine_info() -> dict[str, Any]:
    from sqlalchemy import __version__ as sa_version

    from desktop.store import engine as engines

    cpu = platform.processor() or platform.machine()
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    mem_gib = None
    with contextlib.suppress(OSError, ValueError):
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                mem_gib = round(int(line.split()[1]) / 1024 / 1024, 1)
    probe = engines.DRIVER.connect(":memory:")
    try:
        cipher_sqlite = str(probe.execute("SELECT sqlite_version()").fetchone()[0])
    finally:
        probe.close()
    affinity = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else None
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "cores_usable": affinity,
        "memory_gib": mem_gib,
        "os": platform.platform(),
        "python": platform.python_version(),
        "sqlcipher": engines.check_driver(),
        "sqlcipher_sqlite": cipher_sqlite,
        "plain_sqlite3": sqlite3.sqlite_version,
        "sqlalchemy": sa_version,
    }


# ------------------------------------------------------------------------------- data
@dataclass
class Material:
    """Strings taken from a spread of generated cases, from which queries are built."""

    names: dict[str, list[str]] = field(default_factory=dict)  # script -> values
    facilities: list[str] = field(default_factory=list)
    localities: list[str] = field(default_factory=list)
    authorities: list[str] = field(default_factory=list)
    words: list[str] = field(default_factory=list)
    combos: list[tuple[str, str]] = field(default_factory=list)  # (Latin given name, locality)

    def take(self, case: dict[str, Any]) -> None:
        for person in case.get("persons", []):
            for name in person.get("names", []):
                self.names.setdefault(str(name["script"]), []).append(str(name["value"]))
        latin_given = ""
        for person in case.get("persons", []):
            if person.get("role") == "detained":
                for name in person.get("names", []):
                    if name["script"] == "Latn" and not latin_given:
                        latin_given = str(name["value"]).split()[0]
        for event in case.get("events", []):
            place = event.get("place") or {}
            if place.get("facility"):
                self.facilities.append(str(place["facility"]))
            if place.get("locality"):
                self.localities.append(str(place["locality"]))
                if latin_given:
                    self.combos.append((latin_given, str(place["locality"])))
            if event.get("authority"):
                self.authorities.append(str(event["authority"]))
        for testimony in case.get("testimonies", []):
            self.words.extend(_WORD.findall(str(testimony.get("narrative", "")))[:40])


def write_shards(
    n: int, seed: int, folder: Path, shard: int, samples: int
) -> tuple[list[Path], Material, int]:
    """Stream ``n`` synthetic cases into JSONL files; keep query material from a spread."""
    import synth

    folder.mkdir(parents=True, exist_ok=True)
    step = max(1, n // max(1, samples))
    material = Material()
    paths: list[Path] = []
    total = 0
    handle = None
    buffer: list[str] = []
    try:
        for i, case in enumerate(synth.generate_cases(n, seed)):
            if i % shard == 0:
                if handle is not None:
                    handle.write("".join(buffer).encode("utf-8"))
                    buffer.clear()
                    handle.close()
                paths.append(folder / f"cases-{len(paths):03d}.jsonl")
                handle = paths[-1].open("wb")
            if i % step == 0:
                material.take(case)
            buffer.append(json.dumps(case, ensure_ascii=False, separators=(",", ":")) + "\n")
            if len(buffer) >= 512 and handle is not None:
                handle.write("".join(buffer).encode("utf-8"))
                buffer.clear()
    finally:
        if handle is not None:
            handle.write("".join(buffer).encode("utf-8"))
            handle.close()
    for path in paths:
        total += path.stat().st_size
    return paths, material, total


@dataclass(frozen=True)
class Query:
    category: str
    text: str
    expect_hit: bool


def _pick(rng: random.Random, items: Sequence[str], fallback: str) -> str:
    return rng.choice(items) if items else fallback


def _allocate(total: int, weights: dict[str, int]) -> dict[str, int]:
    """Split ``total`` queries over categories in proportion to ``weights`` (largest remainder)."""
    whole = sum(weights.values())
    exact = {k: total * w / whole for k, w in weights.items()}
    counts = {k: int(v) for k, v in exact.items()}
    rest = total - sum(counts.values())
    for k in sorted(exact, key=lambda k: exact[k] - counts[k], reverse=True)[:rest]:
        counts[k] += 1
    return counts


def build_queries(material: Material, total: int, seed: int) -> list[Query]:
    """Deterministic mixed-script queries: same data and seed, same queries, same order.

    Name queries alternate between a full name, its first word and a 4-6 letter prefix of
    a word, because users type partial names while the list updates; misses are random
    letter strings, which must come back empty (and fast).
    """
    rng = random.Random(seed * 7919 + 17)
    weights = {
        "latin": 32,
        "cyrillic": 32,
        "chinese": 24,
        "uyghur": 24,
        "place": 28,
        "narrative": 30,
        "combined": 10,
        "miss": 20,
    }
    counts = _allocate(total, weights)
    cyr = material.names.get("Cyrl", [])
    cyr_kk = [v for v in cyr if KAZAKH_LETTERS & set(v)]
    han = material.names.get("Hans", []) + material.names.get("Hant", [])
    pools = {
        "latin": material.names.get("Latn", []),
        "uyghur": material.names.get("Arab", []),
        "chinese": han,
    }
    queries: list[Query] = []

    def name_variant(value: str, i: int) -> str:
        words = value.split()
        if i % 3 == 0 or not words:
            return value
        if i % 3 == 1:
            return words[0]
        word = rng.choice(words)
        return word[: max(4, min(len(word), 6))] if len(word) > 4 else word

    for category in ("latin", "uyghur"):
        for i in range(counts[category]):
            queries.append(Query(category, name_variant(_pick(rng, pools[category], ""), i), True))
    for i in range(counts["cyrillic"]):
        # Two of three from names with Kazakh letters (ә ғ қ ң ө ұ ү һ і), when there are any.
        source = cyr_kk if (i % 3 != 2 and cyr_kk) else cyr
        queries.append(Query("cyrillic", name_variant(_pick(rng, source, ""), i), True))
    for i in range(counts["chinese"]):
        value = _pick(rng, han, "")
        if i % 2 == 1 and "·" in value:
            value = value.split("·")[0]
        queries.append(Query("chinese", value, True))
    for i in range(counts["place"]):
        kind = i % 3
        if kind == 0:
            text = _pick(rng, material.facilities, "")
        elif kind == 1:
            text = _pick(rng, material.localities, "")
        else:
            text = _pick(rng, material.authorities, "")
        queries.append(Query("place", text, True))
    for i in range(counts["narrative"]):
        first = _pick(rng, material.words, "")
        text = first if i % 2 == 0 else f"{first} {_pick(rng, material.words, '')}"
        # Two unrelated words may legitimately never meet in one case: only single words
        # are required to hit.
        queries.append(Query("narrative", text, i % 2 == 0))
    for _ in range(counts["combined"]):
        given, locality = rng.choice(material.combos) if material.combos else ("", "")
        queries.append(Query("combined", f"{given} {locality}", True))
    for i in range(counts["miss"]):
        alphabet = MISS_ALPHABETS[i % len(MISS_ALPHABETS)]
        length = 9 if i % len(MISS_ALPHABETS) != 2 else 6
        queries.append(Query("miss", "".join(rng.choice(alphabet) for _ in range(length)), False))
    queries = [q for q in queries if q.text.strip()]
    rng.shuffle(queries)
    return queries


# ------------------------------------------------------------------------------- engines
def plain_engine(path: Path, module: ModuleType, cache_size: int | None) -> Any:
    """A plain (unencrypted) SQLite engine with the vault's pragmas, minus the key.

    Mirrors ``desktop.store.engine.sqlcipher_engine`` (autocommit driver, explicit BEGIN,
    IMMEDIATE for writers, WAL, synchronous=FULL, secure_delete, foreign keys, busy
    timeout) so that the difference measured is encryption, not configuration.
    ``cache_size`` copies SQLCipher's page cache size, whose compiled-in default differs.
    """
    from sqlalchemy import create_engine, event

    from desktop.store.engine import BUSY_TIMEOUT_MS

    engine = create_engine(
        f"sqlite:///{path}",
        module=module,
        connect_args={"check_same_thread": False, "isolation_level": None},
    )

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        cur = dbapi_conn.cursor()
        try:
            cur.execute("PRAGMA temp_store = MEMORY")
            cur.execute("PRAGMA journal_mode = WAL")
            cur.execute("PRAGMA synchronous = FULL")
            cur.execute("PRAGMA secure_delete = ON")
            cur.execute("PRAGMA foreign_keys = ON")
            cur.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            if cache_size is not None:
                cur.execute(f"PRAGMA cache_size = {int(cache_size)}")
        finally:
            cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        immediate = conn.get_execution_options().get("immediate", False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")

    return engine


# ------------------------------------------------------------------------------- phases
@dataclass
class ImportFigures:
    total_s: float
    created: int
    cpu_s: float  # process CPU time of the whole import: robust against a busy machine
    helper_cpu_s: float = 0.0  # CPU time of the parser process (desktop.interchange.parallel)


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def import_into_vault(session: Any, paths: Sequence[Path]) -> ImportFigures:
    """The real ``Session.import_files``: with several files, a helper process parses
    (and derives rows) while this one stores, so parse and store are not separable."""
    times: dict[str, float] = {}
    cpu, helper = time.process_time(), _children_cpu()
    with timed(times, "total"):
        result = session.import_files(list(paths))
    return ImportFigures(
        times["total"],
        result.created,
        time.process_time() - cpu,
        _children_cpu() - helper,
    )


def import_into_repository(repo: Any, paths: Sequence[Path]) -> ImportFigures:
    """What ``Session.import_files`` does, on a repository without a vault (the baseline)."""
    from desktop.interchange.parallel import parsed_files

    times: dict[str, float] = {}
    cpu, helper = time.process_time(), _children_cpu()
    with timed(times, "total"):
        result = repo.save_batches(parsed_files(list(paths)))
    return ImportFigures(
        times["total"],
        result.created,
        time.process_time() - cpu,
        _children_cpu() - helper,
    )


@dataclass
class SearchFigures:
    latencies_ms: list[float]
    by_category: dict[str, list[float]]
    hits: dict[str, tuple[int, int]]  # category -> (queries with results, queries)
    unexpected_misses: list[Query]
    unexpected_hits: list[Query]
    # CPU time of each query (this thread): on a shared, loaded machine the wall time also
    # counts the time spent waiting for a core; CPU time is what an idle machine would show.
    cpu_ms: list[float] = field(default_factory=list)

    @property
    def p50(self) -> float:
        return percentile(self.latencies_ms, 50)

    @property
    def p95(self) -> float:
        return percentile(self.latencies_ms, 95)

    @property
    def max(self) -> float:
        return max(self.latencies_ms) if self.latencies_ms else float("nan")


def run_search(search: Callable[[str], list[Any]], queries: Sequence[Query]) -> SearchFigures:
    search("warm up")  # one untimed query: statement caches, first pool connection
    latencies: list[float] = []
    by_category: dict[str, list[float]] = {}
    hits: dict[str, tuple[int, int]] = {}
    misses: list[Query] = []
    surprises: list[Query] = []
    cpu: list[float] = []
    for q in queries:
        start = time.perf_counter()
        cpu_start = time.thread_time()
        found = search(q.text)
        cpu.append((time.thread_time() - cpu_start) * 1000)
        ms = (time.perf_counter() - start) * 1000
        latencies.append(ms)
        by_category.setdefault(q.category, []).append(ms)
        got, asked = hits.get(q.category, (0, 0))
        hits[q.category] = (got + (1 if found else 0), asked + 1)
        if q.expect_hit and not found:
            misses.append(q)
        if not q.expect_hit and q.category == "miss" and found:
            surprises.append(q)
    return SearchFigures(latencies, by_category, hits, misses, surprises, cpu)


@dataclass
class UnlockFigures:
    argon2_params: dict[str, int]
    kdf_ms: float  # unlock_passphrase: header read, Argon2id, unwrap, header MAC
    engine_ms: float
    connect_ms: float
    integrity_ms: float
    quick_check_ms: float
    migrations_ms: float
    first_query_ms: float
    open_store_ms: float  # the real open_store (integrity + quick_check + migrations + device)
    rest_ms: float  # open_store + first query: what the user waits for after the KDF
    # CPU time of the same steps (this thread): what an idle machine would take.
    integrity_cpu_ms: float = 0.0
    quick_check_cpu_ms: float = 0.0
    rest_cpu_ms: float = 0.0


def measure_unlock(folder: Path, rounds: int = 3) -> UnlockFigures:
    """Unlock ``rounds`` times; report the median of each step.

    Each round first runs the steps one by one (to see where time goes), then the real
    ``open_store`` once (the figure the target is about). The OS page cache is warm (the
    file was just written): a cold disk read after boot would add I/O time on top.
    """
    from sqlalchemy import select

    from desktop.store import engine as engines
    from desktop.store import migrate
    from desktop.store.cases import CaseRepository
    from desktop.store.database import DEVICE_KEY, open_store
    from desktop.store.models import Setting
    from desktop.vault.vault import Vault

    header = json.loads((folder / "vault.json").read_text(encoding="utf-8"))
    slot = next(s for s in header["slots"] if s.get("type") == "passphrase")
    params = {
        k: int(v) for k, v in slot["kdf"].items() if k in ("memory_kib", "time_cost", "parallelism")
    }
    samples: dict[str, list[float]] = {}

    def add(key: str, seconds: float) -> None:
        samples.setdefault(key, []).append(seconds * 1000)

    def first_query(repo: CaseRepository) -> None:
        # What the main window asks first: how many cases, and the first page of the list.
        repo.count()
        repo.summaries(limit=100)

    for _ in range(rounds):
        gc.collect()
        t: dict[str, float] = {}
        with timed(t, "kdf"):
            unlocked = Vault(folder).unlock_passphrase(PASSPHRASE)
        add("kdf", t["kdf"])
        try:
            with timed(t, "engine"):
                engine = engines.sqlcipher_engine(unlocked.db_path, unlocked.db_key)
            try:
                with timed(t, "connect"), engine.connect() as conn:
                    conn.exec_driver_sql("SELECT count(*) FROM sqlite_schema").fetchall()
                with engine.connect() as conn:
                    with timed(t, "integrity"):
                        bad = conn.exec_driver_sql("PRAGMA cipher_integrity_check").fetchall()
                    with timed(t, "quick"):
                        quick = conn.exec_driver_sql("PRAGMA quick_check").fetchall()
                if bad or [tuple(r) for r in quick] != [("ok",)]:
                    raise SystemExit("integrity check failed on the benchmark vault")
                with timed(t, "migrations"):
                    migrate.upgrade(engine)
                with timed(t, "first"):
                    with engine.connect() as conn:
                        device = select(Setting.value).where(Setting.key == DEVICE_KEY)
                        conn.execute(device).scalar()
                    first_query(CaseRepository(engine, "bench"))
            finally:
                engine.dispose()
            for key in ("engine", "connect", "integrity", "quick", "migrations", "first"):
                add(key, t[key])
            with timed(t, "open_store"):
                store = open_store(unlocked)
            try:
                with timed(t, "real_first"):
                    first_query(store.cases)
            finally:
                store.close()
            add("open_store", t["open_store"])
            add("rest", t["open_store"] + t["real_first"])
            add("integrity_cpu", t["integrity_cpu"])
            add("quick_cpu", t["quick_cpu"])
            add("rest_cpu", t["open_store_cpu"] + t["real_first_cpu"])
        finally:
            unlocked.lock()

    med = {k: statistics.median(v) for k, v in samples.items()}
    return UnlockFigures(
        params,
        med["kdf"],
        med["engine"],
        med["connect"],
        med["integrity"],
        med["quick"],
        med["migrations"],
        med["first"],
        med["open_store"],
        med["rest"],
        med["integrity_cpu"],
        med["quick_cpu"],
        med["rest_cpu"],
    )


# ------------------------------------------------------------------------------- report
def _fmt_s(seconds: float) -> str:
    return f"{seconds:8.2f} s"


def _fmt_ms(ms: float) -> str:
    return f"{ms:8.1f} ms"


def _verdict(value: float, target: float) -> str:
    return "ok" if value <= target else "MISSED"


def print_import(label: str, fig: ImportFigures, n: int) -> None:
    rate = n / fig.total_s if fig.total_s else float("nan")
    print(f"  {label}")
    print("    parse + validate   overlapped with the writes (helper process)")
    print(
        f"    total              {_fmt_s(fig.total_s)}   ({rate:,.0f} cases/s, "
        f"{fig.created:,} created; CPU {fig.cpu_s:.1f} s, helper CPU {fig.helper_cpu_s:.1f} s)"
    )


def print_search(label: str, fig: SearchFigures) -> None:
    print(f"  {label}: {len(fig.latencies_ms)} queries")
    print(f"    p50 {fig.p50:7.2f} ms   p95 {fig.p95:7.2f} ms   max {fig.max:7.2f} ms")
    cpu = fig.cpu_ms
    print(
        f"    CPU time: p50 {percentile(cpu, 50):7.2f} ms   p95 {percentile(cpu, 95):7.2f} ms"
        f"   max {max(cpu) if cpu else float('nan'):7.2f} ms"
    )
    for cat in sorted(fig.by_category):
        lat = fig.by_category[cat]
        got, asked = fig.hits[cat]
        print(
            f"    {cat:<10} n={asked:<3} with results {got:<3}"
            f" p50 {percentile(lat, 50):7.2f}  p95 {percentile(lat, 95):7.2f}"
            f"  max {max(lat):7.2f} ms"
        )
    if fig.unexpected_misses:
        print(f"    expected a hit but found nothing: {len(fig.unexpected_misses)}")
        for q in fig.unexpected_misses[:8]:
            print(f"      [{q.category}] {q.text!r}  (synthetic data)")
    if fig.unexpected_hits:
        print(f"    random 'miss' strings that found something: {len(fig.unexpected_hits)}")


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="bench_foundation.py",
        description="Import, search and unlock figures on N synthetic cases (prints figures).",
    )
    parser.add_argument("--cases", type=int, default=100_000, help="number of cases (100000)")
    parser.add_argument("--queries", type=int, default=200, help="number of search queries (200)")
    parser.add_argument("--seed", type=int, default=1, help="seed for data and queries (1)")
    parser.add_argument(
        "--keep", type=Path, help="keep vault, plain DB and data in this new folder"
    )
    parser.add_argument(
        "--skip-plain", action="store_true", help="skip the plain-SQLite comparison"
    )
    parser.add_argument(
        "--plain-driver",
        choices=("sqlite3", "sqlcipher-nokey"),
        default="sqlite3",
        help="plain SQLite: the standard sqlite3 module (default), or the SQLCipher library "
        "without a key (same SQLite version, encryption off)",
    )
    parser.add_argument("--shard", type=int, default=10_000, help="cases per import file (10000)")
    parser.add_argument("--unlock-rounds", type=int, default=3, help="unlocks to take a median of")
    parser.add_argument("--json-out", type=Path, help="also write the figures as JSON here")
    args = parser.parse_args(argv)
    if args.cases < 1 or args.queries < 1 or args.shard < 1 or args.unlock_rounds < 1:
        parser.error("--cases, --queries, --shard and --unlock-rounds must be positive")
    if args.keep is not None and args.keep.exists() and any(args.keep.iterdir()):
        parser.error(f"--keep {args.keep}: the folder must be new or empty")
    return args


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    if args.keep is not None:
        work = args.keep.resolve()
        work.mkdir(parents=True, exist_ok=True)
    else:
        work = Path(tempfile.mkdtemp(prefix="td-bench-"))
    _isolate_environment(work)
    try:
        return _run(args, work)
    finally:
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)


def _run(args: argparse.Namespace, work: Path) -> int:
    from desktop import app
    from desktop.store import migrate
    from desktop.store.cases import CaseRepository

    n = args.cases
    figures: dict[str, Any] = {"cases": n, "queries": args.queries, "seed": args.seed}
    info = machine_info()
    figures["machine"] = info
    figures["load_average_start"] = os.getloadavg()
    print(f"Testimony Desk foundation benchmark: {n:,} synthetic cases, seed {args.seed}")
    print(
        f"machine: {info['cpu']}; {info['cores']} cores ({info['cores_usable']} usable); "
        f"{info['memory_gib']} GiB RAM; {info['os']}"
    )
    print(
        f"python {info['python']}; SQLCipher {info['sqlcipher']} (SQLite "
        f"{info['sqlcipher_sqlite']}); stdlib sqlite3 SQLite {info['plain_sqlite3']}; "
        f"SQLAlchemy {info['sqlalchemy']}"
    )
    print(f"work folder: {work}")

    # -- data -----------------------------------------------------------------------------
    t: dict[str, float] = {}
    with timed(t, "generate"):
        paths, material, data_bytes = write_shards(
            n, args.seed, work / "data", args.shard, samples=min(n, 500)
        )
    queries = build_queries(material, args.queries, args.seed)
    figures["generate_s"] = t["generate"]
    figures["data_bytes"] = data_bytes
    print(
        f"\n[data] generated in {t['generate']:.1f} s: {len(paths)} JSONL files, "
        f"{data_bytes / 1e6:,.1f} MB ({data_bytes / n:,.0f} bytes/case); "
        f"{len(queries)} queries derived"
    )

    # -- 1. import into a real vault -------------------------------------------------------
    vault_dir = work / "vault"
    print("\n[1] import into a vault (SQLCipher), via Session.import_files")
    with timed(t, "create"):
        session, _recovery = app.create_vault(vault_dir, PASSPHRASE)
    with session.store.engine.connect() as conn:
        cipher_cache = conn.exec_driver_sql("PRAGMA cache_size").scalar()
    gc.collect()
    cipher_import = import_into_vault(session, paths)
    gc.collect()
    print_import("SQLCipher vault", cipher_import, n)
    print(f"    (vault created in {t['create']:.2f} s, Argon2 at the default cost)")
    figures["import_sqlcipher"] = cipher_import.__dict__
    figures["rss_after_import_mib"] = peak_rss_mib()
    session.lock()  # closes the last connection: the WAL is checkpointed into cases.db
    db_path = vault_dir / "cases.db"
    cipher_size = file_size(db_path)
    figures["db_bytes_sqlcipher"] = cipher_size
    print(f"    database file      {cipher_size / 1e6:8.1f} MB ({cipher_size / n:,.0f} bytes/case)")

    # -- 3. unlock (before search, so that search runs on a freshly unlocked vault) ----------
    print(f"\n[3] unlock the {n:,}-case vault (median of {args.unlock_rounds})")
    unlock = measure_unlock(vault_dir, args.unlock_rounds)
    figures["unlock"] = unlock.__dict__
    p = unlock.argon2_params
    print(
        f"    Argon2id m={p.get('memory_kib', 0) // 1024} MiB t={p.get('time_cost')} "
        f"p={p.get('parallelism')} + unwrap {_fmt_ms(unlock.kdf_ms)}"
    )
    print(f"    engine (driver and header checks) {_fmt_ms(unlock.engine_ms)}")
    print(f"    first connection (key, pragmas)   {_fmt_ms(unlock.connect_ms)}")
    print(
        f"    cipher_integrity_check            {_fmt_ms(unlock.integrity_ms)}"
        f"   (CPU {unlock.integrity_cpu_ms:.1f} ms)"
    )
    print(
        f"    quick_check                       {_fmt_ms(unlock.quick_check_ms)}"
        f"   (CPU {unlock.quick_check_cpu_ms:.1f} ms)"
    )
    print(f"    migrations check                  {_fmt_ms(unlock.migrations_ms)}")
    print(f"    first query (count + first page)  {_fmt_ms(unlock.first_query_ms)}")
    print(
        f"    rest of unlock, real open_store + first query {_fmt_ms(unlock.rest_ms)}"
        f" (CPU {unlock.rest_cpu_ms:.1f} ms)"
        f"   [target <= {TARGETS['unlock_rest_ms']:.0f} ms: "
        f"{_verdict(unlock.rest_ms, TARGETS['unlock_rest_ms'])}]"
    )

    # -- 2. search -------------------------------------------------------------------------
    print("\n[2] search via CaseRepository.search (freshly unlocked vault)")
    session = app.unlock(vault_dir, passphrase=PASSPHRASE)
    try:
        cipher_search = run_search(session.store.cases.search, queries)
    finally:
        session.lock()
    print_search("SQLCipher vault", cipher_search)
    figures["search_sqlcipher"] = {
        "p50_ms": cipher_search.p50,
        "p95_ms": cipher_search.p95,
        "max_ms": cipher_search.max,
        "cpu_p50_ms": percentile(cipher_search.cpu_ms, 50),
        "cpu_p95_ms": percentile(cipher_search.cpu_ms, 95),
        "hits": cipher_search.hits,
        "unexpected_misses": [q.__dict__ for q in cipher_search.unexpected_misses],
    }

    # -- 4. plain SQLite -------------------------------------------------------------------
    plain_import: ImportFigures | None = None
    plain_search: SearchFigures | None = None
    if not args.skip_plain:
        module: ModuleType = sqlite3
        if args.plain_driver == "sqlcipher-nokey":
            import sqlcipher3.dbapi2 as nokey  # no PRAGMA key: the same library, unencrypted

            module = nokey
        print(f"\n[4] the same on plain SQLite ({args.plain_driver}, same schema, same code)")
        plain_path = work / "plain" / "cases.db"
        plain_path.parent.mkdir(parents=True, exist_ok=True)
        engine = plain_engine(plain_path, module, int(cipher_cache) if cipher_cache else None)
        try:
            migrate.upgrade(engine)
            repo = CaseRepository(engine, str(uuid.uuid4()))
            gc.collect()
            plain_import = import_into_repository(repo, paths)
            gc.collect()
            print_import("plain SQLite", plain_import, n)
            engine.dispose()
            plain_size = file_size(plain_path)
            figures["db_bytes_plain"] = plain_size
            print(f"    database file      {plain_size / 1e6:8.1f} MB")
            engine = plain_engine(plain_path, module, int(cipher_cache) if cipher_cache else None)
            with engine.connect() as conn, timed(t, "plain_quick_check"):
                conn.exec_driver_sql("PRAGMA quick_check").fetchall()
            figures["plain_quick_check_ms"] = t["plain_quick_check"] * 1000
            print(
                f"    quick_check        {t['plain_quick_check'] * 1000:8.1f} ms "
                "(for comparison with the vault's unlock)"
            )
            plain_search = run_search(CaseRepository(engine, "bench").search, queries)
            print_search("plain SQLite", plain_search)
        finally:
            engine.dispose()
        figures["import_plain"] = plain_import.__dict__
        figures["search_plain"] = {
            "p50_ms": plain_search.p50,
            "p95_ms": plain_search.p95,
            "max_ms": plain_search.max,
            "cpu_p50_ms": percentile(plain_search.cpu_ms, 50),
            "cpu_p95_ms": percentile(plain_search.cpu_ms, 95),
        }

    # -- summary ---------------------------------------------------------------------------
    scale = 100_000 / n
    print("\n[summary]")
    projected = cipher_import.total_s * scale
    print(
        f"  import total {cipher_import.total_s:.1f} s for {n:,} cases"
        + (f" (x{scale:g} -> {projected:.1f} s per 100,000)" if n != 100_000 else "")
        + f"   [target <= {TARGETS['import_total_s_per_100k']:.0f} s per 100,000: "
        f"{_verdict(projected, TARGETS['import_total_s_per_100k'])}]"
    )
    print(
        f"  search p95 {cipher_search.p95:.1f} ms "
        f"(CPU {percentile(cipher_search.cpu_ms, 95):.1f} ms)"
        f"   [target <= {TARGETS['search_p95_ms']:.0f} ms: "
        f"{_verdict(cipher_search.p95, TARGETS['search_p95_ms'])}]"
    )
    print(
        f"  unlock: Argon2 {unlock.kdf_ms:.0f} ms; rest {unlock.rest_ms:.0f} ms "
        f"(cipher_integrity_check {unlock.integrity_ms:.0f} ms, quick_check "
        f"{unlock.quick_check_ms:.0f} ms)   [target rest <= {TARGETS['unlock_rest_ms']:.0f} ms: "
        f"{_verdict(unlock.rest_ms, TARGETS['unlock_rest_ms'])}]"
    )
    if plain_import is not None and plain_search is not None:
        ratios = {
            "import_total": cipher_import.total_s / plain_import.total_s,
            "search_p50": cipher_search.p50 / plain_search.p50,
            "search_p95": cipher_search.p95 / plain_search.p95,
            # The same in CPU time: steadier than wall time when the machine is shared.
            "import_cpu": (cipher_import.cpu_s + cipher_import.helper_cpu_s)
            / (plain_import.cpu_s + plain_import.helper_cpu_s),
            "search_p50_cpu": percentile(cipher_search.cpu_ms, 50)
            / percentile(plain_search.cpu_ms, 50),
            "search_p95_cpu": percentile(cipher_search.cpu_ms, 95)
            / percentile(plain_search.cpu_ms, 95),
        }
        figures["ratios"] = ratios
        target = TARGETS["ratio"]
        for key, value in ratios.items():
            print(
                f"  SQLCipher/plain {key:<15} {value:5.2f}x   "
                f"[target <= {target}x: {_verdict(value, target)}]"
            )
    figures["peak_rss_mib"] = peak_rss_mib()
    print(f"  peak RSS {figures['peak_rss_mib']:,.0f} MiB")
    figures["load_average_end"] = os.getloadavg()
    print(
        f"  load average at start {figures['load_average_start']}, at end "
        f"{figures['load_average_end']} (figures above 1 per core mean a shared machine)"
    )
    if args.json_out:
        figures["queries_used"] = [q.__dict__ for q in queries]
        text = json.dumps(figures, indent=2, default=str, ensure_ascii=False)
        args.json_out.write_text(text + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
