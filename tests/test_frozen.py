"""The content model's value objects behave as frozen dataclasses do, without their cost."""

from __future__ import annotations

import pickle
from dataclasses import FrozenInstanceError, asdict, field, fields, replace

import pytest

from counsel.core.content import Content, Section
from counsel.core.content_loader import load_content
from counsel.core.frozen import Frozen


class Named(Frozen):
    name: str
    tags: tuple[str, ...] = ()
    notes: list[str] = field(default_factory=list, compare=False, repr=False)


class Point(Frozen, kw_only=False):
    x: float
    y: float = 0.0


def test_fields_are_given_by_name_with_their_defaults() -> None:
    named = Named(name="a")
    assert (named.name, named.tags, named.notes) == ("a", (), [])
    assert Named(name="a").notes is not named.notes, "each gets its own default list"
    with pytest.raises(TypeError, match="missing the field 'name'"):
        Named()  # type: ignore[call-arg]
    with pytest.raises(TypeError, match="no field 'colour'"):
        Named(name="a", colour="red")  # type: ignore[call-arg]
    with pytest.raises(TypeError):
        Named("a")  # type: ignore[misc]


def test_fields_in_order_where_the_class_says_so() -> None:
    assert Point(1.0) == Point(x=1.0, y=0.0)
    assert Point(1.0, 2.0).y == 2.0
    with pytest.raises(TypeError, match="twice"):
        Point(1.0, x=2.0)  # type: ignore[misc]
    with pytest.raises(TypeError, match="takes 2 fields"):
        Point(1.0, 2.0, 3.0)  # type: ignore[call-arg]


def test_compared_and_hashed_by_value_shown_by_field() -> None:
    assert Named(name="a", notes=["x"]) == Named(name="a"), "notes are not compared"
    assert Named(name="a") != Named(name="b")
    assert Named(name="a") != Point(1.0)
    assert len({Named(name="a"), Named(name="a"), Named(name="b")}) == 2
    assert repr(Named(name="a", tags=("t",))) == "Named(name='a', tags=('t',))"


def test_nothing_changes_once_made() -> None:
    named = Named(name="a")
    with pytest.raises(FrozenInstanceError):
        named.name = "b"  # type: ignore[misc]
    with pytest.raises(FrozenInstanceError):
        del named.name  # type: ignore[misc]
    assert named.name == "a"


def test_dataclass_tools_work() -> None:
    named = Named(name="a", tags=("t",))
    assert [f.name for f in fields(named)] == ["name", "tags", "notes"]
    assert replace(named, name="b") == Named(name="b", tags=("t",))
    assert asdict(named) == {"name": "a", "tags": ("t",), "notes": []}
    assert pickle.loads(pickle.dumps(named)) == named


def test_the_shipped_content_survives_the_cache_and_a_replace() -> None:
    content = load_content("en")
    again = pickle.loads(pickle.dumps(content))
    assert again == content
    assert again.index_of(content.screens[-1].id) == len(content.screens) - 1
    shorter = replace(content, screens=content.screens[:2])
    assert isinstance(shorter, Content) and not shorter.has_screen(content.screens[-1].id)
    assert Section(heading="h") == Section(heading="h", text="")
