"""The ``testimony-desk`` command line (contract: DESIGN §6).

Every failure prints exactly one line starting with ``error:`` on stderr and exits with
the contract's code: 0 ok, 2 usage, 3 wrong passphrase or locked, 4 invalid input,
5 integrity or trust failure, 1 anything else. Unexpected exceptions never print their
message (a database error can quote case data); they print only their type.
"""

from __future__ import annotations

import argparse
import errno
import getpass
import json
import logging
import multiprocessing
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, NoReturn

from desktop import __version__
from desktop.errors import AuthError, TestimonyDeskError, UsageError, storage_failure

Handler = Callable[[argparse.Namespace], int]
# Commands that never write to the vault; every other command takes the instance lock
# (desktop.hardening.InstanceLock) so it cannot write while the app has the vault open.
READ_ONLY_COMMANDS = frozenset({"init", "list", "show", "search", "export", "check"})


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise UsageError(message)


# ---------------------------------------------------------------------- passphrases
def _read_first_line(path: str, what: str) -> str:
    try:
        with open(path, encoding="utf-8") as fh:
            line = fh.readline()
    except OSError as exc:
        raise UsageError(f"cannot read the {what} file: {exc.strerror}") from exc
    except UnicodeDecodeError as exc:
        raise UsageError(f"the {what} file is not UTF-8 text") from exc
    line = line.rstrip("\r\n")
    if not line:
        raise UsageError(f"the {what} file is empty")
    return line


def _ask(prompt: str) -> str:
    if not sys.stdin or not sys.stdin.isatty():
        raise AuthError("no passphrase: use --passphrase-file or run in a terminal")
    return getpass.getpass(prompt)


def _passphrase(args: argparse.Namespace) -> str:
    if args.passphrase_file:
        return _read_first_line(args.passphrase_file, "passphrase")
    return _ask("Passphrase: ")


def _new_passphrase(path: str | None) -> str:
    if path:
        return _read_first_line(path, "new passphrase")
    first = _ask("New passphrase: ")
    if _ask("Repeat the new passphrase: ") != first:
        raise UsageError("the two passphrases differ")
    return first


def open_session(args: argparse.Namespace) -> Any:
    """Unlock the vault named by the global options (used by every command module)."""
    from desktop.app import unlock

    if args.recovery_key_file:
        session = unlock(
            args.vault, recovery_key=_read_first_line(args.recovery_key_file, "recovery key")
        )
    else:
        session = unlock(args.vault, passphrase=_passphrase(args))
    if session.permission_fixes:
        print(
            "warning: the vault's permissions were too open and were restricted to you: "
            + "; ".join(session.permission_fixes),
            file=sys.stderr,
        )
    return session


def print_json(value: Any) -> None:
    sys.stdout.write(json.dumps(value, ensure_ascii=False, indent=2) + "\n")


# ---------------------------------------------------------------------- commands
def cmd_init(args: argparse.Namespace) -> int:
    from desktop.app import create_vault

    if args.db_url and not args.hq:
        raise UsageError("--db-url is for an HQ vault: add --hq")
    passphrase = (
        _read_first_line(args.passphrase_file, "passphrase")
        if args.passphrase_file
        else _new_passphrase(None)
    )
    session, recovery = create_vault(
        args.vault, passphrase, hq=args.hq, name=args.name, db_url=args.db_url
    )
    session.lock()
    kind = "HQ vault" if args.hq else "vault"
    print(f"Created a new {kind} in {args.vault}")
    print()
    print("Recovery key — it opens the vault if the passphrase is lost. It is shown only")
    print("this once: write it on paper and keep it away from this computer.")
    print()
    print(f"    {recovery}")
    print()
    return 0


def cmd_passwd(args: argparse.Namespace) -> int:
    session = open_session(args)
    try:
        new = _new_passphrase(args.new_passphrase_file)
        session.vault.change_passphrase(session.unlocked, new)
    finally:
        session.lock()
    print("Passphrase changed. The recovery key is unchanged.")
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    session = open_session(args)
    try:
        result = session.import_files([Path(p) for p in args.files])
    finally:
        session.lock()
    total = result.created + result.updated + result.unchanged
    print(
        f"imported {total} case{'s' if total != 1 else ''}: {result.created} new, "
        f"{result.updated} updated, {result.unchanged} unchanged"
    )
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    session = open_session(args)
    try:
        count = session.export_to(Path(args.out), args.format, redact=args.redact)
    finally:
        session.lock()
    redacted = " (redacted)" if args.redact else ""
    print(f"exported {count} case{'s' if count != 1 else ''}{redacted} to {args.out}")
    return 0


def _summary_json(s: Any) -> dict[str, Any]:
    return {
        "id": s.id,
        "reference": s.reference,
        "detained_person": s.detained_name,
        "status": s.status,
        "verification": s.verification,
        "last_event_date": s.last_event_date,
        "country": s.country,
        "appeals": s.appeals,
        "updated": s.updated,
    }


def cmd_list(args: argparse.Namespace) -> int:
    session = open_session(args)
    try:
        summaries = session.store.cases.summaries()
    finally:
        session.lock()
    if args.json:
        print_json([_summary_json(s) for s in summaries])
    else:
        for s in summaries:
            print(f"{s.reference}\t{s.detained_name}\t{s.status}")
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    from desktop.case_text import render_case_text

    session = open_session(args)
    try:
        doc = session.store.cases.get(args.ref)
    finally:
        session.lock()
    if args.json:
        print_json(doc)
    else:
        sys.stdout.write(render_case_text(doc))
    return 0


def cmd_search(args: argparse.Namespace) -> int:
    session = open_session(args)
    try:
        hits = session.store.cases.search(args.query, limit=args.limit)
    finally:
        session.lock()
    if args.json:
        print_json(
            [
                {
                    "id": h.id,
                    "reference": h.reference,
                    "detained_person": h.detained_name,
                    "status": h.status,
                    "score": round(-h.score, 4),
                }
                for h in hits
            ]
        )
    else:
        for h in hits:
            print(f"{h.reference}\t{h.detained_name}\t{h.status}")
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    """Authenticate every page, check the structure and the history chain (exit 5 on a fault)."""
    from desktop.app import unlock

    if args.recovery_key_file:
        session = unlock(
            args.vault,
            recovery_key=_read_first_line(args.recovery_key_file, "recovery key"),
            check=False,
        )
    else:
        session = unlock(args.vault, passphrase=_passphrase(args), check=False)
    try:
        session.store.verify()
        count = session.store.cases.count()
    finally:
        session.lock()
    print(
        f"ok: {count} case{'s' if count != 1 else ''}; database pages and change history verified"
    )
    return 0


def cmd_erase(args: argparse.Namespace) -> int:
    from desktop.app import erase
    from desktop.vault.vault import Vault

    if not args.yes:
        raise UsageError("erase destroys the vault for ever: confirm with --yes")
    if not Vault(args.vault).exists() and not Path(args.vault).exists():
        raise UsageError(f"no vault in {args.vault}")
    erase(Path(args.vault))
    print("The vault was erased: its keys are destroyed and its files deleted.")
    return 0


def cmd_gui(args: argparse.Namespace) -> int:
    if getattr(args, "self_test", False):
        from desktop.ui.selftest import run_self_test

        return run_self_test(Path(args.vault), _passphrase(args))
    from desktop.ui.main import run_gui

    return int(run_gui(Path(args.vault)))


# ---------------------------------------------------------------------- parser
def build_parser() -> argparse.ArgumentParser:
    from desktop.app import default_vault_dir

    parser = _Parser(
        prog="testimony-desk",
        description="Record testimonies offline in an encrypted vault; write appeal letters.",
    )
    parser.add_argument("--version", action="store_true", help="print versions and exit")
    parser.add_argument(
        "--vault",
        type=Path,
        default=default_vault_dir(),
        help="vault folder (default: $TESTIMONY_DESK_VAULT or the user data folder)",
    )
    parser.add_argument("--passphrase-file", metavar="FILE", help="read the passphrase from FILE")
    parser.add_argument(
        "--recovery-key-file", metavar="FILE", help="unlock with the recovery key in FILE"
    )
    sub = parser.add_subparsers(dest="command", parser_class=_Parser)

    def add(name: str, handler: Handler, help_text: str) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help_text, description=help_text)
        p.set_defaults(handler=handler)
        return p

    p = add("gui", cmd_gui, "launch the desktop application (the default)")
    p.add_argument(
        "--self-test",
        action="store_true",
        help="open the main window on the vault, paint it and quit: 0 when all went well",
    )
    p = add("init", cmd_init, "create a vault and print its recovery key once")
    p.add_argument("--hq", action="store_true", help="a headquarters vault (receives bundles)")
    p.add_argument("--name", help="organisation name (kept inside the encrypted database)")
    p.add_argument("--db-url", help="HQ store on PostgreSQL (postgresql://…)")
    p = add("passwd", cmd_passwd, "change the passphrase (rewraps the key; data untouched)")
    p.add_argument("--new-passphrase-file", metavar="FILE")
    p = add("import", cmd_import, "import cases from JSON, JSON Lines or CSV files")
    p.add_argument("files", nargs="+", metavar="FILE")
    p = add("export", cmd_export, "export every case to a file (plaintext: keep it safe)")
    p.add_argument("--out", required=True, metavar="FILE")
    p.add_argument("--format", choices=("json", "jsonl", "csv"), default="json")
    p.add_argument("--redact", action="store_true", help="leave out identifying details")
    p = add("list", cmd_list, "one case a line: reference, detained person, status")
    p.add_argument("--json", action="store_true")
    p = add("show", cmd_show, "show one case (case format with --json)")
    p.add_argument("ref", metavar="REF")
    p.add_argument("--json", action="store_true")
    p = add("search", cmd_search, "search names in any script or transliteration, places, text")
    p.add_argument("query", metavar="QUERY")
    p.add_argument("--json", action="store_true")
    p.add_argument("--limit", type=int, default=50)
    # Feature packages keep their command handlers in their own module and register them
    # here with one line each: ``register(add)`` (see desktop/letters, desktop/sync).
    from desktop.letters.commands import register as register_letters

    register_letters(add)
    from desktop.sync.commands import register as register_sync

    register_sync(add)
    from desktop.attachments_cli import register as register_attach

    register_attach(add)
    add("check", cmd_check, "verify every page of the vault database and the change history")
    p = add("erase", cmd_erase, "crypto-erase this vault (keys destroyed, files deleted)")
    p.add_argument("--yes", action="store_true", help="confirm")
    return parser


def print_version() -> None:
    """Versions of the app and of the libraries that matter for a bug report or an audit."""
    import platform

    import reportlab
    import sqlalchemy

    from desktop.store.engine import check_driver

    try:
        cipher = check_driver()  # PRAGMA cipher_version on an in-memory connection
    except TestimonyDeskError:
        cipher = "NOT AVAILABLE"
    print(f"testimony-desk {__version__}")
    print(f"SQLCipher {cipher}")
    print(f"SQLAlchemy {sqlalchemy.__version__}")
    try:
        import PySide6
        from PySide6 import QtCore

        print(f"Qt {QtCore.qVersion()} (PySide6 {PySide6.__version__})")
    except ImportError:
        print("Qt not installed")
    print(f"reportlab {reportlab.Version}")
    frozen = " (frozen)" if getattr(sys, "frozen", False) else ""
    print(f"Python {platform.python_version()}{frozen}")


def _describe_os_error(exc: OSError) -> str:
    if exc.errno == errno.ENOSPC:
        return "the disk is full: nothing was changed"
    if exc.errno in (errno.EACCES, errno.EPERM):
        return f"permission denied{': ' + exc.filename if exc.filename else ''}"
    if exc.errno == errno.ENOENT and exc.filename:
        return f"no such file: {exc.filename}"
    return f"input/output error ({exc.strerror or type(exc).__name__})"


def _flushed(code: int) -> int:
    """``code``, once standard output is written out (a closed pipe is reported here)."""
    sys.stdout.flush()
    return code


def main(argv: Sequence[str] | None = None) -> int:
    # In a frozen build, a helper process (the import's parser, desktop.interchange.parallel)
    # starts this same executable: freeze_support turns it into the helper and never returns.
    multiprocessing.freeze_support()
    argv = list(sys.argv[1:] if argv is None else argv)
    # umask 077 (every file this process creates is private to the user), no core dumps.
    from desktop.hardening import harden_process

    harden_process()
    # Contract: stderr carries only the one ``error:`` line. Without a handler, Python's
    # last-resort handler would print library warnings (e.g. a damaged-page count) there too.
    if not logging.getLogger().handlers:
        logging.getLogger().addHandler(logging.NullHandler())
    try:
        parser = build_parser()
        args = parser.parse_args(argv)
        if args.version:
            print_version()
            return _flushed(0)
        handler: Handler = getattr(args, "handler", cmd_gui)
        if args.command in READ_ONLY_COMMANDS or handler is cmd_gui:
            return _flushed(handler(args))
        # One program at a time writes to a vault: the GUI holds this lock while it runs.
        from desktop.hardening import InstanceLock

        with InstanceLock(Path(args.vault)):
            return _flushed(handler(args))
    except BrokenPipeError:
        # The reader stopped reading (``testimony-desk list | head``): not an error to report.
        # Standard output now points at /dev/null, so the interpreter's last flush is quiet.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    except TestimonyDeskError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("error: interrupted", file=sys.stderr)
        return 130
    except OSError as exc:
        print(f"error: {_describe_os_error(exc)}", file=sys.stderr)
        return 1
    except Exception as exc:
        if os.environ.get("TESTIMONY_DESK_DEBUG"):
            raise
        disk = storage_failure(exc)  # a full disk or an I/O error under SQLite
        if disk is not None:
            print(f"error: {disk}", file=sys.stderr)
            return 1
        from desktop.hardening import record_crash

        record_crash(exc)  # exception type and frames only: no message, no local values
        print(f"error: unexpected failure ({type(exc).__name__})", file=sys.stderr)
        return 1


if __name__ == "__main__":
    raise SystemExit(main())
