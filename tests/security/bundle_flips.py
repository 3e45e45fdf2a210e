"""Single-bit flips in sync bundles (test_bundle_tamper.py, bench/bundle_tamper_soak.py).

A bundle is an age file (X25519 recipients, ChaCha20-Poly1305 in 64 KiB chunks, header
MAC) holding the signed, hashed frames of docs/bundle-format.md. Every bit of the file is
therefore covered twice: by age's authentication, and inside it by the manifest signature
and the per-record hashes. A flip must always be refused with an IntegrityError (exit 5);
*undetected* means the HQ imported something from a damaged file (a silent read).
"""

from __future__ import annotations

import random
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

PASSPHRASE = "bundle flip passphrase, invented"  # noqa: S105


@dataclass
class BundlePair:
    field: Any
    hq: Any
    bundle: bytes
    header_len: int  # bytes of age's text header (up to and including the MAC line)
    cases: int

    def lock(self) -> None:
        self.field.lock()
        self.hq.lock()


def make_bundle(folder: Path, cases: int, rng: random.Random) -> BundlePair:
    """An HQ and a field vault, enrolled and approved, and one bundle of ``cases`` cases."""
    from sectools import synthetic_case

    from desktop.app import create_vault
    from desktop.interchange.case_format import normalize_case
    from desktop.sync import service

    hq, _ = create_vault(folder / "hq", PASSPHRASE, hq=True, name="Synthetic HQ")
    field_, _ = create_vault(folder / "field", PASSPHRASE)
    service.write_hq_key(hq, folder / "hq-key.json")
    service.enroll(field_, service.read_hq_key(folder / "hq-key.json"))
    service.approve(hq, service.whoami(field_))
    docs = []
    for i in range(1, cases + 1):
        doc = normalize_case(synthetic_case(f"TD-2001-{i:04d}", rng))
        for t in doc.get("testimonies", []):
            t["consent"]["share_with_hq"] = True
        docs.append(doc)
    field_.store.cases.save(docs)
    result = service.export_bundle(field_, folder / "out")
    assert result.path is not None and result.cases == cases
    data = result.path.read_bytes()
    marker = data.find(b"\n---")
    header_len = data.index(b"\n", marker + 1) + 1
    return BundlePair(field_, hq, data, header_len, cases)


@dataclass
class FlipStats:
    flips: int = 0
    outcomes: Counter[str] = field(default_factory=Counter)
    regions: Counter[str] = field(default_factory=Counter)
    problems: list[str] = field(default_factory=list)

    @property
    def detected(self) -> int:
        return self.outcomes["detected (exit 5)"]


def flip_and_import(pair: BundlePair, work: Path, offset: int, bit: int) -> str:
    """Import a copy of the bundle with one bit flipped; return the verdict."""
    from desktop.errors import IntegrityError, TestimonyDeskError
    from desktop.sync import service

    data = bytearray(pair.bundle)
    data[offset] ^= 1 << bit
    path = work / "flipped.tdb"
    path.write_bytes(bytes(data))
    try:
        result = service.import_bundle(pair.hq, path)
    except IntegrityError:
        return "detected (exit 5)"
    except TestimonyDeskError as exc:
        return f"misreported (exit {exc.exit_code})"
    except Exception as exc:
        return f"crashed ({type(exc).__name__})"
    finally:
        path.unlink(missing_ok=True)
    return "undetected (already)" if result.already else "undetected (imported)"


def run_flips(pair: BundlePair, work: Path, flips: int, rng: random.Random) -> FlipStats:
    stats = FlipStats()
    work.mkdir(parents=True, exist_ok=True)
    for _ in range(flips):
        offset = rng.randrange(len(pair.bundle))
        bit = rng.randrange(8)
        verdict = flip_and_import(pair, work, offset, bit)
        stats.flips += 1
        stats.outcomes[verdict] += 1
        stats.regions["age header" if offset < pair.header_len else "age payload"] += 1
        if verdict != "detected (exit 5)":
            stats.problems.append(f"offset {offset} bit {bit}: {verdict}")
    return stats


def hq_case_count(pair: BundlePair) -> int:
    return int(pair.hq.store.cases.count())
