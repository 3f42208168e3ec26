"""`@value_class`: the standard `@dataclass`, with one shared `__repr__`, `__eq__` and `__hash__`.

`@dataclass` writes the source of a `__repr__` and an `__eq__` (and, frozen, a `__hash__`) for every class and
compiles each with `exec`; across the core model's few dozen classes that is about a tenth of a `generate`'s run
time, spent at import before any work. Here `__init__` (and a frozen class's `__setattr__`/`__delattr__`) still
come from `dataclass`; the comparison methods are one implementation each, reading the class's field names, and
behave like the generated ones: the repr shows every field, `==` compares the fields of two instances of the
same class in order, and instances are unhashable unless frozen (then hashed by their fields).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, fields
from typing import Any, TypeVar, dataclass_transform, overload

_T = TypeVar("_T", bound=type)


def _field_names(cls: type) -> tuple[str, ...]:
    names = cls.__dict__.get("_value_fields")
    if names is None:
        names = tuple(f.name for f in fields(cls))
        cls._value_fields = names  # type: ignore[attr-defined]  # per class, not inherited: subclasses add fields
    return names


def _values(self: Any) -> tuple[Any, ...]:
    return tuple(getattr(self, name) for name in _field_names(type(self)))


def _repr(self: Any) -> str:
    parts = ", ".join(f"{name}={getattr(self, name)!r}" for name in _field_names(type(self)))
    return f"{type(self).__qualname__}({parts})"


def _eq(self: Any, other: Any) -> Any:
    if other.__class__ is not self.__class__:
        return NotImplemented
    return _values(self) == _values(other)


def _hash(self: Any) -> int:
    return hash(_values(self))


@overload
def value_class(cls: _T, /) -> _T: ...
@overload
def value_class(*, frozen: bool = False) -> Callable[[_T], _T]: ...


@dataclass_transform()
def value_class(cls: Any = None, /, *, frozen: bool = False) -> Any:
    def wrap(cls: _T) -> _T:
        own = set(cls.__dict__)  # what the class defines itself wins, as with dataclass
        made = dataclass(cls, repr=False, eq=False, frozen=frozen)
        shared = {"__repr__": _repr, "__eq__": _eq, "__hash__": _hash if frozen else None}
        for name, method in shared.items():
            if name not in own:
                setattr(made, name, method)
        return made

    return wrap if cls is None else wrap(cls)
