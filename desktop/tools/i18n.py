"""Translation pipeline: extract the UI's strings and compile the Qt catalogues.

    python -m desktop.tools.i18n update   # sources → resources/i18n/testimony_desk_<lang>.ts
    python -m desktop.tools.i18n build    # .ts → .qm (committed beside the .ts)
    python -m desktop.tools.i18n status   # per language: finished / unfinished messages
    python -m desktop.tools.i18n check    # like status after update, changing nothing

``update`` runs ``pyside6-lupdate`` (from the PySide6 wheel) over every Python module under
``desktop/ui``; it keeps existing translations, marks new strings ``unfinished`` and drops
strings no longer in the code. Locations are not written, so an edit elsewhere in a file
does not change the ``.ts``. Translate the ``.ts`` with Qt Linguist (``pyside6-linguist``)
or any text editor, then ``build``. The ``.qm`` files are committed so that a checkout, the
wheel and the PyInstaller bundle work without Qt's tools; a test compiles the ``.ts`` again
and compares.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
I18N_DIR = ROOT / "resources" / "i18n"
SOURCE_DIRS = (ROOT / "desktop" / "ui",)
CATALOGUE = "testimony_desk"
TARGETS = {"ru": "ru_RU", "kk": "kk_KZ", "ug": "ug_CN"}


def qt_tool(name: str) -> str:
    """Path of ``lupdate``/``lrelease``: PySide6's own binaries, else ``pyside6-<name>``."""
    import PySide6

    bundled = Path(PySide6.__file__).resolve().parent / name
    if bundled.is_file():
        return str(bundled)
    found = shutil.which(f"pyside6-{name}") or shutil.which(name)
    if found is None:
        raise SystemExit(f"error: {name} not found (install PySide6 into this environment)")
    return found


def sources() -> list[Path]:
    return sorted(p for d in SOURCE_DIRS for p in d.rglob("*.py"))


def ts_path(lang: str) -> Path:
    return I18N_DIR / f"{CATALOGUE}_{lang}.ts"


def qm_path(lang: str) -> Path:
    return ts_path(lang).with_suffix(".qm")


def update(langs: list[str], into: Path | None = None) -> None:
    """Extract into the .ts files (or into copies of them in the folder ``into``)."""
    I18N_DIR.mkdir(parents=True, exist_ok=True)
    files = [str(p.relative_to(ROOT)) for p in sources()]
    for lang in langs:
        target = ts_path(lang)
        if into is not None:
            shutil.copyfile(target, into / target.name)
            target = into / target.name
        cmd = [
            qt_tool("lupdate"),
            "-no-obsolete",
            "-locations",
            "none",
            "-source-language",
            "en",
            "-target-language",
            TARGETS[lang],
            *files,
            "-ts",
            str(target),
        ]
        subprocess.run(cmd, cwd=ROOT, check=True, capture_output=into is not None)  # noqa: S603 - fixed argv


def compile_ts(ts: Path, qm: Path) -> None:
    cmd = [qt_tool("lrelease"), "-silent", str(ts), "-qm", str(qm)]
    subprocess.run(cmd, check=True)  # noqa: S603 - fixed argument list


def build(langs: list[str]) -> None:
    for lang in langs:
        compile_ts(ts_path(lang), qm_path(lang))
        print(f"{qm_path(lang).relative_to(ROOT)}")


@dataclass(frozen=True)
class Message:
    context: str
    source: str
    translation: str
    unfinished: bool
    forms: tuple[str, ...] = ()
    """For a plural (``%n``) message: each plural form of the language; else empty."""


def messages(ts: Path) -> list[Message]:
    """Every message of a ``.ts`` file (obsolete and vanished ones excluded)."""
    tree = ET.parse(ts)  # noqa: S314 - our own file
    out = []
    for context in tree.getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            node = message.find("translation")
            kind = node.get("type", "") if node is not None else "unfinished"
            if kind in ("obsolete", "vanished"):
                continue
            forms = (
                tuple(f.text or "" for f in node.iter("numerusform")) if node is not None else ()
            )
            text = (node.text or "").strip() if node is not None and not forms else ""
            out.append(
                Message(
                    context=name,
                    source=message.findtext("source") or "",
                    translation=text or (forms[0] if forms else ""),
                    unfinished=kind == "unfinished" or not (all(forms) if forms else text),
                    forms=forms,
                )
            )
    return out


def status(langs: list[str]) -> int:
    missing = 0
    for lang in langs:
        found = messages(ts_path(lang))
        todo = [m for m in found if m.unfinished]
        missing += len(todo)
        print(f"{lang}: {len(found) - len(todo)} translated, {len(todo)} unfinished")
        for m in todo:
            print(f"    {m.context}: {m.source!r}")
    return 1 if missing else 0


def check(langs: list[str]) -> int:
    """Extract into temporary copies and report strings of the code not translated yet
    (new ones included): what ``status`` would say after ``update``. Nothing is changed."""
    import tempfile

    with tempfile.TemporaryDirectory(prefix="td-i18n-") as tmp:
        update(langs, into=Path(tmp))
        missing = 0
        for lang in langs:
            todo = [m for m in messages(Path(tmp) / ts_path(lang).name) if m.unfinished]
            missing += len(todo)
            print(f"{lang}: {len(todo)} string(s) of the code not translated")
            for m in todo:
                print(f"    {m.context}: {m.source!r}")
    return 1 if missing else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m desktop.tools.i18n")
    parser.add_argument("command", choices=("update", "build", "status", "check"))
    parser.add_argument("langs", nargs="*", default=list(TARGETS), help="default: all")
    args = parser.parse_args(argv)
    langs = [lang for lang in args.langs if lang in TARGETS]
    if args.command == "update":
        update(langs)
    elif args.command == "build":
        build(langs)
    elif args.command == "check":
        return check(langs)
    else:
        return status(langs)
    return 0


if __name__ == "__main__":
    sys.exit(main())
