"""No plaintext on disk: canary names never reach the vault, $HOME or $TMPDIR unencrypted.

Canaries are invented strings made unique per run by a random hex part, in Latin and in
Cyrillic (with Kazakh letters), put into names, narrative and notes. After a realistic
session of commands (init, import, list, search, show, passwd, a write through an open
in-process session) every file under the vault, $HOME and $TMPDIR (the isolated ones of
tests/conftest.py; $TMPDIR lies inside $HOME) is scanned for each canary as UTF-8,
UTF-16 and base64 of its UTF-8 bytes at the three alignments, and also for its search
forms (case-folded, transliterated) that the full-text index stores.

``export`` writes plaintext by design (the user asks for a file); the export goes to a
folder outside the scanned ones and serves as the positive control: the same scanner must
find the canary there, so a scanner that finds nothing cannot pass the test.
The import files lie outside the scanned folders too, for the same reason.
"""

from __future__ import annotations

import base64
import json
import os
import random
import secrets
from pathlib import Path
from typing import Any

import pytest
from sectools import (
    SQLITE_PLAINTEXT_HEADER,
    files_under,
    needles_for,
    recovery_key_from,
    scan,
    synthetic_case,
    write_json,
)

from desktop.domain.names import fold, transliterate

NEW_PASSPHRASE = "another long passphrase for the leak test"  # noqa: S105


@pytest.mark.parametrize("shift", [0, 1, 2, 5])
def test_scanner_finds_every_encoding(tmp_path: Path, shift: int) -> None:
    """The scanner itself: each form is found wherever it sits in a file."""
    canary = "Қанарбек Жылқышиев-" + secrets.token_hex(4)
    raw = canary.encode()
    blobs = {
        "utf8": b"x" * shift + raw + b"y",
        "utf16": b"x" * shift + canary.encode("utf-16-le") + b"y",
        "b64": base64.b64encode(os.urandom(shift) + raw + os.urandom(3)),
    }
    for name, data in blobs.items():
        (tmp_path / name).write_bytes(data)
    found = {path.name for path, _label in scan([tmp_path], needles_for(canary))}
    assert found == set(blobs)
    (tmp_path / "clean").write_bytes(b"nothing here")
    assert not [h for h in scan([tmp_path / "clean"], needles_for(canary))]


def _needles(canaries: list[str]) -> dict[str, bytes]:
    needles: dict[str, bytes] = {}
    for canary in canaries:
        for form in {canary, fold(canary), transliterate(canary)}:
            needles.update(needles_for(form))
    return needles


def test_no_canary_on_disk(
    cli: Any,
    vault_dir: Path,
    passphrase_file: Path,
    tmp_path: Path,
    isolated_home: Path,
) -> None:
    from desktop.app import unlock
    from desktop.interchange.case_format import normalize_case

    tag = secrets.token_hex(6)
    latin = f"Qanarbek Zhylqyshiev{tag}"
    cyrillic = f"Қанарбек Жылқышиев{tag}"
    hex_only = tag  # even the unique part alone must not appear
    rng = random.Random(tag)
    cases = [
        synthetic_case(
            "TD-1999-0001",
            rng,
            latin_name=latin,
            cyrillic_name=cyrillic,
            narrative_extra=f"My brother {latin} ({cyrillic}) was taken away.",
        )
    ]
    cases += [synthetic_case(f"TD-1999-{i:04d}", rng) for i in range(2, 80)]
    outside = tmp_path / "outside"  # not scanned: input and export files live here
    import_file = write_json(outside / "cases.json", cases)
    roots = [vault_dir, isolated_home, Path(os.environ["TMPDIR"])]
    assert all(not str(outside).startswith(str(root)) for root in roots)

    init = cli("init")
    assert init.code == 0, init.err
    recovery = outside / "recovery.txt"
    recovery.write_text(recovery_key_from(init.out) + "\n", "utf-8")
    assert cli("import", str(import_file)).code == 0
    listed = cli("list")
    assert listed.code == 0 and tag in listed.out, listed
    for query in (latin, cyrillic, transliterate(cyrillic), "qanarbek"):
        found = cli("search", query, "--json")
        assert found.code == 0, found.err
        assert "TD-1999-0001" in found.out, (query, found.out)
    shown = cli("show", "TD-1999-0001", "--json")
    assert shown.code == 0 and cyrillic in shown.out, shown.err
    assert cli("show", "TD-1999-0001").code == 0
    new_pass = outside / "new-passphrase.txt"
    new_pass.write_text(NEW_PASSPHRASE + "\n", "utf-8")
    assert cli("passwd", "--new-passphrase-file", str(new_pass)).code == 0
    by_key = cli("--recovery-key-file", str(recovery), "list", unlock=False)
    assert by_key.code == 0, by_key.err

    export = outside / "export.json"
    cli.passphrase_file = new_pass
    exported = cli("export", "--out", str(export))
    assert exported.code == 0, exported.err

    needles = _needles([latin, cyrillic, hex_only])
    # Positive control: the export is plaintext by design, and the scanner sees it there.
    assert scan([export], needles), "the scanner did not find the canary in the export"

    # An open session that has just written: the WAL holds the new pages. Scan now too.
    session = unlock(vault_dir, passphrase=NEW_PASSPHRASE)
    try:
        doc = normalize_case(json.loads(shown.out))
        doc["notes"] = f"Updated: {latin} / {cyrillic}"
        session.store.cases.save([doc])
        wal = vault_dir / "cases.db-wal"
        assert wal.exists() and wal.stat().st_size > 0, "expected a WAL while the session is open"
        hits = scan(roots, needles)
        assert not hits, f"plaintext while a session is open: {hits[:5]}"
    finally:
        session.lock()

    hits = scan(roots, needles)
    assert not hits, f"canary found in plaintext: {hits[:10]}"
    with (vault_dir / "cases.db").open("rb") as fh:
        assert fh.read(16) != SQLITE_PLAINTEXT_HEADER
    wal = vault_dir / "cases.db-wal"
    if wal.exists():
        assert not scan([wal], needles)
    # The scan really covered the vault (a wrong root would pass vacuously).
    assert {p.name for p in files_under(vault_dir)} >= {"vault.json", "cases.db"}
