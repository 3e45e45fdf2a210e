"""The command line as a user (or a script) sees it: real subprocesses, real exit codes.

DESIGN §6 is a contract other tools build on: exit codes (0 ok, 2 usage, 3 wrong passphrase
or locked, 4 invalid input, 5 integrity, 1 other), exactly one ``error:`` line on stderr,
and the JSON of ``list --json``/``show --json``/``search --json``. Each subprocess costs
about half a second, so each test runs one realistic session of several commands and checks
everything along the way. All people in the input files are invented.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import stat
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parents[2]
DATA = REPO / "tests" / "data"
PASSPHRASE = "correct horse battery staple"  # noqa: S105 (as in tests/conftest.py)
NEW_PASSPHRASE = "seven quiet lanterns over the steppe"  # noqa: S105 (synthetic)
RECOVERY_RE = re.compile(r"^\s+([A-Z2-7]{4}(?:-[A-Z2-7]{4}){7})\s*$", re.MULTILINE)
EXAMPLE_REF = "TD-2026-0001"


# ---------------------------------------------------------------------- input files
def person_case(name: str, *, reference: str | None = None, **extra: Any) -> dict[str, Any]:
    case: dict[str, Any] = {
        "format": "testimony-desk.case/1",
        "persons": [{"key": "p1", "role": "detained", "names": [{"value": name}]}],
        **extra,
    }
    if reference:
        case["reference"] = reference
    return case


CSV_TEXT = (
    "reference,name_latn,name_cyrl,status,detention_type,detention_date,detention_facility,"
    "detention_country,testifier_name,testifier_relationship,testifier_phone,"
    "testimony_narrative,consent_record,consent_share_with_hq,consent_use_in_appeals,"
    "consent_publish\n"
    "TD-2026-0301,Daulet Serikuly,Даулет Серікұлы,open,detained,2019-02,Kuytun Prison,CN,"
    'Гүлнәр Серікова,spouse,+7 700 000 0001,"He was taken, she says, at night.",'
    "yes,yes,yes,no\n"
    "TD-2026-0302,Mirzat Qadir,,unknown,disappeared,2018~,,CN,,,,,,,,\n"
)


@dataclass(frozen=True)
class CaseFiles:
    obj: Path  # one JSON object: the DESIGN §7 example
    array: Path  # a JSON array of two cases
    jsonl: Path  # JSON Lines, two cases
    csv: Path  # CSV, two rows

    @property
    def all(self) -> list[str]:
        return [str(p) for p in (self.obj, self.array, self.jsonl, self.csv)]


# Which detained person each file brings, by reference.
EXPECTED_PEOPLE = {
    EXAMPLE_REF: "Ерлан Сапарұлы",
    "TD-2026-0101": "Nurlan Abenov",
    "TD-2026-0102": "Şükür Toxti",
    "TD-2026-0201": "买买提·吐尔逊",
    "TD-2026-0202": "ئەركىن تۇرسۇن",
    "TD-2026-0301": "Daulet Serikuly",
    "TD-2026-0302": "Mirzat Qadir",
}


@pytest.fixture
def case_files(tmp_path: Path) -> CaseFiles:
    folder = tmp_path / "input"
    folder.mkdir()
    obj = folder / "example.json"
    shutil.copy(DATA / "case-example.json", obj)
    array = folder / "array.json"
    array.write_text(
        json.dumps(
            [
                person_case("Nurlan Abenov", reference="TD-2026-0101"),
                person_case("Şükür Toxti", reference="TD-2026-0102", tags=["camp"]),
            ],
            ensure_ascii=False,
            indent=1,
        ),
        "utf-8",
    )
    jsonl = folder / "cases.jsonl"
    jsonl.write_text(
        "".join(
            json.dumps(person_case(name, reference=ref), ensure_ascii=False) + "\n"
            for name, ref in (("买买提·吐尔逊", "TD-2026-0201"), ("ئەركىن تۇرسۇن", "TD-2026-0202"))
        ),
        "utf-8",
    )
    csv = folder / "cases.csv"
    csv.write_text(CSV_TEXT, "utf-8")
    return CaseFiles(obj, array, jsonl, csv)


# ---------------------------------------------------------------------- helpers
def error_line(result: Any) -> str:
    """The contract: exactly one line on stderr, starting with ``error:``."""
    lines = result.err.splitlines()
    assert len(lines) == 1, result.err
    assert lines[0].startswith("error: "), result.err
    return str(lines[0])


def ok(result: Any) -> str:
    assert result.code == 0, result.err
    assert result.err == "", result.err
    return str(result.out)


def listed(cli: Any) -> list[dict[str, Any]]:
    data: list[dict[str, Any]] = json.loads(ok(cli("list", "--json")))
    return data


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def write(path: Path, text: str) -> str:
    path.write_text(text, "utf-8")
    return str(path)


def files_in(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


# ---------------------------------------------------------------------- init and unlock
def test_init_recovery_key_and_unlock_errors(cli: Any, vault_dir: Path, tmp_path: Path) -> None:
    out = ok(cli("init"))
    keys = RECOVERY_RE.findall(out)
    assert len(keys) == 1, out
    recovery = keys[0]
    assert len(recovery.split("-")) == 8
    assert str(vault_dir) in out
    assert {p.name for p in vault_dir.iterdir()} >= {"vault.json", "cases.db", "blobs"}
    assert mode(vault_dir / "vault.json") == 0o600
    assert mode(vault_dir / "cases.db") == 0o600
    for content in files_in(vault_dir).values():  # shown once, stored nowhere
        assert recovery.encode() not in content
        assert recovery.replace("-", "").encode() not in content
        assert PASSPHRASE.encode() not in content

    again = cli("init")
    assert again.code == 2
    assert "already exists" in error_line(again)

    # The recovery key opens the vault, however it is typed.
    typed = tmp_path / "recovery.txt"
    typed.write_text(recovery.lower().replace("-", " ") + "\n", "utf-8")
    assert ok(cli("--recovery-key-file", str(typed), "list", unlock=False)) == ""

    wrong = tmp_path / "wrong.txt"
    wrong.write_text("not the passphrase at all\n", "utf-8")
    before = files_in(vault_dir)
    bad = cli("--passphrase-file", str(wrong), "list", unlock=False)
    assert bad.code == 3
    assert error_line(bad) == "error: wrong passphrase"
    assert files_in(vault_dir) == before


def test_locked_and_missing_vault(initialized: Any, tmp_path: Path, cli: Any) -> None:
    # No passphrase file and stdin is not a terminal: locked, never a hang.
    locked = initialized("list", unlock=False)
    assert locked.code == 3
    assert "passphrase" in error_line(locked)

    empty = tmp_path / "empty.txt"
    empty.write_text("", "utf-8")
    result = initialized("--passphrase-file", str(empty), "list", unlock=False)
    assert result.code == 2 and "empty" in error_line(result)

    result = initialized("--passphrase-file", str(tmp_path / "nope.txt"), "list", unlock=False)
    assert result.code == 2 and "passphrase file" in error_line(result)

    other = type(cli)(tmp_path / "no-vault-here", cli.passphrase_file)
    result = other("list")
    assert result.code == 2 and "no vault" in error_line(result)
    assert not (tmp_path / "no-vault-here").exists()  # looking does not create one


def test_tampered_header_is_exit_5(initialized: Any, vault_dir: Path) -> None:
    header = json.loads((vault_dir / "vault.json").read_text("ascii"))
    header["kind"] = "hq"
    (vault_dir / "vault.json").write_text(json.dumps(header), "ascii")
    result = initialized("list")
    assert result.code == 5
    assert "altered" in error_line(result)


# ---------------------------------------------------------------------- import
def test_import_every_format_then_reimport_changes_nothing(
    initialized: Any, case_files: CaseFiles
) -> None:
    out = ok(initialized("import", *case_files.all))
    assert out.strip() == "imported 7 cases: 7 new, 0 updated, 0 unchanged"
    rows = listed(initialized)
    assert {r["reference"]: r["detained_person"] for r in rows} == EXPECTED_PEOPLE
    assert [r["reference"] for r in rows] == sorted(EXPECTED_PEOPLE)
    csv_case = next(r for r in rows if r["reference"] == "TD-2026-0301")
    assert (csv_case["status"], csv_case["last_event_date"], csv_case["country"]) == (
        "open",
        "2019-02",
        "CN",
    )
    example = next(r for r in rows if r["reference"] == EXAMPLE_REF)
    assert example["id"] == "6f1c2a4e-1b7d-4a8e-9b61-2f0d3c5a7e90"
    assert example["appeals"] == 1
    assert set(example) == {
        "id",
        "reference",
        "detained_person",
        "status",
        "verification",
        "last_event_date",
        "country",
        "appeals",
        "updated",
    }

    # A case that carries its id is recognised: importing it again changes nothing.
    again = ok(initialized("import", str(case_files.obj)))
    assert again.strip() == "imported 1 case: 0 new, 0 updated, 1 unchanged"
    # Cases without an id are new cases each time; their references are taken now, so the
    # file is refused whole rather than creating duplicates.
    dup = initialized("import", str(case_files.array))
    assert dup.code == 4
    assert "TD-2026-0101" in error_line(dup) and "already belongs" in error_line(dup)
    assert listed(initialized) == rows


def test_invalid_input_is_exit_4_and_imports_nothing(
    initialized: Any, case_files: CaseFiles, tmp_path: Path
) -> None:
    bad_array = tmp_path / "bad-array.json"
    good = person_case("Valid Person", reference="TD-2026-0901")
    broken = person_case("Secret Victimname", reference="TD-2026-0902", colour="blue")
    bad_array.write_text(json.dumps([good, broken]), "utf-8")
    result = initialized("import", str(bad_array))
    assert result.code == 4
    line = error_line(result)
    assert str(bad_array) in line and "record 1" in line and "colour" in line
    assert "Victimname" not in line  # no personal data in the message

    # Only the second of two files is bad: the first is not imported either.
    result = initialized("import", str(case_files.obj), str(bad_array))
    assert result.code == 4
    assert str(bad_array) in error_line(result)

    bad_csv = tmp_path / "bad.csv"
    bad_csv.write_text(
        "reference,name_latn,status\nTD-2026-0903,Row Person,open\nTD-2026-0904,Row Two,jailed\n",
        "utf-8",
    )
    result = initialized("import", str(case_files.jsonl), str(bad_csv))
    assert result.code == 4
    line = error_line(result)
    assert str(bad_csv) in line and "line 3" in line and "status" in line

    bad_jsonl = tmp_path / "bad.jsonl"
    bad_jsonl.write_text(json.dumps(good) + "\n{not json\n", "utf-8")
    result = initialized("import", str(bad_jsonl))
    assert result.code == 4
    assert str(bad_jsonl) in error_line(result) and "line 2" in error_line(result)

    missing = initialized("import", str(tmp_path / "absent.json"))
    assert missing.code == 4 and "absent.json" in error_line(missing)

    assert listed(initialized) == []


# ---------------------------------------------------------------------- export and reading
def test_export_show_list_search(
    initialized: Any, case_files: CaseFiles, tmp_path: Path, vault_dir: Path
) -> None:
    ok(initialized("import", str(case_files.obj), str(case_files.array), str(case_files.csv)))
    out_dir = tmp_path / "out"

    # JSON export: private file, canonical cases, re-import is a no-op.
    exported = out_dir / "all.json"
    assert "exported 5 cases" in ok(initialized("export", "--out", str(exported)))
    assert mode(exported) == 0o600
    cases = json.loads(exported.read_text("utf-8"))
    assert [c["reference"] for c in cases] == [
        EXAMPLE_REF,
        "TD-2026-0101",
        "TD-2026-0102",
        "TD-2026-0301",
        "TD-2026-0302",
    ]
    assert all(c["format"] == "testimony-desk.case/1" for c in cases)
    example = cases[0]
    source = json.loads((DATA / "case-example.json").read_text("utf-8"))
    for key in ("id", "persons", "events", "testimonies", "tags", "status"):
        assert example[key] == source[key], key
    assert ok(initialized("import", str(exported))).strip() == (
        "imported 5 cases: 0 new, 0 updated, 5 unchanged"
    )

    # CSV export.
    as_csv = out_dir / "all.csv"
    ok(initialized("export", "--out", str(as_csv), "--format", "csv"))
    assert mode(as_csv) == 0o600
    text = as_csv.read_text("utf-8-sig")
    header, *rows = text.splitlines()
    assert header.split(",")[:2] == ["id", "reference"]
    assert len(rows) == 5
    assert "Даулет Серікұлы" in text and "Ерлан Сапарұлы" in text

    # Redacted export: no relatives' names, contact details or document numbers.
    redacted = out_dir / "public.json"
    assert "(redacted)" in ok(initialized("export", "--out", str(redacted), "--redact"))
    assert mode(redacted) == 0o600
    public = redacted.read_text("utf-8")
    for secret in ("Айгүл", "Сапарова", "+7 700 000 0000", "KZ0000000", "Гүлнәр", "field team"):
        assert secret not in public, secret
    assert len(json.loads(public)) == 5

    inside = initialized("export", "--out", str(vault_dir / "leak.json"))
    assert inside.code == 2 and "inside the vault" in error_line(inside)
    assert not (vault_dir / "leak.json").exists()

    # show --json is the export's record; show prints a readable summary.
    shown = json.loads(ok(initialized("show", EXAMPLE_REF, "--json")))
    assert shown == example
    text_view = ok(initialized("show", EXAMPLE_REF))
    assert text_view.startswith(f"{EXAMPLE_REF}  [open, reported, restricted]")
    for part in ("Ерлан Сапарұлы", "Айгүл Сапарова", "spouse", "Bole Detention Center", "kz-mfa"):
        assert part in text_view, part
    unknown = initialized("show", "TD-1999-0001")
    assert unknown.code == 1 and "TD-1999-0001" in error_line(unknown)

    # list: one tab-separated line a case.
    lines = ok(initialized("list")).splitlines()
    assert lines[0] == f"{EXAMPLE_REF}\tЕрлан Сапарұлы\topen"
    assert len(lines) == 5

    # search: any script, places, JSON shape.
    assert ok(initialized("search", "Erlan")).splitlines() == [
        f"{EXAMPLE_REF}\tЕрлан Сапарұлы\topen"
    ]
    hits = json.loads(ok(initialized("search", "Kuytun", "--json")))
    assert [h["reference"] for h in hits] == ["TD-2026-0301"]
    assert set(hits[0]) == {"id", "reference", "detained_person", "status", "score"}
    assert ok(initialized("search", 'NEAR("x" -y) OR *')) == ""


# ---------------------------------------------------------------------- passwd and erase
def test_passwd_changes_only_the_passphrase(cli: Any, tmp_path: Path, vault_dir: Path) -> None:
    recovery = RECOVERY_RE.findall(ok(cli("init")))[0]
    ok(cli("import", str(DATA / "case-example.json")))
    db_before = (vault_dir / "cases.db").read_bytes()

    new_file = tmp_path / "new.txt"
    new_file.write_text(NEW_PASSPHRASE + "\n", "utf-8")
    assert "Passphrase changed" in ok(cli("passwd", "--new-passphrase-file", str(new_file)))
    assert (vault_dir / "cases.db").read_bytes() == db_before
    assert mode(vault_dir / "vault.json") == 0o600

    old = cli("list")
    assert old.code == 3
    error_line(old)
    new_cli = type(cli)(vault_dir, new_file)
    assert ok(new_cli("list")).startswith(EXAMPLE_REF)
    rec_file = tmp_path / "rec.txt"
    rec_file.write_text(recovery + "\n", "utf-8")
    assert ok(new_cli("--recovery-key-file", str(rec_file), "list", unlock=False)).startswith(
        EXAMPLE_REF
    )

    short = tmp_path / "short.txt"
    short.write_text("tiny\n", "utf-8")
    result = new_cli("passwd", "--new-passphrase-file", str(short))
    assert result.code == 2 and "at least" in error_line(result)
    assert ok(new_cli("list")).startswith(EXAMPLE_REF)


def test_erase_needs_yes_then_destroys_everything(initialized: Any, vault_dir: Path) -> None:
    refused = initialized("erase")
    assert refused.code == 2 and "--yes" in error_line(refused)
    assert (vault_dir / "vault.json").exists()

    out = ok(initialized("erase", "--yes", unlock=False))  # works without unlocking
    assert "erased" in out
    assert not vault_dir.exists()

    after = initialized("list")
    assert after.code == 2 and "no vault" in error_line(after)
    again = initialized("erase", "--yes")
    assert again.code == 2
    error_line(again)


# ---------------------------------------------------------------------- usage and version
@pytest.mark.parametrize(
    "args",
    [
        ("frobnicate",),
        ("show",),
        ("import",),
        ("export", "--out", "x.json", "--format", "xml"),
        ("search", "x", "--limit", "many"),
    ],
    ids=lambda a: " ".join(a),
)
def test_usage_errors_are_exit_2_with_one_line(cli: Any, args: tuple[str, ...]) -> None:
    result = cli(*args)
    assert result.code == 2
    error_line(result)
    assert result.out == ""


def test_version_and_vault_from_environment(cli: Any, vault_dir: Path) -> None:
    out = ok(cli("--version", unlock=False))
    lines = out.splitlines()
    assert re.fullmatch(r"testimony-desk \d+\.\d+\.\d+\S*", lines[0])
    assert re.fullmatch(r"SQLCipher 4\.\d+\.\d+.*", lines[1]), lines[1]
    assert any(line.startswith("SQLAlchemy 2.") for line in lines)

    ok(cli("init"))
    # Without --vault, TESTIMONY_DESK_VAULT names the vault (and `python -m desktop` works).
    env = dict(os.environ, TESTIMONY_DESK_VAULT=str(vault_dir))
    proc = subprocess.run(
        [sys.executable, "-m", "desktop", "--passphrase-file", str(cli.passphrase_file), "list"],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=REPO,
        env=env,
        stdin=subprocess.DEVNULL,
    )
    assert (proc.returncode, proc.stdout, proc.stderr) == (0, "", "")


@pytest.mark.parametrize("args", [["--version"], ["--help"]])
def test_a_reader_that_stops_early_gets_no_error_line(args: list[str]) -> None:
    """``testimony-desk --version | head -1``: the closed pipe is not reported as an error."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "desktop", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=REPO,
        env=dict(os.environ, PYTHONUNBUFFERED="1"),  # each line is written as it is printed
    )
    assert proc.stdout is not None and proc.stderr is not None
    first = proc.stdout.readline()
    proc.stdout.close()  # what head does after its line
    err = proc.stderr.read()
    code = proc.wait(timeout=120)
    assert first.startswith(b"testimony-desk") or first.startswith(b"usage:")
    assert err == b"", err
    assert code in (0, 1)


def test_the_store_and_sync_code_load_only_after_the_key_is_derived() -> None:
    """Argon2 takes 256 MiB for a moment: the process must be lean then (peak RSS target of
    300 MiB for ``sync import``, bench/sync_cli_rss.sh). Parsing the command line and
    importing the unlock code load neither SQLAlchemy nor pyrage nor the sync service."""
    probe = (
        "import sys\n"
        "from desktop.cli import build_parser\n"
        "build_parser().parse_args(['sync', 'import', 'x.tdb'])\n"
        "import desktop.app, desktop.vault.vault\n"
        "print(sorted(m for m in ('sqlalchemy', 'pyrage', 'desktop.sync.service',\n"
        "    'desktop.store.database') if m in sys.modules))\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, timeout=120, cwd=REPO
    )
    assert (proc.returncode, proc.stdout.strip(), proc.stderr) == (0, "[]", "")
