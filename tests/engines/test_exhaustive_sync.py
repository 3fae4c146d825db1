"""The synchronous path of the exhaustive engine against a brute-force oracle, with exact basins."""

from __future__ import annotations

import random

import numpy as np
import pytest
from hypothesis import given, settings
from strategies_sync import as_string, successor_dict, sync_networks, sync_oracle

from boolnet import LimitError, Limits, find_attractors, parse_rules
from boolnet.engines import exhaustive
from boolnet.expr import And, Not, Or, Var
from boolnet.limits import GIB
from boolnet.model import Network, Rule
from boolnet.update import Update


def engine_view(network: Network, limits: Limits | None = None) -> list[tuple[tuple[str, ...], int | None]]:
    result = exhaustive.ENGINE.run(network, Update.SYNCHRONOUS, limits or Limits())
    assert result.complete and result.engine == "exhaustive"
    return [(a.states or (), a.basin) for a in result.attractors]


def oracle_view(network: Network) -> list[tuple[tuple[str, ...], int | None]]:
    return [(a.states, a.basin) for a in sync_oracle(network)]


@settings(max_examples=200, deadline=None)
@given(sync_networks(max_nodes=8))
def test_attractors_and_basins_match_the_oracle(network: Network) -> None:
    assert engine_view(network) == oracle_view(network)


@pytest.mark.parametrize("dense", [1, 1 << 40])
@settings(max_examples=60, deadline=None)
@given(network=sync_networks(min_nodes=3, max_nodes=8))
def test_both_image_representations_agree_with_the_oracle(network: Network, dense: int) -> None:
    # dense=1 keeps every image in a full counter array, 2**40 sorts every image
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(exhaustive, "_DENSE", dense)
        assert engine_view(network) == oracle_view(network)


@settings(max_examples=100, deadline=None)
@given(sync_networks(max_nodes=8))
def test_kinds_patterns_and_sizes_are_consistent(network: Network) -> None:
    successor = successor_dict(network)
    size = len(network)
    result = find_attractors(network, "sync", method="exhaustive")
    assert sum(a.basin or 0 for a in result.attractors) == 2**size
    for attractor in result.attractors:
        states = attractor.states or ()
        assert attractor.size == len(states)
        assert (attractor.kind.value == "fixed_point") == (len(states) == 1)
        values = [int(s[::-1], 2) for s in states]
        for here, there in zip(values, values[1:] + values[:1], strict=True):
            assert successor[here] == there


def random_network(size: int, seed: int) -> Network:
    rng = random.Random(seed)
    names = [f"g{i}" for i in range(size)]
    rules = []
    for name in names:
        regulators = rng.sample(names, rng.randint(1, 3))
        literals = [Var(r) if rng.random() < 0.6 else Not(Var(r)) for r in regulators]
        expr = literals[0] if len(literals) == 1 else rng.choice([And, Or])(tuple(literals))
        rules.append(Rule(name, expr))
    return Network(tuple(rules))


@pytest.mark.parametrize("size", [5, 6, 7, 13, 21])
def test_successors_match_rule_evaluation_in_every_batch(size: int) -> None:
    # 21 nodes span two batches, so the batch-constant high bits are exercised
    network = random_network(size, seed=size)
    successors = exhaustive.successors_sync(network)
    assert successors.dtype == np.uint32 and len(successors) == 2**size
    rng = random.Random(0)
    sample = [*rng.sample(range(2**size), min(2**size, 3000)), 0, 2**size - 1]
    oracle = successor_dict(network) if size <= 8 else None
    for state in sample:
        if oracle is not None:
            expected = oracle[state]
        else:
            values = {node: bool(state >> i & 1) for i, node in enumerate(network.nodes)}
            from boolnet.expr import evaluate

            expected = sum(1 << i for i, rule in enumerate(network.rules) if evaluate(rule.expr, values))
        assert int(successors[state]) == expected, as_string(state, size)


def counter_with_delays() -> Network:
    # a 4-bit counter cycles through all 16 values; a chain of 6 delay nodes adds a transient
    rules = ["b0 = !b0", "b1 = b1 & !b0 | !b1 & b0", "b2 = b2 & !(b0 & b1) | !b2 & b0 & b1"]
    rules.append("b3 = b3 & !(b0 & b1 & b2) | !b3 & b0 & b1 & b2")
    rules += ["d0 = b3"] + [f"d{i} = d{i - 1}" for i in range(1, 6)]
    return parse_rules("\n".join(rules))


def test_a_long_transient_into_a_long_cycle() -> None:
    network = counter_with_delays()
    assert engine_view(network) == oracle_view(network)
    (attractor,) = find_attractors(network, "sync", method="exhaustive").attractors
    assert attractor.size == 16 and attractor.basin == 2**10


def test_states_of_large_cycles_are_omitted_but_counted() -> None:
    network = counter_with_delays()
    (attractor,) = find_attractors(network, "sync", limits=Limits(listed_states=10)).attractors
    assert attractor.states is None and attractor.size == 16 and attractor.basin == 2**10
    assert attractor.pattern == "*" * 10
    (listed,) = find_attractors(network, "sync").attractors
    assert listed.states is not None and len(listed.states) == 16 and listed.pattern == "*" * 10


def test_thirty_nodes_fit_the_sixteen_gib_budget() -> None:
    assert exhaustive.estimate_memory(30, Update.SYNCHRONOUS) <= 16 * GIB
    ring = Network(tuple(Rule(f"x{i}", Var(f"x{(i + 1) % 30}")) for i in range(30)))
    assert exhaustive.ENGINE.check(ring, Update.SYNCHRONOUS, Limits(memory=16 * GIB)) is None
    reason = exhaustive.ENGINE.check(ring, Update.SYNCHRONOUS, Limits(memory=2 * GIB))
    assert reason is not None and "memory budget" in reason
    wide = Network(tuple(Rule(f"x{i}", Var(f"x{(i + 1) % 32}")) for i in range(32)))
    assert "exceed its limit" in (exhaustive.ENGINE.check(wide, Update.SYNCHRONOUS, Limits()) or "")


def test_memory_needed_after_the_first_pass_is_checked_before_allocating() -> None:
    # a 12-node ring permutes its states: every state is an attractor state, so listing
    # them needs far more than the counters; the budget is named, nothing is allocated
    ring = Network(tuple(Rule(f"x{i}", Var(f"x{(i + 1) % 12}")) for i in range(12)))
    limits = Limits(memory=exhaustive.estimate_memory(12, Update.SYNCHRONOUS) + 1000)
    assert exhaustive.ENGINE.check(ring, Update.SYNCHRONOUS, limits) is None
    with pytest.raises(LimitError, match="memory budget") as caught:
        exhaustive.ENGINE.run(ring, Update.SYNCHRONOUS, limits)
    assert caught.value.budget == "memory"


def test_timeout_names_the_budget() -> None:
    network = random_network(21, seed=3)
    with pytest.raises(LimitError, match="time budget") as caught:
        exhaustive.ENGINE.run(network, Update.SYNCHRONOUS, Limits(timeout=1e-9))
    assert caught.value.budget == "timeout"
