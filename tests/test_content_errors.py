"""A clinic's mistake in a content file stops Counsel with a message naming file and field."""

from __future__ import annotations

from pathlib import Path

import pytest

from counsel.core.content_loader import load_clinic, load_content
from counsel.core.toml_reader import ContentError


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path.name}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def screen_file(root: Path, name: str) -> Path:
    return root / "content" / "en" / "screens" / f"{name}.toml"


def load_error(root: Path) -> str:
    with pytest.raises(ContentError) as raised:
        load_content("en", root)
    return str(raised.value)


def test_the_shipped_content_loads_from_a_copy(resources_copy: Path) -> None:
    assert load_content("en", resources_copy).screens


def test_missing_field(resources_copy: Path) -> None:
    path = screen_file(resources_copy, "risks")
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("nav_title =", "old_nav_title =", 1), encoding="utf-8")
    message = load_error(resources_copy)
    assert "screens/risks.toml" in message and "nav_title" in message


def test_unknown_kind(resources_copy: Path) -> None:
    edit(screen_file(resources_copy, "stenosis"), 'kind = "info"', 'kind = "slideshow"')
    message = load_error(resources_copy)
    assert "stenosis.toml" in message and "kind" in message and "slideshow" in message


def test_wrong_type(resources_copy: Path) -> None:
    edit(screen_file(resources_copy, "stenosis"), "required = true", 'required = "yes"')
    message = load_error(resources_copy)
    assert "required" in message and "true or false" in message


def test_misspelt_field(resources_copy: Path) -> None:
    edit(screen_file(resources_copy, "stenosis"), "title =", "titel =")
    assert "titel" in load_error(resources_copy)


def test_unknown_source(resources_copy: Path) -> None:
    path = resources_copy / "content" / "en" / "sources.toml"
    edit(path, "[sources.mekhail-2021]", "[sources.mekhail-2099]")
    message = load_error(resources_copy)
    assert "mekhail-2021" in message and "sources.toml" in message


def test_missing_illustration(resources_copy: Path) -> None:
    (resources_copy / "illustrations" / "checklist.svg").unlink()
    message = load_error(resources_copy)
    assert "candidacy.toml" in message and "checklist.svg" in message


def test_quiz_answer_out_of_range(resources_copy: Path) -> None:
    edit(screen_file(resources_copy, "quiz"), "answer = ", "answer = 7 # ")
    message = load_error(resources_copy)
    assert "quiz.toml" in message and "questions[0].answer" in message


def test_not_toml(resources_copy: Path) -> None:
    screen_file(resources_copy, "done").write_text("title = [unclosed", encoding="utf-8")
    assert "done.toml: not valid TOML" in load_error(resources_copy)


def test_missing_screen_file(resources_copy: Path) -> None:
    screen_file(resources_copy, "quiz").unlink()
    assert "quiz.toml: file not found" in load_error(resources_copy)


def test_clinic_paper_size(resources_copy: Path) -> None:
    edit(resources_copy / "clinic.toml", 'paper = "letter"', 'paper = "legal"')
    with pytest.raises(ContentError, match=r"clinic.toml: paper: must be one of letter, a4"):
        load_clinic(resources_copy)


def test_content_digest_changes_with_any_edit(resources_copy: Path) -> None:
    before = load_content("en", resources_copy).sha256
    edit(screen_file(resources_copy, "risks"), "title =", "title = 'Risks' # ")
    assert load_content("en", resources_copy).sha256 != before


def test_the_records_folder_comes_from_the_clinic_settings(
    resources_copy: Path, monkeypatch
) -> None:
    from counsel.settings import data_dir

    edit(resources_copy / "clinic.toml", 'records_folder = ""', 'records_folder = "~/Consents"')
    folder = load_clinic(resources_copy).records_folder
    monkeypatch.delenv("COUNSEL_DATA_DIR")
    assert data_dir(folder) == Path.home() / "Consents"
    monkeypatch.setenv("COUNSEL_DATA_DIR", "/tmp/elsewhere")
    assert data_dir(folder) == Path("/tmp/elsewhere"), "the environment wins (tests)"
