"""Screens and interventions against a brute-force oracle that recomputes every perturbed network."""

from __future__ import annotations

import itertools

import networkx as nx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from oracle import attractor_sets, state_graph
from strategies import expressions, networks

from boolnet.expr import Var, evaluate, variables
from boolnet.formats.rules import parse_rules
from boolnet.frozen import replace
from boolnet.model import Network, Phenotype, Rule
from boolnet.perturb.evaluate import Evaluator, InputShare, Outcome
from boolnet.perturb.interventions import find_interventions
from boolnet.perturb.perturbations import Action, Perturbation
from boolnet.perturb.reduction import Reducer
from boolnet.perturb.screening import Screen, candidate_actions, parse_kinds, screen
from boolnet.states import state_to_string

SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
UPDATES = st.sampled_from(["synchronous", "asynchronous"])


def as_strings(network: Network, states: object) -> frozenset[str]:
    return frozenset(state_to_string(int(s), len(network)) for s in states)  # type: ignore[attr-defined]


def satisfied(expr: object, network: Network, state: str) -> bool:
    return evaluate(expr, {n: c == "1" for n, c in zip(network.nodes, state, strict=True)})  # type: ignore[arg-type]


def oracle_phenotype_attractors(network: Network, expr: object, update: str) -> int:
    return sum(any(satisfied(expr, network, s) for s in a) for a in attractor_sets(network, update))


@st.composite
def perturbations(draw: st.DrawFn, network: Network, max_actions: int = 2) -> Perturbation:
    nodes = list(network.nodes)
    actions: list[Action] = []
    for node in draw(st.lists(st.sampled_from(nodes), max_size=max_actions, unique=True)):
        actions.append(Action.knockout(node) if draw(st.booleans()) else Action.overexpression(node))
    fixed = {a.target for a in actions}
    edges = [(s, t) for t in nodes if t not in fixed for s in network.regulators(t)]
    if edges and draw(st.booleans()):
        source, target = draw(st.sampled_from(edges))
        actions.append(Action.cut(source, target, draw(st.integers(0, 1))))
    return Perturbation.of(actions)


@SETTINGS
@given(data=st.data(), network=networks(max_nodes=6), update=UPDATES)
def test_reduced_attractors_equal_recomputing_from_scratch(
    data: st.DataObject, network: Network, update: str
) -> None:
    perturbation = data.draw(perturbations(network))
    expected = attractor_sets(perturbation.apply(network), update)
    assert reduced_attractors(Reducer(network, update), network, perturbation) == expected


@SETTINGS
@given(data=st.data(), network=networks(max_nodes=6))
def test_reduced_attractors_from_the_bdd_search_equal_recomputing_from_scratch(
    data: st.DataObject, network: Network
) -> None:
    # "symbolic" sends every core, however small, to the BDD search that large cores go to
    perturbation = data.draw(perturbations(network))
    expected = attractor_sets(perturbation.apply(network), "asynchronous")
    reducer = Reducer(network, "asynchronous", method="symbolic")
    assert reduced_attractors(reducer, network, perturbation) == expected


def reduced_attractors(reducer: Reducer, network: Network, perturbation: Perturbation) -> set[frozenset[str]]:
    """The reducer's attractors of the perturbed network over every combination of its free inputs."""
    index = {n: i for i, n in enumerate(network.nodes)}
    free_inputs = [n for n in perturbation.apply(network).inputs if n not in perturbation.fixed]
    found = set()
    for combo in itertools.product((0, 1), repeat=len(free_inputs)):
        base = {index[n]: v for n, v in zip(free_inputs, combo, strict=True)}
        extra = tuple(sorted((index[n], v) for n, v in perturbation.fixed.items()))
        cuts = {(index[s], index[t]): v for (s, t), v in perturbation.cuts.items()}
        for attractor in reducer.attractors(base, extra, cuts).attractors:
            found.add(as_strings(network, attractor.states))
    return found


@SETTINGS
@given(data=st.data(), network=networks(max_nodes=6), update=UPDATES)
def test_from_phenotype_equals_explicit_reachability(
    data: st.DataObject, network: Network, update: str
) -> None:
    expr = data.draw(expressions(list(network.nodes)))
    perturbation = data.draw(perturbations(network))
    phenotype = Phenotype("P", expr)
    evaluator = Evaluator(network, phenotype, update=update, mode="from-phenotype")
    got = {as_strings(network, a.states) for a in evaluator.outcome(perturbation).attractors}
    starts = {
        s for a in attractor_sets(network, update) if any(satisfied(expr, network, x) for x in a) for s in a
    }
    graph = state_graph(perturbation.apply(network), update)
    reachable = set(starts)
    for state in starts:
        reachable |= nx.descendants(graph, state)
    expected = {a for a in attractor_sets(perturbation.apply(network), update) if a <= reachable}
    assert got == expected


@SETTINGS
@given(data=st.data(), network=networks(max_nodes=6), update=UPDATES)
def test_the_baseline_asks_the_screens_question_of_the_unperturbed_network(
    data: st.DataObject, network: Network, update: str
) -> None:
    expr = data.draw(expressions(list(network.nodes)))
    everything = attractor_sets(network, update)
    shown = {a for a in everything if any(satisfied(expr, network, s) for s in a)}
    for mode, expected in (("global", everything), ("from-phenotype", shown)):
        baseline = Screen(
            network, Phenotype("P", expr), update=update, mode=mode, targets=network.nodes
        ).baseline
        assert {as_strings(network, a.states) for a in baseline.attractors} == expected
        assert baseline.phenotype_attractors == len(shown)


@SETTINGS
@given(data=st.data(), network=networks(min_nodes=2, max_nodes=5), update=UPDATES, strict=st.booleans())
def test_every_intervention_abolishes_and_is_minimal(
    data: st.DataObject, network: Network, update: str, strict: bool
) -> None:
    expr = data.draw(expressions(list(network.nodes)))
    phenotype = Phenotype("P", expr)
    result = find_interventions(
        network, phenotype, update=update, max_size=2, strict=strict, targets=list(network.nodes)
    )

    def shows_somewhere(perturbation: Perturbation) -> bool:
        for attractor in attractor_sets(perturbation.apply(network), update):
            marks = [satisfied(expr, network, s) for s in attractor]
            if all(marks) if strict else any(marks):
                return True
        return False

    found = {frozenset(i.perturbation.actions) for i in result.interventions}
    for members in found:
        assert not shows_somewhere(Perturbation.of(members))
        for size in range(len(members)):
            for subset in itertools.combinations(members, size):
                assert shows_somewhere(Perturbation.of(subset)), "a proper subset abolishes: not minimal"
    # completeness: every minimal abolishing set of size <= 2 is found
    singles = [a for n in network.nodes for a in (Action.knockout(n), Action.overexpression(n))]
    for size in (1, 2):
        for combo in itertools.combinations(singles, size):
            if len({a.target for a in combo}) < size:
                continue
            perturbation = Perturbation.of(combo)
            minimal = not shows_somewhere(perturbation) and all(
                shows_somewhere(Perturbation.of(sub))
                for k in range(size)
                for sub in itertools.combinations(combo, k)
            )
            assert minimal == (frozenset(combo) in found)


@SETTINGS
@given(network=networks(min_nodes=2, max_nodes=6), update=UPDATES, data=st.data())
def test_after_a_knockout_every_attractor_state_has_the_node_off(
    network: Network, update: str, data: st.DataObject
) -> None:
    expr = data.draw(expressions(list(network.nodes)))
    result = screen(network, Phenotype("P", expr), update=update, kinds="ko", targets=list(network.nodes))
    for entry in result.entries:
        (action,) = entry.perturbation.actions
        position = network.index(action.target)
        for attractor in entry.outcome.attractors:
            assert all((int(s) >> position) & 1 == 0 for s in attractor.states)
        perturbed = entry.perturbation.apply(network)
        assert entry.attractors == len(attractor_sets(perturbed, update))
        assert entry.phenotype_attractors == oracle_phenotype_attractors(perturbed, expr, update)


@SETTINGS
@given(network=networks(max_nodes=6), data=st.data())
def test_default_candidates_leave_out_inputs_readouts_and_the_phenotype(
    network: Network, data: st.DataObject
) -> None:
    others = [n for n in network.nodes if n not in network.inputs]
    readouts = tuple(data.draw(st.lists(st.sampled_from(others), unique=True)) if others else [])
    declared = replace(network, readouts=readouts)
    phenotype = Phenotype("P", data.draw(expressions(list(network.nodes))))
    expected = [n for n in network.nodes if n not in network.inputs and n not in readouts]
    expected = [n for n in expected if n not in variables(phenotype.expr)]
    actions = candidate_actions(declared, phenotype, parse_kinds("ko"))
    assert [a.target for a in actions] == expected
    everything = candidate_actions(declared, phenotype, parse_kinds("ko"), targets=list(network.nodes))
    assert [a.target for a in everything] == list(network.nodes)
    excluded = data.draw(st.lists(st.sampled_from(list(network.nodes)), unique=True))
    fewer = candidate_actions(declared, phenotype, parse_kinds("ko,oe"), exclude=excluded)
    assert [a.target for a in fewer] == [n for n in expected for _ in range(2) if n not in excluded]


@pytest.mark.parametrize("update", ["synchronous", "asynchronous"])
def test_a_switch_driving_an_oscillator_keeps_every_attractor(update: str) -> None:
    # the switch a, b has three fixed points under both updates; with a on, c and d oscillate
    network = parse_rules("a = a or b\nb = a and b\nc = a and not d\nd = c\ne = e or c\n")
    expected = attractor_sets(network, update)
    assert len(expected) > 3  # the oscillation and e's values multiply the switch's three states
    assert reduced_attractors(Reducer(network, update), network, Perturbation()) == expected


def percolation_oracle(network: Network, fixed: dict[int, int]) -> list[int]:
    """Constant percolation by brute force: fix every node whose rule is constant over its free regulators."""
    vals = [fixed.get(i, -1) for i in range(len(network))]
    changed = True
    while changed:
        changed = False
        for i, rule in enumerate(network.rules):
            if vals[i] >= 0:
                continue
            free = sorted(v for v in variables(rule.expr) if vals[network.index(v)] < 0)
            known = {n: bool(vals[network.index(n)]) for n in variables(rule.expr) if n not in free}
            seen = {
                evaluate(rule.expr, known | dict(zip(free, bits, strict=True)))
                for bits in itertools.product((False, True), repeat=len(free))
            }
            if len(seen) == 1:
                vals[i] = int(seen.pop())
                changed = True
    return vals


@SETTINGS
@given(data=st.data(), network=networks(max_nodes=7))
def test_memoised_percolation_equals_percolating_from_scratch(data: st.DataObject, network: Network) -> None:
    # one reducer for many perturbations, as in a screen: each extends the memoised percolation of
    # one of its actions, the other one's when an action contradicts what its parent settled
    size = len(network)
    base = data.draw(st.dictionaries(st.integers(0, size - 1), st.integers(0, 1), max_size=2))
    reducer = Reducer(network, "asynchronous")
    for _ in range(4):
        nodes = data.draw(st.lists(st.integers(0, size - 1), max_size=3, unique=True))
        extra = tuple(sorted((node, data.draw(st.integers(0, 1))) for node in nodes))
        assert reducer.percolate(base, extra) == percolation_oracle(network, base | dict(extra))


@SETTINGS
@given(data=st.data(), network=networks(min_nodes=2, max_nodes=6), update=UPDATES)
def test_shares_of_the_input_combinations_merge_into_the_whole_outcome(
    data: st.DataObject, network: Network, update: str
) -> None:
    # the first one to three nodes become inputs; any division of their combinations will do
    inputs = data.draw(st.integers(1, min(3, len(network))))
    network = Network(
        tuple(Rule(r.target, Var(r.target)) if i < inputs else r for i, r in enumerate(network.rules))
    )
    phenotype = Phenotype("P", data.draw(expressions(list(network.nodes))))
    perturbation = data.draw(perturbations(network))
    whole = Evaluator(network, phenotype, update=update)
    free = whole.free_inputs
    workers = data.draw(st.integers(2, 3))
    owners = {
        values: data.draw(st.integers(0, workers - 1))
        for values in itertools.product((0, 1), repeat=len(free))
    }
    parts, evaluations = [], 0
    for worker in range(workers):
        evaluator = Evaluator(network, phenotype, update=update)
        parts.append(evaluator.outcome(perturbation, InputShare(free, owners, worker)))
        evaluations += evaluator.reducer.evaluations
    merged, expected = Outcome.merged(parts), whole.outcome(perturbation)
    assert [a.ident for a in merged.attractors] == [a.ident for a in expected.attractors]
    assert merged.presence == expected.presence and merged.complete == expected.complete
    assert evaluations == whole.reducer.evaluations  # each combination answered by one share only
