"""Disk full and I/O errors while writing: never a bricked vault, always a clear message.

* ``vault.json``: ENOSPC and EIO at **every** byte offset of ``atomic_write`` (and in its
  fsync and rename): the old header stays byte for byte, no temp copy is left, the vault
  still opens; the CLI says "the disk is full" (exit 1) and the old passphrase still works.
* a case save (SQLite's own writes, in C): ``RLIMIT_FSIZE`` makes every write past a limit
  fail (EFBIG → SQLite I/O error) at many points of an import; each time the import is
  refused with one clear line (exit 1), nothing of it is kept, and every check passes.
* a real full disk (tmpfs, root only): the same with a real ENOSPC.

The long versions are in bench/fault_soak.py.
"""

from __future__ import annotations

import errno
import os
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest
from faults import (
    failing_call,
    failing_writes,
    fill,
    fsize_limit,
    fsize_preexec,
    header_state,
    tiny_tmpfs,
)

from desktop import app
from desktop.errors import storage_failure
from desktop.ui.unlock_dialog import describe_error
from desktop.vault import vaultfile
from desktop.vault.vault import Vault

REPO = Path(__file__).resolve().parents[2]
PASSPHRASE = "correct horse battery staple"  # noqa: S105
NEW_PASSPHRASE = "a brand new passphrase for the test"  # noqa: S105
DISK_FULL = "error: the disk is full: nothing was changed"
SQLITE_IO = (
    "error: the disk reported an error while writing: the change was not saved and the "
    "vault is unchanged (check the disk, then try again)"
)


# ---------------------------------------------------------------------- vault.json
@pytest.mark.parametrize("err", [errno.ENOSPC, errno.EIO])
def test_header_write_fails_at_every_offset_and_the_vault_survives(
    vault_dir: Path, err: int
) -> None:
    session, _recovery = app.create_vault(vault_dir, PASSPHRASE)
    vault = Vault(vault_dir)
    try:
        before, _ = header_state(vault_dir)
        assert before is not None
        # The write under test: adding a keyring slot re-signs and rewrites the header.
        vault.remember(session.unlocked)
        after, _ = header_state(vault_dir)
        assert after is not None and after != before
        vault.forget(session.unlocked)
        assert header_state(vault_dir) == (before, [])
        failures = 0
        for offset in range(len(after)):
            with failing_writes(offset, err), pytest.raises(OSError) as caught:
                vault.remember(session.unlocked)
            assert caught.value.errno == err
            assert header_state(vault_dir) == (before, []), f"offset {offset}"
            failures += 1
        with failing_writes(len(after) + 10, err):
            vault.remember(session.unlocked)  # enough room: the new header lands
        assert header_state(vault_dir)[1] == []
        assert failures == len(after) > 1000
    finally:
        session.lock()
    app.unlock(vault_dir, passphrase=PASSPHRASE).lock()


@pytest.mark.parametrize("call", ["fsync", "replace"])
def test_header_fsync_or_rename_failure_keeps_the_old_header(vault_dir: Path, call: str) -> None:
    session, _recovery = app.create_vault(vault_dir, PASSPHRASE)
    try:
        before = header_state(vault_dir)
        with failing_call(vaultfile.os, call), pytest.raises(OSError):
            Vault(vault_dir).remember(session.unlocked)
        assert header_state(vault_dir) == before
    finally:
        session.lock()
    app.unlock(vault_dir, passphrase=PASSPHRASE).lock()


REKEY_ON_FULL_DISK = """
    import errno, os, sys
    budget = int(sys.argv[1])
    real = os.write
    state = {"n": 0}
    def write(fd, data):
        left = budget - state["n"]
        if left <= 0:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        n = real(fd, bytes(memoryview(data)[:left]))
        state["n"] += n
        return n
    os.write = write
    from desktop.cli import main
    sys.exit(main(sys.argv[2:]))
"""


@pytest.mark.parametrize("budget", [0, 1, 700])
def test_cli_passwd_on_a_full_disk_says_so_and_keeps_the_old_passphrase(
    initialized: Any, tmp_path: Path, budget: int
) -> None:
    new = tmp_path / "new.txt"
    new.write_text(NEW_PASSPHRASE + "\n", encoding="utf-8")
    before = header_state(initialized.vault)
    proc = subprocess.run(
        [
            sys.executable,
            "-c",
            textwrap.dedent(REKEY_ON_FULL_DISK),
            str(budget),
            "--vault",
            str(initialized.vault),
            "--passphrase-file",
            str(initialized.passphrase_file),
            "passwd",
            "--new-passphrase-file",
            str(new),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=REPO,
        env=os.environ.copy(),
        check=False,
    )
    assert proc.returncode == 1
    assert proc.stderr.strip() == DISK_FULL
    assert header_state(initialized.vault) == before
    assert initialized("list").code == 0  # the old passphrase still opens


# ---------------------------------------------------------------------- a case save
def synth_cases(path: Path, n: int) -> Path:
    subprocess.run(
        [sys.executable, str(REPO / "bench" / "synth.py"), str(n), "--out", str(path)],
        check=True,
        cwd=REPO,
    )
    return path


def check_vault(folder: Path) -> int:
    session = app.unlock(folder, passphrase=PASSPHRASE)
    try:
        session.store.verify()
        return int(session.store.cases.count())
    finally:
        session.lock()


def test_case_save_fails_at_many_points_and_nothing_is_half_saved(
    vault_dir: Path, tmp_path: Path
) -> None:
    """In-process (the GUI's path): each failed save is refused whole, with a clear message."""
    cases = synth_cases(tmp_path / "cases.jsonl", 60)
    session, _recovery = app.create_vault(vault_dir, PASSPHRASE)
    session.lock()
    base = (vault_dir / "cases.db").stat().st_size
    refused = 0
    for extra in (0, 4096, 20_000, 60_000, 150_000):
        session = app.unlock(vault_dir, passphrase=PASSPHRASE)
        try:
            with fsize_limit(base + extra), pytest.raises(Exception) as caught:
                session.import_files([cases])
        finally:
            session.lock()
        message = describe_error(caught.value)
        assert message.startswith("The disk reported an error while writing"), message
        assert storage_failure(caught.value) is not None
        refused += 1
        assert check_vault(vault_dir) == 0
    session = app.unlock(vault_dir, passphrase=PASSPHRASE)
    try:
        session.import_files([cases])
    finally:
        session.lock()
    assert check_vault(vault_dir) == 60 and refused == 5


@pytest.mark.parametrize("extra", [0, 30_000])
def test_cli_import_on_a_file_size_limit_says_so(
    initialized: Any, tmp_path: Path, extra: int
) -> None:
    cases = synth_cases(tmp_path / "cases.jsonl", 60)
    limit = (initialized.vault / "cases.db").stat().st_size + extra
    cmd = [sys.executable, "-m", "desktop", "--vault", str(initialized.vault)]
    cmd += ["--passphrase-file", str(initialized.passphrase_file), "import", str(cases)]
    proc = subprocess.run(
        cmd,
        capture_output=True,
        text=True,
        timeout=120,
        cwd=REPO,
        env=os.environ.copy(),
        preexec_fn=fsize_preexec(limit),
        check=False,
    )
    assert proc.returncode == 1
    assert proc.stderr.strip() == SQLITE_IO
    assert check_vault(initialized.vault) == 0


def _can_mount() -> bool:
    return hasattr(os, "geteuid") and os.geteuid() == 0 and sys.platform.startswith("linux")


@pytest.mark.skipif(not _can_mount(), reason="a real full disk needs root to mount a tmpfs")
def test_real_full_disk_during_import(tmp_path: Path) -> None:
    try:
        ctx = tiny_tmpfs(tmp_path / "mnt", "6m")
        mount = ctx.__enter__()
    except subprocess.CalledProcessError:
        pytest.skip("mount is not allowed here")
    try:
        cases = synth_cases(tmp_path / "cases.jsonl", 300)
        vault = mount / "vault"
        session, _recovery = app.create_vault(vault, PASSPHRASE)
        session.lock()
        filler = fill(mount, 64 * 1024)
        passphrase_file = tmp_path / "p.txt"
        passphrase_file.write_text(PASSPHRASE + "\n", encoding="utf-8")
        proc = subprocess.run(
            [
                sys.executable,
                "-m",
                "desktop",
                "--vault",
                str(vault),
                "--passphrase-file",
                str(passphrase_file),
                "import",
                str(cases),
            ],
            capture_output=True,
            text=True,
            timeout=120,
            cwd=REPO,
            env=os.environ.copy(),
            check=False,
        )
        assert proc.returncode == 1
        assert proc.stderr.strip() in {
            "error: the disk is full: the change was not saved and the vault is unchanged",
            SQLITE_IO,
            DISK_FULL,
        }, proc.stderr
        filler.unlink()
        # With (almost) no space left even opening fails (SQLite creates its journal
        # files): the message must say "disk", never "damaged or altered" (exit 5).
        filler = fill(mount, 0)
        opened = subprocess.run(
            [
                sys.executable,
                "-m",
                "desktop",
                "--vault",
                str(vault),
                "--passphrase-file",
                str(passphrase_file),
                "list",
            ],
            capture_output=True,
            text=True,
            timeout=120,
            cwd=REPO,
            env=os.environ.copy(),
            check=False,
        )
        assert opened.returncode in (0, 1), opened.stderr
        if opened.returncode == 1:
            assert opened.stderr.startswith("error: the disk "), opened.stderr
            assert "altered" not in opened.stderr
        filler.unlink()
        assert check_vault(vault) == 0
    finally:
        ctx.__exit__(None, None, None)
