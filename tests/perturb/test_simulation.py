"""Stochastic simulation against the brute-force state transition graph.

One run that follows every node as a phenotype reveals its whole trajectory,
which must be a path of the oracle's state graph of the perturbed network,
starting from the initial state with the perturbed nodes already in place.
"""

from __future__ import annotations

import itertools

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from oracle import attractor_sets, next_values, state_graph
from strategies import networks

from boolnet.formats import parse_rules
from boolnet.model import Network
from boolnet.perturb.perturbations import Action, Perturbation
from boolnet.perturb.scenarios import Scenario
from boolnet.perturb.simulation import SimulationResult, simulate

SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def trajectory(result: SimulationResult) -> list[str]:
    """The one run's states, read off its per-node fractions (0.0 or 1.0)."""
    return ["".join("1" if value == 1.0 else "0" for value in row) for row in result.fractions]


@st.composite
def knocked_out_runs(draw: st.DrawFn) -> tuple[Network, str, Perturbation, int]:
    network = draw(networks(max_nodes=5))
    state = draw(st.text("01", min_size=len(network), max_size=len(network)))
    node = draw(st.sampled_from(network.nodes))
    action = Action.knockout(node) if draw(st.booleans()) else Action.overexpression(node)
    return network, state, Perturbation.of([action]), draw(st.integers(0, 2**16))


@SETTINGS
@given(knocked_out_runs(), st.sampled_from(["synchronous", "asynchronous"]))
def test_a_run_is_a_path_of_the_perturbed_state_graph_from_the_perturbed_initial_state(
    case: tuple[Network, str, Perturbation, int], update: str
) -> None:
    network, state, perturbation, seed = case
    steps = 2 ** len(network) + 2
    result = simulate(
        network,
        initial=state,
        perturbation=perturbation,
        update=update,
        runs=1,
        steps=steps,
        seed=seed,
        phenotypes=network.nodes,
    )
    perturbed = perturbation.apply(network)
    [(node, value)] = perturbation.fixed.items()
    at = network.index(node)
    path = trajectory(result)
    assert path[0] == state[:at] + str(value) + state[at + 1 :]  # the perturbation is in place at step 0
    graph = state_graph(perturbed, update)
    for before, after in itertools.pairwise(path):
        if update == "synchronous":
            assert after == next_values(perturbed, before)
        else:
            assert graph.has_edge(before, after) or (before == after and graph.out_degree(before) == 0)
    settled = any(path[-1] in attractor for attractor in attractor_sets(perturbed, update))
    assert result.unsettled == (0.0 if settled else 1.0)
    assert sum(fraction for _, fraction in result.attractors) == (1.0 if settled else 0.0)


def test_a_scenario_holds_in_a_given_initial_state() -> None:
    network = parse_rules("signal = signal\nresponse = signal\n")
    result = simulate(
        network,
        initial="00",
        scenario=Scenario((("signal", 1),)),
        runs=1,
        steps=1,
        phenotypes=("signal", "response"),
    )
    assert result.fractions == ((1.0, 0.0), (1.0, 1.0))
