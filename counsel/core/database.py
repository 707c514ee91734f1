"""What the store's modules need of a database connection, whichever engine is behind it:
SQLite's own ``sqlite3.Connection``, or ``store_server.ServerConnection`` for PostgreSQL.
Both run the store's SQL as written (SQLite's dialect, ``?`` placeholders)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, Protocol


class Rows(Protocol):
    def fetchone(self) -> Any: ...

    def fetchall(self) -> list[Any]: ...

    def __iter__(self) -> Iterator[Any]: ...


class Database(Protocol):
    def execute(self, sql: str, parameters: Any = ..., /) -> Rows: ...

    def close(self) -> None: ...

    def interrupt(self) -> None: ...
