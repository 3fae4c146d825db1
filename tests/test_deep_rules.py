"""Extreme inputs handled cleanly: wrong update values, and very deep or very wide rules."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

import numpy as np
import pytest

from boolnet import EngineError, Update, find_attractors, parse_rules, screen, simulate
from boolnet.engines.bitsets import constant_value, percolate_rules, truth_table, variable_sets
from boolnet.expr import (
    TRUE,
    And,
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
from boolnet.model import Network, Rule
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
    assert to_text(negations(4, Or((Var("a"), Var("b"))))) == "!!!!(a | b)"


def test_bit_set_truth_tables_of_deep_rules() -> None:
    # (a | !a) & ((a | !a) & ...) alternating with negations: a tautology DEEP levels deep
    tautology: Expr = Or((Var("a"), Not(Var("a"))))
    for _ in range(DEEP // 2):
        tautology = Not(Not(Or((Var("b"), tautology))))
    assert nesting_depth(tautology) > DEEP
    assert constant_value(tautology, {"a", "b"}) is True
    sets = dict(zip(["a", "b"], variable_sets(2), strict=True))
    assert truth_table(Not(tautology), sets, 0b1111) == 0
    network = Network((Rule("a", Var("a")), Rule("b", Var("b")), Rule("c", And((Var("b"), tautology)))))
    assert percolate_rules(network.perturbed({"b": 1})) == {"b": True, "c": True}
