"""The BDD search of the symbolic engine: exact asynchronous attractors of large networks.

The symbolic engine (:mod:`.symbolic`) percolates constants and hands a
network whose free part is too large for explicit state sets
(:mod:`.bitsets`) to this search.  Method:

1. **Percolation.**  Constants (fixed inputs, knockouts) are percolated
   (:mod:`.percolation`); every attractor lies in the percolated space, so
   the nodes it fixes never move again and are left out of all searches:
   state sets are BDDs over the free nodes only.
2. **Minimal trap spaces.**  They are enumerated with clingo
   (:mod:`.trapspaces`), and each contains at least one attractor.  One with
   no free node is a fixed point and needs no search; in the others the
   attractors are searched over the trap space's free nodes only, with the
   rules restricted to the trap space.  These searches depend on nothing
   else: when they take long, a forked copy of the search does the rest of
   them on a second core (:mod:`.forked`) while step 3 goes on.
3. **No attractor is missed.**  An attractor that can reach a trap space lies
   inside it.  So in a trap space ``T`` the states that cannot reach any
   trap space whose attractors are all known form a trap set holding every
   other attractor of ``T``: the *motif-avoidant* ones (Rozum et al. 2021,
   "Parity and time reversal elucidate both decision-making in empirical
   models and attractor scaling in critical Boolean networks", Sci. Adv.;
   Trinh et al. 2022).  That set is computed by backward reachability, first
   in the percolated space towards the minimal trap spaces.  When this first
   try takes longer than a second, or holds no promise (a large trap space
   and targets that are a tiny part of it), the trap space is split instead
   along its maximal trap spaces (the succession diagram of Rozum et al., as in biobalm: Trinh
   et al. 2024, "Mapping the attractor landscape of Boolean networks with
   biobalm"): the states that cannot reach one of
   them hold the attractors no smaller trap space contains, and each maximal
   trap space (percolated) is searched the same way in turn.  Trap spaces
   done or split are added to the targets, which makes the backward searches
   in overlapping ones short.
4. **Terminal components.**  Inside a trap set, the states that can reach
   a pivot state form its backward set ``B``; if the pivot's forward set
   ``F`` stays inside ``B``, ``F`` is an attractor, otherwise the pivot is
   transient.  The states outside ``B`` form a trap set holding every other
   attractor, searched the same way (no attractor can reach the pivot
   without containing it).  This is the forward/backward decomposition
   of Xie & Beerel (2000, "Implicit enumeration of strongly connected
   components and an application to formal verification", IEEE TCAD) as used
   for asynchronous Boolean networks by Beneš, Brim, Pastva & Šafránek
   (2020/2021, AEON: "Symbolic coloured SCC decomposition", TACAS 2021).
   The pivot is a state reached by a short random walk, usually already
   inside an attractor, so that ``F`` is the attractor itself.

Reachability is saturation on the asynchronous moves of one node at a time
(``x_i`` flips where ``x_i != f_i``, a single BDD composition, no primed
variables), re-trying after new states only the nodes whose moves they can
change (see :meth:`_Dynamics._saturate`).  The BDDs are CUDD's
(``dd.cudd``; the pure-Python ``dd.autoref`` where a ``dd`` wheel lacks CUDD,
see :mod:`.rulebdd`), with the variables in the network's node order unless
the caller gives another, and no dynamic reordering: on the corpus of
published models, orders built from the interaction graph (reverse
Cuthill-McKee, FORCE, depth-first) and CUDD's sifting were slower, some by
more than 20 times; on the small strongly connected cores of screens, reverse
Cuthill-McKee is faster (:func:`~.rulebdd.variable_order`).  Results are exact
and complete, and do not depend on timing: only the route to them does.
Attractors larger than ``Limits.listed_states`` are reported by exact size and
pattern without their states.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager

from ..errors import LimitError
from ..frozen import Frozen, replace
from ..limits import Limits
from ..model import Network
from ..results import Attractor, asynchronous_attractor, attractor_order
from .asp import CompiledRules, MaximalTrapSpaces, solve_patterns
from .forked import Forked
from .percolation import percolate
from .rulebdd import (
    BDD,
    Function,
    count_states,
    deep_recursion,
    memory_in_use,
    new_manager,
    pick_state,
    rule_bdds,
)

__all__ = ["AttractorSets", "find_attractor_list", "find_attractor_sets", "state_integers"]

MANAGER_MEMORY = 1 << 28  # CUDD's sizing hint (bytes): larger ones cost milliseconds per manager
FIRST_TRY_SECONDS = 1.0  # for "every state of a trap space reaches a trap space explored already"
# no first try where those trap spaces hold at most 2^-SKIP_CODIMENSION of the states of a trap
# space of at least SKIP_FREE_NODES free nodes (see _Search.worth_trying)
SKIP_CODIMENSION = 40
SKIP_FREE_NODES = 60
TRY_AGAIN_RATIO = 0.95  # below a failed first try, try again in trap spaces this much smaller
WALK_STEPS_PER_NODE = 10  # random-walk length before each pivot, per free node
WALK_SEED = 2021
MEMORY_CHECK_INTERVAL = 0.05  # seconds between memory checks, at least
MEMORY_CHECK_SHARE = 0.05  # and at most this share of the time: reading CUDD's statistics scans its tables
# and no more often than the time the memory needs to reach the budget growing this fast
# (bytes a second; the corpus's largest searches grew CUDD's memory by at most 0.32 GiB/s)
MEMORY_GROWTH = 2 * 2**30
# the searches in the minimal trap spaces go on in a forked helper once they have taken this long
# (only COLORECTAL-TUMORIGENESIS of the corpus gets there: 52 searches, 6-8 s)
HELPER_AFTER_SECONDS = 0.5
HELPER_MEMORY_SHARE = 0.25  # the helper's part of the memory budget, while it runs


class _Clock:
    """The time and memory budgets.

    Memory is measured at most every ``MEMORY_CHECK_INTERVAL`` s, and less
    often when one measurement is slow (CUDD scans its unique table and cache
    for it, milliseconds on large managers), so that measuring takes at most
    ``MEMORY_CHECK_SHARE`` of the time, or when the memory in use is far
    below the budget: the next measurement comes before memory growing at
    ``MEMORY_GROWTH`` could reach it.  While a helper process runs, this
    process has ``memory_budget``, the budget less the helper's part; past it,
    ``reclaim`` stops the helper and the whole budget is this process's again.
    """

    def __init__(self, limits: Limits) -> None:
        self.limits = limits
        self.start = time.monotonic()
        self.memory_checked = self.start
        self.memory_interval = MEMORY_CHECK_INTERVAL
        self.memory_budget = limits.memory  # this process's part of the budget
        # while a helper process holds the rest: stops it, so that this process may use it all
        self.reclaim: Callable[[], None] | None = None

    def remaining(self) -> float | None:
        if self.limits.timeout is None:
            return None
        return self.limits.timeout - (time.monotonic() - self.start)

    @contextmanager
    def inner(self) -> Iterator[Limits]:
        """The budgets for a solver called inside the search: the same, with the time not yet used.

        A solver that runs out of that time is reported against the search's
        own budget, the one the user set.
        """
        remaining = self.remaining()
        if remaining is not None and remaining <= 0:
            raise LimitError.past_timeout("the symbolic engine", self.limits.timeout)
        try:
            yield self.limits if remaining is None else replace(self.limits, timeout=remaining)
        except LimitError as error:
            if error.budget != "timeout":
                raise
            raise LimitError.past_timeout("the symbolic engine", self.limits.timeout) from None

    def check(self, manager: BDD) -> None:
        now = time.monotonic()
        if self.limits.timeout is not None and now - self.start > self.limits.timeout:
            raise LimitError.past_timeout("the symbolic engine", self.limits.timeout)
        if now - self.memory_checked < self.memory_interval:
            return
        used = memory_in_use(manager)
        self.memory_checked = time.monotonic()
        cost = self.memory_checked - now
        if used > self.memory_budget and self.reclaim is not None:
            self.reclaim()
            self.reclaim = None
            self.memory_budget = self.limits.memory
        headroom = self.memory_budget - used
        self.memory_interval = max(MEMORY_CHECK_INTERVAL, cost / MEMORY_CHECK_SHARE, headroom / MEMORY_GROWTH)
        if used > self.memory_budget:
            raise LimitError(
                f"the symbolic engine's BDDs outgrew the memory budget of "
                f"{self.limits.memory / 2**30:.3g} GiB (raise it with --memory or Limits(memory=...))",
                budget="memory",
            )


class _Dynamics:
    """The asynchronous moves of some free nodes, as BDD operations on state sets.

    ``can[i]`` is the set of states where node ``i`` may flip (its rule
    disagrees with it); state sets and ``can`` are BDDs over the variables of
    the free nodes only.  ``variables[i]`` is ``x{i}``, so a state is also an
    integer with bit ``i`` for ``x{i}`` (as in the random walks).
    """

    def __init__(self, manager: BDD, variables: Sequence[str], can: Mapping[int, Function], clock: _Clock):
        self.manager = manager
        self.vars = variables
        self.can = dict(can)
        self.clock = clock
        self.flips = {i: ~manager.var(variables[i]) for i in can}
        # saturation tries the nodes lowest in the BDD order first
        level = {i: manager.level_of_var(variables[i]) for i in can}
        self.order = sorted(can, key=lambda i: -level[i])
        rank = {i: k for k, i in enumerate(self.order)}
        # targets[i]: the nodes whose moves depend on x_i (x_i is in the support of their can)
        self.targets: dict[int, list[int]] = {i: [] for i in can}
        support: dict[int, set[int]] = {}
        self.reads: dict[int, list[str]] = {}  # the variables each can[j] reads
        self.read_bits: dict[int, int] = {}  # the same as a bit mask (bit i: x_i)
        self.may_move: dict[tuple[int, int], bool] = {}  # (j, the values can[j] reads as bits) -> can[j]
        for j, flips in can.items():
            self.reads[j] = sorted(manager.support(flips))
            self.read_bits[j] = sum(1 << int(var[1:]) for var in self.reads[j])
            support[j] = {int(var[1:]) for var in self.reads[j]} & can.keys()
            for i in support[j]:
                self.targets[i].append(j)
        # after moves of x_i, the other nodes whose closure may be lost, as positions in the order
        self.affected = [
            sorted({rank[j] for j in (*self.targets[i], *support[i]) if j != i}) for i in self.order
        ]

    def flip(self, i: int, states: Function) -> Function:
        """The states with node ``i`` flipped (one composition ``x_i := !x_i``)."""
        return self.manager.let({self.vars[i]: self.flips[i]}, states)

    def reach(self, start: Function, *, forward: bool, within: Function | None = None) -> Function:
        """Every state reachable from (``forward``) or reaching ``start``, staying in ``within``.

        ``within`` must be forward-closed (a trap set).
        """
        result = self._saturate(start, forward, within, None)
        assert result is not None  # no deadline
        return result

    def try_reach_back(self, start: Function, seconds: float) -> Function | None:
        """The states reaching ``start``, or ``None`` when that takes more than ``seconds``."""
        return self._saturate(start, False, None, time.monotonic() + seconds)

    def _saturate(
        self,
        start: Function,
        forward: bool,
        within: Function | None,
        deadline: float | None,
        *,
        bound: Function | None = None,
    ) -> Function | None:
        """The closure of ``start`` under the moves (or their reverse), or ``None`` past ``deadline``.

        With ``bound``, also ``None`` as soon as the closure leaves ``bound``.

        Saturation: the moves of the node lowest in the BDD order are applied
        first, and after new states are added only the nodes whose closure
        they may break are tried again.  States new by a move of ``x_i`` can
        only open new moves of ``x_j`` if ``x_i`` affects whether ``x_j`` may
        move or the other way round (otherwise ``x_j`` then ``x_i`` leads to the
        same state as ``x_i`` then ``x_j``, already added); with ``within``
        forward-closed the same holds for backward steps.
        """
        order = self.order
        manager = self.manager
        result = start
        closed = [False] * len(order)
        position = 0
        while position < len(order):
            if closed[position]:
                position += 1
                continue
            closed[position] = True
            i = order[position]
            # the states one move of x_i away (or one move back), then whether any is new
            moved = self.flip(i, result & self.can[i]) if forward else self.can[i] & self.flip(i, result)
            if within is not None:
                moved &= within
            grown = result | moved
            if grown == result:
                position += 1
                continue
            if bound is not None and moved & ~bound != manager.false:
                return None
            result = grown
            affected = self.affected[position]
            for other in affected:
                closed[other] = False
            if affected and affected[0] < position:
                position = affected[0]
            self.clock.check(manager)
            if deadline is not None and time.monotonic() > deadline:
                return None
        return result

    def attractors_in(self, trap: Function, pivot: Callable[[Function], Function]) -> list[Function]:
        """The attractors inside a forward-closed set ``trap`` (terminal SCC decomposition).

        ``pivot(region)`` is one state of the trap set ``region``, as a BDD;
        the closer to an attractor, the sooner a transient pivot is found out.
        Per pivot ``p``: ``B``, the states of the region that can reach ``p``
        (backward), then ``p``'s forward set ``F``, given up as soon as it
        leaves ``B``.  If ``F`` stays in ``B``, every state of ``F`` reaches
        ``p`` back, so ``F`` is an attractor (forward-closed and strongly
        connected); if not, ``p`` is transient.  Either way no other attractor
        can reach ``p``, so all the others lie in the region outside ``B``,
        again a trap set: one backward and at most one forward set per pivot.
        """
        manager = self.manager
        found: list[Function] = []
        region = trap
        while region != manager.false:
            start = pivot(region)
            basin = self.reach(start, forward=False, within=region)
            attractor = self._saturate(start, True, None, None, bound=basin)
            if attractor is not None:
                found.append(attractor)
            region &= ~basin
        return found

    def walk(self, state: dict[str, bool], steps: int, rng: random.Random) -> dict[str, bool]:
        """The state after up to ``steps`` random asynchronous moves from ``state`` (free variables)."""
        manager = self.manager
        _, bits = _bits(state)  # bit i: x_i

        def enabled(i: int) -> bool:
            # one substitution of the node's whole support leaves a constant; a node whose
            # rule is its own negation always may move (and its can reads no variable)
            key = (i, bits & self.read_bits[i])
            known = self.may_move.get(key)
            if known is None:
                values = {var: bool(key[1] >> int(var[1:]) & 1) for var in self.reads[i]}
                known = bool((manager.let(values, self.can[i]) if values else self.can[i]) == manager.true)
                self.may_move[key] = known
            return known

        # the nodes that may move, as a list to draw from and each one's place in it
        active = [i for i in sorted(self.can) if enabled(i)]
        place = {i: k for k, i in enumerate(active)}
        for _ in range(steps):
            if not active:
                break
            i = active[rng.randrange(len(active))]
            bits ^= 1 << i
            for j in (i, *self.targets[i]):
                if enabled(j):
                    if j not in place:
                        place[j] = len(active)
                        active.append(j)
                elif j in place:  # the last node takes its place
                    k = place.pop(j)
                    last = active.pop()
                    if last != j:
                        active[k] = last
                        place[last] = k
        return {var: bool(bits >> int(var[1:]) & 1) for var in state}


class _Search:
    """The network's rules in one BDD manager, and the attractor search over its free nodes."""

    def __init__(
        self,
        network: Network,
        clock: _Clock,
        limits: Limits,
        known: Mapping[str, bool],
        order: Sequence[int] | None = None,
        trap_spaces: bool = True,
        helper: bool = False,
    ) -> None:
        self.network = network
        self.trap_spaces = trap_spaces
        self.may_fork = helper  # whether a forked helper may search the minimal trap spaces
        self.clock = clock
        self.limits = limits
        self.vars = [f"x{i}" for i in range(len(network))]
        names = dict(zip(network.nodes, self.vars, strict=True))
        declared = self.vars if order is None else [self.vars[i] for i in order]
        self.manager = new_manager(declared, memory=MANAGER_MEMORY)
        functions = rule_bdds(network, self.manager, names)
        fixed = percolate(self.manager, functions, names, known)
        self.compiled = CompiledRules(self.manager, functions, fixed)  # shared with the ASP encoder
        self.fixed = {names[node]: value for node, value in fixed.items()}
        # rules of the free nodes, keyed by variable, with the percolated values substituted
        self.rules: dict[str, Function] = {}
        for node, var in names.items():
            if node not in fixed:
                rule = functions[node]
                self.rules[var] = self.manager.let(self.fixed, rule) if self.fixed else rule
        self.targets: dict[str, list[str]] = {var: [] for var in self.rules}
        for var, rule in self.rules.items():
            for regulator in self.manager.support(rule):
                self.targets[regulator].append(var)
        self.random = random.Random(WALK_SEED)
        self.names = {var: var for var in self.rules}
        self.maximal: MaximalTrapSpaces | None = None
        self.found: dict[int, tuple[Function, Attractor]] = {}
        self.received: list[Attractor] = []  # from a helper, without their state sets

    # -- subspaces ------------------------------------------------------------

    def dynamics(self, space: Mapping[str, bool]) -> _Dynamics:
        """The moves inside the trap space ``space`` (variable -> value, the percolated ones included)."""
        manager = self.manager
        local = self.local(space)
        can: dict[int, Function] = {}
        for var, rule in self.rules.items():
            if var in space:
                continue
            if local:
                rule = manager.let(local, rule)
            flips = manager.apply("xor", manager.var(var), rule)
            if flips != manager.false:
                can[int(var[1:])] = flips
        return _Dynamics(manager, self.vars, can, self.clock)

    def local(self, space: Mapping[str, bool]) -> dict[str, bool]:
        """The values of ``space`` other than the percolated ones (those are substituted in the rules)."""
        return {var: value for var, value in space.items() if var not in self.fixed}

    def free(self, space: Mapping[str, bool]) -> list[str]:
        return [var for var in self.vars if var not in space]

    def percolated(self, space: Mapping[str, bool], parent: Mapping[str, bool]) -> dict[str, bool]:
        """The smallest trap space holding every attractor of the trap space ``space``.

        ``parent`` is a percolated trap space containing ``space``.
        """
        new = [var for var in space if var not in parent]
        local = self.local(space)
        values = percolate(self.manager, self.rules, self.names, local, targets=self.targets, new=new)
        return {**self.fixed, **values}

    def pivot(self, space: Mapping[str, bool], inside: _Dynamics) -> Callable[[Function], Function]:
        """Pivots for :meth:`_Dynamics.attractors_in` in ``space``: a state, then a random walk from it."""
        manager = self.manager
        free = self.free(space)
        steps = WALK_STEPS_PER_NODE * len(free)

        def choose(region: Function) -> Function:
            state = inside.walk(pick_state(manager, region, free), steps, self.random)
            return manager.cube(state)

        return choose

    def maximal_within(self, space: Mapping[str, bool]) -> list[dict[str, bool]]:
        """The maximal trap spaces strictly inside the trap space ``space``, percolated."""
        if self.maximal is None:
            self.maximal = MaximalTrapSpaces(self.network, self.compiled)
        with self.clock.inner() as limits:
            patterns = self.maximal.within({int(var[1:]): value for var, value in space.items()}, limits)
        children = []
        for pattern in patterns:
            child = dict(space)
            child.update((self.vars[i], char == "1") for i, char in enumerate(pattern) if char != "*")
            children.append(self.percolated(child, space))
        return children

    # -- attractors -------------------------------------------------------------

    def add(self, states: Function, space: Mapping[str, bool]) -> None:
        """Record the attractor ``states`` (over the free variables of ``space``) once."""
        manager = self.manager
        local = self.local(space)
        whole = states & manager.cube(local) if local else states
        if int(whole) not in self.found:
            self.found[int(whole)] = (whole, self.describe(states, space))

    def attractors_in_space(self, space: Mapping[str, bool], trap: Function | None = None) -> None:
        """Record the attractors inside ``trap`` (a trap set in ``space``; the whole space if absent)."""
        manager = self.manager
        if len(space) == len(self.vars):  # a fixed point: an attractor by itself
            self.add(manager.true, space)
            return
        inside = self.dynamics(space)
        for states in inside.attractors_in(manager.true if trap is None else trap, self.pivot(space, inside)):
            self.add(states, space)

    def describe(self, states: Function, space: Mapping[str, bool]) -> Attractor:
        """The attractor ``states`` (over the free variables of the trap space ``space``)."""
        manager = self.manager
        free = self.free(space)
        size = count_states(manager, states, free)
        chars = []
        for var in self.vars:
            if var in space:
                chars.append("1" if space[var] else "0")
                continue
            variable = manager.var(var)
            if states & variable == manager.false:
                chars.append("0")
            elif states & ~variable == manager.false:
                chars.append("1")
            else:
                chars.append("*")
        pattern = "".join(chars)
        width = f"0{len(self.vars)}b"
        return asynchronous_attractor(
            size,
            pattern,
            self.limits.listed_states,
            # character i of a state string is bit i of its integer
            lambda: [format(state, width)[::-1] for state in state_integers(manager, states, pattern)],
        )

    def run(self) -> None:
        """Record every attractor: in ``found``, and in ``received`` those a helper found."""
        if not self.trap_spaces:  # the percolated space decomposed directly, complete by itself
            self.attractors_in_space(dict(self.fixed))
            return
        with self.clock.inner() as limits:
            patterns, _ = solve_patterns(self.network, "minimal", limits=limits, compiled=self.compiled)
        minimal = [{self.vars[i]: c == "1" for i, c in enumerate(p) if c != "*"} for p in patterns]
        helper = self.search_minimal(minimal)
        try:
            self.search_motif_avoidant(minimal)
            if helper is not None:
                self.collect(helper)
        finally:
            if helper is not None:
                helper.stop()

    def search_minimal(self, minimal: Sequence[Mapping[str, bool]]) -> _Helper | None:
        """Record the attractors in the minimal trap spaces, or hand those left to a helper.

        Every minimal trap space holds at least one attractor, and none lies
        in two of them, so their searches depend on nothing else.  Once they
        have taken ``HELPER_AFTER_SECONDS``, the rest go to a forked helper
        (when one can start) while this process proves the others complete.
        """
        began = time.monotonic()
        for position, space in enumerate(minimal):
            if self.may_fork and time.monotonic() - began > HELPER_AFTER_SECONDS:
                helper = _Helper.start(self, minimal[position:])
                if helper is not None:
                    return helper
                self.may_fork = False
            self.attractors_in_space(space)
            self.clock.check(self.manager)
        return None

    def collect(self, helper: _Helper) -> None:
        """The helper's attractors, or, when it gave none, the same searches done here."""
        self.clock.reclaim = None
        succeeded, value = helper.forked.result(self.clock.remaining())
        self.clock.memory_budget = self.limits.memory
        if succeeded:
            self.received.extend(value)
            return
        for space in helper.spaces:  # it failed, ran out of time or was stopped: search here
            self.attractors_in_space(space)
            self.clock.check(self.manager)

    def search_motif_avoidant(self, minimal: Sequence[Mapping[str, bool]]) -> None:
        """Record the attractors outside the minimal trap spaces, and prove there are no others.

        The trap spaces taken as *complete* are those whose attractors are
        all recorded, or will be: the minimal ones, searched before or by the
        helper; those whose first try succeeded (every other state reaches a
        complete one); and those split, whose attractors that reach no
        maximal trap space inside them are recorded at the split, the others
        when those maximal trap spaces are searched, each pending or done.
        A trap space relies only on complete ones strictly inside it, so none
        waits for itself.  Taking split trap spaces as targets keeps one slow
        first try from starving others: before, when a try ran out of time
        on a slow moment, the trap spaces around it aimed at smaller targets,
        their tries ran out in turn, and COLORECTAL-TUMORIGENESIS (197 nodes,
        inputs fixed) took 140-170 s in some runs instead of 41-47 s.
        """
        manager = self.manager
        # trap spaces taken as complete, as (mask, bits, cube over the free variables)
        complete = [(*_bits(space), manager.cube(self.local(space))) for space in minimal]
        # the motif-avoidant attractors, along the trap spaces inside one another
        # each with the number of free nodes of the last trap space above it whose first try failed
        pending: list[tuple[dict[str, bool], int | None]] = [(dict(self.fixed), None)]
        seen = {_bits(self.fixed)} | {_bits(space) for space in minimal}
        while pending:
            space, failed = pending.pop()
            size = len(self.vars) - len(space)
            inside = self.dynamics(space)
            local = self.local(space)
            mask, bits = _bits(space)
            tried = None
            if failed is None or size < TRY_AGAIN_RATIO * failed:
                # first try: every state reaches a complete trap space
                known = manager.false
                for other_mask, other_bits, cube in complete:
                    if other_mask & mask == mask and other_bits & mask == bits:
                        known |= cube
                start = manager.let(local, known) if local else known
                if not self.worth_trying(start, space):
                    failed = size
                else:
                    tried = inside.try_reach_back(start, FIRST_TRY_SECONDS)
                    if tried is None:
                        failed = size
            if tried is not None:
                reached = tried
            else:
                # too costly: the maximal trap spaces inside are closer, then search inside each
                children = self.maximal_within(space)
                reached = inside.reach(self.union(children, space), forward=False)
                for child in children:
                    key = _bits(child)
                    if key not in seen:
                        seen.add(key)
                        pending.append((child, failed))
            complete.append((mask, bits, manager.cube(local)))
            if reached != manager.true:
                self.attractors_in_space(space, ~reached)

    def worth_trying(self, targets: Function, space: Mapping[str, bool]) -> bool:
        """Whether a first try in the trap space ``space`` towards ``targets`` may end within its budget.

        Not when ``space`` has at least ``SKIP_FREE_NODES`` free nodes and
        ``targets`` hold at most 2^-``SKIP_CODIMENSION`` of its states: the
        backward search would have to free that many more nodes.  Measured
        on the corpus, every such try took longer than a second: 1.5 s to
        more than 30 s on HYPOXIA-AND-MECHANOSENSING (165 nodes, inputs
        fixed), 6.5 s to more than 12 s on COLORECTAL-TUMORIGENESIS (197
        nodes), while every try of codimension at most 28 on HYPOXIA took
        less than 0.4 s, and smaller trap spaces of codimension about 40
        (targets near fixed points) 0.3 s or less.  Cost: one state count,
        linear in the size of ``targets``' BDD.  The answer does not depend
        on this, only the route to it.
        """
        free = len(self.vars) - len(space)
        if free < SKIP_FREE_NODES:
            return True
        count = count_states(self.manager, targets, self.free(space))
        return count == 0 or count << SKIP_CODIMENSION > 1 << free  # no targets: an instant try

    def union(self, spaces: Sequence[Mapping[str, bool]], within: Mapping[str, bool]) -> Function:
        """The union of trap spaces inside ``within``, over the free variables of ``within``."""
        manager = self.manager
        result = manager.false
        for space in spaces:
            result |= manager.cube({var: value for var, value in space.items() if var not in within})
        return result


class _Helper:
    """A forked copy of a search, recording the attractors of some minimal trap spaces.

    While it runs it holds ``HELPER_MEMORY_SHARE`` of the memory budget, and
    the search the rest; should the search need more, it stops the helper
    and does its work itself (see :class:`_Clock`).
    """

    def __init__(self, forked: Forked[list[Attractor]], spaces: Sequence[Mapping[str, bool]]) -> None:
        self.forked = forked
        self.spaces = spaces

    @classmethod
    def start(cls, search: _Search, spaces: Sequence[Mapping[str, bool]]) -> _Helper | None:
        """Fork a helper for ``spaces``; ``None`` when none can start."""
        share = int(search.limits.memory * HELPER_MEMORY_SHARE)
        if memory_in_use(search.manager) > share / 2:  # its copy would start near its part of the budget
            return None

        def work() -> list[Attractor]:  # in the child, on its copy of the search
            search.found = {}
            search.clock.reclaim = None
            search.clock.memory_budget = share
            for space in spaces:
                search.attractors_in_space(space)
                search.clock.check(search.manager)
            return [attractor for _, attractor in search.found.values()]

        forked = Forked.start(work)
        if forked is None:
            return None
        helper = cls(forked, spaces)
        search.clock.memory_budget = search.limits.memory - share
        search.clock.reclaim = helper.stop
        return helper

    def stop(self) -> None:
        self.forked.stop()


def _bits(space: Mapping[str, bool]) -> tuple[int, int]:
    """A subspace as bit masks: bit ``i`` of the first is set if ``x{i}`` is fixed, of the second if to 1."""
    mask = bits = 0
    for var, value in space.items():
        i = int(var[1:])
        mask |= 1 << i
        bits |= int(value) << i
    return mask, bits


def state_integers(manager: BDD, states: Function, pattern: str) -> list[int]:
    """Every state of the attractor ``states`` with pattern ``pattern``, as integers (bit ``i``: ``x{i}``).

    ``states`` is a BDD over the variables ``x{i}``; the pattern gives the
    positions it leaves out ("0" or "1") and those that vary ("*").  The
    BDD's paths are walked once; on each path the varying positions it does
    not test are expanded in Gray-code order, one bit changed per state.
    Linear in the number of states plus the number of paths.
    """
    constant = sum(1 << i for i, char in enumerate(pattern) if char == "1")
    varying = [i for i, char in enumerate(pattern) if char == "*"]
    result: list[int] = []

    def walk(node: Function, tested: int, bits: int) -> None:
        if node == manager.false:
            return
        if node == manager.true:
            flips = [1 << i for i in varying if not tested >> i & 1]
            state = constant | bits
            result.append(state)
            for step in range(1, 1 << len(flips)):
                state ^= flips[(step & -step).bit_length() - 1]
                result.append(state)
            return
        i = int(node.var[1:])
        low, high = node.low, node.high  # the children of the node, read through a complement edge
        if node.negated:
            low, high = ~low, ~high
        walk(low, tested | 1 << i, bits)
        walk(high, tested | 1 << i, bits | 1 << i)

    walk(states, 0, 0)
    return result


class AttractorSets(Frozen):
    """Asynchronous attractors with their state sets as BDDs.

    ``sets[k]`` holds the states of ``attractors[k]`` as a BDD of ``manager``
    over the variables ``x{i}`` (``i`` the node's position in the network).
    """

    manager: BDD
    sets: tuple[Function, ...]
    attractors: tuple[Attractor, ...]


def find_attractor_sets(
    network: Network,
    limits: Limits | None = None,
    *,
    fixed: Mapping[str, bool] | None = None,
    order: Sequence[int] | None = None,
    trap_spaces: bool = True,
) -> AttractorSets:
    """Every asynchronous attractor of ``network`` with its states as a BDD.

    Exact and complete, including motif-avoidant attractors; sorted by
    pattern, then first state.  The symbolic engine's answer for large
    networks, and the call for those that go on working on the state sets
    symbolically (classifying huge attractors against phenotypes, say).
    ``fixed`` (node -> value) may give a trap space that holds every
    attractor (percolated constants, say) to start percolation from.
    ``order`` is the BDD variable order, as every node position once, top
    first (default: the network's order; see
    :func:`~.rulebdd.variable_order`).  ``trap_spaces=False`` skips the
    minimal trap spaces and decomposes the percolated space directly (step 4
    alone, complete by itself): faster for small strongly connected networks,
    whose only minimal trap space is usually the whole space.  Neither changes
    the answer, only the time.

    Raises
    ------
    LimitError
        When the time or memory budget runs out (the message names it).
    """
    search = _searched(network, limits or Limits(), fixed, order, trap_spaces, helper=False)
    manager = search.manager
    fixed = manager.cube(search.fixed) if search.fixed else manager.true
    pairs = sorted(
        ((whole & fixed, attractor) for whole, attractor in search.found.values()),
        key=lambda pair: attractor_order(pair[1]),
    )
    return AttractorSets(manager, tuple(s for s, _ in pairs), tuple(a for _, a in pairs))


def find_attractor_list(
    network: Network,
    limits: Limits | None = None,
    *,
    fixed: Mapping[str, bool] | None = None,
    trap_spaces: bool = True,
) -> tuple[Attractor, ...]:
    """Every asynchronous attractor of ``network``, as :func:`find_attractor_sets` finds them.

    The same attractors in the same order, without their state sets; in
    exchange, when the searches in the minimal trap spaces take long, a
    forked helper does them on a second core (Linux) while this process
    proves that no other attractor exists.  The helper holds
    ``HELPER_MEMORY_SHARE`` of the memory budget while it runs.

    Raises
    ------
    LimitError
        When the time or memory budget runs out (the message names it).
    """
    search = _searched(network, limits or Limits(), fixed, None, trap_spaces, helper=True)
    found = [attractor for _, attractor in search.found.values()]
    return tuple(sorted(found + search.received, key=attractor_order))


def _searched(
    network: Network,
    limits: Limits,
    fixed: Mapping[str, bool] | None,
    order: Sequence[int] | None,
    trap_spaces: bool,
    *,
    helper: bool,
) -> _Search:
    """A search that has run to the end: every attractor recorded."""
    failure: LimitError | None = None
    with deep_recursion(len(network)):
        try:
            search = _Search(network, _Clock(limits), limits, fixed or {}, order, trap_spaces, helper)
            search.run()
        except LimitError as error:
            failure = error
    if failure is not None:
        # drop the frames that hold BDDs so that none outlives its manager in a reference cycle
        raise failure.with_traceback(None)
    return search
