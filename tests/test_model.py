"""The immutable network: nodes, inputs, perturbations."""

from __future__ import annotations

from pathlib import Path

import pytest

from boolnet import ModelError, Network, PerturbationError, parse_bnet, parse_rules, read_network
from boolnet.expr import Const
from boolnet.frozen import FrozenInstanceError


@pytest.fixture
def net() -> Network:
    return parse_rules("EGFR = EGFR\nIL6 = EGFR | STAT3\nSTAT3 = IL6\nOn = 1\n")


def test_nodes_inputs_constants(net: Network) -> None:
    assert net.nodes == ("EGFR", "IL6", "STAT3", "On")
    assert net.inputs == ("EGFR",)
    assert net.constants == ("On",)
    assert net.regulators("IL6") == ("EGFR", "STAT3")
    assert net.index("STAT3") == 2 and "IL6" in net and len(net) == 4


def test_network_is_immutable(net: Network) -> None:
    with pytest.raises(FrozenInstanceError):
        net.name = "other"  # type: ignore[misc]


def test_perturbed_returns_a_new_network(net: Network) -> None:
    knocked = net.perturbed({"IL6": 0})
    assert knocked.rule("IL6").expr == Const(False)
    assert knocked.perturbation_dict == {"IL6": 0}
    assert net.rule("IL6").expr != Const(False)
    both = knocked.perturbed({"EGFR": 1, "IL6": 0})
    assert both.perturbation_dict == {"IL6": 0, "EGFR": 1}


@pytest.mark.parametrize(
    ("first", "second", "message"),
    [
        ({"IL66": 0}, None, "cannot perturb unknown node 'IL66'; did you mean 'IL6'?"),
        ({"IL6": 2}, None, "node 'IL6' can only be fixed to 0 or 1, not 2"),
        ({"IL6": 0}, {"IL6": 1}, "conflicting perturbations of 'IL6': fixed to 0 and to 1"),
    ],
)
def test_bad_perturbations(
    net: Network, first: dict[str, int], second: dict[str, int] | None, message: str
) -> None:
    with pytest.raises(PerturbationError) as caught:
        perturbed = net.perturbed(first)
        if second:
            perturbed.perturbed(second)
    assert str(caught.value) == message


@pytest.mark.parametrize("values", [(0, 0), (0, 1), (1, 0), (1, 1)])
def test_every_regulation_of_a_rule_can_be_cut_at_once(values: tuple[int, int]) -> None:
    # cutting A->X first folds 'A & B' to a constant, so B must be checked against the uncut rule
    net = parse_rules("I = I\nA = I\nB = I\nX = A & B\n")
    cut = net.cut({("A", "X"): values[0], ("B", "X"): values[1]})
    assert cut.rule("X").expr == Const(values == (1, 1))
    assert cut.cuts == (("A", "X", values[0]), ("B", "X", values[1]))


def test_an_undefined_node_of_a_bnet_file_is_declared_in_bnet_syntax() -> None:
    with pytest.raises(ModelError) as caught:
        parse_bnet("targets, factors\nA, B & D\nB, A\n")
    assert str(caught.value).splitlines()[0] == (
        "<bnet>:2:8: undefined node 'D'; give it a rule, or declare it an input with 'D, D'"
    )


def test_a_declared_phenotype_naming_another_is_told_to_name_nodes() -> None:
    with pytest.raises(ModelError) as caught:
        parse_rules("A = B\nB = A\nphenotype P = A\nphenotype Q = P & B\n")
    assert str(caught.value).splitlines()[0] == (
        "<rules>:4:15: phenotype 'Q' names the phenotype 'P'; "
        "a phenotype declared in the model names nodes only: write out 'P'"
    )


def test_an_undefined_node_of_a_boolnet_file_saved_as_txt_is_declared_in_bnet_syntax(tmp_path: Path) -> None:
    model = tmp_path / "m.txt"
    model.write_text("targets, factors\nA, B & D\nB, A\n")
    with pytest.raises(ModelError) as caught:
        read_network(model)
    assert str(caught.value).splitlines()[0].endswith("declare it an input with 'D, D'")
