"""Commands that read the signed interaction graph: info and graph.

Each command parses its options, calls one library function and renders the
result; nothing here computes.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

import click

from ..expr import to_text
from ..formats import read_network
from ..graph import Sign, feedback_loops, interaction_graph
from .figures import PICTURES
from .network_commands import MODEL
from .render import align, to_json

if TYPE_CHECKING:
    import networkx as nx


@click.command()
@MODEL
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@click.option(
    "--loops",
    "max_loops",
    type=click.IntRange(min=0),
    default=50,
    show_default=True,
    help="Show at most this many feedback loops.",
)
@click.option(
    "--loop-length",
    type=click.IntRange(min=1),
    default=10,
    show_default=True,
    help="Only loops of at most this many nodes.",
)
def info(model: Path, fmt: str, max_loops: int, loop_length: int) -> None:
    """Summarise MODEL: nodes, inputs, constants, regulations and feedback loops."""
    network = read_network(model)
    graph = interaction_graph(network)
    found = feedback_loops(graph, max_length=loop_length, limit=max_loops + len(network.inputs) + 1)
    loops = [loop for loop in found if not (loop.length == 1 and loop.nodes[0] in network.inputs)]
    more = len(loops) > max_loops
    loops = loops[:max_loops]
    signs = [data["sign"] for _, _, data in graph.edges(data=True)]
    if fmt == "json":
        data = {
            "model": str(model),
            "nodes": [
                {
                    "name": node,
                    "rule": to_text(network.rule(node).expr),
                    "in_degree": graph.in_degree(node),
                    "out_degree": graph.out_degree(node),
                    "input": node in network.inputs,
                    "constant": node in network.constants,
                    "readout": node in network.readouts,
                }
                for node in network.nodes
            ],
            "inputs": list(network.inputs),
            "constants": list(network.constants),
            "readouts": list(network.readouts),
            "phenotypes": {p.name: to_text(p.expr) for p in network.phenotypes},
            "edges": [
                {"source": a, "target": b, "sign": str(d["sign"])} for a, b, d in graph.edges(data=True)
            ],
            "feedback_loops": [{"nodes": list(loop.nodes), "sign": str(loop.sign)} for loop in loops],
            "feedback_loops_truncated": more,
        }
        click.echo(to_json(data), nl=False)
        return
    lines = [
        f"model       {model}",
        f"nodes       {len(network)}",
        f"inputs      {len(network.inputs)}: {', '.join(network.inputs) or '-'}",
        f"constants   {len(network.constants)}: {', '.join(network.constants) or '-'}",
        f"read-outs   {len(network.readouts)}: {', '.join(network.readouts) or '-'}",
        f"phenotypes  {len(network.phenotypes)}: {', '.join(p.name for p in network.phenotypes) or '-'}",
        f"regulations {len(signs)}: {signs.count(Sign.ACTIVATING)} activating, "
        f"{signs.count(Sign.INHIBITING)} inhibiting, {signs.count(Sign.DUAL)} dual",
        "",
    ]
    rows = [["node", "in", "out", "rule"]]
    for node in network.nodes:
        rule = to_text(network.rule(node).expr)
        note = (
            "  (input)"
            if node in network.inputs
            else "  (constant)"
            if node in network.constants
            else "  (read-out)"
            if node in network.readouts
            else ""
        )
        rows.append([node, str(graph.in_degree(node)), str(graph.out_degree(node)), rule + note])
    lines += align(rows, right=[False, True, True, False])
    shown = f"{len(loops)}{' shown, more exist' if more else ''}; at most {loop_length} nodes; shortest first"
    lines += ["", f"feedback loops ({shown}):"]
    for loop in loops:
        path = " -> ".join((*loop.nodes, loop.nodes[0]))
        lines.append(f"  {loop.sign!s:>2}  {path}")
    click.echo("\n".join(lines))


def _dot(graph: nx.DiGraph) -> str:
    style = {
        Sign.ACTIVATING: 'color="#1b7837", arrowhead=normal',
        Sign.INHIBITING: 'color="#b2182b", arrowhead=tee',
        Sign.DUAL: 'color="#2166ac", arrowhead=odot',
    }
    lines = [
        f"digraph {json.dumps(graph.graph.get('name') or 'network')} {{",
        "  node [shape=box, style=rounded];",
    ]
    for node, data in graph.nodes(data=True):
        shape = ", shape=ellipse" if data["input"] else ""
        lines.append(f"  {json.dumps(node)} [label={json.dumps(node)}{shape}];")
    for source, target, data in graph.edges(data=True):
        sign = data["sign"]
        lines.append(f'  {json.dumps(source)} -> {json.dumps(target)} [{style[sign]}, label="{sign}"];')
    lines.append("}")
    return "\n".join(lines) + "\n"


def _sif(graph: nx.DiGraph) -> str:
    words = {Sign.ACTIVATING: "activates", Sign.INHIBITING: "inhibits", Sign.DUAL: "regulates"}
    return "".join(f"{a}\t{words[d['sign']]}\t{b}\n" for a, b, d in graph.edges(data=True))


def _graph_json(graph: nx.DiGraph) -> str:
    data = {
        "nodes": [{"id": n, **d} for n, d in graph.nodes(data=True)],
        "edges": [{"source": a, "target": b, "sign": str(d["sign"])} for a, b, d in graph.edges(data=True)],
    }
    return to_json(data)


def _graphml(graph: nx.DiGraph) -> str:
    import networkx as nx

    plain = nx.DiGraph()
    plain.add_nodes_from(graph.nodes(data=True))
    plain.add_edges_from((a, b, {"sign": str(d["sign"])}) for a, b, d in graph.edges(data=True))
    return "\n".join(nx.generate_graphml(plain)) + "\n"


GRAPH_FORMATS = {"dot": _dot, "graphml": _graphml, "json": _graph_json, "sif": _sif}
OUTPUT = click.option(
    "--output",
    "-o",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Write to this file instead of stdout (required for pictures).",
)


def _emit(text: str, output: Path | None) -> None:
    if output is None:
        click.echo(text, nl=False)
    else:
        output.write_text(text, encoding="utf-8")


def _picture_file(output: Path | None, fmt: str) -> Path:
    """The file a picture in ``fmt`` goes to: ``--output``, whose suffix must not name another format."""
    if output is None:
        raise click.UsageError(f"--format {fmt} draws a picture: name the file with --output")
    suffix = output.suffix.lower().lstrip(".")
    if suffix in PICTURES and suffix != fmt:
        raise click.UsageError(f"--format {fmt} does not match the output file {output.name}")
    return output


@click.command()
@MODEL
@click.option(
    "--format", "fmt", type=click.Choice([*GRAPH_FORMATS, *PICTURES]), default="dot", show_default=True
)
@OUTPUT
def graph(model: Path, fmt: str, output: Path | None) -> None:
    """Print or draw the signed interaction graph of MODEL (signs computed from the rules).

    dot draws with Graphviz (`dot -Tsvg`); graphml opens in Cytoscape and
    yEd; sif is Cytoscape's simple interaction format; png, svg and pdf draw
    the graph with matplotlib (the `plot` extra).
    """
    picture = _picture_file(output, fmt) if fmt in PICTURES else None
    signed = interaction_graph(read_network(model))
    if picture is not None:
        from ..plotting import plot_interaction_graph

        plot_interaction_graph(signed).savefig(picture, format=fmt, dpi=150)
    else:
        _emit(GRAPH_FORMATS[fmt](signed), output)
