"""``testimony-desk attach add|list|export|rm``: the real program in a subprocess."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from desktop.attachments import PREVIEW_MAX_BYTES

CASE = {
    "reference": "TD-2026-0007",
    "persons": [{"key": "p1", "role": "detained", "names": [{"value": "Invented Person"}]}],
}


def test_attach_add_list_export_rm(initialized: Any, tmp_path: Path) -> None:
    cli = initialized
    case_file = tmp_path / "case.json"
    case_file.write_text(json.dumps(CASE), encoding="utf-8")
    assert cli("import", str(case_file)).code == 0
    originals = tmp_path / "originals"
    originals.mkdir()
    scan = originals / "scan.pdf"
    data = b"%PDF-1.4 CANARY-CLI-ATTACHMENT " + os.urandom(200_000)
    scan.write_bytes(data)
    note = originals / "note.txt"
    note.write_text("an invented note", encoding="utf-8")

    added = cli("attach", "add", "TD-2026-0007", str(scan), str(note), "--caption", "c")
    assert added.code == 0, added.err
    assert "added scan.pdf" in added.out and "application/pdf" in added.out
    assert "still outside the vault" in added.out and str(scan) in added.out
    assert scan.read_bytes() == data  # the original is untouched
    blobs = list((cli.vault / "blobs").iterdir())
    assert len(blobs) == 2
    assert all(b"CANARY-CLI-ATTACHMENT" not in b.read_bytes() for b in blobs)

    listed = cli("attach", "list", "TD-2026-0007", "--json")
    assert listed.code == 0, listed.err
    items = json.loads(listed.out)
    assert [(i["number"], i["filename"], i["caption"], i["stored"]) for i in items] == [
        (1, "scan.pdf", "c", True),
        (2, "note.txt", "c", True),
    ]

    out = tmp_path / "chosen" / "copy.pdf"
    out.parent.mkdir()
    exported = cli("attach", "export", "TD-2026-0007", "1", "--out", str(out))
    assert exported.code == 0, exported.err
    assert out.read_bytes() == data
    assert sorted(p.name for p in out.parent.iterdir()) == ["copy.pdf"]
    # Never into the vault folder.
    inside = cli("attach", "export", "TD-2026-0007", "1", "--out", str(cli.vault / "x.pdf"))
    assert inside.code == 2 and inside.err.startswith("error:")

    removed = cli("attach", "rm", "TD-2026-0007", items[1]["id"][:8])
    assert removed.code == 0, removed.err
    assert len(list((cli.vault / "blobs").iterdir())) == 1
    listed = cli("attach", "list", "TD-2026-0007")
    assert listed.out.count("\n") == 1 and "scan.pdf" in listed.out

    missing = cli("attach", "rm", "TD-2026-0007", "7")
    assert missing.code == 1 and missing.err.startswith("error: no attachment number 7")
    no_case = cli("attach", "list", "TD-1999-0001")
    assert no_case.code == 1
    usage = cli("attach")
    assert usage.code == 2


def test_attach_over_the_limit_is_exit_4_and_writes_nothing(
    initialized: Any, tmp_path: Path
) -> None:
    cli = initialized
    case_file = tmp_path / "case.json"
    case_file.write_text(json.dumps(CASE), encoding="utf-8")
    assert cli("import", str(case_file)).code == 0
    # The default limit is 2 GiB: a sparse file of 2 GiB + 1 byte costs no disk space.
    big = tmp_path / "big.bin"
    with big.open("wb") as fh:
        fh.truncate(2 * 1024**3 + 1)
    result = cli("attach", "add", "TD-2026-0007", str(big))
    assert result.code == 4
    assert result.err.startswith("error: ") and "limit" in result.err
    assert result.err.count("\n") == 1
    assert not (cli.vault / "blobs").exists() or not list((cli.vault / "blobs").iterdir())
    assert PREVIEW_MAX_BYTES < 2 * 1024**3
