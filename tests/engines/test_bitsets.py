"""Truth tables and state sets as integers: the percolation and search of small cores."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest
from bruteforce import async_attractors
from conftest import corpus_params
from hypothesis import given, settings
from hypothesis import strategies as st
from strategies import expressions, networks

from boolnet import Limits, parse_rules, read_network
from boolnet.engines import bitsets
from boolnet.engines.bitsets import (
    explicit_async_attractors,
    percolate_rules,
    truth_table,
    variable_sets,
)
from boolnet.engines.percolation import percolate
from boolnet.engines.rulebdd import new_manager, rule_bdds
from boolnet.expr import Expr, evaluate
from boolnet.model import Network


@pytest.mark.parametrize("count", range(7))
def test_variable_sets_hold_the_states_where_each_node_is_one(count: int) -> None:
    sets = variable_sets(count)
    for i, states in enumerate(sets):
        assert states < 1 << (1 << count)
        assert all((states >> s) & 1 == (s >> i) & 1 for s in range(1 << count))


NAMES = ["a", "b", "c", "d"]


@settings(max_examples=200, deadline=None)
@given(expressions(NAMES, max_leaves=8))
def test_truth_tables_agree_with_evaluation(expr: Expr) -> None:
    sets = dict(zip(NAMES, variable_sets(len(NAMES)), strict=True))
    table = truth_table(expr, sets, (1 << 16) - 1)
    for s, values in enumerate(itertools.product([False, True], repeat=4)):
        state = dict(zip(NAMES, reversed(values), strict=True))  # bit i of s is NAMES[i]
        assert (table >> s) & 1 == evaluate(expr, state)


def bdd_percolation(network: Network) -> dict[str, bool]:
    names = {node: f"x{i}" for i, node in enumerate(network.nodes)}
    manager = new_manager(list(names.values()))
    return percolate(manager, rule_bdds(network, manager, names), names)


@settings(max_examples=200, deadline=None)
@given(networks(max_nodes=8))
def test_percolation_agrees_with_the_bdd_percolation(network: Network) -> None:
    assert percolate_rules(network) == bdd_percolation(network)


@pytest.mark.parametrize("path", corpus_params("bbm-inputs-fixed", max_nodes=120))
def test_percolation_agrees_with_the_bdd_percolation_on_the_corpus(path: Path) -> None:
    network = read_network(path)
    assert percolate_rules(network) == bdd_percolation(network)


def test_percolation_is_semantic() -> None:
    # b & !b is 0 without a constant in sight; a | !a is 1
    network = parse_rules("a = b & !b\nb = c\nc = c\nd = a | e\ne = e | !e\nf = d & c")
    assert percolate_rules(network) == {"a": False, "e": True, "d": True}


@settings(max_examples=100, deadline=None)
@given(networks(max_nodes=7), st.integers(0, 2))
def test_weaker_percolation_gives_the_same_attractors(network: Network, semantic: int) -> None:
    # rules with more free regulators than the semantic test reads are fixed only when they fold
    # to a constant: more nodes stay free, and the search over them finds the same attractors
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(bitsets, "SEMANTIC_MAX_REGULATORS", semantic)
        fixed = percolate_rules(network)
    assert fixed.items() <= bdd_percolation(network).items()
    found = explicit_async_attractors(network, fixed)
    assert {frozenset(a.states or ()) for a in found} == async_attractors(network)


def test_a_network_fixed_by_percolation_is_its_own_fixed_point() -> None:
    network = parse_rules("a = 1\nb = a & !c\nc = 0")
    fixed = percolate_rules(network)
    assert fixed == {"a": True, "b": True, "c": False}
    [attractor] = explicit_async_attractors(network, fixed)
    assert (attractor.pattern, attractor.size, attractor.states) == ("110", 1, ("110",))


def test_large_attractors_keep_exact_size_and_pattern_without_states() -> None:
    network = parse_rules("\n".join(f"t{i} = !t{i}" for i in range(10)) + "\nz = 0")
    [attractor] = explicit_async_attractors(network, percolate_rules(network), Limits(listed_states=1023))
    assert (attractor.pattern, attractor.size, attractor.states) == ("*" * 10 + "0", 1024, None)
