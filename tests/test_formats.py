"""Reading and writing networks: round trips through every format."""

from __future__ import annotations

import itertools
import re
from pathlib import Path

import pytest
from conftest import IL6_MODEL, corpus_params
from hypothesis import given, settings
from strategies import networks

from boolnet import InputError, format_network, parse_bnet, parse_rules, read_network, write_network
from boolnet.expr import evaluate
from boolnet.formats import parse_booleannet
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
