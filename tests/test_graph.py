"""Signed interaction graphs: signs from the functions, checked by brute force."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from contextlib import contextmanager, nullcontext
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import IL6_MODEL
from hypothesis import given, settings
from hypothesis import strategies as st
from strategies import expressions, networks

from boolnet import parse_rules, read_network
from boolnet.cli import main
from boolnet.engines import rulebdd
from boolnet.expr import And, Expr, Not, Or, Var, evaluate, variables
from boolnet.graph import (
    Sign,
    _signs_by_bdd,
    _signs_by_syntax,
    _signs_by_truth_table,
    feedback_loops,
    interaction_graph,
    regulation_signs,
)
from boolnet.model import Network, Rule


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


# -- each way of computing signs against brute force, and rules with a thousand regulators --------


def brute_force_expr_signs(expr: Expr) -> dict[str, Sign]:
    inputs = tuple(Rule(name, Var(name)) for name in sorted(variables(expr)))
    return brute_force_signs(Network((Rule("target", expr), *inputs)), "target")


def literal_rules(names: list[str]) -> st.SearchStrategy[Expr]:
    """Literals, and conjunctions or disjunctions of literals, perhaps negated: the syntactic shape."""
    literals = st.sampled_from(names).flatmap(lambda name: st.sampled_from([Var(name), Not(Var(name))]))
    flat = st.one_of(
        literals,
        st.lists(literals, min_size=2, max_size=6).map(lambda args: And(tuple(args))),
        st.lists(literals, min_size=2, max_size=6).map(lambda args: Or(tuple(args))),
    )
    return st.tuples(flat, st.integers(0, 3)).map(lambda pair: negations(pair[1], pair[0]))


def negations(count: int, expr: Expr) -> Expr:
    for _ in range(count):
        expr = Not(expr)
    return expr


NAMES = ["a", "b", "c", "d", "e"]


@settings(max_examples=300, deadline=None)
@given(st.one_of(literal_rules(NAMES), expressions(NAMES, max_leaves=8)))
def test_every_way_to_sign_agrees_with_brute_force(expr: Expr) -> None:
    expected = brute_force_expr_signs(expr)
    regulators = sorted(variables(expr))
    syntactic = _signs_by_syntax(expr)
    assert syntactic is None or syntactic == expected
    if regulators:
        assert _signs_by_truth_table(expr, regulators) == expected
        assert _signs_by_bdd(expr, regulators) == expected


@settings(max_examples=100, deadline=None)
@given(literal_rules(NAMES))
def test_sums_and_products_of_literals_are_signed_by_syntax(expr: Expr) -> None:
    assert _signs_by_syntax(expr) == brute_force_expr_signs(expr)


@settings(max_examples=50, deadline=None)
@given(expressions(NAMES, max_leaves=8))
def test_the_pure_python_bdds_agree_too(expr: Expr) -> None:
    regulators = sorted(variables(expr))
    if regulators:
        with autoref_bdds():
            assert _signs_by_bdd(expr, regulators) == brute_force_expr_signs(expr)


@contextmanager
def autoref_bdds() -> Iterator[None]:
    """Build BDDs with the pure-Python dd.autoref, as where dd comes without CUDD."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(rulebdd, "backend", lambda: "autoref")
        yield


def wide_network(rule: str, count: int) -> Network:
    return parse_rules(f"A = {rule}\n" + "".join(f"X{i} = X{i}\n" for i in range(count)))


def test_a_product_of_a_thousand_regulators() -> None:
    product = wide_network(" & ".join(f"X{i}" for i in range(1000)), 1000)
    assert regulation_signs(product, "A") == {f"X{i}": Sign.ACTIVATING for i in range(1000)}
    mixed = wide_network(" | ".join(f"!X{i}" if i % 3 else f"X{i}" for i in range(1000)), 1000)
    signs = regulation_signs(mixed, "A")
    assert len(signs) == 1000 and signs["X0"] is Sign.ACTIVATING and signs["X1"] is Sign.INHIBITING
    negated = wide_network("!(" + " & ".join(f"X{i}" for i in range(1000)) + ")", 1000)
    assert set(regulation_signs(negated, "A").values()) == {Sign.INHIBITING}
    assert (
        regulation_signs(
            wide_network("X0 & X1 & !X0 & " + " & ".join(f"X{i}" for i in range(2, 1000)), 1000), "A"
        )
        == {}
    )


@pytest.mark.parametrize("count", [1000, 400])
def test_a_thousand_regulators_beyond_syntax_use_bdds(count: int) -> None:
    # (X0 | !X1) & (X2 | !X3) & ... & X0 ^ X2: not a sum or product of literals
    clauses = " & ".join(f"(X{i} | !X{i + 1})" for i in range(0, count, 2))
    network = wide_network(f"({clauses}) & ((X0 & !X2) | (!X0 & X2))", count)
    with autoref_bdds() if count < 1000 else nullcontext():  # the pure-Python BDDs are slower
        signs = regulation_signs(network, "A")
    assert signs == {
        f"X{i}": Sign.DUAL if i in (0, 2) else Sign.ACTIVATING if i % 2 == 0 else Sign.INHIBITING
        for i in range(count)
    }


def test_the_cli_draws_a_rule_with_a_thousand_regulators(tmp_path: Path) -> None:
    path = tmp_path / "wide.txt"
    path.write_text(
        f"A = {' & '.join(f'X{i}' for i in range(1000))}\n" + "".join(f"X{i} = X{i}\n" for i in range(1000))
    )
    info = CliRunner().invoke(main, ["info", str(path)], catch_exceptions=False)
    assert info.exit_code == 0, info.output
    assert "regulations 2000: 2000 activating, 0 inhibiting, 0 dual\n" in info.stdout
    graph = CliRunner().invoke(main, ["graph", str(path), "--format", "sif"], catch_exceptions=False)
    assert graph.exit_code == 0
    assert sorted(graph.stdout.splitlines()) == sorted(
        [f"X{i}\tactivates\tA" for i in range(1000)] + [f"X{i}\tactivates\tX{i}" for i in range(1000)]
    )
