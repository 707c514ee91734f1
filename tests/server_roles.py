"""The clinic's database made as the README tells IT to make it: ``scripts/postgresql-setup.sql``
as the administrator, the tables created by Counsel run as the owner role, then
``scripts/postgresql-grants.sql`` as the owner, all on the tests' real server."""

from __future__ import annotations

import subprocess
import uuid
from dataclasses import dataclass
from pathlib import Path

from postgres_server import PostgresServer

from counsel.core.store_location import StoreLocation, open_store

SCRIPTS = Path(__file__).resolve().parents[1] / "scripts"


@dataclass(frozen=True)
class ClinicDatabase:
    server: PostgresServer
    name: str

    @property
    def owner(self) -> str:
        return f"{self.name}_owner"

    @property
    def app(self) -> str:
        return f"{self.name}_app"

    def url(self, role: str, database: str = "") -> str:
        return f"postgresql://{role}@127.0.0.1:{self.server.port}/{database or self.name}"

    def psql(self, role: str, script: str, database: str = "postgres", **names: str) -> str:
        """Run ``scripts/<script>`` as the README says (``ON_ERROR_STOP``); its output."""
        variables = [f"--set={name}={value}" for name, value in names.items()]
        done = subprocess.run(
            [str(self.server.bin / "psql"), "--no-psqlrc", "-v", "ON_ERROR_STOP=1", *variables,
             "-d", self.url(role, database), "-f", str(SCRIPTS / script)],
            capture_output=True, text=True, timeout=120, check=False,
        )  # fmt: skip
        assert done.returncode == 0, done.stderr
        return done.stdout

    def set_up(self, records_folder: Path) -> ClinicDatabase:
        """Steps 1 to 3 of the README's "Clinic server" section."""
        self.psql("postgres", "postgresql-setup.sql", db=self.name, owner=self.owner, app=self.app)
        open_store(StoreLocation(records_folder, self.url(self.owner))).close()
        self.psql(self.owner, "postgresql-grants.sql", self.name, app=self.app)
        return self

    def drop(self) -> None:
        with self.server.admin() as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)')
            for role in (self.app, self.owner):
                conn.execute(f'DROP ROLE IF EXISTS "{role}"')


def new_clinic_database(server: PostgresServer) -> ClinicDatabase:
    return ClinicDatabase(server, f"clinic_{uuid.uuid4().hex[:10]}")
