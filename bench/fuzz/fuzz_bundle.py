"""atheris harness: the bundle importer's parsing layers.

Two targets (``TD_FUZZ_TARGET``):

* ``layer`` (default): the input is the *decrypted* bundle (frames, manifest, records,
  attachments, padding). It goes through ``BundleParser`` and the record parser
  (``service._parse_records``: JSON → case format → hashes against the manifest) exactly as
  ``import_bundle`` runs them, except that the manifest's **signature is not checked** —
  that makes the harness stand for the worst sender, a field device (or a stolen key) that
  signs whatever it likes, and lets the fuzzer reach past the signature.
* ``file``: the input is a whole ``.tdb`` file given to the real ``import_bundle`` of an HQ
  vault (age header and payload parsing in pyrage, then everything above with the real
  signature check).

Any input must end in a typed error (IntegrityError / InvalidInputError) or a parse
result; anything else is a crash. Long run (see bench/README.md)::

    python bench/fuzz/fuzz_bundle.py --seed-corpus bench/fuzz/corpus/bundle
    python bench/fuzz/fuzz_bundle.py bench/fuzz/corpus/bundle -runs=100000 -timeout=5 \\
        -rss_limit_mb=512 -max_len=262144 -print_final_stats=1
"""

from __future__ import annotations

import hashlib
import os
import sys
import tempfile
from pathlib import Path
from typing import Any

from common import isolate, write_seed

isolate()

import atheris  # noqa: E402

with atheris.instrument_imports(include=["desktop"]):
    from desktop.errors import TestimonyDeskError
    from desktop.sync import bundle as fmt
    from desktop.sync import service

TARGET = os.environ.get("TD_FUZZ_TARGET", "layer")
PASSPHRASE = "fuzz passphrase, invented"  # noqa: S105
LIMITS = fmt.Limits()


class MemorySink:
    def __init__(self) -> None:
        self.h = hashlib.sha256()
        self.n = 0

    def write(self, data: bytes) -> int:
        self.h.update(data)
        self.n += len(data)
        return len(data)

    def close(self) -> tuple[str, str, int]:
        return "memory", self.h.hexdigest(), self.n

    def abort(self) -> None:
        pass


def parse_layer(data: bytes) -> None:
    def authenticate(raw: bytes, _signature: bytes) -> fmt.Manifest:
        return fmt.parse_manifest(raw, LIMITS)  # signature deliberately not checked

    parser = fmt.BundleParser(authenticate, lambda _e: MemorySink(), LIMITS)
    try:
        for i in range(0, len(data), 4096):  # fed in pieces, as pyrage does
            parser.write(data[i : i + 4096])
        parsed = parser.finish()
        service._parse_records("fuzz.tdb", parsed)
    except TestimonyDeskError:
        parser.abort()


_world: dict[str, Any] = {}


def hq_world() -> dict[str, Any]:
    if not _world:
        import random

        from bundle_flips import make_bundle

        folder = Path(tempfile.mkdtemp(prefix="td-fuzz-bundle-"))
        pair = make_bundle(folder, 3, random.Random(5))
        _world.update(pair=pair, work=folder / "in.tdb")
    return _world


def import_file(data: bytes) -> None:
    world = hq_world()
    path: Path = world["work"]
    path.write_bytes(data)
    try:
        result = service.import_bundle(world["pair"].hq, path)
    except TestimonyDeskError:
        return
    if not result.already:
        raise AssertionError("a fuzzed file was imported (only the seed itself may be)")


def TestOneInput(data: bytes) -> None:
    if TARGET == "file":
        import_file(data)
    else:
        parse_layer(data)


def seed(corpus: Path) -> None:
    import random

    from bundle_flips import make_bundle

    folder = Path(tempfile.mkdtemp(prefix="td-fuzz-seed-"))
    pair = make_bundle(folder, 3, random.Random(5))
    try:
        import pyrage

        from desktop.sync.identity import load_identity

        inner = pyrage.decrypt(pair.bundle, load_identity(pair.hq).age_identities())
        end = inner.rindex(b"E\x00\x00\x00\x00") + 5
        write_seed(corpus, "layer-3-cases.bin", inner[:end])
        write_seed(corpus, "file-3-cases.tdb", pair.bundle)
    finally:
        pair.lock()


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--seed-corpus":
        seed(Path(sys.argv[2]))
        raise SystemExit(0)
    if TARGET == "file":
        hq_world()  # two vaults (Argon2): before the fuzzer's per-input timeout starts
    atheris.Setup(sys.argv, TestOneInput)
    atheris.Fuzz()
