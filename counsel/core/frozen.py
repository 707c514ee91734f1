"""Immutable value objects that cost almost nothing to define.

``@dataclass(frozen=True)`` writes six methods per class as source text and compiles each when
the module is imported: for the sixty classes imported before the first screen paints, that
was about a seventh of Counsel's start-up. A ``Frozen`` subclass is still a dataclass
(``dataclasses.fields``, ``replace`` and ``asdict`` work, and type checkers read it as
``frozen=True``, keyword-only unless ``kw_only=False``), but its ``__init__``, comparison,
hash, repr and refusal to change are these few shared methods, driven by its fields.
"""

from __future__ import annotations

from dataclasses import MISSING, Field, FrozenInstanceError, dataclass, field
from typing import Any, ClassVar, dataclass_transform


@dataclass_transform(kw_only_default=True, frozen_default=True, field_specifiers=(field,))
class Frozen:
    """Subclass it and annotate the fields, as for a frozen dataclass; fields are given by
    name, or also in order with ``class Name(Frozen, kw_only=False)``."""

    __slots__ = ()
    __dataclass_fields__: ClassVar[dict[str, Field[Any]]]

    def __init_subclass__(cls, kw_only: bool = True, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if cls.__doc__ is None:  # else dataclass writes one from ``inspect.signature`` (slow)
            cls.__doc__ = cls.__name__
        dataclass(init=False, repr=False, eq=False, kw_only=kw_only)(cls)

    def __init__(self, *in_order: Any, **values: Any) -> None:
        fields = self.__dataclass_fields__
        ordered = [name for name, spec in fields.items() if spec.init and not spec.kw_only]
        if len(in_order) > len(ordered):
            raise TypeError(f"{type(self).__name__}() takes {len(ordered)} fields in order")
        for name, value in zip(ordered, in_order, strict=False):
            if name in values:
                raise TypeError(f"{type(self).__name__}() got {name!r} twice")
            values[name] = value
        for name, spec in fields.items():
            if name in values and spec.init:
                value = values.pop(name)
            elif spec.default is not MISSING:
                value = spec.default
            elif spec.default_factory is not MISSING:
                value = spec.default_factory()
            else:
                raise TypeError(f"{type(self).__name__}() is missing the field {name!r}")
            object.__setattr__(self, name, value)
        if values:
            raise TypeError(f"{type(self).__name__}() has no field {', '.join(map(repr, values))}")
        self.__post_init__()

    def __post_init__(self) -> None:
        """Work out what follows from the fields (``object.__setattr__`` sets it)."""

    def _compared(self) -> tuple[Any, ...]:
        fields = self.__dataclass_fields__.values()
        return tuple(getattr(self, spec.name) for spec in fields if spec.compare)

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return self._compared() == other._compared()  # type: ignore[attr-defined]

    def __hash__(self) -> int:
        return hash(self._compared())

    def __repr__(self) -> str:
        fields = self.__dataclass_fields__.values()
        shown = (f"{spec.name}={getattr(self, spec.name)!r}" for spec in fields if spec.repr)
        return f"{type(self).__qualname__}({', '.join(shown)})"

    def __setattr__(self, name: str, value: object) -> None:
        raise FrozenInstanceError(f"cannot assign to field {name!r}")

    def __delattr__(self, name: str) -> None:
        raise FrozenInstanceError(f"cannot delete field {name!r}")
