"""A PDF preview from memory: ``QPdfDocument`` loaded from a ``QBuffer``, shown in a
``QPdfView`` with zoom and page navigation.

The bytes never touch the disk. The document and its buffer are children of the preview
widget (not of the application: a document parented to the application is never freed, and
each preview of a letter would stay in memory until exit).
"""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, Qt
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import QHBoxLayout, QLabel, QToolButton, QVBoxLayout, QWidget

ZOOM_STEP = 1.25
ZOOM_MIN = 0.25
ZOOM_MAX = 4.0


def load_pdf(data: bytes, parent: QWidget | None = None) -> tuple[QPdfDocument, QBuffer]:
    """A document over ``data`` in memory; keep the buffer alive as long as the document."""
    buffer = QBuffer(parent)
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document = QPdfDocument(parent) if parent is not None else QPdfDocument()
    document.load(buffer)
    return document, buffer


class PdfPreview(QWidget):
    """Pages of a PDF held in memory, with zoom in/out, fit to width and page buttons."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.view = QPdfView(self)
        self.view.setObjectName("pdf_view")
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.document: QPdfDocument | None = None
        self._buffer: QBuffer | None = None
        self._data = b""

        def button(text: str, tip: str, name: str) -> QToolButton:
            b = QToolButton(self)
            b.setText(text)
            b.setToolTip(tip)
            b.setObjectName(name)
            return b

        self.zoom_out_button = button("−", self.tr("Zoom out"), "zoom_out")
        self.zoom_in_button = button("+", self.tr("Zoom in"), "zoom_in")
        self.fit_button = button(self.tr("Fit width"), self.tr("Fit the page width"), "fit_width")
        self.prev_button = button("◀", self.tr("Previous page"), "previous_page")
        self.next_button = button("▶", self.tr("Next page"), "next_page")
        self.page_label = QLabel(self)
        self.page_label.setObjectName("page_label")
        self.page_label.setTextFormat(Qt.TextFormat.PlainText)
        self.zoom_out_button.clicked.connect(lambda: self.zoom_by(1 / ZOOM_STEP))
        self.zoom_in_button.clicked.connect(lambda: self.zoom_by(ZOOM_STEP))
        self.fit_button.clicked.connect(lambda: self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth))
        self.prev_button.clicked.connect(lambda: self.go_to(self.current_page() - 1))
        self.next_button.clicked.connect(lambda: self.go_to(self.current_page() + 1))
        self.view.pageNavigator().currentPageChanged.connect(lambda _p: self._update())

        bar = QHBoxLayout()
        for b in (self.zoom_out_button, self.zoom_in_button, self.fit_button):
            bar.addWidget(b)
        bar.addStretch(1)
        bar.addWidget(self.prev_button)
        bar.addWidget(self.page_label)
        bar.addWidget(self.next_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)
        self._update()

    # ------------------------------------------------------------------ content
    def set_pdf(self, data: bytes) -> None:
        """Show ``data`` (a whole PDF); the previous document is released."""
        old_doc, old_buf = self.document, self._buffer
        self.document, self._buffer = load_pdf(data, self)
        self._data = data
        self.view.setDocument(self.document)
        for obj in (old_doc, old_buf):
            if obj is not None:
                obj.deleteLater()
        self._update()

    def clear(self) -> None:
        old_doc, old_buf = self.document, self._buffer
        self.document = self._buffer = None
        self._data = b""
        self.view.setDocument(None)  # type: ignore[arg-type]
        for obj in (old_doc, old_buf):
            if obj is not None:
                obj.deleteLater()
        self._update()

    def pdf_bytes(self) -> bytes:
        """Exactly the bytes shown."""
        return self._data

    def page_count(self) -> int:
        return self.document.pageCount() if self.document is not None else 0

    # ------------------------------------------------------------------ navigation
    def current_page(self) -> int:
        return int(self.view.pageNavigator().currentPage())

    def go_to(self, page: int) -> None:
        if not 0 <= page < self.page_count():
            return
        self.view.pageNavigator().jump(page, QPointF(), self.view.pageNavigator().currentZoom())
        self._update()

    def zoom_factor(self) -> float:
        return float(self.view.zoomFactor())

    def zoom_by(self, factor: float) -> None:
        self.view.setZoomMode(QPdfView.ZoomMode.Custom)
        self.view.setZoomFactor(max(ZOOM_MIN, min(ZOOM_MAX, self.zoom_factor() * factor)))

    def _update(self) -> None:
        count = self.page_count()
        page = self.current_page() if count else -1
        if count:
            self.page_label.setText(
                self.tr("Page {page} of {count}").format(page=page + 1, count=count)
            )
        else:
            self.page_label.setText("")
        self.prev_button.setEnabled(count > 0 and page > 0)
        self.next_button.setEnabled(count > 0 and page < count - 1)
        for b in (self.zoom_in_button, self.zoom_out_button, self.fit_button):
            b.setEnabled(count > 0)
