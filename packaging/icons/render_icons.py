"""Render resources/icons/testimony-desk.svg to the PNG sizes (and a Windows .ico).

    python packaging/icons/render_icons.py

Uses Qt's SVG renderer (PySide6, already a dependency) and Pillow (a reportlab dependency)
for the .ico; run it again after changing the SVG and commit the results.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ICONS = Path(__file__).resolve().parents[2] / "resources" / "icons"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def render(svg: Path, size: int) -> QImage:
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"cannot read {svg}")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter, QRectF(0, 0, size, size))
    painter.end()
    return image


def main() -> int:
    _app = QGuiApplication(sys.argv[:1])
    svg = ICONS / "testimony-desk.svg"
    pngs = []
    for size in SIZES:
        out = ICONS / f"testimony-desk-{size}.png"
        if not render(svg, size).save(str(out)):
            raise SystemExit(f"cannot write {out}")
        pngs.append(out)
        print(out.relative_to(ICONS.parents[1]))
    from PIL import Image

    ico = ICONS / "testimony-desk.ico"
    Image.open(ICONS / "testimony-desk-256.png").save(
        ico, sizes=[(s, s) for s in (16, 24, 32, 48, 64, 128, 256)]
    )
    print(ico.relative_to(ICONS.parents[1]))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
