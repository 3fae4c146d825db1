"""Immutable value classes: the base of every boolnet model and result object.

A class that derives from :class:`Frozen` and annotates its fields gets what a
frozen, slotted dataclass gets, and type checkers read it as one::

    class Point(Frozen):
        x: int
        y: int = 0
        tag: str = field(default="", compare=False)

- ``__slots__`` holding the fields, and an ``__init__`` taking them in order,
  by position or keyword, with the defaults of the class body;
- ``__post_init__``, when the class defines one, runs after ``__init__`` (it
  may set fields declared ``field(init=False)`` with ``object.__setattr__``);
- equality and hashing by the fields that compare (same class only), a
  ``repr``, and with ``class Point(Frozen, order=True)`` ordering as by the
  tuple of those fields;
- assignment and deletion raise :class:`FrozenInstanceError`; :func:`replace`
  makes a changed copy; pickling and copying keep every field.

Why not :mod:`dataclasses`: on Python 3.11 a frozen dataclass compiles six
methods from generated source when its class is created (about 0.7 ms a
class).  For the dozen classes every run needs, that was about half of the
time ``import boolnet`` spends in its own modules.  Here the methods are
shared and nothing is generated; a field access is a slot read as before.

Fields are those annotated in the class itself: a :class:`Frozen` class cannot
be subclassed further.  Annotations written ``ClassVar[...]`` are class
attributes, not fields.
"""

from __future__ import annotations

from collections.abc import Callable
from operator import attrgetter
from typing import Any, TypeVar, dataclass_transform

__all__ = ["Frozen", "FrozenInstanceError", "field", "replace"]

F = TypeVar("F", bound="Frozen")
_MISSING: Any = object()


class FrozenInstanceError(AttributeError):
    """Raised on an attempt to assign or delete a field of a :class:`Frozen` object."""


class Field:
    """How one field is made, compared and shown (see :func:`field`)."""

    __slots__ = ("compare", "default", "init", "repr")

    def __init__(self, default: Any, init: bool, compare: bool, repr: bool) -> None:
        self.default = default
        self.init = init
        self.compare = compare
        self.repr = repr


def field(*, default: Any = _MISSING, init: bool = True, compare: bool = True, repr: bool = True) -> Any:
    """Options of one field: left out of ``__init__``, of equality and hashing, or of ``repr``."""
    return Field(default, init, compare, repr)


class _FrozenType(type):
    """Turns the annotated fields of a class body into slots before the class is made."""

    _fields: tuple[str, ...]  # every field, in order
    _init_fields: tuple[tuple[str, Any], ...]  # (name, default or _MISSING) of the fields __init__ takes
    _shown: tuple[str, ...]  # the fields repr shows
    _compared: Callable[[Any], tuple[Any, ...]]  # an object's fields that compare, as a tuple
    _post_init: Callable[[Any], None] | None

    def __new__(
        mcls, name: str, bases: tuple[type, ...], namespace: dict[str, Any], *, order: bool = False
    ) -> _FrozenType:
        if any(isinstance(base, _FrozenType) and base._fields for base in bases):
            raise TypeError(f"{name}: a Frozen class with fields cannot be subclassed")
        fields: dict[str, Field] = {}
        for field_name, annotation in namespace.get("__annotations__", {}).items():
            if str(annotation).startswith(("ClassVar", "typing.ClassVar")):
                continue
            given = namespace.pop(field_name, _MISSING)
            fields[field_name] = given if isinstance(given, Field) else Field(given, True, True, True)
        namespace["__slots__"] = tuple(fields)
        namespace["__match_args__"] = tuple(n for n, f in fields.items() if f.init)  # as dataclasses give
        cls = super().__new__(mcls, name, bases, namespace)
        cls._fields = tuple(fields)
        cls._init_fields = tuple((n, f.default) for n, f in fields.items() if f.init)
        cls._shown = tuple(n for n, f in fields.items() if f.repr)
        cls._compared = _tuple_getter(tuple(n for n, f in fields.items() if f.compare))
        cls._post_init = namespace.get("__post_init__")
        if order:
            for method, compare in _ORDERINGS.items():
                setattr(cls, method, _ordering(compare))
        return cls


def _tuple_getter(names: tuple[str, ...]) -> Callable[[Any], tuple[Any, ...]]:
    """A function from an object to the tuple of its ``names`` attributes (``attrgetter`` in C)."""
    if len(names) == 1:
        (only,) = names
        getter = attrgetter(only)
        return lambda obj: (getter(obj),)
    if not names:
        return lambda obj: ()
    return attrgetter(*names)


_ORDERINGS: dict[str, Callable[[tuple[Any, ...], tuple[Any, ...]], bool]] = {
    "__lt__": lambda a, b: a < b,
    "__le__": lambda a, b: a <= b,
    "__gt__": lambda a, b: a > b,
    "__ge__": lambda a, b: a >= b,
}


def _ordering(compare: Callable[[tuple[Any, ...], tuple[Any, ...]], bool]) -> Callable[[Any, Any], Any]:
    def method(self: Any, other: Any) -> Any:
        if type(other) is not type(self):
            return NotImplemented
        compared = type(self)._compared
        return compare(compared(self), compared(other))

    return method


@dataclass_transform(frozen_default=True, field_specifiers=(field,))
class Frozen(metaclass=_FrozenType):
    """Base of immutable value classes (see the module's documentation)."""

    __slots__ = ()

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        cls = type(self)
        init_fields = cls._init_fields
        set_field = object.__setattr__
        if not kwargs and len(args) == len(init_fields):  # every field given by position
            for (name, _), value in zip(init_fields, args, strict=True):
                set_field(self, name, value)
        else:
            if len(args) > len(init_fields):
                raise TypeError(f"{cls.__name__}() takes {len(init_fields)} arguments, got {len(args)}")
            for position, (name, default) in enumerate(init_fields):
                if position < len(args):
                    if name in kwargs:
                        raise TypeError(f"{cls.__name__}() got '{name}' twice")
                    set_field(self, name, args[position])
                elif name in kwargs:
                    set_field(self, name, kwargs.pop(name))
                elif default is not _MISSING:
                    set_field(self, name, default)
                else:
                    raise TypeError(f"{cls.__name__}() is missing '{name}'")
            if kwargs:
                raise TypeError(f"{cls.__name__}() got unexpected {', '.join(map(repr, kwargs))}")
        if cls._post_init is not None:
            cls._post_init(self)

    def __setattr__(self, name: str, value: Any) -> None:
        raise FrozenInstanceError(f"cannot assign to field '{name}' of an immutable {type(self).__name__}")

    def __delattr__(self, name: str) -> None:
        raise FrozenInstanceError(f"cannot delete field '{name}' of an immutable {type(self).__name__}")

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        compared = type(self)._compared
        return compared(self) == compared(other)

    def __hash__(self) -> int:
        return hash(type(self)._compared(self))

    def __repr__(self) -> str:
        shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in type(self)._shown)
        return f"{type(self).__name__}({shown})"

    def __reduce__(self) -> tuple[Any, ...]:
        return (_restore, (type(self), tuple(getattr(self, name) for name in type(self)._fields)))


def _restore(cls: type[F], values: tuple[Any, ...]) -> F:
    """Rebuild a pickled or copied object field by field, as it was (``__init__`` is not run)."""
    obj = object.__new__(cls)
    for name, value in zip(cls._fields, values, strict=True):
        object.__setattr__(obj, name, value)
    return obj


def replace(obj: F, /, **changes: Any) -> F:
    """A copy of ``obj`` with the fields named in ``changes`` replaced (``__post_init__`` runs again)."""
    init_fields = type(obj)._init_fields
    unknown = changes.keys() - {name for name, _ in init_fields}
    if unknown:
        raise TypeError(f"{type(obj).__name__} has no field {', '.join(sorted(unknown))} to replace")
    return type(obj)(*(changes.get(name, getattr(obj, name)) for name, _ in init_fields))
