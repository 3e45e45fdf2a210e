"""Attachments: add (encrypt into blobs/) and export of one large file, with a baseline.

Prints wall time, CPU time (this process) and throughput for: reading + SHA-256 of the
source file alone (the floor: the work any tool has to do), ``AttachmentService.add``
(read, SHA-256, chunked AES-256-GCM, fsync, one transaction) and ``export`` (decrypt,
SHA-256 check, fsync, rename); then the peak RSS of the process, to show that memory does
not grow with the file (streamed in 1 MiB reads, 64 KiB chunks).

    .venv/bin/python bench/bench_attachments.py [--mib 1024] [--dir /tmp]

Synthetic data only (random bytes); the vault is created in a temporary folder under
``--dir`` with the Argon2 floor cost and deleted afterwards.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def _reset_peak() -> bool:
    """Reset the kernel's peak-RSS mark of this process (Linux; False where unsupported)."""
    try:
        Path("/proc/self/clear_refs").write_text("5")
    except OSError:
        return False
    return True


def _rss_mib(field: str) -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) / 1024
    return float("nan")


def _measure(label: str, size: int, fn: Callable[[], Any]) -> Any:
    wall0, cpu0 = time.perf_counter(), time.process_time()
    result = fn()
    wall, cpu = time.perf_counter() - wall0, time.process_time() - cpu0
    mib = size / 1024**2
    print(
        f"{label:<34} wall {wall:7.2f} s  cpu {cpu:7.2f} s  "
        f"{mib / wall:7.1f} MiB/s wall  {mib / cpu if cpu else float('inf'):7.1f} MiB/s cpu"
    )
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mib", type=int, default=1024, help="file size in MiB")
    parser.add_argument("--dir", default=tempfile.gettempdir(), help="where to work")
    args = parser.parse_args()
    os.environ.setdefault("TESTIMONY_DESK_ARGON2_MEMORY_KIB", str(64 * 1024))

    from desktop.app import create_vault
    from desktop.attachments import AttachmentService
    from desktop.interchange.case_format import normalize_case

    work = Path(tempfile.mkdtemp(prefix="bench-attach-", dir=args.dir))
    try:
        source = work / "video.bin"
        block = os.urandom(1024 * 1024)
        with source.open("wb") as fh:
            for i in range(args.mib):
                fh.write(block[i % 7 :] + block[: i % 7])  # not the same MiB twice
        size = source.stat().st_size
        print(f"file: {args.mib} MiB of synthetic bytes; Python {sys.version.split()[0]}")

        def read_and_hash() -> str:
            sha = hashlib.sha256()
            with source.open("rb") as fh:
                while chunk := fh.read(1024 * 1024):
                    sha.update(chunk)
            return sha.hexdigest()

        digest = _measure("baseline: read + SHA-256", size, read_and_hash)
        session, _recovery = create_vault(work / "vault", "bench passphrase for attachments")
        try:
            case_id = session.store.cases.save(
                [
                    normalize_case(
                        {"persons": [{"key": "p1", "role": "detained", "names": [{"value": "X"}]}]}
                    )
                ]
            ).ids[0]
            service = AttachmentService.for_session(session)
            # Argon2 (64 MiB here) and the imports are done: measure the runs alone.
            reset = _reset_peak()
            rss_before = _rss_mib("VmRSS")
            info = _measure("add (encrypt into blobs/)", size, lambda: service.add(case_id, source))
            assert info.sha256 == digest
            blob = next((work / "vault" / "blobs").iterdir())
            overhead = blob.stat().st_size - size
            print(f"{'':<34} blob overhead {overhead} bytes ({overhead / size:.4%})")
            out = work / "export.bin"
            _measure(
                "export (decrypt, check, rename)",
                size,
                lambda: service.export(case_id, info.id, out),
            )
            assert read_and_hash() == digest
            if reset:
                print(
                    f"peak RSS during add + export {_rss_mib('VmHWM'):.0f} MiB "
                    f"(RSS before them {rss_before:.0f} MiB)"
                )
        finally:
            session.lock()
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
