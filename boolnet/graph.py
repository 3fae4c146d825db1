"""The signed interaction graph and its feedback loops.

There is an edge ``x -> y`` when the rule of ``y`` depends on ``x``: some state
changes ``f_y`` when only ``x`` changes.  Its sign is read off the function,
not the syntax: *activating* when raising ``x`` never lowers ``f_y``,
*inhibiting* when it never raises it, and *dual* (both) when it does each in
some context (``x xor z``).  A regulator the rule mentions without any effect
(``b`` in ``a | a & b``) gets no edge.

Signs are read off the syntax where that is exact (a literal, or one
conjunction or disjunction of literals: the shape of rules with hundreds of
regulators), otherwise computed on the truth table of the rule (``2**k`` rows
for ``k`` regulators) up to 16 regulators and with a binary decision diagram
(``dd``) above that, so rules with dozens of regulators stay cheap.  Every
walk over a rule is iterative, so no rule is too long or too deep.
"""

from __future__ import annotations

import itertools
from enum import StrEnum
from typing import TYPE_CHECKING

from .engines.bitsets import truth_table, variable_sets
from .expr import And, Const, Expr, Not, Or, Var, fold
from .frozen import Frozen
from .model import Network

if TYPE_CHECKING:  # networkx is imported on first use: it doubles the start-up time of every command
    import networkx as nx

    from .engines.rulebdd import Function

__all__ = ["FeedbackLoop", "Sign", "feedback_loops", "interaction_graph", "regulation_signs"]

TRUTH_TABLE_LIMIT = 16


class Sign(StrEnum):
    """The sign of a regulation."""

    ACTIVATING = "+"
    INHIBITING = "-"
    DUAL = "+-"


def _sign(raises: bool, lowers: bool) -> Sign | None:
    """The sign of a regulator that raises and/or lowers the target in some context (None: neither)."""
    if raises and lowers:
        return Sign.DUAL
    if raises:
        return Sign.ACTIVATING
    return Sign.INHIBITING if lowers else None


def _literal(node: Expr) -> tuple[str, bool] | None:
    """``(name, positive)`` when ``node`` is a variable or a negated one."""
    if isinstance(node, Var):
        return node.name, True
    if isinstance(node, Not) and isinstance(node.arg, Var):
        return node.arg.name, False
    return None


def _signs_by_syntax(expr: Expr) -> dict[str, Sign] | None:
    """The signs of a literal, or of a conjunction or disjunction of literals, possibly negated.

    Exact: in ``l1 & l2 & ... & lk`` (or ``|``) over distinct variables each
    variable decides the value when the other literals are made true (false),
    with the sign of its literal; a variable that occurs both plain and
    negated makes the rule constant (``a & !a``), with no regulator.  None for
    any other shape, which needs the function's semantics.
    """
    negated = False
    while isinstance(expr, Not) and not isinstance(expr.arg, Var):
        expr, negated = expr.arg, not negated
    literals = [_literal(arg) for arg in expr.args] if isinstance(expr, And | Or) else [_literal(expr)]
    polarity: dict[str, bool] = {}
    for literal in literals:
        if literal is None:
            return None
        name, positive = literal
        if polarity.setdefault(name, positive) != positive:
            return {}
    sign = {True: Sign.ACTIVATING, False: Sign.INHIBITING}
    return {name: sign[positive != negated] for name, positive in polarity.items()}


def _signs_by_truth_table(expr: Expr, regulators: list[str]) -> dict[str, Sign]:
    """Signs from the truth table as one integer of ``2**k`` bits (row ``s`` is bit ``s``)."""
    ones = variable_sets(len(regulators))
    full = (1 << (1 << len(regulators))) - 1
    table = truth_table(expr, dict(zip(regulators, ones, strict=True)), full)
    signs = {}
    for i, name in enumerate(regulators):
        low = table & ~ones[i]  # rows with the regulator off where the rule holds, and ...
        high = (table & ones[i]) >> (1 << i)  # ... the same rows with it on (they differ in bit i only)
        sign = _sign(bool(high & ~low), bool(low & ~high))
        if sign is not None:
            signs[name] = sign
    return signs


def _polarities(expr: Expr) -> dict[str, set[bool]]:
    """Per variable, whether it occurs under an even (True) and/or odd (False) number of negations."""
    found: dict[str, set[bool]] = {}
    stack: list[tuple[Expr, bool]] = [(expr, True)]
    while stack:
        node, positive = stack.pop()
        if isinstance(node, Var):
            found.setdefault(node.name, set()).add(positive)
        elif isinstance(node, Not):
            stack.append((node.arg, not positive))
        elif isinstance(node, And | Or):
            stack.extend((arg, positive) for arg in node.args)
    return found


def _signs_by_bdd(expr: Expr, regulators: list[str]) -> dict[str, Sign]:
    """Signs from the rule's BDD: CUDD through ``dd.cudd`` where installed, else ``dd.autoref``.

    A regulator that occurs with one polarity only (never negated, or always)
    can only act with that sign, so one comparison of its two cofactors
    decides it; the others need both differences.
    """
    from .engines.rulebdd import deep_recursion, new_manager

    manager = new_manager(regulators)

    def combine(node: And | Or, parts: list[Function]) -> Function:
        result = parts[0]
        for part in parts[1:]:
            result = result & part if isinstance(node, And) else result | part
        return result

    def leaf(node: Const | Var) -> Function:
        if isinstance(node, Var):
            return manager.var(node.name)
        return manager.true if node.value else manager.false

    signs = {}
    with deep_recursion(len(regulators)):  # dd.autoref recurses once or twice per BDD level
        function = fold(expr, leaf, lambda node, arg: ~arg, combine)
        polarities = _polarities(expr)
        for name in regulators:
            low, high = manager.let({name: False}, function), manager.let({name: True}, function)
            if low == high:  # no effect (BDDs are canonical)
                continue
            if len(polarities[name]) == 1:  # it acts, and only with the sign of its occurrences
                signs[name] = Sign.ACTIVATING if True in polarities[name] else Sign.INHIBITING
                continue
            sign = _sign((high & ~low) != manager.false, (low & ~high) != manager.false)
            if sign is not None:
                signs[name] = sign
    return signs


def regulation_signs(network: Network, node: str) -> dict[str, Sign]:
    """The effective regulators of ``node`` and their signs (regulators without effect are left out).

    Complexity: linear in the rule for a literal or a conjunction or
    disjunction of literals (the shape of most rules with hundreds of
    regulators); otherwise ``O(k 2**k)`` for ``k <= 16`` regulators, and BDD
    operations above.  Exact in every case.

    >>> from boolnet.formats import parse_rules
    >>> net = parse_rules("a = a\\nb = b\\nc = (a & !b) | (!a & b)\\nd = a | a & b")
    >>> regulation_signs(net, "c"), regulation_signs(net, "d")
    ({'a': <Sign.DUAL: '+-'>, 'b': <Sign.DUAL: '+-'>}, {'a': <Sign.ACTIVATING: '+'>})
    """
    regulators = list(network.regulators(node))
    expr = network.rule(node).expr
    if not regulators:
        return {}
    signs = _signs_by_syntax(expr)
    if signs is not None:
        return {name: signs[name] for name in regulators if name in signs}
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


class FeedbackLoop(Frozen):
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
