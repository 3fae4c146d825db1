"""Attractors too large to list, in screens: state sets kept as BDDs, lifted and classified.

A screen on a model such as MAPK cancer cell fate (53 nodes) meets
asynchronous attractors of 10^12 states: they cannot be listed, yet each must
still be counted and classified against the phenotype.  :class:`SymbolicCores`
keeps the attractors of such a reduced core (see :mod:`.reduction`) as BDDs,
copied from the symbolic engine into one long-lived manager (a CUDD manager
costs megabytes; a copied set costs its nodes only).  Each perturbation that
reduces to the core then gets them lifted to the full network and classified
without listing a state:

* **Lifting an eliminated output** ``o`` (asynchronous updating): the
  attractor ``A`` of the nodes below becomes ``A x V``, where ``V`` is the set
  of values ``o``'s rule takes on ``A`` (:mod:`.reduction` explains why), so
  ``o`` is fixed to the one value when ``V`` has one, and free otherwise.  Two
  BDD conjunctions per output.
* **Classifying** against an expression ``P``: the attractor shows ``P``
  *always* when ``A & !P`` is empty, *never* when ``A & P`` is, else
  *sometimes*.

Variables of the manager: ``x{j}`` is position ``j`` of a core (each core's
sets are read with its own positions) and ``y{i}`` the eliminated node ``i``
of the full network.

Complexity: per perturbation, a few BDD operations per eliminated output and
per observed expression, on BDDs of the attractors' size; exact.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import ClassVar

from ..engines.bddsearch import AttractorSets
from ..engines.rulebdd import BDD, Function, expr_to_bdd, new_manager
from ..expr import Expr, substitute, variables
from ..frozen import Frozen
from ..results import Attractor, AttractorKind
from .phenotypes import Presence

__all__ = ["SymbolicCore", "SymbolicCores", "SymbolicSet"]


class SymbolicSet(Frozen):
    """One attractor of the full network known by pattern, size and phenotype presences.

    ``presence`` pairs each observed expression with the attractor's
    :class:`~.phenotypes.Presence`; ``tag`` tells apart attractors of one
    core that share pattern and size.
    """

    kind: AttractorKind
    pattern: str
    size: int
    presence: tuple[tuple[Expr, Presence], ...]
    tag: int = 0
    states: ClassVar[None] = None  # too many to list

    @property
    def ident(self) -> bytes:
        """An identity stable across perturbations: pattern, size and tag."""
        return f"{self.pattern}:{self.size}:{self.tag}".encode()

    @property
    def order(self) -> tuple[int, int, bytes]:
        """Sort key: the pattern read with ``*`` as 0, as an integer (bit ``i`` is node ``i``)."""
        low = sum(1 << i for i, char in enumerate(self.pattern) if char == "1")
        return (low, self.size, self.ident)

    def presence_of(self, expr: Expr) -> Presence:
        """The presence of ``expr`` (one of the observed expressions) in this attractor.

        Raises
        ------
        KeyError
            When ``expr`` was not observed.
        """
        for observed, presence in self.presence:
            if observed == expr:
                return presence
        raise KeyError(expr)


class SymbolicCore(Frozen):
    """The attractors of one core: their state sets (over ``x{position}``) and descriptions."""

    sets: tuple[Function, ...]
    attractors: tuple[Attractor, ...]


class SymbolicCores:
    """One BDD manager holding the attractor sets of every symbolic core of a screen."""

    def __init__(self) -> None:
        self.manager: BDD = new_manager([])

    def _declare(self, names: Sequence[str]) -> None:
        missing = [name for name in names if name not in self.manager.vars]
        if missing:
            self.manager.declare(*missing)

    def keep(self, found: AttractorSets, size: int) -> SymbolicCore:
        """Copy the attractor sets of a core of ``size`` nodes into this manager."""
        self._declare([f"x{j}" for j in range(size)])
        sets = tuple(found.manager.copy(states, self.manager) for states in found.sets)
        return SymbolicCore(sets, found.attractors)

    def lift(
        self,
        core: SymbolicCore,
        positions: Sequence[int],
        fixed: Mapping[str, bool],
        eliminated: Sequence[tuple[int, Expr]],
        nodes: Sequence[str],
        observed: Sequence[Expr],
    ) -> list[SymbolicSet]:
        """The core's attractors as attractors of the full network, classified against ``observed``.

        Parameters
        ----------
        core
            The core's attractor sets.
        positions
            The full-network position of each core node, in core order.
        fixed
            The percolated nodes and their values.
        eliminated
            The eliminated outputs, in the order they were removed, each with
            its rule (fixed values not yet substituted).
        nodes
            The full network's node names.
        observed
            Expressions over ``nodes`` to classify each attractor against.
        """
        manager = self.manager
        names = {nodes[node]: f"x{j}" for j, node in enumerate(positions)}
        names |= {nodes[node]: f"y{node}" for node, _ in eliminated}
        self._declare([f"y{node}" for node, _ in eliminated])
        rules = [(node, expr_to_bdd(manager, substitute(rule, fixed), names)) for node, rule in eliminated]
        tests = [(expr, self._function(expr, fixed, names)) for expr in observed]
        lifted: list[SymbolicSet] = []
        seen: dict[tuple[str, int], int] = {}
        for states, attractor in zip(core.sets, core.attractors, strict=True):
            chars = ["1" if fixed.get(name) else "0" for name in nodes]
            for j, node in enumerate(positions):
                chars[node] = attractor.pattern[j]
            size = attractor.size
            for node, rule in reversed(rules):
                var = manager.var(f"y{node}")
                can_be_on = states & rule != manager.false
                can_be_off = states & ~rule != manager.false
                if can_be_on and can_be_off:
                    chars[node] = "*"
                    size *= 2
                else:
                    chars[node] = "1" if can_be_on else "0"
                    states &= var if can_be_on else ~var
            presence = tuple((expr, _presence(manager, states, test)) for expr, test in tests)
            pattern = "".join(chars)
            tag = seen.get((pattern, size), 0)
            seen[(pattern, size)] = tag + 1
            kind = AttractorKind.FIXED_POINT if size == 1 else AttractorKind.COMPLEX
            lifted.append(SymbolicSet(kind, pattern, size, presence, tag))
        return lifted

    def _function(self, expr: Expr, fixed: Mapping[str, bool], names: Mapping[str, str]) -> Function:
        values = {name: fixed[name] for name in variables(expr) if name in fixed}
        return expr_to_bdd(self.manager, substitute(expr, values), names)


def _presence(manager: BDD, states: Function, test: Function) -> Presence:
    if states & ~test == manager.false:
        return Presence.ALWAYS
    return Presence.NEVER if states & test == manager.false else Presence.SOMETIMES
