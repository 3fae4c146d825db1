"""The package's public names, and what importing it loads."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import boolnet

IL6_MODEL = Path(__file__).resolve().parents[1] / "networks" / "il6_tumorigenesis.txt"


@pytest.mark.parametrize("name", boolnet.__all__)
def test_every_public_name_resolves(name: str) -> None:
    import boolnet.perturb.screen  # a submodule named like a function must not shadow it

    assert callable(getattr(boolnet, name)) and name in dir(boolnet)


def test_an_unknown_name_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError, match="no attribute 'find_atractors'"):
        boolnet.find_atractors  # noqa: B018


def test_the_registry_lists_every_builtin_engine_in_auto_order() -> None:
    assert [engine.name for engine in boolnet.engines()][:3] == ["exhaustive", "symbolic", "sat"]


def test_a_symbolic_run_loads_neither_numpy_nor_the_screens() -> None:
    # start-up is most of a small model's run: reading a model and finding its
    # attractors symbolically must not pay for numpy, networkx or the screens
    expected = len(boolnet.find_attractors(boolnet.read_network(IL6_MODEL), "async", method="exhaustive"))
    script = (
        "import sys, boolnet\n"
        f"net = boolnet.read_network({str(IL6_MODEL)!r})\n"
        "result = boolnet.find_attractors(net, 'async', method='symbolic')\n"
        f"assert len(result) == {expected}, len(result)\n"
        "print(sorted(m for m in ('numpy', 'networkx', 'boolnet.perturb', 'boolnet.graph') if m in sys.modules))\n"
    )
    run = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert run.stdout.strip() == "[]"


def test_an_engine_is_looked_up_by_name() -> None:
    from boolnet.engines import engine

    assert engine("symbolic").name == "symbolic" and engine("symbolic") in boolnet.engines()
    with pytest.raises(boolnet.EngineError, match="unknown method 'symbolc' \\(available: auto, exhaustive"):
        engine("symbolc")
