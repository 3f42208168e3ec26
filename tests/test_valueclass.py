"""`@value_class` behaves as `@dataclass` does where the core model relies on it."""

from __future__ import annotations

from dataclasses import FrozenInstanceError, dataclass, field, replace

import pytest

from postman_kit.collection import Header, QueryParam, Request, Url
from postman_kit.valueclass import value_class


@value_class
class Point:
    x: int
    y: int = 0
    tags: list[str] = field(default_factory=list)


@dataclass
class StandardPoint:
    x: int
    y: int = 0
    tags: list[str] = field(default_factory=list)


@value_class(frozen=True)
class Key:
    name: str
    version: int = 1


def test_repr_and_equality_match_the_standard_dataclass() -> None:
    assert repr(Point(1, 2, ["a"])) == repr(StandardPoint(1, 2, ["a"])).replace("StandardPoint", "Point")
    assert Point(1, 2) == Point(1, 2)
    assert Point(1, 2) != Point(1, 3)
    assert Point(1) != StandardPoint(1)  # another class is never equal, as with dataclass
    assert Point(1) in [Point(0), Point(1)]


def test_mutable_ones_are_unhashable_frozen_ones_hash_by_value() -> None:
    with pytest.raises(TypeError):
        hash(Point(1))
    assert {Key("a"), Key("a"), Key("b", 2)} == {Key("a"), Key("b", 2)}
    with pytest.raises(FrozenInstanceError):
        Key("a").name = "b"  # type: ignore[misc]
    assert replace(Key("a"), version=2) == Key("a", 2)


def test_subclasses_compare_their_own_fields() -> None:
    # QueryParam and Header share _KeyValue's fields; each class compares only with itself.
    assert QueryParam("a", "1") == QueryParam("a", "1")
    assert QueryParam("a", "1") != QueryParam("a", "2", disabled=True)
    assert QueryParam("a", "1") != Header("a", "1")


def test_a_class_keeps_the_repr_it_defines_itself() -> None:
    @value_class
    class Named:
        name: str

        def __repr__(self) -> str:
            return f"<{self.name}>"

    assert repr(Named("x")) == "<x>"


def test_model_values_round_trip_equal() -> None:
    request = Request("GET", Url(raw="{{baseUrl}}/api/x", host=["{{baseUrl}}"], path=["api", "x"]),
                      header=[Header("Accept", "application/json")])
    assert Request.from_json(request.to_json()) == request
