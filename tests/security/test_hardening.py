"""Startup hardening (desktop/hardening.py): umask, no core dumps, modes, one instance, crashes.

Each property is checked on the real program where it matters: a subprocess for the
process-wide settings and the crash log, the CLI for the lock and the permission repair.
"""

from __future__ import annotations

import os
import signal
import stat
import subprocess
import sys
import textwrap
import time
from pathlib import Path
from typing import Any

import pytest

from desktop.hardening import (
    InstanceLock,
    VaultInUse,
    crash_log_path,
    crash_report,
    restrict_permissions,
)

REPO = Path(__file__).resolve().parents[2]
CANARY = "Canary Qasimjan Ötkürova 7731"


def run_python(code: str, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=REPO,
        env={**os.environ, **env},
        check=False,
    )


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


# ---------------------------------------------------------------------- the process
def test_harden_process_sets_umask_and_forbids_core_dumps() -> None:
    proc = run_python(
        """
        import os, resource
        from desktop.hardening import harden_process, is_dumpable
        done = harden_process()
        print(oct(os.umask(0o077)))
        print(resource.getrlimit(resource.RLIMIT_CORE))
        print(is_dumpable())
        print(done)
        """
    )
    assert proc.returncode == 0, proc.stderr
    umask, core, dumpable, _done = proc.stdout.splitlines()
    assert umask == "0o77"
    assert core == "(0, 0)"
    if sys.platform.startswith("linux"):
        assert dumpable == "False"


def test_debug_switch_keeps_the_process_debuggable() -> None:
    proc = run_python(
        """
        from desktop.hardening import harden_process, is_dumpable
        harden_process()
        print(is_dumpable())
        """,
        TESTIMONY_DESK_DEBUG="1",
    )
    assert proc.returncode == 0, proc.stderr
    if sys.platform.startswith("linux"):
        assert proc.stdout.strip() == "True"


def test_cli_writes_private_files(initialized: Any, tmp_path: Path) -> None:
    out = tmp_path / "export.json"
    result = initialized("export", "--out", str(out))
    assert result.code == 0, result.err
    assert mode(out) == 0o600
    assert mode(initialized.vault) == 0o700
    for path in initialized.vault.rglob("*"):
        assert mode(path) == (0o700 if path.is_dir() else 0o600), path


# ---------------------------------------------------------------------- vault modes
def test_wide_modes_are_restricted_at_unlock_and_reported(initialized: Any) -> None:
    vault = initialized.vault
    os.chmod(vault, 0o755)  # noqa: S103 - the loose mode under test
    os.chmod(vault / "cases.db", 0o644)
    os.chmod(vault / "vault.json", 0o664)
    result = initialized("list")
    assert result.code == 0, result.err
    assert result.err.startswith("warning: the vault's permissions were too open")
    assert "the vault folder was 0755, now 0700" in result.err
    assert "cases.db was 0644, now 0600" in result.err
    assert "vault.json was 0664, now 0600" in result.err
    assert mode(vault) == 0o700
    assert mode(vault / "cases.db") == 0o600
    assert mode(vault / "vault.json") == 0o600
    again = initialized("list")
    assert again.code == 0 and again.err == ""


def test_restrict_permissions_leaves_symlinks_alone(tmp_path: Path) -> None:
    vault = tmp_path / "v"
    vault.mkdir(mode=0o700)
    outside = tmp_path / "outside.txt"
    outside.write_text("x")
    os.chmod(outside, 0o644)
    (vault / "link").symlink_to(outside)
    sub = vault / "blobs"
    sub.mkdir(mode=0o755)
    (sub / "ab12").write_bytes(b"x")
    os.chmod(sub / "ab12", 0o640)
    fixes = restrict_permissions(vault)
    assert sorted(fixes) == ["blobs was 0755, now 0700", "blobs/ab12 was 0640, now 0600"]
    assert mode(outside) == 0o644


# ---------------------------------------------------------------------- one instance
def test_writing_commands_refuse_while_the_vault_is_open_elsewhere(
    initialized: Any, tmp_path: Path
) -> None:
    data = REPO / "tests" / "data" / "case-example.json"
    with InstanceLock(initialized.vault) as lock:
        assert lock.held
        refused = initialized("import", str(data))
        assert refused.code == 1
        assert refused.err.strip() == (
            "error: this vault is open in another Testimony Desk window or command: "
            "close it and try again"
        )
        # Reading is harmless while the app is open.
        assert initialized("list").code == 0
        assert initialized("export", "--out", str(tmp_path / "e.json")).code == 0
        with pytest.raises(VaultInUse):
            InstanceLock(initialized.vault).acquire()
    imported = initialized("import", str(data))
    assert imported.code == 0, imported.err


def test_the_lock_dies_with_its_process(initialized: Any) -> None:
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys, time\n"
            "from desktop.hardening import InstanceLock\n"
            f"InstanceLock({str(initialized.vault)!r}).acquire()\n"
            "print('held', flush=True)\n"
            "time.sleep(60)\n",
        ],
        cwd=REPO,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None
        assert holder.stdout.readline().strip() == "held"
        with pytest.raises(VaultInUse):
            InstanceLock(initialized.vault).acquire()
    finally:
        holder.send_signal(signal.SIGKILL)
        holder.wait(10)
    deadline = time.monotonic() + 5
    while True:
        try:
            InstanceLock(initialized.vault).acquire().release()
            break
        except VaultInUse:
            assert time.monotonic() < deadline, "the lock outlived SIGKILL"
            time.sleep(0.05)


# ---------------------------------------------------------------------- crash handler
CRASHER = """
    import sys, threading
    from desktop.hardening import install_crash_handler
    install_crash_handler()

    def deep_inside(name):
        secret_local = name
        raise ValueError("cannot save the case of " + name)

    def worker():
        deep_inside(sys.argv[1])

    if sys.argv[2] == "thread":
        t = threading.Thread(target=worker)
        t.start()
        t.join()
        print("main thread continues")
    else:
        worker()
"""


@pytest.mark.parametrize("where", ["main", "thread"])
def test_crash_log_has_type_and_frames_but_no_message_or_locals(
    where: str, isolated_home: Path
) -> None:
    proc = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(CRASHER), CANARY, where],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=REPO,
        env=os.environ.copy(),
        check=False,
    )
    log = crash_log_path()
    assert log.is_file(), proc.stderr
    text = log.read_text(encoding="utf-8")
    assert "builtins.ValueError" in text
    assert "<string>:8:deep_inside" in text  # the frame, by file:line:function
    assert ("background thread" in text) == (where == "thread")
    for part in (CANARY, "Qasimjan", "cannot save", "secret_local"):
        assert part not in text
        assert part not in proc.stderr
    assert str(isolated_home) not in text  # no user folders in frame paths
    assert mode(log) == 0o600
    assert proc.stderr.startswith("error: unexpected failure (ValueError)")
    if where == "thread":
        assert proc.returncode == 0 and "main thread continues" in proc.stdout
    else:
        assert proc.returncode == 1


def test_crash_report_follows_the_chain_without_messages() -> None:
    try:
        try:
            raise KeyError(CANARY)
        except KeyError as inner:
            raise RuntimeError(CANARY) from inner
    except RuntimeError as exc:
        report = crash_report(type(exc), exc.__traceback__, chain=exc)
    assert "builtins.RuntimeError" in report
    assert "caused by builtins.KeyError" in report
    assert "tests/security/test_hardening.py:" in report
    assert CANARY not in report


def test_cli_unexpected_failure_is_recorded_without_data(initialized: Any, tmp_path: Path) -> None:
    """A failure the CLI does not know: one error line, and a crash log without data."""
    proc = run_python(
        f"""
        import sys
        from desktop import cli
        def boom(args):
            raise RuntimeError({CANARY!r})
        cli.cmd_list = boom
        sys.exit(cli.main(["--vault", {str(initialized.vault)!r}, "list"]))
        """
    )
    # build_parser binds cmd_list when called, after the patch above.
    assert proc.returncode == 1
    assert proc.stderr.strip() == "error: unexpected failure (RuntimeError)"
    text = crash_log_path().read_text(encoding="utf-8")
    assert "builtins.RuntimeError" in text and CANARY not in text
