"""Result values returned by the attractor engines."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from enum import StrEnum

from .frozen import Frozen
from .model import Network
from .update import Update

__all__ = ["Attractor", "AttractorKind", "AttractorResult", "asynchronous_attractor", "attractor_order"]


class AttractorKind(StrEnum):
    """What an attractor looks like."""

    FIXED_POINT = "fixed_point"  # a single state
    CYCLE = "cycle"  # several states visited in a fixed order (synchronous)
    COMPLEX = "complex"  # several states the dynamics wanders among (asynchronous)


class Attractor(Frozen):
    """One attractor: a terminal strongly connected set of states.

    Attributes
    ----------
    kind
        Fixed point, cycle or complex attractor.
    size
        The exact number of states.
    pattern
        Each node as ``0``/``1`` (constant in the attractor) or ``*`` (varies).
    states
        Every state as a string in canonical node order; for a synchronous
        cycle in the order the dynamics visits them, starting from the
        smallest; otherwise sorted.  ``None`` when there are too many to list
        (see :attr:`states_omitted`).
    basin
        For synchronous updating, the number of states whose trajectory
        ends in this attractor (including the attractor itself).
    """

    kind: AttractorKind
    size: int
    pattern: str
    states: tuple[str, ...] | None
    basin: int | None = None

    @property
    def states_omitted(self) -> bool:
        """True when the attractor is too large for its states to be listed."""
        return self.states is None

    @property
    def is_fixed_point(self) -> bool:
        """True for a single-state attractor."""
        return self.kind is AttractorKind.FIXED_POINT


def attractor_order(attractor: Attractor) -> tuple[str, str]:
    """The sort key of attractors in a result: pattern, then first listed state."""
    return attractor.pattern, attractor.states[0] if attractor.states else ""


def asynchronous_attractor(
    size: int, pattern: str, listed_states: int, states: Callable[[], Iterable[str]]
) -> Attractor:
    """An asynchronous attractor of ``size`` states: a fixed point, or complex.

    Its states come from ``states()``, sorted, when there are at most
    ``listed_states`` of them; otherwise ``states`` is not called and they are
    omitted.
    """
    kind = AttractorKind.FIXED_POINT if size == 1 else AttractorKind.COMPLEX
    if size > listed_states:
        return Attractor(kind, size, pattern, None)
    return Attractor(kind, size, pattern, tuple(sorted(states())))


class AttractorResult(Frozen):
    """Every attractor of a network under one update, and how it was found.

    Attributes
    ----------
    network
        The (possibly perturbed) network that was analysed.
    update
        The update scheme.
    engine
        The name of the engine that found the attractors.
    complete
        True when ``attractors`` is exactly the set of all attractors.
    attractors
        Sorted by pattern, then by first state, for reproducible output.
    """

    network: Network
    update: Update
    engine: str
    complete: bool
    attractors: tuple[Attractor, ...]

    @property
    def nodes(self) -> tuple[str, ...]:
        """The column order of every state string and pattern."""
        return self.network.nodes

    @property
    def perturbation(self) -> dict[str, int]:
        """The nodes fixed by perturbation (node -> 0/1)."""
        return self.network.perturbation_dict

    def __len__(self) -> int:
        return len(self.attractors)
