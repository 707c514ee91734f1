"""Loading and checking the content files (see resources/content/SCHEMA.md).

Every check a clinic's edit could break happens here, at start-up, so a mistake is a clear
message naming the file and the field, never a blank screen in front of a patient.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from urllib.parse import parse_qs, urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from counsel.core import content as c
from counsel.core.consent_text import load_consent_text
from counsel.core.content_warning_signs import load_warning_signs
from counsel.core.formatting import load_document_words
from counsel.core.illustration_labels import load_illustration_labels
from counsel.core.reader_parts import Shared, illustration
from counsel.core.screen_kinds import SCREEN_KINDS
from counsel.core.store_location import SERVER_SCHEMES
from counsel.core.toml_reader import ContentError, TableReader
from counsel.resources import resources_dir

PAPER_SIZES = ("letter", "a4")
DOCUMENT_TYPES = ("acknowledgement", "consent")


def content_digest(folder: Path) -> str:
    """SHA-256 over every file of one language, path and bytes, in a stable order."""
    digest = hashlib.sha256()
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        digest.update(path.relative_to(folder).as_posix().encode() + b"\0")
        digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()


def load_content(language: str = "en", root: Path | None = None) -> c.Content:
    root = root or resources_dir()
    folder = root / "content" / language
    if not folder.is_dir():
        raise ContentError(f"content/{language}: no such language folder ({folder})")
    meta = TableReader.open(folder / "meta.toml", f"content/{language}/meta.toml")
    sources = _load_sources(folder, language)
    screen_ids = meta.texts("screens", required=True)
    shared = Shared(root=root, warnings=load_warning_signs(folder, language))
    screens = tuple(_load_screen(folder, language, screen_id, shared) for screen_id in screen_ids)
    content = c.Content(
        language=meta.text("language"),
        language_name=meta.text("language_name"),
        version=meta.text("version"),
        title=meta.text("title"),
        procedure=meta.text("procedure"),
        screens=screens,
        sources=sources,
        sha256=content_digest(folder),
        document=load_document_words(folder, language),
        consent=load_consent_text(folder, language),
        illustration_labels=load_illustration_labels(folder, language, root),
        warning_signs=shared.warnings.signs,
    )
    meta.finish()
    _check_references(content, language)
    return content


def language_names(root: Path | None = None) -> dict[str, str]:
    """Each content language's code and name (``{"es": "Español"}``), read from meta.toml only.

    A new folder under resources/content/ is a new language: no code changes."""
    folder = (root or resources_dir()) / "content"
    names = {}
    for meta in sorted(folder.glob("*/meta.toml")):
        label = f"content/{meta.parent.name}/meta.toml"
        names[meta.parent.name] = TableReader.open(meta, label).text("language_name")
    return names


def load_clinic(root: Path | None = None) -> c.ClinicSettings:
    reader = TableReader.open((root or resources_dir()) / "clinic.toml", "clinic.toml")
    clinic = c.ClinicSettings(
        name=reader.text("name"),
        address=reader.text("address"),
        phone=reader.text("phone"),
        paper=reader.choice("paper", PAPER_SIZES),
        levels=reader.texts("levels", required=True),
        language=reader.text("language"),
        records_folder=reader.optional_text("records_folder"),
        database_url=_database_url(reader),
        reviewers=reader.texts("reviewers"),
        portal=reader.optional_text("portal"),
        document_type=(
            reader.choice("document_type", DOCUMENT_TYPES)
            if reader.has("document_type")
            else "acknowledgement"
        ),
        time_zone=_time_zone(reader),
        timestamp_url=_web_address(reader, "timestamp_url"),
    )
    reader.finish()
    return clinic


def _time_zone(reader: TableReader) -> str:
    """The clinic's IANA time zone, refused at start-up when no zone has that name: a typo
    would otherwise first show as a crash while printing a signed record."""
    name = reader.optional_text("time_zone")
    if name:
        try:
            ZoneInfo(name)
        except (ZoneInfoNotFoundError, ValueError, OSError):
            raise reader.error(
                "time_zone", f"no time zone is called {name!r} (write one like America/Chicago)"
            ) from None
    return name


def _database_url(reader: TableReader) -> str:
    """An optional postgresql:// address without a password: clinic.toml is read by every
    account on every exam-room computer and copied with the program, so a password written
    there is no secret. The message never repeats the address (it would repeat the password)."""
    address = reader.optional_text("database_url")
    if not address:
        return ""
    try:
        parts = urlsplit(address)
        password = parts.password is not None or "password" in parse_qs(parts.query)
    except ValueError:  # a malformed host or port
        parts, password = None, False
    if parts is None or parts.scheme not in SERVER_SCHEMES:
        raise reader.error("database_url", "must be an address starting with postgresql://")
    if password:
        raise reader.error(
            "database_url",
            "holds a password, which anyone who can read this file could use. Remove it and"
            " put it in the .pgpass file of the account that runs Counsel, or in PGPASSWORD"
            " (README: Clinic server)",
        )
    return address


def _web_address(reader: TableReader, key: str) -> str:
    """An optional http(s) address with a host, or "" (checked at start-up, not at signing)."""
    address = reader.optional_text(key)
    if not address:
        return ""
    try:
        parts = urlsplit(address)
        valid = parts.scheme in ("http", "https") and bool(parts.hostname) and parts.port != 0
    except ValueError:  # a malformed host or port
        valid = False
    if not valid or any(ch.isspace() for ch in address):
        raise reader.error(key, f"must be an http:// or https:// address; found {address!r}")
    return address


def _load_sources(folder: Path, language: str) -> dict[str, c.Source]:
    reader = TableReader.open(folder / "sources.toml", f"content/{language}/sources.toml")
    table = reader.table("sources")
    sources = {}
    for source_id in table.names():
        entry = table.table(source_id)
        sources[source_id] = c.Source(
            id=source_id,
            citation=entry.text("citation"),
            short=entry.text("short"),
            industry=entry.flag("industry", False),
        )
        entry.finish()
    reader.finish()
    return sources


def _load_screen(folder: Path, language: str, screen_id: str, shared: Shared) -> c.Screen:
    label = f"content/{language}/screens/{screen_id}.toml"
    return read_screen(
        TableReader.open(folder / "screens" / f"{screen_id}.toml", label), screen_id, shared
    )


def read_screen(reader: TableReader, screen_id: str, shared: Shared) -> c.Screen:
    """One screen from its parsed TOML table: every field checked, a mistake a ContentError."""
    kind = reader.choice("kind", tuple(SCREEN_KINDS))
    common = dict(
        id=screen_id,
        kind=kind,
        title=reader.text("title"),
        nav_title=reader.text("nav_title"),
        summary=reader.text("summary"),
        required=reader.flag("required", False),
        intro=reader.optional_text("intro"),
        illustration=illustration(reader, shared),
        sources=reader.texts("sources"),
    )
    screen = SCREEN_KINDS[kind].read(reader, common, shared)
    reader.finish()
    return screen


def _check_references(content: c.Content, language: str) -> None:
    """Cross-file rules: known sources, quiz links to real screens, one screen per id."""
    ids = [screen.id for screen in content.screens]
    if len(set(ids)) != len(ids):
        raise ContentError(f"content/{language}/meta.toml: screens: an id is listed twice")
    for screen in content.screens:
        label = f"content/{language}/screens/{screen.id}.toml"
        for source_id in referenced_sources(screen):
            if source_id not in content.sources:
                raise ContentError(f"{label}: source {source_id!r} is not in sources.toml")
        for question_id, field, target in screen.screen_links():
            if not content.has_screen(target):
                raise ContentError(
                    f"{label}: question {question_id!r}: {field} {target!r} is not a screen"
                )
    for kind in (name for name, entry in SCREEN_KINDS.items() if entry.required):
        if content.first_of_kind(kind) is None:
            raise ContentError(f"content/{language}/meta.toml: screens: needs a {kind!r} screen")


def referenced_sources(screen: c.Screen) -> list[str]:
    """Every source id a screen names, wherever it names it."""
    found = list(screen.sources)
    for part in ("sections", "steps", "items", "rows"):
        for entry in getattr(screen, part, ()):
            found.extend(getattr(entry, "sources", ()))
            figure = getattr(entry, "figure", None)
            if figure is not None:
                found.append(figure.source)
    return found


def named_illustrations(screen: c.Screen) -> list[str]:
    """Every illustration file a screen names: its own, its steps' and its options'."""
    found = [screen.illustration]
    for part in ("steps", "options"):
        found += [entry.illustration for entry in getattr(screen, part, ())]
    return [name for name in found if name]
