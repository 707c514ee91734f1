"""The PDFs print the clinic's local time with its zone; what is stored stays UTC."""

from __future__ import annotations

import io
import json
import time
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import pikepdf
import pytest
from pdf_text import flat, page_texts
from test_content_errors import edit

from counsel.core.content import ClinicSettings, Content
from counsel.core.content_loader import load_clinic
from counsel.core.demo import demo_session
from counsel.core.toml_reader import ContentError
from counsel.pdf.acknowledgement import build_acknowledgement
from counsel.pdf.take_home import build_take_home

CHICAGO = "America/Chicago"


@pytest.fixture
def far_away_computer(monkeypatch: pytest.MonkeyPatch):
    """A computer set to India's time, so a time printed in it cannot pass for Chicago's."""
    monkeypatch.setenv("TZ", "IST-5:30")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def test_the_clinic_time_zone_is_read_and_checked(resources_copy: Path) -> None:
    assert load_clinic(resources_copy).zone is None  # the shipped demo: the computer's own
    edit(resources_copy / "clinic.toml", 'time_zone = ""', f'time_zone = "{CHICAGO}"')
    assert load_clinic(resources_copy).time_zone == CHICAGO
    edit(resources_copy / "clinic.toml", f'time_zone = "{CHICAGO}"', 'time_zone = "America/Chicgo"')
    with pytest.raises(ContentError, match=r"clinic.toml: time_zone: no time zone .*Chicgo"):
        load_clinic(resources_copy)
    edit(resources_copy / "clinic.toml", "America/Chicgo", "../../etc/passwd")
    with pytest.raises(ContentError, match=r"clinic.toml: time_zone"):
        load_clinic(resources_copy)


def test_the_acknowledgement_prints_the_clinics_time_not_the_computers(
    content: Content, clinic: ClinicSettings, far_away_computer
) -> None:
    session = demo_session(content)
    data = build_acknowledgement(session, replace(clinic, time_zone=CHICAGO))
    first = flat(" ".join(page_texts(data)[:2]))
    # The demo starts at 09:00 UTC on Nov 20: 3 AM in Chicago, standard time (UTC-6).
    assert "Nov 20, 2026, 3:00 AM CST (UTC\u22126)" in first
    assert "Zoë Nguyễn-Øberg (DEMO) · signed at 4:34 AM CST (UTC\u22126)" in first
    assert "IST" not in first and " UTC," not in first
    with pikepdf.open(io.BytesIO(data)) as pdf:
        record = json.loads(pdf.attachments["session.json"].get_file().read_bytes())
    assert record["sealed_at"] == session.sealed_at.isoformat()
    assert record["sealed_at"].endswith("+00:00")  # stored in UTC, as before


def test_summer_times_name_daylight_time(content: Content) -> None:
    words = content.document
    assert words is not None
    july = datetime(2026, 7, 4, 15, 30, tzinfo=UTC)
    zone = replace(load_clinic(), time_zone=CHICAGO).zone
    assert words.format_datetime(july, zone) == "Jul 4, 2026, 10:30 AM CDT (UTC\u22125)"


def test_the_take_home_date_is_the_clinics_day(
    content: Content, clinic: ClinicSettings, far_away_computer
) -> None:
    """Signed at 3 AM UTC on Nov 21: still the evening of Nov 20 in Chicago."""
    session = demo_session(content, seal=False)
    session.sealed_at = datetime(2026, 11, 21, 3, 0, tzinfo=UTC)
    text = flat(" ".join(page_texts(build_take_home(session, replace(clinic, time_zone=CHICAGO)))))
    assert "Nov 20, 2026" in text and "Nov 21, 2026" not in text
