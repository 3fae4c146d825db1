"""Brute-force oracles for the trap-space and symbolic engine tests: explicit state graphs and all 3^n subspaces."""

from __future__ import annotations

import itertools

import networkx as nx

from boolnet.expr import evaluate
from boolnet.model import Network


def states(size: int) -> list[tuple[int, ...]]:
    """Every state as a tuple of 0/1, node i at position i."""
    return list(itertools.product((0, 1), repeat=size))


def successor_values(network: Network, state: tuple[int, ...]) -> tuple[int, ...]:
    """The value of every rule in ``state``."""
    mapping = {node: bool(value) for node, value in zip(network.nodes, state, strict=True)}
    return tuple(int(evaluate(rule.expr, mapping)) for rule in network.rules)


def async_attractors(network: Network) -> set[frozenset[str]]:
    """The asynchronous attractors as sets of state strings (networkx attracting components)."""
    graph = nx.DiGraph()
    for state in states(len(network)):
        graph.add_node(state)
        values = successor_values(network, state)
        for i, value in enumerate(values):
            if value != state[i]:
                graph.add_edge(state, (*state[:i], value, *state[i + 1 :]))
    return {
        frozenset("".join(map(str, s)) for s in component) for component in nx.attracting_components(graph)
    }


def fixed_points(network: Network) -> set[str]:
    """States equal to their own rule values."""
    return {"".join(map(str, s)) for s in states(len(network)) if successor_values(network, s) == s}


def trap_spaces(network: Network) -> set[str]:
    """Every trap space pattern, by checking all 3^n subspaces against all their states."""
    size = len(network)
    table = {s: successor_values(network, s) for s in states(size)}
    found = set()
    for pattern in itertools.product("01*", repeat=size):
        members = [s for s in table if all(p == "*" or int(p) == v for p, v in zip(pattern, s, strict=True))]
        if all(table[s][i] == int(p) for s in members for i, p in enumerate(pattern) if p != "*"):
            found.add("".join(pattern))
    return found


def inside(small: str, big: str) -> bool:
    """True when subspace ``small`` is contained in subspace ``big``."""
    return all(b in ("*", s) for s, b in zip(small, big, strict=True))


def minimal_trap_spaces(network: Network) -> set[str]:
    """Trap spaces containing no other trap space."""
    spaces = trap_spaces(network)
    return {t for t in spaces if not any(u != t and inside(u, t) for u in spaces)}


def maximal_trap_spaces(network: Network) -> set[str]:
    """Trap spaces other than the full space contained in no other such one."""
    full = "*" * len(network)
    spaces = trap_spaces(network) - {full}
    return {t for t in spaces if not any(u != t and inside(t, u) for u in spaces)}
