"""Benchmark: full single+double knockout/over-expression screens, against a naive loop.

For each model: the screen (percolation + output elimination + cached cores,
see boolnet.perturb.reduction) over every single and double ko/oe
combination, and a naive loop that recomputes each perturbed network from
scratch with ``find_attractors(method="auto")``.  The naive loop is timed on
a sample of perturbations and extrapolated to the full screen (it would take
minutes to hours otherwise).  Prints a table and writes JSON.

    python benchmarks/screen.py [--output screen.json] [--naive-sample 10] [--timeout 60]

Speed-up is the screen's perturbations per second over the naive loop's,
so it stays meaningful for a screen stopped at ``--timeout``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import time
from pathlib import Path

import boolnet
from boolnet.errors import BoolnetError
from boolnet.perturb.screen import Screen

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO.parent / "shared" / "corpus" / "bbm"
MODELS = [
    ("il6_tumorigenesis", REPO / "networks" / "il6_tumorigenesis.txt", "Tumorigenic"),
    ("MAPK (bbm-070, 53 nodes)", CORPUS / "bbm-070-MAPK-CANCER-CELL-FATE.bnet", "v_Proliferation"),
]


def run(name: str, path: Path, phenotype: str, sample: int, timeout: float) -> dict[str, object]:
    network = boolnet.read_network(path)
    row: dict[str, object] = {
        "model": name,
        "nodes": len(network),
        "phenotype": phenotype,
        "update": "asynchronous",
    }
    start = time.perf_counter()
    try:
        planned = Screen(network, phenotype, update="async", max_size=2, kinds="ko,oe")
        row["perturbations"] = planned.planned
        done = 0
        for _ in planned:
            done += 1
            if time.perf_counter() - start > timeout:
                break
        elapsed = time.perf_counter() - start
        row.update(
            screened=done,
            screen_seconds=elapsed,
            screen_rate=done / elapsed,
            complete=done == planned.planned,
            distinct_cores=planned.evaluator.reducer.core_computations,
        )
    except BoolnetError as error:
        row.update(screen_error=str(error).splitlines()[0], screen_seconds=time.perf_counter() - start)
        return row
    rng = random.Random(0)
    from boolnet.perturb.screen import _combinations

    every = list(_combinations(planned.actions, 2))
    chosen = rng.sample(every, min(sample, len(every)))
    start = time.perf_counter()
    try:
        for perturbation in chosen:
            boolnet.find_attractors(perturbation.apply(network), "async")
        naive = (time.perf_counter() - start) / len(chosen)
        row.update(
            naive_seconds_per_perturbation=naive,
            naive_rate=1 / naive,
            naive_total_extrapolated=naive * int(row["perturbations"]),  # type: ignore[call-overload]
            speedup=row["screen_rate"] * naive,  # type: ignore[operator]
        )
    except BoolnetError as error:
        row.update(naive_error=str(error).splitlines()[0])
    return row


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    default = REPO / "benchmarks" / "results" / f"screen-{dt.date.today().isoformat()}.json"
    parser.add_argument("--output", type=Path, default=default)
    parser.add_argument("--naive-sample", type=int, default=10)
    parser.add_argument("--timeout", type=float, default=60.0, help="Stop a screen after this many seconds.")
    args = parser.parse_args()
    rows = []
    for name, path, phenotype in MODELS:
        if not path.is_file():
            print(f"skipping {name}: {path} not found")
            continue
        rows.append(run(name, path, phenotype, args.naive_sample, args.timeout))
    header = (
        f"{'model':<28} {'perturb.':>8} {'screen s':>9} {'pert/s':>8} "
        f"{'naive pert/s':>12} {'naive total s':>13} {'speedup':>8}"
    )
    print(header)
    for r in rows:
        if "screen_error" in r:
            print(f"{r['model']:<28} screen not possible: {r['screen_error']}")
            continue
        naive = r.get("naive_rate")
        print(
            f"{r['model']:<28} {r['screened']:>8} {r['screen_seconds']:>9.2f} {r['screen_rate']:>8.1f} "
            + (
                f"{naive:>12.2f} {r['naive_total_extrapolated']:>13.1f} {r['speedup']:>7.1f}x"
                if naive
                else f"  naive not possible: {r.get('naive_error')}"
            )
        )
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(rows, indent=2) + "\n")


if __name__ == "__main__":
    main()
