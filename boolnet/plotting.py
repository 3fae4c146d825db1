"""Figures with matplotlib: the signed interaction graph and an attractor map.

matplotlib is optional (the ``plot`` extra); it is imported only when a figure
is drawn.  Functions return a ``matplotlib.figure.Figure`` and never show or
save it: the caller decides (``fig.savefig("il6.png")``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, cast

import networkx as nx

from .errors import MissingDependencyError
from .graph import Sign
from .results import AttractorResult

if TYPE_CHECKING:
    from matplotlib.figure import Figure

__all__ = ["plot_attractors", "plot_interaction_graph"]

_COLOURS = {Sign.ACTIVATING: "#1b7837", Sign.INHIBITING: "#b2182b", Sign.DUAL: "#2166ac"}


def _pyplot() -> Any:
    try:
        import matplotlib

        matplotlib.use("Agg")  # figures are saved, never shown: no display needed
        import matplotlib.pyplot as plt
    except ImportError:
        raise MissingDependencyError("matplotlib", "plot", "drawing figures") from None
    return plt


def plot_interaction_graph(graph: nx.DiGraph, *, seed: int = 0) -> Figure:
    """Draw a signed interaction graph (from :func:`boolnet.interaction_graph`).

    Activations are green arrows, inhibitions red, dual regulations blue;
    inputs are drawn as grey circles.  The layout is a seeded spring layout,
    so the same graph gives the same picture.
    """
    plt = _pyplot()
    size = max(6.0, min(20.0, 0.45 * graph.number_of_nodes() + 4))
    figure, axes = plt.subplots(figsize=(size, size * 0.75))
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
    return cast("Figure", figure)


def plot_attractors(result: AttractorResult) -> Figure:
    """An attractor map: one column per attractor, one row per node.

    Each cell is the node's value in the attractor: off, on, or varying
    (``*`` in the pattern).  Titles record the update and perturbation.
    """
    plt = _pyplot()
    from matplotlib.colors import ListedColormap

    nodes = result.nodes
    values = {"0": 0.0, "*": 0.5, "1": 1.0}
    matrix = [[values[a.pattern[i]] for a in result.attractors] for i in range(len(nodes))]
    width = max(4.0, min(30.0, 0.35 * len(result.attractors) + 3))
    figure, axes = plt.subplots(figsize=(width, max(3.0, 0.28 * len(nodes) + 1.5)))
    colours = ListedColormap(["#f7f7f7", "#fdb863", "#1b7837"])
    axes.imshow(matrix, cmap=colours, vmin=0, vmax=1, aspect="auto", interpolation="nearest")
    axes.set_yticks(range(len(nodes)), labels=list(nodes), fontsize=8)
    axes.set_xticks(range(len(result.attractors)), labels=[str(i + 1) for i in range(len(result.attractors))])
    axes.set_xlabel("attractor (white: off, orange: varies, green: on)")
    perturbation = ", ".join(f"{n}={v}" for n, v in result.perturbation.items()) or "no perturbation"
    axes.set_title(f"{result.update} attractors, {perturbation}")
    figure.tight_layout()
    return cast("Figure", figure)
