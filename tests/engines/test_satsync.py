"""The SAT synchronous engine against the brute-force oracle, the exhaustive engine and the corpus."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest
from conftest import corpus_params
from hypothesis import given, settings
from hypothesis import strategies as st
from strategies_sync import successor_dict, sync_networks, sync_oracle

from boolnet import LimitError, Limits, parse_rules, read_network
from boolnet.engines import exhaustive
from boolnet.engines.rulecnf import cover_clauses, isop, truth_table, tseitin_clauses
from boolnet.engines.satsync import ENGINE, find_sync_cycles, percolate_constants
from boolnet.expr import And, Expr, Not, Or, Var, evaluate
from boolnet.model import Network
from boolnet.update import Update

pytest.importorskip("pysat")

SYNC = Update.SYNCHRONOUS


def sat_view(
    network: Network, limits: Limits | None = None
) -> list[tuple[str, int, str, tuple[str, ...] | None]]:
    result = ENGINE.run(network, SYNC, limits or Limits())
    assert result.complete and result.engine == "sat"
    assert all(a.basin is None for a in result.attractors)
    return [(a.kind.value, a.size, a.pattern, a.states) for a in result.attractors]


def exhaustive_view(network: Network) -> list[tuple[str, int, str, tuple[str, ...] | None]]:
    result = exhaustive.ENGINE.run(network, SYNC, Limits())
    return [(a.kind.value, a.size, a.pattern, a.states) for a in result.attractors]


@settings(max_examples=250, deadline=None)
@given(sync_networks(max_nodes=8))
def test_matches_the_brute_force_oracle(network: Network) -> None:
    expected = [a.states for a in sync_oracle(network)]
    assert [states for *_, states in sat_view(network)] == expected


def test_classics() -> None:
    toggle = parse_rules("a = !b\nb = !a")
    assert sat_view(toggle) == [
        ("cycle", 2, "**", ("00", "11")),
        ("fixed_point", 1, "01", ("01",)),
        ("fixed_point", 1, "10", ("10",)),
    ]
    assert sat_view(parse_rules("a = !a")) == [("cycle", 2, "*", ("0", "1"))]
    assert sat_view(parse_rules("a = !b\nb = a")) == [("cycle", 4, "**", ("00", "10", "11", "01"))]


def test_long_cycles_and_transients_need_deep_unrolling() -> None:
    # a 5-bit counter: one cycle of 32 states, reached after a 10-step delay chain
    bits = [f"b{i}" for i in range(5)]
    rules = ["b0 = !b0"]
    for i in range(1, 5):
        carry = " & ".join(bits[:i])
        rules.append(f"b{i} = b{i} & !({carry}) | !b{i} & {carry}")
    rules += ["d0 = b4"] + [f"d{i} = d{i - 1}" for i in range(1, 10)]
    network = parse_rules("\n".join(rules))
    ((kind, size, pattern, states),) = sat_view(network)
    assert (kind, size, pattern) == ("cycle", 32, "*" * 15)
    assert [states] == [a.states for a in sync_oracle(network)]


def test_a_ring_has_one_attractor_per_necklace() -> None:
    # x_i = x_(i+1) rotates the state: all 2**6 states lie on cycles, one per necklace (14 of them)
    ring = parse_rules("\n".join(f"x{i} = x{(i + 1) % 6}" for i in range(6)))
    assert sat_view(ring) == exhaustive_view(ring)
    assert len(sat_view(ring)) == 14


@settings(max_examples=100, deadline=None)
@given(sync_networks(max_nodes=8))
def test_percolated_values_hold_in_every_attractor_state(network: Network) -> None:
    fixed, free = percolate_constants(network)
    assert set(fixed) | set(free) == set(network.nodes) and not set(fixed) & set(free)
    for attractor in sync_oracle(network):
        for state in attractor.states:
            for node, value in fixed.items():
                assert state[network.index(node)] == ("1" if value else "0")


def test_percolation_is_semantic_for_small_rules() -> None:
    network = parse_rules("a = b & !b\nb = b\nc = a | d\nd = !c & c")
    fixed, free = percolate_constants(network)
    assert fixed == {"a": False, "d": False, "c": False}
    assert list(free) == ["b"]


def test_a_network_of_constants_has_one_fixed_point() -> None:
    network = parse_rules("a = 1\nb = a & !c\nc = 0")
    assert find_sync_cycles(network, Limits()) == [[0b011]]
    assert sat_view(network) == [("fixed_point", 1, "110", ("110",))]


def test_timeout_names_the_budget() -> None:
    ring = parse_rules(
        "\n".join(f"x{i} = x{(i + 1) % 40} | x{(i + 7) % 40} & !x{(i + 3) % 40}" for i in range(40))
    )
    with pytest.raises(LimitError, match=r"time budget of 1e-09 s") as caught:
        ENGINE.run(ring, SYNC, Limits(timeout=1e-9))
    assert caught.value.budget == "timeout"


def test_memory_budget_bounds_the_unrolling() -> None:
    network = parse_rules("\n".join(f"x{i} = x{(i + 1) % 30} & !x{(i + 2) % 30}" for i in range(30)))
    with pytest.raises(LimitError, match="memory budget") as caught:
        ENGINE.run(network, SYNC, Limits(memory=2000))
    assert caught.value.budget == "memory"


# -- the clause encodings -------------------------------------------------------------------


def small_expressions(names: list[str]) -> st.SearchStrategy[Expr]:
    leaves = st.sampled_from([Var(n) for n in names])
    return st.recursive(
        leaves,
        lambda children: st.one_of(
            st.builds(Not, children),
            st.builds(lambda args: And(tuple(args)), st.lists(children, min_size=2, max_size=3)),
            st.builds(lambda args: Or(tuple(args)), st.lists(children, min_size=2, max_size=3)),
        ),
        max_leaves=10,
    )


NAMES = ["a", "b", "c", "d", "e"]


@settings(max_examples=200, deadline=None)
@given(small_expressions(NAMES))
def test_isop_covers_are_exact(expr: Expr) -> None:
    table = truth_table(expr)
    for negate in (False, True):
        cover = isop(table, negate=negate)
        for row in range(1 << len(table.inputs)):
            values = {name: bool(row >> j & 1) for j, name in enumerate(table.inputs)}
            covered = any(
                all((code > 0) == values[table.inputs[abs(code) - 1]] for code in cube) for cube in cover
            )
            assert covered == (evaluate(expr, values) != negate)


@settings(max_examples=150, deadline=None)
@given(small_expressions(NAMES), st.booleans())
def test_clauses_hold_exactly_when_the_output_equals_the_rule(expr: Expr, by_table: bool) -> None:
    literal = {name: i + 2 for i, name in enumerate(NAMES)}  # variable 1 is the output
    top = [1 + len(NAMES)]

    def fresh() -> int:
        top[0] += 1
        return top[0]

    clauses = (
        cover_clauses(1, truth_table(expr), literal) if by_table else tseitin_clauses(1, expr, literal, fresh)
    )
    gates = list(range(len(NAMES) + 2, top[0] + 1))
    for row in itertools.product([False, True], repeat=len(NAMES) + 1):
        values = dict(zip(NAMES, row[1:], strict=True))
        assignment = {1: row[0], **{literal[n]: v for n, v in values.items()}}
        # satisfiable for some gate values exactly when the output is right
        satisfiable = (
            any(
                all(
                    any(({**assignment, **dict(zip(gates, g, strict=True))})[abs(x)] == (x > 0) for x in c)
                    for c in clauses
                )
                for g in itertools.product([False, True], repeat=len(gates))
            )
            if len(gates) <= 8
            else None
        )
        if satisfiable is not None:
            assert satisfiable == (row[0] == evaluate(expr, values))


# -- the corpus -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "path", corpus_params("bbm-inputs-fixed", max_nodes=20) + corpus_params("bbm", max_nodes=20)
)
def test_agrees_with_the_exhaustive_engine_on_the_corpus(path: Path | None) -> None:
    assert path is not None
    network = read_network(path)
    assert sat_view(network) == exhaustive_view(network)


LARGE = [
    "bbm-222-TEMPORAL-PROTEIN-EXPRESSION",
    "bbm-195-CTLA4-PD1-CHECKPOINT-INHIBITORS",
    "bbm-124-NSP9-PROTEIN",
    "bbm-247-MAMMALIAN-EPIDERMIS",
    "bbm-221-MYCOBACTERIAL-LATENCY",
    "bbm-261-SARS-COV-2-HOST-INTERACTION",
]


def large_params() -> list[object]:
    params = corpus_params("bbm-inputs-fixed", max_nodes=2000, min_nodes=200)
    chosen = [p for p in params if getattr(p, "id", "").removesuffix("-inputs-fixed") in LARGE]
    return chosen or params  # the skipped placeholder when the corpus is absent


@pytest.mark.parametrize("path", large_params())
def test_large_corpus_models_give_true_cycles_and_the_fixed_points(path: Path | None) -> None:
    assert path is not None
    network = read_network(path)
    result = ENGINE.run(network, SYNC, Limits(timeout=120))
    nodes = network.nodes
    for attractor in result.attractors:
        states = attractor.states or ()
        assert len(states) == attractor.size
        for here, there in zip(states, states[1:] + states[:1], strict=True):
            values = {node: char == "1" for node, char in zip(nodes, here, strict=True)}
            step = "".join("1" if evaluate(rule.expr, values) else "0" for rule in network.rules)
            assert step == there
    # the fixed points must be those of an independent solver when one is available
    trapspaces = pytest.importorskip("boolnet.engines.trapspaces")
    expected = {space.pattern for space in trapspaces.find_fixed_points(network)}
    assert {a.pattern for a in result.attractors if a.is_fixed_point} == expected


def test_oracle_successors_agree_with_the_exhaustive_successors() -> None:
    network = parse_rules("a = b | !c\nb = a & c\nc = !a")
    successors = exhaustive.successors_sync(network)
    assert successor_dict(network) == {s: int(successors[s]) for s in range(8)}
