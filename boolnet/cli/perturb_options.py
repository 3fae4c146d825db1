"""Options shared by the perturbation commands (screen, interventions, simulate, check).

Only option declarations and their conversion to library values live here.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any, TypeVar

import click

from ..frozen import replace
from ..limits import GIB, Limits
from ..model import Network
from ..perturb.perturbations import Perturbation, from_options
from ..perturb.scenarios import Scenario, parse_scenario
from ..update import UPDATE_NAMES

__all__ = [
    "BUDGET",
    "PositiveNumber",
    "limit_options",
    "limits_of",
    "listed_states_option",
    "perturbation_of",
    "perturbation_options",
    "scenario_of",
    "scenario_option",
    "update_option",
]

F = TypeVar("F", bound=Callable[..., Any])


class PositiveNumber(click.types.FloatParamType):
    """A finite number above 0, e.g. a budget in seconds or GiB (0, negatives, nan and inf are refused)."""

    name = "number"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        number = super().convert(value, param, ctx)
        if not math.isfinite(number) or number <= 0:
            self.fail(f"{value!r} is not a positive number", param, ctx)
        return number


BUDGET = PositiveNumber()


def update_option(function: F) -> F:
    """``--update/-u`` (default async)."""
    return click.option(
        "--update",
        "-u",
        type=click.Choice(UPDATE_NAMES, case_sensitive=False),
        default="async",
        show_default=True,
        help="Synchronous or (fully) asynchronous updating.",
    )(function)


def perturbation_options(function: F) -> F:
    """``--ko``, ``--oe``, ``--cut`` (repeatable)."""
    function = click.option(
        "--cut",
        multiple=True,
        metavar="SOURCE->TARGET",
        help="Cut a regulation: TARGET's rule sees SOURCE as 0 (SOURCE->TARGET=1: as 1); repeatable.",
    )(function)
    function = click.option(
        "--oe", multiple=True, metavar="NODE", help="Over-express NODE (fix it to 1); repeatable."
    )(function)
    return click.option(
        "--ko", multiple=True, metavar="NODE", help="Knock NODE out (fix it to 0); repeatable."
    )(function)


def scenario_option(function: F) -> F:
    """``--scenario "EGFR=1,Ras=0"`` (repeatable: the values add up)."""
    return click.option(
        "--scenario",
        multiple=True,
        metavar="INPUT=0|1,...",
        help='Fix inputs, e.g. "EGFR=1,Ras=0"; inputs not named range over both values; repeatable.',
    )(function)


def listed_states_option(function: F) -> F:
    """``--listed-states N``: attractors larger than N states are kept by pattern and size."""
    return click.option(
        "--listed-states",
        type=click.IntRange(0),
        default=Limits().listed_states,
        show_default=True,
        help="List the states of attractors up to this size; larger ones are kept by pattern and size.",
    )(function)


def limit_options(function: F) -> F:
    """``--method``, ``--timeout``, ``--memory``, ``--listed-states``."""
    function = listed_states_option(function)
    function = click.option(
        "--memory", type=BUDGET, default=4.0, show_default=True, help="Memory budget in GiB."
    )(function)
    function = click.option(
        "--timeout", type=BUDGET, default=None, help="Time budget in seconds per attractor computation."
    )(function)
    return click.option(
        "--method", default="auto", show_default=True, help="Engine name (see `boolnet engines`)."
    )(function)


def perturbation_of(ko: tuple[str, ...], oe: tuple[str, ...], cut: tuple[str, ...]) -> Perturbation:
    """The perturbation given by ``--ko/--oe/--cut``."""
    return from_options(ko, oe, cut)


def scenario_of(texts: tuple[str, ...], network: Network) -> Scenario:
    """The scenario given by the ``--scenario`` options together (none: every input free)."""
    return parse_scenario(", ".join(t for t in texts if t.strip()), network, source="--scenario")


def limits_of(timeout: float | None, memory: float, listed_states: int | None = None) -> Limits:
    """The budgets given by ``--timeout``, ``--memory`` and ``--listed-states``."""
    limits = Limits(memory=int(memory * GIB), timeout=timeout)
    return limits if listed_states is None else replace(limits, listed_states=listed_states)
