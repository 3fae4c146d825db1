"""Extreme inputs handled cleanly: wrong update values, and very deep or very wide rules."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from click.testing import CliRunner, Result

from boolnet import (
    EngineError,
    InputError,
    ModelError,
    Update,
    find_attractors,
    find_fixed_points,
    find_trap_spaces,
    format_network,
    interaction_graph,
    parse_expression,
    parse_rules,
    read_network,
    screen,
    simulate,
)
from boolnet.cli import main
from boolnet.engines.bitsets import constant_value, percolate_rules, truth_table, variable_sets
from boolnet.expr import (
    MAX_NESTING,
    TRUE,
    And,
    Const,
    Expr,
    Not,
    Or,
    Var,
    evaluate,
    nesting_depth,
    rename,
    substitute,
    to_text,
    variables,
)
from boolnet.graph import Sign
from boolnet.model import Network, Phenotype, Rule, SourceLocation
from boolnet.perturb import find_interventions
from boolnet.perturb.reach import reachable_attractors, successors
from boolnet.update import parse_update

TOGGLE = parse_rules("a = !b\nb = !a\nphenotype A = a & !b")
START = np.array([0], dtype=np.uint64)

# every public entry that takes an update, called with the update given
UPDATE_TAKERS: dict[str, Callable[[Any], object]] = {
    "find_attractors": lambda update: find_attractors(TOGGLE, update),
    "simulate": lambda update: simulate(TOGGLE, update=update, runs=2, steps=1, seed=1),
    "screen": lambda update: screen(TOGGLE, "A", update=update),
    "find_interventions": lambda update: find_interventions(TOGGLE, "A", update=update),
    "successors": lambda update: successors(TOGGLE, START, update),
    "reachable_attractors": lambda update: reachable_attractors(TOGGLE, START, update),
}


@pytest.mark.parametrize("entry", UPDATE_TAKERS)
@pytest.mark.parametrize("update", [None, 1, b"sync", ["sync"]])
def test_an_update_that_is_not_a_name_is_an_engine_error(entry: str, update: object) -> None:
    with pytest.raises(
        EngineError, match=r"the update must be one of: sync, synchronous, async, asynchronous"
    ):
        UPDATE_TAKERS[entry](update)


@pytest.mark.parametrize("entry", UPDATE_TAKERS)
def test_an_unknown_update_name_is_an_engine_error(entry: str) -> None:
    with pytest.raises(EngineError, match="unknown update 'sideways'"):
        UPDATE_TAKERS[entry]("sideways")


@pytest.mark.parametrize("update", ["sync", "SYNC", "synchronous", Update.SYNCHRONOUS])
def test_every_spelling_of_an_update_is_accepted(update: str | Update) -> None:
    assert parse_update(update) is Update.SYNCHRONOUS
    assert find_attractors(TOGGLE, update).update is Update.SYNCHRONOUS


# -- expression trees of any depth -------------------------------------------------------------

DEEP = 3000  # far beyond Python's 1,000 frames: the walkers must not recurse


def alternating(depth: int) -> tuple[Expr, str, Callable[[Mapping[str, bool]], bool]]:
    """``v0 & (v1 | (v2 & ...))`` nesting ``depth`` operators: its tree, its text and its value."""
    expr: Expr = Var(f"v{depth}")
    text = f"v{depth}"
    for i in reversed(range(depth)):
        conjunction = i % 2 == 0
        expr = (And if conjunction else Or)((Var(f"v{i}"), expr))
        # a disjunction inside a conjunction needs parentheses, a conjunction inside a disjunction none
        inner = f"({text})" if conjunction and i < depth - 1 else text
        text = f"v{i} {'&' if conjunction else '|'} {inner}"

    def value(state: Mapping[str, bool]) -> bool:
        result = state[f"v{depth}"]
        for i in reversed(range(depth)):
            result = (state[f"v{i}"] and result) if i % 2 == 0 else (state[f"v{i}"] or result)
        return result

    return expr, text, value


def negations(count: int, inner: Expr) -> Expr:
    for _ in range(count):
        inner = Not(inner)
    return inner


def test_walkers_handle_deep_alternating_trees() -> None:
    expr, text, value = alternating(DEEP)
    names = {f"v{i}" for i in range(DEEP + 1)}
    assert variables(expr) == names
    assert nesting_depth(expr) == DEEP
    assert to_text(expr) == text
    for seed in range(4):
        state = {name: bool(hash((seed, name)) & 1) for name in names}
        assert evaluate(expr, state) == value(state)
    renamed = rename(expr, {name: name.upper() for name in names})
    assert variables(renamed) == {name.upper() for name in names} and nesting_depth(renamed) == DEEP
    # v0 = 1 and v1 = 0 leave the rule of v2 onwards (trees this deep are compared as text:
    # the dataclasses' own == recurses)
    assert text.startswith("v0 & (v1 | v2 & (v3 | ") and text.endswith(")")
    assert to_text(substitute(expr, {"v0": True, "v1": False})) == text[len("v0 & (v1 | ") : -1]
    assert substitute(expr, {f"v{i}": True for i in range(DEEP + 1)}) == TRUE


def test_walkers_handle_long_runs_of_negations() -> None:
    assert evaluate(negations(DEEP + 1, Var("a")), {"a": True}) is False
    assert nesting_depth(negations(DEEP, Var("a"))) == DEEP
    assert substitute(negations(DEEP + 1, And((Var("a"), Var("b")))), {"a": True}) == Not(Var("b"))
    assert to_text(negations(4, Or((Var("a"), Var("b"))))) == "!!(a | b)"  # as the parser reads it
    assert to_text(negations(DEEP + 1, Var("a"))) == "!a"


def test_bit_set_truth_tables_of_deep_rules() -> None:
    # (a | !a) & ((a | !a) & ...) alternating with negations: a tautology DEEP levels deep
    tautology: Expr = Or((Var("a"), Not(Var("a"))))
    for _ in range(DEEP // 2):
        tautology = Not(Not(Or((Var("b"), tautology))))
    assert nesting_depth(tautology) > DEEP
    assert constant_value(tautology, {"a", "b"}) is True
    sets = dict(zip(["a", "b"], variable_sets(2), strict=True))
    assert truth_table(Not(tautology), sets, 0b1111) == 0
    # a network takes rules up to MAX_NESTING deep, as its engines compile them by recursion
    shallower: Expr = Or((Var("a"), Not(Var("a"))))
    while nesting_depth(shallower) < MAX_NESTING - 3:
        shallower = Not(Not(Or((Var("b"), shallower))))
    network = Network((Rule("a", Var("a")), Rule("b", Var("b")), Rule("c", And((Var("b"), shallower)))))
    assert percolate_rules(network.perturbed({"b": 1})) == {"b": True, "c": True}


def test_a_network_built_in_code_refuses_rules_too_deep_for_its_engines() -> None:
    deep = parse_expression(nested_text(MAX_NESTING))
    assert Rule("c", deep).expr == deep and Phenotype("P", deep).expr == deep
    too_deep = And((Var("a"), deep))
    for build, subject in [
        (lambda: Rule("c", too_deep), "the rule of 'c'"),
        (lambda: Phenotype("P", too_deep), "the phenotype 'P'"),
        (lambda: Rule("c", too_deep, SourceLocation("m.bnet", 3)), "the rule of 'c'"),
    ]:
        with pytest.raises(ModelError) as caught:
            build()
        depth = MAX_NESTING + 1
        assert (
            caught.value.message
            == f"{subject} nests {depth} levels deep; at most {MAX_NESTING} are supported"
        )
    assert str(caught.value).startswith("m.bnet:3: the rule of 'c'")


# -- rule text: long runs of negations, deep nesting -------------------------------------------

COMMANDS = [
    ["info"],
    ["graph"],
    ["attractors"],
    ["attractors", "-u", "sync"],
    ["fixed-points"],
    ["trapspaces"],
]


def run(*args: str) -> Result:
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def nested_text(depth: int) -> str:
    """``a & (b | (a & (b | ...)))``, ``depth`` operators deep, over two nodes."""
    return "".join(f"{'ab'[i % 2]} {'&|'[i % 2]} (" for i in range(depth)) + "b" + ")" * depth


@pytest.mark.parametrize("count", range(8))
def test_runs_of_negations_keep_their_parity_and_read_back_as_written(count: int) -> None:
    expr = parse_expression("!" * count + "(a | b)")
    kept = count if count <= 2 else 2 - count % 2
    assert expr == negations(kept, Or((Var("a"), Var("b"))))
    assert to_text(expr) == "!" * kept + ("(a | b)" if kept else "a | b")
    assert parse_expression(to_text(negations(count, Var("a")))) == negations(kept, Var("a"))
    assert (
        parse_expression(" not " * count + "a")
        == parse_expression("~" * count + "a")
        == negations(kept, Var("a"))
    )


def test_a_thousand_negations_read_as_their_parity() -> None:
    assert parse_expression("!" * 1000 + "B") == Not(Not(Var("B")))
    assert parse_expression("!(" * 1001 + "B" + ")" * 1001) == Not(Var("B"))
    network = parse_rules(f"A = {'!' * 1001}B\nB = B")
    plain = parse_rules("A = !B\nB = B")
    assert network.rules == plain.rules
    assert interaction_graph(network).edges["B", "A"]["sign"] is Sign.INHIBITING


@pytest.mark.parametrize("command", [*COMMANDS, ["convert"]], ids=" ".join)
def test_a_thousand_negations_through_the_cli(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, command: list[str]
) -> None:
    outputs = []
    for folder, rule in [("deep", "!" * 1001 + "B"), ("plain", "!B")]:
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "model.txt").write_text(f"A = {rule}\nB = B\n")
        monkeypatch.chdir(tmp_path / folder)
        args = [*command, "model.txt"] + (["-"] if command == ["convert"] else [])
        result = run(*args)
        assert result.exit_code == 0, result.output
        outputs.append(result.stdout)
    assert outputs[0] == outputs[1]


def test_five_thousand_parentheses_are_no_nesting() -> None:
    assert parse_expression("(" * 5000 + "B" + ")" * 5000) == Var("B")
    assert nesting_depth(parse_expression("a & (" * 5000 + "b" + ")" * 5000)) == 1


def test_too_deep_an_expression_is_an_input_error_naming_the_rule(tmp_path: Path) -> None:
    too_deep = MAX_NESTING + 1
    with pytest.raises(InputError) as caught:
        parse_expression(nested_text(too_deep))
    assert str(caught.value).startswith(
        f"<expression>:1:1: the expression nests {too_deep} levels deep; at most {MAX_NESTING} are supported"
    )
    path = tmp_path / "deep.bnet"
    path.write_text(f"a, a\nb, b\nc,  {nested_text(1000)}\n")
    with pytest.raises(InputError) as caught:
        read_network(path)
    message = (
        f"{path}:3:5: the expression for 'c' nests 1000 levels deep; at most {MAX_NESTING} are supported"
    )
    assert caught.value.message in message and str(caught.value).startswith(message)


@pytest.mark.parametrize("command", [*COMMANDS, ["convert"]], ids=" ".join)
def test_too_deep_a_rule_through_the_cli(tmp_path: Path, command: list[str]) -> None:
    path = tmp_path / "deep.txt"
    path.write_text(f"a = a\nb = b\nc = {nested_text(1000)}\n")
    args = [*command, str(path)] + ([str(tmp_path / "out.bnet")] if command == ["convert"] else [])
    result = run(*args)
    assert result.exit_code == 1
    assert result.stderr.startswith(f"{path}:3:5: the expression for 'c' nests 1000 levels deep; at most 200")
    assert "Traceback" not in result.output and not result.stdout


DEEPEST = f"a = !c | b\nb = b\nc = {nested_text(MAX_NESTING)}\nphenotype P = c\n"
NEGATED = "".join(f"!({'ab'[i % 2]} & " for i in range(MAX_NESTING // 2)) + "b" + ")" * (MAX_NESTING // 2)


@pytest.mark.parametrize("text", [DEEPEST, DEEPEST.replace(nested_text(MAX_NESTING), NEGATED)])
def test_every_engine_runs_the_deepest_rule_accepted(text: str) -> None:
    network = parse_rules(text)
    assert nesting_depth(network.rule("c").expr) == MAX_NESTING
    asynchronous = [
        [a.states for a in find_attractors(network, "async", method=method).attractors]
        for method in ("symbolic", "exhaustive")
    ]
    synchronous = [
        [a.states for a in find_attractors(network, "sync", method=method).attractors]
        for method in ("exhaustive", "sat")
    ]
    assert asynchronous[0] == asynchronous[1] and synchronous[0] == synchronous[1]
    fixed_points = [states[0] for states in asynchronous[0] if len(states) == 1]
    assert [t.pattern for t in find_fixed_points(network)] == sorted(fixed_points)
    assert find_trap_spaces(network) and find_trap_spaces(network, kind="maximal")
    assert set(interaction_graph(network).predecessors("c")) == {"a", "b"}
    for suffix in (".bnet", ".txt"):
        assert parse_rules(format_network(network, ".txt")).rules == network.rules
        assert format_network(network, suffix)
    assert screen(network, "P").entries and find_interventions(network, "P").complete
    assert simulate(network, runs=5, steps=3, seed=1).attractors


def test_the_cli_runs_the_deepest_rule_accepted(tmp_path: Path) -> None:
    path = tmp_path / "deepest.txt"
    path.write_text(DEEPEST)
    for command in [
        *COMMANDS,
        ["convert", str(path), str(tmp_path / "copy.bnet")],
        ["screen", str(path), "-p", "P"],
    ]:
        args = command if command[0] in ("convert", "screen") else [*command, str(path)]
        result = run(*args)
        assert result.exit_code == 0, (command, result.output)


def test_sbml_writes_and_reads_the_deepest_rule_accepted() -> None:
    pytest.importorskip("libsbml")
    from boolnet.formats.sbml import format_sbml, parse_sbml

    network = parse_rules(DEEPEST)
    assert parse_sbml(format_sbml(network)).rules == network.rules


def test_text_in_other_spellings_shortens_runs_of_negations_alike() -> None:
    expr = Or((negations(3, And((Var("a"), TRUE))), negations(4, Var("b")), Const(False)))
    words = {"and_op": " and ", "or_op": " or ", "not_op": "not ", "true": "True", "false": "False"}
    assert to_text(expr, **words) == "not (a and True) or not not b or False"
    assert to_text(expr) == "!(a & 1) | !!b | 0"
