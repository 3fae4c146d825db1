"""Adapters that run peer tools on a ``.bnet`` model, one task per child process.

Each adapter is a small worker function executed by a fresh interpreter (by
default the current one, or the one given with ``--peer-python``, e.g. a
virtual environment holding the ``bench`` extra), so every peer is timed,
measured and killed at its time limit exactly like boolnet's own engines
(:func:`common.run_job`).  A worker imports its peer's package, then starts
the clock it reports as ``solve_seconds`` (parsing and solving); the parent's
figure is the whole process, imports included.

Tasks and what is counted (so counts can be cross-checked against boolnet):

``async``
    asynchronous attractors: AEON (``Attractors.attractors`` on the
    ``AsynchronousGraph``, symbolic), biobalm (succession diagram, one seed per
    attractor), pystablemotifs (attractor repertoire; reported only when its
    bounds on the number of attractors coincide).
``fixed``
    fixed points: AEON (``FixedPoints.symbolic_vertices``), mpbn, PyBoolNet
    (ASP), trappist (its minimal trap spaces without free nodes: trappist
    1.1.3 ignores its own ``computation="fix"`` option).
``mintrap``
    minimal trap spaces: AEON (``TrapSpaces.minimal_symbolic``), mpbn,
    trappist, PyBoolNet (ASP).

Screens have one peer feature, AEON's phenotype control
(``Control.phenotype_permanent``), run by :func:`run_control` for
``benchmarks/screen.py``: the perturbations of up to a given size after which
no attractor shows a phenotype, listed so that they can be compared with
boolnet's screen.

Standalone use::

    python benchmarks/peers.py probe [--peer-python PATH]
    python benchmarks/peers.py run aeon async MODEL.bnet [--timeout 60] [--peer-python PATH]
"""

from __future__ import annotations

import argparse
import atexit
import contextlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import warnings
from collections.abc import Callable, Mapping
from importlib import import_module
from pathlib import Path
from typing import NamedTuple

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import TASKS, Outcome, emit, run_job

__all__ = ["PEERS", "Peer", "peer_versions", "perturbation_key", "run_control", "run_peer"]

Counter = Callable[[str], "int | tuple[int, str]"]


# ---------------------------------------------------------------------------
# Workers: run inside the child interpreter; each returns the count (and, when
# useful, a note). Imports stay inside so a missing peer fails only its job.
# ---------------------------------------------------------------------------


def _aeon_network(path: str):  # type: ignore[no-untyped-def]
    import biodivine_aeon as ba

    # repair_graph: AEON otherwise rejects a .bnet whose rule lists a regulator
    # that has no effect (common in published models, e.g. `a & b | a & b & c`).
    return ba, ba.BooleanNetwork.from_file(path, repair_graph=True)


def aeon_async(path: str) -> int:
    """Number of asynchronous attractors, by AEON's symbolic SCC search."""
    ba, network = _aeon_network(path)
    graph = ba.AsynchronousGraph(network)
    return len(ba.Attractors.attractors(graph))


def aeon_fixed(path: str) -> int:
    """Number of fixed points, by AEON's symbolic fixed-point search."""
    ba, network = _aeon_network(path)
    graph = ba.AsynchronousGraph(network)
    return int(ba.FixedPoints.symbolic_vertices(graph).cardinality())


def aeon_mintrap(path: str) -> int:
    """Number of minimal trap spaces, by AEON's symbolic trap-space search."""
    ba, network = _aeon_network(path)
    context = ba.SymbolicSpaceContext(network)
    graph = ba.AsynchronousGraph(network, context)
    return int(ba.TrapSpaces.minimal_symbolic(context, graph).cardinality())


def biobalm_async(path: str) -> int:
    """Number of asynchronous attractors: one seed per attractor over the full succession diagram."""
    import biobalm

    diagram = biobalm.SuccessionDiagram.from_file(path)
    diagram.build()
    return sum(len(seeds) for seeds in diagram.expanded_attractor_seeds().values())


def mpbn_fixed(path: str) -> int:
    """Number of fixed points, by mpbn (ASP)."""
    import mpbn

    return int(mpbn.MPBooleanNetwork(path).count_fixedpoints())


def mpbn_mintrap(path: str) -> int:
    """Number of minimal trap spaces, by mpbn (ASP)."""
    import mpbn

    return int(mpbn.MPBooleanNetwork(path).count_minimal_trapspaces())


def _trappist_spaces(path: str) -> list[str]:
    import trappist

    return ["".join(space) for space in trappist.compute_trap_spaces(path, computation="min", method="asp")]


def trappist_fixed(path: str) -> tuple[int, str]:
    """Number of fixed points: trappist's minimal trap spaces with no free node.

    A fixed point is a trap space without free nodes, hence minimal, so this
    is exact.  trappist 1.1.3 accepts ``computation="fix"`` but ignores it
    (it returns the minimal trap spaces), so its own option cannot be used.
    """
    return sum(1 for space in _trappist_spaces(path) if "-" not in space), "from minimal trap spaces"


def trappist_mintrap(path: str) -> int:
    """Number of minimal trap spaces, by trappist (maximal siphons of the Petri net, ASP)."""
    return len(_trappist_spaces(path))


_ALL = 1 << 30  # "no cap" for tools whose enumerations are capped by default


def pyboolnet_fixed(path: str) -> int:
    """Number of fixed points, by PyBoolNet (prime implicants, ASP)."""
    from pyboolnet.file_exchange import bnet2primes
    from pyboolnet.trap_spaces import compute_steady_states

    return len(compute_steady_states(bnet2primes(path), max_output=_ALL))


def pyboolnet_mintrap(path: str) -> int:
    """Number of minimal trap spaces, by PyBoolNet (prime implicants, ASP)."""
    from pyboolnet.file_exchange import bnet2primes
    from pyboolnet.trap_spaces import compute_trap_spaces

    return len(compute_trap_spaces(bnet2primes(path), "min", max_output=_ALL))


def pystablemotifs_async(path: str) -> tuple[int, str]:
    """Number of asynchronous attractors from the stable-motif attractor repertoire."""
    import pystablemotifs as sm

    repertoire = sm.AttractorRepertoire.from_primes(sm.format.import_primes(path))
    fewest, most = repertoire.fewest_attractors, repertoire.most_attractors
    if fewest != most:
        raise _Inexact(f"between {fewest} and {most} attractors")
    return len(repertoire.attractors), ""


def aeon_control(path: str, spec: Mapping[str, object]) -> tuple[int, str]:
    """Perturbations that abolish a phenotype, by AEON's phenotype control.

    ``spec`` holds ``target`` (node -> value: the subspace every attractor
    must lie in, e.g. ``{"v_Proliferation": 0}`` to abolish proliferation),
    ``perturbable`` (the nodes AEON may fix) and ``size`` (at most this many
    fixed nodes).  AEON's permanent control with oscillation forbidden keeps a
    perturbation when, from every initial state (inputs being state variables
    that never change, every combination of them), every attractor lies inside
    ``target``: boolnet's global "abolished".  Counted: the perturbations of
    one or more nodes that work (robustness 1); the note lists them, as
    ``NODE=value`` joined by commas and sorted, for cross-checking.
    """
    ba, network = _aeon_network(path)
    graph = ba.AsynchronousPerturbationGraph(network, list(spec["perturbable"]))  # type: ignore[call-overload]
    target = graph.mk_subspace_vertices({node: bool(v) for node, v in spec["target"].items()})  # type: ignore[attr-defined]
    working = ba.Control.phenotype_permanent(graph, target, None, int(spec["size"]))  # type: ignore[call-overload]
    found = set()
    for perturbation, _, _ in working.select_by_robustness(1.0):
        values = perturbation.perturbed_named_dict()
        if values:
            found.add(perturbation_key({node: int(value) for node, value in values.items()}))
    return len(found), json.dumps(sorted(found))


def perturbation_key(values: Mapping[str, int]) -> str:
    """A perturbation as sorted ``NODE=value`` pairs joined by commas, to compare two tools' answers."""
    return ",".join(f"{node}={value}" for node, value in sorted(values.items()))


class _Inexact(Exception):
    """The peer bounds the count but does not decide it."""


class Peer(NamedTuple):
    """A peer tool: its name, PyPI distribution, importable module and workers per task."""

    name: str
    distribution: str
    module: str
    workers: Mapping[str, Counter]


PEERS: Mapping[str, Peer] = {
    peer.name: peer
    for peer in (
        Peer(
            "aeon",
            "biodivine-aeon",
            "biodivine_aeon",
            {"async": aeon_async, "fixed": aeon_fixed, "mintrap": aeon_mintrap},
        ),
        Peer("biobalm", "biobalm", "biobalm", {"async": biobalm_async}),
        Peer("mpbn", "mpbn", "mpbn", {"fixed": mpbn_fixed, "mintrap": mpbn_mintrap}),
        Peer("trappist", "trappist", "trappist", {"fixed": trappist_fixed, "mintrap": trappist_mintrap}),
        Peer("pyboolnet", "pyboolnet", "pyboolnet", {"fixed": pyboolnet_fixed, "mintrap": pyboolnet_mintrap}),
        Peer("pystablemotifs", "pystablemotifs", "pystablemotifs", {"async": pystablemotifs_async}),
    )
}


def _work(tool: str, task: str, path: str) -> None:
    """Child side: run one worker and print its answer."""
    peer = PEERS[tool]
    _answer(peer.module, lambda: peer.workers[task](path))


def _answer(module: str, work: Callable[[], int | tuple[int, str]]) -> None:
    """Child side: import the peer's ``module``, then time ``work`` and print its answer."""
    warnings.simplefilter("ignore")
    with contextlib.suppress(ImportError):  # the worker's own import then reports it as an error
        import_module(module)  # the tool's own import is outside its in-process time
    start = time.perf_counter()
    try:
        answer = work()
    except _Inexact as inexact:
        emit({"status": "inexact", "count": None, "detail": str(inexact)})
        return
    except MemoryError:
        emit({"status": "memout", "count": None, "detail": "MemoryError under the memory limit"})
        return
    except Exception as error:  # a peer's failure is a result to record, not a crash
        emit({"status": "error", "count": None, "detail": f"{type(error).__name__}: {error}"[:300]})
        return
    count, note = answer if isinstance(answer, tuple) else (answer, "")
    emit({"status": "ok", "count": count, "solve_seconds": time.perf_counter() - start, "detail": note})


def _control(path: str, spec_file: str) -> None:
    """Child side: AEON's phenotype control on one model, its answer printed."""
    spec = json.loads(Path(spec_file).read_text(encoding="utf-8"))
    _answer("biodivine_aeon", lambda: aeon_control(path, spec))


def _probe() -> None:
    """Child side: print the installed version of every peer (null when it does not import)."""
    from importlib import metadata

    warnings.simplefilter("ignore")
    versions: dict[str, str | None] = {}
    for peer in PEERS.values():
        try:
            import_module(peer.module)
            versions[peer.name] = metadata.version(peer.distribution)
        except Exception:
            versions[peer.name] = None
    emit({"status": "ok", "versions": versions})


# ---------------------------------------------------------------------------
# Parent side.
# ---------------------------------------------------------------------------


_SHIMS: dict[str, str] = {}


def _clingo_shim(python: str) -> str:
    """A directory holding a ``clingo`` executable that runs ``python -m clingo``.

    trappist calls the ``clingo`` executable, which the PyPI ``clingo`` package
    does not install (it ships the Python module only); the module's own entry
    point is the same solver.  Created once per interpreter, removed at exit.
    """
    if python not in _SHIMS:
        folder = tempfile.mkdtemp(prefix="boolnet-bench-")
        atexit.register(shutil.rmtree, folder, True)
        shim = Path(folder) / "clingo"
        # like `python -m clingo`, but keeping clingo's exit code (10/20/30), which trappist checks
        program = (
            "import sys; from clingo.__main__ import PyClingoApplication; "
            "from clingo.application import clingo_main; "
            "sys.exit(clingo_main(PyClingoApplication(), sys.argv[1:]))"
        )
        shim.write_text(f'#!/bin/sh\nexec "{python}" -c \'{program}\' "$@"\n', encoding="utf-8")
        shim.chmod(0o755)
        _SHIMS[python] = folder
    return _SHIMS[python]


def _peer_env(python: str) -> dict[str, str]:
    # Peers that call solver executables find the ones installed next to the
    # interpreter, as in an activated virtual environment, else the shim.
    folders = [str(Path(python).parent)]
    if not (Path(python).parent / "clingo").exists() and shutil.which("clingo") is None:
        folders.append(_clingo_shim(python))
    return {"PATH": os.pathsep.join([*folders, os.environ.get("PATH", "")])}


def peer_versions(python: str = sys.executable) -> dict[str, str | None]:
    """Version of each peer importable by ``python`` (``None`` when it does not import)."""
    completed = subprocess.run(
        [python, str(Path(__file__).resolve()), "_probe"],
        capture_output=True,
        text=True,
        env={**os.environ, **_peer_env(python)},
        timeout=300,
        check=False,
    )
    for line in completed.stdout.splitlines():
        if line.startswith("@@BENCH@@ "):
            versions: dict[str, str | None] = json.loads(line.split(" ", 1)[1])["versions"]
            return versions
    return {name: None for name in PEERS}


def run_peer(
    tool: str,
    task: str,
    path: Path,
    timeout: float,
    *,
    python: str = sys.executable,
    memory_mib: int | None = None,
) -> Outcome:
    """Run peer ``tool`` on ``task`` for the model at ``path`` in a child process.

    Returns
    -------
    Outcome
        Count, whole-process seconds, peak MiB and status (``ok``, ``timeout``,
        ``error`` or ``inexact``).
    """
    if task not in PEERS[tool].workers:
        raise ValueError(f"{tool} has no adapter for task {task!r}")
    argv = [python, str(Path(__file__).resolve()), "_work", tool, task, str(path)]
    return run_job(argv, timeout, memory_mib=memory_mib, env=_peer_env(python))


def run_control(
    path: Path, spec: Mapping[str, object], timeout: float, *, python: str = sys.executable
) -> Outcome:
    """Run AEON's phenotype control (:func:`aeon_control`) on ``path`` in a child process.

    The outcome's ``detail`` lists the working perturbations as JSON.
    """
    with tempfile.NamedTemporaryFile("w", suffix=".json", encoding="utf-8") as spec_file:
        json.dump(spec, spec_file)
        spec_file.flush()
        argv = [python, str(Path(__file__).resolve()), "_control", str(path), spec_file.name]
        return run_job(argv, timeout, env=_peer_env(python))


def main(argv: list[str] | None = None) -> int:
    """Command line: ``probe`` the installed peers or ``run`` one of them once."""
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    sub = parser.add_subparsers(dest="command", required=True)
    probe = sub.add_parser("probe", help="list the peers the interpreter can import, with versions")
    run = sub.add_parser("run", help="run one peer on one model")
    run.add_argument("tool", choices=sorted(PEERS))
    run.add_argument("task", choices=sorted(TASKS))
    run.add_argument("model", type=Path)
    run.add_argument("--timeout", type=float, default=60.0)
    for command in (probe, run):
        command.add_argument("--peer-python", default=sys.executable, help="interpreter that runs the peers")
    work = sub.add_parser("_work")  # internal: the child side
    work.add_argument("tool")
    work.add_argument("task")
    work.add_argument("model")
    control = sub.add_parser("_control")  # internal: the child side of run_control
    control.add_argument("model")
    control.add_argument("spec")
    sub.add_parser("_probe")  # internal: the child side
    args = parser.parse_args(argv)
    if args.command == "_work":
        _work(args.tool, args.task, args.model)
    elif args.command == "_control":
        _control(args.model, args.spec)
    elif args.command == "_probe":
        _probe()
    elif args.command == "probe":
        python = shutil.which(args.peer_python) or args.peer_python
        for name, version in peer_versions(python).items():
            print(f"{name:16} {version or 'not importable'}")
    else:
        python = shutil.which(args.peer_python) or args.peer_python
        outcome = run_peer(args.tool, args.task, args.model, args.timeout, python=python)
        print(json.dumps(outcome.as_dict()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
