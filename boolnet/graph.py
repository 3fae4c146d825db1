"""The signed interaction graph and its feedback loops.

There is an edge ``x -> y`` when the rule of ``y`` depends on ``x``: some state
changes ``f_y`` when only ``x`` changes.  Its sign is read off the function,
not the syntax: *activating* when raising ``x`` never lowers ``f_y``,
*inhibiting* when it never raises it, and *dual* (both) when it does each in
some context (``x xor z``).  A regulator the rule mentions without any effect
(``b`` in ``a | a & b``) gets no edge.

Signs are computed on the truth table of each rule (``2**k`` rows for ``k``
regulators) up to 16 regulators and with a binary decision diagram (``dd``)
above that, so rules with dozens of regulators stay cheap.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING

import numpy as np

from .engines.vectorized import compile_rule
from .expr import And, Const, Expr, Not, Var
from .model import Network

if TYPE_CHECKING:  # networkx is imported on first use: it doubles the start-up time of every command
    import networkx as nx

__all__ = ["FeedbackLoop", "Sign", "feedback_loops", "interaction_graph", "regulation_signs"]

TRUTH_TABLE_LIMIT = 16


class Sign(StrEnum):
    """The sign of a regulation."""

    ACTIVATING = "+"
    INHIBITING = "-"
    DUAL = "+-"


def _signs_by_truth_table(expr: Expr, regulators: list[str]) -> dict[str, Sign]:
    k = len(regulators)
    rows = np.arange(1 << k, dtype=np.uint32)
    bits = [((rows >> np.uint32(i)) & np.uint32(1)).astype(bool) for i in range(k)]
    table = compile_rule(expr, {name: i for i, name in enumerate(regulators)})(bits)
    signs = {}
    for i, name in enumerate(regulators):
        low = table[~bits[i]]  # rows with the regulator off, in the same order as ...
        high = table[bits[i]]  # ... the rows with it on (they differ in bit i only)
        raises, lowers = bool(np.any(high & ~low)), bool(np.any(low & ~high))
        if raises or lowers:
            signs[name] = Sign.DUAL if raises and lowers else Sign.ACTIVATING if raises else Sign.INHIBITING
    return signs


def _signs_by_bdd(expr: Expr, regulators: list[str]) -> dict[str, Sign]:
    from dd.autoref import BDD

    bdd = BDD()
    bdd.declare(*regulators)

    def build(node: Expr):  # type: ignore[no-untyped-def]
        if isinstance(node, Const):
            return bdd.true if node.value else bdd.false
        if isinstance(node, Var):
            return bdd.var(node.name)
        if isinstance(node, Not):
            return ~build(node.arg)
        parts = [build(arg) for arg in node.args]
        result = parts[0]
        for part in parts[1:]:
            result = result & part if isinstance(node, And) else result | part
        return result

    function = build(expr)
    signs = {}
    for name in regulators:
        low, high = bdd.let({name: False}, function), bdd.let({name: True}, function)
        raises, lowers = (high & ~low) != bdd.false, (low & ~high) != bdd.false
        if raises or lowers:
            signs[name] = Sign.DUAL if raises and lowers else Sign.ACTIVATING if raises else Sign.INHIBITING
    return signs


def regulation_signs(network: Network, node: str) -> dict[str, Sign]:
    """The effective regulators of ``node`` and their signs (regulators without effect are left out).

    Complexity: ``O(k 2**k)`` for ``k <= 16`` regulators, BDD operations above.

    >>> from boolnet.formats import parse_rules
    >>> net = parse_rules("a = a\\nb = b\\nc = (a & !b) | (!a & b)\\nd = a | a & b")
    >>> regulation_signs(net, "c"), regulation_signs(net, "d")
    ({'a': <Sign.DUAL: '+-'>, 'b': <Sign.DUAL: '+-'>}, {'a': <Sign.ACTIVATING: '+'>})
    """
    regulators = list(network.regulators(node))
    expr = network.rule(node).expr
    if not regulators:
        return {}
    if len(regulators) <= TRUTH_TABLE_LIMIT:
        return _signs_by_truth_table(expr, regulators)
    return _signs_by_bdd(expr, regulators)


def interaction_graph(network: Network) -> nx.DiGraph:
    """The signed interaction graph of ``network`` as a networkx ``DiGraph``.

    Nodes are the network's nodes (attribute ``input`` / ``constant`` flags);
    each edge ``x -> y`` has the attribute ``sign`` (a :class:`Sign`) and
    ``monotone`` (False for dual edges).
    """
    import networkx as nx

    graph = nx.DiGraph(name=network.name)
    inputs, constants = set(network.inputs), set(network.constants)
    for node in network.nodes:
        graph.add_node(node, input=node in inputs, constant=node in constants)
    for target in network.nodes:
        for source, sign in regulation_signs(network, target).items():
            graph.add_edge(source, target, sign=sign, monotone=sign is not Sign.DUAL)
    return graph


@dataclass(frozen=True, slots=True)
class FeedbackLoop:
    """A feedback loop (elementary cycle) of the interaction graph.

    ``nodes`` starts at the loop's first node in canonical order; ``sign`` is
    positive for an even number of inhibitions, negative for an odd number,
    and dual when an edge of the loop is dual.
    """

    nodes: tuple[str, ...]
    sign: Sign

    @property
    def length(self) -> int:
        """The number of edges (= nodes) on the loop."""
        return len(self.nodes)


def feedback_loops(
    graph: nx.DiGraph, *, max_length: int | None = None, limit: int | None = None
) -> list[FeedbackLoop]:
    """The shortest feedback loops of a signed interaction graph, shortest first.

    The number of loops can grow exponentially with the graph, so loops are
    collected by increasing length (at most ``max_length`` nodes) until
    ``limit`` are found; the result is the ``limit`` shortest loops (ties in
    networkx's enumeration order).
    """
    order = {node: i for i, node in enumerate(graph.nodes)}
    import networkx as nx

    longest = max_length if max_length is not None else graph.number_of_nodes()
    found: list[FeedbackLoop] = []
    for length in range(1, longest + 1):
        if limit is not None and len(found) >= limit:
            break
        same_length = []
        for cycle in nx.simple_cycles(graph, length_bound=length):
            if len(cycle) == length:
                same_length.append(_loop(graph, cycle, order))
                if limit is not None and len(found) + len(same_length) >= limit:
                    break
        same_length.sort(key=lambda loop: [order[n] for n in loop.nodes])
        found += same_length
    return found


def _loop(graph: nx.DiGraph, cycle: list[str], order: dict[str, int]) -> FeedbackLoop:
    start = min(range(len(cycle)), key=lambda i: order[cycle[i]])
    nodes = tuple(cycle[start:] + cycle[:start])
    signs = [graph.edges[a, b]["sign"] for a, b in itertools.pairwise((*nodes, nodes[0]))]
    if Sign.DUAL in signs:
        return FeedbackLoop(nodes, Sign.DUAL)
    return FeedbackLoop(nodes, Sign.INHIBITING if signs.count(Sign.INHIBITING) % 2 else Sign.ACTIVATING)
