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
from boolnet.perturb.interventions import find_interventions
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
