"""Where the records are kept, decided in one place for the app, the command line and the
Records window: the SQLite file in this computer's records folder (the default, nothing to
set up), or the clinic's PostgreSQL server when ``database_url`` names one."""

from __future__ import annotations

from dataclasses import field
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import parse_qs, urlsplit

from counsel.core.frozen import Frozen
from counsel.core.session import Clock, utc_now
from counsel.settings import data_dir, database_url

if TYPE_CHECKING:
    from counsel.core.content import ClinicSettings
    from counsel.core.record_store import RecordStore
    from counsel.core.store_schema import UpgradeProgress

SERVER_SCHEMES = ("postgresql", "postgres")
DB_NAME = "records.sqlite3"  # in the records folder, when no server is named


def _host(url: str) -> str:
    parts = urlsplit(url)
    named = parse_qs(parts.query).get("host", [""])[0]
    return parts.hostname or named.split(",")[0] or "localhost"


def _without_password(url: str) -> str:
    parts = urlsplit(url)
    port = f":{parts.port}" if parts.port else ""
    return f"{parts.scheme}://{_host(url)}{port}{parts.path}"


class ServerDatabase(Frozen, kw_only=False):
    """The records database on a PostgreSQL server, by its ``postgresql://`` URL (a password
    in it is never shown: ``str`` and ``repr`` leave it out)."""

    url: str = field(repr=False)

    @property
    def host(self) -> str:
        return _host(self.url)

    def __str__(self) -> str:
        return _without_password(self.url)

    def __repr__(self) -> str:
        return f"ServerDatabase({_without_password(self.url)!r})"


class StoreLocation(Frozen, kw_only=False):
    """``folder`` is this computer's records folder (the SQLite file, the clinic key);
    ``url`` the PostgreSQL server holding the records instead, or empty."""

    folder: Path
    url: str = field(default="", repr=False)

    def __post_init__(self) -> None:
        if self.url and urlsplit(self.url).scheme not in SERVER_SCHEMES:
            raise ValueError("database_url must start with postgresql://")

    @property
    def on_server(self) -> bool:
        return bool(self.url)

    @property
    def host(self) -> str:
        """The server's host name, to show which store is in use; empty for this computer."""
        return _host(self.url) if self.url else ""

    @property
    def database(self) -> Path | ServerDatabase:
        """The SQLite file in ``folder``, or the database on the server."""
        return ServerDatabase(self.url) if self.url else self.folder / DB_NAME

    def __str__(self) -> str:
        """For messages: the folder, or the server and database (never a password)."""
        return _without_password(self.url) if self.url else str(self.folder)


def store_location(
    clinic: ClinicSettings | None = None, folder: Path | None = None
) -> StoreLocation:
    """The store for these settings: ``folder`` (a ``--data-dir``) or the settings' records
    folder, and the server of ``COUNSEL_DATABASE_URL`` or the clinic's ``database_url``."""
    return StoreLocation(
        folder or data_dir(clinic.records_folder if clinic else ""),
        database_url(clinic.database_url if clinic else ""),
    )


def open_store(
    location: StoreLocation,
    *,
    clinic: str = "",
    actor: str | None = None,
    clock: Clock = utc_now,
    on_upgrade: UpgradeProgress | None = None,
) -> RecordStore:
    """The record store at ``location``, upgraded if needed; a clinic key made for it is in
    ``clinic``'s name. Raises ``StoreUnavailable`` when the server cannot be reached."""
    from counsel.core.record_store import RecordStore

    return RecordStore.at(location, clinic=clinic, actor=actor, clock=clock, on_upgrade=on_upgrade)
