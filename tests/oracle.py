"""A brute-force attractor oracle, independent of every engine.

It builds the explicit state transition graph state by state with
:func:`boolnet.expr.evaluate` (the reference evaluator, not the compiled
numpy form) and takes networkx's attracting components.  Slow by design;
use it on networks of up to ~10 nodes.
"""

from __future__ import annotations

import itertools

import networkx as nx

from boolnet.expr import evaluate
from boolnet.model import Network


def all_states(network: Network) -> list[str]:
    return ["".join(bits) for bits in itertools.product("01", repeat=len(network))]


def next_values(network: Network, state: str) -> str:
    values = {node: char == "1" for node, char in zip(network.nodes, state, strict=True)}
    return "".join("1" if evaluate(rule.expr, values) else "0" for rule in network.rules)


def state_graph(network: Network, update: str) -> nx.DiGraph:
    graph = nx.DiGraph()
    for state in all_states(network):
        graph.add_node(state)
        target = next_values(network, state)
        if update == "synchronous":
            graph.add_edge(state, target)
        else:
            for i, (now, then) in enumerate(zip(state, target, strict=True)):
                if now != then:
                    graph.add_edge(state, state[:i] + then + state[i + 1 :])
    return graph


def attractor_sets(network: Network, update: str) -> set[frozenset[str]]:
    """Every attractor as a frozenset of state strings."""
    graph = state_graph(network, update)
    return {frozenset(component) for component in nx.attracting_components(graph)}


def sync_basins(network: Network) -> dict[frozenset[str], int]:
    """For synchronous updating, the number of states whose trajectory ends in each attractor."""
    graph = state_graph(network, "synchronous")
    owner = {}
    for component in nx.attracting_components(graph):
        for state in component:
            owner[state] = frozenset(component)
    basins: dict[frozenset[str], int] = {}
    for state in graph.nodes:
        seen = state
        while seen not in owner:
            seen = next(iter(graph.successors(seen)))
        basins[owner[seen]] = basins.get(owner[seen], 0) + 1
    return basins
