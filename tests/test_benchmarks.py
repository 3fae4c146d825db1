"""The benchmark scripts still load and list boolnet's engines (they are not run here)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

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
