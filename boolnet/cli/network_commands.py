"""Commands on one network that need no interaction graph: attractors, convert, engines.

Each command parses its options, calls one library function and renders the
result; nothing here computes.
"""

from __future__ import annotations

from pathlib import Path

import click

from ..attractors import find_attractors
from ..engines import engines as registered_engines
from ..expr import variables
from ..formats import convert_network, format_network, read_network
from ..formats.results import result_to_csv, result_to_dict
from ..model import Network
from .figures import plot_option, save_figure
from .perturb_options import (
    BUDGET,
    limits_of,
    listed_states_option,
    perturbation_of,
    perturbation_options,
    scenario_of,
    scenario_option,
    update_option,
)
from .render import align, attractor_table, to_json

MODEL = click.argument("model", type=click.Path(dir_okay=False, path_type=Path))


def readout_nodes(network: Network) -> list[str]:
    """Nodes worth showing first: declared read-outs, nodes phenotypes name, nodes no other rule reads."""
    named = set().union(*(variables(p.expr) for p in network.phenotypes)) | set(network.readouts)
    read = {r for node in network.nodes for r in network.regulators(node) if r != node}
    return [n for n in network.nodes if (n in named or n not in read) and n not in network.inputs]


@click.command()
@MODEL
@update_option
@perturbation_options
@scenario_option
@click.option(
    "--format", "fmt", type=click.Choice(["table", "json", "csv"]), default="table", show_default=True
)
@click.option("--method", default="auto", show_default=True, help="Engine name (see `boolnet engines`).")
@click.option("--timeout", type=BUDGET, default=None, help="Time budget in seconds.")
@click.option("--memory", type=BUDGET, default=4.0, show_default=True, help="Memory budget in GiB.")
@listed_states_option
@plot_option("an attractor map")
def attractors(
    model: Path,
    plot: Path | None,
    update: str,
    ko: tuple[str, ...],
    oe: tuple[str, ...],
    cut: tuple[str, ...],
    scenario: tuple[str, ...],
    fmt: str,
    method: str,
    timeout: float | None,
    memory: float,
    listed_states: int,
) -> None:
    """Find every attractor of MODEL (fixed points, cycles, complex attractors).

    `--scenario` fixes inputs; `--ko`, `--oe` and `--cut` perturb the network.
    """
    unperturbed = read_network(model)
    inputs_fixed = scenario_of(scenario, unperturbed)
    network = perturbation_of(ko, oe, cut).apply(inputs_fixed.apply(unperturbed))
    limits = limits_of(timeout, memory, listed_states)
    result = find_attractors(network, update, method=method, limits=limits)
    if fmt == "json":
        click.echo(to_json(result_to_dict(result, model=str(model))), nl=False)
    elif fmt == "csv":
        click.echo(result_to_csv(result), nl=False)
    else:
        click.echo(
            attractor_table(
                result,
                model=str(model),
                inputs=unperturbed.inputs,
                outputs=readout_nodes(unperturbed),
                scenario=inputs_fixed.as_dict,
            ),
            nl=False,
        )
    if plot is not None:  # after the results are out: a figure never costs them
        from ..plotting import plot_attractors

        save_figure(plot_attractors(result), plot)


@click.command()
@MODEL
@click.argument("output", type=click.Path(dir_okay=False, path_type=Path))
def convert(model: Path, output: Path) -> None:
    """Convert MODEL to OUTPUT, each in the format its suffix names.

    \b
      .txt .rules   native rules (read as BooleanNet when starred,
                    as BoolNet after a 'targets, factors' header)
      .bnet         BoolNet, PyBoolNet, AEON
      .booleannet   BooleanNet (A* = B and not C)
      .sbml .xml    SBML-qual (needs the 'sbml' extra)

    OUTPUT '-' writes native rules to stdout.  Only native rules hold
    read-outs and phenotypes: a warning names those another format leaves
    out.  OUTPUT must not be MODEL (its comments would be lost).
    """
    if str(output) == "-":
        click.echo(format_network(read_network(model), ".txt"), nl=False)
        return
    for dropped in convert_network(model, output):
        click.echo(f"warning: {output}: the {output.suffix} format has no place for the {dropped}", err=True)


@click.command(name="engines")
def engines_command() -> None:
    """List the attractor engines in the order `--method auto` tries them.

    The first engine that supports the update and can answer within the
    limits runs.
    """
    rows = [["engine", "updates", "description"]]
    for engine in registered_engines():
        updates = ", ".join(sorted(u.value for u in engine.updates))
        rows.append([engine.name, updates, engine.description])
    click.echo("\n".join(align(rows)))
