"""The exhaustive engine against the brute-force oracle and hand-worked classics."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import corpus_params
from hypothesis import given, settings
from oracle import attractor_sets, sync_basins
from strategies import networks

from boolnet import Limits, Update, find_attractors, parse_rules, read_network
from boolnet.engines import exhaustive
from boolnet.errors import EngineError, LimitError
from boolnet.model import Network


def found_sets(network: Network, update: str) -> set[frozenset[str]]:
    result = find_attractors(network, update, method="exhaustive")
    assert result.complete and result.engine == "exhaustive"
    return {frozenset(a.states or ()) for a in result.attractors}


def test_toggle_switch_has_two_fixed_points_under_both_updates() -> None:
    toggle = parse_rules("a = !b\nb = !a")
    for update in ("sync", "async"):
        fixed = [a for a in find_attractors(toggle, update).attractors if a.is_fixed_point]
        assert sorted(a.states for a in fixed) == [("01",), ("10",)]
    # synchronously the two "both on / both off" states swap forever: a 2-cycle
    cycles = [a for a in find_attractors(toggle, "sync").attractors if not a.is_fixed_point]
    assert [(a.kind.value, a.states) for a in cycles] == [("cycle", ("00", "11"))]


def test_negative_self_loop_is_a_two_cycle_sync_and_one_complex_attractor_async() -> None:
    oscillator = parse_rules("a = !a")
    sync = find_attractors(oscillator, "sync").attractors
    assert [(a.kind.value, a.size, a.pattern, a.states, a.basin) for a in sync] == [
        ("cycle", 2, "*", ("0", "1"), 2)
    ]
    asynchronous = find_attractors(oscillator, "async").attractors
    assert [(a.kind.value, a.size, a.states) for a in asynchronous] == [("complex", 2, ("0", "1"))]


def test_two_node_negative_loop() -> None:
    loop = parse_rules("a = !b\nb = a")
    (sync,) = find_attractors(loop, "sync").attractors
    assert sync.kind.value == "cycle" and sync.size == 4 and sync.states == ("00", "10", "11", "01")
    (asynchronous,) = find_attractors(loop, "async").attractors
    assert asynchronous.kind.value == "complex" and asynchronous.size == 4


@settings(max_examples=150, deadline=None)
@given(networks(max_nodes=7))
def test_matches_oracle_synchronous(network: Network) -> None:
    assert found_sets(network, "synchronous") == attractor_sets(network, "synchronous")


@settings(max_examples=150, deadline=None)
@given(networks(max_nodes=7))
def test_matches_oracle_asynchronous(network: Network) -> None:
    assert found_sets(network, "asynchronous") == attractor_sets(network, "asynchronous")


@settings(max_examples=80, deadline=None)
@given(networks(max_nodes=7))
def test_sync_basins_match_oracle_and_cover_the_state_space(network: Network) -> None:
    result = find_attractors(network, "sync")
    basins = {frozenset(a.states or ()): a.basin for a in result.attractors}
    assert basins == sync_basins(network)
    assert sum(a.basin or 0 for a in result.attractors) == 2 ** len(network)


@settings(max_examples=80, deadline=None)
@given(networks(max_nodes=6))
def test_sync_cycles_are_listed_in_visiting_order(network: Network) -> None:
    from oracle import next_values

    for attractor in find_attractors(network, "sync").attractors:
        states = attractor.states or ()
        for here, there in zip(states, states[1:] + states[:1], strict=True):
            assert next_values(network, here) == there


@settings(max_examples=80, deadline=None)
@given(networks(max_nodes=6))
def test_fixed_points_agree_across_updates(network: Network) -> None:
    def fixed(update: str) -> set[str]:
        return {
            a.states[0] for a in find_attractors(network, update).attractors if a.is_fixed_point and a.states
        }

    assert fixed("sync") == fixed("async")


@settings(max_examples=60, deadline=None)
@given(networks(min_nodes=2, max_nodes=6))
def test_knocked_out_node_is_off_in_every_attractor_state(network: Network) -> None:
    node = network.nodes[0]
    for update in ("sync", "async"):
        for attractor in find_attractors(network, update, perturbation={node: 0}).attractors:
            assert attractor.pattern[0] == "0"


def test_patterns_and_kinds() -> None:
    net = parse_rules("a = a\nb = !b & a\nc = 1")
    result = find_attractors(net, "async")
    assert [(a.kind.value, a.pattern) for a in result.attractors] == [
        ("fixed_point", "001"),
        ("complex", "1*1"),
    ]


def test_large_attractors_have_their_states_omitted() -> None:
    free = parse_rules("\n".join(f"x{i} = !x{i}" for i in range(6)))
    result = find_attractors(free, "async", limits=Limits(listed_states=10))
    (attractor,) = result.attractors
    assert attractor.states is None and attractor.states_omitted
    assert attractor.size == 64 and attractor.pattern == "******"


def test_network_too_large_raises_a_limit_error_naming_the_budget() -> None:
    big = parse_rules("\n".join(f"x{i} = x{(i + 1) % 40}" for i in range(40)))
    with pytest.raises(LimitError, match="exhaustive: 40 nodes exceed"):
        find_attractors(big, "sync", method="exhaustive")
    small = parse_rules("\n".join(f"x{i} = x{(i + 1) % 20}" for i in range(20)))
    with pytest.raises(LimitError, match="memory budget") as caught:
        find_attractors(small, "async", method="exhaustive", limits=Limits(memory=1 << 20))
    assert caught.value.budget == "engines"


def test_exact_transition_count_is_checked_before_the_edge_array_is_allocated() -> None:
    # every node can always move: twice the transitions the pre-run estimate assumes
    flipping = parse_rules("\n".join(f"x{i} = !x{i}" for i in range(16)))
    budget = Limits(memory=exhaustive.estimate_memory(16, Update.ASYNCHRONOUS) + 1024)
    with pytest.raises(LimitError, match="transitions, over the memory budget") as caught:
        find_attractors(flipping, "async", method="exhaustive", limits=budget)
    assert caught.value.budget == "memory"


@pytest.mark.parametrize("size", [1, 8, 20])
def test_auto_leaves_asynchronous_networks_to_the_symbolic_engine(size: int) -> None:
    ring = parse_rules("\n".join(f"x{i} = x{(i + 1) % size}" for i in range(size)))
    assert find_attractors(ring, "async").engine == "symbolic"
    assert find_attractors(ring, "sync").engine == "exhaustive"  # exact basins


def test_unknown_method_and_update() -> None:
    net = parse_rules("a = !a")
    with pytest.raises(EngineError, match="unknown method 'magic'"):
        find_attractors(net, "sync", method="magic")
    with pytest.raises(EngineError, match="unknown update 'sideways'"):
        find_attractors(net, "sideways")


@pytest.mark.parametrize("path", corpus_params(max_nodes=10))
@pytest.mark.parametrize("update", ["synchronous", "asynchronous"])
def test_corpus_models_match_oracle(path: Path, update: str) -> None:
    network = read_network(path)
    assert found_sets(network, update) == attractor_sets(network, update)
