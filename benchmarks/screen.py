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
import sys
import time
from pathlib import Path

import boolnet
from boolnet.errors import BoolnetError
from boolnet.perturb.screening import Screen, _combinations_of

sys.path.insert(0, str(Path(__file__).resolve().parent))
from peers import perturbation_key as _key
from peers import run_control

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO.parent / "shared" / "corpus"
MAPK = CORPUS / "bbm" / "bbm-070-MAPK-CANCER-CELL-FATE.bnet"
MAPK_FIXED = CORPUS / "bbm-inputs-fixed" / "bbm-070-MAPK-CANCER-CELL-FATE-inputs-fixed.bnet"
# (name, model file, phenotype, scenario, the file AEON's phenotype control gets or None): a
# global screen asks about every combination of the inputs the scenario leaves free, so MAPK
# (four inputs) is screened over all sixteen and in one scenario, the input values of the
# corpus's inputs-fixed copy of the model, which is the copy AEON gets for it; the IL-6
# phenotype is not a subspace, which AEON's control needs
MODELS = [
    ("il6_tumorigenesis", REPO / "networks" / "il6_tumorigenesis.txt", "Tumorigenic", "", None),
    ("MAPK (bbm-070, 53 nodes)", MAPK, "v_Proliferation", "", MAPK),
    (
        "MAPK, one scenario",
        MAPK,
        "v_Proliferation",
        "v_DNA_damage=0, v_EGFR_stimulus=1, v_FGFR3_stimulus=1, v_TGFBR_stimulus=1",
        MAPK_FIXED,
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
        abolishing = []
        for entry in planned:
            done += 1
            if entry.abolished:
                abolishing.append(_key(entry.perturbation.fixed))
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
        "abolishing": sorted(abolishing),
        "perturbable": sorted({action.target for action in planned.actions}),
    }


def time_aeon_control(
    path: Path, phenotype: str, perturbable: list[str], python: str, timeout: float
) -> dict[str, object]:
    """AEON's phenotype control for the same question: which perturbations of up to 2 nodes abolish it.

    The phenotype must be one node: AEON's target is the subspace where it is 0.
    """
    spec = {"target": {phenotype: 0}, "perturbable": perturbable, "size": 2}
    outcome = run_control(path, spec, timeout, python=python)
    row: dict[str, object] = {"aeon_status": outcome.status, "aeon_seconds": outcome.seconds}
    if outcome.status == "ok":
        row["aeon_solve_seconds"] = outcome.solve_seconds
        row["aeon_abolishing"] = json.loads(outcome.detail)
    else:
        row["aeon_detail"] = outcome.detail
    return row


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
    parser.add_argument(
        "--peer-python",
        help="Interpreter with biodivine-aeon (the bench extra): also time AEON's phenotype control.",
    )
    parser.add_argument("--peer-timeout", type=float, default=1800.0, help="Stop AEON after so many seconds.")
    args = parser.parse_args()
    rows = []
    peer_rows = []
    for name, path, phenotype, values, peer_model in MODELS:
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
        if args.peer_python and peer_model is not None and peer_model.is_file():
            screened = [r for r in rows if r["model"] == name and r.get("complete")]
            if screened:
                perturbable = screened[0]["perturbable"]
                assert isinstance(perturbable, list)
                peer = {"model": name, "nodes": len(network)}
                python, limit = args.peer_python, args.peer_timeout
                peer |= time_aeon_control(peer_model, phenotype, perturbable, python, limit)
                fastest = min(screened, key=lambda r: float(r["screen_seconds"]))  # type: ignore[arg-type]
                peer["boolnet_seconds"] = fastest["screen_seconds"]
                peer["boolnet_jobs"] = fastest["jobs"]
                if "aeon_abolishing" in peer:
                    peer["same_answer"] = peer["aeon_abolishing"] == screened[0]["abolishing"]
                peer_rows.append(peer)
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
    if peer_rows:
        print(f"\n{'model':<26} {'AEON control s':>14} {'boolnet s':>9} {'jobs':>4} ", end="")
        print(f"{'AEON / boolnet':>14}  same answer")
        for r in peer_rows:
            head = f"{r['model']:<26} "
            if r["aeon_status"] != "ok":
                status, seconds = r["aeon_status"], r["aeon_seconds"]
                print(head + f"AEON {status} after {seconds:.0f} s: {r.get('aeon_detail')}")
                continue
            ratio = float(r["aeon_seconds"]) / float(r["boolnet_seconds"])  # type: ignore[arg-type]
            print(
                head + f"{r['aeon_seconds']:>14.1f} {r['boolnet_seconds']:>9.1f} {r['boolnet_jobs']:>4} "
                f"{ratio:>13.1f}x  {r['same_answer']}"
            )
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps({"screens": rows, "aeon_control": peer_rows}, indent=2) + "\n")


if __name__ == "__main__":
    main()
