"""Main window: case list, search, the forms-driven case editor, import, lock.

The right side holds the case editor (generated from ``forms/detention-testimony.yaml``)
and a read-only plain-text summary. Saving runs ``normalize_case`` and
``CaseRepository.save`` (one transaction, one history entry) in a worker job. Unsaved edits
are guarded: switching to another case, New case, Lock and closing ask Save / Discard /
Cancel.
"""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import Any

from PySide6.QtCore import QItemSelectionModel, QLocale, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDialog,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QPlainTextEdit,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop import preferences
from desktop.app import Session
from desktop.attachments import AttachmentService
from desktop.errors import InvalidInputError
from desktop.intake.form import Form, default_form
from desktop.interchange.case_format import normalize_case
from desktop.store.cases import CaseFilter, CaseSummary, WriteResult
from desktop.ui import file_dialogs, i18n, workers
from desktop.ui.autolock import AutoLock
from desktop.ui.case_filters import CaseFilterBar, search_text
from desktop.ui.case_list import CaseListModel
from desktop.ui.case_summary import summary_text
from desktop.ui.clipboard import ClipboardGuard, strings_in
from desktop.ui.editor import CaseEditor
from desktop.ui.editor.fields import plain_label
from desktop.ui.letters.feature import LettersFeature
from desktop.ui.unlock_dialog import describe_error

PLACE_COLUMN = 3  # desktop.ui.case_list.COLUMNS
SEARCH_DELAY_MS = 250
DRAFT_KEY = "autolock_draft"  # unsaved edits kept (encrypted) across an automatic lock


class MainWindow(QMainWindow):
    locked = Signal()
    preferences_changed = Signal(object)  # Preferences, after Settings… saved them

    def __init__(self, session: Session, form: Form | None = None, lang: str | None = None) -> None:
        super().__init__()
        self.session = session
        # The UI language (labels of the form and vocabularies); default: the installed one.
        lang = lang or i18n.current_language()
        self.lang = lang
        # "[*]" shows the unsaved-changes mark; the title never carries case data.
        self.setWindowTitle(self.tr("Testimony Desk") + "[*]")
        self.resize(1280, 820)
        self._jobs: set[workers.Job] = set()
        # Bumped by every new search or refresh: a search result that arrives after the
        # user typed something else (or cleared the field) is stale and is dropped.
        self._search_seq = 0
        # The filter the list shows, or will show once the running search is done (None:
        # unknown). A keystroke that leaves it unchanged ("Erlan" + a space, a single
        # letter searched only once a second one follows) reads nothing again.
        self._searched: CaseFilter | None = None
        self._countries_seq = 0  # bumped by every read of the country filter's choices

        self.model = CaseListModel(session.store.cases, lang)
        self.table = QTableView()
        self.table.setObjectName("case_table")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        # Widths fitted once to the first rows, then the user's: ResizeToContents measured
        # every cell of every held row again on each reset (about 0.3 s per keystroke of
        # search-as-you-type with 500 rows in several scripts, bench/bench_gui.py).
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        # The place takes what is left (elided, full text in its tooltip): the detained
        # person's name keeps the width of the names shown, never squeezed by the others.
        header.setSectionResizeMode(PLACE_COLUMN, QHeaderView.ResizeMode.Stretch)
        header.setResizeContentsPrecision(100)
        self._columns_fitted = False
        # Sorting happens in the store (ORDER BY), never in the view: setSortingEnabled would
        # make Qt sort only the rows fetched so far.
        header.setSectionsClickable(True)
        header.setSortIndicatorShown(False)
        header.sectionClicked.connect(self._sort_clicked)
        self.table.selectionModel().currentRowChanged.connect(self._show_case)
        self.filters = CaseFilterBar(lang)
        self.filters.changed.connect(self._run_search)

        self.search = QLineEdit()
        self.search.setObjectName("search")
        self.search.setPlaceholderText(self.tr("Search names in any script, places, testimonies…"))
        self.search.setClearButtonEnabled(True)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self._search_typed)
        self.search.textChanged.connect(lambda _t: self._search_timer.start())
        self.search.returnPressed.connect(self._focus_list)

        self.detail = QPlainTextEdit()  # plain text: case data is never interpreted as HTML
        self.detail.setObjectName("case_detail")
        self.detail.setReadOnly(True)

        # The editor is generated from the form file; a broken form file must not keep the
        # vault from opening, so its error is shown where the editor would be.
        self.editor: CaseEditor | None = None
        self.tabs = QTabWidget()
        self.tabs.setObjectName("case_tabs")
        try:
            self.editor = CaseEditor(form or default_form(), lang)
        except InvalidInputError as exc:
            problem = plain_label(
                self.tr("The questionnaire cannot be used:\n{error}").format(error=exc)
            )
            problem.setObjectName("form_error")
            self.tabs.addTab(problem, self.tr("Case"))
        else:
            self.editor.dirty_changed.connect(self.setWindowModified)
            self.editor.set_attachment_service(AttachmentService.for_session(session))
            self.editor.attachments_changed.connect(self._attachments_changed)
            self.tabs.addTab(self.editor, self.tr("Case"))
        self.tabs.addTab(self.detail, self.tr("Summary"))
        self._shown_id: str | None = None  # the case in the editor (None: new or none)
        self._shown_doc: dict[str, Any] | None = None  # as loaded (to notice stale edits)
        self.resume_case: str | None = None  # the case to show again after unlocking
        self._focus_before_save: QWidget | None = None

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.search)
        left_layout.addWidget(self.filters)
        left_layout.addWidget(self.table)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(self.tabs)
        splitter.setSizes([520, 680])
        self.setCentralWidget(splitter)

        self.count_label = QLabel()
        self.count_label.setObjectName("case_count")
        # The path isolated as left-to-right text: in the Uyghur (RTL) UI its slashes would
        # otherwise be reordered ("tmp/x/vault/" instead of "/tmp/x/vault").
        folder = f"\u2066{session.vault.folder}\u2069"
        self.vault_label = QLabel(self.tr("Vault: {folder}").format(folder=folder))
        self.vault_label.setObjectName("vault_folder")
        self.lock_label = QLabel()
        self.lock_label.setObjectName("lock_countdown")
        for label in (self.vault_label, self.count_label, self.lock_label):
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setContentsMargins(6, 0, 6, 0)
            self.statusBar().addPermanentWidget(label)
        self._build_actions()
        self.letters = LettersFeature(self)  # Letters menu, Appeals tab, composer
        self.refresh()
        self._init_lock_guards()

    def _build_actions(self) -> None:
        """Menus in a fixed order; each feature adds its actions to its own menu.

        Features (letters, sync, settings, quick delete…) call ``self.add_action`` with the
        key of their menu, so adding one never reorders the others.
        """
        self.toolbar = self.addToolBar(self.tr("Main"))
        self.toolbar.setObjectName("main_toolbar")
        self.menus = {
            "vault": self.menuBar().addMenu(self.tr("&Vault")),
            "case": self.menuBar().addMenu(self.tr("&Case")),
            "letters": self.menuBar().addMenu(self.tr("&Letters")),
            "sync": self.menuBar().addMenu(self.tr("&Sync")),
            "help": self.menuBar().addMenu(self.tr("&Help")),
        }
        add = self.add_action
        self.new_action = add(
            "case", self.tr("New case"), QKeySequence.StandardKey.New, self.new_case, "new"
        )
        self.save_action = add(
            "case", self.tr("Save"), QKeySequence.StandardKey.Save, self.save_case, "save"
        )
        self.new_action.setEnabled(self.editor is not None)
        self.save_action.setEnabled(False)
        if self.editor is not None:
            self.editor.dirty_changed.connect(self.save_action.setEnabled)
        self.find_action = add(
            "case", self.tr("Find"), QKeySequence.StandardKey.Find, self.search.setFocus, "find"
        )
        self.import_action = add(
            "vault", self.tr("Import…"), "Ctrl+I", self.choose_import, "import"
        )
        self.lock_action = add("vault", self.tr("Lock"), "Ctrl+L", self.lock, "lock")
        self.settings_action = add(
            "vault", self.tr("Settings…"), "Ctrl+,", self.open_settings, "settings", toolbar=False
        )
        # Vault ▸ Quick delete… (Ctrl+Shift+Delete): countdown, crypto-erase, quit.
        from desktop.ui import quick_delete

        self.quick_delete = quick_delete.install(self)
        self.sync_dialog: Any = None
        self.sync_action = add(
            "sync", self.tr("Sync with HQ…"), "Ctrl+Shift+S", self.open_sync, "sync", toolbar=False
        )

    def add_action(
        self,
        menu: str,
        text: str,
        shortcut: QKeySequence | QKeySequence.StandardKey | str | None,
        slot: Any,
        name: str,
        *,
        toolbar: bool = True,
    ) -> QAction:
        """Create an action in menu ``menu`` (and the toolbar), named for tests to find."""
        act = QAction(text, self)
        act.setObjectName(name)
        if shortcut is not None:
            act.setShortcut(QKeySequence(shortcut))
        act.triggered.connect(slot)
        self.menus[menu].addAction(act)
        if toolbar:
            self.toolbar.addAction(act)
        return act

    # ------------------------------------------------------------------ data
    def _is_locked(self) -> bool:
        """After Lock nothing may touch the store again: the engine could reconnect."""
        return self.session.unlocked.is_locked

    def current_filter(self) -> CaseFilter:
        """The search text and the filter bar as one filter (applied in SQL)."""
        return self.filters.current(search_text(self.search.text()))

    def refresh(self) -> None:
        """Read the list again now (after a save or an import), keeping search and filters."""
        if self._is_locked():
            return
        self._search_seq += 1
        cases = self.session.store.cases
        self._searched = self.current_filter()
        self.model.set_filter(self._searched)
        if self.model.canFetchMore():
            self.model.fetchMore()
        # The country filter's choices are read in a worker: SELECT DISTINCT country reads
        # every case row (about 0.25 s on 100,000 cases), which held up the start and every
        # clearing of the search field. The list itself does not wait for them.
        self._countries_seq += 1
        seq = self._countries_seq
        self._start(cases.countries, lambda codes: self._show_countries(codes, seq))
        self._show_count(cases.count())
        self._fit_columns()

    def _show_countries(self, codes: list[str], seq: int) -> None:
        if seq == self._countries_seq and not self._is_locked():
            self.filters.set_countries(codes)

    def _fit_columns(self) -> None:
        """Fit the column widths to the first rows shown (once; later the user's widths)."""
        if not self._columns_fitted and self.model.rowCount() > 0:
            self._columns_fitted = True
            self.table.resizeColumnsToContents()
            # A long facility name must not push status, appeals and HQ out of sight.
            header = self.table.horizontalHeader()
            widest = header.fontMetrics().horizontalAdvance("M") * 16
            for column in range(self.model.columnCount()):
                if header.sectionSize(column) > widest:
                    header.resizeSection(column, widest)

    def _show_count(self, total: int) -> None:
        """Status bar: "N cases", or "shown of total" while a search or filter narrows."""
        filt = self.model.case_filter
        if filt.is_empty():
            self.count_label.setText(self.tr("{count} cases").format(count=total))
            return
        locale = QLocale(self.lang)  # digit grouping of the UI language: 1,234 / 1 234
        self.count_label.setText(
            self.tr("{shown} of {total}").format(
                shown=locale.toString(self.model.matching), total=locale.toString(total)
            )
        )

    def _sort_clicked(self, column: int) -> None:
        """A header click: sort by that column (asc → desc → default order) in the store."""
        if self._is_locked():
            return
        sort = self.model.next_sort(column)
        if sort != self.model.user_sort:
            current = self._shown_id
            self.model.set_sort(sort)
            if self.model.canFetchMore():
                self.model.fetchMore()
            if current is not None:
                self._select_case(current)
        self._show_sort()

    def _show_sort(self) -> None:
        header = self.table.horizontalHeader()
        column = self.model.sort_column()
        sort = self.model.user_sort
        header.setSortIndicatorShown(column >= 0)
        if column >= 0 and sort is not None:
            order = Qt.SortOrder.DescendingOrder if sort.descending else Qt.SortOrder.AscendingOrder
            header.setSortIndicator(column, order)

    def _focus_list(self) -> None:
        """Enter in the search field: go to the list (the first row when none is current)."""
        self.table.setFocus()
        if not self.table.currentIndex().isValid() and self.model.rowCount() > 0:
            self.table.setCurrentIndex(self.model.index(0, 0))

    def _show_case(self, current: QModelIndex, previous: QModelIndex) -> None:
        """Open the selected case; with unsaved edits, ask first (Cancel keeps the old row).

        A row that disappears (list reloaded by an import or a search) leaves the editor as
        it is: the user's unsaved work must not vanish because the list changed under it.
        """
        case_id = self.model.case_id(current.row()) if current.isValid() else None
        if case_id is None or self._is_locked() or case_id == self._shown_id:
            return
        if not self.confirm_discard():
            self._select_row(previous.row() if previous.isValid() else -1)
            return
        self.open_case(case_id)
        # Saving from the guard reloads the list; point it back at the case now shown.
        if self.model.case_id(self.table.currentIndex().row()) != case_id:
            self._select_case(case_id)

    def open_case(self, case_id: str) -> None:
        cases = self.session.store.cases
        doc = cases.get(case_id)
        self._shown_id = doc["id"]
        self._shown_doc = doc
        self.detail.setPlainText(summary_text(doc, self.lang))
        if self.editor is not None:
            self.editor.load(doc, cases.history_of(doc["id"]))
        self.letters.show_case(doc)

    def _select_row(self, row: int) -> None:
        """Move the list's selection without triggering ``_show_case``."""
        selection = self.table.selectionModel()
        selection.blockSignals(True)
        try:
            if row < 0:
                selection.clearSelection()
                selection.setCurrentIndex(QModelIndex(), QItemSelectionModel.SelectionFlag.Clear)
            else:
                selection.setCurrentIndex(
                    self.model.index(row, 0),
                    QItemSelectionModel.SelectionFlag.ClearAndSelect
                    | QItemSelectionModel.SelectionFlag.Rows,
                )
        finally:
            selection.blockSignals(False)
        self.table.viewport().update()

    def _select_case(self, case_id: str) -> None:
        for row in range(self.model.rowCount()):
            if self.model.case_id(row) == case_id:
                self._select_row(row)
                self.table.scrollTo(self.model.index(row, 0))
                return

    # ------------------------------------------------------------------ editing
    def confirm_discard(self) -> bool:
        """True when it is fine to leave the case in the editor (saved, discarded, clean)."""
        if self.editor is None or not self.editor.is_dirty():
            return True
        buttons = QMessageBox.StandardButton
        answer = QMessageBox.question(
            self,
            self.tr("Testimony Desk"),
            self.tr("This case has unsaved changes."),
            buttons.Save | buttons.Discard | buttons.Cancel,
            buttons.Save,
        )
        if answer == buttons.Save:
            return self.save_now()
        # Discard: every caller replaces the editor's content next (another case, a new
        # case, or nothing after Lock/close), so the edits are dropped by that.
        return answer == buttons.Discard

    def new_case(self) -> None:
        if self.editor is None or self._is_locked() or not self.confirm_discard():
            return
        self._select_row(-1)
        self._shown_id = None
        self.detail.clear()
        self.editor.load(None)
        self.letters.show_case(None)
        self.tabs.setCurrentWidget(self.editor)
        names = self.editor.widgets.get("detained_names")
        if names is not None:
            names.setFocus()
            rows = getattr(names, "rows", [])
            if rows:
                rows[0].value.setFocus()

    def _prepare_save(self) -> dict[str, Any] | None:
        if self.editor is None or self._is_locked() or not self.editor.is_open:
            return None
        doc = self.editor.collect()
        if doc is None:
            self.statusBar().showMessage(self.tr("Please correct the marked fields."))
        return doc

    def save_case(self) -> None:
        """Ctrl+S: validate and save in a worker job; errors come back next to the fields."""
        doc = self._prepare_save()
        if doc is None:
            return
        cases = self.session.store.cases
        self.save_action.setEnabled(False)
        self.statusBar().showMessage(self.tr("Saving…"))
        # Keystrokes typed while the job runs would be lost when the saved case is shown
        # again, so the editor takes none until the outcome is known.
        self._focus_before_save = QApplication.focusWidget()
        if self.editor is not None:
            self.editor.setEnabled(False)

        def work() -> WriteResult:
            return cases.save([normalize_case(doc)])

        self._start(
            work, lambda result: self._saved(result), lambda exc: self._save_failed(exc, doc)
        )

    def save_now(self) -> bool:
        """Save on the GUI thread (the unsaved-changes guard must know the outcome now)."""
        doc = self._prepare_save()
        if doc is None:
            return False
        try:
            result = self.session.store.cases.save([normalize_case(doc)])
        except Exception as exc:  # shown to the user, like a worker job's failure
            self._save_failed(exc, doc)
            return False
        self._saved(result)
        return True

    def _end_saving(self) -> None:
        if self.editor is not None and self.editor.is_open:
            self.editor.setEnabled(True)
        focus, self._focus_before_save = self._focus_before_save, None
        try:
            if focus is not None and self.editor is not None and self.editor.isAncestorOf(focus):
                focus.setFocus()
        except RuntimeError:  # the widget went with the reload (a name row): no focus then
            pass

    def _saved(self, result: WriteResult) -> None:
        if self._is_locked() or self.editor is None:
            return
        case_id = result.ids[0]
        self.open_case(case_id)
        if self.search.text().strip():
            self._run_search()
        else:
            self.refresh()
            self._select_case(case_id)
        self._end_saving()
        reference = self.editor.title.text()
        self.statusBar().showMessage(self.tr("Saved {reference}").format(reference=reference))

    def _save_failed(self, exc: BaseException, doc: dict[str, Any]) -> None:
        if self._is_locked() or self.editor is None:
            return
        self.save_action.setEnabled(self.editor.is_dirty())
        self._end_saving()
        if isinstance(exc, InvalidInputError):
            self.editor.show_error(exc, doc)
            self.statusBar().showMessage(self.tr("Please correct the marked fields."))
            return
        self.statusBar().clearMessage()
        QMessageBox.warning(self, self.tr("Testimony Desk"), describe_error(exc))

    def _search_typed(self) -> None:
        """The search text changed (debounced): search unless the searched text did not."""
        if self._is_locked():
            return
        if self.current_filter() == self._searched:
            return
        self._run_search()

    def _run_search(self) -> None:
        """Search text or filters changed: count and first page in a worker job.

        Later pages are read as the list scrolls. A result that arrives after the user typed
        on (or cleared the field) is stale and dropped.
        """
        if self._is_locked():
            return
        self._search_timer.stop()
        filt = self.current_filter()
        if filt.is_empty():
            self.refresh()
            return
        self._search_seq += 1
        seq = self._search_seq
        self._searched = filt
        cases = self.session.store.cases
        model = self.model

        def work() -> tuple[int, list[CaseSummary], int]:
            count, rows = model.first_page(filt)
            return count, rows, cases.count()

        self._start(work, lambda result: self._show_results(filt, result, seq), self._search_failed)

    def _search_failed(self, exc: BaseException) -> None:
        self._searched = None  # the list still shows the previous filter: search again
        self.statusBar().clearMessage()
        QMessageBox.warning(self, self.tr("Testimony Desk"), describe_error(exc))

    def _show_results(
        self, filt: CaseFilter, result: tuple[int, list[CaseSummary], int], seq: int
    ) -> None:
        if seq != self._search_seq or self._is_locked():
            return
        count, rows, total = result
        current = self._shown_id
        self.model.show_result(filt, count, rows)
        if current is not None:
            self._select_case(current)
        self._show_count(total)
        self._fit_columns()
        if filt.text:
            self.statusBar().showMessage(self.tr("{count} matching cases").format(count=count))
        else:
            self.statusBar().clearMessage()

    # ------------------------------------------------------------------ actions
    def choose_import(self) -> None:
        paths = file_dialogs.open_file_names(
            self,
            self.tr("Import cases"),
            "",
            self.tr("Case files (*.json *.jsonl *.csv);;All files (*)"),
        )
        if paths:
            self.import_files([Path(p) for p in paths])

    def import_files(self, paths: list[Path]) -> None:
        session = self.session
        self.statusBar().showMessage(self.tr("Importing…"))
        self._start(lambda: session.import_files(paths), self._imported)

    def _imported(self, result: Any) -> None:
        if self._is_locked():
            return
        self.refresh()
        self.statusBar().showMessage(
            self.tr("Imported: {created} new, {updated} updated, {unchanged} unchanged").format(
                created=result.created, updated=result.updated, unchanged=result.unchanged
            )
        )
        self.notice_external_changes(result.ids)

    def open_sync(self) -> None:
        """The Sync dialog (desktop/ui/sync_dialog.py); one per window, closed on Lock."""
        if self._is_locked():
            return
        from desktop.ui.sync_dialog import SyncDialog

        if self.sync_dialog is None:
            self.sync_dialog = SyncDialog(self.session, self)
            self.sync_dialog.changed.connect(self._synced)
            self.locked.connect(self.sync_dialog.abandon)
        else:
            self.sync_dialog.refresh()
        self.sync_dialog.show()
        self.sync_dialog.raise_()
        self.sync_dialog.activateWindow()

    def _synced(self, ids: list[str]) -> None:
        if self._is_locked():
            return
        self.refresh()
        self.notice_external_changes(ids)

    def closeEvent(self, event: Any) -> None:
        """Closing the window locks the vault and quits (unless it was closed by Lock).

        Unsaved edits are asked about first; Cancel keeps the window open.
        """
        if not self.session.unlocked.is_locked and not self.confirm_discard():
            event.ignore()
            return
        if not self.session.unlocked.is_locked:
            self.session.lock()
            QApplication.quit()
        super().closeEvent(event)

    def lock(self) -> None:
        """Clear every view of case data, forget the keys, hide, then tell the caller.

        Clearing the search field restarts its debounce timer; it is stopped so that it
        cannot fire after the lock. The window hides before ``locked`` is emitted, so the
        unlock dialog that follows never sits in front of a (cleared) case window.
        Unsaved edits are asked about first; Cancel keeps the vault open.
        """
        if not self._is_locked() and not self.confirm_discard():
            return
        self._lock_now()

    def _lock_now(self) -> None:
        """Lock without asking (the question was answered, or nobody is there to answer)."""
        if not self._is_locked():
            self.resume_case = self._shown_id
            self.clipboard_guard.clear_if_case_data()
        self.autolock.stop()
        self.clipboard_guard.detach()
        self.detail.clear()
        self._shown_id = None
        self.letters.close_all()
        if self.editor is not None:
            self.editor.clear()
        self.model.clear()
        self.search.clear()
        self._search_timer.stop()
        self._searched = None
        self.session.lock()
        self.count_label.clear()
        self.close()
        self.locked.emit()

    # ------------------------------------------------------------------ lock guards
    def _init_lock_guards(self) -> None:
        """Auto-lock (idle, suspend), the lock countdown, and the clipboard guard."""
        # Other features add callables returning case text they show (attachment names,
        # letter drafts…) so that a copy from them is also cleared at lock.
        self.case_text_sources: list[Any] = [self._case_texts]
        self.prefs = preferences.load(self.session.store)
        self.clipboard_guard = ClipboardGuard(
            lambda: [t for source in self.case_text_sources for t in source()], self
        )
        self.autolock = AutoLock(self, self.prefs.auto_lock_minutes)
        self.autolock.countdown.connect(self.lock_label.setText)
        self.autolock.lock_requested.connect(self.auto_lock)
        self.autolock.start()
        self.lock_label.setText(self.autolock.countdown_text())

    def _case_texts(self) -> list[str]:
        texts = [self.detail.toPlainText()]
        if self.editor is not None and self.editor.is_open:
            texts.extend(strings_in(self.editor.draft()))
        return texts

    def auto_lock(self, reason: str = "idle") -> None:
        """Lock now, asking nothing: the user is away (or the lid is closing).

        Open dialogs (a question, a file dialog, Settings) are closed first; unsaved edits
        are kept inside the encrypted vault and put back into the editor after unlocking.
        """
        if self._is_locked():
            return
        modal = QApplication.activeModalWidget()
        if modal is not None:
            modal.close()
            if isinstance(modal, QDialog):
                modal.reject()
            QTimer.singleShot(0, lambda: self.auto_lock(reason))
            return
        self._stash_draft()
        self._lock_now()

    def _stash_draft(self) -> None:
        if self.editor is None or not self.editor.is_open or not self.editor.is_dirty():
            return
        draft = {"case_id": self._shown_id, "changes": self.editor.changes()}
        # Locking must not fail: if the vault cannot take the draft, the edits are lost.
        with contextlib.suppress(Exception):
            self.session.store.set_setting(DRAFT_KEY, draft)

    def resume(self, case_id: str | None) -> None:
        """After unlocking: show ``case_id`` again, and any edits kept by an auto-lock."""
        store = self.session.store
        draft = store.setting(DRAFT_KEY)
        if draft is not None:
            store.set_setting(DRAFT_KEY, None)
        if not isinstance(draft, dict):
            draft = None
        target = draft.get("case_id") if draft else case_id
        if target:
            try:
                self.open_case(str(target))
            except Exception:  # deleted meanwhile (sync, quick delete): show nothing
                self._shown_id = None
            else:
                self._select_case(str(target))
        elif draft is not None and self.editor is not None:
            self._select_row(-1)
            self._shown_id = None
            self.editor.load(None)
        if draft and self.editor is not None and self.editor.is_open:
            changes = draft.get("changes")
            for field_id, value in (changes if isinstance(changes, dict) else {}).items():
                widget = self.editor.widgets.get(field_id)
                if widget is not None:
                    widget.set_value(value)
            self.editor._on_changed()  # values set by code emit nothing: mark dirty now
            self.statusBar().showMessage(
                self.tr("The unsaved edits from before the automatic lock are back.")
            )

    def open_settings(self) -> None:
        from desktop.ui.settings_dialog import SettingsDialog

        if self._is_locked():
            return
        dialog = SettingsDialog(self.session.store, self.prefs, self)
        dialog.setObjectName("settings_dialog")
        if dialog.exec() == QDialog.DialogCode.Accepted and not self._is_locked():
            self.apply_preferences(dialog.prefs)
        dialog.deleteLater()

    def apply_preferences(self, prefs: preferences.Preferences) -> None:
        self.prefs = prefs
        self.autolock.set_timeout_ms(prefs.auto_lock_minutes * 60_000)
        self.lock_label.setText(self.autolock.countdown_text())
        self.preferences_changed.emit(prefs)

    def _attachments_changed(self, state: dict[str, Any]) -> None:
        """The Attachments section stored a change itself (desktop/ui/editor/attachments.py).

        Only the attachments (and ``updated``) of the loaded copy move on, so a change to
        other fields by an import or a sync is still noticed as one.
        """
        doc = state.get("doc")
        if not doc or doc.get("id") != self._shown_id or self._is_locked():
            return
        if self._shown_doc is not None:
            self._shown_doc = {
                **self._shown_doc,
                "attachments": doc.get("attachments", []),
                "updated": doc.get("updated"),
            }
        self.detail.setPlainText(summary_text(doc, self.lang))

    def notice_external_changes(self, ids: Any) -> None:
        """An import or a sync wrote cases ``ids``: refresh the one in the editor if stale.

        A clean editor is reloaded; one with unsaved edits is left alone and the user is told
        (overwriting either side silently would lose someone's work).
        """
        shown = self._shown_id
        if shown is None or self._is_locked() or shown not in set(ids):
            return
        try:
            fresh = self.session.store.cases.get(shown)
        except Exception:
            return
        if fresh == self._shown_doc:
            return
        if self.editor is not None and self.editor.is_dirty():
            QMessageBox.information(
                self,
                self.tr("Testimony Desk"),
                self.tr(
                    "The case open in the editor was just changed by an import or a sync. "
                    "Your unsaved edits are still there; saving them replaces the new "
                    "version. To see the new version instead, discard your edits and open "
                    "the case again."
                ),
            )
            return
        self.open_case(shown)

    def _start(self, fn: Any, done: Any, on_error: Any = None) -> None:
        job: workers.Job

        def finished(result: Any) -> None:
            self._jobs.discard(job)
            done(result)

        def failed(exc: BaseException) -> None:
            self._jobs.discard(job)
            if self._is_locked():
                return
            if on_error is not None:
                on_error(exc)
                return
            self.statusBar().clearMessage()
            QMessageBox.warning(self, self.tr("Testimony Desk"), describe_error(exc))

        job = workers.start(fn, finished, failed)
        self._jobs.add(job)
