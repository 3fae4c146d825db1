"""The boolnet exception family.

Every error boolnet raises on purpose derives from :class:`BoolnetError`, so a
caller (and the CLI) can catch the whole family in one place.  Errors about a
user's input carry the file, line and column of the mistake and render the
offending source line with a caret under it, in the style of compilers::

    il6.txt:12:14: expected a node name after '&'
       12 | STAT3 = JAK & )
          |              ^
"""

from __future__ import annotations

from typing import Protocol, Self

__all__ = [
    "BoolnetError",
    "EngineError",
    "InputError",
    "LimitError",
    "Line",
    "MissingDependencyError",
    "ModelError",
    "PerturbationError",
]


class BoolnetError(Exception):
    """Base class of every error boolnet raises deliberately."""

    def __reduce__(self) -> tuple[object, ...]:
        # rebuilt without __init__ (subclasses take keyword arguments), so that an error
        # raised in a worker process of a parallel screen reaches the caller intact
        return (_rebuild, (type(self), self.args, self.__dict__))


def _rebuild(kind: type[BoolnetError], args: tuple[object, ...], state: dict[str, object]) -> BoolnetError:
    error = kind.__new__(kind)
    error.args = args
    error.__dict__.update(state)
    return error


class Line(Protocol):
    """A line of a user's file: its name, 1-based number and text."""

    @property
    def source(self) -> str: ...
    @property
    def line(self) -> int: ...
    @property
    def text(self) -> str: ...


class InputError(BoolnetError):
    """A mistake in user input (a file or an expression), located by line and column.

    Parameters
    ----------
    message
        What is wrong, in one sentence without a trailing full stop.
    source
        The file name (or a label such as ``<expression>``) the input came from.
    line, column
        1-based position of the mistake; ``0`` when it is not known.
    source_line
        The text of the offending line, shown with a caret under ``column``.
    hint
        An optional second sentence, e.g. ``did you mean 'IL6R'?``.
    """

    def __init__(
        self,
        message: str,
        *,
        source: str = "<input>",
        line: int = 0,
        column: int = 0,
        source_line: str | None = None,
        hint: str | None = None,
    ) -> None:
        self.message = message
        self.source = source
        self.line = line
        self.column = column
        self.source_line = source_line
        self.hint = hint
        super().__init__(self.render())

    @classmethod
    def at(cls, where: Line, message: str, *, column: int = 0, hint: str | None = None) -> Self:
        """The error ``message`` at ``column`` (1-based; 0 if unknown) of the line ``where``."""
        return cls(
            message, source=where.source, line=where.line, column=column, source_line=where.text, hint=hint
        )

    @property
    def location(self) -> str:
        """``file:line:col`` (or as much of it as is known)."""
        parts = [self.source]
        if self.line:
            parts.append(str(self.line))
            if self.column:
                parts.append(str(self.column))
        return ":".join(parts)

    def render(self) -> str:
        """The full message: location, message, hint, and the source line with a caret."""
        text = f"{self.location}: {self.message}"
        if self.hint:
            text += f"; {self.hint}"
        if self.source_line is not None and self.line:
            gutter = f"{self.line:>5} | "
            text += f"\n{gutter}{self.source_line.rstrip()}"
            if self.column:
                text += "\n" + " " * (len(gutter) - 2) + "| " + " " * (self.column - 1) + "^"
        return text


class ModelError(InputError):
    """The rules parse but do not form a valid network (undefined or duplicate nodes)."""


class PerturbationError(BoolnetError):
    """A perturbation names an unknown node, an invalid value, or conflicts with another."""


class LimitError(BoolnetError):
    """A computation would exceed a budget (nodes, memory, states or time).

    The message names the budget that was hit and how to raise it.
    """

    def __init__(self, message: str, *, budget: str) -> None:
        self.budget = budget
        super().__init__(message)

    @classmethod
    def past_timeout(cls, what: str, seconds: float | None) -> Self:
        """``what`` (say "the exhaustive engine") ran past its time budget of ``seconds`` (set)."""
        return cls(
            f"{what} ran past the time budget of {seconds:g} s "
            "(raise it with --timeout or Limits(timeout=...))",
            budget="timeout",
        )


class EngineError(BoolnetError):
    """No engine can answer the request (unknown method, unsupported update, ...)."""


class MissingDependencyError(BoolnetError):
    """An optional dependency is not installed; the message says which extra provides it."""

    def __init__(self, package: str, extra: str, purpose: str) -> None:
        self.package = package
        self.extra = extra
        super().__init__(
            f"{purpose} needs the '{package}' package; install it with `pip install 'boolnet[{extra}]'`"
        )
