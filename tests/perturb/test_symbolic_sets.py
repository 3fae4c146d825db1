"""Attractors too large to list, in screens: lifted and classified symbolically, checked by brute force.

``Limits(listed_states=0)`` makes every attractor "too large to list", so
each one goes through the BDD path (:mod:`boolnet.perturb.symbolic_sets`):
the symbolic engine's sets, output lifting and phenotype classification.
"""

from __future__ import annotations

import pytest
from conftest import corpus_models
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from oracle import attractor_sets
from strategies import expressions, networks
from test_screen_exact import as_strings, perturbations, satisfied

from boolnet import find_attractors, read_network
from boolnet.errors import LimitError
from boolnet.expr import to_text
from boolnet.formats import parse_rules
from boolnet.limits import Limits
from boolnet.model import Network, Phenotype
from boolnet.parsing import parse_expression
from boolnet.perturb.evaluate import Evaluator
from boolnet.perturb.perturbations import Action, Perturbation
from boolnet.perturb.phenotypes import Presence
from boolnet.perturb.reduction import StateSet
from boolnet.perturb.screening import screen
from boolnet.perturb.symbolic_sets import SymbolicSet

SETTINGS = settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
NOTHING_LISTED = Limits(listed_states=0)


def pattern(states: frozenset[str]) -> str:
    return "".join(c[0] if len(set(c)) == 1 else "*" for c in zip(*sorted(states), strict=True))


def presence(expr: object, network: Network, states: frozenset[str]) -> Presence:
    values = {satisfied(expr, network, s) for s in states}
    if values == {True}:
        return Presence.ALWAYS
    return Presence.SOMETIMES if True in values else Presence.NEVER


@SETTINGS
@given(data=st.data(), network=networks(max_nodes=6))
def test_symbolic_attractors_match_brute_force(data: st.DataObject, network: Network) -> None:
    expr = data.draw(expressions(list(network.nodes)))
    perturbation = data.draw(perturbations(network))
    evaluator = Evaluator(network, Phenotype("P", expr), update="async", limits=NOTHING_LISTED)
    outcome = evaluator.outcome(perturbation)
    found = []
    for attractor, shown in zip(outcome.attractors, outcome.presence, strict=True):
        if isinstance(attractor, SymbolicSet):
            found.append((attractor.pattern, attractor.size, shown))
        else:  # only a network that percolates to one state is solved without the engine
            assert len(attractor.states) == 1
            (state,) = as_strings(network, attractor.states)
            found.append((state, 1, shown))
    found.sort()
    expected = sorted(
        (pattern(states), len(states), presence(expr, network, states))
        for states in attractor_sets(perturbation.apply(network), "asynchronous")
    )
    assert found == expected


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(network=networks(min_nodes=2, max_nodes=5), data=st.data())
def test_screen_is_the_same_with_symbolic_sets(network: Network, data: st.DataObject) -> None:
    text = to_text(data.draw(expressions(list(network.nodes))))
    listed = screen(network, text, update="async", max_size=2)
    symbolic = screen(network, text, update="async", max_size=2, limits=NOTHING_LISTED)
    assert [(e.perturbation, e.attractors, e.phenotype_attractors, e.abolished) for e in listed.entries] == [
        (e.perturbation, e.attractors, e.phenotype_attractors, e.abolished) for e in symbolic.entries
    ]


def test_a_huge_output_attractor_is_classified_without_listing() -> None:
    # 12 free oscillators feed the read-out; the attractor has 2^13 states
    rules = "\n".join(f"a{i} = !a{i}" for i in range(12))
    network = parse_rules(rules + "\nout = a0 & a1\nphenotype Out = out")
    evaluator = Evaluator(
        network, Phenotype("Out", network.phenotypes[0].expr), limits=Limits(listed_states=10)
    )
    (attractor,) = evaluator.outcome(Perturbation()).attractors
    assert isinstance(attractor, SymbolicSet)
    assert (attractor.pattern, attractor.size) == ("*" * 13, 2**13)
    assert evaluator.presence(attractor) is Presence.SOMETIMES


def test_starting_from_a_huge_phenotype_attractor_is_a_clear_limit() -> None:
    rules = "\n".join(f"a{i} = !a{i}" for i in range(4))
    network = parse_rules(rules + "\nout = a0")
    evaluator = Evaluator(
        network, Phenotype("P", network.rules[-1].expr), mode="from-phenotype", limits=Limits(listed_states=2)
    )
    with pytest.raises(LimitError, match="too large to start from"):
        evaluator.start_states()


def test_an_output_fixed_on_an_attractor_is_lifted_with_its_value() -> None:
    # a toggle switch read by an output and by a second output of the first
    network = parse_rules("x = !y\ny = !x\nout = x & !y\nlate = out")
    evaluator = Evaluator(network, Phenotype("Late", network.rules[-1].expr), limits=NOTHING_LISTED)
    outcome = evaluator.outcome(Perturbation())
    found = sorted((a.pattern, p) for a, p in zip(outcome.attractors, outcome.presence, strict=True))
    assert found == [("0100", Presence.NEVER), ("1011", Presence.ALWAYS)]


MAPK = corpus_models("bbm", max_nodes=53, min_nodes=53)


@pytest.mark.skipif(not MAPK, reason="corpus not found (MAPK cancer cell fate, bbm-070)")
def test_mapk_screen_outcomes_equal_recomputing_from_scratch() -> None:
    # attractors of up to 10^12 states: the screen's symbolic lifting against the symbolic
    # engine on each perturbed network, with v_Proliferation read off the patterns
    (path,) = [p for p in MAPK if "MAPK" in p.name]
    network = read_network(path)
    proliferation = network.nodes.index("v_Proliferation")
    evaluator = Evaluator(network, Phenotype("P", parse_expression("v_Proliferation")), update="async")
    chosen = [
        Perturbation(),
        Perturbation.of([Action.knockout("v_ATM")]),
        Perturbation.of([Action.overexpression("v_p70"), Action.knockout("v_SMAD")]),
        Perturbation.of([Action.knockout("v_MYC"), Action.knockout("v_TGFBR")]),
        Perturbation.of([Action.overexpression("v_RAS"), Action.knockout("v_p53")]),
    ]
    for perturbation in chosen:
        outcome = evaluator.outcome(perturbation)
        expected = find_attractors(perturbation.apply(network), "async").attractors
        assert sorted((a.pattern, a.size) for a in expected) == sorted(
            (_pattern_of(a, network), a.size if isinstance(a, SymbolicSet) else len(a.states))
            for a in outcome.attractors
        )
        by_pattern = {"1": Presence.ALWAYS, "*": Presence.SOMETIMES, "0": Presence.NEVER}
        assert sorted(by_pattern[a.pattern[proliferation]] for a in expected) == sorted(outcome.presence)


def _pattern_of(attractor: SymbolicSet | StateSet, network: Network) -> str:
    if isinstance(attractor, SymbolicSet):
        return attractor.pattern
    return pattern(as_strings(network, attractor.states))
