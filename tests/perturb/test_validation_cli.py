"""The IL-6 validation cases, and the perturbation commands through click's CliRunner."""

from __future__ import annotations

import json

import click
import pytest
from click.testing import CliRunner
from conftest import IL6_MODEL

from boolnet.cli.app import BoolnetGroup
from boolnet.cli.check import check_command
from boolnet.cli.screen import interventions_command, screen_command
from boolnet.cli.simulate import simulate_command
from boolnet.formats import read_network
from boolnet.perturb.screening import screen
from boolnet.perturb.validation import check_model, read_validation, validation_path


@click.group(cls=BoolnetGroup)
def main() -> None:
    """Test group holding the perturbation commands."""


for command in (screen_command, interventions_command, check_command, simulate_command):
    main.add_command(command)

NETWORK = read_network(IL6_MODEL)
CASES = read_validation(validation_path(IL6_MODEL), NETWORK)


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_il6_validation_case_holds_asynchronously(case: object) -> None:
    report = check_model(NETWORK, (case,))  # type: ignore[arg-type]
    (result,) = report.cases
    assert result.holds_async, [f.failures for f in result.asynchronous if not f.passed]
    assert result.sync_as_stated


def test_the_cases_are_there() -> None:
    # the five findings the model must reproduce, and the IL-6 blockade in breast cancer stem cells
    assert [c.id[0] for c in CASES] == ["1", "2", "3", "4", "5", "6"]
    assert all(c.source for c in CASES)


def test_each_check_names_the_line_it_is_written_on() -> None:
    # checks repeat claims ("no attractor shows Tumorigenic"), so a text search alone finds the first one
    lines = validation_path(IL6_MODEL).read_text(encoding="utf-8").splitlines()
    written = [number for number, line in enumerate(lines, 1) if line.lstrip().startswith("{ ")]
    assert [check.line for case in CASES for check in case.checks] == written


def test_a_failing_case_is_reported_with_evidence(tmp_path: object) -> None:
    model = tmp_path / "m.txt"  # type: ignore[operator]
    model.write_text("a = a\nb = a\nphenotype On = b\n")
    (tmp_path / "m.validation.toml").write_text(  # type: ignore[operator]
        '[[case]]\nid = "x"\nfinding = "b is never on"\nsource = "made up"\n'
        'check = [{ expect = "no attractor shows b" }]\n'
    )
    result = CliRunner().invoke(main, ["check", str(model)])
    assert result.exit_code == 1
    assert "FAIL  x" in result.output
    assert "breaking attractor 11" in result.output
    assert "0 passed, 1 failed" in result.output


def test_check_passes_on_the_il6_model() -> None:
    result = CliRunner().invoke(main, ["check", str(IL6_MODEL)])
    assert result.exit_code == 0, result.output
    assert "6 passed, 0 failed" in result.output


def test_screen_json_follows_the_contract_and_matches_the_library() -> None:
    args = [
        "screen",
        str(IL6_MODEL),
        "--phenotype",
        "STAT3 & CAIX",
        "--scenario",
        "EGFR=1,Ras=0",
        "--from-phenotype",
        "--format",
        "json",
    ]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert list(data) == [
        "phenotype",
        "update",
        "scenario",
        "mode",
        "strict",
        "background",
        "complete",
        "baseline",
        "interventions",
    ]
    assert data["scenario"] == {"EGFR": 1, "Ras": 0} and data["mode"] == "from-phenotype"
    assert data["strict"] is False and data["background"] == {}
    assert list(data["interventions"][0]) == [
        "perturbation",
        "size",
        "attractors",
        "phenotype_attractors",
        "abolished",
        "minimal",
    ]
    from boolnet.perturb.scenarios import parse_scenario

    library = screen(
        NETWORK, "STAT3 & CAIX", scenario=parse_scenario("EGFR=1,Ras=0", NETWORK), mode="from-phenotype"
    )
    assert data == json.loads(json.dumps(library.to_dict()))
    assert {"JAK": 0} in [e["perturbation"] for e in data["interventions"] if e["abolished"]]


def test_screen_csv_has_one_row_per_perturbation() -> None:
    result = CliRunner().invoke(main, ["screen", str(IL6_MODEL), "-p", "Tumorigenic", "--format", "csv"])
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert lines[0].startswith("phenotype,update,scenario,mode,strict,background,complete,perturbation,size")
    assert len(lines) - 1 == len(screen(NETWORK, "Tumorigenic").entries)


def test_a_background_perturbation_is_reported_and_never_overridden() -> None:
    args = [
        "screen",
        str(IL6_MODEL),
        "-p",
        "Tumorigenic",
        "--oe",
        "EGFR",
        "--ko",
        "Notch3",
        "--format",
        "json",
    ]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["background"] == {"EGFR": 1, "Notch3": 0}
    screened = {key for entry in data["interventions"] for key in entry["perturbation"]}
    assert screened and not screened & {"EGFR", "Notch3"}  # a screened action never undoes the background
    library = screen(NETWORK.perturbed({"EGFR": 1, "Notch3": 0}), "Tumorigenic")
    assert data == json.loads(json.dumps(library.to_dict()))
    table = CliRunner().invoke(main, args[:-2])
    assert "background ko Notch3, oe EGFR" in table.output.splitlines()[1]


def test_a_phenotype_absent_before_any_perturbation_is_said_to_need_no_intervention() -> None:
    result = CliRunner().invoke(
        main, ["interventions", str(IL6_MODEL), "-p", "Tumorigenic", "--scenario", "Anti_IL6=1"]
    )
    assert result.exit_code == 0, result.output
    assert "0 show the phenotype" in result.output
    assert "there is nothing to abolish" in result.output
    assert "minimal interventions" not in result.output


def test_interventions_lists_minimal_sets() -> None:
    result = CliRunner().invoke(
        main, ["interventions", str(IL6_MODEL), "-p", "Tumorigenic", "--max-size", "2"]
    )
    assert result.exit_code == 0, result.output
    assert "ko JAK" in result.output and "minimal interventions" in result.output
    for readout in NETWORK.readouts:  # read-outs report the phenotype; they are not candidates
        assert f"ko {readout}" not in result.output and f"oe {readout}" not in result.output
    fewer = CliRunner().invoke(
        main, ["interventions", str(IL6_MODEL), "-p", "Tumorigenic", "--max-size", "2", "--exclude", "JAK"]
    )
    assert fewer.exit_code == 0 and "ko JAK" not in fewer.output and "ko STAT3" in fewer.output


def test_simulate_is_reproducible_with_a_seed() -> None:
    args = [
        "simulate",
        str(IL6_MODEL),
        "--initial",
        "Tumorigenic",
        "--ko",
        "JAK",
        "--runs",
        "200",
        "--steps",
        "30",
        "--seed",
        "7",
        "--format",
        "json",
    ]
    first = CliRunner().invoke(main, args)
    second = CliRunner().invoke(main, args)
    assert first.exit_code == 0 and first.output == second.output
    data = json.loads(first.output)
    jak = NETWORK.index("JAK")
    assert all(entry["pattern"][jak] == "0" for entry in data["final_attractors"])
    assert data["fractions"][0]["Tumorigenic"] == 1.0


BAD = [
    (
        ["screen", str(IL6_MODEL), "-p", "Tumorignic"],
        "<phenotype>:1:1: unknown node or phenotype 'Tumorignic' in the phenotype; did you mean 'Tumorigenic'?",
    ),
    (
        ["screen", str(IL6_MODEL), "-p", "STAT3 & Notch"],
        "<phenotype>:1:9: unknown node or phenotype 'Notch' in the phenotype; did you mean 'Notch3'?",
    ),
    (["screen", str(IL6_MODEL), "-p", "STAT3 &"], "<phenotype>:1:8: expected a node name after '&'"),
    (
        ["screen", str(IL6_MODEL), "-p", "Tumorigenic", "--scenario", "JAK=1"],
        "--scenario:1:1: 'JAK' is not an input; a scenario fixes inputs only (EGFR, Ras, Hypoxia, Anti_IL6, JAKi, "
        "IL6_ext); use --ko/--oe to perturb other nodes",
    ),
    (
        ["screen", str(IL6_MODEL), "-p", "Tumorigenic", "--ko", "JAK", "--oe", "JAK"],
        "error: conflicting perturbations of 'JAK': ko JAK and oe JAK",
    ),
    (
        ["screen", str(IL6_MODEL), "-p", "Tumorigenic", "--cut", "STAT3->gp130"],
        "error: cannot cut STAT3->gp130: 'STAT3' does not regulate 'gp130'",
    ),
    (
        ["screen", str(IL6_MODEL), "-p", "Tumorigenic", "--kinds", "ko,xx"],
        "error: unknown perturbation kind 'xx' (use ko, oe, cut)",
    ),
    (
        ["screen", str(IL6_MODEL), "-p", "Tumorigenic", "--ko", "JAK", "--targets", "JAK,STAT3"],
        "error: target 'JAK' is already fixed by the background perturbation ko JAK",
    ),
    (
        ["screen", str(IL6_MODEL), "-p", "Tumorigenic", "--targets", ""],
        "error: no target nodes given",
    ),
    (
        ["interventions", str(IL6_MODEL), "-p", "Tumorigenic", "--exclude", "Notch3,Jagged"],
        "error: unknown excluded node 'Jagged'; did you mean 'Jagged1'?",
    ),
    (
        ["simulate", str(IL6_MODEL), "--ko", "JAKK"],
        "error: cannot perturb unknown node 'JAKK'; did you mean 'JAK'?",
    ),
]


@pytest.mark.parametrize(("args", "message"), BAD, ids=[str(i) for i in range(len(BAD))])
def test_bad_input_gives_an_exact_message_and_no_traceback(args: list[str], message: str) -> None:
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 1
    assert result.stderr.splitlines()[0] == message
    assert "Traceback" not in result.output + result.stderr
    assert not isinstance(result.exception, Exception) or isinstance(result.exception, SystemExit)
