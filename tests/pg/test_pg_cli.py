"""``init --hq --db-url`` end to end, through the real program, on a real PostgreSQL server.

Why: this is how an HQ actually moves to PostgreSQL (DESIGN §6). The URL may carry a
password, so it must live only sealed in vault.json; the store must behave as on SQLCipher
(import, list, show, search, export); and the failure modes an HQ administrator meets first
(a used database, a server that is down, --db-url without --hq) must each give one calm
``error:`` line with the contract's exit code and leave nothing half-made behind.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[2]
EXAMPLE = REPO / "tests" / "data" / "case-example.json"
REF = "TD-2026-0001"


def one_error_line(err: str) -> str:
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("error: "), err
    return lines[0]


def test_hq_vault_on_postgresql_end_to_end(cli: Any, pg_url: str, tmp_path: Path) -> None:
    result = cli("init", "--hq", "--name", "Synthetic HQ", "--db-url", pg_url)
    assert result.code == 0, result.err
    assert "HQ vault" in result.out
    header = json.loads((cli.vault / "vault.json").read_text("utf-8"))
    assert header["kind"] == "hq" and header["store"] == "postgresql"
    raw = (cli.vault / "vault.json").read_text("utf-8")
    assert "td-pg-" not in raw and "postgresql+psycopg" not in raw  # sealed, not plain
    assert not (cli.vault / "cases.db").exists()

    result = cli("import", str(EXAMPLE))
    assert result.code == 0, result.err
    assert "1 new" in result.out

    result = cli("list", "--json")
    assert result.code == 0, result.err
    listed = json.loads(result.out)
    assert [c["reference"] for c in listed] == [REF]
    assert listed[0]["detained_person"] == "Ерлан Сапарұлы"

    result = cli("show", REF, "--json")
    assert result.code == 0, result.err
    shown = json.loads(result.out)
    original = json.loads(EXAMPLE.read_text("utf-8"))
    assert shown["persons"] == original["persons"]
    assert shown["events"] == original["events"]

    for query in ("Erlan", "叶尔兰", "Сапарұлы", "Bole"):
        result = cli("search", query, "--json")
        assert result.code == 0, result.err
        assert [h["reference"] for h in json.loads(result.out)] == [REF], query

    out = tmp_path / "export.json"
    result = cli("export", "--out", str(out))
    assert result.code == 0, result.err
    exported = json.loads(out.read_text("utf-8"))
    assert [c["reference"] for c in (exported if isinstance(exported, list) else [exported])] == [
        REF
    ]

    # A second vault pointed at the same database is refused and changes nothing.
    other = cli.__class__(tmp_path / "other-vault", cli.passphrase_file)
    result = other("init", "--hq", "--db-url", pg_url)
    assert result.code == 2
    assert "not empty" in one_error_line(result.err)
    assert not (tmp_path / "other-vault" / "vault.json").exists()
    result = cli("list")
    assert result.code == 0 and REF in result.out


def test_db_url_needs_hq(cli: Any, pg_url: str) -> None:
    result = cli("init", "--db-url", pg_url)
    assert result.code == 2
    assert "--hq" in one_error_line(result.err)
    assert not (cli.vault / "vault.json").exists()


def test_unreachable_server_leaves_no_vault_and_no_password_on_screen(
    cli: Any, tmp_path: Path
) -> None:
    url = f"postgresql://hq:s3cr3t-pw@/testimony?host={tmp_path}&connect_timeout=2"
    result = cli("init", "--hq", "--db-url", url)
    assert result.code == 1
    line = one_error_line(result.err)
    assert "cannot connect" in line
    assert "s3cr3t-pw" not in result.err + result.out
    assert not (cli.vault / "vault.json").exists()


def test_a_server_gone_after_init_is_not_called_tampering(
    cli: Any, pg_server: Any, tmp_path: Path
) -> None:
    url = pg_server.create_database()
    result = cli("init", "--hq", "--db-url", url)
    assert result.code == 0, result.err
    pg_server.drop_database(url)  # the database disappears (restore gone wrong, DBA error)
    result = cli("list")
    assert result.code == 1  # an operational failure, not exit 5 ("altered")
    assert "cannot connect" in one_error_line(result.err)
