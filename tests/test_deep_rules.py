"""Extreme inputs handled cleanly: wrong update values, and very deep or very wide rules."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np
import pytest

from boolnet import EngineError, Update, find_attractors, parse_rules, screen, simulate
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
