"""Render the screenshots in docs/screenshots/ from a synthetic vault (offscreen Qt).

Usage::

    .venv/bin/python bench/screenshots.py [--out docs/screenshots] [--cases 60]

Builds a throwaway vault in a temporary folder (floor-cost Argon2, deleted at the end),
fills it with ``--cases`` invented cases from ``bench/synth.py`` (names in Kazakh, Russian,
Uyghur and Chinese scripts) and grabs each screen as a PNG: the first-run assistant, the
unlock dialog, the main window with cases in English, Russian and Kazakh, the case editor,
the settings (Kazakh), and the Uyghur main window and editor (right to left). Every person
in them is invented. Open every PNG after running it and look for clipped labels,
untranslated strings and broken RTL.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("TESTIMONY_DESK_ARGON2_MEMORY_KIB", str(64 * 1024))
os.environ.setdefault("PYTHON_KEYRING_BACKEND", "keyring.backends.null.Keyring")

from PySide6.QtCore import QCoreApplication, QThreadPool  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402
from synth import generate_cases  # noqa: E402

from desktop import preferences  # noqa: E402
from desktop.app import Session, create_vault  # noqa: E402
from desktop.ui import app_config, i18n  # noqa: E402
from desktop.ui.first_run import FirstRunWizard  # noqa: E402
from desktop.ui.fonts import install_fonts  # noqa: E402
from desktop.ui.main_window import MainWindow  # noqa: E402
from desktop.ui.settings_dialog import SettingsDialog  # noqa: E402
from desktop.ui.unlock_dialog import UnlockDialog  # noqa: E402

PASSPHRASE = "screenshot vault of invented cases only"  # noqa: S105 - a throwaway vault
SIZE = (1280, 800)


def settle(rounds: int = 30) -> None:
    """Let queued events, worker results and layouts run before a grab."""
    for _ in range(rounds):
        QThreadPool.globalInstance().waitForDone(2000)
        QCoreApplication.processEvents()


def grab(widget: QWidget, path: Path) -> None:
    widget.show()
    settle()
    widget.grab().save(str(path))
    print(path.relative_to(REPO) if path.is_relative_to(REPO) else path)


def main_window(session: Session, select_row: int = 0, tab: int = 0) -> MainWindow:
    window = MainWindow(session)
    window.resize(*SIZE)
    window.show()
    for _ in range(100):  # the list is filled by a worker job
        settle(3)
        if window.model.rowCount() > select_row:
            break
    window.table.setFocus()  # focus first: a focus-in would select row 0 afterwards
    settle(3)
    # Not selectRow(): in a right-to-left table Qt's selectRow looks for the column at the
    # viewport's right edge and selects nothing when the columns do not reach it.
    window.table.setCurrentIndex(window.model.index(select_row, 0))
    window.tabs.setCurrentIndex(tab)
    settle()
    return window


def close(window: MainWindow) -> None:
    """Hide without locking: the session serves the next screenshot."""
    window.hide()
    window.setParent(None)
    window.deleteLater()
    settle(5)


def shoot(out: Path, n_cases: int) -> None:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("Testimony Desk")
    install_fonts(app)
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="td-shots-") as tmp:
        folder = Path(tmp) / "vault"
        # The language pickers read (and the shots write) a config of their own, never the
        # user's ~/.config/testimony-desk.
        os.environ["XDG_CONFIG_HOME"] = str(Path(tmp) / "config")
        session, _recovery = create_vault(folder, PASSPHRASE)
        try:
            session.store.cases.save(list(generate_cases(n_cases, seed=7)))

            def unlock() -> None:
                dialog = UnlockDialog(folder)
                dialog.resize(460, dialog.sizeHint().height())
                grab(dialog, out / f"unlock-{i18n.current_language()}.png")
                dialog.deleteLater()

            def first_run() -> None:
                wizard = FirstRunWizard(Path(tmp) / "new-vault")
                wizard.resize(720, 560)
                grab(wizard, out / f"first-run-{i18n.current_language()}.png")
                wizard.deleteLater()

            def main_list() -> None:
                window = main_window(session, select_row=2, tab=0)
                grab(window, out / f"main-window-{i18n.current_language()}.png")
                close(window)

            def editor() -> None:
                window = main_window(session, select_row=2, tab=0)
                if window.editor is not None:
                    group = window.editor.groups["events"]
                    bar = window.editor.scroller.verticalScrollBar()
                    bar.setValue(group.y() - 8)
                grab(window, out / f"case-editor-{i18n.current_language()}.png")
                close(window)

            def settings() -> None:
                dialog = SettingsDialog(session.store, preferences.load(session.store))
                grab(dialog, out / f"settings-{i18n.current_language()}.png")
                dialog.deleteLater()

            shots: list[tuple[str, str, Callable[[], None]]] = [
                ("en", "first-run", first_run),
                ("ru", "first-run", first_run),
                ("en", "unlock", unlock),
                ("ru", "unlock", unlock),
                ("en", "main", main_list),
                ("ru", "main", main_list),
                ("kk", "main", main_list),
                ("en", "editor", editor),
                ("ru", "editor", editor),
                ("kk", "settings", settings),
                ("ug", "unlock", unlock),
                ("ug", "main", main_list),
                ("ug", "editor", editor),
            ]
            for lang, _name, make in shots:
                app_config.save(app_config.AppConfig(language=lang))
                i18n.install(app, lang)
                make()
        finally:
            session.lock()
            i18n.install(app, "en")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=REPO / "docs" / "screenshots")
    parser.add_argument("--cases", type=int, default=60)
    args = parser.parse_args(argv)
    shoot(args.out.resolve(), args.cases)
    return 0


if __name__ == "__main__":
    sys.exit(main())
