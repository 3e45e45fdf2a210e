"""Helpers shared by the security tests and the soak benchmarks (bench/*_soak.py).

Everything here drives the real program: real Argon2id (at the floor cost), real SQLCipher,
real subprocesses killed with SIGKILL. The functions *measure* and return what they saw;
the tests turn that into assertions and the benchmarks into printed figures, so that the
CI test and the long soak cannot drift apart in what they check.

All names and texts are invented (see ``synthetic_case``); none belongs to a real case.
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import json
import os
import random
import re
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
WRITER = HERE / "writer.py"
SQLITE_PLAINTEXT_HEADER = b"SQLite format 3\x00"

# ------------------------------------------------------------------------ synthetic cases
_GIVEN = ("Darkhan", "Zhanar", "Yerbol", "Aigerim", "Nurlan", "Saule", "Bakyt", "Gulmira")
_FAMILY = ("Testbekov", "Primerova", "Sintezuly", "Maketova", "Obrazetsov", "Vymyslova")
_CYR_GIVEN = ("Дархан", "Жанар", "Ербол", "Әйгерім", "Нұрлан", "Сәуле", "Бақыт", "Гүлмира")
_CYR_FAMILY = ("Тестбеков", "Примерова", "Синтезұлы", "Макетова", "Образецов", "Вымыслова")
_TEXT = (
    "invented testimony about a summons to the security bureau and no news since then "
    "the family wrote letters and waited for an answer that never came"
)
_WORDS = tuple(_TEXT.split(" "))


def synthetic_case(
    reference: str,
    rng: random.Random,
    *,
    latin_name: str | None = None,
    cyrillic_name: str | None = None,
    narrative_extra: str = "",
) -> dict[str, Any]:
    """A valid case-format object with invented people (optionally carrying canaries)."""
    i = rng.randrange(len(_GIVEN))
    j = rng.randrange(len(_FAMILY))
    latin = latin_name or f"{_GIVEN[i]} {_FAMILY[j]}"
    cyrillic = cyrillic_name or f"{_CYR_GIVEN[i]} {_CYR_FAMILY[j]}"
    words = " ".join(rng.choice(_WORDS) for _ in range(rng.randint(20, 120)))
    narrative = f"{words} {narrative_extra}".strip()
    return {
        "format": "testimony-desk.case/1",
        "reference": reference,
        "status": rng.choice(["open", "appealed", "unknown"]),
        "confidentiality": "restricted",
        "verification": "reported",
        "tags": ["synthetic"],
        "persons": [
            {
                "key": "p1",
                "role": "detained",
                "names": [
                    {"value": cyrillic, "script": "Cyrl", "lang": "kk"},
                    {"value": latin, "script": "Latn"},
                ],
                "sex": rng.choice(["female", "male"]),
                "birth_date": str(rng.randint(1950, 2000)),
                "citizenships": ["CN"],
            },
            {
                "key": "p2",
                "role": "testifier",
                "names": [{"value": f"{latin} Relative", "script": "Latn"}],
                "relationship": {"to": "p1", "kind": "sibling"},
            },
        ],
        "events": [
            {
                "type": "detained",
                "date": f"{rng.randint(2017, 2019)}-0{rng.randint(1, 9)}",
                "persons": ["p1"],
                "place": {"locality": "Ghulja", "country": "CN"},
            }
        ],
        "testimonies": [
            {
                "by": "p2",
                "date": "2019-05-01",
                "medium": "phone",
                "narrative": narrative,
                "consent": {
                    "record": True,
                    "share_with_hq": False,
                    "use_in_appeals": True,
                    "publish": "no",
                },
            }
        ],
        "appeals": [],
        "notes": narrative_extra,
    }


def personal_strings(case: dict[str, Any]) -> list[str]:
    """Texts of a case that identify people: none may appear in an error message."""
    found: list[str] = []
    for person in case.get("persons", []):
        found.extend(n["value"] for n in person.get("names", []))
        for doc in person.get("documents", []):
            found.append(doc["number"])
        if person.get("contact", {}).get("phone"):
            found.append(person["contact"]["phone"])
    for testimony in case.get("testimonies", []):
        found.append(testimony["narrative"][:30])
    return found


# ------------------------------------------------------------------------ leak scanning
def base64_needles(data: bytes) -> list[bytes]:
    """The parts of base64 text that ``data`` produces wherever it starts in a longer stream.

    Base64 works in 3-byte groups, so the same bytes encode differently at the three
    alignments; only the 4-character groups made entirely of ``data`` are fixed, and those
    are what a scan can look for.
    """
    needles: list[bytes] = []
    for shift in range(3):
        encoded = base64.b64encode(b"\0" * shift + data)
        start = 0 if shift == 0 else 4
        end = ((shift + len(data)) // 3) * 4
        needle = encoded[start:end]
        if len(needle) >= 8:
            needles.append(needle)
    return needles


def needles_for(text: str) -> dict[str, bytes]:
    """Every byte form of ``text`` the scan looks for: UTF-8, UTF-16 and base64 of UTF-8."""
    raw = text.encode("utf-8")
    forms = {
        f"{text!r} utf-8": raw,
        f"{text!r} utf-16-le": text.encode("utf-16-le"),
        f"{text!r} utf-16-be": text.encode("utf-16-be"),
    }
    for k, needle in enumerate(base64_needles(raw)):
        forms[f"{text!r} base64 alignment {k}"] = needle
    return forms


def files_under(*roots: Path) -> Iterator[Path]:
    for root in roots:
        if root.is_file():
            yield root
            continue
        for dirpath, _dirs, files in os.walk(root):
            for name in files:
                path = Path(dirpath) / name
                if path.is_file() and not path.is_symlink():
                    yield path


def scan(roots: Iterable[Path], needles: dict[str, bytes]) -> list[tuple[Path, str]]:
    """(file, form) for every needle found in every regular file under ``roots``."""
    hits: list[tuple[Path, str]] = []
    for path in files_under(*roots):
        data = path.read_bytes()
        hits.extend((path, label) for label, needle in needles.items() if needle in data)
    return hits


# ------------------------------------------------------------------------ file snapshots
def snapshot(folder: Path) -> dict[str, tuple[int, int, int, str]]:
    """Path → (size, mtime_ns, mode, sha256) of every file and folder under ``folder``."""
    out: dict[str, tuple[int, int, int, str]] = {}
    for dirpath, dirs, files in os.walk(folder):
        for name in [*dirs, *files]:
            path = Path(dirpath) / name
            st = path.lstat()
            digest = hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else "dir"
            size = st.st_size if path.is_file() else 0
            out[str(path.relative_to(folder))] = (size, st.st_mtime_ns, st.st_mode, digest)
    return out


# ------------------------------------------------------------------------ CLI output
_RECOVERY_RE = re.compile(r"^\s+([A-Z2-7]{4}(?:-[A-Z2-7]{4}){3,})\s*$", re.MULTILINE)


def recovery_key_from(init_output: str) -> str:
    found = _RECOVERY_RE.findall(init_output)
    if len(found) != 1:
        raise AssertionError(f"expected one recovery key in the init output, got {found}")
    return str(found[0])


def single_error_line(stderr: str) -> str:
    """The one ``error:`` line the CLI contract allows on stderr (AssertionError otherwise)."""
    lines = stderr.splitlines()
    if len(lines) != 1 or not lines[0].startswith("error:") or "Traceback" in stderr:
        raise AssertionError(f"stderr must be exactly one 'error:' line, got {stderr!r}")
    return lines[0]


# ------------------------------------------------------------------------ tampering
def flip_bit(path: Path, offset: int, bit: int) -> None:
    with path.open("r+b") as fh:
        fh.seek(offset)
        byte = fh.read(1)
        if len(byte) != 1:
            raise ValueError(f"offset {offset} is beyond the end of {path.name}")
        fh.seek(offset)
        fh.write(bytes([byte[0] ^ (1 << bit)]))


def restore(pristine: Path, work: Path) -> None:
    """Make ``work`` an exact copy of the vault folder ``pristine`` (old files removed)."""
    shutil.rmtree(work, ignore_errors=True)
    shutil.copytree(pristine, work)


def authenticated_slot_ranges(header: bytes) -> list[tuple[int, int]]:
    """Byte ranges of vault.json whose change may fairly surface as "wrong passphrase".

    A key slot's wrapped key, nonce, KDF parameters and salt, and the vault id (part of every
    slot's associated data) decide whether a secret unwraps the master key: altering them
    is indistinguishable from a wrong secret. Anything else must be reported as tampering.
    """
    text = header.decode("ascii")
    ranges: list[tuple[int, int]] = []
    vid = re.search(r'"vault_id":\s*"[^"]*"', text)
    if vid:
        ranges.append(vid.span())
    start = text.find('"slots"')
    if start >= 0:
        depth = 0
        for pos in range(text.index("[", start), len(text)):
            if text[pos] == "[":
                depth += 1
            elif text[pos] == "]":
                depth -= 1
                if depth == 0:
                    ranges.append((start, pos + 1))
                    break
    return ranges


@dataclass(frozen=True)
class OpenOutcome:
    """What opening a vault gave: the CLI exit code it maps to, and the message or crash."""

    code: int
    message: str
    crashed: bool = False  # an exception that is not one of the typed errors


def attempt_open(folder: Path, passphrase: str, unlocked: Any | None = None) -> OpenOutcome:
    """Open ``folder`` the way the CLI does and report the outcome without raising.

    With ``unlocked`` (an UnlockedVault for this folder) only the database is opened —
    ``open_store``, exactly what ``unlock`` runs after the key slot has been opened —
    which lets the soak skip Argon2 for flips that cannot touch the key slots.
    """
    from desktop.app import unlock
    from desktop.errors import TestimonyDeskError
    from desktop.store.database import open_store
    from desktop.vault.backoff import Backoff

    Backoff(folder).reset()  # a tampered slot counts as a failure; never let delays mask results
    try:
        if unlocked is None:
            session = unlock(folder, passphrase=passphrase)
            session.lock()
        else:
            open_store(unlocked).close()
    except TestimonyDeskError as exc:
        return OpenOutcome(exc.exit_code, str(exc))
    except Exception as exc:
        return OpenOutcome(1, f"{type(exc).__name__}: {exc}", crashed=True)
    return OpenOutcome(0, "opened")


# ------------------------------------------------------------------------ crash cycles
@dataclass
class CrashStats:
    cycles: int = 0
    acknowledged: int = 0
    lost: int = 0
    integrity_failures: int = 0
    writer_failures: int = 0
    problems: list[str] = field(default_factory=list)
    elapsed: float = 0.0


def start_writer(vault: Path, passphrase_file: Path, prefix: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, str(WRITER), str(vault), str(passphrase_file), prefix],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        stdin=subprocess.DEVNULL,
        text=True,
        cwd=REPO,
        env=os.environ.copy(),
    )


def kill_writer_after(
    proc: subprocess.Popen[str], delay: float, *, wait_ready: bool = True
) -> tuple[list[str], str]:
    """SIGKILL the writer ``delay`` seconds after it said "ready"; return (acks, stderr).

    With ``wait_ready`` false the delay counts from the start, so the kill may also land
    while the writer is still unlocking or checking the database.
    """
    assert proc.stdout is not None and proc.stderr is not None
    lines: list[str] = []
    if wait_ready:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            line = proc.stdout.readline()
            if not line:
                break  # the writer died before it was ready
            lines.append(line)
            if line.strip() == "ready":
                break
    time.sleep(delay)
    with contextlib.suppress(ProcessLookupError):
        proc.send_signal(signal.SIGKILL)
    rest, err = proc.communicate(timeout=60)
    lines.extend(rest.splitlines())
    acks = [ln.split(" ", 1)[1].strip() for ln in lines if ln.startswith("committed ")]
    return acks, err


@dataclass
class DatabaseCheck:
    """Result of ``check_database``: integrity problems and acknowledged-but-missing refs."""

    problems: list[str]
    missing: list[str]

    @property
    def ok(self) -> bool:
        return not self.problems and not self.missing


def check_database(db_path: Path, key: bytes, acknowledged: set[str]) -> DatabaseCheck:
    """Check the database after a crash, through the application and a bare connection.

    Both ways, so that a bug in the application's own check cannot hide damage: a raw keyed
    connection runs ``cipher_integrity_check`` (every page's HMAC) and ``integrity_check``
    and lists the references; then ``verify_integrity`` and the history chain are run
    through the application's engine.
    """
    import sqlcipher3.dbapi2 as sqlcipher

    from desktop.errors import IntegrityError
    from desktop.store.cases import CaseRepository
    from desktop.store.engine import sqlcipher_engine, verify_integrity

    problems: list[str] = []
    with db_path.open("rb") as fh:
        if fh.read(16) == SQLITE_PLAINTEXT_HEADER:
            problems.append("cases.db has a plaintext SQLite header")
    present: set[str] = set()
    conn = sqlcipher.connect(str(db_path))
    try:
        conn.execute("PRAGMA cipher_log_level = NONE")
        conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
        cipher_bad = conn.execute("PRAGMA cipher_integrity_check").fetchall()
        if cipher_bad:
            problems.append(f"cipher_integrity_check: {cipher_bad[:3]}")
        check = [tuple(r) for r in conn.execute("PRAGMA integrity_check").fetchall()]
        if check != [("ok",)]:
            problems.append(f"integrity_check: {check[:3]}")
        present = {str(r[0]) for r in conn.execute("SELECT reference FROM cases")}
    except sqlcipher.DatabaseError as exc:
        problems.append(f"raw connection failed: {exc}")
    finally:
        conn.close()

    engine = sqlcipher_engine(db_path, key)
    try:
        verify_integrity(engine)
        report = CaseRepository(engine, "checker").verify_history()
        if not report.ok:
            problems.append(f"history chain: {report.problem} at {report.first_bad_seq}")
    except IntegrityError as exc:
        problems.append(f"verify_integrity: {exc}")
    finally:
        engine.dispose()
    return DatabaseCheck(problems, sorted(acknowledged - present))


def run_crash_cycles(
    vault: Path,
    passphrase_file: Path,
    db_key: bytes,
    cycles: int,
    rng: random.Random,
    *,
    max_delay: float = 0.3,
    early_kill_share: float = 0.1,
    progress: Any | None = None,
) -> CrashStats:
    """Start the writer, kill it at a random moment, check the database; ``cycles`` times.

    Most kills land 0..``max_delay`` s after the writer said "ready" (inside its commit
    loop); a share lands at a random moment from its start, while it is still unlocking
    or checking the database. Every reference the writer ever acknowledged must still be
    there after every later crash, not only the ones of the last cycle.
    """
    stats = CrashStats()
    acknowledged: set[str] = set()
    started = time.monotonic()
    for cycle in range(cycles):
        early = rng.random() < early_kill_share
        delay = rng.uniform(0.0, 1.5) if early else rng.uniform(0.0, max_delay)
        proc = start_writer(vault, passphrase_file, f"C{cycle:05d}")
        acks, err = kill_writer_after(proc, delay, wait_ready=not early)
        if proc.returncode != -signal.SIGKILL:
            stats.writer_failures += 1
            last = err.strip().splitlines()[-1:] if err.strip() else []
            stats.problems.append(
                f"cycle {cycle}: writer ended by itself (code {proc.returncode}): {last}"
            )
        acknowledged.update(acks)
        stats.acknowledged += len(acks)
        result = check_database(vault / "cases.db", db_key, acknowledged)
        stats.lost = max(stats.lost, len(result.missing))
        if result.problems:
            stats.integrity_failures += 1
        where = f"cycle {cycle} ({'early ' if early else ''}kill after {delay:.3f} s)"
        stats.problems.extend(f"{where}: {p}" for p in result.problems)
        if result.missing:
            stats.problems.append(f"{where}: lost {len(result.missing)}: {result.missing[:3]}")
        stats.cycles += 1
        if progress is not None:
            progress(cycle, stats)
    stats.elapsed = time.monotonic() - started
    return stats


def write_json(path: Path, value: Any) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(value, ensure_ascii=False, indent=1), encoding="utf-8")
    return path
