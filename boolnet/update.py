"""Update schemes: how the nodes of a network change from one state to the next.

* **synchronous**: every node takes the value of its rule at once, so each
  state has exactly one successor (a state may be its own successor).
* **asynchronous** (fully asynchronous, general asynchronous in some tools):
  one node whose rule disagrees with its value changes at a time, so a state
  has one successor per such node, and none when it is a fixed point.
"""

from __future__ import annotations

from enum import StrEnum

from .errors import EngineError

__all__ = ["Update", "parse_update"]


class Update(StrEnum):
    """The update scheme of a state transition graph."""

    SYNCHRONOUS = "synchronous"
    ASYNCHRONOUS = "asynchronous"


_ALIASES = {
    "sync": Update.SYNCHRONOUS,
    "synchronous": Update.SYNCHRONOUS,
    "async": Update.ASYNCHRONOUS,
    "asynchronous": Update.ASYNCHRONOUS,
}
UPDATE_NAMES = tuple(_ALIASES)


def parse_update(update: str | Update) -> Update:
    """The :class:`Update` named by ``update`` (``sync``, ``async`` or the long names, any case).

    Every public function that takes an update goes through here, so that a
    wrong value (``None``, a number, a misspelt name) is an :class:`EngineError`
    naming the accepted values rather than an ``AttributeError`` from deep
    inside an engine.

    Raises
    ------
    EngineError
        For an unknown name or a value that is neither a string nor an :class:`Update`.

    Examples
    --------
    >>> parse_update("SYNC")
    <Update.SYNCHRONOUS: 'synchronous'>
    """
    if isinstance(update, Update):
        return update
    choices = ", ".join(UPDATE_NAMES)
    if not isinstance(update, str):
        raise EngineError(f"the update must be one of: {choices} (or an Update), not {update!r}")
    try:
        return _ALIASES[update.lower()]
    except KeyError:
        raise EngineError(f"unknown update '{update}' (use one of: {choices})") from None
