"""A screen's perturbations evaluated in worker processes, results in screen order.

Each worker process holds its own :class:`~.evaluate.Evaluator`, built once
from the screen's settings, so its caches (percolations, reduced cores, core
attractors) serve every perturbation it is sent.  Work is divided in one of
two ways:

* **By input combination** (global screens whose scenario leaves inputs
  free): every worker evaluates every perturbation, but only in its own
  :class:`~.evaluate.InputShare` of the combinations of the free inputs, and
  the parts are merged.  A core belongs to one combination, so no two
  workers compute the same one.  Combinations are dealt by the time the
  unperturbed network takes in each (:func:`deal_combinations`), largest
  first, to the least loaded worker.
* **By perturbation** otherwise: chunks of consecutive perturbations go to
  whichever worker is free (in screen order consecutive combinations share
  their first actions, and so their memoised percolations and often their
  cores).  Perturbations in different chunks still often reduce to the same
  core (knocking out either of two nodes in a chain), which each worker then
  computes: on MAPK's global screen, 32% more core computations with two
  workers than with one.

Outcomes come back in the order the perturbations were given, so a parallel
screen gives the same entries as a sequential one.

Workers are started with the ``spawn`` method (a fresh interpreter, safe with
the BDD and ASP libraries, the same on every platform); a script that screens
with ``jobs > 1`` must therefore guard its top level with
``if __name__ == "__main__":``, as for any :mod:`multiprocessing` program.
Workers ignore Ctrl-C: the caller stops, cancels what has not started, and
the workers finish their current chunk and exit.

Complexity: the sequential cost divided by up to ``jobs``, plus one
interpreter start per worker (about half a second) and either the cores that
two workers both meet (by perturbation) or the imbalance of the shares (by
input combination).
"""

from __future__ import annotations

import multiprocessing
import signal
from collections.abc import Iterator, Mapping, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Any

from .evaluate import Evaluator, InputShare, Outcome
from .perturbations import Perturbation

__all__ = ["EvaluatorPool", "deal_combinations"]

CHUNKS_PER_WORKER = 4  # fewer chunks than this per worker leaves workers idle at the end
MAX_CHUNK = 32  # perturbations per chunk, at most
# dealing perturbations made 1.32x the core computations of one process on MAPK's global screen
# with two workers; shares of input combinations are used when their imbalance costs less
PERTURBATION_DEALING_COST = 1.3

_evaluator: Evaluator | None = None  # the worker's own, built by _start
_share: InputShare | None = None  # the input combinations the worker answers, if divided so


def _start(settings: Mapping[str, Any], share: InputShare | None = None) -> None:
    global _evaluator, _share
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _evaluator = Evaluator(**settings)
    _share = share


def _evaluate(chunk: Sequence[Perturbation]) -> list[Outcome]:
    assert _evaluator is not None  # set by _start
    return [_evaluator.outcome(perturbation, _share) for perturbation in chunk]


def deal_combinations(costs: Mapping[tuple[int, ...], float], jobs: int) -> list[int] | None:
    """The worker of each input combination (in ``costs`` order), or None to deal perturbations instead.

    Greedy: the costliest combination first, each to the least loaded worker
    (within 4/3 of the best split).  ``None`` when the most loaded worker
    would carry more than :data:`PERTURBATION_DEALING_COST` times an even
    share, e.g. a scenario with fewer costly combinations than workers.
    """
    loads = [0.0] * jobs
    owners = [0] * len(costs)
    for position, cost in sorted(enumerate(costs.values()), key=lambda pair: -pair[1]):
        worker = loads.index(min(loads))
        owners[position] = worker
        loads[worker] += cost
    total = sum(loads)
    if len(costs) < jobs or max(loads) > PERTURBATION_DEALING_COST * total / jobs:
        return None
    return owners


class EvaluatorPool:
    """Worker processes that each evaluate perturbations with ``Evaluator(**settings)``.

    Parameters
    ----------
    settings
        Keyword arguments of :class:`~.evaluate.Evaluator` (picklable).
    jobs
        The number of worker processes.
    shares
        One :class:`~.evaluate.InputShare` per worker to divide the work by
        input combination (global screens only); by default perturbations
        are dealt to whichever worker is free.
    """

    def __init__(
        self, settings: Mapping[str, Any], jobs: int, shares: Sequence[InputShare] | None = None
    ) -> None:
        self.jobs = jobs
        context = multiprocessing.get_context("spawn")
        per_executor: Sequence[InputShare | None] = shares or [None]
        # by share, each worker has its own queue: a share's chunks must reach its worker
        self._executors = [
            ProcessPoolExecutor(
                max_workers=1 if shares else jobs,
                mp_context=context,
                initializer=_start,
                initargs=(dict(settings), share),
            )
            for share in per_executor
        ]

    def outcomes(self, perturbations: Sequence[Perturbation]) -> Iterator[Outcome]:
        """The outcome of each perturbation, in order, as soon as its chunk is done.

        Raises
        ------
        BoolnetError
            Whatever an evaluation raised (a limit, say), when its turn comes.
        """
        # by share every worker sees every chunk and needs no slack for balance
        spread = self.jobs * CHUNKS_PER_WORKER if len(self._executors) == 1 else CHUNKS_PER_WORKER
        size = max(1, min(MAX_CHUNK, len(perturbations) // spread))
        chunks = [perturbations[i : i + size] for i in range(0, len(perturbations), size)]
        futures: list[list[Future[list[Outcome]]]] = [
            [executor.submit(_evaluate, chunk) for executor in self._executors] for chunk in chunks
        ]
        try:
            for parts in futures:
                if len(parts) == 1:
                    yield from parts[0].result()
                else:
                    yield from map(Outcome.merged, zip(*(part.result() for part in parts), strict=True))
        finally:
            for parts in futures:
                for future in parts:
                    future.cancel()

    def close(self) -> None:
        """Cancel what has not started and let the workers exit."""
        for executor in self._executors:
            executor.shutdown(wait=False, cancel_futures=True)
