"""A screen's perturbations evaluated in worker processes, results in screen order.

Each worker process holds its own :class:`~.evaluate.Evaluator`, built once
from the screen's settings, so its caches (percolations, reduced cores, core
attractors) serve every perturbation it is sent.  Perturbations go out in
chunks of consecutive ones: in screen order consecutive combinations share
their first actions, and so their memoised percolations and often their
cores.  Outcomes come back in the order the perturbations were given, so a
parallel screen gives the same entries as a sequential one.

Workers are started with the ``spawn`` method (a fresh interpreter, safe with
the BDD and ASP libraries, the same on every platform); a script that screens
with ``jobs > 1`` must therefore guard its top level with
``if __name__ == "__main__":``, as for any :mod:`multiprocessing` program.
Workers ignore Ctrl-C: the caller stops, cancels what has not started, and
the workers finish their current chunk and exit.

Complexity: the sequential cost divided by up to ``jobs``, plus one
interpreter start per worker (about half a second) and the cores that two
workers both meet (computed by each).
"""

from __future__ import annotations

import multiprocessing
import signal
from collections.abc import Iterator, Mapping, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Any

from .evaluate import Evaluator, Outcome
from .perturbations import Perturbation

__all__ = ["EvaluatorPool"]

CHUNKS_PER_WORKER = 4  # fewer chunks than this per worker leaves workers idle at the end
MAX_CHUNK = 32  # perturbations per chunk, at most

_evaluator: Evaluator | None = None  # the worker's own, built by _start


def _start(settings: Mapping[str, Any]) -> None:
    global _evaluator
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _evaluator = Evaluator(**settings)


def _evaluate(chunk: Sequence[Perturbation]) -> list[Outcome]:
    assert _evaluator is not None  # set by _start
    return [_evaluator.outcome(perturbation) for perturbation in chunk]


class EvaluatorPool:
    """Worker processes that each evaluate perturbations with ``Evaluator(**settings)``.

    Parameters
    ----------
    settings
        Keyword arguments of :class:`~.evaluate.Evaluator` (picklable).
    jobs
        The number of worker processes.
    """

    def __init__(self, settings: Mapping[str, Any], jobs: int) -> None:
        self.jobs = jobs
        self._executor = ProcessPoolExecutor(
            max_workers=jobs,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=_start,
            initargs=(dict(settings),),
        )

    def outcomes(self, perturbations: Sequence[Perturbation]) -> Iterator[Outcome]:
        """The outcome of each perturbation, in order, as soon as its chunk is done.

        Raises
        ------
        BoolnetError
            Whatever an evaluation raised (a limit, say), when its turn comes.
        """
        size = max(1, min(MAX_CHUNK, len(perturbations) // (self.jobs * CHUNKS_PER_WORKER)))
        chunks = [perturbations[i : i + size] for i in range(0, len(perturbations), size)]
        futures: list[Future[list[Outcome]]] = [self._executor.submit(_evaluate, c) for c in chunks]
        try:
            for future in futures:
                yield from future.result()
        finally:
            for future in futures:
                future.cancel()

    def close(self) -> None:
        """Cancel what has not started and let the workers exit."""
        self._executor.shutdown(wait=False, cancel_futures=True)
