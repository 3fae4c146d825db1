"""The ``screen`` and ``interventions`` commands: perturbation screens against a phenotype.

Each parses its options, runs the library's screen iterator (showing a
progress bar on stderr when it is a terminal), and renders.  Ctrl-C stops the
screen, prints what finished, flagged incomplete, and exits with 130.
"""

from __future__ import annotations

import csv
import io
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import click

from ..formats import read_network
from ..perturb.interventions import InterventionResult, InterventionSearch
from ..perturb.perturbations import values_text
from ..perturb.scenarios import Scenario, sweep
from ..perturb.screening import Screen, ScreenEntry, ScreenResult
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

__all__ = ["interventions_command", "screen_command"]

MODEL = click.argument("model", type=click.Path(dir_okay=False, path_type=Path))


def _screen_options(function: Any) -> Any:
    for option in reversed(
        [
            click.option(
                "--phenotype", "-p", required=True, help="A phenotype declared in MODEL, or an expression."
            ),
            click.option(
                "--max-size",
                type=click.IntRange(1, 6),
                default=1,
                show_default=True,
                help="The largest number of actions combined.",
            ),
            click.option("--kinds", default="ko,oe", show_default=True, help="Kinds of action: ko, oe, cut."),
            click.option(
                "--targets",
                default=None,
                metavar="NODE,...",
                help="Candidate nodes (default: every node that is not an input, a read-out or in the "
                "phenotype).",
            ),
            click.option(
                "--exclude",
                default=None,
                metavar="NODE,...",
                help="Nodes left out of the candidates (e.g. the read-outs of a .bnet model).",
            ),
            click.option(
                "--from-phenotype",
                is_flag=True,
                help="Ask from the disease state: start from every state of the unperturbed phenotype "
                "attractors.",
            ),
            click.option(
                "--strict", is_flag=True, help="Count only attractors that always show the phenotype."
            ),
            click.option(
                "--scenarios",
                type=click.Choice(["all"]),
                default=None,
                help="Sweep every combination of the inputs the scenario leaves free.",
            ),
            click.option(
                "--format",
                "fmt",
                type=click.Choice(["table", "json", "csv"]),
                default="table",
                show_default=True,
            ),
            click.option(
                "--jobs",
                "-j",
                type=click.IntRange(1, None),
                default=1,
                show_default=True,
                help="Worker processes evaluating perturbations (same results; 0.5 s to start each).",
            ),
        ]
    ):
        function = option(function)
    return limit_options(scenario_option(perturbation_options(update_option(function))))


def _progress(iterator: Iterator[ScreenEntry], total: int, label: str) -> Iterator[ScreenEntry]:
    """Wrap ``iterator`` in a rich progress bar on stderr when stderr is a terminal."""
    if not sys.stderr.isatty():
        yield from iterator
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    with Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=Console(stderr=True),
        transient=True,
    ) as bar:
        task = bar.add_task(label, total=total)
        for entry in iterator:
            bar.advance(task)
            yield entry


def _names(text: str) -> list[str]:
    return [name.strip() for name in text.split(",") if name.strip()]


def _plan(model: Path, options: dict[str, Any], *, prune: bool) -> list[Screen]:
    network = read_network(model)
    network = perturbation_of(options["ko"], options["oe"], options["cut"]).apply(network)
    base = scenario_of(options["scenario"], network)
    scenarios: list[Scenario] = sweep(network, base) if options["scenarios"] == "all" else [base]
    targets = _names(options["targets"]) if options["targets"] is not None else None
    return [
        Screen(
            network,
            options["phenotype"],
            update=options["update"],
            scenario=scenario,
            mode="from-phenotype" if options["from_phenotype"] else "global",
            max_size=options["max_size"],
            kinds=options["kinds"],
            targets=targets,
            exclude=_names(options["exclude"] or ""),
            strict=options["strict"],
            prune=prune,
            method=options["method"],
            limits=limits_of(options["timeout"], options["memory"], options["listed_states"]),
            jobs=options["jobs"],
        )
        for scenario in scenarios
    ]


def _header(result: ScreenResult, model: Path) -> list[str]:
    status = "complete" if result.complete else "INCOMPLETE"
    lines = [
        f"{model}: phenotype {result.phenotype} = {result.expression}",
        f"update {result.update}, mode {result.mode}, scenario {values_text(result.scenario.as_dict)}"
        + (f", background {result.background}" if result.background.actions else "")
        + (", strict" if result.strict else "")
        + f", {status}",
        f"baseline: {len(result.baseline.attractors)} attractors, "
        f"{result.baseline.phenotype_attractors} show the "
        f"phenotype; {len(result.entries)} of {result.planned} perturbations screened",
    ]
    if result.nothing_to_abolish:
        lines.append(
            "no attractor of the unperturbed network shows the phenotype: there is nothing to abolish, "
            "so every perturbation 'abolishes' it and none is minimal"
        )
    return lines


def _screen_table(result: ScreenResult, model: Path) -> str:
    rows = [["perturbation", "size", "attractors", "phenotype", "abolished", "minimal"]]
    for e in result.entries:
        rows.append(
            [
                str(e.perturbation),
                str(e.size),
                str(e.attractors),
                str(e.phenotype_attractors),
                click.style("yes", fg="green", bold=True) if e.abolished else "no",
                "yes" if e.minimal else "",
            ]
        )
    lines = [*_header(result, model), "", *align(rows, right=[False, True, True, True, False, False])]
    return "\n".join(lines) + "\n"


CSV_FIELDS = [
    "phenotype",
    "update",
    "scenario",
    "mode",
    "strict",
    "background",
    "complete",
    "perturbation",
    "size",
    "attractors",
    "phenotype_attractors",
    "abolished",
    "minimal",
]


def _csv_values(values: dict[str, int]) -> str:
    """``{"EGFR": 1, "IL6->IL6R": 0}`` as ``EGFR=1;IL6->IL6R=0`` (one CSV cell)."""
    return ";".join(f"{k}={v}" for k, v in values.items())


def _screen_csv(results: list[ScreenResult]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_FIELDS)
    for result in results:
        scenario = _csv_values(result.scenario.as_dict)
        for e in result.entries:
            writer.writerow(
                [
                    result.phenotype,
                    str(result.update),
                    scenario,
                    str(result.mode),
                    str(result.strict).lower(),
                    _csv_values(result.background.as_dict()),
                    str(result.complete).lower(),
                    _csv_values(e.perturbation.as_dict()),
                    e.size,
                    e.attractors,
                    e.phenotype_attractors,
                    str(e.abolished).lower(),
                    str(e.minimal).lower(),
                ]
            )
    return out.getvalue()


MAX_NAME = 120  # longer scenario names fall back to the scenario's number


def _scenario_file(path: Path, scenario: Scenario, base: dict[str, int], number: int) -> Path:
    """``screen.png`` for the swept inputs ``EGFR=1,Ras=0`` as ``screen-EGFR=1,Ras=0.png``.

    Only the inputs the sweep sets are named (not those ``base`` fixes);
    a name too long for file systems becomes ``screen-scenario7.png``.
    """
    name = ",".join(f"{node}={value}" for node, value in scenario.values if node not in base)
    if len(name) > MAX_NAME:
        name = f"scenario{number}"
    return path.with_name(f"{path.stem}-{name}{path.suffix}") if name else path


@click.command(name="screen")
@MODEL
@_screen_options
@plot_option(
    "a heat map of the single and double perturbations",
    "; with --scenarios all, one file per scenario, named after it (screen-EGFR=1,Ras=0.png)",
)
@click.pass_context
def screen_command(ctx: click.Context, /, model: Path, **options: Any) -> None:
    """Screen every combination of up to --max-size perturbations against a phenotype.

    Reports, per perturbation, the attractors of the perturbed network (or,
    with --from-phenotype, those reached from the disease state), how many
    show the phenotype, and whether it is abolished.
    """
    results: list[ScreenResult] = []
    interrupted = False
    for planned in _plan(model, options, prune=False):
        entries: list[ScreenEntry] = []
        try:
            for entry in _progress(iter(planned), planned.planned, f"screen {planned.scenario}"):
                entries.append(entry)
        except KeyboardInterrupt:
            interrupted = True
        results.append(planned.result(entries, finished=not interrupted))
        if interrupted:
            break
    fmt = options["fmt"]
    if fmt == "json":
        data: Any = [r.to_dict() for r in results] if options["scenarios"] else results[0].to_dict()
        click.echo(to_json(data), nl=False)
    elif fmt == "csv":
        click.echo(_screen_csv(results), nl=False)
    else:
        click.echo("\n".join(_screen_table(r, model) for r in results), nl=False)
    if options["plot"] is not None:  # after the results are out: a figure never costs them
        from ..plotting import plot_screen

        shared = set.intersection(*(set(r.scenario.values) for r in results))  # the inputs not swept
        for number, result in enumerate(results, start=1):
            path = options["plot"]
            if options["scenarios"]:
                path = _scenario_file(path, result.scenario, dict(shared), number)
            save_figure(plot_screen(result), path)
    if interrupted:
        click.echo("interrupted: the results above are incomplete", err=True)
        ctx.exit(130)


def _interventions_table(result: InterventionResult, model: Path) -> str:
    lines = _header(result.screen, model)
    if result.screen.nothing_to_abolish:
        return "\n".join(lines) + "\n"
    lines.append(
        f"{len(result.interventions)} minimal interventions; {result.skipped} supersets of hits skipped"
    )
    rows = [["rank", "intervention", "size", "attractors", "lost phenotypes", "lost healthy attractors"]]
    for rank, i in enumerate(result.interventions, start=1):
        rows.append(
            [
                str(rank),
                str(i.perturbation),
                str(i.size),
                str(i.attractors),
                ", ".join(i.lost_phenotypes) or "-",
                str(i.lost_healthy_attractors),
            ]
        )
    return "\n".join([*lines, "", *align(rows, right=[True, False, True, True, False, True])]) + "\n"


@click.command(name="interventions")
@MODEL
@_screen_options
@click.pass_context
def interventions_command(ctx: click.Context, /, model: Path, **options: Any) -> None:
    """Find the minimal perturbation sets that abolish a phenotype, ranked by side effects.

    A set is minimal when no proper subset abolishes the phenotype;
    supersets of hits are never evaluated.  Side effects: other declared
    phenotypes lost, and healthy (non-phenotype) attractors lost.
    """
    results: list[InterventionResult] = []
    interrupted = False
    for planned in _plan(model, options, prune=True):
        search = InterventionSearch(planned)
        try:
            for _ in _progress(iter(search), planned.planned, f"interventions {planned.scenario}"):
                pass
        except KeyboardInterrupt:
            interrupted = True
        results.append(search.result(finished=not interrupted))
        if interrupted:
            break
    fmt = options["fmt"]
    if fmt == "json":
        data: Any = [r.to_dict() for r in results] if options["scenarios"] else results[0].to_dict()
        click.echo(to_json(data), nl=False)
    elif fmt == "csv":
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(
            [
                "phenotype",
                "update",
                "scenario",
                "mode",
                "strict",
                "background",
                "complete",
                "rank",
                "perturbation",
                "size",
                "attractors",
                "lost_phenotypes",
                "lost_healthy_attractors",
            ]
        )
        for r in results:
            scenario = _csv_values(r.screen.scenario.as_dict)
            for rank, i in enumerate(r.interventions, start=1):
                writer.writerow(
                    [
                        r.screen.phenotype,
                        str(r.screen.update),
                        scenario,
                        str(r.screen.mode),
                        str(r.screen.strict).lower(),
                        _csv_values(r.screen.background.as_dict()),
                        str(r.complete).lower(),
                        rank,
                        _csv_values(i.perturbation.as_dict()),
                        i.size,
                        i.attractors,
                        ";".join(i.lost_phenotypes),
                        i.lost_healthy_attractors,
                    ]
                )
        click.echo(out.getvalue(), nl=False)
    else:
        click.echo("\n".join(_interventions_table(r, model) for r in results), nl=False)
    if interrupted:
        click.echo("interrupted: the results above are incomplete", err=True)
        ctx.exit(130)
