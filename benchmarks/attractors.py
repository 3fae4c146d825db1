"""Benchmark boolnet's attractor, fixed-point and trap-space engines against peer tools.

Every applicable boolnet engine and every installed peer runs on each model of
the corpus (by default ``<repo>/../shared/corpus/bbm-inputs-fixed``: inputs
fixed to constants, so attractor sets stay listable), one child process per
(model, task, tool), sequentially, with the same wall-clock limit and the same
measurement of time and peak memory for all (:mod:`common`).  Tasks:

``async``    asynchronous attractors (boolnet engines; AEON, biobalm, pystablemotifs)
``fixed``    fixed points (boolnet's ASP module; AEON, mpbn, trappist, PyBoolNet)
``mintrap``  minimal trap spaces (boolnet's ASP module; AEON, mpbn, trappist, PyBoolNet)
``sync``     synchronous attractors (boolnet engines only; not run by default)

It prints a table (model, nodes, task, tool, count, seconds, peak MiB, status),
writes it with a summary to ``benchmarks/results/attractors-<date>.json``, and
prints per task the median time of each tool over the models both it and a
peer finished, the ratio boolnet/peer, the models that dominate, and whether
the counts agree (a disagreement is printed loudly).

Examples::

    python benchmarks/attractors.py --max-nodes 30 --timeout 20 --peer-python .venv-bench/bin/python
    python benchmarks/attractors.py --tasks fixed,mintrap --tools boolnet,aeon,mpbn --limit 10
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import platform
import shutil
import statistics
import sys
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))
sys.path.insert(1, str(REPO))

from common import TASKS, Outcome, run_job  # noqa: E402
from peers import PEERS, peer_versions, run_peer  # noqa: E402

ALL_TASKS = {**TASKS, "sync": "synchronous attractors"}
DEFAULT_TASKS = ("async", "fixed", "mintrap")
DEFAULT_CORPUS = REPO / ".." / "shared" / "corpus" / "bbm-inputs-fixed"
RESULTS = HERE / "results"
BOOLNET_TRAPSPACES = "boolnet:trapspaces"  # the trap-space/fixed-point module, when present


# ---------------------------------------------------------------------------
# boolnet worker (child side)
# ---------------------------------------------------------------------------


# ---------------------------------------------------------------------------
# Parent side
# ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Model:
    """A corpus model: name, file and node count."""

    name: str
    path: Path
    nodes: int


@dataclass(frozen=True, slots=True)
class Row:
    """One measured (model, task, tool) run."""

    model: str
    nodes: int
    task: str
    tool: str
    outcome: Outcome

    def as_dict(self) -> dict[str, Any]:
        """The row as a JSON-ready mapping."""
        return {
            "model": self.model,
            "nodes": self.nodes,
            "task": self.task,
            "tool": self.tool,
            **self.outcome.as_dict(),
        }


def load_corpus(folder: Path) -> list[Model]:
    """The ``.bnet`` models of ``folder``, smallest first, with node counts from ``index.csv``."""
    sizes: dict[str, int] = {}
    index = folder / "index.csv"
    if index.exists():
        with index.open(newline="", encoding="utf-8") as handle:
            for record in csv.DictReader(handle):
                sizes[record["file"]] = int(record["nodes"])
    models = []
    for path in sorted(folder.glob("*.bnet")):
        nodes = sizes.get(path.name)
        if nodes is None:  # count rule lines: every line but the header and comments
            lines = path.read_text(encoding="utf-8").splitlines()
            nodes = sum(1 for line in lines if "," in line and not line.startswith(("#", "targets")))
        name = path.stem.removesuffix("-inputs-fixed")
        models.append(Model(name, path, nodes))
    return sorted(models, key=lambda model: (model.nodes, model.name))


def boolnet_tools(task: str) -> list[str]:
    """The boolnet tools that can answer ``task`` in this checkout."""
    if task in ("async", "sync"):
        from boolnet import list_engines
        from boolnet.update import parse_update

        update = parse_update(task)
        return [f"boolnet:{engine.name}" for engine in list_engines() if update in engine.updates]
    try:
        from boolnet.engines.trapspaces import find_fixed_points, find_trap_spaces  # noqa: F401
    except ImportError:
        return []
    return [BOOLNET_TRAPSPACES]


def _boolnet_precheck(
    tool: str, task: str, model: Model, timeout: float, memory_mib: int | None
) -> str | None:
    """The reason a boolnet engine refuses this model up front (e.g. its memory estimate), if any."""
    if task not in ("async", "sync"):
        return None
    import boolnet
    from boolnet.engines import engines
    from boolnet.update import parse_update

    engine = {e.name: e for e in engines()}[tool.split(":", 1)[1]]
    limits = (
        boolnet.Limits(timeout=timeout)
        if memory_mib is None
        else boolnet.Limits(timeout=timeout, memory=memory_mib << 20)
    )
    try:
        network = boolnet.read_network(model.path)
    except boolnet.BoolnetError as error:
        return f"cannot read: {error}"
    return engine.check(network, parse_update(task), limits)


def compile_boolnet() -> None:
    """Write the bytecode of the boolnet package being measured, as ``pip install`` does.

    The peers are installed by pip, which writes every module's bytecode at
    install time; boolnet is measured from its source tree, where nothing
    would be cached when the environment sets ``PYTHONDONTWRITEBYTECODE``,
    and every child would compile each module again (about 0.01 s).
    """
    import compileall

    import boolnet

    compileall.compile_dir(Path(boolnet.__file__).parent, quiet=1)


def run_boolnet(tool: str, task: str, model: Model, timeout: float, memory_mib: int | None) -> Outcome:
    """Run one boolnet tool in a child process (or record why it does not apply)."""
    reason = _boolnet_precheck(tool, task, model, timeout, memory_mib)
    if reason is not None:
        return Outcome("skip", None, 0.0, None, 0.0, reason[:300])
    argv = [
        sys.executable,
        str(HERE / "boolnet_worker.py"),
        tool,
        task,
        str(model.path),
        "--timeout",
        str(timeout),
    ]
    if memory_mib is not None:
        argv += ["--memory-limit", str(memory_mib)]
    return run_job(argv, timeout, memory_mib=memory_mib, cwd=REPO)


# ---------------------------------------------------------------------------
# Summary
# ---------------------------------------------------------------------------


def _median(values: Iterable[float]) -> float:
    return float(statistics.median(list(values)))


def summarize(rows: Sequence[Row]) -> dict[str, Any]:
    """Per task: tool medians and boolnet/peer ratios over common models, dominating models, agreement."""
    summary: dict[str, Any] = {}
    by_task: dict[str, list[Row]] = defaultdict(list)
    for row in rows:
        by_task[row.task].append(row)
    for task, task_rows in by_task.items():
        ok: dict[str, dict[str, Row]] = defaultdict(dict)  # tool -> model -> row
        statuses: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
        for row in task_rows:
            statuses[row.tool][row.outcome.status] += 1
            if row.outcome.status == "ok":
                ok[row.tool][row.model] = row
        ours = sorted(tool for tool in ok if tool.startswith("boolnet"))
        theirs = sorted(tool for tool in ok if not tool.startswith("boolnet"))
        comparisons = []
        for mine in ours:
            for peer in theirs:
                common = sorted(set(ok[mine]) & set(ok[peer]))
                if not common:
                    continue
                mine_s = [ok[mine][m].outcome.seconds for m in common]
                peer_s = [ok[peer][m].outcome.seconds for m in common]
                mine_solve = [ok[mine][m].outcome.solve_seconds or 0.0 for m in common]
                peer_solve = [ok[peer][m].outcome.solve_seconds or 0.0 for m in common]
                per_model = [a / b for a, b in zip(mine_s, peer_s, strict=True) if b > 0]
                comparisons.append(
                    {
                        "boolnet": mine,
                        "peer": peer,
                        "models": len(common),
                        "median_s_boolnet": round(_median(mine_s), 4),
                        "median_s_peer": round(_median(peer_s), 4),
                        "ratio_median_s": round(_median(mine_s) / _median(peer_s), 3),
                        "median_per_model_ratio": round(_median(per_model), 3) if per_model else None,
                        "median_solve_s_boolnet": round(_median(mine_solve), 4),
                        "median_solve_s_peer": round(_median(peer_solve), 4),
                        "ratio_median_solve_s": round(_median(mine_solve) / _median(peer_solve), 3)
                        if _median(peer_solve) > 0
                        else None,
                        "total_s_boolnet": round(sum(mine_s), 3),
                        "total_s_peer": round(sum(peer_s), 3),
                    }
                )
        dominating = {}
        for tool, finished in ok.items():
            total = sum(row.outcome.seconds for row in finished.values())
            top = sorted(finished.values(), key=lambda row: -row.outcome.seconds)[:3]
            dominating[tool] = {
                "total_s": round(total, 3),
                "top": [
                    {
                        "model": row.model,
                        "nodes": row.nodes,
                        "seconds": round(row.outcome.seconds, 3),
                        "share": round(row.outcome.seconds / total, 3) if total else 0.0,
                    }
                    for row in top
                ],
            }
        counts: dict[str, dict[str, int]] = defaultdict(dict)  # model -> tool -> count
        for tool, finished in ok.items():
            for model, row in finished.items():
                if row.outcome.count is not None:
                    counts[model][tool] = row.outcome.count
        disagreements = [
            {"model": model, "counts": dict(sorted(tools.items()))}
            for model, tools in sorted(counts.items())
            if len(set(tools.values())) > 1
        ]
        checked = sum(1 for tools in counts.values() if len(tools) > 1)
        summary[task] = {
            "statuses": {tool: dict(counter) for tool, counter in sorted(statuses.items())},
            "comparisons": comparisons,
            "dominating": dominating,
            "models_cross_checked": checked,
            "disagreements": disagreements,
        }
    return summary


# ---------------------------------------------------------------------------
# Output
# ---------------------------------------------------------------------------


def _fmt_count(outcome: Outcome) -> str:
    return "-" if outcome.count is None else str(outcome.count)


def print_table(rows: Sequence[Row]) -> None:
    """The per-run table, with rich when installed."""
    header = ("model", "nodes", "task", "tool", "count", "seconds", "peak MiB", "status")
    cells = [
        (
            row.model,
            str(row.nodes),
            row.task,
            row.tool,
            _fmt_count(row.outcome),
            f"{row.outcome.seconds:.3f}",
            f"{row.outcome.peak_mib:.0f}",
            row.outcome.status
            if row.outcome.status == "ok"
            else f"{row.outcome.status}: {row.outcome.detail[:60]}",
        )
        for row in rows
    ]
    try:
        from rich.console import Console
        from rich.table import Table
    except ImportError:
        widths = [max(len(h), *(len(c[i]) for c in cells)) if cells else len(h) for i, h in enumerate(header)]
        print("  ".join(h.ljust(w) for h, w in zip(header, widths, strict=True)))
        for cell in cells:
            print("  ".join(c.ljust(w) for c, w in zip(cell, widths, strict=True)))
        return
    table = Table(*header, title="runs")
    for cell in cells:
        table.add_row(*cell)
    Console(width=max(shutil.get_terminal_size().columns, 180)).print(table)


def print_summary(summary: Mapping[str, Any]) -> None:
    """The per-task summary in plain text; disagreements loudly (also on stderr)."""
    for task, info in summary.items():
        print(f"\n== {task}: {ALL_TASKS[task]} ==")
        for tool, counter in info["statuses"].items():
            print(f"  {tool:20} " + ", ".join(f"{k} {v}" for k, v in sorted(counter.items())))
        if info["comparisons"]:
            print("  median seconds over the models both finished (whole process | in-process solve):")
            print(
                f"  {'boolnet':20} {'peer':15} {'models':>6} {'boolnet':>9} {'peer':>9} {'ratio':>7}"
                f" {'per-model':>9} | {'boolnet':>9} {'peer':>9} {'ratio':>7}"
            )
        for c in info["comparisons"]:
            solve_ratio = "-" if c["ratio_median_solve_s"] is None else f"{c['ratio_median_solve_s']:.2f}"
            per_model = "-" if c["median_per_model_ratio"] is None else f"{c['median_per_model_ratio']:.2f}"
            print(
                f"  {c['boolnet']:20} {c['peer']:15} {c['models']:>6} {c['median_s_boolnet']:>9.3f}"
                f" {c['median_s_peer']:>9.3f} {c['ratio_median_s']:>7.2f} {per_model:>9} |"
                f" {c['median_solve_s_boolnet']:>9.4f} {c['median_solve_s_peer']:>9.4f} {solve_ratio:>7}"
            )
        for tool, dom in sorted(info["dominating"].items()):
            tops = ", ".join(
                f"{t['model']} ({t['nodes']}) {t['seconds']:.2f} s {100 * t['share']:.0f}%"
                for t in dom["top"]
            )
            print(f"  {tool} total {dom['total_s']:.1f} s; largest: {tops}")
        verdict = "all agree" if not info["disagreements"] else f"{len(info['disagreements'])} DISAGREE"
        print(f"  counts compared on {info['models_cross_checked']} models: {verdict}")
        for d in info["disagreements"]:
            message = f"  !!! DISAGREEMENT on {d['model']} ({task}): {d['counts']} !!!"
            print(message)
            print(message, file=sys.stderr)


def write_json(path: Path, meta: Mapping[str, Any], rows: Sequence[Row], summary: Mapping[str, Any]) -> None:
    """Write metadata, every run and the summary as JSON."""
    path.parent.mkdir(parents=True, exist_ok=True)
    document = {"meta": dict(meta), "runs": [row.as_dict() for row in rows], "summary": dict(summary)}
    path.write_text(json.dumps(document, indent=1) + "\n", encoding="utf-8")


# ---------------------------------------------------------------------------
# Command line
# ---------------------------------------------------------------------------


def _split(text: str) -> list[str]:
    return [part.strip() for part in text.split(",") if part.strip()]


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="folder of .bnet models")
    parser.add_argument("--timeout", type=float, default=60.0, help="wall-clock seconds per run (default 60)")
    parser.add_argument("--max-nodes", type=int, default=None)
    parser.add_argument("--min-nodes", type=int, default=None)
    parser.add_argument("--limit", type=int, default=None, help="at most this many models (smallest first)")
    parser.add_argument("--models", default="", help="comma-separated substrings; keep models matching one")
    parser.add_argument(
        "--tasks",
        default=",".join(DEFAULT_TASKS),
        help=f"comma-separated, from {', '.join(ALL_TASKS)} (default {','.join(DEFAULT_TASKS)})",
    )
    parser.add_argument(
        "--tools",
        default="",
        help="comma-separated tool names or prefixes: boolnet, boolnet:exhaustive, aeon, mpbn, "
        "... (default: all available)",
    )
    parser.add_argument(
        "--peer-python",
        default=sys.executable,
        help="interpreter that has the peers installed (default: this one)",
    )
    parser.add_argument(
        "--memory-limit",
        type=int,
        default=8192,
        help="address-space cap per run in MiB, also boolnet's memory budget (0: none)",
    )
    parser.add_argument(
        "--output", type=Path, default=None, help="JSON file (default benchmarks/results/...)"
    )
    parser.add_argument("--no-json", action="store_true", help="do not write JSON")
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark."""
    argv = list(sys.argv[1:] if argv is None else argv)
    args = _parser().parse_args(argv)
    tasks = _split(args.tasks)
    unknown = [task for task in tasks if task not in ALL_TASKS]
    if unknown:
        raise SystemExit(f"unknown task(s) {unknown}; choose from {list(ALL_TASKS)}")
    corpus = args.corpus.resolve()
    if not corpus.is_dir():
        raise SystemExit(f"corpus folder not found: {args.corpus} (give one with --corpus)")
    memory_mib = args.memory_limit or None
    python = shutil.which(args.peer_python) or args.peer_python
    versions = peer_versions(python)
    wanted = _split(args.tools)

    def selected(tool: str) -> bool:
        return not wanted or any(tool == w or tool.split(":")[0] == w for w in wanted)

    plan: dict[str, list[str]] = {}
    for task in tasks:
        tools = boolnet_tools(task) + [
            name for name, peer in PEERS.items() if task in peer.workers and versions.get(name)
        ]
        plan[task] = [tool for tool in tools if selected(tool)]
    missing = sorted(name for name, version in versions.items() if not version)
    if missing:
        print(f"peers not importable by {python}: {', '.join(missing)}", file=sys.stderr)

    models = [
        model
        for model in load_corpus(corpus)
        if (args.max_nodes is None or model.nodes <= args.max_nodes)
        and (args.min_nodes is None or model.nodes >= args.min_nodes)
        and (not args.models or any(s.lower() in model.name.lower() for s in _split(args.models)))
    ]
    if args.limit is not None:
        models = models[: args.limit]
    jobs = sum(len(plan[task]) for task in tasks) * len(models)
    print(
        f"{len(models)} models, {jobs} runs, timeout {args.timeout:g} s; plan: "
        + "; ".join(f"{task}: {', '.join(tools) or '(no tool)'}" for task, tools in plan.items()),
        file=sys.stderr,
    )

    if any(tool.startswith("boolnet") for tools in plan.values() for tool in tools):
        compile_boolnet()
    started = dt.datetime.now()
    rows: list[Row] = []
    done = 0
    for model in models:
        for task in tasks:
            for tool in plan[task]:
                if tool.startswith("boolnet"):
                    outcome = run_boolnet(tool, task, model, args.timeout, memory_mib)
                else:
                    outcome = run_peer(
                        tool, task, model.path, args.timeout, python=python, memory_mib=memory_mib
                    )
                rows.append(Row(model.name, model.nodes, task, tool, outcome))
                done += 1
                print(
                    f"[{done}/{jobs}] {model.name} ({model.nodes}) {task} {tool}: {outcome.status} "
                    f"count={_fmt_count(outcome)} {outcome.seconds:.2f} s {outcome.peak_mib:.0f} MiB",
                    file=sys.stderr,
                )

    print_table(rows)
    summary = summarize(rows)
    print_summary(summary)
    if not args.no_json:
        import boolnet

        meta = {
            "started": started.isoformat(timespec="seconds"),
            "finished": dt.datetime.now().isoformat(timespec="seconds"),
            "corpus": corpus.name,
            "timeout_s": args.timeout,
            "memory_limit_mib": memory_mib,
            "tasks": tasks,
            "plan": plan,
            "models": len(models),
            "boolnet": boolnet.__version__,
            "peers": versions,
            "python": platform.python_version(),
            "machine": {"platform": platform.platform(), "cpus": __import__("os").cpu_count()},
            "argv": argv,
            "note": "whole-process times from one sequential run; compare tools only as ratios within a run",
        }
        output = args.output or RESULTS / f"attractors-{started:%Y-%m-%d-%H%M%S}.json"
        write_json(output, meta, rows, summary)
        print(f"\nwrote {output}")
    return 1 if any(info["disagreements"] for info in summary.values()) else 0


if __name__ == "__main__":
    sys.exit(main())
