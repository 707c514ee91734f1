"""``python -m counsel.ui.contact_sheet FILE.png``: every illustration on one sheet, named.

For reviewing the art set at a glance (the README shows it), rendered by the same Qt SVG
renderer as the app, with the English labels drawn over it the way the app draws them, so
the sheet shows what a patient sees.
"""

from __future__ import annotations

import math
import os
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

from counsel.core.content import IllustrationLabel
from counsel.core.content_loader import load_content
from counsel.resources import resources_dir
from counsel.ui.picture_labels import paint_labels

COLUMNS = 4
CELL_WIDTH, CELL_HEIGHT = 416, 260  # the smallest a screen shows a picture
CAPTION_HEIGHT = 30
GAP = 16
BACKGROUND = QColor("#ffffff")
CAPTION = QColor("#15202b")


def write_contact_sheet(
    path: Path,
    folder: Path | None = None,
    labels: Mapping[str, Sequence[IllustrationLabel]] | None = None,
) -> int:
    """Draws every SVG in ``folder`` (the illustrations) into a grid, with ``labels`` (by
    default the English content's) over each; returns how many."""
    if labels is None:
        labels = load_content("en").illustration_labels
    files = sorted((folder or resources_dir() / "illustrations").glob("*.svg"))
    rows = math.ceil(len(files) / COLUMNS)
    image = QImage(
        GAP + COLUMNS * (CELL_WIDTH + GAP),
        GAP + rows * (CELL_HEIGHT + CAPTION_HEIGHT + GAP),
        QImage.Format.Format_RGB32,
    )
    image.fill(BACKGROUND)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    font = QFont("DejaVu Sans")
    font.setPixelSize(15)
    painter.setFont(font)
    painter.setPen(CAPTION)
    for index, file in enumerate(files):
        row, column = divmod(index, COLUMNS)
        left = GAP + column * (CELL_WIDTH + GAP)
        top = GAP + row * (CELL_HEIGHT + CAPTION_HEIGHT + GAP)
        renderer = QSvgRenderer(str(file))
        renderer.setAspectRatioMode(Qt.AspectRatioMode.KeepAspectRatio)
        target = QRectF(left, top, CELL_WIDTH, CELL_HEIGHT)  # 800 x 500, scaled
        renderer.render(painter, target)
        # As the app draws a picture this small: the words at their readable minimum size.
        words = labels.get(file.name, ())
        paint_labels(painter, words, target, QFont("DejaVu Sans"), str(file))
        painter.setFont(font)
        painter.setPen(CAPTION)
        caption = QRectF(left, top + CELL_HEIGHT, CELL_WIDTH, CAPTION_HEIGHT)
        painter.drawText(caption, Qt.AlignmentFlag.AlignCenter, file.name)
    painter.end()
    path.parent.mkdir(parents=True, exist_ok=True)
    if not image.save(str(path)):
        raise OSError(f"could not write {path}")
    return len(files)


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        print("usage: python -m counsel.ui.contact_sheet FILE.png", file=sys.stderr)
        return 2
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from counsel.ui.app import prepare_application  # the bundled font, before drawing text

    prepare_application([])
    count = write_contact_sheet(Path(args[0]))
    print(f"Wrote {count} illustrations to {args[0]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
