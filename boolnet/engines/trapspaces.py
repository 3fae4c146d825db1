"""Fixed points and minimal and maximal trap spaces.

A *subspace* fixes some nodes to 0/1 and leaves the others free (``*``).  It
is a *trap space* when every fixed node's rule is constantly its fixed value
on the whole subspace; no update scheme can then leave it.  Minimal trap
spaces contain at least one attractor each (under every update scheme), and
fixed points are the trap spaces with no free node, which is why they are the
same for synchronous and asynchronous updating.

Both lie in the trap space that percolating the constants fixes.  When at
most ``EXPLICIT_MAX_FREE_NODES`` nodes stay free there, they are read off the
free nodes' state graph on bit-vector state sets (:mod:`.bitsets`): the
fixed points are the states no move leaves, and the minimal trap spaces the
smallest trap spaces around the attractors.  Otherwise, and for maximal trap
spaces, clingo enumerates them (:mod:`.asp`).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Literal

from ..errors import LimitError
from ..frozen import Frozen, field
from ..limits import Limits
from ..model import Network
from .bitsets import EXPLICIT_MAX_FREE_NODES, explicit_trap_spaces, percolate_rules

__all__ = ["TrapSpace", "TrapSpaceKind", "TrapSpaceResult", "find_fixed_points", "find_trap_spaces"]

TrapSpaceKind = Literal["minimal", "maximal", "fixed_points"]


class TrapSpace(Frozen):
    """A trap space: a subspace the dynamics cannot leave.

    Attributes
    ----------
    pattern
        One character per node in canonical order: ``0``/``1`` for a fixed
        node, ``*`` for a free one.
    nodes
        The node names the pattern's characters belong to.
    """

    pattern: str
    nodes: tuple[str, ...] = field(repr=False, compare=False)

    @property
    def fixed(self) -> dict[str, int]:
        """The fixed nodes and their values, in canonical order."""
        return {node: int(char) for node, char in zip(self.nodes, self.pattern, strict=True) if char != "*"}

    @property
    def free(self) -> tuple[str, ...]:
        """The free nodes, in canonical order."""
        return tuple(node for node, char in zip(self.nodes, self.pattern, strict=True) if char == "*")

    @property
    def size(self) -> int:
        """The number of states in the subspace (``2**free``)."""
        return 1 << self.pattern.count("*")

    @property
    def is_fixed_point(self) -> bool:
        """True when no node is free (the trap space is a single state)."""
        return "*" not in self.pattern

    def contains(self, state: str) -> bool:
        """True when the state string lies in this subspace."""
        return len(state) == len(self.pattern) and all(
            p in ("*", s) for p, s in zip(self.pattern, state, strict=True)
        )


class TrapSpaceResult(Frozen):
    """Trap spaces (or fixed points) of a network.

    Attributes
    ----------
    network
        The network analysed.
    kind
        ``"minimal"``, ``"maximal"`` or ``"fixed_points"``.
    complete
        True when ``trap_spaces`` holds every one of that kind (False when a
        ``limit`` stopped the enumeration early).
    trap_spaces
        Sorted by pattern.
    """

    network: Network
    kind: TrapSpaceKind
    complete: bool
    trap_spaces: tuple[TrapSpace, ...]

    @property
    def nodes(self) -> tuple[str, ...]:
        """The column order of every pattern."""
        return self.network.nodes

    def __len__(self) -> int:
        return len(self.trap_spaces)

    def __iter__(self) -> Iterator[TrapSpace]:
        return iter(self.trap_spaces)


def find_trap_spaces(
    network: Network,
    *,
    kind: Literal["minimal", "maximal"] = "minimal",
    limit: int | None = None,
    limits: Limits | None = None,
) -> TrapSpaceResult:
    """The minimal or maximal trap spaces of ``network``.

    Parameters
    ----------
    network
        The network.
    kind
        ``"minimal"``: trap spaces containing no other trap space (each holds
        at least one attractor under any update).  ``"maximal"``: trap spaces
        other than the whole state space contained in no other such one.
    limit
        Stop after this many (the result then says whether it is complete).
    limits
        ``timeout``; ``listed_answers`` (more without a ``limit`` is an
        error); ``memory`` for the bit-vector state sets.

    Returns
    -------
    TrapSpaceResult
        Sorted by pattern.

    Raises
    ------
    LimitError
        When a budget runs out (the message names it), or a rule has too
        many prime implicants to encode.

    Notes
    -----
    Exact and complete.  With ``k <= EXPLICIT_MAX_FREE_NODES`` nodes free
    after percolation, minimal trap spaces cost an attractor search on
    ``2**k`` states (milliseconds).  Otherwise prime implicants are computed
    per rule on BDDs (cost follows the rule's BDD, not its truth table); the
    enumeration is NP-hard in general but takes well under a second on most
    published models of up to a thousand nodes.

    Examples
    --------
    >>> from boolnet.formats import parse_rules
    >>> net = parse_rules("a = !b\\nb = !a\\nc = c & a")
    >>> [t.pattern for t in find_trap_spaces(net)]
    ['010', '100', '101']
    >>> [t.pattern for t in find_trap_spaces(net, kind="maximal")]
    ['**0', '01*', '10*']
    """
    if kind not in ("minimal", "maximal"):
        raise ValueError(f"kind must be 'minimal' or 'maximal', not {kind!r}")
    return _enumerate(network, kind, limit, limits or Limits())


def find_fixed_points(
    network: Network, *, limit: int | None = None, limits: Limits | None = None
) -> TrapSpaceResult:
    """The fixed points of ``network`` (states whose every rule agrees with it).

    Fixed points are the same under synchronous and asynchronous updating.
    Each is returned as a :class:`TrapSpace` with no free node, so its
    ``pattern`` is the state string.

    Notes
    -----
    Exact and complete; same method and costs as :func:`find_trap_spaces`.

    Examples
    --------
    >>> from boolnet.formats import parse_rules
    >>> [t.pattern for t in find_fixed_points(parse_rules("a = !b\\nb = !a"))]
    ['01', '10']
    """
    return _enumerate(network, "fixed_points", limit, limits or Limits())


def _enumerate(network: Network, kind: TrapSpaceKind, limit: int | None, limits: Limits) -> TrapSpaceResult:
    if kind == "maximal":
        patterns, complete = _solve_patterns(network, kind, limit, limits)
    else:
        fixed = percolate_rules(network)
        if len(network) - len(fixed) <= EXPLICIT_MAX_FREE_NODES:
            patterns, complete = _listed(
                explicit_trap_spaces(network, fixed, kind, limits), limit, limits, kind
            )
        else:
            patterns, complete = _solve_patterns(network, kind, limit, limits)
    nodes = network.nodes
    spaces = tuple(TrapSpace(p, nodes) for p in sorted(patterns))
    return TrapSpaceResult(network, kind, complete, spaces)


def _solve_patterns(
    network: Network, kind: TrapSpaceKind, limit: int | None, limits: Limits
) -> tuple[list[str], bool]:
    from .asp import solve_patterns  # loads dd and clingo, only for the networks that need them

    return solve_patterns(network, kind, limit=limit, limits=limits)


def _listed(
    patterns: list[str], limit: int | None, limits: Limits, kind: TrapSpaceKind
) -> tuple[list[str], bool]:
    """The first ``limit`` patterns and whether they are all; too many without a limit is an error."""
    if limit is not None:
        return sorted(patterns)[:limit], len(patterns) <= limit
    if len(patterns) > limits.listed_answers:
        noun = "fixed points" if kind == "fixed_points" else "minimal trap spaces"
        raise LimitError(
            f"the network has {len(patterns)} {noun}, too many to list (list the first ones with "
            "'boolnet fixed-points --limit N' or limit=..., or raise Limits(listed_answers=...))",
            budget="listed_answers",
        )
    return patterns, True
