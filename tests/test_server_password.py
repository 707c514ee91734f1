"""The records server's password never sits in clinic.toml, and is never shown or printed:
clinic.toml is read by every account on every exam-room computer, and messages end up in
screenshots, support e-mails and logs."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from urllib.parse import quote

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from counsel.core.content_loader import load_clinic
from counsel.core.store_location import StoreLocation
from counsel.core.toml_reader import ContentError

MAIN = Path(__file__).resolve().parents[1] / "main.py"
SECRET = "Tr0ub4dor-s3cret"


def with_database_url(resources: Path, address: str) -> Path:
    clinic_file = resources / "clinic.toml"
    text = clinic_file.read_text(encoding="utf-8")
    assert 'database_url = ""' in text
    clinic_file.write_text(text.replace('database_url = ""', f'database_url = "{address}"'))
    return resources


@pytest.mark.parametrize(
    "address",
    [
        f"postgresql://counsel_app:{SECRET}@db-host/counsel",
        f"postgresql://db-host/counsel?sslmode=verify-full&password={SECRET}",
        f"postgres://counsel_app:{SECRET}@db-host:5433/counsel?sslmode=require",
    ],
)
def test_a_password_in_clinic_toml_stops_start_up_naming_where_it_belongs(
    resources_copy: Path, address: str
) -> None:
    with pytest.raises(ContentError) as raised:
        load_clinic(with_database_url(resources_copy, address))
    message = str(raised.value)
    assert message.startswith("clinic.toml: database_url: holds a password")
    assert ".pgpass" in message and "PGPASSWORD" in message
    assert SECRET not in message


@pytest.mark.parametrize(
    "address", ["mysql://db-host/counsel", "host=db-host dbname=counsel", "db-host/counsel"]
)
def test_a_database_url_that_is_not_a_postgresql_address_stops_start_up(
    resources_copy: Path, address: str
) -> None:
    with pytest.raises(ContentError, match="database_url: must be an address starting with"):
        load_clinic(with_database_url(resources_copy, address))


def test_an_address_without_a_password_is_taken_as_written(resources_copy: Path) -> None:
    address = "postgresql://counsel_app@db-host/counsel?sslmode=verify-full"
    assert load_clinic(with_database_url(resources_copy, address)).database_url == address


@settings(max_examples=200, deadline=None)
@given(
    password=st.text(min_size=4, max_size=40).filter(lambda text: text.strip() == text),
    user=st.text(alphabet="abcdefghijklmnopqrstuvwxyz_", min_size=1, max_size=12),
)
def test_the_address_as_shown_keeps_the_host_and_never_the_password(
    password: str, user: str
) -> None:
    secret = quote(password, safe="")
    for address in (
        f"postgresql://{user}:{secret}@db-host.clinic.example:5433/counsel?sslmode=verify-full",
        f"postgresql://{user}@db-host.clinic.example:5433/counsel?password={secret}",
    ):
        location = StoreLocation(Path("/records"), address)
        assert location.host == "db-host.clinic.example"
        assert str(location) == "postgresql://db-host.clinic.example:5433/counsel"


def test_records_commands_never_print_the_password_of_an_unreachable_server(
    tmp_path: Path,
) -> None:
    """A password given in the environment (allowed, as PGPASSWORD is) stays out of the
    message that says the server cannot be reached (port 9: nothing listens there)."""
    env = {
        **os.environ,
        "COUNSEL_DATA_DIR": str(tmp_path / "data"),
        "COUNSEL_DATABASE_URL": f"postgresql://counsel_app:{SECRET}@127.0.0.1:9/counsel",
        "PGCONNECT_TIMEOUT": "2",
    }
    done = subprocess.run(
        [sys.executable, str(MAIN), "records", "list"],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert done.returncode == 5
    assert "127.0.0.1" in done.stderr
    assert SECRET not in done.stdout + done.stderr
