"""Signed interaction graphs: signs from the functions, checked by brute force."""

from __future__ import annotations

import itertools

from conftest import IL6_MODEL
from hypothesis import given, settings
from strategies import networks

from boolnet import parse_rules, read_network
from boolnet.expr import evaluate
from boolnet.graph import Sign, feedback_loops, interaction_graph, regulation_signs
from boolnet.model import Network


def brute_force_signs(network: Network, node: str) -> dict[str, Sign]:
    expr = network.rule(node).expr
    names = list(network.regulators(node))
    signs = {}
    for name in names:
        others = [n for n in names if n != name]
        raises = lowers = False
        for values in itertools.product((False, True), repeat=len(others)):
            state = dict(zip(others, values, strict=True))
            low = evaluate(expr, {**state, name: False})
            high = evaluate(expr, {**state, name: True})
            raises |= high and not low
            lowers |= low and not high
        if raises or lowers:
            signs[name] = Sign.DUAL if raises and lowers else Sign.ACTIVATING if raises else Sign.INHIBITING
    return signs


@settings(max_examples=150, deadline=None)
@given(networks(max_nodes=6))
def test_signs_match_brute_force(network: Network) -> None:
    for node in network.nodes:
        assert regulation_signs(network, node) == brute_force_signs(network, node)


def test_signs_above_the_truth_table_limit_use_bdds() -> None:
    names = [f"r{i}" for i in range(20)]
    rules = [f"{n} = {n}" for n in names] + [
        "t = " + " | ".join(f"({a} & !{b})" for a, b in itertools.pairwise(names))
    ]
    network = parse_rules("\n".join(rules))
    signs = regulation_signs(network, "t")
    assert signs["r0"] is Sign.ACTIVATING and signs["r19"] is Sign.INHIBITING and signs["r5"] is Sign.DUAL


def test_syntactic_regulator_without_effect_draws_no_edge() -> None:
    graph = interaction_graph(parse_rules("a = a\nb = b\nc = a | a & b\n"))
    assert set(graph.predecessors("c")) == {"a"}


def test_il6_graph_and_loops() -> None:
    graph = interaction_graph(read_network(IL6_MODEL))
    assert graph.edges["Anti_IL6", "IL6R"]["sign"] is Sign.INHIBITING
    assert graph.edges["IL6", "IL6R"]["sign"] is Sign.ACTIVATING
    loops = {loop.nodes: loop.sign for loop in feedback_loops(graph)}
    assert loops[("IL6", "IL6R", "gp130", "JAK", "STAT3")] is Sign.ACTIVATING
    assert loops[("Notch3", "Jagged1")] is Sign.ACTIVATING


def test_loop_signs() -> None:
    graph = interaction_graph(parse_rules("a = !b\nb = a\nc = !c\nd = (d & !e) | (!d & e)\ne = e"))
    loops = {loop.nodes: loop.sign for loop in feedback_loops(graph)}
    assert loops == {
        ("c",): Sign.INHIBITING,
        ("d",): Sign.DUAL,
        ("e",): Sign.ACTIVATING,
        ("a", "b"): Sign.INHIBITING,
    }
    assert len(feedback_loops(graph, limit=2)) == 2
