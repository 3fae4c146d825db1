"""Benchmark: full single+double knockout/over-expression screens, against a naive loop.

For each model: the screen (percolation + output elimination + cached cores,
see boolnet.perturb.reduction) over every single and double ko/oe
combination, in one process and with ``--jobs`` worker processes, and a
naive loop that recomputes each perturbed network from scratch with
``find_attractors(method="auto")`` in one process.  The naive loop is timed
on a sample of the double perturbations and extrapolated to the full screen
(it would take minutes to hours otherwise).  Prints a table and writes JSON.

The sample is 200 doubles: the loop's cost per perturbation is heavy-tailed
(in MAPK's one-scenario screen, knockouts of TGFBR take 0.2-0.6 s each, most
others a few ms), and 50 sampled doubles put that whole loop at 16-30 s in
different runs, while timing all 4,608 perturbations took 44.5 s and 200
sampled doubles extrapolate to 46.5 s.

    python benchmarks/screen.py [--jobs 2] [--naive-sample 200] [--timeout 60] [--output screen.json]

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
from boolnet.perturb.screening import Screen, _combinations_of

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO.parent / "shared" / "corpus" / "bbm"
MAPK = CORPUS / "bbm-070-MAPK-CANCER-CELL-FATE.bnet"
# (name, model file, phenotype, scenario): a global screen asks about every combination of the
# inputs the scenario leaves free, so MAPK (four inputs) is screened over all sixteen and in one
# scenario, the input values of the corpus's inputs-fixed copy of the model
MODELS = [
    ("il6_tumorigenesis", REPO / "networks" / "il6_tumorigenesis.txt", "Tumorigenic", ""),
    ("MAPK (bbm-070, 53 nodes)", MAPK, "v_Proliferation", ""),
    (
        "MAPK, one scenario",
        MAPK,
        "v_Proliferation",
        "v_DNA_damage=0, v_EGFR_stimulus=1, v_FGFR3_stimulus=1, v_TGFBR_stimulus=1",
    ),
]


def time_screen(
    network: boolnet.Network, phenotype: str, scenario: boolnet.Scenario, jobs: int, timeout: float
) -> dict[str, object]:
    """The full screen with ``jobs`` processes, stopped after ``timeout`` seconds."""
    start = time.perf_counter()
    try:
        planned = Screen(
            network, phenotype, update="async", scenario=scenario, max_size=2, kinds="ko,oe", jobs=jobs
        )
        done = 0
        for _ in planned:
            done += 1
            if time.perf_counter() - start > timeout:
                break
    except BoolnetError as error:
        return {"jobs": jobs, "screen_error": str(error).splitlines()[0]}
    elapsed = time.perf_counter() - start
    return {
        "jobs": jobs,
        "perturbations": planned.planned,
        "screened": done,
        "screen_seconds": elapsed,
        "screen_rate": done / elapsed,
        "complete": done == planned.planned,
    }


def time_naive(
    network: boolnet.Network, phenotype: str, scenario: boolnet.Scenario, sample: int
) -> dict[str, object]:
    """Seconds per double perturbation when each perturbed network is solved from scratch."""
    actions = Screen(network, phenotype, scenario=scenario, max_size=1).actions
    doubles = list(_combinations_of(actions, 2))
    chosen = random.Random(0).sample(doubles, min(sample, len(doubles)))
    start = time.perf_counter()
    try:
        for perturbation in chosen:
            boolnet.find_attractors(perturbation.apply(scenario.apply(network)), "async")
    except BoolnetError as error:
        return {"naive_error": str(error).splitlines()[0]}
    per = (time.perf_counter() - start) / len(chosen)
    return {"naive_sample": len(chosen), "naive_seconds_per_perturbation": per, "naive_rate": 1 / per}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    default = REPO / "benchmarks" / "results" / f"screen-{dt.date.today().isoformat()}.json"
    parser.add_argument("--output", type=Path, default=default)
    parser.add_argument("--jobs", type=int, default=2, help="Worker processes for the parallel screen.")
    parser.add_argument("--naive-sample", type=int, default=200, help="Double perturbations timed naively.")
    parser.add_argument("--timeout", type=float, default=60.0, help="Stop a screen after this many seconds.")
    args = parser.parse_args()
    rows = []
    for name, path, phenotype, values in MODELS:
        if not path.is_file():
            print(f"skipping {name}: {path} not found")
            continue
        network = boolnet.read_network(path)
        scenario = boolnet.parse_scenario(values, network)
        naive = time_naive(network, phenotype, scenario, args.naive_sample)
        for jobs in sorted({1, args.jobs}):
            row: dict[str, object] = {"model": name, "nodes": len(network), "phenotype": phenotype}
            row["scenario"] = values or "every input combination"
            row |= time_screen(network, phenotype, scenario, jobs, args.timeout) | naive
            rate, naive_rate = row.get("screen_rate"), row.get("naive_rate")
            planned = row.get("perturbations")
            if isinstance(rate, float) and isinstance(naive_rate, float) and isinstance(planned, int):
                row["naive_total_extrapolated"] = planned / naive_rate
                row["speedup"] = rate / naive_rate
            rows.append(row)
    print(
        f"{'model':<26} {'jobs':>4} {'perturb.':>8} {'screen s':>9} {'pert/s':>8} "
        f"{'naive pert/s':>12} {'naive total s':>13} {'speed-up':>8}"
    )
    for r in rows:
        if "screen_error" in r:
            print(f"{r['model']:<26} {r['jobs']:>4} screen not possible: {r['screen_error']}")
            continue
        head = f"{r['model']:<26} {r['jobs']:>4} {r['screened']:>8} "
        head += f"{r['screen_seconds']:>9.2f} {r['screen_rate']:>8.1f} "
        if "speedup" in r:
            print(
                head
                + f"{r['naive_rate']:>12.2f} {r['naive_total_extrapolated']:>13.1f} {r['speedup']:>7.1f}x"
            )
        else:
            print(head + f"  naive not possible: {r.get('naive_error')}")
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(rows, indent=2) + "\n")


if __name__ == "__main__":
    main()
