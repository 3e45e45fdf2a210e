"""``testimony-desk sync …`` commands (DESIGN §6) over desktop.sync.service.

Output never names a case or a person: counts, fingerprints, sequence numbers and file
names (which are neutral by design) only.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from desktop.errors import TestimonyDeskError, UsageError

Add = Callable[[str, Callable[[argparse.Namespace], int], str], argparse.ArgumentParser]


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def _session(args: argparse.Namespace) -> Any:
    from desktop.cli import open_session

    return open_session(args)


def cmd_whoami(args: argparse.Namespace) -> int:
    from desktop.sync import service

    session = _session(args)
    try:
        fp = service.whoami(session)
        kind = session.unlocked.kind.value
    finally:
        session.lock()
    what = "HQ vault" if kind == "hq" else "vault"
    print(f"This {what}'s device fingerprint (read it aloud to compare):")
    print(fp)
    return 0


def cmd_hq_key(args: argparse.Namespace) -> int:
    from desktop.sync import service
    from desktop.sync.identity import grouped

    session = _session(args)
    try:
        key = service.write_hq_key(session, Path(args.out), rotate=args.rotate)
    finally:
        session.lock()
    rotated = " (new encryption key; old ones still decrypt)" if args.rotate else ""
    print(f"wrote the HQ identity file {args.out}{rotated}")
    print(f"HQ fingerprint: {grouped(key.fingerprint)}")
    return 0


def cmd_enroll(args: argparse.Namespace) -> int:
    from desktop.sync import service
    from desktop.sync.identity import grouped

    key = service.read_hq_key(Path(args.file))
    print(f"HQ: {key.name}")
    print(f"HQ fingerprint: {grouped(key.fingerprint)}")
    if not args.yes:
        if not sys.stdin or not sys.stdin.isatty():
            raise UsageError("compare the HQ fingerprint with HQ by voice, then confirm with --yes")
        answer = input("Is this the fingerprint HQ read to you? Trust this HQ [y/N]: ")
        if answer.strip().lower() not in ("y", "yes"):
            print("not enrolled")
            return 1
    session = _session(args)
    try:
        previous = service.enrolled_hq(session)
        service.enroll(session, key)
    finally:
        session.lock()
    if previous is not None and previous.fingerprint != key.fingerprint:
        print("replaced the previously enrolled HQ")
    print("enrolled: bundles from this vault will be encrypted to this HQ")
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    # Unlock first, then load the sync code: Argon2's 256 MiB peak then meets a lean
    # process (see desktop/app.py).
    session = _session(args)
    try:
        from desktop.sync import service

        result = service.export_bundle(session, Path(args.out))
    finally:
        session.lock()
    if result.excluded:
        print(
            f"left out {_plural(result.excluded, 'case')}: testimony consent does not allow "
            "sharing with HQ"
        )
    if result.path is None:
        print("nothing to export: no case changed since the last bundle")
        return 0
    print(
        f"bundle #{result.sequence}: {_plural(result.cases, 'case')}, "
        f"{_plural(result.attachments, 'attachment')}"
    )
    print(result.path)
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    session = _session(args)  # before the sync code is loaded: see cmd_export
    try:
        from desktop.sync import service
    except BaseException:
        session.lock()
        raise

    def progress(i: int, n: int, r: service.ImportResult) -> None:
        if r.already:
            print(f"[{i}/{n}] {r.path.name}: already imported, nothing changed", flush=True)
            return
        print(
            f"[{i}/{n}] {r.path.name}: {r.created} new, {r.updated} updated, "
            f"{r.unchanged} unchanged, {r.stale} older, {_plural(r.conflicts, 'conflict')}, "
            f"{_plural(r.attachments, 'attachment')}",
            flush=True,
        )
        if r.suffixed:
            before, after = r.suffixed[0]
            print(
                f"    {_plural(len(r.suffixed), 'reference')} also used by another device, now "
                f"shown with the device's suffix (e.g. {before} -> {after})",
                flush=True,
            )

    failures: list[TestimonyDeskError] = []

    def refused(i: int, n: int, path: Path, exc: TestimonyDeskError) -> None:
        failures.append(exc)
        print(f"[{i}/{n}] {path.name}: REFUSED (exit {exc.exit_code})", flush=True)

    try:
        results = service.import_bundles(
            session, [Path(p) for p in args.bundles], progress=progress, refused=refused
        )
    finally:
        session.lock()
    if failures:
        # One error line (the contract); the most serious refusal decides the exit code.
        worst = max(failures, key=lambda e: e.exit_code)
        others = len(failures) - 1
        more = f" (and {_plural(others, 'other refused bundle')})" if others else ""
        imported = sum(1 for r in results if not r.already)
        print(f"imported {_plural(imported, 'bundle')}; {len(failures)} refused")
        raise type(worst)(f"{worst}{more}")
    conflicts = sum(r.conflicts for r in results)
    imported = sum(1 for r in results if not r.already)
    print(f"imported {_plural(imported, 'bundle')}; {_plural(conflicts, 'new conflict')}")
    if conflicts:
        print("see them with: testimony-desk sync conflicts")
    return 0


def cmd_devices(args: argparse.Namespace) -> int:
    from desktop.cli import print_json
    from desktop.sync import service

    session = _session(args)
    try:
        if args.approve:
            fp = service.approve(session, args.approve)
            print(f"approved device {fp}")
            return 0
        found = service.devices(session)
    finally:
        session.lock()
    if args.json:
        print_json([d.__dict__ for d in found])
        return 0
    if not found:
        print("no devices yet")
    for d in found:
        state = "approved" if d.approved else "PENDING"
        last = d.last_sequence if d.last_sequence is not None else "-"
        print(f"{d.fingerprint}\t{state}\t{_plural(d.bundles, 'bundle')}\tlast #{last}")
    return 0


def cmd_conflicts(args: argparse.Namespace) -> int:
    from desktop.cli import print_json
    from desktop.sync import service

    session = _session(args)
    try:
        if args.resolve:
            if not args.keep:
                raise UsageError("--resolve needs --keep hq or --keep field")
            n = service.resolve(session, args.resolve, args.keep)
            print(
                f"resolved {_plural(n, 'conflict')} of {args.resolve}: kept the {args.keep} version"
            )
            return 0
        found = service.conflicts(session)
    finally:
        session.lock()
    if args.json:
        print_json([c.__dict__ for c in found])
        return 0
    if not found:
        print("no open conflicts")
    for c in found:
        print(f"{c.reference}\tfrom {c.device} #{c.sequence}\t{c.created}\tshown: {c.shown}")
    return 0


def cmd_ack(args: argparse.Namespace) -> int:
    from desktop.sync import service

    session = _session(args)
    try:
        seqs = service.write_ack(session, args.device, Path(args.out))
    finally:
        session.lock()
    print(f"wrote an acknowledgement of {_plural(len(seqs), 'bundle')} to {args.out}")
    return 0


def cmd_import_ack(args: argparse.Namespace) -> int:
    from desktop.sync import service

    session = _session(args)
    try:
        seqs, marked = service.import_ack(session, Path(args.file))
    finally:
        session.lock()
    print(
        f"HQ acknowledged {_plural(len(seqs), 'bundle')}; "
        f"{_plural(marked, 'case')} marked as received by HQ"
    )
    return 0


def cmd_status(args: argparse.Namespace) -> int:
    from desktop.cli import print_json
    from desktop.sync import service

    session = _session(args)
    try:
        status = service.export_status(session)
    finally:
        session.lock()
    print_json(status)
    return 0


def register(add: Add) -> None:
    """Add ``sync`` and its sub-commands to the main parser (see desktop/cli.py)."""
    from desktop.cli import _Parser

    def no_sub(_args: argparse.Namespace) -> int:
        raise UsageError("sync needs a sub-command: whoami, hq-key, enroll, export, import, …")

    p = add("sync", no_sub, "exchange encrypted, signed bundles with headquarters")
    sub = p.add_subparsers(dest="sync_command", parser_class=_Parser)

    def sp(name: str, handler: Callable[[argparse.Namespace], int], help_text: str) -> Any:
        q = sub.add_parser(name, help=help_text, description=help_text)
        q.set_defaults(handler=handler)
        return q

    sp("whoami", cmd_whoami, "this vault's device fingerprint (last line: the bare fingerprint)")
    q = sp("hq-key", cmd_hq_key, "(HQ) write the signed HQ identity file for field vaults")
    q.add_argument("--out", required=True, metavar="FILE")
    q.add_argument("--rotate", action="store_true", help="make a new encryption key current")
    q = sp("enroll", cmd_enroll, "(field) trust an HQ identity file")
    q.add_argument("file", metavar="FILE")
    q.add_argument("--yes", action="store_true", help="the fingerprint was compared: trust it")
    q = sp("export", cmd_export, "(field) write the next bundle into DIR; print its path")
    q.add_argument("--out", required=True, metavar="DIR")
    q = sp("import", cmd_import, "(HQ) verify, decrypt and merge bundles (files or folders)")
    q.add_argument("bundles", nargs="+", metavar="BUNDLE")
    q = sp("devices", cmd_devices, "(HQ) list field devices / approve one")
    q.add_argument("--approve", metavar="FINGERPRINT")
    q.add_argument("--json", action="store_true")
    q = sp("conflicts", cmd_conflicts, "(HQ) cases changed on both sides, until resolved")
    q.add_argument("--json", action="store_true")
    q.add_argument("--resolve", metavar="REF", help="settle the conflicts of case REF")
    q.add_argument("--keep", choices=("hq", "field"))
    q = sp("ack", cmd_ack, "(HQ) write an acknowledgement file for a device")
    q.add_argument("--device", required=True, metavar="FINGERPRINT")
    q.add_argument("--out", required=True, metavar="FILE")
    q = sp("import-ack", cmd_import_ack, "(field) read HQ's acknowledgement; mark cases received")
    q.add_argument("file", metavar="FILE")
    sp("status", cmd_status, "(field) last bundle, acknowledged bundles, cases waiting")
