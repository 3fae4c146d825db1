"""Random networks and a brute-force synchronous oracle for the synchronous engine tests.

The oracle is deliberately naive and independent of every engine: its own
recursive evaluator, an explicit successor dict over all ``2**n`` states,
cycles found by walking, and basins by following every trajectory.
"""

from __future__ import annotations

from dataclasses import dataclass

from hypothesis import strategies as st

from boolnet.expr import And, Const, Expr, Not, Or, Var
from boolnet.model import Network, Rule


def _value(expr: Expr, state: dict[str, bool]) -> bool:
    if isinstance(expr, Const):
        return expr.value
    if isinstance(expr, Var):
        return state[expr.name]
    if isinstance(expr, Not):
        return not _value(expr.arg, state)
    if isinstance(expr, And):
        return all(_value(arg, state) for arg in expr.args)
    return any(_value(arg, state) for arg in expr.args)


def successor_dict(network: Network) -> dict[int, int]:
    """Every state's synchronous successor (bit ``i`` is node ``i``)."""
    nodes = network.nodes
    table = {}
    for state in range(1 << len(nodes)):
        values = {node: bool(state >> i & 1) for i, node in enumerate(nodes)}
        table[state] = sum(1 << i for i, rule in enumerate(network.rules) if _value(rule.expr, values))
    return table


def as_string(state: int, size: int) -> str:
    return "".join("1" if state >> i & 1 else "0" for i in range(size))


@dataclass(frozen=True)
class OracleAttractor:
    states: tuple[str, ...]  # visiting order, starting from the least state (as an integer)
    basin: int


def sync_oracle(network: Network) -> list[OracleAttractor]:
    """Every synchronous attractor with its basin, sorted like the engines sort them."""
    size = len(network)
    successor = successor_dict(network)
    owner: dict[int, int] = {}
    cycles: list[list[int]] = []
    for start in successor:
        # walk until a state repeats; the repeated part is a cycle
        seen: list[int] = []
        state = start
        while state not in seen and state not in owner:
            seen.append(state)
            state = successor[state]
        if state in owner:
            continue
        cycle = seen[seen.index(state) :]
        first = cycle.index(min(cycle))
        cycle = cycle[first:] + cycle[:first]
        for member in cycle:
            owner[member] = len(cycles)
        cycles.append(cycle)
    basins = [0] * len(cycles)
    for start in successor:
        state = start
        while state not in owner:
            state = successor[state]
        basins[owner[state]] += 1
    found = [
        OracleAttractor(tuple(as_string(s, size) for s in cycle), basin)
        for cycle, basin in zip(cycles, basins, strict=True)
    ]
    return sorted(found, key=lambda a: (pattern_of(a.states), a.states[0]))


def pattern_of(states: tuple[str, ...]) -> str:
    return "".join(column[0] if len(set(column)) == 1 else "*" for column in zip(*states, strict=True))


def _expressions(names: list[str]) -> st.SearchStrategy[Expr]:
    leaves: st.SearchStrategy[Expr] = st.one_of(
        st.sampled_from([Var(n) for n in names]),
        st.sampled_from([Var(n) for n in names]).map(Not),
        st.sampled_from([Const(False), Const(True)]),
    )

    def extend(children: st.SearchStrategy[Expr]) -> st.SearchStrategy[Expr]:
        return st.one_of(
            st.builds(Not, children),
            st.builds(lambda args: And(tuple(args)), st.lists(children, min_size=2, max_size=4)),
            st.builds(lambda args: Or(tuple(args)), st.lists(children, min_size=2, max_size=4)),
        )

    return st.recursive(leaves, extend, max_leaves=8)


@st.composite
def sync_networks(draw: st.DrawFn, min_nodes: int = 1, max_nodes: int = 8) -> Network:
    """Random networks: arbitrary rules, plus inputs, constants and contradictions (``a & !a``).

    The special rules make constant percolation, syntactic and semantic,
    do real work.
    """
    size = draw(st.integers(min_nodes, max_nodes))
    names = [f"x{i}" for i in range(size)]
    rules = []
    for name in names:
        kind = draw(st.integers(0, 19))
        if kind == 0:
            expr: Expr = Var(name)  # an input
        elif kind == 1:
            expr = Const(draw(st.booleans()))
        elif kind == 2:
            other = Var(draw(st.sampled_from(names)))
            expr = And((other, Not(other)))  # constant 0, not syntactically
        else:
            expr = draw(_expressions(names))
        rules.append(Rule(name, expr))
    return Network(tuple(rules))
