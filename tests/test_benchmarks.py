"""The benchmark scripts still load, list boolnet's engines and time a small screen (the corpus runs are not made here)."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType

import pytest

BENCHMARKS = Path(__file__).resolve().parents[1] / "benchmarks"


def _load(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(f"benchmark_{name}", BENCHMARKS / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def test_the_attractor_benchmark_lists_the_engines_of_each_task() -> None:
    saved = list(sys.path)
    try:
        benchmark = _load("attractors")
    finally:
        sys.path[:] = saved  # the script puts its own folder first
    assert benchmark.boolnet_tools("async") == ["boolnet:symbolic", "boolnet:exhaustive"]
    assert benchmark.boolnet_tools("sync") == ["boolnet:exhaustive", "boolnet:sat"]
    assert benchmark.boolnet_tools("fixed") == [benchmark.BOOLNET_TRAPSPACES]


def test_a_peers_in_process_time_leaves_out_importing_the_peer(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "slow_peer_tool.py").write_text("import time\ntime.sleep(0.3)\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.delitem(sys.modules, "slow_peer_tool", raising=False)
    saved = list(sys.path)
    try:
        peers = _load("peers")
    finally:
        sys.path[:] = saved

    def count(path: str) -> int:
        import slow_peer_tool  # noqa: F401  # the worker imports its tool, as the real adapters do

        return 7

    fake = peers.Peer("slow", "slow-peer-tool", "slow_peer_tool", {"async": count})
    monkeypatch.setitem(peers.PEERS, "slow", fake)
    peers._work("slow", "async", "model.bnet")
    answer = json.loads(capsys.readouterr().out.split(sys.modules["common"].MARKER, 1)[1])
    assert answer["status"] == "ok" and answer["count"] == 7
    assert answer["solve_seconds"] < 0.2  # the 0.3 s import ran before the clock


def test_the_screen_benchmark_screens_in_a_scenario_and_times_the_naive_loop_in_it() -> None:
    import boolnet
    from boolnet.perturb.screening import Screen

    benchmark = _load("screen")
    network = boolnet.read_network(BENCHMARKS.parent / "networks" / "il6_tumorigenesis.txt")
    scenario = boolnet.parse_scenario("EGFR=1, Ras=0", network)
    timed = benchmark.time_screen(network, "Tumorigenic", scenario, 1, 60.0)
    expected = Screen(network, "Tumorigenic", scenario=scenario, max_size=2, kinds="ko,oe")
    assert timed["complete"] is True
    assert timed["screened"] == timed["perturbations"] == expected.planned
    naive = benchmark.time_naive(network, "Tumorigenic", scenario, 3)
    assert naive["naive_sample"] == 3 and naive["naive_rate"] > 0
    abolished = [entry for entry in expected if entry.abolished]
    assert timed["abolishing"] == sorted(benchmark._key(entry.perturbation.fixed) for entry in abolished)
    assert timed["perturbable"] == sorted({action.target for action in expected.actions})
    # each named scenario fixes inputs of its model, or the run would stop at it
    for _, path, _, values, _ in benchmark.MODELS:
        if path.is_file():
            boolnet.parse_scenario(values, boolnet.read_network(path))


# an input, a switch (B, C) that an oscillator (C, D, E) can pull out of, and a read-out
CONTROL_MODEL = """targets, factors
A, A
B, A | C
C, B & !E
D, C
E, D
P, C & !A
"""


def test_aeon_phenotype_control_abolishes_what_the_global_screen_abolishes(tmp_path: Path) -> None:
    pytest.importorskip("biodivine_aeon", reason="AEON is in the bench extra, not the test extras")
    import boolnet

    saved = list(sys.path)
    try:
        benchmark = _load("screen")
        peers = sys.modules["peers"]
    finally:
        sys.path[:] = saved
    path = tmp_path / "control.bnet"
    path.write_text(CONTROL_MODEL)
    network = boolnet.read_network(path)
    timed = benchmark.time_screen(network, "P", boolnet.Scenario(), 1, 60.0)
    spec = {"target": {"P": 0}, "perturbable": timed["perturbable"], "size": 2}
    count, listed = peers.aeon_control(str(path), spec)
    assert 0 < count < timed["perturbations"]
    assert json.loads(listed) == timed["abolishing"]
