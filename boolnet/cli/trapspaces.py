"""The ``trapspaces`` and ``fixed-points`` commands: minimal/maximal trap spaces and fixed points."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

import click

from ..engines.trapspaces import TrapSpaceResult, find_fixed_points, find_trap_spaces
from ..formats import read_network
from ..limits import Limits
from ..model import Network
from .perturb_options import BUDGET, perturbation_of, perturbation_options, scenario_of, scenario_option
from .render import WIDE, align, to_json

__all__ = ["fixed_points_command", "trap_spaces_to_dict", "trapspaces_command"]

_MODEL = click.argument("model", type=click.Path(exists=True, dir_okay=False, path_type=Path))
_FORMAT = click.option(
    "--format", "fmt", type=click.Choice(["table", "json", "csv"]), default="table", show_default=True
)
_LIMIT = click.option("--limit", type=click.IntRange(min=1), default=None, help="Stop after N results.")
_TIMEOUT = click.option("--timeout", type=BUDGET, default=None, help="Time budget in seconds.")


def trap_spaces_to_dict(
    result: TrapSpaceResult, *, model: str, perturbation: dict[str, int] | None = None
) -> dict[str, Any]:
    """The JSON form: model, nodes, perturbation, kind, complete, and each trap space's pattern."""
    return {
        "model": model,
        "nodes": list(result.nodes),
        "perturbation": perturbation or {},
        "kind": result.kind,
        "complete": result.complete,
        "trap_spaces": [{"pattern": space.pattern, "fixed": space.fixed} for space in result.trap_spaces],
    }


def _csv(result: TrapSpaceResult) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["number", *result.nodes])
    for number, space in enumerate(result.trap_spaces, start=1):
        writer.writerow([number, *space.pattern])
    return buffer.getvalue()


def _table(result: TrapSpaceResult, *, model: str, perturbation: dict[str, int]) -> str:
    what = {"minimal": "minimal trap space", "maximal": "maximal trap space", "fixed_points": "fixed point"}
    count = len(result)
    noun = what[result.kind] + ("s" if count != 1 else "")
    lines = [
        f"{model}: {len(result.nodes)} nodes",
        f"perturbation: {', '.join(f'{k}={v}' for k, v in perturbation.items()) or 'none'}",
        f"{count} {noun}" + ("" if result.complete else " (INCOMPLETE: stopped at --limit)"),
        "",
    ]
    if len(result.nodes) > WIDE:
        rows = [["#", "free", "pattern"]]
        rows += [[str(n), str(len(s.free)), s.pattern] for n, s in enumerate(result.trap_spaces, start=1)]
    else:
        rows = [["#", *result.nodes]]
        rows += [[str(n), *s.pattern] for n, s in enumerate(result.trap_spaces, start=1)]
    lines += align(rows)
    return "\n".join(lines) + "\n"


def _perturbed(
    model: Path, ko: tuple[str, ...], oe: tuple[str, ...], cut: tuple[str, ...], scenario: tuple[str, ...]
) -> Network:
    network = read_network(model)
    return perturbation_of(ko, oe, cut).apply(scenario_of(scenario, network).apply(network))


def _render(result: TrapSpaceResult, network: Network, model: Path, fmt: str) -> None:
    perturbation = network.perturbation_dict | {f"{a}->{b}": v for a, b, v in network.cuts}
    if fmt == "json":
        data = trap_spaces_to_dict(result, model=str(model), perturbation=perturbation)
        click.echo(to_json(data), nl=False)
    elif fmt == "csv":
        click.echo(_csv(result), nl=False)
    else:
        click.echo(_table(result, model=str(model), perturbation=perturbation), nl=False)


@click.command(name="trapspaces")
@_MODEL
@click.option("--minimal", "kind", flag_value="minimal", default=True, help="Minimal trap spaces (default).")
@click.option("--maximal", "kind", flag_value="maximal", help="Maximal trap spaces.")
@perturbation_options
@scenario_option
@_FORMAT
@_LIMIT
@_TIMEOUT
def trapspaces_command(
    model: Path,
    kind: str,
    ko: tuple[str, ...],
    oe: tuple[str, ...],
    cut: tuple[str, ...],
    scenario: tuple[str, ...],
    fmt: str,
    limit: int | None,
    timeout: float | None,
) -> None:
    """List the minimal (or maximal) trap spaces of MODEL: subspaces no update can leave.

    Every minimal trap space holds at least one attractor, under any update.
    """
    network = _perturbed(model, ko, oe, cut, scenario)
    result = find_trap_spaces(
        network,
        kind="maximal" if kind == "maximal" else "minimal",
        limit=limit,
        limits=Limits(timeout=timeout),
    )
    _render(result, network, model, fmt)


@click.command(name="fixed-points")
@_MODEL
@perturbation_options
@scenario_option
@_FORMAT
@_LIMIT
@_TIMEOUT
def fixed_points_command(
    model: Path,
    ko: tuple[str, ...],
    oe: tuple[str, ...],
    cut: tuple[str, ...],
    scenario: tuple[str, ...],
    fmt: str,
    limit: int | None,
    timeout: float | None,
) -> None:
    """List the fixed points of MODEL (the same for synchronous and asynchronous updating)."""
    network = _perturbed(model, ko, oe, cut, scenario)
    result = find_fixed_points(network, limit=limit, limits=Limits(timeout=timeout))
    _render(result, network, model, fmt)
