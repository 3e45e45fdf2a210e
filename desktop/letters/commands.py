"""CLI commands of the letters feature: ``recipients``, ``letter`` (single and batch), ``appeals``.

Registered into desktop/cli.py's parser with :func:`register`. Like every command they print
one ``error:`` line and exit with the contract's code on failure (refusals: exit 4 with every
reason); warnings (an unverified recipient address, a case skipped in a batch) go to stderr
as ``warning:`` lines and progress of a batch as ``letter i/n REF`` lines — references only,
never names, because terminals and CI logs keep what they print.
"""

from __future__ import annotations

import argparse
import datetime as _dt
import functools
import hashlib
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from desktop.errors import InvalidInputError, UsageError

Add = Callable[[str, Callable[[argparse.Namespace], int], str], argparse.ArgumentParser]


def _warn(message: str) -> None:
    print(f"warning: {message}", file=sys.stderr)


def _today(args: argparse.Namespace) -> _dt.date:
    raw = getattr(args, "date", None)
    if not raw:
        return _dt.date.today()
    try:
        return _dt.date.fromisoformat(raw)
    except ValueError:
        raise UsageError(f"--date must look like 2026-11-27, not {raw!r}") from None


def _check_out(path: Path, vault: Path) -> None:
    from desktop.vault.vaultfile import is_inside

    if is_inside(path, vault):
        raise UsageError("refusing to write a letter inside the vault folder")


def _write(path: Path, data: bytes) -> None:
    from desktop.vault.vaultfile import atomic_write

    path.parent.mkdir(parents=True, exist_ok=True)
    atomic_write(path, data)


# ---------------------------------------------------------------------- recipients
def _vault_given(args: argparse.Namespace) -> bool:
    """List the vault's own recipients when the vault can be opened without a prompt."""
    from desktop.vault.vault import Vault

    unlockable = bool(getattr(args, "passphrase_file", None)) or bool(
        getattr(args, "recovery_key_file", None)
    )
    return unlockable and Vault(args.vault).exists()


def cmd_recipients(args: argparse.Namespace) -> int:
    from desktop.cli import open_session, print_json
    from desktop.letters.recipients import load_directory
    from desktop.letters.vault_recipients import directory_for, import_recipients, vault_ids

    if args.action == "import":
        if not args.file:
            raise UsageError("recipients import needs a FILE.yaml")
        path = Path(args.file)
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise InvalidInputError(
                f"cannot read the file ({exc.strerror})", source=str(path)
            ) from None
        session = open_session(args)
        try:
            added = import_recipients(session.store, data, str(path))
        finally:
            session.lock()
        for r in added:
            if not r.verified:
                _warn(f"the postal address of {r.id} is not verified")
        ids = ", ".join(r.id for r in added)
        plural = "s" if len(added) != 1 else ""
        print(f"imported {len(added)} recipient{plural} into the vault: {ids}")
        return 0
    if args.action is not None or args.file:
        raise UsageError("recipients takes no argument but 'import FILE.yaml'")
    own: set[str] = set()
    if _vault_given(args):
        session = open_session(args)
        try:
            directory = directory_for(session.store)
            own = vault_ids(session.store)
        finally:
            session.lock()
    else:
        directory = load_directory()
    if args.json:
        print_json(
            [{**r.as_json(), "source_kind": "vault" if r.id in own else "shipped"}
             for r in directory.all()]
        )  # fmt: skip
        return 0
    for r in directory.all():
        mark = "" if r.verified else "\t(address not verified)"
        vault = "\t(vault)" if r.id in own else ""
        print(f"{r.id}\t{r.country}\t{','.join(r.languages)}\t{r.name_in('en')}{mark}{vault}")
    return 0


# ---------------------------------------------------------------------- letter
def cmd_letter(args: argparse.Namespace) -> int:
    if args.batch:
        return _letter_batch(args)
    if not args.ref:
        raise UsageError("letter needs a case reference (or --batch with a selection)")
    if not args.out:
        raise UsageError("letter needs --out FILE.pdf")
    if args.out_dir or args.combined:
        raise UsageError("--out-dir and --combined are for --batch")
    from desktop.cli import open_session
    from desktop.letters.appeals import AppealLog
    from desktop.letters.service import LetterService, attachment_images, settings_from_store

    out = Path(args.out)
    _check_out(out, Path(args.vault))
    session = open_session(args)
    try:
        service = LetterService.for_store(session.store)
        case = session.store.cases.get(args.ref)
        settings = settings_from_store(session.store, _today(args))
        composed = service.compose(
            case, args.to, template=args.template, lang=args.lang, settings=settings,
            page_size=args.page_size, images=lambda: attachment_images(session, case),
        )  # fmt: skip
        for warning in composed.warnings:
            _warn(warning)
        _write(out, composed.pdf)
        if not args.no_record:
            AppealLog(session.store.cases).record(
                case["reference"],
                recipient=composed.recipient,
                template=composed.template,
                language=composed.language,
                reference=composed.reference,
                pdf_sha256=composed.sha256,
                on=settings.today,
            )
    finally:
        session.lock()
    print(f"wrote {out} ({composed.template}, {composed.language}, ref. {composed.reference})")
    if not args.no_record:
        print(f"appeal {composed.case_reference}/{composed.number} recorded as drafted")
    print(f"sha256 {composed.sha256}")
    return 0


def _select(session: Any, args: argparse.Namespace) -> list[dict[str, Any]]:
    chosen = [x for x in (args.status, args.tag, args.search) if x]
    if len(chosen) != 1:
        raise UsageError("--batch needs exactly one of --status, --tag or --search")
    cases = session.store.cases
    if args.search:
        ids = [hit.id for hit in cases.search(args.search, limit=100_000)]
        return list(cases.documents(ids))
    docs = []
    for doc in cases.documents():
        by_status = args.status and doc["status"] == args.status
        by_tag = args.tag and args.tag in doc.get("tags", [])
        if by_status or by_tag:
            docs.append(doc)
    return docs


def _letter_batch(args: argparse.Namespace) -> int:
    if args.ref or args.out:
        raise UsageError(
            "--batch takes no case reference and no --out: use --out-dir or --combined"
        )
    if bool(args.out_dir) == bool(args.combined):
        raise UsageError("--batch needs exactly one of --out-dir DIR or --combined FILE.pdf")
    from desktop.cli import open_session
    from desktop.interchange.case_format import normalize_case
    from desktop.letters.appeals import record_appeal
    from desktop.letters.refusal import LetterRefused
    from desktop.letters.render import render_letters
    from desktop.letters.service import LetterService, attachment_images, settings_from_store

    target = Path(args.out_dir or args.combined)
    _check_out(target, Path(args.vault))
    session = open_session(args)
    written = 0
    try:
        service = LetterService.for_store(session.store)
        for warning in service.warnings_for(args.to):
            _warn(warning)
        settings = settings_from_store(session.store, _today(args))
        docs = _select(session, args)
        if not docs:
            raise InvalidInputError("no case matches the selection")
        total = len(docs)
        # (case, (template, language, letter reference), pdf sha256) per written letter
        done: list[tuple[dict[str, Any], tuple[str, str, str], str]] = []
        letters = []
        for i, case in enumerate(docs, 1):
            ref = case["reference"]
            print(f"letter {i}/{total} {ref}", file=sys.stderr)
            try:
                if args.combined:
                    letter, ctx = service.prepare(
                        case, args.to, template=args.template, lang=args.lang, settings=settings,
                        images=functools.partial(attachment_images, session, case),
                    )  # fmt: skip
                    letters.append(letter)
                    info = (ctx["template"], ctx["lang"], ctx["letter"]["reference"])
                    sha = ""  # the combined PDF's hash, known once all are rendered
                else:
                    composed = service.compose(
                        case, args.to, template=args.template, lang=args.lang,
                        settings=settings, page_size=args.page_size,
                        images=functools.partial(attachment_images, session, case),
                    )  # fmt: skip
                    name = composed.reference.replace("/", "_") + ".pdf"
                    _write(target / name, composed.pdf)
                    info = (composed.template, composed.language, composed.reference)
                    sha = composed.sha256
            except LetterRefused as exc:
                _warn(f"{ref} skipped: {exc.reason}")
                continue
            written += 1
            done.append((case, info, sha))
        if args.combined and letters:
            pdf = render_letters(letters, page_size=args.page_size)
            _write(target, pdf)
            sha_all = hashlib.sha256(pdf).hexdigest()
            done = [(c, info, sha_all) for c, info, _sha in done]
        if done and not args.no_record:
            new_docs = [
                normalize_case(
                    record_appeal(
                        case,
                        recipient=args.to,
                        template=info[0],
                        language=info[1],
                        reference=info[2],
                        pdf_sha256=sha,
                        on=settings.today,
                    )
                )
                for case, info, sha in done
            ]
            session.store.cases.save(new_docs, source="letter --batch")
    finally:
        session.lock()
    if written == 0:
        raise InvalidInputError("every selected case was refused: no letter was written")
    where = f"{target}" if args.combined else f"{target}/"
    print(f"wrote {written} letter{'s' if written != 1 else ''} to {where}")
    return 0


# ---------------------------------------------------------------------- appeals
def cmd_appeals(args: argparse.Namespace) -> int:
    from desktop.cli import open_session, print_json
    from desktop.letters.appeals import AppealLog

    if args.set is None and (args.status or args.response or args.notes):
        raise UsageError("--status, --response and --notes need --set CASE/N")
    if args.set is not None and not args.status:
        raise UsageError("--set needs --status (sent, acknowledged, answered or no-answer)")
    session = open_session(args)
    try:
        log = AppealLog(session.store.cases)
        if args.set is not None:
            row = log.set_status(
                args.set, args.status, on=_today(args), response=args.response, notes=args.notes
            )
            rows = [row]
        elif args.due:
            rows = log.due(_today(args))
        else:
            rows = log.all()
    finally:
        session.lock()
    if args.json:
        print_json([r.as_json() for r in rows])
        return 0
    for r in rows:
        extra = f"\tfollow-up {r.follow_up}" if r.follow_up and r.status != "answered" else ""
        response = f"\t{r.response}" if r.response else ""
        print(
            f"{r.appeal_id}\t{r.recipient}\t{r.template or '-'}\t{r.language or '-'}\t"
            f"{r.date or '-'}\t{r.status}{response}{extra}"
        )
    return 0


def register(add: Add) -> None:
    """Add ``recipients``, ``letter`` and ``appeals`` to the CLI parser (see desktop/cli.py)."""
    p = add(
        "recipients",
        cmd_recipients,
        "the recipient directory (institutions for letters); "
        "'recipients import FILE.yaml' adds the organisation's own to the vault",
    )
    p.add_argument("action", nargs="?", choices=("import",), help="import FILE.yaml into the vault")
    p.add_argument("file", nargs="?", metavar="FILE.yaml", help="recipients to import")
    p.add_argument("--json", action="store_true")

    p = add(
        "letter",
        cmd_letter,
        "write an appeal letter as PDF and record it as a drafted appeal "
        "(or --batch: one template for many cases)",
    )
    p.add_argument("ref", metavar="REF", nargs="?", help="case reference (not with --batch)")
    p.add_argument("--to", required=True, metavar="RECIPIENT", help="recipient id (see recipients)")
    p.add_argument("--lang", help="letter language (default: chosen from recipient and testimony)")
    p.add_argument("--template", help="template id (default: consular-inquiry)")
    p.add_argument("--out", metavar="FILE.pdf", help="where to save the letter")
    p.add_argument("--page-size", choices=("A4", "Letter"), default="A4")
    p.add_argument("--date", help="date of the letter, YYYY-MM-DD (default: today)")
    p.add_argument("--no-record", action="store_true", help="do not record an appeal (a draft)")
    p.add_argument("--batch", action="store_true", help="render for every selected case")
    p.add_argument("--status", help="--batch: cases with this status")
    p.add_argument("--tag", help="--batch: cases with this tag")
    p.add_argument("--search", metavar="QUERY", help="--batch: cases found by this search")
    p.add_argument("--out-dir", metavar="DIR", help="--batch: one PDF per case in DIR")
    p.add_argument("--combined", metavar="FILE.pdf", help="--batch: all letters in one PDF")

    p = add("appeals", cmd_appeals, "the appeal log; --due: follow-ups that are due")
    p.add_argument("--due", action="store_true", help="only appeals whose follow-up date has come")
    p.add_argument("--json", action="store_true")
    p.add_argument("--set", metavar="CASE/N", help="move appeal N of a case to --status")
    p.add_argument("--status", choices=("sent", "acknowledged", "answered", "no-answer"))
    p.add_argument(
        "--response",
        choices=("none", "denial", "confirmation-of-detention", "release-confirmed"),
        help="with --status answered: the official response",
    )
    p.add_argument("--notes", help="free text kept with the appeal (e.g. the response's content)")
    p.add_argument("--date", help="date of the change, YYYY-MM-DD (default: today)")
