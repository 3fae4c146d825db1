"""Rendering results for people (aligned tables) and for scripts (JSON, CSV).

The library returns values; only this module and the commands turn them into
text.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping, Sequence
from typing import Any

import click

from ..results import AttractorResult

__all__ = ["WIDE", "align", "attractor_table", "to_json"]

WIDE = 40  # above this many nodes, tables show one pattern string instead of a column per node


def to_json(data: Any) -> str:
    """Stable, indented JSON (keys in insertion order, one trailing newline)."""
    return json.dumps(data, indent=2) + "\n"


def align(rows: Sequence[Sequence[str]], *, right: Sequence[bool] | None = None) -> list[str]:
    """Rows of cells as aligned text lines (two spaces between columns)."""
    if not rows:
        return []
    widths = [max(len(click.unstyle(row[i])) for row in rows) for i in range(len(rows[0]))]
    lines = []
    for row in rows:
        cells = []
        for i, cell in enumerate(row):
            pad = " " * (widths[i] - len(click.unstyle(cell)))
            cells.append(pad + cell if right and right[i] else cell + pad)
        lines.append("  ".join(cells).rstrip())
    return lines


def _value(char: str) -> str:
    if char == "1":
        return click.style("1", fg="green", bold=True)
    if char == "*":
        return click.style("*", fg="yellow")
    return click.style("0", dim=True)


def attractor_table(
    result: AttractorResult,
    *,
    model: str,
    inputs: Sequence[str] = (),
    outputs: Sequence[str] = (),
    scenario: Mapping[str, int] | None = None,
) -> str:
    """A human-readable table: one row per attractor, one column per node.

    Columns come in groups separated by ``|``: the ``inputs`` (the scenario),
    then the ``outputs`` (read-outs such as phenotype nodes, readable at a
    glance), then the other nodes, each group in canonical order.  Above
    :data:`WIDE` nodes, one pattern column replaces the node columns.  The
    header names the ``scenario`` apart from the rest of the perturbation.
    """
    nodes = result.nodes
    scenario = scenario or {}
    fixed = [f"{node}={value}" for node, value in result.perturbation.items() if scenario.get(node) != value]
    cuts = [f"cut {source}->{target}={value}" for source, target, value in result.network.cuts]
    perturbation = ", ".join(fixed + cuts) or "none"
    count = len(result.attractors)
    lines = [
        f"{model}: {len(nodes)} nodes, {result.update} updating, engine {result.engine}"
        + ("" if result.complete else " (INCOMPLETE)"),
        *([f"scenario: {', '.join(f'{k}={v}' for k, v in scenario.items())}"] if scenario else []),
        f"perturbation: {perturbation}",
        f"{count} attractor{'s' if count != 1 else ''}",
        "",
    ]
    sync = any(a.basin is not None for a in result.attractors)
    head = ["#", "kind", "size"] + (["basin"] if sync else [])
    right = [True, False, True] + ([True] if sync else [])
    if len(nodes) > WIDE:
        header = [*head, "pattern"]
        rows = [header]
        for number, attractor in enumerate(result.attractors, start=1):
            info = [str(number), attractor.kind.value, str(attractor.size)]
            info += [str(attractor.basin)] if sync else []
            rows.append([*info, attractor.pattern])
        lines += align(rows, right=[*right, False])
        lines += ["", "pattern columns: " + " ".join(nodes)]
        return "\n".join(lines) + "\n"
    first = [n for n in nodes if n in set(inputs)]
    second = [n for n in nodes if n in set(outputs) and n not in first]
    rest = [n for n in nodes if n not in first and n not in second]
    groups = [group for group in (first, second, rest) if group]
    position = {node: i for i, node in enumerate(nodes)}

    def grouped(cell_of: Callable[[str], str]) -> list[str]:
        cells: list[str] = []
        for number, group in enumerate(groups):
            cells += ["|"] if number else []
            cells += [cell_of(node) for node in group]
        return cells

    rows = [[*head, *grouped(lambda node: node)]]
    for number, attractor in enumerate(result.attractors, start=1):
        info = [str(number), attractor.kind.value, str(attractor.size)]
        info += [str(attractor.basin)] if sync else []
        rows.append([*info, *grouped(lambda node: _value(attractor.pattern[position[node]]))])  # noqa: B023
    lines += align(rows, right=right + [False] * (len(rows[0]) - len(right)))
    lines += ["", "1 on, 0 off, * varies within the attractor"]
    return "\n".join(lines) + "\n"
