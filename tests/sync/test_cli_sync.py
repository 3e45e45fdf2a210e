"""The ``sync`` commands end to end through the real program: output and exit codes.

Why: field workers and HQ staff follow these messages; the fingerprint printed by ``sync
whoami`` (last line) must be accepted as is by ``sync devices --approve``, and every
refusal must be one ``error:`` line with the contract's exit code (DESIGN §6).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from conftest import synth_cases

from desktop.interchange.case_json import dump_cases


@pytest.fixture
def two(tmp_path: Path, passphrase_file: Path, cli: Any) -> tuple[Any, Any]:
    """A field and an HQ vault, each driven through the real program (tests/conftest CLI)."""
    hq = type(cli)(tmp_path / "hq", passphrase_file)
    field = type(cli)(tmp_path / "field", passphrase_file)
    assert hq("init", "--hq", "--name", "Synthetic HQ").code == 0
    assert field("init").code == 0
    return field, hq


def test_sync_commands_end_to_end(two: tuple[Any, Any], tmp_path: Path) -> None:
    field, hq = two
    who = field("sync", "whoami")
    assert who.code == 0, who.err
    fingerprint = who.out.strip().splitlines()[-1]
    assert len(fingerprint) == 39 and fingerprint.count(" ") == 7

    key = tmp_path / "hq-key.json"
    r = hq("sync", "hq-key", "--out", str(key))
    assert r.code == 0, r.err
    hq_fp = hq("sync", "whoami").out.strip().splitlines()[-1]
    assert hq_fp in r.out

    r = field("sync", "enroll", str(key))
    assert r.code == 2 and r.err.startswith("error:") and "--yes" in r.err
    assert hq_fp in r.out
    r = field("sync", "enroll", str(key), "--yes")
    assert r.code == 0, r.err

    docs = synth_cases(4, seed=8)
    for t in docs[0]["testimonies"] or []:
        t["consent"]["share_with_hq"] = False
    if not docs[0]["testimonies"]:
        docs[0]["testimonies"] = [
            {
                "by": docs[0]["persons"][0]["key"],
                "consent": {
                    "record": True,
                    "share_with_hq": False,
                    "use_in_appeals": False,
                    "publish": "no",
                },
            }
        ]
    cases = tmp_path / "cases.json"
    cases.write_bytes(dump_cases(docs, "json"))
    assert field("import", str(cases)).code == 0

    out = tmp_path / "usb"
    r = field("sync", "export", "--out", str(out))
    assert r.code == 0, r.err
    assert "left out 1 case" in r.out and "3 cases" in r.out
    bundle = Path(r.out.strip().splitlines()[-1])
    assert (
        bundle.parent == out
        and bundle.name == fingerprint.replace(" ", "")[:8].lower() + "-000001.tdb"
    )
    for doc in docs:  # neutral file name and no plaintext names in the file
        assert doc["reference"] not in bundle.name
    raw = bundle.read_bytes()
    assert docs[1]["persons"][0]["names"][0]["value"].encode() not in raw

    r = hq("sync", "import", str(out))
    assert r.code == 5 and r.err.count("\n") == 1 and fingerprint in r.err, r.err
    r = hq("sync", "devices")
    assert fingerprint in r.out and "PENDING" in r.out
    r = hq("sync", "devices", "--approve", fingerprint)
    assert r.code == 0, r.err
    r = hq("sync", "import", str(out))
    assert r.code == 0, r.err
    assert "[1/1]" in r.out and "3 new" in r.out
    r = hq("sync", "import", str(bundle))
    assert r.code == 0 and "already imported" in r.out

    flipped = tmp_path / "flipped.tdb"
    data = bytearray(raw)
    data[len(data) // 2] ^= 1
    flipped.write_bytes(bytes(data))
    r = hq("sync", "import", str(flipped))
    assert r.code == 5 and r.err.startswith("error:") and "damaged" in r.err

    r = hq("sync", "conflicts", "--json")
    assert r.code == 0 and json.loads(r.out) == []
    ack = tmp_path / "ack.tda"
    r = hq("sync", "ack", "--device", fingerprint, "--out", str(ack))
    assert r.code == 0, r.err
    r = field("sync", "import-ack", str(ack))
    assert r.code == 0 and "3 cases marked" in r.out, r.err
    r = field("sync", "import", str(bundle))
    assert r.code == 2 and "HQ vault" in r.err
