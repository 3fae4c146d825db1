"""Run one benchmark job in a child process under a wall-clock limit and measure it.

Every tool (boolnet's engines and the peers alike) is timed the same way: a fresh
interpreter runs one task on one model and prints one JSON line with its answer;
the parent measures the whole process (start-up, imports, parsing and solving) and
its peak resident memory, and kills the process group at the time limit.

Peak memory comes from ``os.wait4``: on Linux its ``ru_maxrss`` is the largest
resident set of the child or of any descendant it waited for (for example the
``clingo`` executable some peers start), so it is a peak, not a sum.

This module uses the standard library only, so the workers of every tool can
import it from whatever interpreter runs them.  The workers' side (this module,
``peers.py``, ``boolnet_worker.py``) avoids :mod:`dataclasses`: it loads
:mod:`inspect` (about 9 ms), which would be counted in every tool's start-up
and would hide that one tool needs it and another does not.
"""

from __future__ import annotations

import contextlib
import json
import os
import resource
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any, NamedTuple

__all__ = ["MARKER", "TASKS", "Outcome", "emit", "run_job"]

#: The tasks a tool may answer, with what it counts.
TASKS: Mapping[str, str] = {
    "async": "asynchronous attractors",
    "fixed": "fixed points",
    "mintrap": "minimal trap spaces",
}

#: Prefix of the one line a worker prints with its answer.
MARKER = "@@BENCH@@ "

#: Threads a numeric library may start in a child; the machine is shared.
_SINGLE_THREAD = {
    "OMP_NUM_THREADS": "1",
    "OPENBLAS_NUM_THREADS": "1",
    "MKL_NUM_THREADS": "1",
    "RAYON_NUM_THREADS": "1",
}


class Outcome(NamedTuple):
    """What one run of one tool on one model and task produced.

    Attributes
    ----------
    status
        ``ok``; ``timeout`` (killed at the wall-clock limit, or the tool itself
        reported running out of time); ``limit`` (the tool refused a budget, e.g.
        boolnet's memory estimate); ``error`` (anything else, see ``detail``).
    count
        Number of objects found (attractors, fixed points or trap spaces) when ``ok``.
    seconds
        Wall-clock time of the whole child process.
    solve_seconds
        Time the worker itself measured around parsing and solving (no start-up
        or imports), when it reported one.
    peak_mib
        Peak resident memory of the child (or its largest descendant), MiB.
    detail
        Extra information (engine used, error message tail).
    """

    status: str
    count: int | None
    seconds: float
    solve_seconds: float | None
    peak_mib: float
    detail: str = ""

    def as_dict(self) -> dict[str, Any]:
        """The outcome as a JSON-ready mapping."""
        return {
            "status": self.status,
            "count": self.count,
            "seconds": round(self.seconds, 4),
            "solve_seconds": None if self.solve_seconds is None else round(self.solve_seconds, 4),
            "peak_mib": round(self.peak_mib, 1),
            "detail": self.detail,
        }


def emit(payload: Mapping[str, Any]) -> None:
    """Print a worker's answer as the one marked JSON line the parent reads."""
    sys.stdout.write(MARKER + json.dumps(dict(payload)) + "\n")
    sys.stdout.flush()


def _limit_memory(memory_mib: int | None) -> None:
    if memory_mib is not None:
        size = memory_mib << 20
        resource.setrlimit(resource.RLIMIT_AS, (size, size))


def _tail(text: str, lines: int = 3) -> str:
    kept = [line.strip() for line in text.strip().splitlines() if line.strip()]
    return " | ".join(kept[-lines:])[:300]


def run_job(
    argv: Sequence[str],
    timeout: float,
    *,
    memory_mib: int | None = None,
    env: Mapping[str, str] | None = None,
    cwd: Path | None = None,
) -> Outcome:
    """Run ``argv`` as a child process and measure it.

    Parameters
    ----------
    argv
        The command; the worker must print one line ``MARKER + json`` with at
        least ``status`` and, when ``ok``, ``count``.
    timeout
        Wall-clock seconds after which the child's whole process group is killed.
    memory_mib
        When given, the child's address space is capped at this many MiB
        (``RLIMIT_AS``); exceeding it shows as ``error``.
    env
        Extra environment variables for the child.
    cwd
        Working directory of the child.

    Returns
    -------
    Outcome
        The status, count, whole-process time and peak memory.
    """
    child_env = dict(os.environ)
    child_env.update(_SINGLE_THREAD)
    child_env["PYTHONWARNINGS"] = "ignore"
    if env:
        child_env.update(env)
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        process = subprocess.Popen(
            list(argv),
            stdout=out,
            stderr=err,
            stdin=subprocess.DEVNULL,
            env=child_env,
            cwd=cwd,
            start_new_session=True,  # its own process group, so grandchildren die with it
            preexec_fn=(lambda: _limit_memory(memory_mib)) if memory_mib is not None else None,
        )
        killed = threading.Event()

        def kill() -> None:
            killed.set()
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGKILL)

        timer = threading.Timer(timeout, kill)
        timer.start()
        try:
            _, status, usage = os.wait4(process.pid, 0)
        finally:
            timer.cancel()
        seconds = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        if not killed.is_set():
            # a grandchild left behind (e.g. a solver binary) must not outlive the job
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.killpg(process.pid, signal.SIGKILL)
        peak_mib = usage.ru_maxrss / 1024  # KiB on Linux
        out.seek(0)
        err.seek(0)
        stdout = out.read().decode("utf-8", "replace")
        stderr = err.read().decode("utf-8", "replace")
    if killed.is_set():
        return Outcome("timeout", None, seconds, None, peak_mib, f"killed at {timeout:g} s")
    answers = [line[len(MARKER) :] for line in stdout.splitlines() if line.startswith(MARKER)]
    if not answers:
        detail = f"exit code {process.returncode}: {_tail(stderr) or _tail(stdout)}"
        return Outcome("error", None, seconds, None, peak_mib, detail)
    answer = json.loads(answers[-1])
    count = answer.get("count")
    return Outcome(
        status=str(answer.get("status", "error")),
        count=None if count is None else int(count),
        seconds=seconds,
        solve_seconds=answer.get("solve_seconds"),
        peak_mib=peak_mib,
        detail=str(answer.get("detail", "")),
    )
