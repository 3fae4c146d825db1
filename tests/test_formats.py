"""Reading and writing networks: round trips through every format."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest
from conftest import IL6_MODEL, corpus_params
from hypothesis import given, settings
from strategies import networks

from boolnet import format_network, parse_bnet, parse_rules, read_network, write_network
from boolnet.expr import evaluate
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
