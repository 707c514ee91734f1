"""The content kept between starts: a start after the first reads no TOML, and no edit,
added file or broken cache ever gives a start the wrong content or hides a mistake."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from counsel.core import content_loader
from counsel.core.content_cache import load_startup_content
from counsel.core.content_loader import language_names, load_clinic, load_content
from counsel.core.toml_reader import ContentError
from counsel.settings import cache_dir


@pytest.fixture
def parses(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The languages whose content files were read and checked, in order."""
    seen: list[str] = []

    def counting(language: str = "en", root: Path | None = None):
        seen.append(language)
        return load_content(language, root)

    monkeypatch.setattr(content_loader, "load_content", counting)
    return seen


def test_a_second_start_reads_the_cache_and_gets_the_same_content(
    resources_copy: Path, parses: list[str]
) -> None:
    first = load_startup_content("es", resources_copy)
    second = load_startup_content("es", resources_copy)
    assert parses == ["es"]
    assert second.content == first.content == load_content("es", resources_copy)
    assert second.clinic == load_clinic(resources_copy)
    assert (
        second.language_names
        == language_names(resources_copy)
        == {
            "en": "English",
            "es": "Español",
        }
    )


def test_an_edited_file_is_read_again(resources_copy: Path, parses: list[str]) -> None:
    load_startup_content("en", resources_copy)
    meta = resources_copy / "content" / "en" / "meta.toml"
    text = meta.read_text(encoding="utf-8")
    meta.write_text(text.replace('title = "', 'title = "Edited: ', 1), encoding="utf-8")
    assert load_startup_content("en", resources_copy).content.title.startswith("Edited: ")
    assert parses == ["en", "en"]


def test_a_mistake_made_after_caching_still_stops_the_start(resources_copy: Path) -> None:
    load_startup_content("en", resources_copy)
    screen = resources_copy / "content" / "en" / "screens" / "risks.toml"
    stat = screen.stat()
    broken = screen.read_bytes().replace(b"kind = ", b"kind = 7 #", 1)
    screen.write_bytes(broken[: stat.st_size].ljust(stat.st_size, b" "))
    os.utime(screen, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1))  # same size, a tick later
    with pytest.raises(ContentError, match="risks.toml"):
        load_startup_content("en", resources_copy)


def test_a_removed_picture_is_reported_though_the_toml_is_unchanged(
    resources_copy: Path,
) -> None:
    load_startup_content("en", resources_copy)
    named = load_content("en", resources_copy).screens[1].illustration
    (resources_copy / "illustrations" / named).unlink()
    with pytest.raises(ContentError, match=named):
        load_startup_content("en", resources_copy)


@pytest.mark.parametrize("damage", [b"", b"not a pickle", b"\x80\x04\x95garbage"])
def test_a_broken_cache_is_ignored_and_replaced(
    resources_copy: Path, parses: list[str], damage: bytes
) -> None:
    load_startup_content("en", resources_copy)
    (cached,) = cache_dir().glob("content-en.*")
    cached.write_bytes(damage)
    assert load_startup_content("en", resources_copy).content.language == "en"
    assert load_startup_content("en", resources_copy).content.language == "en"
    assert parses == ["en", "en"]  # read again once, then cached again


def test_an_unwritable_cache_folder_only_costs_time(
    resources_copy: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    blocker = tmp_path / "a-file-not-a-folder"
    blocker.write_text("")
    monkeypatch.setenv("COUNSEL_CACHE_DIR", str(blocker / "cache"))
    assert load_startup_content("en", resources_copy).content.language == "en"
