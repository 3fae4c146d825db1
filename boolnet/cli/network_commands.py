"""Commands on one network: info, attractors, graph, convert, engines.

Each command parses its options, calls one library function and renders the
result; nothing here computes.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from ..attractors import find_attractors
from ..engines import engines as registered_engines
from ..expr import to_text, variables
from ..formats import format_network, read_network, write_network
from ..formats.results import result_to_csv, result_to_dict
from ..graph import Sign, feedback_loops, interaction_graph
from ..limits import GIB, Limits
from ..model import Network
from ..update import UPDATE_NAMES
from .perturb_options import perturbation_of, perturbation_options, scenario_of, scenario_option
from .render import align, attractor_table, to_json

if TYPE_CHECKING:
    import networkx as nx

MODEL = click.argument("model", type=click.Path(dir_okay=False, path_type=Path))


def readout_nodes(network: Network, graph: nx.DiGraph | None = None) -> list[str]:
    """Nodes worth showing first: declared read-outs, nodes phenotypes name, nodes regulating nothing."""
    graph = graph if graph is not None else interaction_graph(network)
    named = set().union(*(variables(p.expr) for p in network.phenotypes)) | set(network.readouts)
    sinks = {n for n in network.nodes if not (set(graph.successors(n)) - {n})}
    return [n for n in network.nodes if (n in named or n in sinks) and n not in network.inputs]


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


@click.command()
@MODEL
@click.option(
    "--update",
    "-u",
    type=click.Choice(UPDATE_NAMES, case_sensitive=False),
    default="async",
    show_default=True,
    help="Synchronous or (fully) asynchronous updating.",
)
@perturbation_options
@scenario_option
@click.option(
    "--format", "fmt", type=click.Choice(["table", "json", "csv"]), default="table", show_default=True
)
@click.option("--method", default="auto", show_default=True, help="Engine name (see `boolnet engines`).")
@click.option("--timeout", type=float, default=None, help="Time budget in seconds.")
@click.option("--memory", type=float, default=4.0, show_default=True, help="Memory budget in GiB.")
@click.option(
    "--plot",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Also draw an attractor map to this .png/.svg/.pdf file (the `plot` extra).",
)
def attractors(
    model: Path,
    plot: Path | None,
    update: str,
    ko: tuple[str, ...],
    oe: tuple[str, ...],
    cut: tuple[str, ...],
    scenario: str,
    fmt: str,
    method: str,
    timeout: float | None,
    memory: float,
) -> None:
    """Find every attractor of MODEL (fixed points, cycles, complex attractors).

    `--scenario` fixes inputs; `--ko`, `--oe` and `--cut` perturb the network.
    """
    unperturbed = read_network(model)
    network = perturbation_of(ko, oe, cut).apply(scenario_of(scenario, unperturbed).apply(unperturbed))
    limits = Limits(memory=int(memory * GIB), timeout=timeout)
    result = find_attractors(network, update, method=method, limits=limits)
    if plot is not None:
        from ..plotting import plot_attractors

        plot_attractors(result).savefig(plot, dpi=150)
    if fmt == "json":
        click.echo(to_json(result_to_dict(result, model=str(model))), nl=False)
    elif fmt == "csv":
        click.echo(result_to_csv(result), nl=False)
    else:
        click.echo(
            attractor_table(
                result, model=str(model), inputs=unperturbed.inputs, outputs=readout_nodes(unperturbed)
            ),
            nl=False,
        )


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
PICTURES = ("png", "svg", "pdf")
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


def _save_figure(figure: Any, output: Path | None, fmt: str) -> None:
    if output is None:
        raise click.UsageError(f"--format {fmt} draws a picture: name the file with --output")
    figure.savefig(output, format=fmt, dpi=150)


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
    signed = interaction_graph(read_network(model))
    if fmt in PICTURES:
        from ..plotting import plot_interaction_graph

        _save_figure(plot_interaction_graph(signed), output, fmt)
    else:
        _emit(GRAPH_FORMATS[fmt](signed), output)


@click.command()
@MODEL
@click.argument("output", type=click.Path(dir_okay=False, path_type=Path))
def convert(model: Path, output: Path) -> None:
    """Convert MODEL to OUTPUT; formats follow the suffixes (.bnet, .txt, .rules).

    OUTPUT '-' writes native rules to stdout.
    """
    network = read_network(model)
    if str(output) == "-":
        click.echo(format_network(network, ".txt"), nl=False)
        return
    write_network(network, output)


@click.command(name="engines")
def engines_command() -> None:
    """List the attractor engines in the order `--method auto` tries them.

    An engine with an auto limit yields its turn to the engines after it on
    larger networks, and is the fallback when none of them can answer.
    """
    rows = [["engine", "updates", "auto limit", "description"]]
    for engine in registered_engines():
        updates = ", ".join(sorted(u.value for u in engine.updates))
        limit = ", ".join(f"{u.value} <= {n} nodes" for u, n in engine.auto_max_nodes.items()) or "-"
        rows.append([engine.name, updates, limit, engine.description])
    click.echo("\n".join(align(rows)))
