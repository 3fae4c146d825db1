"""The ``check`` command: run a model's literature validation file and report pass/fail with evidence."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from ..errors import InputError
from ..formats import read_network
from ..perturb.perturbations import values_text
from ..perturb.validation import CheckResult, ValidationReport, check_model, read_validation, validation_path
from .render import to_json

__all__ = ["check_command"]


def _check_dict(result: CheckResult) -> dict[str, Any]:
    check = result.check
    return {
        "line": check.line,
        "scenario": check.scenario.as_dict,
        "perturbation": check.perturbation.as_dict(),
        "from": check.start.name if check.start else None,
        "claims": [c.text for c in check.claims],
        "passed": result.passed,
        "attractors": result.attractors,
        "failures": [
            {"claim": claim.text, "breaking_attractors": list(patterns)}
            for claim, patterns in result.failures
        ],
        "note": result.note,
    }


def _report_dict(report: ValidationReport) -> dict[str, Any]:
    return {
        "validation": report.source,
        "nodes": list(report.nodes),
        "passed": report.passed,
        "cases": [
            {
                "id": c.case.id,
                "finding": c.case.finding,
                "source": c.case.source,
                "passed": c.passed,
                "holds_asynchronously": c.holds_async,
                "holds_synchronously": c.holds_sync,
                "synchronous_as_stated": c.sync_as_stated,
                "checks": [_check_dict(r) for r in c.asynchronous],
                "synchronous_checks": [_check_dict(r) for r in c.synchronous],
            }
            for c in report.cases
        ],
    }


def _failure_lines(result: CheckResult, nodes: tuple[str, ...]) -> list[str]:
    check = result.check
    where = [f"line {check.line}", f"scenario {values_text(check.scenario.as_dict)}"]
    if len(check.perturbation):
        where.append(f"perturbation {check.perturbation}")
    if check.start is not None:
        where.append(f"from {check.start.name}")
    lines = [f"    FAIL ({result.update}) {'; '.join(where)}"]
    if result.note:
        lines.append(f"      {result.note}")
    for claim, patterns in result.failures:
        lines.append(f"      expected: {claim.text}  ({result.attractors} attractors)")
        for pattern in patterns[:10]:
            on = [n for n, c in zip(nodes, pattern, strict=True) if c == "1"]
            varying = [n for n, c in zip(nodes, pattern, strict=True) if c == "*"]
            text = "on: " + (", ".join(on) or "-") + (f"; varying: {', '.join(varying)}" if varying else "")
            lines.append(f"        breaking attractor {pattern}  {text}")
        if len(patterns) > 10:
            lines.append(f"        ... and {len(patterns) - 10} more")
    return lines


def _report_text(report: ValidationReport) -> str:
    lines = [f"{report.source}: {len(report.cases)} cases", ""]
    for c in report.cases:
        mark = (
            click.style("PASS", fg="green", bold=True)
            if c.passed
            else click.style("FAIL", fg="red", bold=True)
        )
        sync = "also holds synchronously" if c.holds_sync else "does not hold synchronously"
        lines.append(f"{mark}  {c.case.id}  ({sync})")
        lines.append(f"      {c.case.source}")
        for result in c.asynchronous:
            if not result.passed:
                lines += _failure_lines(result, report.nodes)
        if not c.sync_as_stated:
            stated = "holds" if c.case.synchronous else "does not hold"
            lines.append(
                f"    the file says the case {stated} synchronously, but it "
                f"{'holds' if c.holds_sync else 'does not'}"
            )
            for result in c.synchronous:
                if not result.passed:
                    lines += _failure_lines(result, report.nodes)
    failed = sum(not c.passed for c in report.cases)
    lines += ["", f"{len(report.cases) - failed} passed, {failed} failed"]
    return "\n".join(lines) + "\n"


@click.command(name="check")
@click.argument("model", type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--cases",
    "cases_path",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="The validation file (default: MODEL with its suffix replaced: x.v2.txt -> x.v2.validation.toml).",
)
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@click.pass_context
def check_command(ctx: click.Context, model: Path, cases_path: Path | None, fmt: str) -> None:
    """Check MODEL against its literature validation file; exit 1 if any case fails.

    Every case must hold under asynchronous updating; each case also states
    whether it holds synchronously, and that statement is checked too.  A
    file that names its model (model = "x.txt") is refused for a MODEL with
    another file name.
    """
    network = read_network(model)
    path = cases_path or validation_path(model)
    if cases_path is None and not path.exists():
        hint = "write the model's validation file, or give --cases"
        raise InputError("no such file", source=str(path), hint=hint)
    report = check_model(network, read_validation(path, network, model=model), source=str(path))
    if fmt == "json":
        click.echo(to_json(_report_dict(report)), nl=False)
    else:
        click.echo(_report_text(report), nl=False)
    if not report.passed:
        ctx.exit(1)
