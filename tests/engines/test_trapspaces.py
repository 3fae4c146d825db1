"""Fixed points and minimal/maximal trap spaces against brute-force enumeration of all subspaces."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from bruteforce import fixed_points, inside, maximal_trap_spaces, minimal_trap_spaces, trap_spaces
from conftest import corpus_params
from hypothesis import given, settings
from hypothesis import strategies as st
from strategies import networks

from boolnet import LimitError, Limits, find_attractors, parse_rules, read_network
from boolnet.engines import asp, trapspaces
from boolnet.engines.asp import MaximalTrapSpaces, count_fixed_points
from boolnet.engines.bitsets import EXPLICIT_MAX_FREE_NODES, percolate_rules
from boolnet.engines.trapspaces import TrapSpace, find_fixed_points, find_trap_spaces
from boolnet.expr import And, Not, Or, Var
from boolnet.model import Network, Rule


def patterns(result: object) -> set[str]:
    return {space.pattern for space in result}  # type: ignore[attr-defined]


# the two solvers of fixed points and minimal trap spaces: bit-vector state sets (few free
# nodes after percolation) and clingo
SOLVERS = ["explicit", "asp"]


@contextmanager
def using(solver: str) -> Iterator[None]:
    """Fixed points and minimal trap spaces come from ``solver``, whatever the network's size."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(trapspaces, "EXPLICIT_MAX_FREE_NODES", 64 if solver == "explicit" else -1)
        yield


@pytest.mark.parametrize("solver", SOLVERS)
@settings(max_examples=150, deadline=None)
@given(network=networks(max_nodes=6))
def test_minimal_trap_spaces_match_brute_force(network: Network, solver: str) -> None:
    with using(solver):
        result = find_trap_spaces(network, kind="minimal")
    assert result.complete
    assert patterns(result) == minimal_trap_spaces(network)


@settings(max_examples=150, deadline=None)
@given(networks(max_nodes=6))
def test_maximal_trap_spaces_match_brute_force(network: Network) -> None:
    result = find_trap_spaces(network, kind="maximal")
    assert result.complete
    assert patterns(result) == maximal_trap_spaces(network)


@pytest.mark.parametrize("solver", SOLVERS)
@settings(max_examples=150, deadline=None)
@given(network=networks(max_nodes=7))
def test_fixed_points_match_brute_force(network: Network, solver: str) -> None:
    with using(solver):
        result = find_fixed_points(network)
    assert result.complete and result.kind == "fixed_points"
    assert patterns(result) == fixed_points(network)
    assert all(space.is_fixed_point for space in result)


@pytest.mark.parametrize("solver", SOLVERS)
@settings(max_examples=60, deadline=None)
@given(network=networks(max_nodes=5))
def test_every_reported_space_is_a_trap_space(network: Network, solver: str) -> None:
    spaces = trap_spaces(network)
    with using(solver):
        for kind in ("minimal", "maximal"):
            assert patterns(find_trap_spaces(network, kind=kind)) <= spaces  # type: ignore[arg-type]


@settings(max_examples=80, deadline=None)
@given(networks(max_nodes=5), st.randoms(use_true_random=False))
def test_maximal_trap_spaces_within_a_trap_space_match_brute_force(network: Network, rng: object) -> None:
    # one grounded program answers for several trap spaces in turn (assumptions, externals)
    spaces = sorted(trap_spaces(network))
    solver = MaximalTrapSpaces(network)
    for space in rng.sample(spaces, min(4, len(spaces))):  # type: ignore[attr-defined]
        below = {t for t in spaces if t != space and inside(t, space)}
        expected = {t for t in below if not any(u != t and inside(t, u) for u in below)}
        fixed = {i: char == "1" for i, char in enumerate(space) if char != "*"}
        assert set(solver.within(fixed)) == expected


def test_wide_rule_needs_no_truth_table() -> None:
    # 40 regulators in a rule whose negation has 2^20 primes: only the short side is encoded
    names = [name for i in range(20) for name in (f"a{i}", f"b{i}")]
    wide = Or(tuple(And((Var(f"a{i}"), Var(f"b{i}"))) for i in range(20)))
    rules = [Rule(name, Var(name)) for name in names] + [Rule("out", And((wide, Not(Var("out")))))]
    network = Network(tuple(rules))
    result = find_fixed_points(network, limit=3)
    assert not result.complete and len(result) == 3
    for space in result:
        values = space.fixed
        assert not any(values[f"a{i}"] and values[f"b{i}"] for i in range(20))  # wide is 0, out is 0
        assert values["out"] == 0


@pytest.mark.parametrize("solver", SOLVERS)
def test_limit_and_completeness(solver: str) -> None:
    toggle = parse_rules("a = !b\nb = !a")
    with using(solver):
        assert [s.pattern for s in find_fixed_points(toggle)] == ["01", "10"]
        assert len(find_fixed_points(toggle, limit=1)) == 1
        assert not find_fixed_points(toggle, limit=1).complete
        assert find_fixed_points(toggle, limit=2).complete


def test_trap_space_value() -> None:
    space = TrapSpace("1*0", ("a", "b", "c"))
    assert space.fixed == {"a": 1, "c": 0}
    assert space.free == ("b",)
    assert space.size == 2
    assert space.contains("110") and not space.contains("111")
    assert not space.is_fixed_point


@pytest.mark.parametrize("solver", SOLVERS)
def test_no_proper_trap_space(solver: str) -> None:
    oscillator = parse_rules("a = !a")
    with using(solver):
        assert patterns(find_trap_spaces(oscillator, kind="maximal")) == set()
        assert patterns(find_trap_spaces(oscillator, kind="minimal")) == {"*"}
        assert patterns(find_fixed_points(oscillator)) == set()


def test_timeout_names_the_budget() -> None:
    # 2^16 fixed points: enumerating them all takes far longer than the tiny budget
    network = Network(tuple(Rule(f"x{i}", Var(f"x{i}")) for i in range(16)))
    with pytest.raises(LimitError) as error:
        find_fixed_points(network, limits=Limits(timeout=1e-9))
    assert error.value.budget == "timeout"


@pytest.mark.parametrize("path", corpus_params("bbm-inputs-fixed", max_nodes=16))
def test_corpus_fixed_points_match_exhaustive(path: Path) -> None:
    network = read_network(path)
    expected = {
        a.pattern
        for a in find_attractors(network, "async", method="exhaustive").attractors
        if a.is_fixed_point
    }
    assert patterns(find_fixed_points(network)) == expected


@pytest.mark.parametrize("path", corpus_params("bbm-inputs-fixed", max_nodes=120))
def test_corpus_solvers_agree(path: Path) -> None:
    # the models whose free part after percolation is small enough for bit vectors
    network = read_network(path)
    if len(network) - len(percolate_rules(network)) > EXPLICIT_MAX_FREE_NODES:
        pytest.skip("too many free nodes for the bit-vector solver")
    for find in (find_fixed_points, find_trap_spaces):
        with using("explicit"):
            explicit = patterns(find(network))
        with using("asp"):
            assert explicit == patterns(find(network))


@settings(max_examples=100, deadline=None)
@given(networks(max_nodes=8))
def test_fixed_points_are_counted_exactly_with_bdds(network: Network) -> None:
    assert count_fixed_points(network) == len(find_fixed_points(network).trap_spaces)


def test_too_many_fixed_points_is_a_clear_limit_with_the_exact_count() -> None:
    network = parse_rules("\n".join(f"a{i} = a{i}" for i in range(12)) + "\nb = a0 & !b")
    with pytest.raises(LimitError, match="the network has 2048 fixed points, too many to list") as caught:
        find_fixed_points(network, limits=Limits(listed_answers=100))
    assert caught.value.budget == "listed_answers"
    # 2048 fixed points (a0 = 0) and 2048 oscillations of b (a0 = 1)
    with pytest.raises(LimitError, match="the network has 4096 minimal trap spaces, too many to list"):
        find_trap_spaces(network, limits=Limits(listed_answers=100))
    first = find_fixed_points(network, limit=5, limits=Limits(listed_answers=100))
    assert len(first.trap_spaces) == 5 and not first.complete
    assert len(find_fixed_points(network, limits=Limits(listed_answers=2048)).trap_spaces) == 2048


def test_a_count_that_would_take_too_long_is_given_up_and_the_listing_goes_on(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    network = parse_rules("\n".join(f"a{i} = a{i}" for i in range(12)) + "\nb = a0 & !b")
    assert count_fixed_points(network, deadline=0.0) is None  # past its deadline before the first step
    monkeypatch.setattr(asp, "EARLY_COUNT_SECONDS", -1.0)  # every early count gives up at once
    with using("asp"):
        assert len(find_fixed_points(network).trap_spaces) == 2048  # listed in full, not refused early
        with pytest.raises(LimitError, match="more than 100 fixed points, too many to list"):
            find_fixed_points(network, limits=Limits(listed_answers=100))


def test_too_many_maximal_trap_spaces_is_a_clear_limit() -> None:
    network = parse_rules("\n".join(f"a{i} = a{i}" for i in range(12)))
    with pytest.raises(LimitError, match="more than 10 maximal trap spaces"):
        find_trap_spaces(network, kind="maximal", limits=Limits(listed_answers=10))


def test_the_cli_reports_too_many_fixed_points_without_a_traceback(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from boolnet.cli import main

    model = tmp_path / "many.txt"
    model.write_text("\n".join(f"a{i} = a{i}" for i in range(18)) + "\n")
    result = CliRunner().invoke(main, ["fixed-points", str(model)])
    assert result.exit_code == 1
    assert "262144 fixed points, too many to list" in result.output
    assert "Traceback" not in result.output
