"""Figures with matplotlib: the interaction graph, attractor maps, simulations and screens.

matplotlib is optional (the ``plot`` extra); it is imported only when a figure
is drawn.  Functions return a ``matplotlib.figure.Figure`` and never show or
save it: the caller decides (``fig.savefig("il6.png")``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import networkx as nx

from .errors import MissingDependencyError
from .graph import Sign
from .results import AttractorResult

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt
    from matplotlib.figure import Figure

    from .perturb.perturbations import Action
    from .perturb.screening import ScreenResult
    from .perturb.simulation import SimulationResult

__all__ = ["plot_attractors", "plot_interaction_graph", "plot_screen", "plot_simulation", "screen_matrix"]

MAX_ENDINGS_DRAWN = 12  # final attractors drawn one bar each; the rest share a bar

_COLOURS = {Sign.ACTIVATING: "#1b7837", Sign.INHIBITING: "#b2182b", Sign.DUAL: "#2166ac"}


def _figure(width: float, height: float) -> Figure:
    """A new figure of ``width`` x ``height`` inches, outside pyplot (no backend is chosen or changed)."""
    try:
        from matplotlib.figure import Figure
    except ImportError:
        raise MissingDependencyError("matplotlib", "plot", "drawing figures") from None
    return Figure(figsize=(width, height))


def plot_interaction_graph(graph: nx.DiGraph, *, seed: int = 0) -> Figure:
    """Draw a signed interaction graph (from :func:`boolnet.interaction_graph`).

    Activations are green arrows, inhibitions red, dual regulations blue;
    inputs are drawn as grey circles.  The layout is a seeded spring layout,
    so the same graph gives the same picture.
    """
    size = max(6.0, min(20.0, 0.45 * graph.number_of_nodes() + 4))
    figure = _figure(size, size * 0.75)
    axes = figure.subplots()
    # Kamada-Kawai gives readable pathways but puts symmetric nodes (two inputs
    # with the same targets) on one spot; a short seeded spring pass separates them.
    start = nx.kamada_kawai_layout(graph) if graph.number_of_nodes() <= 150 else None
    layout = nx.spring_layout(graph, pos=start, iterations=15 if start else 50, seed=seed)
    inputs = [n for n, d in graph.nodes(data=True) if d.get("input")]
    others = [n for n in graph.nodes if n not in inputs]
    nx.draw_networkx_nodes(graph, layout, nodelist=others, node_color="#fde0c5", node_size=900, ax=axes)
    nx.draw_networkx_nodes(graph, layout, nodelist=inputs, node_color="#d9d9d9", node_size=900, ax=axes)
    nx.draw_networkx_labels(graph, layout, font_size=8, ax=axes)
    for sign, colour in _COLOURS.items():
        edges = [(a, b) for a, b, d in graph.edges(data=True) if d["sign"] is sign]
        style = "-[" if sign is Sign.INHIBITING else "-|>"
        nx.draw_networkx_edges(
            graph,
            layout,
            edgelist=edges,
            edge_color=colour,
            arrowstyle=style,
            node_size=900,
            connectionstyle="arc3,rad=0.08",
            ax=axes,
        )
    axes.set_title(graph.graph.get("name") or "interaction graph")
    axes.set_axis_off()
    figure.tight_layout()
    return figure


def plot_attractors(result: AttractorResult) -> Figure:
    """An attractor map: one column per attractor, one row per node.

    Each cell is the node's value in the attractor: off, on, or varying
    (``*`` in the pattern).  Titles record the update and perturbation.
    """
    from matplotlib.colors import ListedColormap

    nodes = result.nodes
    values = {"0": 0.0, "*": 0.5, "1": 1.0}
    matrix = [[values[a.pattern[i]] for a in result.attractors] for i in range(len(nodes))]
    width = max(4.0, min(30.0, 0.35 * len(result.attractors) + 3))
    figure = _figure(width, max(3.0, 0.28 * len(nodes) + 1.5))
    axes = figure.subplots()
    colours = ListedColormap(["#f7f7f7", "#fdb863", "#1b7837"])
    axes.imshow(matrix, cmap=colours, vmin=0, vmax=1, aspect="auto", interpolation="nearest")
    axes.set_yticks(range(len(nodes)), labels=list(nodes), fontsize=8)
    axes.set_xticks(range(len(result.attractors)), labels=[str(i + 1) for i in range(len(result.attractors))])
    axes.set_xlabel("attractor (white: off, orange: varies, green: on)")
    perturbation = ", ".join(f"{n}={v}" for n, v in result.perturbation.items()) or "no perturbation"
    axes.set_title(f"{result.update} attractors, {perturbation}")
    figure.tight_layout()
    return figure


def plot_simulation(result: SimulationResult) -> Figure:
    """Where the runs of a simulation go: phenotype fractions per step, and their final attractors.

    Left, one line per followed phenotype: the fraction of runs showing it
    at each step (step 0 is the initial states).  Right, the fraction of
    runs ending in each attractor of the perturbed network (the
    :data:`MAX_ENDINGS_DRAWN` most frequent one bar each, the others
    together) and the fraction not yet in an attractor.
    """
    figure = _figure(12.0, 4.5)
    curves, endings = figure.subplots(1, 2, gridspec_kw={"width_ratios": [3, 2]})
    steps = range(len(result.fractions))
    marker = "o" if len(steps) <= 30 else None  # a run of few steps is a few points, not a line
    for column, name in enumerate(result.phenotypes):
        values = [row[column] for row in result.fractions]
        curves.plot(steps, values, label=name, linewidth=1.8, marker=marker, markersize=3)
    if result.phenotypes:
        curves.legend(fontsize=8, loc="best")
    else:
        curves.text(0.5, 0.5, "no phenotype followed", ha="center", transform=curves.transAxes)
    curves.set_ylim(-0.02, 1.02)
    curves.set_xlabel("step")
    curves.set_ylabel("fraction of runs showing the phenotype")
    labels, shares = _endings(result)
    endings.barh(range(len(labels)), shares, color="#4393c3")
    endings.set_yticks(range(len(labels)), labels=labels, fontsize=7, family="monospace")
    endings.invert_yaxis()
    endings.set_xlim(0, 1)
    endings.set_xlabel(f"fraction of runs at step {result.steps}")
    endings.set_title("final attractors (pattern: node values, * varies)", fontsize=9)
    figure.suptitle(
        f"{result.runs} {result.update} runs from {result.initial}; perturbation {result.perturbation}; "
        f"scenario {result.scenario}",
        fontsize=10,
    )
    figure.tight_layout()
    return figure


def _endings(result: SimulationResult) -> tuple[list[str], list[float]]:
    """Bar labels and heights: the most frequent final attractors, the rest, the unsettled runs."""
    drawn = result.attractors[:MAX_ENDINGS_DRAWN]
    labels = [pattern if len(pattern) <= 60 else f"attractor {k}" for k, (pattern, _) in enumerate(drawn, 1)]
    shares = [share for _, share in drawn]
    rest = result.attractors[MAX_ENDINGS_DRAWN:]
    if rest:
        labels.append(f"{len(rest)} other attractors")
        shares.append(sum(share for _, share in rest))
    if result.unsettled:
        labels.append("not yet in an attractor")
        shares.append(result.unsettled)
    return labels, shares


def screen_matrix(
    result: ScreenResult,
) -> tuple[list[Action], npt.NDArray[np.float64], npt.NDArray[np.bool_], npt.NDArray[np.bool_]]:
    """A screen's single and double perturbations as symmetric matrices over its actions.

    Returns ``(actions, share, abolished, minimal)``: ``share[i, j]`` is the
    fraction of the perturbed network's attractors (in the screen's mode)
    that show the phenotype under actions ``i`` and ``j`` together (the
    diagonal: action ``i`` alone), NaN where that pair was not screened
    (it conflicts, the screen stopped first, or a search for minimal
    interventions skipped it as a superset of a hit); ``abolished`` and
    ``minimal`` are boolean matrices of the same entries.  Perturbations of
    three or more actions are left out.  Complexity: linear in the entries.
    """
    import numpy as np

    pairs = [entry for entry in result.entries if entry.size in (1, 2)]
    # in the order the screen first tried them (its single actions come first)
    actions = list(dict.fromkeys(action for entry in pairs for action in entry.perturbation.actions))
    position = {action: k for k, action in enumerate(actions)}
    share = np.full((len(actions), len(actions)), np.nan)
    abolished = np.zeros(share.shape, dtype=bool)
    minimal = np.zeros(share.shape, dtype=bool)
    for entry in pairs:
        first, last = (position[a] for a in (entry.perturbation.actions[0], entry.perturbation.actions[-1]))
        value = entry.phenotype_attractors / entry.attractors if entry.attractors else 0.0
        for i, j in ((first, last), (last, first)):
            share[i, j], abolished[i, j], minimal[i, j] = value, entry.abolished, entry.minimal
    return actions, share, abolished, minimal


def plot_screen(result: ScreenResult) -> Figure:
    """A screen as a heat map: how much of the phenotype each single and double perturbation leaves.

    Cell ``(i, j)`` is actions ``i`` and ``j`` together, the diagonal one
    action alone (:func:`screen_matrix`); its colour is the fraction of the
    attractors (or, from the disease state, of the attractors reached) that
    still show the phenotype, from white (none) to dark red (all); grey
    cells were not screened.  A green square marks an abolishing
    perturbation, a black-edged one a minimal one.  Larger perturbations
    are counted in the title, not drawn.
    """
    import numpy as np
    from matplotlib import colormaps
    from matplotlib.lines import Line2D

    actions, share, abolished, minimal = screen_matrix(result)
    labels = [str(action) for action in actions]
    side = max(5.0, min(30.0, 0.22 * len(actions) + 3.5))
    figure = _figure(side + 1.5, side)
    axes = figure.subplots()
    if not actions:
        axes.text(
            0.5, 0.5, "no single or double perturbation screened", ha="center", transform=axes.transAxes
        )
        axes.set_axis_off()
        axes.set_title(f"{result.phenotype}: {result.update}, {result.mode}, scenario {result.scenario}")
        return figure
    colours = colormaps["Reds"].with_extremes(bad="#d9d9d9")
    image = axes.imshow(np.ma.masked_invalid(share), cmap=colours, vmin=0, vmax=1, interpolation="nearest")
    rows, columns = np.nonzero(abolished & ~minimal)
    axes.scatter(columns, rows, marker="s", s=18, color="#1b7837", linewidths=0)
    rows, columns = np.nonzero(minimal)
    axes.scatter(columns, rows, marker="s", s=30, color="#1b7837", edgecolors="black", linewidths=0.8)
    font = 8 if len(actions) <= 40 else 5
    axes.set_xticks(range(len(actions)), labels=labels, rotation=90, fontsize=font)
    axes.set_yticks(range(len(actions)), labels=labels, fontsize=font)
    figure.colorbar(image, ax=axes, fraction=0.04, label=f"share of attractors showing {result.phenotype}")
    marks = [
        Line2D([], [], marker="s", linestyle="", color="#1b7837", label="abolished"),
        Line2D([], [], marker="s", linestyle="", color="#1b7837", markeredgecolor="black", label="minimal"),
    ]
    axes.legend(handles=marks, loc="upper left", bbox_to_anchor=(1.0, -0.02), fontsize=8, frameon=False)
    larger = sum(1 for entry in result.entries if entry.size > 2)
    title = (
        f"{result.phenotype}: {result.update}, {result.mode}, scenario {result.scenario}"
        + ("" if result.complete else ", INCOMPLETE")
        + (f"\n{larger} perturbations of 3+ actions not drawn" if larger else "")
        + ("\nno unperturbed attractor shows the phenotype" if result.nothing_to_abolish else "")
    )
    axes.set_title(title, fontsize=10)
    figure.tight_layout()
    return figure
