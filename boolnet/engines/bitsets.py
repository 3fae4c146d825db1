"""Truth tables and state sets as Python integers: percolation, and small cores' attractors and trap spaces.

With its inputs fixed, a published model usually keeps few free nodes once
its constants are percolated: on the corpus none in half of the models, at
most 15 in four fifths of them.  For ``k`` free nodes a set of states is one
Python integer of ``2**k`` bits, bit ``s`` set when state ``s`` (bit ``i`` of
``s`` is free node ``i``'s value) is in the set, and a rule is the set of
states where it holds: its truth table, built by bitwise operations on the
expression tree.  One asynchronous move of node ``i`` is then a shift by
``2**i`` of the states where the node disagrees with its rule, and the
reachability and terminal-component search of :mod:`.bddsearch` runs on
integers with no library at all: a small model's run loads neither dd nor
clingo, which would cost more than its whole search.

Complexity: a set operation costs ``2**k / 64`` machine words; a
reachability sweep ``6 k`` of them; the search is linear in the number of
pivots it needs (one per attractor, plus one per non-attractor pivot, which
removes at least its whole backward set).  Exact and complete.
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Collection, Mapping, Sequence
from functools import cache

from ..errors import LimitError
from ..expr import And, Const, Expr, Or, Var, fold, substitute, variables
from ..limits import Limits
from ..model import Network
from ..results import Attractor, asynchronous_attractor

__all__ = [
    "EXPLICIT_MAX_FREE_NODES",
    "SEMANTIC_MAX_REGULATORS",
    "explicit_async_attractors",
    "explicit_trap_spaces",
    "percolate_rules",
]

# measured on the corpus (inputs fixed): up to 14 free nodes bit vectors are faster than BDDs, at 15
# and 16 they are even once loading dd and clingo counts (about 0.02 s), from 17 on BDDs win
EXPLICIT_MAX_FREE_NODES = 15
SEMANTIC_MAX_REGULATORS = 16  # rules with more free regulators are tested for constancy syntactically only
SETS_IN_USE = 8  # state sets alive at once in the search, besides the per-node ones


@cache  # one tuple per count (at most 16): percolation asks again for every rule it tests
def variable_sets(count: int) -> tuple[int, ...]:
    """``sets[i]``: the states of ``count`` nodes (as a ``2**count``-bit set) where node ``i`` is 1."""
    states = 1 << count
    sets = []
    for i in range(count):
        half = 1 << i  # runs of 2**i states with the bit clear, then 2**i with it set
        run = ((1 << half) - 1) << half
        period = 2 * half
        repeat = ((1 << states) - 1) // ((1 << period) - 1)  # one bit at the start of every period
        sets.append(run * repeat)
    return tuple(sets)


def truth_table(expr: Expr, sets: Mapping[str, int], full: int) -> int:
    """The states where ``expr`` holds, given each variable's set of states where it is 1.

    Iterative (:func:`boolnet.expr.fold`), so that no rule is too deep.
    """

    def leaf(node: Const | Var) -> int:
        if isinstance(node, Var):
            return sets[node.name]
        return full if node.value else 0

    def combine(node: And | Or, tables: list[int]) -> int:
        result = tables[0]
        if isinstance(node, And):
            for table in tables[1:]:
                result &= table
        else:
            for table in tables[1:]:
                result |= table
        return result

    return fold(expr, leaf, lambda node, table: full ^ table, combine)


def constant_value(expr: Expr, names: Collection[str]) -> bool | None:
    """The value of ``expr`` over the variables ``names`` if it is constant.

    Semantic up to ``SEMANTIC_MAX_REGULATORS`` variables, syntactic beyond.
    """
    if isinstance(expr, Const):
        return expr.value
    if len(names) > SEMANTIC_MAX_REGULATORS:
        return None
    full = (1 << (1 << len(names))) - 1
    table = truth_table(expr, dict(zip(sorted(names), variable_sets(len(names)), strict=True)), full)
    if table == 0:
        return False
    if table == full:
        return True
    return None


def percolate_rules(network: Network) -> dict[str, bool]:
    """The node values forced by the network's constant rules (fixed inputs, knockouts).

    A node whose rule is constant once the values found so far are
    substituted takes that value in every attractor; so on to a fixpoint
    (Naldi et al. 2011).  The result is a trap space holding every attractor.

    Complexity: each rule is re-examined when one of its regulators is fixed,
    at a cost of its truth table over its remaining regulators.  Rules with
    more than ``SEMANTIC_MAX_REGULATORS`` free regulators are recognised as
    constant only when substitution folds them to a constant (the BDD
    percolation of the symbolic search is fully semantic and goes on from
    here).
    """
    # each rule with the values found so far substituted: rules only shrink, and long ones
    # (tens of thousands of characters in some published models) are not walked again whole
    rules = {rule.target: rule.expr for rule in network.rules}
    regulators = {node: variables(expr) for node, expr in rules.items()}
    readers: dict[str, list[str]] = {node: [] for node in rules}
    for node, names in regulators.items():
        for regulator in names:
            readers[regulator].append(node)
    values: dict[str, bool] = {}
    # first in, first out: a rule waits while other nodes fix more of its regulators, so a long
    # rule is substituted into a few times rather than once per regulator
    pending = deque(network.nodes)
    queued = set(pending)
    while pending:
        node = pending.popleft()
        queued.discard(node)
        if node in values:
            continue
        known = {name: values[name] for name in regulators[node] if name in values}
        if known:
            rules[node] = substitute(rules[node], known)
            regulators[node] = variables(rules[node])
        value = constant_value(rules[node], regulators[node])
        if value is None:
            continue
        values[node] = value
        for reader in readers[node]:
            if reader not in values and reader not in queued:
                queued.add(reader)
                pending.append(reader)
    return values


class _StateSpace:
    """The asynchronous moves of ``k`` free nodes, on state sets as ``2**k``-bit integers."""

    def __init__(
        self, nodes: Sequence[str], fixed: Mapping[str, bool], rules: Mapping[str, Expr], limits: Limits
    ) -> None:
        self.limits = limits
        self.deadline = None if limits.timeout is None else time.monotonic() + limits.timeout
        self.nodes = nodes  # the network's nodes: the columns of patterns and state strings
        self.fixed = fixed
        self.free = [node for node in nodes if node not in fixed]
        self.position = {node: i for i, node in enumerate(self.free)}  # free node -> bit of a state
        self.ones = variable_sets(len(self.free))
        self.full = (1 << (1 << len(self.free))) - 1
        sets = dict(zip(self.free, self.ones, strict=True))
        # per node: the shift of its move, the states that move up (0 -> 1) and down (1 -> 0)
        self.moves: list[tuple[int, int, int]] = []
        for i, node in enumerate(self.free):
            can = self.ones[i] ^ truth_table(rules[node], sets, self.full)  # the node disagrees with its rule
            if can:
                self.moves.append((1 << i, can & ~self.ones[i], can & self.ones[i]))

    def forward(self, states: int) -> int:
        """Every state reachable from ``states`` (saturated one node at a time)."""
        reached = states
        while True:
            self.check_time()
            before = reached
            for shift, up, down in self.moves:
                reached |= ((reached & up) << shift) | ((reached & down) >> shift)
            if reached == before:
                return reached

    def backward(self, states: int) -> int:
        """Every state that can reach ``states``."""
        reached = states
        while True:
            self.check_time()
            before = reached
            for shift, up, down in self.moves:
                reached |= ((reached >> shift) & up) | ((reached << shift) & down)
            if reached == before:
                return reached

    def check_time(self) -> None:
        if self.deadline is not None and time.monotonic() > self.deadline:
            raise LimitError.past_timeout("the symbolic engine", self.limits.timeout)

    def fixed_points(self) -> int:
        """The states no move leaves."""
        moving = 0
        for _, up, down in self.moves:
            moving |= up | down
        return self.full & ~moving

    def smallest_trap_space(self, state: int) -> tuple[int, int]:
        """The smallest trap space holding the single state ``state`` (a one-bit set).

        As ``(free, values)``: bit ``i`` of ``free`` is set when free node ``i``
        is free in the trap space, and ``values`` is the state's index, which
        gives the fixed nodes' values.
        """
        free = 0
        subspace = state
        index = state.bit_length() - 1
        changed = True
        while changed:
            changed = False
            for shift, up, down in self.moves:
                if not free & shift and subspace & (up | down):  # a node of the subspace can move
                    free |= shift
                    subspace = self.subspace_mask(free, index)
                    changed = True
        return free, index & ~free

    def subspace_mask(self, free: int, index: int) -> int:
        """The states whose fixed nodes (those not in ``free``) agree with the state ``index``."""
        mask = self.full
        for i, ones in enumerate(self.ones):
            if not free >> i & 1:
                mask &= ones if index >> i & 1 else ~ones
        return mask

    @staticmethod
    def inside(small: tuple[int, int], large: tuple[int, int]) -> bool:
        """Whether the subspace ``small`` lies inside ``large`` (both as ``(free, values)``)."""
        (small_free, small_values), (large_free, large_values) = small, large
        return small_free & ~large_free == 0 and (small_values ^ large_values) & ~large_free == 0

    def pattern(self, free: int, values: int) -> str:
        """The subspace ``(free, values)`` as a pattern over every node of the network."""
        chars = []
        for node in self.nodes:
            if node in self.fixed:
                chars.append("1" if self.fixed[node] else "0")
            elif free >> self.position[node] & 1:
                chars.append("*")
            else:
                chars.append("1" if values >> self.position[node] & 1 else "0")
        return "".join(chars)

    def terminal_components(self) -> list[int]:
        """The terminal strongly connected components (the attractors), as state sets.

        The forward/backward decomposition of Xie & Beerel (2000): a pivot's
        forward set is an attractor when every state of it reaches the pivot
        back; otherwise no state that reaches the pivot lies in an attractor,
        and the next pivot is taken from the forward set, closer to one.
        The fixed points (the states no move leaves) come first, all at once,
        and the basin of each attractor found is dropped from the search.
        """
        fixed_points = self.fixed_points()
        found = [1 << s for s in members(fixed_points)]
        remaining = self.full & ~self.backward(fixed_points)
        candidates = remaining
        while remaining:
            pivot = candidates & -candidates  # the lowest state among the candidates
            forward = self.forward(pivot)
            backward = self.backward(pivot)
            if forward & ~backward == 0:
                found.append(forward)
            remaining &= ~backward
            candidates = forward & ~backward & remaining or remaining
        return found

    def describe(self, states: int) -> Attractor:
        """The attractor ``states`` as an :class:`Attractor` over every node of the network."""
        size = states.bit_count()
        chars = []
        for node in self.nodes:
            if node in self.fixed:
                chars.append("1" if self.fixed[node] else "0")
            elif states & self.ones[self.position[node]] == 0:
                chars.append("0")
            elif states & ~self.ones[self.position[node]] == 0:
                chars.append("1")
            else:
                chars.append("*")
        pattern = "".join(chars)
        return asynchronous_attractor(
            size, pattern, self.limits.listed_states, lambda: self.state_strings(states, pattern)
        )

    def state_strings(self, states: int, pattern: str) -> list[str]:
        """Every state of the set ``states`` as a string, the fixed nodes as in ``pattern``."""
        columns = [column for column, node in enumerate(self.nodes) if node not in self.fixed]
        template = bytearray(pattern.replace("*", "0"), "ascii")
        strings = []
        for index in members(states):
            for i, column in enumerate(columns):
                template[column] = 48 + ((index >> i) & 1)  # ASCII "0" or "1"
            strings.append(template.decode())
        return strings


def members(states: int) -> list[int]:
    """The states in the set ``states``, in increasing order."""
    return [index for index, bit in enumerate(reversed(f"{states:b}")) if bit == "1"]


def explicit_async_attractors(
    network: Network, fixed: Mapping[str, bool], limits: Limits | None = None
) -> list[Attractor]:
    """Every asynchronous attractor of ``network``, whose nodes outside ``fixed`` are few.

    Parameters
    ----------
    network
        The network.
    fixed
        Node values of a trap space holding every attractor (the percolated
        constants, :func:`percolate_rules`); the search runs on the other
        nodes, ``2**k`` states for ``k`` of them.
    limits
        ``timeout`` and ``memory`` bound the run (memory is checked before
        allocating); ``listed_states`` decides which attractors are listed
        state by state.

    Returns
    -------
    list of Attractor
        In the order found (callers sort).

    Raises
    ------
    LimitError
        When the time or memory budget runs out (the message names it).

    Notes
    -----
    Exact and complete.  Meant for up to ``EXPLICIT_MAX_FREE_NODES`` free
    nodes: memory and time grow as ``2**k``.
    """
    space = _state_space(network, fixed, limits or Limits())
    return [space.describe(states) for states in space.terminal_components()]


def explicit_trap_spaces(
    network: Network, fixed: Mapping[str, bool], kind: str, limits: Limits | None = None
) -> list[str]:
    """The fixed points (``kind="fixed_points"``) or minimal trap spaces of ``network``, as patterns.

    ``fixed`` and ``limits`` as in :func:`explicit_async_attractors`.  The
    fixed points are the states no move leaves.  The smallest trap space
    around a state frees, one at a time, each fixed node that some state of
    the subspace can flip; around any state of an attractor it is the same
    subspace, every minimal trap space is one of these (it holds an
    attractor), and the minimal trap spaces are the minimal ones among them.
    Exact and complete; unsorted.
    """
    space = _state_space(network, fixed, limits or Limits())
    if kind == "fixed_points":
        subspaces = [(0, state) for state in members(space.fixed_points())]
    else:
        around = {space.smallest_trap_space(states & -states) for states in space.terminal_components()}
        subspaces = [
            (free, values)
            for free, values in around
            if not any(other != (free, values) and space.inside(other, (free, values)) for other in around)
        ]
    return [space.pattern(free, values) for free, values in subspaces]


def _state_space(network: Network, fixed: Mapping[str, bool], limits: Limits) -> _StateSpace:
    """The moves of the nodes outside ``fixed``, their memory checked against the budget first."""
    free = [node for node in network.nodes if node not in fixed]
    needed = (3 * len(free) + SETS_IN_USE) << len(free) >> 3  # bytes: 3 sets per node, a few in the search
    if needed > limits.memory:
        raise LimitError(
            f"the state sets of {len(free)} free nodes would take {needed} bytes, "
            f"over the memory budget of {limits.memory / 2**30:.3g} GiB "
            "(raise it with --memory or Limits(memory=...))",
            budget="memory",
        )
    rules = {}
    for node in free:
        expr = network.rule(node).expr
        known = {name: fixed[name] for name in variables(expr) if name in fixed}
        rules[node] = substitute(expr, known) if known else expr
    return _StateSpace(network.nodes, fixed, rules, limits)
