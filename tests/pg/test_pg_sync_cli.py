"""Field → HQ through the real program, with the HQ store on a real PostgreSQL server.

Why: on a PostgreSQL HQ the HQ's identity keys live sealed in vault.json while the cases,
devices and bundles seen live on the server; only the whole path — hq-key, enroll, export,
unknown device, approve, import, replay, list/show — run as separate processes proves that
each piece finds its data in the right place after a fresh unlock.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[2]
EXAMPLE = REPO / "tests" / "data" / "case-example.json"
REF = "TD-2026-0001"


def ok(result: Any) -> str:
    assert result.code == 0, result.err
    return str(result.out)


def test_bundle_from_the_field_into_a_postgresql_hq(cli: Any, pg_url: str, tmp_path: Path) -> None:
    field = cli
    hq = cli.__class__(tmp_path / "hq-vault", cli.passphrase_file)
    ok(hq("init", "--hq", "--name", "Synthetic HQ", "--db-url", pg_url))
    ok(field("init"))

    key_file = tmp_path / "hq-key.json"
    out = ok(hq("sync", "hq-key", "--out", str(key_file)))
    assert "HQ fingerprint" in out
    # The HQ's private keys are sealed in vault.json, not on the server.
    header = json.loads((hq.vault / "vault.json").read_text("utf-8"))
    assert "sealed" in header
    ok(field("sync", "enroll", str(key_file), "--yes"))

    ok(field("import", str(EXAMPLE)))
    bundles = tmp_path / "usb"
    out = ok(field("sync", "export", "--out", str(bundles)))
    bundle = Path(out.strip().splitlines()[-1])
    assert bundle.exists() and bundle.parent == bundles

    # Unknown device: refused (exit 5) with the fingerprint to approve; nothing imported.
    refused = hq("sync", "import", str(bundle))
    assert refused.code == 5, refused.err
    assert ok(hq("list")).strip() == ""
    fingerprint = ok(field("sync", "whoami")).strip().splitlines()[-1]
    ok(hq("sync", "devices", "--approve", fingerprint))

    out = ok(hq("sync", "import", str(bundle)))
    assert "1 new" in out
    listed = json.loads(ok(hq("list", "--json")))
    assert [c["reference"] for c in listed] == [REF]
    hq_doc = json.loads(ok(hq("show", REF, "--json")))
    field_doc = json.loads(ok(field("show", REF, "--json")))
    for key in ("persons", "events", "testimonies", "appeals", "attachments", "tags", "notes"):
        assert hq_doc[key] == field_doc[key], key

    # Replay of the same bundle: exit 0, nothing changed.
    out = ok(hq("sync", "import", str(bundle)))
    assert "already imported" in out
    devices = ok(hq("sync", "devices"))
    assert "1 bundle" in devices  # the replay was not recorded as another bundle
