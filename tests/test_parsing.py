"""Parsing rule files: the accepted syntax and one exact message per mistake."""

from __future__ import annotations

from pathlib import Path

import pytest

from boolnet import InputError, ModelError, Network, parse_bnet, parse_expression, parse_rules, read_network
from boolnet.expr import And, Const, Not, Or, Var, to_text
from boolnet.formats import format_network
from boolnet.formats.rules import format_rules, parse_booleannet


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("JAK & !SOCS3", And((Var("JAK"), Not(Var("SOCS3"))))),
        ("JAK and not SOCS3", And((Var("JAK"), Not(Var("SOCS3"))))),
        ("JAK AND NOT SOCS3", And((Var("JAK"), Not(Var("SOCS3"))))),
        ("a | b & c", Or((Var("a"), And((Var("b"), Var("c")))))),
        ("(a | b) & c", And((Or((Var("a"), Var("b"))), Var("c")))),
        ("~a || b", Or((Not(Var("a")), Var("b")))),
        ("a && b", And((Var("a"), Var("b")))),
        ("a & (b & c)", And((Var("a"), Var("b"), Var("c")))),
        ("1", Const(True)),
        ("false", Const(False)),
        ("TRUE | x_1", Or((Const(True), Var("x_1")))),
    ],
)
def test_expressions(text: str, expected: object) -> None:
    assert parse_expression(text) == expected


def test_native_rules_with_comments_inputs_and_phenotypes() -> None:
    net = parse_rules(
        "# a comment\n"
        "EGFR = EGFR   # input\n"
        "\n"
        "STAT3 = EGFR & !SOCS3\n"
        "SOCS3 = STAT3\n"
        "phenotype Active = STAT3\n"
    )
    assert net.nodes == ("EGFR", "STAT3", "SOCS3")
    assert net.inputs == ("EGFR",)
    assert [p.name for p in net.phenotypes] == ["Active"]
    assert net.rule("STAT3").location is not None and net.rule("STAT3").location.line == 4


def test_readout_declarations_are_parsed_and_written_back() -> None:
    net = parse_rules(
        "S = S\n"
        "P = S\n"
        "readout P , Q  # both report what the cell does\n"
        "Q = P\n"
        "readout P\n"
        "readout = S  # a node may still be called readout\n"
    )
    assert net.readouts == ("P", "Q")
    assert "readout" in net.nodes
    again = parse_rules(format_rules(net))
    assert (again.rules, again.readouts) == (net.rules, net.readouts)


@pytest.mark.parametrize("suffix", [".txt", ".booleannet"])
def test_nodes_named_like_declarations_or_the_bnet_header_are_written_and_read_back(suffix: str) -> None:
    net = parse_bnet("targets, factors\nphenotype, A\nreadout, phenotype\nA, !readout\n")
    again = parse_rules(format_network(net, suffix), f"m{suffix}")
    assert again.rules == net.rules
    assert parse_bnet(
        format_network(parse_rules("targets = factors\nfactors = !targets\n"), ".bnet")
    ).nodes == (
        "targets",
        "factors",
    )
    assert parse_rules("phenotype = A  # a node may be called phenotype\nA = !phenotype\n").nodes == (
        "phenotype",
        "A",
    )


def test_booleannet_rules_skip_initial_values() -> None:
    net = parse_rules("A = True\nB = Random\nA* = not B\nB* = A and B\n")
    assert net.nodes == ("A", "B")
    assert to_text(net.rule("B").expr) == "A & B"


def test_a_booleannet_node_with_an_initial_value_and_no_rule_is_an_input() -> None:
    net = parse_rules("A = B = C = False\nD = Random  # kept\nA* = not C\nB* = A and D\n", "m.booleannet")
    assert net.nodes == ("A", "B", "C", "D")
    assert net.inputs == ("C", "D")
    location = net.rule("D").location
    assert location is not None and location.line == 2


def test_booleannet_ranks_are_ignored() -> None:
    ranked = parse_rules("A = B = False\n1: A* = B and not A\n 10 :B* = A\n")
    plain = parse_rules("A = B = False\nA* = B and not A\nB* = A\n")
    assert ranked.rules == plain.rules


def test_parse_booleannet_reads_starless_text_as_booleannet() -> None:
    net = parse_booleannet("A = True\nB = False\n")
    assert net.inputs == ("A", "B")
    assert parse_rules("A = True\nB = False\n").constants == ("A", "B")  # native: constants


def test_bnet_with_and_without_header() -> None:
    with_header = parse_bnet("targets, factors\nA, !B\nB, A | B\n")
    without = parse_bnet("A, !B\nB, A | B  # comment\n")
    assert with_header.rules == without.rules


def test_a_txt_file_with_the_boolnet_header_is_read_as_bnet(tmp_path: Path) -> None:
    # BoolNet (R) ships its examples as .txt files
    path = tmp_path / "cellcycle.txt"
    path.write_text("# BoolNet example\n\ntargets, factors\nCycD, CycD\nRb, !CycD & !CycE\nCycE, !Rb\n")
    network = read_network(path)
    assert network.rules == parse_bnet(path.read_text()).rules
    assert network.nodes == ("CycD", "Rb", "CycE") and network.inputs == ("CycD",)
    probabilistic = tmp_path / "probabilistic.txt"
    probabilistic.write_text("targets, factors, probabilities\nA, B, 0.5\nA, !B, 0.5\nB, A, 1\n")
    with pytest.raises(InputError) as caught:
        read_network(probabilistic)
    assert caught.value.render().splitlines()[0] == (
        f"{probabilistic}:1:19: probabilistic BoolNet networks are not supported (the header has a "
        "'probabilities' column); boolnet reads one deterministic rule per node"
    )


def test_only_a_first_line_header_makes_a_txt_file_bnet() -> None:
    with pytest.raises(InputError) as caught:
        parse_rules("A = A\ntargets, factors\n", "m.txt")
    assert caught.value.render().splitlines()[0] == "m.txt:2:8: expected '=' after the node name 'targets'"


BAD_RULES = [
    ("STAT3 = JAK &\nJAK = JAK\n", "m.txt:1:14: expected a node name after '&'"),
    ("JAK = JAK\nSTAT3 = JAK & )\n", "m.txt:2:15: expected a node name after '&'"),
    ("A = A\nB = (A | B\n", "m.txt:2:5: unbalanced '(': no ')' closes it"),
    ("A = A\nB = A | B)\n", "m.txt:2:10: unbalanced ')': no '(' opens it"),
    ("A = A\nB A | B\n", "m.txt:2:3: expected '=' after the node name 'B'"),
    ("A = A\nB =\n", "m.txt:2:4: expected an expression"),
    ("A = A\nB = A B\n", "m.txt:2:7: expected an operator ('&' or '|') between 'A' and 'B'"),
    ("A = A\nB = A $ B\n", "m.txt:2:7: unexpected character '$'"),
    ("A = A\nB = A + B\n", "m.txt:2:7: unexpected character '+'; write 'or' or '|' for a disjunction"),
    ("A = A\n= B\n", "m.txt:2:1: expected a node name at the start of the rule"),
    ("and = 1\n", "m.txt:1:1: 'and' is a reserved word and cannot name a node"),
    ("A = A\nB = ()\n", "m.txt:2:5: empty parentheses"),
    ("IL6R = IL6R\nJAK = IL6r\n", "m.txt:2:7: undefined node 'IL6r'; did you mean 'IL6R'?"),
    ("IL6R = IL6R\nJAK = IL6r  # from Gao, 2007\n", "m.txt:2:7: undefined node 'IL6r'; did you mean 'IL6R'?"),
    (
        "targets, factors\nIL6R, IL6R\nJAK, IL6r  # from Gao = 2007\n",
        "m.txt:3:6: undefined node 'IL6r'; did you mean 'IL6R'?",
    ),
    (
        "A = A\nB = Zebra\n",
        "m.txt:2:5: undefined node 'Zebra'; give it a rule, or declare it an input with 'Zebra = Zebra'",
    ),
    ("A = A\nB = A\nA = !B\n", "m.txt:3: node 'A' is defined twice (first on line 1)"),
    ("# only a comment\n\n", "m.txt: no rules found: the file is empty or holds only comments"),
    ("", "m.txt: no rules found: the file is empty or holds only comments"),
    ("A* = A\nB = A and B\n", "m.txt:2:1: plain rule for 'B' in a BooleanNet file; write 'B* = ...'"),
    ("A* = A\n1: B = A\n", "m.txt:2:4: plain rule for 'B' in a BooleanNet file; write 'B* = ...'"),
    ("A* = A\n2: B* = A and\n", "m.txt:2:14: expected a node name after 'and'"),
    (
        "A* = not C\n",
        "m.txt:1:10: undefined node 'C'; give it a rule ('C* = ...') or an initial value, which it keeps "
        "('C = False')",
    ),
    ("Abc = True\nB* = abc\n", "m.txt:2:6: undefined node 'abc'; did you mean 'Abc'?"),
    (
        "A = True\nA* = A or Random\n",
        "m.txt:2:11: 'Random' in a rule is not supported; boolnet's rules are deterministic",
    ),
    ("A = A\n1: B = A\n", "m.txt:2:1: expected a node name at the start of the rule"),
    ("A = A\nphenotype A = A\n", "m.txt:2:11: phenotype 'A' has the name of a node"),
    (
        "A = A\nphenotype P = Q\n",
        "m.txt:2:15: undefined node 'Q'; give it a rule, or declare it an input with 'Q = Q'",
    ),
    (
        "A = A\nProlif = A\nreadout Prolif, Prolf\n",
        "m.txt:3:17: read-out 'Prolf' is not a node; did you mean 'Prolif'?",
    ),
    (
        "A = A\nB = A\nreadout A\n",
        "m.txt:3:9: read-out 'A' is an input; an input is set from outside (a mutation, a drug); "
        "a read-out reports a phenotype",
    ),
    ("A = A\nB = A\nreadout B C\n", "m.txt:3:11: expected ',' between read-out names"),
    ("A = A\nB = A\nreadout B,\n", "m.txt:3:11: expected a node name in the read-out list"),
    ("A = A\nB = A\nreadout   # nothing\n", "m.txt:3:11: expected a node name in the read-out list"),
]


@pytest.mark.parametrize(("text", "message"), BAD_RULES)
def test_bad_rules_give_located_messages(text: str, message: str) -> None:
    with pytest.raises(InputError) as caught:
        parse_rules(text, "m.txt")
    assert caught.value.render().splitlines()[0] == message


def test_error_shows_the_source_line_and_a_caret() -> None:
    with pytest.raises(InputError) as caught:
        parse_rules("JAK = JAK\nSTAT3 = JAK & )\n", "il6.txt")
    assert str(caught.value) == (
        "il6.txt:2:15: expected a node name after '&'\n    2 | STAT3 = JAK & )\n      |               ^"
    )


def test_a_network_checks_its_readouts() -> None:
    rules = parse_rules("A = A\nB = A\n").rules
    with pytest.raises(ModelError, match="read-out 'b' is not a node; did you mean 'B'"):
        Network(rules, readouts=("b",))
    with pytest.raises(ModelError, match="read-out 'B' is declared twice"):
        Network(rules, readouts=("B", "B"))


def test_model_errors_are_input_errors() -> None:
    with pytest.raises(ModelError):
        parse_rules("A = B\n", "m.txt")


BAD_BNET = [
    ("targets, factors\nA, A\nB A\n", "m.bnet:3:3: expected ',' after the node name 'B'"),
    ("A, A\nB, A &\n", "m.bnet:2:7: expected a node name after '&'"),
    ("targets, factors\n", "m.bnet: no rules found: the file is empty or holds only comments"),
    (
        "targets, factors, probabilities\nA, B, 0.7\nA, !B, 0.3\nB, A, 1\n",
        "m.bnet:1:19: probabilistic BoolNet networks are not supported (the header has a 'probabilities' "
        "column); boolnet reads one deterministic rule per node",
    ),
    (
        "# no header\nA, B & A, .5\nA, !B, 5e-1\nB, A\n",
        "m.bnet:2:9: probabilistic BoolNet networks are not supported (this rule has a probability "
        "column); boolnet reads one deterministic rule per node",
    ),
    ("A, 1\nB, A, B\n", "m.bnet:2:5: unexpected character ','; a rule has a single ','"),
]


@pytest.mark.parametrize(("text", "message"), BAD_BNET)
def test_bad_bnet(text: str, message: str) -> None:
    with pytest.raises(InputError) as caught:
        parse_bnet(text, "m.bnet")
    assert caught.value.render().splitlines()[0] == message


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (
            b"A = A\nB = \xff\n",
            "{path}:2:5: not a UTF-8 text file (byte 0xff cannot be decoded); save the file as UTF-8",
        ),
        (b"A = A\n\x00\x01\x02", "{path}:2: this is a binary file, not a text file of rules"),
    ],
)
def test_undecodable_files(tmp_path: Path, data: bytes, message: str) -> None:
    path = tmp_path / "model.txt"
    path.write_bytes(data)
    with pytest.raises(InputError) as caught:
        read_network(path)
    assert caught.value.render().splitlines()[0] == message.format(path=path)


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-8-sig"])
def test_unicode_text_with_a_byte_order_mark_is_read(tmp_path: Path, encoding: str) -> None:
    # Windows editors save "Unicode" text as UTF-16 with a byte order mark
    text = "EGFR = EGFR\nIL6 = EGFR | STAT3  # Gao 2007\nSTAT3 = IL6\n"
    data = text.encode(encoding)
    if encoding in ("utf-16-le", "utf-16-be"):
        data = "\ufeff".encode(encoding) + data
    path = tmp_path / "model.txt"
    path.write_bytes(data)
    assert read_network(path).nodes == ("EGFR", "IL6", "STAT3")


def test_missing_file_and_unknown_suffix(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        read_network(tmp_path / "absent.txt")
    with pytest.raises(InputError, match=r"unknown file type '\.xlsx'"):
        read_network(tmp_path / "model.xlsx")
