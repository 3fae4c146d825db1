"""Budgets that a computation must stay within.

Engines check their budget *before* allocating, and raise
:class:`~boolnet.errors.LimitError` naming the budget instead of running out
of memory.
"""

from __future__ import annotations

from .frozen import Frozen

__all__ = ["Limits"]

GIB = 1 << 30


class Limits(Frozen):
    """Budgets for one computation.

    Attributes
    ----------
    memory
        Bytes an engine may allocate for its state space (default 4 GiB).
    timeout
        Seconds of wall-clock time, or ``None`` for no limit.
    listed_states
        Attractors larger than this are reported by pattern and size, with
        their states omitted.
    listed_answers
        Solvers that list answers one by one (fixed points, trap spaces) stop
        past this many with an error that gives, where it can be counted
        symbolically, their exact number.
    """

    memory: int = 4 * GIB
    timeout: float | None = None
    listed_states: int = 100_000
    listed_answers: int = 100_000
