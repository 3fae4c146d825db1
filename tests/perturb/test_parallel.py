"""Screens in worker processes give the entries of the sequential screen, in the same order."""

from __future__ import annotations

import json
import pickle

import pytest
from click.testing import CliRunner
from conftest import IL6_MODEL

from boolnet import read_network
from boolnet.cli import main
from boolnet.errors import InputError, LimitError, PerturbationError
from boolnet.perturb import screening
from boolnet.perturb.interventions import find_interventions
from boolnet.perturb.parallel import deal_combinations
from boolnet.perturb.scenarios import Scenario
from boolnet.perturb.screening import Screen, screen


def rows(entries: object) -> list[tuple[object, ...]]:
    return [
        (str(e.perturbation), e.attractors, e.phenotype_attractors, e.abolished, e.minimal, e.complete)
        for e in entries  # type: ignore[attr-defined]
    ]


def test_a_parallel_screen_equals_the_sequential_one() -> None:
    network = read_network(IL6_MODEL)
    scenario = Scenario((("EGFR", 1), ("Ras", 0)))
    sequential = screen(network, "Tumorigenic", max_size=2, scenario=scenario)
    parallel = screen(network, "Tumorigenic", max_size=2, scenario=scenario, jobs=2)
    assert rows(parallel.entries) == rows(sequential.entries)
    assert parallel.complete and len(parallel.entries) == sequential.planned


def test_parallel_interventions_prune_the_same_supersets() -> None:
    network = read_network(IL6_MODEL)
    sequential = find_interventions(network, "Tumorigenic", max_size=2)
    parallel = find_interventions(network, "Tumorigenic", max_size=2, jobs=2)
    assert [str(i.perturbation) for i in parallel.interventions] == [
        str(i.perturbation) for i in sequential.interventions
    ]
    assert parallel.interventions == sequential.interventions


def test_the_cli_takes_jobs_and_prints_the_same_json() -> None:
    args = ["screen", str(IL6_MODEL), "--phenotype", "Tumorigenic", "--format", "json"]
    one = CliRunner().invoke(main, args)
    two = CliRunner().invoke(main, [*args, "--jobs", "2"])
    assert one.exit_code == 0 and two.exit_code == 0, two.output
    assert json.loads(two.output) == json.loads(one.output)


def test_jobs_below_one_are_refused() -> None:
    with pytest.raises(PerturbationError, match="at least 1 job"):
        Screen(read_network(IL6_MODEL), "Tumorigenic", jobs=0)
    result = CliRunner().invoke(main, ["screen", str(IL6_MODEL), "--phenotype", "Tumorigenic", "--jobs", "0"])
    assert result.exit_code == 2 and "--jobs" in result.output


def test_errors_and_networks_cross_process_boundaries() -> None:
    limit = pickle.loads(pickle.dumps(LimitError("too many states", budget="listed_states")))
    assert (str(limit), limit.budget) == ("too many states", "listed_states")
    located = InputError("bad name", source="m.txt", line=3, column=5, source_line="a = b &")
    copy = pickle.loads(pickle.dumps(located))
    assert (str(copy), copy.line, copy.column) == (str(located), 3, 5)
    network = read_network(IL6_MODEL).perturbed({"JAK": 0})
    again = pickle.loads(pickle.dumps(network))
    assert again == network and again.index("JAK") == network.index("JAK")
    assert again.perturbation == network.perturbation and again.readouts == network.readouts != ()


def test_combinations_are_dealt_largest_first_to_the_least_loaded_worker() -> None:
    costs = {(0, 0): 5.0, (0, 1): 1.0, (1, 0): 4.0, (1, 1): 2.0}
    assert deal_combinations(costs, 2) == [0, 0, 1, 1]  # 5 + 1 and 4 + 2
    assert deal_combinations(costs, 1) == [0, 0, 0, 0]


def test_dealing_perturbations_is_kept_when_shares_would_be_uneven() -> None:
    # one combination holds nearly all the work: one worker would carry it alone
    assert deal_combinations({(0,): 9.0, (1,): 0.1}, 2) is None
    assert deal_combinations({(): 1.0}, 2) is None  # fewer combinations than workers


def test_a_screen_divided_by_input_combination_equals_the_sequential_one(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # whether the division pays is measured; here it is imposed: two workers, alternate combinations
    monkeypatch.setattr(
        screening, "deal_combinations", lambda costs, jobs: [i % jobs for i in range(len(costs))]
    )
    network = read_network(IL6_MODEL)
    scenario = Scenario((("EGFR", 1),))
    planned = Screen(network, "Tumorigenic", max_size=2, scenario=scenario, jobs=2)
    shares = planned._shares()
    assert shares is not None and len(shares) == 2 and len(shares[0].inputs) == 5
    sequential = screen(network, "Tumorigenic", max_size=2, scenario=scenario)
    assert rows(planned) == rows(sequential.entries)


def test_a_screen_dealing_perturbations_equals_the_sequential_one(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(screening, "deal_combinations", lambda costs, jobs: None)
    network = read_network(IL6_MODEL)
    planned = Screen(network, "Tumorigenic", max_size=2, jobs=2)
    assert planned._shares() is None
    assert rows(planned) == rows(screen(network, "Tumorigenic", max_size=2).entries)


def test_combination_costs_are_timed_when_the_unperturbed_network_is_first_evaluated() -> None:
    # later evaluations read the cores back from the cache: timing them would say nothing
    network = read_network(IL6_MODEL)
    planned = Screen(network, "Tumorigenic", max_size=1)
    planned.baseline  # noqa: B018 - the baseline is what the costs are timed on
    evaluations = planned.evaluator.reducer.evaluations
    costs = planned.evaluator.combination_costs()
    assert planned.evaluator.reducer.evaluations == evaluations
    assert len(costs) == 2 ** len(planned.evaluator.free_inputs) == 64
    assert all(cost > 0 for cost in costs.values())
    # asked first, they are timed then, on the same baseline
    fresh = Screen(network, "Tumorigenic", max_size=1)
    assert fresh.evaluator.combination_costs().keys() == costs.keys()
    assert [a.ident for a in fresh.baseline.attractors] == [a.ident for a in planned.baseline.attractors]
