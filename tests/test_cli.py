"""The command line, through click's CliRunner: output equals the library's, errors are clean."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from conftest import IL6_MODEL

import boolnet
from boolnet import find_attractors, read_network
from boolnet.cli import main
from boolnet.formats.results import result_to_dict

MODEL = str(IL6_MODEL)


def run(*args: str) -> Result:
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def test_info_lists_nodes_inputs_and_loops() -> None:
    result = run("info", MODEL)
    assert result.exit_code == 0, result.output
    network = read_network(IL6_MODEL)
    assert {"EGFR", "Ras"} <= set(network.inputs)
    assert f"inputs      {len(network.inputs)}: {', '.join(network.inputs)}\n" in result.stdout
    assert "+  IL6 -> IL6R -> gp130 -> JAK -> STAT3 -> IL6" in result.stdout
    data = json.loads(run("info", MODEL, "--format", "json").stdout)
    assert data["inputs"] == list(network.inputs)
    assert data["readouts"] == list(network.readouts) and "Proliferation" in data["readouts"]
    assert [n["name"] for n in data["nodes"] if n["readout"]] == list(network.readouts)
    assert f"read-outs   {len(network.readouts)}: {', '.join(network.readouts)}\n" in result.stdout
    assert {"source": "Anti_IL6", "target": "IL6R", "sign": "-"} in data["edges"]


@pytest.mark.parametrize("update", ["sync", "async", "synchronous", "asynchronous"])
def test_attractors_json_equals_the_library_result(update: str) -> None:
    result = run("attractors", MODEL, "--update", update, "--ko", "IL6", "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    expected = result_to_dict(
        find_attractors(read_network(IL6_MODEL), update, perturbation={"IL6": 0}), model=MODEL
    )
    assert data == expected
    assert data["perturbation"] == {"IL6": 0} and data["complete"] is True
    assert data["update"] == ("synchronous" if update.startswith("sync") else "asynchronous")
    first = data["attractors"][0]
    assert set(first) >= {"kind", "size", "pattern", "states"}
    assert ("basin" in first) == update.startswith("sync")
    assert all(len(state) == len(data["nodes"]) for a in data["attractors"] for state in a["states"])


def test_attractors_csv_has_a_row_per_state() -> None:
    result = run("attractors", MODEL, "-u", "sync", "--oe", "EGFR", "--ko", "Ras", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    library = find_attractors(read_network(IL6_MODEL), "sync", perturbation={"EGFR": 1, "Ras": 0})
    assert len(rows) == sum(a.size for a in library.attractors)
    assert all(row["EGFR"] == "1" and row["Ras"] == "0" for row in rows)


def test_attractors_table_shows_every_attractor() -> None:
    result = run("attractors", MODEL, "--oe", "EGFR")
    assert result.exit_code == 0
    count = len(find_attractors(read_network(IL6_MODEL), "async", perturbation={"EGFR": 1}).attractors)
    assert f"{count} attractors" in result.stdout
    header = next(line for line in result.stdout.splitlines() if line.lstrip().startswith("#"))
    assert header.split()[:4] == ["#", "kind", "size", "EGFR"]


def test_graph_formats() -> None:
    dot = run("graph", MODEL).stdout
    assert dot.startswith("digraph") and '"Anti_IL6" -> "IL6R"' in dot and "arrowhead=tee" in dot
    sif = run("graph", MODEL, "--format", "sif").stdout
    assert "Anti_IL6\tinhibits\tIL6R\n" in sif
    graphml = run("graph", MODEL, "--format", "graphml").stdout
    assert "<graphml" in graphml
    data = json.loads(run("graph", MODEL, "--format", "json").stdout)
    assert {"source": "JAK", "target": "STAT3", "sign": "+"} in data["edges"]


def test_convert_round_trips(tmp_path: Path) -> None:
    target = tmp_path / "il6.bnet"
    assert run("convert", MODEL, str(target)).exit_code == 0
    assert read_network(target).rules == read_network(IL6_MODEL).rules
    back = tmp_path / "back.txt"
    assert run("convert", str(target), str(back)).exit_code == 0
    assert read_network(back).rules == read_network(IL6_MODEL).rules
    assert run("convert", MODEL, "-").stdout.startswith("EGFR")


def test_engines_lists_the_registry_in_auto_order() -> None:
    lines = run("engines").stdout.splitlines()
    names = [line.split()[0] for line in lines[1:]]
    assert names == [engine.name for engine in boolnet.list_engines()]
    assert {"exhaustive", "symbolic", "sat"} <= set(names)
    assert lines[1].split()[:2] == ["symbolic", "asynchronous"]


def test_attractors_take_a_scenario_and_a_cut_regulation() -> None:
    args = ["--scenario", "EGFR=1,Ras=0", "--cut", "IL6->IL6R", "--format", "json"]
    data = json.loads(run("attractors", MODEL, *args).stdout)
    assert data["perturbation"] == {"EGFR": 1, "Ras": 0, "IL6->IL6R": 0}
    network = read_network(IL6_MODEL).perturbed({"EGFR": 1, "Ras": 0}).cut({("IL6", "IL6R"): 0})
    assert data["attractors"] == result_to_dict(find_attractors(network, "async"))["attractors"]
    table = run("attractors", MODEL, *args[:4]).stdout.splitlines()
    assert table[1:3] == ["scenario: EGFR=1, Ras=0", "perturbation: cut IL6->IL6R=0"]


def test_repeated_scenarios_add_up() -> None:
    args = ["--scenario", "EGFR=1", "--scenario", "Ras=0", "--format", "json"]
    assert json.loads(run("attractors", MODEL, *args).stdout)["perturbation"] == {"EGFR": 1, "Ras": 0}
    result = CliRunner().invoke(main, ["attractors", MODEL, "--scenario", "EGFR=1", "--scenario", "EGFR=0"])
    assert result.exit_code == 1
    assert "--scenario:1:9: 'EGFR' is given twice with different values in the scenario" in result.stderr


def test_trapspaces_and_fixed_points_equal_the_library() -> None:
    network = read_network(IL6_MODEL).perturbed({"JAK": 0})
    for command, kind, library in [
        (["trapspaces"], "minimal", boolnet.find_trap_spaces(network)),
        (["trapspaces", "--maximal"], "maximal", boolnet.find_trap_spaces(network, kind="maximal")),
        (["fixed-points"], "fixed_points", boolnet.find_fixed_points(network)),
    ]:
        data = json.loads(run(*command, MODEL, "--ko", "JAK", "--format", "json").stdout)
        assert data["kind"] == kind and data["complete"] is True and data["perturbation"] == {"JAK": 0}
        assert [space["pattern"] for space in data["trap_spaces"]] == [t.pattern for t in library]
        table = run(*command, MODEL, "--ko", "JAK").stdout
        lines = table.splitlines()
        assert lines[1] == "perturbation: JAK=0" and lines[2].startswith(f"{len(library)} ")
        rows = list(csv.reader(io.StringIO(run(*command, MODEL, "--ko", "JAK", "--format", "csv").stdout)))
        assert rows[0] == ["number", *network.nodes] and len(rows) == len(library) + 1


def test_fixed_points_are_the_single_state_attractors() -> None:
    data = json.loads(run("fixed-points", MODEL, "--format", "json").stdout)
    attractors = find_attractors(read_network(IL6_MODEL), "async").attractors
    expected = sorted(a.states[0] for a in attractors if a.size == 1)
    assert sorted(space["pattern"] for space in data["trap_spaces"]) == expected


def test_version_and_module_entry_point() -> None:
    assert "boolnet" in run("--version").stdout


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["attractors", "{bad}"], 1, "{bad}:2:14: expected a node name after '&'\n"),
        (["info", "{missing}"], 1, "{missing}: no such file\n"),
        (
            ["attractors", MODEL, "--ko", "IL66"],
            1,
            "error: cannot perturb unknown node 'IL66'; did you mean 'IL6'?\n",
        ),
        (
            ["attractors", MODEL, "--ko", "IL6", "--oe", "IL6"],
            1,
            "error: conflicting perturbations of 'IL6': ko IL6 and oe IL6\n",
        ),
        (["attractors", MODEL, "--method", "magic"], 1, "error: unknown method 'magic'"),
        (["attractors", MODEL, "--update", "sideways"], 2, "Invalid value for '--update'"),
        (["convert", MODEL, "{tmp}/out.xlsx"], 1, "{tmp}/out.xlsx: unknown file type '.xlsx'"),
        (["convert", MODEL, "{tmp}/out"], 1, "{tmp}/out: the file name has no suffix to choose a format by"),
        (["trapspaces", "{bad}"], 1, "{bad}:2:14: expected a node name after '&'\n"),
        (["fixed-points", MODEL, "--ko", "IL66"], 1, "did you mean 'IL6'?\n"),
        (
            ["attractors", MODEL, "--cut", "IL6->JAK"],
            1,
            "error: cannot cut IL6->JAK: 'IL6' does not regulate 'JAK'",
        ),
        (["attractors", MODEL, "--memory", "nan"], 2, "'--memory': 'nan' is not a positive number"),
        (["attractors", MODEL, "--memory", "inf"], 2, "'--memory': 'inf' is not a positive number"),
        (["attractors", MODEL, "--timeout", "0"], 2, "'--timeout': '0' is not a positive number"),
        (["trapspaces", MODEL, "--timeout", "-1"], 2, "'--timeout': '-1' is not a positive number"),
        (["screen", MODEL, "-p", "STAT3", "--memory", "-1"], 2, "'--memory': '-1' is not a positive number"),
        (["simulate", MODEL, "--seed", "-1"], 2, "Invalid value for '--seed'"),
        (
            ["simulate", MODEL, "--initial", "0101"],
            1,
            "<initial>: the initial state '0101' has 4 values; the model has 20 nodes",
        ),
        (
            ["simulate", MODEL, "--initial", "0000000000000000000x"],
            1,
            "<initial>:1:20: the initial state '0000000000000000000x' holds 'x': a state is a string of 0s and 1s",
        ),
        (
            ["simulate", MODEL, "--initial", "0000000000 000000000"],
            1,
            "<initial>:1:11: the initial state '0000000000 000000000' holds ' '",
        ),
        (["simulate", MODEL, "--method", "magic"], 1, "error: unknown method 'magic'"),
    ],
)
def test_errors_exit_cleanly(tmp_path: Path, args: list[str], code: int, message: str) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_text("JAK = JAK\nSTAT3 = JAK &\n")
    values = {"bad": str(bad), "missing": str(tmp_path / "missing.txt"), "tmp": str(tmp_path)}
    result = CliRunner().invoke(main, [a.format(**values) for a in args])
    assert result.exit_code == code
    assert message.format(**values) in result.stderr
    assert ("Traceback" not in result.output and result.exception is None) or isinstance(
        result.exception, SystemExit
    )
    assert result.stdout == ""


def test_limit_error_names_the_budget(tmp_path: Path) -> None:
    model = tmp_path / "ring.txt"
    model.write_text("\n".join(f"x{i} = x{(i + 1) % 24}" for i in range(24)))
    result = CliRunner().invoke(
        main, ["attractors", str(model), "--memory", "0.01", "--method", "exhaustive"]
    )
    assert result.exit_code == 1
    assert "over the memory budget of 0.01 GiB (raise it with --memory" in result.stderr


@pytest.mark.parametrize("fmt", ["png", "svg"])
def test_graph_and_attractor_pictures(tmp_path: Path, fmt: str) -> None:
    pytest.importorskip("matplotlib")
    picture = tmp_path / f"il6.{fmt}"
    assert run("graph", MODEL, "--format", fmt, "--output", str(picture)).exit_code == 0
    assert picture.stat().st_size > 1000
    attractor_map = tmp_path / f"map.{fmt}"
    assert run("attractors", MODEL, "--oe", "EGFR", "--plot", str(attractor_map)).exit_code == 0
    assert attractor_map.stat().st_size > 1000


def test_picture_needs_an_output_file() -> None:
    result = CliRunner().invoke(main, ["graph", MODEL, "--format", "png"])
    assert result.exit_code == 2 and "name the file with --output" in result.stderr


def test_picture_format_must_match_the_output_suffix(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["graph", MODEL, "--format", "png", "-o", str(tmp_path / "g.svg")])
    assert result.exit_code == 2 and "--format png does not match the output file g.svg" in result.stderr
    assert not (tmp_path / "g.svg").exists()


OSCILLATORS = "\n".join(f"a{i} = !a{i}" for i in range(4)) + "\nout = a0\n"  # one attractor, 32 states


def test_listed_states_decides_which_attractors_list_their_states(tmp_path: Path) -> None:
    model = tmp_path / "oscillators.txt"
    model.write_text(OSCILLATORS)
    network = read_network(model)
    for listed, omitted in ((10, True), (32, False)):
        result = run("attractors", str(model), "--format", "json", "--listed-states", str(listed))
        (attractor,) = json.loads(result.stdout)["attractors"]
        assert attractor.get("states_omitted", False) is omitted
        expected = find_attractors(network, "async", limits=boolnet.Limits(listed_states=listed))
        assert json.loads(result.stdout) == result_to_dict(expected, model=str(model))


@pytest.mark.parametrize(
    "command",
    [
        ["screen", "-p", "out", "--from-phenotype", "--kinds", "ko"],
        ["simulate", "--runs", "5", "--steps", "3", "--seed", "1", "-p", "out"],
    ],
)
def test_a_listing_limit_is_raised_from_the_command_line(tmp_path: Path, command: list[str]) -> None:
    model = tmp_path / "oscillators.txt"
    model.write_text(OSCILLATORS)
    args = [command[0], str(model), *command[1:]]
    short = CliRunner().invoke(main, [*args, "--listed-states", "2"])
    assert short.exit_code == 1
    assert "raise it with --listed-states" in short.stderr
    assert "Traceback" not in short.output
    assert CliRunner().invoke(main, args).exit_code == 0
