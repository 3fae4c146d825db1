"""Reading and writing networks: round trips through every format."""

from __future__ import annotations

import itertools
import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import IL6_MODEL, corpus_params
from hypothesis import given, settings
from strategies import networks

from boolnet import InputError, format_network, parse_bnet, parse_rules, read_network, write_network
from boolnet.cli import main
from boolnet.expr import evaluate
from boolnet.formats import SUFFIXES, convert_network, dropped_declarations, parse_booleannet
from boolnet.model import Network


def same_functions(first: Network, second: Network) -> bool:
    """Same nodes in the same order, and every rule the same Boolean function."""
    if first.nodes != second.nodes:
        return False
    for a, b in zip(first.rules, second.rules, strict=True):
        names = sorted(a.regulators | b.regulators)
        for values in itertools.product((False, True), repeat=len(names)):
            state = dict(zip(names, values, strict=True))
            if evaluate(a.expr, state) != evaluate(b.expr, state):
                return False
    return True


@settings(max_examples=200, deadline=None)
@given(networks(max_nodes=6))
def test_bnet_round_trip(network: Network) -> None:
    text = format_network(network, ".bnet")
    again = parse_bnet(text)
    assert same_functions(network, again)
    assert format_network(again, ".bnet") == text


@settings(max_examples=200, deadline=None)
@given(networks(max_nodes=6))
def test_native_round_trip(network: Network) -> None:
    text = format_network(network, ".txt")
    again = parse_rules(text)
    assert same_functions(network, again)
    assert format_network(again, ".txt") == text


@settings(max_examples=200, deadline=None)
@given(networks(max_nodes=6))
def test_booleannet_round_trip(network: Network) -> None:
    text = format_network(network, ".booleannet")
    again = parse_booleannet(text)
    assert same_functions(network, again) and again.inputs == network.inputs
    assert format_network(again, ".booleannet") == text


def test_booleannet_is_written_in_booleannet_syntax() -> None:
    network = parse_rules(
        "EGFR = EGFR\nOn = 1\nJAK = EGFR | !(On & JAK)\nSTAT3 = JAK & !EGFR\n"
        "readout STAT3\nphenotype Active = STAT3 & JAK\n"
    )
    assert format_network(network, ".booleannet") == (
        "# initial values: BooleanNet needs one for every node\n"
        "EGFR = Random\n"
        "On = Random\n"
        "JAK = Random\n"
        "STAT3 = Random\n"
        "\n"
        "# update rules\n"
        "EGFR*  = EGFR\n"
        "On*    = True\n"
        "JAK*   = EGFR or not (On and JAK)\n"
        "STAT3* = JAK and not EGFR\n"
        "\n"
        "# boolnet declarations that BooleanNet has no place for (native syntax):\n"
        "# readout STAT3\n"
        "# phenotype Active = STAT3 & JAK\n"
    )


def test_the_il6_model_through_booleannet(tmp_path: Path) -> None:
    network = read_network(IL6_MODEL)
    path = tmp_path / "il6.booleannet"
    write_network(network, path)
    rules = [line for line in path.read_text().splitlines() if line and not line.startswith("#")]
    assert all(re.fullmatch(r"\w+ = Random|\w+\* += [\w ()]+", line) for line in rules)
    assert not any(symbol in line for line in rules for symbol in "&|!")
    again = read_network(path)
    assert again.rules == network.rules and again.inputs == network.inputs
    assert (again.readouts, again.phenotypes) == ((), ())  # comments in BooleanNet


def test_a_booleannet_file_is_read_as_booleannet_even_without_stars(tmp_path: Path) -> None:
    path = tmp_path / "initial.booleannet"
    path.write_text("A = True\nB = False  # initial values only: both keep them\n")
    assert read_network(path).inputs == ("A", "B")
    path.write_text("A = A\nB = A\n")  # native syntax under a BooleanNet suffix
    with pytest.raises(InputError) as caught:
        read_network(path)
    assert caught.value.render().splitlines()[0] == (
        f"{path}:1:1: plain rule for 'A' in a BooleanNet file; write 'A* = ...'"
    )


def test_a_node_named_random_is_not_written_to_booleannet() -> None:
    with pytest.raises(InputError) as caught:
        format_network(parse_rules("Random = Random\nA = Random\n"), ".booleannet")
    assert str(caught.value) == (
        "<booleannet>: node 'Random' cannot be written to BooleanNet, where 'Random' is a reserved word; "
        "rename the node"
    )


def test_inputs_are_written_as_identities(tmp_path: Path) -> None:
    network = read_network(IL6_MODEL)
    write_network(network, tmp_path / "il6.bnet")
    text = (tmp_path / "il6.bnet").read_text()
    assert text.startswith("targets, factors\n")
    assert "\nEGFR,            EGFR\n" in text
    again = read_network(tmp_path / "il6.bnet")
    assert again.rules == network.rules and again.inputs == network.inputs


def test_native_file_keeps_phenotypes(tmp_path: Path) -> None:
    network = read_network(IL6_MODEL)
    write_network(network, tmp_path / "copy.rules")
    again = read_network(tmp_path / "copy.rules")
    assert again.rules == network.rules and again.phenotypes == network.phenotypes


@pytest.mark.parametrize("path", corpus_params(max_nodes=2000))
def test_corpus_models_round_trip(path: Path) -> None:
    network = read_network(path)
    assert parse_bnet(format_network(network, ".bnet")).rules == network.rules
    assert parse_rules(format_network(network, ".txt")).rules == network.rules


def test_convert_refuses_to_overwrite_its_input(tmp_path: Path) -> None:
    model = tmp_path / "il6.txt"
    model.write_text(IL6_MODEL.read_text())
    (tmp_path / "sub").mkdir()
    for output in (model, tmp_path / "sub" / ".." / "il6.txt"):
        result = CliRunner().invoke(main, ["convert", str(model), str(output)])
        assert (result.exit_code, result.stdout) == (1, "")
        assert result.stderr == (
            f"{output}: the output is the input file, and converting would overwrite it; "
            "write to another file (comments and citations are not converted)\n"
        )
    assert model.read_text() == IL6_MODEL.read_text()
    with pytest.raises(InputError, match="the output is the input file"):
        convert_network(model, model)


def test_convert_warns_of_what_the_target_format_cannot_hold(tmp_path: Path) -> None:
    network = read_network(IL6_MODEL)
    output = tmp_path / "il6.bnet"
    result = CliRunner().invoke(main, ["convert", str(IL6_MODEL), str(output)])
    assert (result.exit_code, result.stdout) == (0, "")
    assert result.stderr == (
        f"warning: {output}: the .bnet format has no place for the read-outs {', '.join(network.readouts)}\n"
        f"warning: {output}: the .bnet format has no place for the phenotypes Tumorigenic, STAT3_active\n"
    )
    assert read_network(output).rules == network.rules
    assert convert_network(IL6_MODEL, tmp_path / "il6.sbml") == dropped_declarations(network, ".sbml")
    native = CliRunner().invoke(main, ["convert", str(IL6_MODEL), str(tmp_path / "il6.rules")])
    assert (native.exit_code, native.stderr) == (0, "")


def test_dropped_declarations_by_format() -> None:
    network = parse_rules("A = A\nB = A\nC = B\nreadout B\nphenotype On = B\nphenotype Off = !C\n")
    assert dropped_declarations(network, ".txt") == dropped_declarations(network, ".RULES") == ()
    for suffix in (".bnet", ".booleannet", ".sbml", ".xml"):
        assert dropped_declarations(network, suffix) == ("read-out B", "phenotypes On, Off")
    assert dropped_declarations(parse_rules("A = A\n"), ".bnet") == ()


def test_convert_help_names_every_suffix() -> None:
    result = CliRunner().invoke(main, ["convert", "--help"])
    assert result.exit_code == 0
    assert all(suffix in result.stdout.split() for suffix in SUFFIXES)
