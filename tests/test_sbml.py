"""SBML-qual: GINsim-style files, round trips and clear refusals."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest
from conftest import IL6_MODEL
from hypothesis import given, settings
from strategies import networks
from test_formats import same_functions

from boolnet import InputError, format_network, parse_rules, read_network
from boolnet.expr import evaluate, nesting_depth, to_text
from boolnet.model import Network

pytest.importorskip("libsbml")

from boolnet.formats.sbml import format_sbml, parse_sbml

HEADER = """<?xml version="1.0" encoding="UTF-8"?>
<sbml xmlns="http://www.sbml.org/sbml/level3/version1/core" level="3" version="1"
      xmlns:qual="http://www.sbml.org/sbml/level3/version1/qual/version1" qual:required="true">
  <model id="example">
    <listOfCompartments><compartment id="c" constant="true"/></listOfCompartments>
    <qual:listOfQualitativeSpecies>
{species}
    </qual:listOfQualitativeSpecies>
    <qual:listOfTransitions>
{transitions}
    </qual:listOfTransitions>
  </model>
</sbml>
"""


def species(*names: str, max_level: int = 1, constant: bool = False, initial: int | None = None) -> str:
    level = "" if initial is None else f' qual:initialLevel="{initial}"'
    return "\n".join(
        f'      <qual:qualitativeSpecies qual:id="{n}" qual:compartment="c" '
        f'qual:constant="{str(constant).lower()}" qual:maxLevel="{max_level}"{level}/>'
        for n in names
    )


def transition(target: str, inputs: list[str], math: str, default: int = 0, level: int = 1) -> str:
    listed = "".join(
        f'<qual:input qual:id="in_{target}_{i}" qual:qualitativeSpecies="{i}" qual:transitionEffect="none"/>'
        for i in inputs
    )
    return f"""      <qual:transition qual:id="t_{target}">
        <qual:listOfInputs>{listed}</qual:listOfInputs>
        <qual:listOfOutputs><qual:output qual:qualitativeSpecies="{target}" qual:transitionEffect="assignmentLevel"/></qual:listOfOutputs>
        <qual:listOfFunctionTerms>
          <qual:defaultTerm qual:resultLevel="{default}"/>
          <qual:functionTerm qual:resultLevel="{level}">
            <math xmlns="http://www.w3.org/1998/Math/MathML">{math}</math>
          </qual:functionTerm>
        </qual:listOfFunctionTerms>
      </qual:transition>"""


def relation(op: str, name: str, level: int, flipped: bool = False) -> str:
    parts = [f"<ci>{name}</ci>", f'<cn type="integer">{level}</cn>']
    return f"<apply><{op}/>{''.join(reversed(parts) if flipped else parts)}</apply>"


def test_reads_ginsim_style_comparisons() -> None:
    body = HEADER.format(
        species=species("EGFR", "IL6", "STAT3", "SOCS3"),
        transitions="\n".join(
            [
                transition(
                    "IL6",
                    ["EGFR", "STAT3"],
                    f"<apply><or/>{relation('eq', 'EGFR', 1)}{relation('geq', 'STAT3', 1)}</apply>",
                ),
                # refers to the input's id instead of the species, and compares the other way round
                transition(
                    "STAT3",
                    ["IL6", "SOCS3"],
                    f"<apply><and/>{relation('lt', 'in_STAT3_IL6', 0, True)}{relation('neq', 'SOCS3', 1)}</apply>",
                ),
                transition("SOCS3", ["STAT3"], relation("eq", "STAT3", 0), default=1, level=0),
            ]
        ),
    )
    network = parse_sbml(body, "model.sbml")
    assert network.nodes == ("EGFR", "IL6", "STAT3", "SOCS3")
    assert network.inputs == ("EGFR",)
    assert [to_text(r.expr) for r in network.rules[1:]] == ["EGFR | STAT3", "IL6 & !SOCS3", "!!STAT3"]


@pytest.mark.parametrize("initial", [None, 0, 1])
def test_constant_species_without_a_transition_are_inputs(initial: int | None) -> None:
    # bioLQM, GINsim and CoLoMoTo write an input so, with an initial level when an initial state is set
    body = HEADER.format(
        species="\n".join([species("In", constant=True, initial=initial), species("Out")]),
        transitions=transition("Out", ["In"], relation("eq", "In", 0)),
    )
    network = parse_sbml(body, "inputs.sbml")
    assert network.inputs == ("In",)
    assert [to_text(r.expr) for r in network.rules] == ["In", "!In"]


def test_inputs_are_written_as_bioLQM_writes_them() -> None:
    import libsbml

    network = parse_rules("In = In\nOn = 1\nOut = In & On\n")
    document = libsbml.readSBMLFromString(format_sbml(network))  # kept: the model lives in it
    qual = document.getModel().getPlugin("qual")
    constant = {s.getId(): s.getConstant() for s in qual.getListOfQualitativeSpecies()}
    outputs = [t.getOutput(0).getQualitativeSpecies() for t in qual.getListOfTransitions()]
    assert constant == {"In": True, "On": False, "Out": False}
    assert outputs == ["On", "Out"]  # an input has no transition, a constant node has one
    assert parse_sbml(format_sbml(network)).rules == network.rules


@pytest.mark.parametrize(
    ("math", "expected"),
    [
        ("<apply><xor/><ci>A</ci><ci>B</ci></apply>", "A & !B | !A & B"),
        (f"<apply><xor/>{relation('eq', 'A', 1)}{relation('eq', 'B', 0)}</apply>", "A & !!B | !A & !B"),
        ("<apply><and/><ci>in_C_A</ci><apply><not/><ci>B</ci></apply></apply>", "A & !B"),
        ("<apply><or/><ci>A</ci></apply>", "A"),
    ],
)
def test_species_named_alone_and_xor(math: str, expected: str) -> None:
    body = HEADER.format(species=species("A", "B", "C"), transitions=transition("C", ["A", "B"], math))
    assert to_text(parse_sbml(body, "x.sbml").rule("C").expr) == expected


def _nested_or(names: list[str]) -> str:
    """``a | (b | (c | ...))`` in MathML, nested in pairs as some tools write long disjunctions."""
    math = f"<ci>{names[-1]}</ci>"
    for name in reversed(names[:-1]):
        math = f"<apply><or/><ci>{name}</ci>{math}</apply>"
    return math


def test_a_disjunction_nested_in_pairs_reads_as_one_flat_rule() -> None:
    names = [f"A{i}" for i in range(300)]
    body = HEADER.format(species=species(*names, "C"), transitions=transition("C", names, _nested_or(names)))
    rule = parse_sbml(body, "x.sbml").rule("C").expr
    assert to_text(rule) == " | ".join(names) and nesting_depth(rule) == 1


def test_a_rule_nested_too_deep_is_refused_at_its_transition() -> None:
    names = [f"A{i}" for i in range(210)]
    math = f"<ci>{names[-1]}</ci>"
    for depth, name in enumerate(reversed(names[:-1])):  # and/or alternate, so nothing flattens
        math = f"<apply><{'and' if depth % 2 else 'or'}/><ci>{name}</ci>{math}</apply>"
    body = HEADER.format(species=species(*names, "C"), transitions=transition("C", names, math))
    with pytest.raises(InputError) as caught:
        parse_sbml(body, "x.sbml")
    assert "the function terms of transition 't_C' nest 209 levels deep; at most 200" in str(caught.value)


def test_mathml_too_deep_to_read_is_an_input_error() -> None:
    names = [f"A{i}" for i in range(1000)]
    body = HEADER.format(species=species(*names, "C"), transitions=transition("C", names, _nested_or(names)))
    with pytest.raises(InputError, match="a function term's MathML nests too deep to be read"):
        parse_sbml(body, "x.sbml")


def test_xor_of_three_is_their_parity() -> None:
    math = "<apply><xor/><ci>A</ci><ci>B</ci><ci>C</ci></apply>"
    body = HEADER.format(
        species=species("A", "B", "C", "D"), transitions=transition("D", ["A", "B", "C"], math)
    )
    rule = parse_sbml(body, "x.sbml").rule("D").expr
    for values in itertools.product((False, True), repeat=3):
        assert evaluate(rule, dict(zip("ABC", values, strict=True))) == (sum(values) % 2 == 1)


def named_input(threshold: int) -> str:
    body = HEADER.format(species=species("A", "C"), transitions=transition("C", ["A"], "<ci>in_C_A</ci>"))
    return body.replace(
        'transitionEffect="none"', f'transitionEffect="none" qual:thresholdLevel="{threshold}"'
    )


@pytest.mark.parametrize(("threshold", "expected"), [(0, "1"), (1, "A")])
def test_a_named_input_is_on_from_its_threshold(threshold: int, expected: str) -> None:
    assert to_text(parse_sbml(named_input(threshold), "x.sbml").rule("C").expr) == expected
    with pytest.raises(InputError) as caught:
        parse_sbml(named_input(2), "x.sbml")
    assert caught.value.render().splitlines()[0] == (
        "x.sbml:16:11: threshold level 2 of 'A' is above its maximum level 1"
    )


UNSUPPORTED = (
    "; boolnet reads and, or, not, xor, true, false, species names, and comparisons of a species with a level"
)


@pytest.mark.parametrize(
    ("math", "message"),
    [
        (
            "<apply><plus/><ci>A</ci><ci>B</ci></apply>",
            "unsupported MathML element 'plus' in a function term: A + B" + UNSUPPORTED,
        ),
        (
            "<piecewise><piece><true/><ci>A</ci></piece><otherwise><false/></otherwise></piecewise>",
            "unsupported MathML element 'piecewise' in a function term: piecewise(true, A, false)"
            + UNSUPPORTED,
        ),
        ('<cn type="integer">1</cn>', "unsupported MathML element 'cn' in a function term: 1" + UNSUPPORTED),
        ("<ci>Z</ci>", "function term refers to unknown species 'Z'"),
    ],
)
def test_unsupported_mathml_names_the_element(math: str, message: str) -> None:
    body = HEADER.format(species=species("A", "B", "C"), transitions=transition("C", ["A", "B"], math))
    with pytest.raises(InputError) as caught:
        parse_sbml(body, "x.sbml")
    assert caught.value.render().splitlines()[0] == f"x.sbml:17:11: {message}"


def test_multi_valued_species_are_refused_with_a_location() -> None:
    body = HEADER.format(
        species=species("A", max_level=2), transitions=transition("A", ["A"], relation("eq", "A", 2))
    )
    with pytest.raises(InputError) as caught:
        parse_sbml(body, "mv.sbml")
    assert caught.value.render().splitlines()[0] == (
        "mv.sbml:7:7: species 'A' is multi-valued (maximum level 2); "
        "boolnet reads Boolean models; Booleanise it first (e.g. with GINsim)"
    )


def test_invalid_xml_is_an_input_error() -> None:
    with pytest.raises(InputError, match=r"^broken.sbml:\d+:\d+: not valid SBML"):
        parse_sbml("<sbml><model>", "broken.sbml")


def test_not_qual() -> None:
    body = '<?xml version="1.0" encoding="UTF-8"?><sbml xmlns="http://www.sbml.org/sbml/level3/version1/core" level="3" version="1"><model id="m"/></sbml>'
    with pytest.raises(InputError, match="not an SBML-qual model"):
        parse_sbml(body, "plain.sbml")


@settings(max_examples=60, deadline=None)
@given(networks(max_nodes=5))
def test_round_trip(network: Network) -> None:
    again = parse_sbml(format_sbml(network))
    assert same_functions(network, again)
    assert (again.inputs, again.constants) == (network.inputs, network.constants)


def test_ids_stay_unique_when_nodes_are_named_like_the_writers_ids() -> None:
    import libsbml

    network = parse_rules(
        "cell = !tr_A\nA = cell & boolnet_model\ntr_A = A\ntr_A_out = tr_A | A\nboolnet_model = boolnet_model\n"
    )
    text = format_sbml(network)
    document = libsbml.readSBMLFromString(text)
    document.checkConsistency()
    errors = [
        document.getError(i).getMessage()
        for i in range(document.getNumErrors())
        if document.getError(i).getSeverity() >= libsbml.LIBSBML_SEV_ERROR
    ]
    assert errors == []
    again = parse_sbml(text)
    assert again.rules == network.rules and again.inputs == ("boolnet_model",)


def test_il6_model_through_sbml(tmp_path: Path) -> None:
    network = read_network(IL6_MODEL)
    path = tmp_path / "il6.sbml"
    path.write_text(format_network(network, ".sbml"))
    again = read_network(path)
    assert again.rules == network.rules
