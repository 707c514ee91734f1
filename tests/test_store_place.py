"""Staff can see where the records are kept: the main window's status line (the right end of
its menu bar) and the Records window say "this computer" or "the clinic server (its host)", in
the interface's language."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QLabel
from test_languages import choose_language

from counsel.core.store_location import StoreLocation, open_store, store_location
from counsel.ui.app import OpenedOnFirstUse, create_main_window, prepare_application
from counsel.ui.main_window import MainWindow


def place(window) -> QLabel:
    label = window.findChild(QLabel, "storePlace")
    assert label is not None and label.isVisible()
    return label


def test_a_window_on_this_computers_records_says_so(open_window) -> None:
    window = open_window()
    assert place(window).text() == "Records are kept on this computer"
    records = window.show_records()
    assert place(records).text() == "Records are kept on this computer"
    records.close()


def test_the_place_is_said_in_spanish_after_switching(open_window) -> None:
    window = open_window()
    choose_language(window, "es")
    assert place(window).text() == "Los registros se guardan en esta computadora"
    records = window.show_records()
    assert place(records).text() == "Los registros se guardan en esta computadora"
    records.close()


def server_window(qtbot, content, clinic, location: StoreLocation) -> MainWindow:
    """The window as the app opens it: its store opened when first used."""
    prepare_application([])
    store = OpenedOnFirstUse(lambda: open_store(location, clinic=clinic.name), location)
    window = create_main_window(content, clinic, store)  # type: ignore[arg-type]
    qtbot.addWidget(window)
    window.show()
    return window


def test_a_window_on_the_clinic_server_names_it_without_the_password(
    qtbot, content, clinic, postgres_server, private_data_dir: Path
) -> None:
    url = postgres_server.new_database().replace("postgres@", "postgres:S3cret-pw@")
    window = server_window(qtbot, content, clinic, StoreLocation(private_data_dir, url))
    assert place(window).text() == "Records are kept on the clinic server (127.0.0.1)"
    assert "S3cret-pw" not in place(window).toolTip()
    assert place(window).toolTip().startswith("postgresql://127.0.0.1:")
    records = window.show_records()
    assert records is not None
    assert place(records).text() == "Records are kept on the clinic server (127.0.0.1)"
    records.close()
    window.store.close()


def test_presenting_hides_the_status_line(open_window) -> None:
    window = open_window()
    window.set_presenting(True)
    assert not window.store_place.isVisible()
    window.set_presenting(False)
    assert place(window).isVisible()


def test_the_app_says_where_without_reaching_the_server(
    monkeypatch: pytest.MonkeyPatch, clinic
) -> None:
    monkeypatch.setenv(
        "COUNSEL_DATABASE_URL", "postgresql://counsel_app@db-host.clinic.example/counsel"
    )
    location = store_location(clinic)
    store = OpenedOnFirstUse(lambda: pytest.fail("not opened to say where it is"), location)
    assert (store.host, str(store.database)) == (
        "db-host.clinic.example",
        "postgresql://db-host.clinic.example/counsel",
    )


@pytest.mark.parametrize("size", [(1366, 768), (1024, 700)])
def test_the_staff_line_follows_the_text_size_and_leaves_every_menu_in_view(
    qtbot, open_window, size
) -> None:
    """Saved and where the records are grow with A+ (less than the screens' text), and at
    200% still show all their words beside every menu, as Saved becomes Saving… and back."""
    from counsel.ui.display import Display

    window = open_window(size=size)
    bar = window.menuBar()
    staff = [place(window), window.findChild(QLabel, "saveIndicator")]
    at_100 = [label.font().pointSizeF() for label in staff]
    window.set_display(Display(scale=200))
    try:
        qtbot.waitUntil(lambda: staff[0].font().pointSizeF() > at_100[0])
        assert staff[1].font().pointSizeF() > at_100[1]
        assert staff[0].font().pointSizeF() < bar.font().pointSizeF(), "smaller than the menus"
        all_in_view(window, staff)
        window.session.set_details(patient_name="Zoë Ruiz")  # saving, then saved
        assert staff[1].text() == "Saving…"
        all_in_view(window, staff)
        qtbot.waitUntil(lambda: staff[1].text() == "Saved")
        all_in_view(window, staff)
    finally:
        window.set_display(Display())


def all_in_view(window, staff: list[QLabel]) -> None:
    QApplication.processEvents()
    bar = window.menuBar()
    corner = bar.cornerWidget()
    left = corner.mapTo(bar, corner.rect().topLeft()).x()
    for action in bar.actions():
        shown = bar.actionGeometry(action)
        assert shown.width() > 0 and shown.right() < left, f"{action.text()} is covered"
    for label in staff:
        words = label.fontMetrics().horizontalAdvance(label.text())
        assert label.contentsRect().width() >= words, f"{label.text()} is cut"
    assert corner.mapTo(window, corner.rect().topRight()).x() <= window.width()
