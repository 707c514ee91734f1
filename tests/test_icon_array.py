"""Icon arrays: the picture shows exactly the number its figure states, on screen and on paper."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QFrame, QLabel
from reportlab.graphics import renderPDF

from counsel.core.content import Content, Figure, Outcome, OutcomesScreen, Source
from counsel.core.content_loader import load_content
from counsel.core.demo import demo_session
from counsel.core.icon_array import (
    CELL_WIDTH,
    OTHERS,
    TONES,
    IconArray,
    icon_array,
    marks,
    shown_count,
    to_svg,
)
from counsel.core.session import Session
from counsel.core.session_recorder import SessionRecorder
from counsel.core.toml_reader import ContentError
from counsel.pdf import build_pdf
from counsel.pdf.icon_array import icon_array_drawing
from counsel.resources import resources_dir
from counsel.ui.app import prepare_application
from counsel.ui.icon_array_view import IconArrayView
from counsel.ui.save_status import SaveStatus
from counsel.ui.screens.base import ScreenContext
from counsel.ui.screens.outcomes import OutcomesPage
from counsel.ui.session_bridge import SessionBridge

LANGUAGES = sorted(p.name for p in (resources_dir() / "content").iterdir() if p.is_dir())


def shipped_figures(content: Content) -> list[tuple[OutcomesScreen, str, Figure]]:
    return [
        (screen, item.id, item.figure)
        for screen in content.screens
        if isinstance(screen, OutcomesScreen)
        for item in screen.items
        if item.figure is not None and item.figure.per_100 is not None
    ]


@pytest.mark.parametrize(
    ("per_100", "shown"),
    [(0, 0), (9, 9), (12, 12), (5.5, 5.5), (5.2, 5), (5.25, 5.5), (5.3, 5.5), (0.2, 0), (100, 100)],
)
def test_the_picture_shows_the_figure_to_the_nearest_half_person(per_100, shown) -> None:
    array = icon_array(per_100)
    assert array.shown == shown_count(per_100) == shown
    assert len(array.cells) == 100
    assert sum(cell.fill for cell in array.cells) == shown
    fills = [cell.fill for cell in array.cells]
    assert fills == sorted(fills, reverse=True), "coloured people come first, in reading order"


def test_a_figure_outside_0_to_100_is_refused() -> None:
    for wrong in (-1, 100.5):
        with pytest.raises(ValueError, match="between 0 and 100"):
            icon_array(wrong)


def test_the_svg_colours_whole_and_half_people(qtbot) -> None:
    svg = to_svg(icon_array(5.5), "benefit", "Five and a half <people> & more")
    assert svg.count(f'fill="{TONES["benefit"]}"') == 6  # five whole, one left half
    assert svg.count(f'fill="{OTHERS}"') == 95  # the half person's grey base included
    assert "<title>Five and a half &lt;people&gt; &amp; more</title>" in svg


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_shipped_figure_is_drawn_exactly(language: str) -> None:
    figures = shipped_figures(load_content(language))
    assert figures, "the shipped content has icon arrays"
    for _screen, _item, figure in figures:
        array = icon_array(figure.per_100)
        assert array.shown == figure.per_100, "the content's figure needs no rounding"
        coloured = [m for m in marks(array, figure.tone) if m.fill == TONES[figure.tone]]
        assert len(coloured) == figure.per_100


def counted_in_picture(image: QImage, array: IconArray, tone: str) -> float:
    """Count coloured people in a rendered picture, looking at both sides of each body."""
    scale = image.width() / array.width
    wanted = QColor(TONES[tone]).getRgb()[:3]

    def coloured(x: float, y: float) -> bool:
        pixel = image.pixelColor(round(x * scale), round(y * scale)).getRgb()[:3]
        return all(abs(a - b) < 40 for a, b in zip(pixel, wanted, strict=True))

    total = 0.0
    for cell in array.cells:
        middle, body = cell.x + CELL_WIDTH / 2, cell.y + 20
        total += (coloured(middle - 3.5, body) + coloured(middle + 3.5, body)) / 2
    return total


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_outcomes_screens_show_each_figure_as_a_picture(
    qtbot, clinic, clock, store, language: str
) -> None:
    prepare_application([])
    content = load_content(language)
    session = demo_session(content, seal=False)
    recorder = SessionRecorder(store, session, clinic, build_pdf)
    context = ScreenContext(content, clinic, SessionBridge(session), SaveStatus(recorder))
    for screen, item_id, figure in shipped_figures(content):
        page = OutcomesPage(screen, context)
        qtbot.addWidget(page)
        page.resize(1000, 700)
        page.show()
        card = page.findChild(QFrame, f"outcome-{item_id}")
        view = card.findChild(IconArrayView, "iconArray")
        assert view is not None and view.isVisible()
        assert view.accessibleName() == figure.text
        assert view.array.shown == figure.per_100
        image = view.grab().toImage()
        assert counted_in_picture(image, view.array, figure.tone) == figure.per_100


def test_a_half_person_is_drawn_half_coloured(qtbot) -> None:
    prepare_application([])
    view = IconArrayView(5.5, "benefit", "5.5 in 100")
    qtbot.addWidget(view)
    view.show()
    assert counted_in_picture(view.grab().toImage(), view.array, "benefit") == 5.5
    assert "5.5" in view.accessibleDescription()


def pdf_fill(tone: str) -> bytes:
    """The PDF operator reportlab writes to fill with the tone colour."""
    red, green, blue = (QColor(TONES[tone]).getRgbF()[i] for i in range(3))
    return f"{red:.6f} {green:.6f} {blue:.6f} rg".replace("0.", ".").encode()


def pdf_people(data: bytes, tone: str) -> tuple[int, int]:
    """(people filled with the tone and outlined, shapes filled with it without an outline)."""
    pages = PdfReader(io.BytesIO(data)).pages
    contents = b"".join(page.get_contents().get_data() for page in pages)
    whole = contents.count(pdf_fill(tone) + b"\n.168627 .227451 .290196 RG\n1.3 w")
    return whole, contents.count(pdf_fill(tone)) - whole


def test_the_pdf_draws_each_figure_as_vector_people(content: Content, demo_pdf: bytes) -> None:
    data = demo_pdf  # the demo visit's, built once for the whole run
    figures = shipped_figures(content)
    assert all(figure.tone == "risk" for _s, _i, figure in figures)
    whole, _ = pdf_people(data, "risk")
    assert whole == sum(figure.per_100 for _s, _i, figure in figures)
    pages = PdfReader(io.BytesIO(data)).pages
    text = " ".join(" ".join(page.extract_text().split()) for page in pages)
    for _screen, _item, figure in figures:
        assert " ".join(figure.text.split()) in text


def test_a_pdf_picture_draws_half_people_too() -> None:
    data = renderPDF.drawToString(icon_array_drawing(5.5, "benefit"))
    assert pdf_people(data, "benefit") == (5, 1)  # five whole people and a coloured half


def test_a_figure_tone_is_read_and_checked(resources_copy) -> None:
    path = resources_copy / "content" / "en" / "screens" / "benefits.toml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("per_100 = 12", 'per_100 = 12\ntone = "benefit"'), "utf-8")
    benefits = load_content("en", resources_copy).screen("benefits")
    assert [i.figure.tone for i in benefits.items if i.figure] == ["benefit"]
    path.write_text(text.replace("per_100 = 12", 'per_100 = 12\ntone = "good"'), "utf-8")
    with pytest.raises(ContentError, match="tone.*risk, benefit"):
        load_content("en", resources_copy)


def test_a_long_caption_wraps_beside_the_picture(qtbot, clinic, clock, store) -> None:
    prepare_application([])
    caption = "9 in 100 脊椎管狭窄症 — ضيق القناة الشوكية " * 12
    item = Outcome(
        id="x",
        title="T",
        text="Text",
        likelihood="Rare",
        figure=Figure(text=caption, source="s", per_100=9),
    )
    screen = OutcomesScreen(
        id="o", kind="outcomes", title="T", nav_title="N", summary="S", items=(item,)
    )
    content = Content(
        language="xx",
        language_name="X",
        version="t",
        title="T",
        procedure="P",
        screens=(screen,),
        sha256="0" * 64,
        sources={"s": Source(id="s", citation="C", short="S", industry=False)},
    )
    session = Session(content, clock=clock)
    recorder = SessionRecorder(store, session, clinic, build_pdf)
    context = ScreenContext(content, clinic, SessionBridge(session), SaveStatus(recorder))
    page = OutcomesPage(screen, context)
    qtbot.addWidget(page)
    page.resize(754, 620)
    page.show()
    view = page.findChild(IconArrayView, "iconArray")
    text = page.findChild(QLabel, "figureText")
    assert view.isVisible() and text.text() == caption
    assert text.geometry().left() > view.geometry().right()
    assert page.scroller.widget().width() <= page.scroller.viewport().width()
