"""Wires the letters feature into the main window: the Letters menu, the Appeals tab next
to the case editor, and the dialogs (composer, batch, follow-ups, recipients import).

The main window keeps only a hook: ``LettersFeature(window)`` once, ``show_case(doc)``
when a case is opened and ``close_all()`` when the vault locks.
"""

from __future__ import annotations

import datetime as _dt
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox

from desktop.letters.appeals import AppealLog
from desktop.letters.vault_recipients import MAX_FILE_BYTES, import_recipients
from desktop.ui.letters.appeals_tab import AppealsTab
from desktop.ui.unlock_dialog import describe_error

if TYPE_CHECKING:
    # The dialogs are imported when first opened, not with the main window: they bring
    # the letter renderer (reportlab, jinja2, Arabic shaping, QtPdf), about a third of a
    # second of the start on a quiet machine (docs/performance.md, "The desktop GUI").
    from desktop.ui.letters.batch_dialog import BatchLettersDialog
    from desktop.ui.letters.composer import LetterComposer
    from desktop.ui.letters.followups import FollowUpsDialog
    from desktop.ui.main_window import MainWindow


class LettersFeature(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.today: _dt.date | None = None  # tests pin the date; None: the real today
        self.dialogs: list[QDialog] = []
        self.case: dict[str, Any] | None = None
        self.appeals_tab = AppealsTab(self._change_status)
        self.appeals_tab.follow_up_requested.connect(
            lambda rid: self.open_composer(template="follow-up", recipient=rid)
        )
        self.appeals_tab.new_letter_requested.connect(lambda: self.open_composer())
        window.tabs.addTab(self.appeals_tab, self.tr("Appeals"))
        add = window.add_action
        self.compose_action = add(
            "letters", self.tr("New letter…"), "Ctrl+Shift+L", self.open_composer, "new_letter"
        )
        self.compose_action.setEnabled(False)
        self.batch_action = add(
            "letters", self.tr("Batch letters…"), None, self.open_batch, "batch_letters",
            toolbar=False,
        )  # fmt: skip
        self.follow_ups_action = add(
            "letters", self.tr("Follow-ups due…"), None, self.open_follow_ups, "follow_ups_due",
            toolbar=False,
        )  # fmt: skip
        self.import_action = add(
            "letters", self.tr("Import recipients…"), None, self.choose_recipients_file,
            "import_recipients", toolbar=False,
        )  # fmt: skip

    # ------------------------------------------------------------------ case
    def show_case(self, doc: dict[str, Any] | None) -> None:
        """The case now open in the editor (None: none or a new, unsaved case)."""
        self.case = doc
        self.appeals_tab.set_case(doc)
        self.compose_action.setEnabled(doc is not None)

    def _ready(self) -> bool:
        """A saved case is open and has no unsaved edits (a letter is written from the
        stored case, and recording an appeal saves it: edits would be overwritten)."""
        w = self.window
        if self.case is None or w._is_locked():
            return False
        if not w.confirm_discard():
            return False
        return w._shown_id is not None

    def _reload_case(self, case_id: str) -> None:
        w = self.window
        if w._is_locked():
            return
        if w._shown_id == case_id and (w.editor is None or not w.editor.is_dirty()):
            w.open_case(case_id)

    def _change_status(
        self, number: int, status: str, response: str | None, notes: str | None = None
    ) -> None:
        w = self.window
        if not self._ready() or w._shown_id is None:
            return
        case_id = w._shown_id
        ref = str(w.session.store.cases.get(case_id)["reference"])
        try:
            AppealLog(w.session.store.cases).set_status(
                f"{ref}/{number}",
                status,
                on=self.today or _dt.date.today(),
                response=response,
                notes=notes,
            )
        except Exception as exc:
            QMessageBox.warning(w, self.tr("Letters"), describe_error(exc))
            return
        w.open_case(case_id)
        w.statusBar().showMessage(self.tr("Appeal {number} is now {status}").format(
            number=number, status=self.appeals_tab.status_labels.get(status, status)
        ))  # fmt: skip

    # ------------------------------------------------------------------ dialogs
    def _keep(self, dialog: QDialog) -> None:
        self.dialogs.append(dialog)
        dialog.finished.connect(lambda _r, d=dialog: self._forget(d))

    def _forget(self, dialog: QDialog) -> None:
        if dialog in self.dialogs:
            self.dialogs.remove(dialog)
        dialog.deleteLater()

    def open_composer(
        self, *, template: str | None = None, recipient: str | None = None
    ) -> LetterComposer | None:
        if not self._ready() or self.window._shown_id is None:
            return None
        from desktop.ui.letters.composer import LetterComposer

        try:
            composer = LetterComposer(
                self.window.session, self.window._shown_id, self.window,
                template=template, recipient=recipient, today=self.today,
            )  # fmt: skip
        except Exception as exc:  # a broken recipient or template file
            QMessageBox.warning(self.window, self.tr("Letters"), describe_error(exc))
            return None
        composer.appeal_recorded.connect(self._reload_case)
        self._keep(composer)
        composer.show()
        return composer

    def batch_case_ids(self) -> list[str] | None:
        """Several selected cases; else the cases the list's search and filters match;
        else None (every case)."""
        w = self.window
        model = w.model
        rows = sorted({i.row() for i in w.table.selectionModel().selectedRows()})
        if len(rows) > 1:
            return [cid for r in rows if (cid := model.case_id(r)) is not None]
        filt = w.current_filter()
        if filt.is_empty():
            return None
        return [s.id for s in w.session.store.cases.page(filt, limit=1_000_000)]

    def open_batch(self) -> BatchLettersDialog | None:
        w = self.window
        if w._is_locked():
            return None
        from desktop.ui.letters.batch_dialog import BatchLettersDialog

        try:
            dialog = BatchLettersDialog(w.session, self.batch_case_ids(), w, today=self.today)
        except Exception as exc:
            QMessageBox.warning(w, self.tr("Letters"), describe_error(exc))
            return None
        dialog.batch_done.connect(lambda result, d=dialog: self._batch_done(d, result))
        self._keep(dialog)
        dialog.show()
        return dialog

    def _batch_done(self, dialog: BatchLettersDialog, result: Any) -> None:
        w = self.window
        if w._is_locked():
            return
        if w._shown_id is not None:
            self._reload_case(w._shown_id)
        w.statusBar().showMessage(
            self.tr("{count} letters written").format(count=len(result.written))
        )
        QMessageBox.information(w, self.tr("Batch letters"), dialog.summary(result))

    def open_follow_ups(self) -> FollowUpsDialog | None:
        w = self.window
        if w._is_locked():
            return None
        from desktop.ui.letters.followups import FollowUpsDialog

        dialog = FollowUpsDialog(w.session, w, today=self.today)
        dialog.open_case.connect(self.go_to_case)
        self._keep(dialog)
        dialog.show()
        return dialog

    def go_to_case(self, reference: str) -> None:
        w = self.window
        if w._is_locked() or not w.confirm_discard():
            return
        try:
            case_id = w.session.store.cases.resolve(reference)
        except Exception as exc:
            QMessageBox.warning(w, self.tr("Letters"), describe_error(exc))
            return
        w.open_case(case_id)
        w._select_case(case_id)
        w.tabs.setCurrentWidget(self.appeals_tab)
        w.raise_()
        w.activateWindow()

    # ------------------------------------------------------------------ recipients
    def choose_recipients_file(self) -> None:
        from desktop.ui.file_dialogs import forget_history

        try:
            path, _ = QFileDialog.getOpenFileName(
                self.window,
                self.tr("Import recipients"),
                "",
                self.tr("Recipient files (*.yaml *.yml);;All files (*)"),
            )
        finally:
            forget_history()  # Qt would keep the folder in its plain-text config
        if path:
            self.import_recipients_file(Path(path))

    def import_recipients_file(self, path: Path) -> list[str]:
        """Validate and store the file's recipients in the vault; all or nothing."""
        w = self.window
        if w._is_locked():
            return []
        try:
            if path.stat().st_size > MAX_FILE_BYTES:
                data = b"x" * (MAX_FILE_BYTES + 1)  # refused by the parser with its message
            else:
                data = path.read_bytes()
            added = import_recipients(w.session.store, data, path.name)
        except Exception as exc:
            QMessageBox.warning(w, self.tr("Import recipients"), describe_error(exc))
            return []
        ids = [r.id for r in added]
        unverified = [r.id for r in added if not r.verified]
        message = self.tr("{count} recipients imported into the vault: {ids}").format(
            count=len(ids), ids=", ".join(ids)
        )
        if unverified:
            message += "\n" + self.tr(
                "Not verified (letters to them show a warning): {ids}"
            ).format(ids=", ".join(unverified))
        w.statusBar().showMessage(self.tr("{count} recipients imported").format(count=len(ids)))
        QMessageBox.information(w, self.tr("Import recipients"), message)
        return ids

    # ------------------------------------------------------------------ lock
    def close_all(self) -> None:
        """On lock: close every letters dialog and forget the case."""
        for dialog in list(self.dialogs):
            cancel = getattr(dialog, "cancel_event", None)  # a batch being written
            if cancel is not None:
                cancel.set()
            dialog.done(QDialog.DialogCode.Rejected)
        self.show_case(None)
