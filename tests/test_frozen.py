"""Immutable value classes: construction, equality, ordering, copies, and what they refuse."""

from __future__ import annotations

import copy
import pickle
import subprocess
import sys
from typing import ClassVar

import pytest
from hypothesis import given
from hypothesis import strategies as st

from boolnet.frozen import Frozen, FrozenInstanceError, field, replace


class Point(Frozen, order=True):
    x: int
    y: int = 0
    label: str = field(default="", compare=False)
    dimensions: ClassVar[int] = 2


class Checked(Frozen):
    value: int
    double: int = field(init=False, repr=False)

    def __post_init__(self) -> None:
        if self.value < 0:
            raise ValueError("negative")
        object.__setattr__(self, "double", 2 * self.value)


class Other(Frozen):
    x: int
    y: int = 0


def test_fields_by_position_keyword_and_default() -> None:
    assert (Point(1).x, Point(1).y, Point(1).label) == (1, 0, "")
    assert Point(1, 2, "a") == Point(x=1, y=2, label="a") == Point(1, label="a", y=2)
    assert Point.__slots__ == ("x", "y", "label") and Point.dimensions == 2
    assert not hasattr(Point(1), "__dict__")


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda: Point(), "missing 'x'"),  # type: ignore[call-arg]
        (lambda: Point(1, 2, "a", 4), "takes 3 arguments, got 4"),  # type: ignore[call-arg]
        (lambda: Point(1, x=2), "got 'x' twice"),  # type: ignore[misc]
        (lambda: Point(1, z=3), "unexpected 'z'"),  # type: ignore[call-arg]
        (lambda: Checked(1, 2), "takes 1 arguments, got 2"),  # type: ignore[call-arg]
    ],
)
def test_wrong_arguments_are_refused(make: object, message: str) -> None:
    with pytest.raises(TypeError, match=message):
        make()  # type: ignore[operator]


def test_post_init_validates_and_derives() -> None:
    assert Checked(3).double == 6
    with pytest.raises(ValueError, match="negative"):
        Checked(-1)


def test_fields_cannot_be_assigned_or_deleted() -> None:
    point = Point(1)
    with pytest.raises(FrozenInstanceError, match="immutable Point"):
        point.x = 2  # type: ignore[misc]
    with pytest.raises(AttributeError):  # FrozenInstanceError is an AttributeError
        del point.y
    with pytest.raises(AttributeError):
        point.other = 1
    assert point == Point(1)


def test_equality_and_hash_use_the_compared_fields_of_one_class() -> None:
    assert Point(1, 2, "a") == Point(1, 2, "b") and hash(Point(1, 2, "a")) == hash(Point(1, 2, "b"))
    assert Point(1, 2) != Point(1, 3)
    assert Point(1, 2) != Other(1, 2) and Other(1, 2) != Point(1, 2)
    assert Point(1) != (1, 0)
    assert len({Point(1, label="a"), Point(1, label="b"), Point(2)}) == 2


def test_repr_shows_the_shown_fields() -> None:
    assert repr(Point(1, 2, "a")) == "Point(x=1, y=2, label='a')"
    assert repr(Checked(2)) == "Checked(value=2)"


@given(st.tuples(st.integers(), st.integers()), st.tuples(st.integers(), st.integers()))
def test_order_is_the_order_of_the_compared_fields(a: tuple[int, int], b: tuple[int, int]) -> None:
    left, right = Point(*a, label="z"), Point(*b, label="a")
    assert (left < right, left <= right, left > right, left >= right) == (a < b, a <= b, a > b, a >= b)


def test_classes_without_order_do_not_compare() -> None:
    with pytest.raises(TypeError):
        _ = Other(1) < Other(2)  # type: ignore[operator]
    with pytest.raises(TypeError):
        _ = Point(1) < Other(2)  # type: ignore[operator]


def test_replace_copies_with_changes_and_runs_post_init() -> None:
    assert replace(Point(1, 2, "a"), y=5) == Point(1, 5) and replace(Point(1, 2, "a"), y=5).label == "a"
    assert replace(Checked(2), value=4).double == 8
    with pytest.raises(ValueError, match="negative"):
        replace(Checked(2), value=-4)
    with pytest.raises(TypeError, match="no field double"):
        replace(Checked(2), double=1)
    with pytest.raises(TypeError, match="no field z"):
        replace(Point(1), z=1)


@pytest.mark.parametrize("duplicate", [copy.copy, copy.deepcopy, lambda v: pickle.loads(pickle.dumps(v))])
def test_copies_keep_every_field(duplicate: object) -> None:
    for value in (Point(1, 2, "a"), Checked(3)):
        again = duplicate(value)  # type: ignore[operator]
        assert again == value and type(again) is type(value)
        assert all(getattr(again, name) == getattr(value, name) for name in type(value).__slots__)


def test_pattern_matching_by_position() -> None:
    match Point(1, 2):
        case Point(x, y):
            assert (x, y) == (1, 2)
        case _:  # pragma: no cover - the case above matches
            pytest.fail("no match")


def test_a_class_with_fields_cannot_be_subclassed() -> None:
    with pytest.raises(TypeError, match="cannot be subclassed"):

        class Point3(Point):
            z: int = 0


def test_a_run_on_a_small_model_does_not_load_dataclasses() -> None:
    # the reason for Frozen: dataclasses costs a small model's run a fifth of its time
    code = (
        "import sys, boolnet\n"
        "network = boolnet.parse_rules('a = b\\nb = !a\\n')\n"
        "assert len(boolnet.find_attractors(network, 'async')) == 1\n"
        "print('dataclasses' in sys.modules)\n"
    )
    loaded = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert loaded.stdout.strip() == "False"
