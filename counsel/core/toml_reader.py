"""Reading a TOML table field by field, with errors that name the file and the field.

A clinic edits the content files by hand; a typo must stop Counsel with a message a person
can act on ("screens/risks.toml: items[3].likelihood: missing"), never a traceback.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

#: Deeper than any content or settings file needs (the deepest shipped one is 4 levels).
MAX_DEPTH = 20


class ContentError(ValueError):
    """A content or settings file is missing, malformed or inconsistent."""


def read_toml(path: Path, label: str) -> dict[str, Any]:
    """The TOML document at ``path``; a ContentError naming ``label`` and, where there is one,
    the line, for a file that is missing, unreadable, not UTF-8, not TOML or nested too deep."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise ContentError(f"{label}: file not found ({path})") from None
    except OSError as error:
        raise ContentError(f"{label}: cannot be read: {error.strerror or error}") from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise ContentError(
            f"{label}: line {line}: not UTF-8 text (byte "
            f"0x{raw[error.start]:02x}); save the file as UTF-8"
        ) from None
    import tomllib  # here: a start from the content cache parses no TOML

    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:  # its message names the line and column
        raise ContentError(f"{label}: not valid TOML: {error}") from None
    except RecursionError:
        raise ContentError(f"{label}: nested more than {MAX_DEPTH} levels deep") from None
    _check_depth(data, label)
    return data


def names_a_file(folder: Path, name: str) -> bool:
    """Whether ``name``, as a content file gives it, is a file in ``folder``; a name no file
    system takes (too long, a NUL) is simply no file, not a crash."""
    try:
        return (folder / name).is_file()
    except (OSError, ValueError):
        return False


def _check_depth(data: dict[str, Any], label: str) -> None:
    """Refuse absurd nesting before any reader walks it (iteratively: no recursion to blow)."""
    pending: list[tuple[Any, int]] = [(data, 1)]
    while pending:
        value, depth = pending.pop()
        if depth > MAX_DEPTH:
            raise ContentError(f"{label}: nested more than {MAX_DEPTH} levels deep")
        children = value.values() if isinstance(value, dict) else value
        pending += [(child, depth + 1) for child in children if isinstance(child, dict | list)]


class TableReader:
    """Typed access to one TOML table; ``finish()`` rejects fields nobody asked for."""

    def __init__(self, data: dict[str, Any], file: str, where: str = "") -> None:
        self._data = data
        self._file = file
        self._where = where
        self._used: set[str] = set()

    @classmethod
    def open(cls, path: Path, label: str) -> TableReader:
        return cls(read_toml(path, label), label)

    def error(self, key: str, problem: str) -> ContentError:
        return ContentError(f"{self._file}: {self._where}{key}: {problem}")

    def has(self, key: str) -> bool:
        return key in self._data

    def _get(self, key: str, kind: type | tuple[type, ...], what: str, default: Any) -> Any:
        self._used.add(key)
        if key not in self._data:
            if default is _REQUIRED:
                import difflib  # only on this error path: it is slow to import

                near = difflib.get_close_matches(key, list(self._data), n=1, cutoff=0.7)
                hint = f" (is {near[0]!r} a misspelling of it?)" if near else ""
                raise self.error(key, f"missing{hint}")
            return default
        value = self._data[key]
        if not isinstance(value, kind) or isinstance(value, bool) and kind is not bool:
            raise self.error(key, f"expected {what}, found {type(value).__name__} {value!r}")
        return value

    def text(self, key: str) -> str:
        value: str = self._get(key, str, "text", _REQUIRED)
        if not value.strip():
            raise self.error(key, "is empty")
        return value.strip()

    def optional_text(self, key: str) -> str:
        value: str = self._get(key, str, "text", "")
        return value.strip()

    def flag(self, key: str, default: bool) -> bool:
        value: bool = self._get(key, bool, "true or false", default)
        return value

    def integer(self, key: str) -> int:
        value: int = self._get(key, int, "a whole number", _REQUIRED)
        return value

    def optional_number(self, key: str) -> float | None:
        value = self._get(key, (int, float), "a number", None)
        return None if value is None else float(value)

    def choice(self, key: str, allowed: tuple[str, ...]) -> str:
        value = self.text(key)
        if value not in allowed:
            raise self.error(key, f"must be one of {', '.join(allowed)}; found {value!r}")
        return value

    def texts(self, key: str, required: bool = False) -> tuple[str, ...]:
        values = self._get(key, list, "a list of texts", _REQUIRED if required else [])
        for index, value in enumerate(values):
            if not isinstance(value, str) or not value.strip():
                raise self.error(f"{key}[{index}]", "expected non-empty text")
        if required and not values:
            raise self.error(key, "must not be empty")
        return tuple(value.strip() for value in values)

    def table(self, key: str) -> TableReader:
        value = self._get(key, dict, "a table", _REQUIRED)
        return TableReader(value, self._file, f"{self._where}{key}.")

    def optional_table(self, key: str) -> TableReader | None:
        return self.table(key) if self.has(key) else None

    def tables(self, key: str, minimum: int = 1) -> list[TableReader]:
        values = self._get(key, list, "a list of tables ([[...]])", _REQUIRED)
        if len(values) < minimum:
            raise self.error(key, f"needs at least {minimum} entries, found {len(values)}")
        readers = []
        for index, value in enumerate(values):
            if not isinstance(value, dict):
                raise self.error(f"{key}[{index}]", "expected a table")
            readers.append(TableReader(value, self._file, f"{self._where}{key}[{index}]."))
        return readers

    def names(self) -> list[str]:
        return list(self._data)

    def finish(self) -> None:
        unknown = sorted(set(self._data) - self._used)
        if unknown:
            raise self.error(unknown[0], "unknown field (a typo?)")


_REQUIRED = object()
