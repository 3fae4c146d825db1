"""The child side of ``attractors.py`` for boolnet: one model, one task, one engine.

Kept apart from the benchmark so that the child imports what the peers'
children import (``common`` and ``argparse``) and boolnet, and not the
benchmark's own table and summary code.

    python benchmarks/boolnet_worker.py boolnet:symbolic async MODEL.bnet --timeout 60
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(1, str(HERE.parent))

from common import emit  # noqa: E402


def _boolnet_work(tool: str, task: str, path: str, timeout: float, memory_mib: int | None) -> None:
    """Run one boolnet computation and print its answer (runs in the child)."""
    import boolnet
    from boolnet.errors import BoolnetError, LimitError

    limits = (
        boolnet.Limits(timeout=timeout)
        if memory_mib is None
        else boolnet.Limits(timeout=timeout, memory=memory_mib << 20)
    )
    # the engine's module loads before the clock starts; the solver libraries (dd, clingo) load when
    # the engine first needs them, inside the clock, as the peers' workers import their tool
    if task in ("async", "sync"):
        from boolnet.engines.registry import engine

        engine(tool.split(":", 1)[1])  # boolnet imports an engine's module when it is first asked for
    else:
        from boolnet.engines import trapspaces  # noqa: F401
    start = time.perf_counter()
    try:
        network = boolnet.read_network(path)
        if task in ("async", "sync"):
            engine = tool.split(":", 1)[1]
            result = boolnet.find_attractors(network, task, method=engine, limits=limits)
            count, complete, detail = len(result), result.complete, result.engine
        else:
            from boolnet.engines.trapspaces import find_fixed_points, find_trap_spaces

            spaces = (
                find_fixed_points(network, limits=limits)
                if task == "fixed"
                else find_trap_spaces(network, kind="minimal", limits=limits)
            )
            count, complete, detail = len(spaces), spaces.complete, ""
    except LimitError as error:
        status = "timeout" if error.budget == "timeout" else "limit"
        emit({"status": status, "count": None, "detail": str(error)[:300]})
        return
    except BoolnetError as error:
        emit({"status": "error", "count": None, "detail": f"{type(error).__name__}: {error}"[:300]})
        return
    except MemoryError:  # the address-space cap was hit although the engine accepted the budget
        emit({"status": "memout", "count": None, "detail": "MemoryError under the memory limit"})
        return
    emit(
        {
            "status": "ok" if complete else "partial",
            "count": count,
            "solve_seconds": time.perf_counter() - start,
            "detail": detail,
        }
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    for name in ("tool", "task", "model"):
        parser.add_argument(name)
    parser.add_argument("--timeout", type=float, required=True)
    parser.add_argument("--memory-limit", type=int, default=None)
    args = parser.parse_args()
    _boolnet_work(args.tool, args.task, args.model, args.timeout, args.memory_limit)


if __name__ == "__main__":
    main()
