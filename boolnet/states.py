"""States, state strings and patterns.

A state of an ``n``-node network is an integer whose bit ``i`` is the value of
node ``i`` in canonical order; it is shown as a string whose character ``i``
is that value, so ``"0101"`` has nodes 1 and 3 on.  A *pattern* summarises a
set of states: ``0`` or ``1`` where all states agree, ``*`` where they differ.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

__all__ = ["pattern", "state_to_dict", "state_to_string", "string_to_state"]


def state_to_string(state: int, size: int) -> str:
    """The string of ``state`` (bit ``i`` is character ``i``).

    >>> state_to_string(0b1010, 4)
    '0101'
    """
    return "".join("1" if state >> i & 1 else "0" for i in range(size))


def string_to_state(text: str) -> int:
    """The integer of a state string (inverse of :func:`state_to_string`).

    >>> string_to_state("0101")
    10
    """
    return sum(1 << i for i, char in enumerate(text) if char == "1")


def pattern(states: Iterable[str]) -> str:
    """The pattern of a non-empty set of state strings.

    >>> pattern(["0110", "0100"])
    '01*0'
    """
    columns: list[set[str]] | None = None
    for state in states:
        if columns is None:
            columns = [{char} for char in state]
        else:
            for column, char in zip(columns, state, strict=True):
                column.add(char)
    if columns is None:
        raise ValueError("the pattern of no states is undefined")
    return "".join(next(iter(c)) if len(c) == 1 else "*" for c in columns)


def state_to_dict(state: str, nodes: Sequence[str]) -> Mapping[str, int]:
    """A state string as a mapping from node name to 0/1."""
    return {node: int(char) for node, char in zip(nodes, state, strict=True)}
