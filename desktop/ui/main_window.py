"""Main window of the foundation release: case list, search, read-only case view, import, lock."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QModelIndex, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QFileDialog,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QPlainTextEdit,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.app import Session
from desktop.case_text import render_case_text
from desktop.store.cases import CaseSummary
from desktop.ui import workers
from desktop.ui.case_list import CaseListModel
from desktop.ui.unlock_dialog import describe_error

SEARCH_DELAY_MS = 250


class MainWindow(QMainWindow):
    locked = Signal()

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session
        self.setWindowTitle("Testimony Desk")
        self.resize(1200, 760)
        self._jobs: set[workers.Job] = set()
        # Bumped by every new search or refresh: a search result that arrives after the
        # user typed something else (or cleared the field) is stale and is dropped.
        self._search_seq = 0

        cases = session.store.cases
        self.model = CaseListModel(
            lambda offset, limit: cases.summaries(offset=offset, limit=limit), cases.count
        )
        self.table = QTableView()
        self.table.setObjectName("case_table")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().currentRowChanged.connect(self._show_case)

        self.search = QLineEdit()
        self.search.setObjectName("search")
        self.search.setPlaceholderText("Search names in any script, places, testimonies…")
        self.search.setClearButtonEnabled(True)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self._run_search)
        self.search.textChanged.connect(lambda _t: self._search_timer.start())

        self.detail = QPlainTextEdit()  # plain text: case data is never interpreted as HTML
        self.detail.setObjectName("case_detail")
        self.detail.setReadOnly(True)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.search)
        left_layout.addWidget(self.table)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(self.detail)
        splitter.setSizes([700, 500])
        self.setCentralWidget(splitter)

        self.count_label = QLabel()
        self.statusBar().addPermanentWidget(self.count_label)
        self.statusBar().showMessage(f"Vault: {session.vault.folder}")
        self._build_actions()
        self.refresh()

    def _build_actions(self) -> None:
        toolbar = self.addToolBar("Main")
        toolbar.setObjectName("main_toolbar")
        menu = self.menuBar().addMenu("&Vault")

        def action(
            text: str, shortcut: QKeySequence | QKeySequence.StandardKey | str, slot: Any, name: str
        ) -> QAction:
            act = QAction(text, self)
            act.setObjectName(name)
            act.setShortcut(QKeySequence(shortcut))
            act.triggered.connect(slot)
            toolbar.addAction(act)
            menu.addAction(act)
            return act

        self.import_action = action("Import…", "Ctrl+I", self.choose_import, "import")
        self.find_action = action(
            "Find", QKeySequence.StandardKey.Find, self.search.setFocus, "find"
        )
        self.lock_action = action("Lock", "Ctrl+L", self.lock, "lock")

    # ------------------------------------------------------------------ data
    def _is_locked(self) -> bool:
        """After Lock nothing may touch the store again: the engine could reconnect."""
        return self.session.unlocked.is_locked

    def refresh(self) -> None:
        if self._is_locked():
            return
        self._search_seq += 1
        self.model.reload()
        if self.model.canFetchMore():
            self.model.fetchMore()
        self.count_label.setText(f"{self.session.store.cases.count()} cases")

    def _show_case(self, current: QModelIndex, _previous: QModelIndex) -> None:
        case_id = self.model.case_id(current.row()) if current.isValid() else None
        if case_id is None or self._is_locked():
            self.detail.clear()
            return
        self.detail.setPlainText(render_case_text(self.session.store.cases.get(case_id)))

    def _run_search(self) -> None:
        if self._is_locked():
            return
        query = self.search.text().strip()
        if not query:
            self.refresh()
            return
        self._search_seq += 1
        seq = self._search_seq
        cases = self.session.store.cases

        def work() -> list[CaseSummary]:
            hits = cases.search(query, limit=200)
            summaries = {s.id: s for s in cases.summaries_for([h.id for h in hits])}
            return [summaries[h.id] for h in hits if h.id in summaries]

        self._start(work, lambda rows: self._show_results(rows, seq))

    def _show_results(self, rows: list[CaseSummary], seq: int) -> None:
        if seq != self._search_seq or self._is_locked():
            return
        self.model.set_rows(rows)
        self.statusBar().showMessage(f"{len(rows)} matching cases")

    # ------------------------------------------------------------------ actions
    def choose_import(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(
            self, "Import cases", "", "Case files (*.json *.jsonl *.csv);;All files (*)"
        )
        if paths:
            self.import_files([Path(p) for p in paths])

    def import_files(self, paths: list[Path]) -> None:
        session = self.session
        self.statusBar().showMessage("Importing…")
        self._start(lambda: session.import_files(paths), self._imported)

    def _imported(self, result: Any) -> None:
        if self._is_locked():
            return
        self.refresh()
        self.statusBar().showMessage(
            f"Imported: {result.created} new, {result.updated} updated, "
            f"{result.unchanged} unchanged"
        )

    def closeEvent(self, event: Any) -> None:
        """Closing the window locks the vault and quits (unless it was closed by Lock)."""
        if not self.session.unlocked.is_locked:
            self.session.lock()
            QApplication.quit()
        super().closeEvent(event)

    def lock(self) -> None:
        """Clear every view of case data, forget the keys, hide, then tell the caller.

        Clearing the search field restarts its debounce timer; it is stopped so that it
        cannot fire after the lock. The window hides before ``locked`` is emitted, so the
        unlock dialog that follows never sits in front of a (cleared) case window.
        """
        self.detail.clear()
        self.model.set_rows([])
        self.search.clear()
        self._search_timer.stop()
        self.session.lock()
        self.count_label.clear()
        self.close()
        self.locked.emit()

    def _start(self, fn: Any, done: Any) -> None:
        job: workers.Job

        def finished(result: Any) -> None:
            self._jobs.discard(job)
            done(result)

        def failed(exc: BaseException) -> None:
            self._jobs.discard(job)
            if self._is_locked():
                return
            self.statusBar().clearMessage()
            QMessageBox.warning(self, "Testimony Desk", describe_error(exc))

        job = workers.start(fn, finished, failed)
        self._jobs.add(job)
