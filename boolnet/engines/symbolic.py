"""Exact asynchronous attractors of large networks, with BDDs and trap spaces.

Method:

1. **Percolation.**  Constants (fixed inputs, knockouts) are percolated
   (:mod:`.percolation`); every attractor lies in the percolated space, so
   the nodes it fixes never move again and are left out of all searches.
2. **Candidates.**  The minimal trap spaces are enumerated with clingo
   (:mod:`.trapspaces`).  Each contains at least one attractor.
3. **No attractor is missed.**  An attractor that meets the backward-reachable
   set of the minimal trap spaces lies inside one of them (it reaches a trap
   space and cannot leave it again).  So the states that *cannot* reach any
   minimal trap space form a trap set that holds exactly the remaining,
   *motif-avoidant* attractors (Rozum et al. 2021, "Parity and time reversal
   elucidate both decision-making in empirical models and attractor scaling
   in critical Boolean networks", Sci. Adv.; Trinh et al. 2022). That set is
   computed by symbolic backward reachability; when it is empty, the
   candidates are provably all there is, otherwise it is searched too.
4. **Terminal components.**  Inside a trap set, a pivot state's forward set
   ``F`` is a trap set; if every state of ``F`` reaches the pivot back, ``F``
   is an attractor, otherwise the states of ``F`` that cannot are a smaller
   trap set to search.  The states that cannot reach ``F`` form a trap set
   holding the other attractors.  This is the forward/backward decomposition
   of Xie & Beerel (2000, "Implicit enumeration of strongly connected
   components and an application to formal verification", IEEE TCAD) as used
   for asynchronous Boolean networks by Beneš, Brim, Pastva & Šafránek
   (2020/2021, AEON: "Symbolic coloured SCC decomposition", TACAS 2021).

Reachability uses saturation on the asynchronous moves of one node at a time
(``x_i`` flips where ``x_i != f_i``), without primed variables.  Results are
exact and complete.  Attractors larger than ``Limits.listed_states`` are
reported by exact size and pattern without their states.
"""

from __future__ import annotations

import time
from collections.abc import Sequence

from ..errors import LimitError
from ..limits import Limits
from ..model import Network
from ..results import Attractor, AttractorKind, AttractorResult
from ..update import Update
from .percolation import percolate
from .registry import Engine
from .rulebdd import BDD, Function, deep_recursion, new_manager, rule_bdds
from .trapspaces import solve_patterns

__all__ = ["ENGINE", "find_async_attractors"]

NAME = "symbolic"
BYTES_PER_NODE = 150  # measured footprint of one dd.autoref BDD node (pure Python)


class _Clock:
    def __init__(self, limits: Limits) -> None:
        self.limits = limits
        self.start = time.monotonic()

    def remaining(self) -> float | None:
        if self.limits.timeout is None:
            return None
        return self.limits.timeout - (time.monotonic() - self.start)

    def check(self, manager: BDD) -> None:
        remaining = self.remaining()
        if remaining is not None and remaining < 0:
            raise LimitError(
                f"the symbolic engine ran past the time budget of {self.limits.timeout:g} s "
                "(raise it with --timeout or Limits(timeout=...))",
                budget="timeout",
            )
        if len(manager) * BYTES_PER_NODE > self.limits.memory:
            raise LimitError(
                f"the symbolic engine's BDDs outgrew the memory budget of "
                f"{self.limits.memory / 2**30:.1f} GiB (raise it with --memory or Limits(memory=...))",
                budget="memory",
            )


class _System:
    """The asynchronous dynamics of a network as BDD operations on state sets."""

    def __init__(self, network: Network, clock: _Clock) -> None:
        self.network = network
        self.clock = clock
        self.vars = [f"x{i}" for i in range(len(network))]
        names = dict(zip(network.nodes, self.vars, strict=True))
        self.manager = new_manager(self.vars)
        functions = rule_bdds(network, self.manager, names)
        self.fixed = percolate(self.manager, functions, names)
        assignment = {names[node]: value for node, value in self.fixed.items()}
        self.space = self.manager.cube(assignment) if assignment else self.manager.true
        # can[i]: the states where node i may flip (its rule disagrees with it)
        self.can: dict[int, Function] = {}
        for i, node in enumerate(network.nodes):
            if node in self.fixed:
                continue
            rule = self.manager.let(assignment, functions[node]) if assignment else functions[node]
            can = self.manager.apply("xor", self.manager.var(self.vars[i]), rule)
            if can != self.manager.false:
                self.can[i] = can
        # saturation visits the nodes lowest in the BDD order first
        self.order = sorted(self.can, reverse=True)

    def flip(self, i: int, states: Function) -> Function:
        var = self.vars[i]
        low = self.manager.let({var: False}, states)
        high = self.manager.let({var: True}, states)
        return self.manager.ite(self.manager.var(var), low, high)

    def post(self, i: int, states: Function) -> Function:
        return self.flip(i, states & self.can[i])

    def pre(self, i: int, states: Function) -> Function:
        return self.can[i] & self.flip(i, states)

    def reach(
        self,
        start: Function,
        *,
        forward: bool,
        within: Function | None = None,
        nodes: Sequence[int] | None = None,
    ) -> Function:
        """Every state reachable from (``forward``) or reaching ``start``, staying in ``within``."""
        order = self.order if nodes is None else [i for i in self.order if i in set(nodes)]
        step = self.post if forward else self.pre
        result = start
        position = 0
        while position < len(order):
            new = step(order[position], result) & ~result
            if within is not None:
                new &= within
            if new == self.manager.false:
                position += 1
                continue
            result |= new
            position = 0  # saturation: go back to the lowest node
            self.clock.check(self.manager)
        return result

    def attractors_in(self, trap: Function, nodes: Sequence[int] | None = None) -> list[Function]:
        """The attractors inside a forward-closed set ``trap`` (terminal SCC decomposition)."""
        found: list[Function] = []
        pending = [trap]
        while pending:
            region = pending.pop()
            if region == self.manager.false:
                continue
            pivot = self.manager.cube(self.manager.pick(region, care_vars=set(self.vars)))
            forward = self.reach(pivot, forward=True, nodes=nodes)
            backward = self.reach(pivot, forward=False, within=forward, nodes=nodes)
            if forward & ~backward == self.manager.false:
                found.append(forward)
            else:
                pending.append(forward & ~backward)
            if forward != region:
                basin = self.reach(forward, forward=False, within=region, nodes=nodes)
                pending.append(region & ~basin)
        return found

    def describe(self, states: Function, limits: Limits) -> Attractor:
        manager = self.manager
        size = int(manager.count(states, nvars=len(self.vars)))
        chars = []
        for var in self.vars:
            variable = manager.var(var)
            if states & variable == manager.false:
                chars.append("0")
            elif states & ~variable == manager.false:
                chars.append("1")
            else:
                chars.append("*")
        pattern = "".join(chars)
        kind = AttractorKind.FIXED_POINT if size == 1 else AttractorKind.COMPLEX
        if size > limits.listed_states:
            return Attractor(kind, size, pattern, None)
        strings = sorted(
            "".join("1" if assignment[var] else "0" for var in self.vars)
            for assignment in manager.pick_iter(states, care_vars=set(self.vars))
        )
        return Attractor(kind, size, pattern, tuple(strings))


def find_async_attractors(network: Network, limits: Limits | None = None) -> AttractorResult:
    """Every asynchronous attractor of ``network``, exactly, for networks of hundreds of nodes.

    Parameters
    ----------
    network
        The network (inputs may be free: every input combination is covered).
    limits
        ``timeout`` and ``memory`` bound the run; ``listed_states`` decides
        which attractors are listed state by state.

    Returns
    -------
    AttractorResult
        Complete; sorted by pattern, then first state.

    Raises
    ------
    LimitError
        When the time or memory budget runs out (the message names it).

    Notes
    -----
    Exact and complete, including motif-avoidant attractors (those outside
    every minimal trap space).  The cost is dominated by the symbolic
    reachability, which is exponential in the worst case but follows the
    size of the BDDs of the state sets met.

    Examples
    --------
    >>> from boolnet.formats import parse_rules
    >>> result = find_async_attractors(parse_rules("a = !b\\nb = !a\\nc = !c"))
    >>> [(a.pattern, a.size) for a in result.attractors]
    [('01*', 2), ('10*', 2)]
    """
    limits = limits or Limits()
    with deep_recursion(len(network)):
        return _find(network, limits)


def _find(network: Network, limits: Limits) -> AttractorResult:
    clock = _Clock(limits)
    system = _System(network, clock)
    manager = system.manager
    remaining = clock.remaining()
    patterns, _ = solve_patterns(
        network, "minimal", limits=Limits(timeout=remaining) if remaining is not None else None
    )
    found: list[Function] = []
    covered = manager.false
    for pattern in patterns:
        values = {system.vars[i]: char == "1" for i, char in enumerate(pattern) if char != "*"}
        space = manager.cube(values)
        covered |= space
        free = [i for i, char in enumerate(pattern) if char == "*"]
        found.extend(system.attractors_in(space, free))
        clock.check(manager)
    # the states that cannot reach a minimal trap space hold every other attractor
    avoiding = system.space & ~system.reach(covered, forward=False, within=system.space)
    if avoiding != manager.false:
        found.extend(system.attractors_in(avoiding))
    attractors = sorted(
        (system.describe(states, limits) for states in found),
        key=lambda a: (a.pattern, a.states[0] if a.states else ""),
    )
    del found, covered, avoiding
    return AttractorResult(network, Update.ASYNCHRONOUS, NAME, True, tuple(attractors))


def _check(network: Network, update: Update, limits: Limits) -> str | None:
    if update is not Update.ASYNCHRONOUS:
        return "computes asynchronous attractors only"
    return None


def _run(network: Network, update: Update, limits: Limits) -> AttractorResult:
    return find_async_attractors(network, limits)


ENGINE = Engine(
    name=NAME,
    description="minimal trap spaces (clingo) + BDD reachability (dd); exact async attractors, 100s of nodes",
    updates=frozenset({Update.ASYNCHRONOUS}),
    check=_check,
    run=_run,
)
