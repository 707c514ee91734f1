"""Hostile input for every parser: each case ends in a value or in the parser's own clear error.

The content files, clinic.toml and stored sessions are edited by people or read back from
disk; a mistake must come back as a ContentError naming the field (or a SessionFormatError),
never as a crash from deep inside. Each test starts from the real, shipped data and breaks
one thing at a time: a value of another type, a missing field, an unknown one.
"""

from __future__ import annotations

import copy
import json
import math
import shutil
import tempfile
import tomllib
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from counsel.core.content import ClinicSettings, Content, Screen
from counsel.core.content_loader import load_clinic, load_content, read_screen
from counsel.core.content_warning_signs import load_warning_signs
from counsel.core.demo import demo_session
from counsel.core.screen_readers import Shared
from counsel.core.session import Session
from counsel.core.session_codec import SessionFormatError, session_from_dict, session_to_dict
from counsel.core.toml_reader import MAX_DEPTH, ContentError, TableReader
from counsel.resources import resources_dir

A_THOUSAND_CASES = settings(
    max_examples=1000,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

# What a TOML file can hold (no null), and what JSON can (null, no dates).
SCALARS = (
    st.booleans()
    | st.integers(-(10**6), 10**6)
    | st.floats(allow_nan=False)
    | st.text()
    | st.dates()
)
TOML_VALUES = st.recursive(
    SCALARS,
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=10), inner, max_size=3)
    ),
    max_leaves=6,
)
JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=10), inner, max_size=3)
    ),
    max_leaves=6,
)


def broken(data: st.DataObject, original: Any, values: st.SearchStrategy) -> Any:
    """A copy of ``original`` with one place replaced, removed, or given an unknown field.

    The place is found by walking down from the top, stopping at each level with even odds,
    so a top-level field is broken as often as one point of a signature's ink."""
    document = copy.deepcopy(original)
    parent, key = document, data.draw(st.sampled_from(sorted(document)))
    while isinstance(parent[key], dict | list) and parent[key] and data.draw(st.booleans()):
        parent = parent[key]
        key = data.draw(
            st.sampled_from(list(parent) if isinstance(parent, dict) else range(len(parent)))
        )
    action = data.draw(st.sampled_from(("replace", "remove", "add")))
    if action == "replace":
        parent[key] = data.draw(values)
    elif action == "remove":
        del parent[key]
    elif isinstance(parent, dict):
        parent[data.draw(st.text(min_size=1, max_size=10))] = data.draw(values)
    else:
        parent.append(data.draw(values))
    return document


# -- content screens --------------------------------------------------------------------------

SCREENS = sorted((resources_dir() / "content" / "en" / "screens").glob("*.toml"))
SHARED = Shared(
    root=resources_dir(), warnings=load_warning_signs(resources_dir() / "content" / "en", "en")
)


@pytest.mark.parametrize("path", SCREENS, ids=lambda path: path.stem)
def test_each_shipped_screen_reads_as_it_is(path: Path) -> None:
    screen = read_screen(
        TableReader(tomllib.loads(path.read_text("utf-8")), path.name), path.stem, SHARED
    )
    assert screen.id == path.stem and screen.title


@pytest.mark.parametrize("path", SCREENS, ids=lambda path: path.stem)
@settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck))
@given(data=st.data())
def test_a_broken_screen_file_is_a_content_error_or_a_screen(
    path: Path, data: st.DataObject
) -> None:
    original = tomllib.loads(path.read_text("utf-8"))
    document = broken(data, original, TOML_VALUES)
    try:
        screen = read_screen(TableReader(document, path.name), path.stem, SHARED)
    except ContentError as error:
        assert path.name in str(error)
    else:
        assert isinstance(screen, Screen) and screen.kind in document.get("kind", "")


# -- clinic settings --------------------------------------------------------------------------


def toml_text(table: dict[str, Any]) -> str:
    """A one-level TOML document (nested tables are written inline)."""
    return "".join(f"{json.dumps(key)} = {toml_value(value)}\n" for key, value in table.items())


def toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and math.isinf(value):
        return "inf" if value > 0 else "-inf"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, date | datetime):
        return value.isoformat()
    if isinstance(value, list):
        return "[" + ", ".join(toml_value(item) for item in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{json.dumps(k)} = {toml_value(v)}" for k, v in value.items()) + "}"
    return json.dumps(value)  # a JSON string is a valid TOML basic string


def read_clinic(text: str) -> ClinicSettings:
    with tempfile.TemporaryDirectory() as folder:
        (Path(folder) / "clinic.toml").write_text(text, encoding="utf-8")
        return load_clinic(Path(folder))


SHIPPED_CLINIC = tomllib.loads((resources_dir() / "clinic.toml").read_text("utf-8"))


def test_the_toml_writer_of_these_tests_round_trips_the_shipped_clinic() -> None:
    assert read_clinic(toml_text(SHIPPED_CLINIC)) == load_clinic()


@A_THOUSAND_CASES
@given(data=st.data())
def test_broken_clinic_settings_are_a_content_error_or_settings(data: st.DataObject) -> None:
    text = toml_text(broken(data, SHIPPED_CLINIC, TOML_VALUES))
    try:
        clinic = read_clinic(text)
    except ContentError as error:
        assert str(error).startswith("clinic.toml")
    else:
        assert clinic.paper in ("letter", "a4") and clinic.levels


@A_THOUSAND_CASES
@given(text=st.text())
def test_any_text_as_clinic_toml_is_a_content_error_or_settings(text: str) -> None:
    try:
        read_clinic(text)
    except ContentError as error:
        assert str(error).startswith("clinic.toml")


# -- stored sessions ----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def stored(content: Content) -> dict[str, Any]:
    """The demo visit as the store keeps it (JSON), signatures and all."""
    return json.loads(json.dumps(session_to_dict(demo_session(content))))


def test_a_stored_session_comes_back_whole(stored: dict[str, Any], content: Content) -> None:
    assert session_to_dict(session_from_dict(stored, content)) == stored


@A_THOUSAND_CASES
@given(data=st.data())
def test_a_damaged_stored_session_is_a_format_error_or_a_session(
    data: st.DataObject, stored: dict[str, Any], content: Content
) -> None:
    try:
        session = session_from_dict(broken(data, stored, JSON_VALUES), content)
    except SessionFormatError:
        pass
    else:
        assert isinstance(session, Session)


# -- files as bytes: encoding, syntax and nesting, as a bad editor or a bad copy leaves them -----


def _load(root: Path, relative: str) -> object:
    """What Counsel loads at start-up, given that ``relative`` is the file that was changed."""
    if relative == "clinic.toml":
        return load_clinic(root)
    return load_content(relative.split("/")[1], root)


TOML_FILES = sorted(
    p.relative_to(resources_dir()).as_posix()
    for p in resources_dir().rglob("*.toml")
    if "content" in p.parts or p.name == "clinic.toml"
)
NESTED = st.integers(MAX_DEPTH, 5000).map(lambda depth: b"deep = " + b"[" * depth + b"]" * depth)
INSERTS = (
    st.sampled_from(
        [
            b"\xff",
            b"\xc3",
            b"\xed\xa0\x80",
            b"\xe2\x82",
            b"\x00",
            b"[",
            b"=",
            b'"',
            b"[[",
            b"\n[x\n",
            b"'''",
        ]
    )
    | st.binary(min_size=1, max_size=4)
    | NESTED
)


@pytest.fixture(scope="module")
def editable_resources(tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("hostile") / "resources"
    shutil.copytree(resources_dir(), target)
    return target


@settings(max_examples=300, deadline=None, suppress_health_check=list(HealthCheck))
@given(relative=st.sampled_from(TOML_FILES), data=st.data())
def test_a_damaged_content_or_settings_file_is_a_content_error_naming_it(
    editable_resources: Path, relative: str, data: st.DataObject
) -> None:
    path = editable_resources / relative
    original = path.read_bytes()
    at = data.draw(st.integers(0, len(original)))
    change = data.draw(st.sampled_from(("insert", "cut", "replace")))
    if change == "insert":
        damaged = original[:at] + data.draw(INSERTS) + original[at:]
    elif change == "cut":
        damaged = original[:at]
    else:
        damaged = original[:at] + data.draw(INSERTS) + original[at + 1 :]
    path.write_bytes(damaged)
    try:
        _load(editable_resources, relative)
    except ContentError as error:
        assert str(error).split(":")[0].endswith(".toml"), "the message starts with the file"
    finally:
        path.write_bytes(original)


def test_bad_encoding_syntax_and_nesting_name_the_file_and_line(resources_copy: Path) -> None:
    clinic = resources_copy / "clinic.toml"
    lines = clinic.read_bytes().split(b"\n")
    cases = {
        b'bad = "\xff"': "clinic.toml: line 3: not UTF-8",
        b"name = ": "clinic.toml: not valid TOML: Invalid value (at line 3, column 8)",
        b"deep = " + b"[" * 3000 + b"]" * 3000: f"clinic.toml: nested more than {MAX_DEPTH}",
        b"deep = " + b"[" * 30 + b"]" * 30: f"clinic.toml: nested more than {MAX_DEPTH}",
    }
    for line, message in cases.items():
        clinic.write_bytes(b"\n".join([*lines[:2], line, *lines[2:]]))
        with pytest.raises(ContentError) as refused:
            load_clinic(resources_copy)
        assert str(refused.value).startswith(message)


def test_start_up_with_a_damaged_file_prints_the_reason_and_exits_2(
    resources_copy: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
) -> None:
    from counsel.cli import main

    screen = next((resources_copy / "content" / "en" / "screens").glob("*.toml"))
    screen.write_bytes(b"\xfe\xff" + screen.read_bytes())
    monkeypatch.setenv("COUNSEL_RESOURCES", str(resources_copy))
    assert main(["--demo-pdf", str(tmp_path / "demo.pdf")]) == 2
    error = capsys.readouterr().err
    assert f"content/en/screens/{screen.name}: line 1: not UTF-8" in error
    assert "Traceback" not in error and not (tmp_path / "demo.pdf").exists()


@pytest.mark.parametrize("command", [["list"], ["verify"], ["add-demo", "--count", "1"]])
def test_records_commands_with_a_damaged_settings_file_give_no_traceback(
    resources_copy: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    command: list[str],
) -> None:
    from counsel.cli import main

    (resources_copy / "clinic.toml").write_bytes(b'name = "\xff"\n' + b"[" * 5000)
    monkeypatch.setenv("COUNSEL_RESOURCES", str(resources_copy))
    code = main(["records", *command])
    assert code in (0, 1, 2)
    assert "Traceback" not in capsys.readouterr().err


def test_an_illustration_name_no_file_system_takes_is_a_content_error(
    resources_copy: Path,
) -> None:
    screen = resources_copy / "content" / "en" / "screens" / "stenosis.toml"
    text = screen.read_text("utf-8")
    screen.write_text(text.replace('illustration = "', 'illustration = "' + "[" * 300, 1), "utf-8")
    with pytest.raises(ContentError, match="stenosis.toml: illustration: no file"):
        load_content("en", resources_copy)
