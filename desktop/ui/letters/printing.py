"""Print a PDF held in memory: each page rendered by QtPdf at the printer's resolution and
drawn on a ``QPrinter`` (a real printer, or a PDF file the user chose).

Pages are rendered in horizontal bands so that a 1200-dpi printer does not need a
half-gigabyte image per page; the result is the same picture.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QRect, QRectF, QSize, QSizeF
from PySide6.QtGui import QColor, QImage, QPageLayout, QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument, QPdfDocumentRenderOptions
from PySide6.QtPrintSupport import QPrinter

from desktop.ui.letters.preview import load_pdf

BAND_PIXELS = 16 * 1024 * 1024  # at most 64 MiB of image per band (4 bytes a pixel)


class PrintFailed(RuntimeError):
    pass


def print_pdf(
    data: bytes, printer: QPrinter, progress: Callable[[int, int], bool] | None = None
) -> int:
    """Print every page of ``data`` on ``printer``; returns the number of pages printed.

    The printer's page size follows the PDF's first page and the page is drawn edge to edge
    (the letter has its own margins). ``progress(done, total)`` may return False to stop.
    """
    document, buffer = load_pdf(data)
    try:
        total = document.pageCount()
        if total <= 0:
            raise PrintFailed("the letter has no page")
        first = document.pagePointSize(0)
        printer.setFullPage(True)
        printer.setPageSize(QPageSize(QSizeF(first.width(), first.height()), QPageSize.Unit.Point))
        printer.setPageOrientation(QPageLayout.Orientation.Portrait)
        painter = QPainter()
        if not painter.begin(printer):
            raise PrintFailed("the printer could not be opened")
        printed = 0
        try:
            dpi = printer.resolution()
            for page in range(total):
                if progress is not None and not progress(page, total):
                    break
                if page:
                    printer.newPage()
                _draw_page(document, page, painter, dpi)
                printed += 1
        finally:
            painter.end()
        return printed
    finally:
        document.close()
        document.deleteLater()
        buffer.deleteLater()


def _draw_page(document: QPdfDocument, page: int, painter: QPainter, dpi: int) -> None:
    points = document.pagePointSize(page)
    width = max(1, round(points.width() / 72 * dpi))
    height = max(1, round(points.height() / 72 * dpi))
    target = painter.viewport()  # device pixels of the whole paper (full page)
    sx = target.width() / width
    sy = target.height() / height
    band = max(1, BAND_PIXELS // width)
    top = 0
    while top < height:
        rows = min(band, height - top)
        options = QPdfDocumentRenderOptions()
        options.setScaledSize(QSize(width, height))
        options.setScaledClipRect(QRect(0, top, width, rows))
        image = document.render(
            page, QSize(width, rows), options, QImage.Format.Format_RGB32, QColor("white")
        )
        painter.drawImage(QRectF(0, top * sy, width * sx, rows * sy), image)
        top += rows
