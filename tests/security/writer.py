"""Crash-test writer: open a vault and save cases until killed.

Usage: ``python tests/security/writer.py VAULT PASSPHRASE_FILE PREFIX``

It unlocks the vault exactly as the CLI does (Argon2id, integrity check, migrations),
prints ``ready``, then saves one case per transaction, printing ``committed <reference>``
only AFTER ``save`` has returned, and flushing at once. The crash tests kill it with
SIGKILL at random moments: a reference printed here was acknowledged to the user, so it
must survive the crash; one not yet printed may or may not be there.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # the repository root
sys.path.insert(0, str(Path(__file__).resolve().parent))

from sectools import synthetic_case

from desktop.app import unlock
from desktop.interchange.case_format import normalize_case


def main(argv: list[str]) -> int:
    if len(argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    vault, passphrase_file, prefix = Path(argv[0]), Path(argv[1]), argv[2]
    passphrase = passphrase_file.read_text(encoding="utf-8").splitlines()[0]
    rng = random.Random(prefix)
    session = unlock(vault, passphrase=passphrase)
    print("ready", flush=True)
    number = 0
    while True:
        number += 1
        reference = f"{prefix}-{number:05d}"
        doc = normalize_case(synthetic_case(reference, rng))
        session.store.cases.save([doc], source="crash writer")
        sys.stdout.write(f"committed {reference}\n")
        sys.stdout.flush()


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
