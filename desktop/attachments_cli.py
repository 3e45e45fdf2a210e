"""``testimony-desk attach add|list|export|rm`` over desktop.attachments (DESIGN §6, extended).

A compatible extension of the command-line contract: a new command, the contract's exit
codes (4 for a file over the size limit, 1 for an unknown case or attachment, 2 for usage,
5 for a damaged or altered blob) and one ``error:`` line on stderr. An attachment is named
by its number in ``attach list`` (1, 2, …), its id, or an unambiguous id prefix.

Adding never touches the original file; the command says so, with the path, like the GUI.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import Any

from desktop.errors import NotFoundError, UsageError

Add = Callable[[str, Callable[[argparse.Namespace], int], str], argparse.ArgumentParser]


def _service(args: argparse.Namespace) -> tuple[Any, Any]:
    from desktop.attachments import AttachmentService
    from desktop.cli import open_session

    session = open_session(args)
    return session, AttachmentService.for_session(session)


def _pick(items: list[Any], which: str) -> Any:
    """The attachment named by number (1-based), id, or a unique id prefix (>= 4 chars)."""
    if which.isdigit() and len(which) < 6:
        number = int(which)
        if 1 <= number <= len(items):
            return items[number - 1]
        raise NotFoundError(f"no attachment number {number} (the case has {len(items)})")
    found = [a for a in items if a.id == which.lower()]
    if not found and len(which) >= 4:
        found = [a for a in items if a.id.startswith(which.lower())]
    if len(found) == 1:
        return found[0]
    if len(found) > 1:
        raise UsageError(f"{which!r} matches several attachments: give more of the id")
    raise NotFoundError(f"no attachment {which!r} in this case")


def cmd_list(args: argparse.Namespace) -> int:
    from desktop.attachments import format_size

    session, service = _service(args)
    try:
        items = service.list_attachments(args.ref)
    finally:
        session.lock()
    if args.json:
        from desktop.cli import print_json

        print_json(
            [
                {
                    "number": n,
                    "id": a.id,
                    "filename": a.filename,
                    "media_type": a.media_type,
                    "sha256": a.sha256,
                    "size": a.size,
                    "caption": a.caption or None,
                    "date": a.date or None,
                    "stored": a.stored,
                }
                for n, a in enumerate(items, 1)
            ]
        )
    else:
        for n, a in enumerate(items, 1):
            missing = "" if a.stored else "\t(file not in this vault)"
            print(f"{n}\t{a.id}\t{a.filename}\t{a.media_type}\t{format_size(a.size)}{missing}")
    return 0


def cmd_add(args: argparse.Namespace) -> int:
    from desktop.attachments import format_size

    paths = [Path(p) for p in args.files]
    session, service = _service(args)
    added: list[Path] = []
    try:
        for path in paths:
            info = service.add(args.ref, path, caption=args.caption)
            added.append(path)
            print(f"added {info.filename} ({format_size(info.size)}, {info.media_type}): {info.id}")
    finally:
        session.lock()
        if added:  # also when a later file failed: these are in the vault now
            print()
            print("The original files are still outside the vault; delete them securely if")
            print("they must not stay on this computer (testimony-desk never deletes them):")
            for path in added:
                print(f"    {path}")
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    session, service = _service(args)
    try:
        att = _pick(service.list_attachments(args.ref), args.attachment)
        out = service.export(args.ref, att.id, Path(args.out))
    finally:
        session.lock()
    print(f"exported {att.filename} to {out} (unencrypted: delete it securely when done)")
    return 0


def cmd_rm(args: argparse.Namespace) -> int:
    session, service = _service(args)
    try:
        att = _pick(service.list_attachments(args.ref), args.attachment)
        service.remove(args.ref, att.id)
    finally:
        session.lock()
    print(f"removed {att.filename} from the case; its encrypted file was deleted")
    return 0


def register(add: Add) -> None:
    """Add ``attach`` and its sub-commands to the main parser (see desktop/cli.py)."""
    from desktop.cli import _Parser

    def no_sub(_args: argparse.Namespace) -> int:
        raise UsageError("attach needs a sub-command: add, list, export or rm")

    p = add("attach", no_sub, "files of a case, encrypted in the vault: add, list, export, rm")
    sub = p.add_subparsers(dest="attach_command", parser_class=_Parser)

    def sp(name: str, handler: Callable[[argparse.Namespace], int], help_text: str) -> Any:
        q = sub.add_parser(name, help=help_text, description=help_text)
        q.set_defaults(handler=handler)
        q.add_argument("ref", metavar="REF", help="case reference or id")
        return q

    q = sp("add", cmd_add, "encrypt files into the vault and attach them to case REF")
    q.add_argument("files", nargs="+", metavar="FILE")
    q.add_argument("--caption", metavar="TEXT")
    q = sp("list", cmd_list, "the attachments of case REF: number, id, name, type, size")
    q.add_argument("--json", action="store_true")
    q = sp("export", cmd_export, "decrypt one attachment to FILE (a plaintext copy)")
    q.add_argument("attachment", metavar="ATTACHMENT", help="number in `attach list`, or id")
    q.add_argument("--out", required=True, metavar="FILE")
    q = sp("rm", cmd_rm, "remove one attachment from case REF and delete its encrypted file")
    q.add_argument("attachment", metavar="ATTACHMENT", help="number in `attach list`, or id")
