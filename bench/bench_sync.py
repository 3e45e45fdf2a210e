"""Benchmark: sync export (field) and HQ import of N synthetic cases, optionally with
attachments, against pyrage alone on the same number of bytes.

    .venv/bin/python bench/bench_sync.py                      # 10,000 cases, SQLCipher HQ
    .venv/bin/python bench/bench_sync.py --attach-mib 1024    # + 1 GiB of attachments
    .venv/bin/python bench/bench_sync.py --pg                 # HQ store on PostgreSQL too
    .venv/bin/python bench/bench_sync.py --repeat 5           # medians of 5 exports (busy machine)

Each measured step runs in its own child process so that its peak RSS (VmHWM) is its own.
Targets (issue 5): export <= 2x the raw age time; HQ import of 10,000 cases <= 30 s on
SQLCipher and PostgreSQL; peak RSS <= 300 MiB with 1 GiB of attachments.

Figures are printed; nothing is written outside a temporary folder (removed at the end).
"""

from __future__ import annotations

import argparse
import io
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))
os.environ.setdefault("TESTIMONY_DESK_ARGON2_MEMORY_KIB", str(64 * 1024))
os.environ.setdefault("PYTHON_KEYRING_BACKEND", "desktop.vault.memory_keyring.MemoryKeyring")
PASSPHRASE = "benchmark passphrase only"  # noqa: S105 - synthetic vaults


def peak_rss_mib() -> float:
    with open("/proc/self/status", encoding="ascii") as fh:
        for line in fh:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def reset_peak_rss() -> bool:
    """Start VmHWM again from the current RSS (Linux >= 4.0: clear_refs "5")."""
    try:
        with open("/proc/self/clear_refs", "w", encoding="ascii") as fh:
            fh.write("5")
    except OSError:
        return False
    return True


def _unlock(folder: Path) -> Any:
    from desktop.app import unlock

    return unlock(folder, passphrase=PASSPHRASE, check=False)


# ---------------------------------------------------------------------- child steps
def step_setup(work: Path, n: int, attach_mib: int, db_url: str | None) -> dict[str, Any]:
    import uuid

    from sqlalchemy import update
    from synth import generate_cases

    from desktop.app import create_vault
    from desktop.interchange.case_format import normalize_case
    from desktop.store.models import Attachment
    from desktop.sync import service
    from desktop.vault.blobs import BlobStore

    hq, _ = create_vault(work / "hq", PASSPHRASE, hq=True, name="Bench HQ", db_url=db_url)
    field, _ = create_vault(work / "field", PASSPHRASE)
    service.write_hq_key(hq, work / "hq-key.json")
    service.enroll(field, service.read_hq_key(work / "hq-key.json"))
    service.approve(hq, service.whoami(field))
    docs = []
    for doc in generate_cases(n, seed=1):
        doc = normalize_case(doc)
        for t in doc.get("testimonies", []):
            t["consent"]["share_with_hq"] = True
        docs.append(doc)
    t0 = time.perf_counter()
    field.store.cases.save(docs)
    save_s = time.perf_counter() - t0
    if attach_mib:
        blobs = BlobStore(field.unlocked.blob_dir, field.unlocked.blob_key)
        per = 128 if attach_mib >= 128 else attach_mib
        count = max(1, attach_mib // per)
        block = os.urandom(1024 * 1024)
        for i in range(count):
            with blobs.writer() as w:
                for _ in range(per):
                    w.write(block)
                name, sha, size = w.close()
            doc = docs[i]
            meta = {
                "id": str(uuid.uuid4()),
                "filename": f"video-{i}.mp4",
                "media_type": "video/mp4",
                "sha256": sha,
                "size": size,
            }
            doc["attachments"] = [*doc.get("attachments", []), meta]
            field.store.cases.save([doc])
            with field.store.engine.begin() as conn:
                conn.execute(
                    update(Attachment)
                    .where(Attachment.case_id == doc["id"], Attachment.id == meta["id"])
                    .values(blob_name=name)
                )
    field.lock()
    hq.lock()
    return {"cases": n, "field_save_s": round(save_s, 2)}


def step_export(work: Path) -> dict[str, Any]:
    from desktop.sync import service

    field = _unlock(work / "field")
    t0, c0, h0 = time.perf_counter(), time.process_time(), _children_cpu_s()
    result = service.export_bundle(field, work / "out")
    elapsed, cpu = time.perf_counter() - t0, time.process_time() - c0
    helper = _children_cpu_s() - h0
    field.lock()
    assert result.path is not None
    return {
        "export_s": round(elapsed, 2),
        "export_cpu_s": round(cpu, 2),
        # Helper processes on the other core: part of the records (desktop/sync/records.py)
        # and the attachments' SHA-256 re-check (desktop/sync/recheck.py): their CPU time,
        # not in export_cpu_s.
        "export_helper_cpu_s": round(helper, 2),
        "bundle_bytes": result.size,
        "cases": result.cases,
        "attachments": result.attachments,
        "export_peak_rss_mib": round(peak_rss_mib(), 1),
    }


def _children_cpu_s() -> float:
    import resource

    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def server_cpu_s(db_url: str | None) -> float | None:
    """CPU seconds used so far by the PostgreSQL server of ``db_url`` (a bench_sync cluster:
    its data folder is ``<socket dir>/data``): the postmaster, its live backends and the
    backends it reaped (cutime/cstime). None when not measurable."""
    import re

    m = re.search(r"host=([^&]+)", db_url or "")
    if not m:
        return None
    try:
        pid = int((Path(m.group(1)) / "data" / "postmaster.pid").read_text().split()[0])
    except (OSError, ValueError, IndexError):
        return None
    tick = os.sysconf("SC_CLK_TCK")

    def fields(p: int) -> list[str]:
        with open(f"/proc/{p}/stat", encoding="ascii") as fh:
            return fh.read().rsplit(")", 1)[1].split()

    total = 0
    f = fields(pid)
    total += sum(int(x) for x in f[11:15])  # utime stime cutime cstime
    for entry in os.listdir("/proc"):
        if not entry.isdigit() or int(entry) == pid:
            continue
        try:
            g = fields(int(entry))
        except OSError:
            continue
        if int(g[1]) == pid:  # ppid
            total += int(g[11]) + int(g[12])
    return total / tick


def step_import(work: Path, db_url: str | None) -> dict[str, Any]:
    from desktop.sync import service

    hq = _unlock(work / "hq")
    # The unlock's own peak (Argon2's memory) is reported apart from the import's.
    unlock_peak = peak_rss_mib()
    reset = reset_peak_rss()
    s0 = server_cpu_s(db_url)
    t0, c0 = time.perf_counter(), time.process_time()
    (result,) = service.import_bundles(hq, [work / "out"])
    elapsed, cpu = time.perf_counter() - t0, time.process_time() - c0
    s1 = server_cpu_s(db_url)
    hq.lock()
    server = {} if s0 is None or s1 is None else {"import_server_cpu_s": round(s1 - s0, 2)}
    return {
        "import_s": round(elapsed, 2),
        "import_cpu_s": round(cpu, 2),
        **server,
        "created": result.created,
        "import_peak_rss_mib": round(max(unlock_peak, peak_rss_mib()), 1),
        "import_unlock_peak_rss_mib": round(unlock_peak, 1),
        **({"import_only_peak_rss_mib": round(peak_rss_mib(), 1)} if reset else {}),
    }


def step_raw(size: int) -> dict[str, Any]:
    """pyrage alone, streaming the same number of bytes: the base of the ratios."""
    import pyrage

    identity = pyrage.x25519.Identity.generate()
    block = os.urandom(1024 * 1024)

    class Source(io.RawIOBase):
        def __init__(self) -> None:
            super().__init__()
            self.left = size

        def readable(self) -> bool:
            return True

        def readinto(self, b: Any) -> int:
            view = memoryview(b).cast("B")
            n = min(len(view), self.left, len(block))
            view[:n] = block[:n]
            self.left -= n
            return n

    class Sink:
        def write(self, b: bytes) -> int:
            return len(b)

        def flush(self) -> None:
            return None

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "raw.age"
        t0, c0 = time.perf_counter(), time.process_time()
        with open(path, "wb") as fh:
            pyrage.encrypt_io(Source(), fh, [identity.to_public()])
        enc, enc_cpu = time.perf_counter() - t0, time.process_time() - c0
        t0, c0 = time.perf_counter(), time.process_time()
        with open(path, "rb") as fh:
            pyrage.decrypt_io(fh, Sink(), [identity])
        dec, dec_cpu = time.perf_counter() - t0, time.process_time() - c0
    return {
        "raw_encrypt_s": round(enc, 3),
        "raw_encrypt_cpu_s": round(enc_cpu, 3),
        "raw_decrypt_s": round(dec, 3),
        "raw_decrypt_cpu_s": round(dec_cpu, 3),
    }


STEPS = {"setup", "export", "import", "raw"}


def child(argv: list[str]) -> None:
    step, work = argv[0], Path(argv[1])
    if step == "setup":
        out = step_setup(work, int(argv[2]), int(argv[3]), argv[4] or None)
    elif step == "export":
        out = step_export(work)
    elif step == "import":
        out = step_import(work, argv[2] or None)
    else:
        out = step_raw(int(argv[2]))
    print(json.dumps(out))


def run(*args: str) -> dict[str, Any]:
    proc = subprocess.run(
        [sys.executable, __file__, "--step", *args], capture_output=True, text=True, check=False
    )
    if proc.returncode != 0:
        sys.stderr.write(proc.stderr)
        raise SystemExit(f"step {args[0]} failed")
    result: dict[str, Any] = json.loads(proc.stdout.strip().splitlines()[-1])
    return result


def settle() -> None:
    """Write back every dirty page, then wait a moment, before a timed step.

    Why: each step writes about a gigabyte (the copy of the pristine vault, the bundle, the
    raw run's file). On the development VM the host's work for that disk traffic slowed
    whichever step came next: raw pyrage measured 1.3–4.1 s of *CPU* for the same bytes
    in one --repeat 5 run, the export beside it 2.6–3.4 s. Each timed step now starts on
    a machine whose disk is quiet; both sides of the ratio are measured the same way.
    """
    os.sync()
    time.sleep(float(os.environ.get("TD_BENCH_SETTLE_S", "5")))


def _median(values: list[float]) -> float:
    ordered = sorted(values)
    mid = len(ordered) // 2
    return ordered[mid] if len(ordered) % 2 else (ordered[mid - 1] + ordered[mid]) / 2


def bench(
    n: int, attach_mib: int, db_url: str | None, label: str, repeat: int = 1
) -> dict[str, Any]:
    """One setup; ``repeat`` exports, each of the same pristine field vault and each right
    before a raw pyrage run on the same number of bytes (both see about the same load on a
    shared machine); the median of each figure and of the per-run ratios; one import."""
    work = Path(tempfile.mkdtemp(prefix="td-bench-sync-"))
    try:
        figures: dict[str, Any] = {"hq_store": label, "attach_mib": attach_mib}
        figures["loadavg_start"] = [round(x, 2) for x in os.getloadavg()]
        figures.update(run("setup", str(work), str(n), str(attach_mib), db_url or ""))
        if repeat > 1:
            shutil.copytree(work / "field", work / "field.pristine")
        runs: list[dict[str, Any]] = []
        for i in range(repeat):
            if i:
                shutil.rmtree(work / "field")
                shutil.rmtree(work / "out")
                shutil.copytree(work / "field.pristine", work / "field")
            settle()
            one = run("export", str(work))
            settle()
            one.update(run("raw", str(work), str(one["bundle_bytes"])))
            runs.append(one)
        figures.update(runs[-1])
        keys = ("export_s", "export_cpu_s", "export_helper_cpu_s", "raw_encrypt_s")
        for key in (*keys, "raw_encrypt_cpu_s"):
            figures[key] = round(_median([r[key] for r in runs]), 3)
        figures["export_peak_rss_mib"] = max(r["export_peak_rss_mib"] for r in runs)
        settle()
        figures.update(run("import", str(work), db_url or ""))
        figures["export_vs_raw_encrypt"] = round(
            _median([r["export_s"] / r["raw_encrypt_s"] for r in runs]), 2
        )
        figures["import_vs_raw_decrypt"] = round(figures["import_s"] / figures["raw_decrypt_s"], 1)
        figures["export_vs_raw_encrypt_cpu"] = round(
            _median([r["export_cpu_s"] / r["raw_encrypt_cpu_s"] for r in runs]), 2
        )
        # The fastest of each side: on a host whose speed comes and goes, a run is only ever
        # slowed down, so the minima compare the two at their best.
        figures["export_min_s"] = min(r["export_s"] for r in runs)
        figures["raw_encrypt_min_s"] = min(r["raw_encrypt_s"] for r in runs)
        figures["export_min_vs_raw_min"] = round(
            figures["export_min_s"] / figures["raw_encrypt_min_s"], 2
        )
        if repeat > 1:
            figures["export_runs"] = [
                {
                    "export_s": r["export_s"],
                    "export_cpu_s": r["export_cpu_s"],
                    "export_helper_cpu_s": r["export_helper_cpu_s"],
                    "raw_encrypt_s": r["raw_encrypt_s"],
                    "raw_encrypt_cpu_s": r["raw_encrypt_cpu_s"],
                }
                for r in runs
            ]
        figures["loadavg_end"] = [round(x, 2) for x in os.getloadavg()]
        return figures
    finally:
        shutil.rmtree(work, ignore_errors=True)


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "--step":
        child(sys.argv[2:])
        return
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=10_000)
    parser.add_argument("--attach-mib", type=int, default=0)
    parser.add_argument("--pg", action="store_true", help="also with the HQ store on PostgreSQL")
    parser.add_argument(
        "--repeat",
        type=int,
        default=1,
        help="export (and raw pyrage) this many times, medians reported (a loaded machine)",
    )
    args = parser.parse_args()
    rows = [bench(args.cases, args.attach_mib, None, "sqlcipher", args.repeat)]
    if args.pg:
        from pg_cluster import PgCluster

        with PgCluster() as cluster:
            url = cluster.create_database()
            rows.append(bench(args.cases, args.attach_mib, url, "postgresql", args.repeat))
    for row in rows:
        print(json.dumps(row, indent=2))


if __name__ == "__main__":
    main()
