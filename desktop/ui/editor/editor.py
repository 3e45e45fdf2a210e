"""The case editor, generated from a form file (``forms/detention-testimony.yaml``).

The editor holds a *copy* of the stored canonical case (a plain dict, never ORM objects)
and one widget per form field. On save it writes only the fields the user changed back
into that copy (:func:`desktop.intake.assemble.apply_changes`), so data the form does not
show survives. Saving itself (``normalize_case`` + ``CaseRepository.save``) is the main
window's job, off the GUI thread; errors come back as ``InvalidInputError`` whose JSON path
is matched to the field that wrote it and shown next to that field.
"""

from __future__ import annotations

import copy
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop.errors import InvalidInputError
from desktop.intake.assemble import apply_changes
from desktop.intake.completeness import element_label, missing_elements
from desktop.intake.form import Form
from desktop.intake.paths import concrete_path, get_path
from desktop.ui.editor.attachments import AttachmentsField, local_files
from desktop.ui.editor.fields import FieldWidget, make_field, plain_label


def _under(error_path: str, field_path: str) -> bool:
    return error_path == field_path or error_path.startswith((field_path + ".", field_path + "["))


class CaseEditor(QWidget):
    """Generated form over one case; emits ``dirty_changed`` when edits start or are saved."""

    dirty_changed = Signal(bool)
    # The attachment service changed the stored case: {"doc", "attachments", "history"}.
    attachments_changed = Signal(object)

    def __init__(self, form: Form, lang: str = "en") -> None:
        super().__init__()
        self.setObjectName("case_editor")
        self.form = form
        self.lang = lang
        self._original: dict[str, Any] = {}
        self._baseline: dict[str, Any] = {}
        self._loading = False
        self._dirty = False
        self.case_id: str | None = None
        self.is_open = False

        self.title = plain_label()
        self.title.setObjectName("editor_title")
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.completeness = plain_label()
        self.completeness.setObjectName("completeness")
        self.general_error = plain_label()
        self.general_error.setObjectName("general_error")
        self.general_error.setStyleSheet("color: #b00020;")
        self.general_error.hide()

        self.widgets: dict[str, FieldWidget] = {}
        body = QWidget()
        body_layout = QVBoxLayout(body)
        self.groups: dict[str, QGroupBox] = {}
        for section in form.sections:
            group = QGroupBox(section.label(lang))
            group.setObjectName(f"section_{section.id}")
            rows = QFormLayout(group)
            rows.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
            rows.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
            for field in section.fields:
                widget = make_field(field, lang)
                widget.changed.connect(self._on_changed)
                self.widgets[field.id] = widget
                text = field.label(lang) + (" *" if field.required else "")
                label = QLabel(text)
                label.setTextFormat(Qt.TextFormat.PlainText)
                label.setWordWrap(True)
                # A fixed label column: "Verification *" must not wrap its star away, and
                # long Russian/Kazakh labels wrap inside the column instead of widening it.
                label.setFixedWidth(160)
                if isinstance(widget, AttachmentsField):
                    widget.stored_changed.connect(self._attachments_stored)
                if field.type in ("events-table", "appeals", "history", "attachments"):
                    rows.addRow(widget)  # wide widgets get the whole row
                else:
                    rows.addRow(label, widget)
            body_layout.addWidget(group)
            self.groups[section.id] = group
        body_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setObjectName("editor_scroll")
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        self.scroller = scroll

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.completeness)
        layout.addWidget(self.general_error)
        layout.addWidget(scroll, 1)
        # Files dropped anywhere on the editor go to its Attachments section.
        self.setAcceptDrops(self.attachments is not None)
        self.clear()

    # ------------------------------------------------------------------ attachments
    @property
    def attachments(self) -> AttachmentsField | None:
        for widget in self.widgets.values():
            if isinstance(widget, AttachmentsField):
                return widget
        return None

    def set_attachment_service(self, service: Any) -> None:
        """Give the Attachments section its service (``desktop.attachments``)."""
        if self.attachments is not None:
            self.attachments.set_service(service)

    def _attachments_stored(self, state: dict[str, Any]) -> None:
        """The attachment service changed the stored case: keep our copy in step.

        An editor save rewrites every child row from ``_original``; without this, a file
        added since the case was opened would be dropped by the next save. Unsaved edits in
        other fields stay as they are (and stay unsaved).
        """
        if not self.is_open or not self.case_id:
            return
        self._original["attachments"] = copy.deepcopy(state.get("attachments") or [])
        for field in self.form.fields():
            widget = self.widgets[field.id]
            if isinstance(widget, AttachmentsField):
                self._baseline[field.id] = widget.value()
            elif field.type == "history":
                widget.set_value(state.get("history") or [])
        self.attachments_changed.emit(state)

    def _drag(self, event: QDragEnterEvent | QDragMoveEvent) -> None:
        target = self.attachments
        if target is not None and target.accepts(event):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        self._drag(event)

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        self._drag(event)

    _DRAG_EVENTS = frozenset({QEvent.Type.DragEnter, QEvent.Type.DragMove, QEvent.Type.Drop})

    def _route_file_drops(self) -> None:
        """Send files dropped on any field (a line edit would paste their path) here."""
        if self.attachments is None:
            return
        for child in self.findChildren(QWidget):
            if child.acceptDrops():
                child.installEventFilter(self)  # installing twice keeps one filter

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() not in self._DRAG_EVENTS or not isinstance(event, QDropEvent):
            return super().eventFilter(watched, event)
        if not local_files(event):
            return False  # text and links are the field's own business
        if isinstance(event, QDragMoveEvent):  # QDragEnterEvent is a QDragMoveEvent
            self._drag(event)
        else:
            self.dropEvent(event)
        return True

    def dropEvent(self, event: QDropEvent) -> None:
        target = self.attachments
        if target is not None and local_files(event) and target.add_paths(local_files(event)):
            event.acceptProposedAction()
            self.scroller.ensureWidgetVisible(target)
        else:
            event.ignore()

    # ------------------------------------------------------------------ loading
    def load(self, doc: dict[str, Any] | None, history: list[dict[str, Any]] | None = None) -> None:
        """Show ``doc`` (a canonical case), or an empty new case when ``doc`` is None."""
        self._loading = True
        try:
            self._original = copy.deepcopy(doc) if doc else {}
            self.case_id = self._original.get("id")
            for field in self.form.fields():
                widget = self.widgets[field.id]
                if field.type == "history":
                    widget.set_value(history or [])
                else:
                    widget.set_value(get_path(self._original, field.path))
                if isinstance(widget, AttachmentsField):
                    widget.set_case(self.case_id)
                widget.set_error(None)
            # What the widgets show right after loading (defaults included) is "unchanged".
            self._baseline = {fid: copy.deepcopy(w.value()) for fid, w in self.widgets.items()}
        finally:
            self._loading = False
        self.general_error.hide()
        self.title.setText(self._original.get("reference") or self.tr("New case (not saved yet)"))
        self.is_open = True
        self.setEnabled(True)
        self._set_dirty(False)
        self._update_completeness()
        self._route_file_drops()  # loading may have made new rows (names, events)

    def clear(self) -> None:
        """Forget the case (on lock): no case data may stay in any widget."""
        self.load(None)
        self.title.clear()
        self.completeness.clear()
        self.is_open = False
        self.setEnabled(False)

    # ------------------------------------------------------------------ editing state
    def is_dirty(self) -> bool:
        return self._dirty

    def _set_dirty(self, dirty: bool) -> None:
        if dirty != self._dirty:
            self._dirty = dirty
            self.dirty_changed.emit(dirty)

    def _on_changed(self) -> None:
        if self._loading:
            return
        self._set_dirty(bool(self.changes()))
        self._update_completeness()

    def changes(self) -> dict[str, Any]:
        """Field id → new value, for every editable field whose value differs from loading."""
        out = {}
        for field in self.form.fields():
            if field.readonly or not field.path:
                continue
            value = self.widgets[field.id].value()
            if value != self._baseline.get(field.id):
                out[field.id] = value
        return out

    def draft(self) -> dict[str, Any]:
        """The case as it would be saved (not validated yet)."""
        return apply_changes(self._original, self.form, self.changes())

    def _update_completeness(self) -> None:
        missing = missing_elements(self.draft())
        if missing:
            text = self.tr("Missing for the UN WGEID: {elements}").format(
                elements=", ".join(element_label(k, self.lang) for k in missing)
            )
        else:
            text = self.tr("All UN WGEID minimum elements are present.")
        self.completeness.setText(text)

    # ------------------------------------------------------------------ validation
    def clear_errors(self) -> None:
        for widget in self.widgets.values():
            widget.set_error(None)
        self.general_error.hide()

    def collect(self) -> dict[str, Any] | None:
        """The case dict to save, or None after showing what the user must fix first."""
        self.clear_errors()
        first: FieldWidget | None = None
        for field in self.form.fields():
            widget = self.widgets[field.id]
            problem = widget.problem()
            if problem is None and field.required and widget.is_empty():
                problem = self.tr("Required")
            if problem:
                widget.set_error(problem)
                first = first or widget
        if first is not None:
            self.scroller.ensureWidgetVisible(first)
            return None
        return self.draft()

    def show_error(self, exc: InvalidInputError, doc: dict[str, Any] | None = None) -> None:
        """Put a validation error next to the field whose data it concerns.

        ``exc.path`` is a JSON path into the case that was validated (``doc``); each field's
        ``maps_to`` is resolved against the same case and the longest match wins.
        """
        doc = doc if doc is not None else self.draft()
        best: tuple[int, FieldWidget] | None = None
        for field in self.form.fields():
            if not field.path or exc.path is None:
                continue
            where = concrete_path(doc, field.path)
            if (
                where is not None
                and _under(exc.path, where)
                and (best is None or len(where) > best[0])
            ):
                best = (len(where), self.widgets[field.id])
        if best is None:
            self.general_error.setText(str(exc))
            self.general_error.show()
            return
        best[1].set_error(exc.reason)
        self.scroller.ensureWidgetVisible(best[1])
