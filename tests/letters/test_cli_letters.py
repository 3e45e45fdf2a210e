"""``recipients``, ``letter`` (single and batch) and ``appeals`` as a user runs them.

Real subprocesses (the contract is exit codes and stderr lines). The test recipients and
templates of tests/letters/data are added through $TESTIMONY_DESK_RECIPIENTS and
$TESTIMONY_DESK_TEMPLATES, the same way an organisation adds its own.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

import pytest
from lettertools import BASE_CASE, DATA, NAME_KK, pdf_pages, pdf_text, squash

REF = "TD-2026-0042"


@pytest.fixture
def letters_env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TESTIMONY_DESK_RECIPIENTS", str(DATA / "recipients"))
    monkeypatch.setenv("TESTIMONY_DESK_TEMPLATES", str(DATA / "letters"))


def _case_file(tmp_path: Path) -> Path:
    second: dict[str, Any] = json.loads(json.dumps(BASE_CASE))
    second["reference"] = "TD-2026-0043"
    second["appeals"] = []
    refused: dict[str, Any] = json.loads(json.dumps(BASE_CASE))
    refused["reference"] = "TD-2026-0044"
    refused["testimonies"][0]["consent"]["use_in_appeals"] = False
    refused["appeals"] = []
    path = tmp_path / "cases.json"
    path.write_text(json.dumps([BASE_CASE, second, refused], ensure_ascii=False), "utf-8")
    return path


def test_recipients_without_a_vault(cli: Any, letters_env: None) -> None:
    result = cli("recipients", unlock=False)
    assert result.code == 0, result.err
    assert "kz-mfa\tKZ\tkk,ru,en\t" in result.out
    assert "t-unverified\tDE\tde,en\tOffice of Tests\t(address not verified)" in result.out
    listed = json.loads(cli("recipients", "--json", unlock=False).out)
    ministry = next(r for r in listed if r["id"] == "t-ministry")
    assert ministry["address"]["kk"] == ["Сынақ көшесі, 1", "010000, Астана қаласы"]


def test_letter_appeals_and_batch(initialized: Any, letters_env: None, tmp_path: Path) -> None:
    cli = initialized
    assert cli("import", str(_case_file(tmp_path))).code == 0

    out = tmp_path / "out" / "letter.pdf"
    result = cli("letter", REF, "--to", "t-ministry", "--template", "probe", "--lang", "ru",
                 "--out", str(out), "--date", "2026-11-27")  # fmt: skip
    assert result.code == 0, result.err
    assert result.err == ""
    data = out.read_bytes()
    assert squash(NAME_KK) in squash(pdf_text(data))
    assert f"appeal {REF}/2 recorded as drafted" in result.out
    assert f"sha256 {hashlib.sha256(data).hexdigest()}" in result.out
    assert oct(out.stat().st_mode & 0o777) == "0o600"

    # unverified recipient: a warning line, the letter is still written (language chosen: en)
    result = cli("letter", REF, "--to", "t-unverified", "--template", "probe",
                 "--out", str(tmp_path / "u.pdf"), "--date", "2026-11-27")  # fmt: skip
    assert result.code == 0, result.err
    assert result.err.startswith("warning: the postal address of t-unverified is not verified")
    assert "(probe, en, ref. TD-2026-0042/T-UNVERIFIED/3)" in result.out

    # refusals: every reason in one error line, exit 4, no file
    bad = tmp_path / "bad.pdf"
    result = cli("letter", REF, "--to", "t-un", "--template", "nothing", "--lang", "ru",
                 "--out", str(bad))  # fmt: skip
    assert result.code == 4
    lines = result.err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: the letter was refused: ")
    assert "unknown template 'nothing'" in lines[0]
    assert "does not accept letters in 'ru'" in lines[0]
    assert not bad.exists()
    result = cli("letter", "TD-2026-0044", "--to", "t-ministry", "--template", "probe",
                 "--out", str(bad))  # fmt: skip
    assert result.code == 4 and "consent: no testimony" in result.err

    # inside the vault folder: refused (usage)
    result = cli("letter", REF, "--to", "t-ministry", "--template", "probe",
                 "--out", str(cli.vault / "x.pdf"))  # fmt: skip
    assert result.code == 2

    # the appeal log
    rows = json.loads(cli("appeals", "--json").out)
    assert [r["id"] for r in rows if r["case"] == REF] == [f"{REF}/1", f"{REF}/2", f"{REF}/3"]
    assert rows[1]["pdf_sha256"] == hashlib.sha256(data).hexdigest()
    assert rows[1]["status"] == "drafted"
    result = cli("appeals", "--set", f"{REF}/2", "--status", "sent", "--date", "2026-11-27")
    assert result.code == 0, result.err
    assert "sent\tfollow-up 2026-12-27" in result.out
    result = cli("appeals", "--set", f"{REF}/2", "--status", "sent")
    assert result.code == 4 and "cannot go from sent to sent" in result.err
    due = json.loads(cli("appeals", "--due", "--json", "--date", "2026-12-28").out)
    assert [r["id"] for r in due] == [f"{REF}/2"]
    assert json.loads(cli("appeals", "--due", "--json", "--date", "2026-12-26").out) == []
    result = cli("appeals", "--set", f"{REF}/2", "--status", "answered",
                 "--response", "denial", "--date", "2027-01-05")  # fmt: skip
    assert result.code == 0 and "answered\tdenial" in result.out

    # batch into a folder: progress on stderr, refused case skipped with a warning
    folder = tmp_path / "batch"
    result = cli("letter", "--batch", "--tag", "synthetic", "--to", "t-ministry",
                 "--template", "probe", "--lang", "en", "--out-dir", str(folder))  # fmt: skip
    assert result.code == 0, result.err
    assert "letter 1/3 TD-2026-0042" in result.err and "letter 3/3 TD-2026-0044" in result.err
    assert "warning: TD-2026-0044 skipped: the letter was refused: consent" in result.err
    names = sorted(p.name for p in folder.iterdir())
    assert names == ["TD-2026-0042_T-MINISTRY_4.pdf", "TD-2026-0043_T-MINISTRY_1.pdf"]
    assert "wrote 2 letters" in result.out

    # batch into one combined PDF, selected by search
    combined = tmp_path / "all.pdf"
    result = cli("letter", "--batch", "--search", "Abdigaliuly", "--to", "t-ministry",
                 "--template", "probe", "--lang", "kk", "--combined", str(combined),
                 "--no-record")  # fmt: skip
    assert result.code == 0, result.err
    assert pdf_pages(combined.read_bytes()) == 4
    result = cli("letter", "--batch", "--status", "closed", "--to", "t-ministry",
                 "--out-dir", str(folder))  # fmt: skip
    assert result.code == 4 and "no case matches" in result.err
    result = cli("letter", "--batch", "--to", "t-ministry", "--out-dir", str(folder))
    assert result.code == 2


def test_shipped_consular_inquiry(initialized: Any, tmp_path: Path) -> None:
    """The real directory and template, end to end (kz-mfa's address is unverified)."""
    cli = initialized
    assert cli("import", str(_case_file(tmp_path))).code == 0
    out = tmp_path / "kz.pdf"
    result = cli("letter", REF, "--to", "kz-mfa", "--out", str(out))
    assert result.code == 0, result.err
    assert "(consular-inquiry, kk, ref. TD-2026-0042/KZ-MFA/2)" in result.out  # testimony in kk
    text = squash(pdf_text(out.read_bytes()))
    assert squash(NAME_KK) in text and "TD-2026-0042/KZ-MFA/2" in text
