"""The ``simulate`` command: random trajectories of a (perturbed) network."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

import click

from ..formats import read_network
from ..perturb.perturbations import values_text
from ..perturb.simulation import simulate
from .figures import plot_option, save_figure
from .perturb_options import (
    limit_options,
    limits_of,
    perturbation_of,
    perturbation_options,
    scenario_of,
    scenario_option,
    update_option,
)
from .render import align, to_json

__all__ = ["simulate_command"]


@click.command(name="simulate")
@click.argument("model", type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--initial",
    default="random",
    show_default=True,
    help="'random', a state string, or a phenotype (start in the unperturbed attractors showing it).",
)
@click.option("--runs", type=click.IntRange(1, 10_000_000), default=1000, show_default=True)
@click.option("--steps", type=click.IntRange(0, 1_000_000), default=50, show_default=True)
@click.option(
    "--seed", type=click.IntRange(min=0), default=None, help="Random seed (results are reproducible with it)."
)
@click.option(
    "--phenotype",
    "-p",
    "phenotypes",
    multiple=True,
    help="Phenotype to follow (default: the model's declared ones); repeatable.",
)
@click.option("--every", type=click.IntRange(1), default=None, help="Print every N-th step (table format).")
@click.option(
    "--format", "fmt", type=click.Choice(["table", "json", "csv"]), default="table", show_default=True
)
@plot_option("the phenotype fractions per step and the final attractors")
@update_option
@perturbation_options
@scenario_option
@limit_options
def simulate_command(model: Path, **options: Any) -> None:
    """Simulate random trajectories: phenotype fractions per step and the final attractors."""
    network = read_network(model)
    result = simulate(
        network,
        initial=options["initial"],
        perturbation=perturbation_of(options["ko"], options["oe"], options["cut"]),
        scenario=scenario_of(options["scenario"], network),
        update=options["update"],
        runs=options["runs"],
        steps=options["steps"],
        seed=options["seed"],
        phenotypes=tuple(options["phenotypes"]) or None,
        method=options["method"],
        limits=limits_of(options["timeout"], options["memory"], options["listed_states"]),
    )
    if options["fmt"] == "json":
        click.echo(to_json(result.to_dict()), nl=False)
    elif options["fmt"] == "csv":
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(["step", *result.phenotypes])
        for step, row in enumerate(result.fractions):
            writer.writerow([step, *(f"{v:.6g}" for v in row)])
        click.echo(out.getvalue(), nl=False)
    else:
        every = options["every"] or max(1, result.steps // 10)
        lines = [
            f"{model}: {result.runs} runs x {result.steps} steps, {result.update}, seed {result.seed}",
            f"initial {result.initial}; perturbation {result.perturbation}; "
            f"scenario {values_text(result.scenario.as_dict)}",
            "",
        ]
        rows = [["step", *result.phenotypes]]
        for step, row in enumerate(result.fractions):
            if step % every == 0 or step == result.steps:
                rows.append([str(step), *(f"{v:.3f}" for v in row)])
        lines += align(rows, right=[True] * len(rows[0]))
        lines += ["", "final attractors (fraction of runs; pattern columns: " + " ".join(network.nodes) + ")"]
        lines += [f"  {fraction:.3f}  {pattern}" for pattern, fraction in result.attractors]
        lines.append(f"  {result.unsettled:.3f}  not yet in an attractor")
        click.echo("\n".join(lines) + "\n", nl=False)
    if options["plot"] is not None:  # after the results are out: a figure never costs them
        from ..plotting import plot_simulation

        save_figure(plot_simulation(result), options["plot"])
