"""Exhaustive, bit-parallel attractor search over the whole state space.

Every one of the ``2**n`` states is an integer; numpy evaluates each rule on
all of them at once (:mod:`.vectorized`), in batches.

* **Synchronous**: the successor map is a function, so every trajectory ends
  in a cycle.  Squaring the map ``n`` times (``P <- P[P]``) sends every state
  ``2**n`` steps ahead, which is on its cycle; the image of that map is exactly
  the set of cycle states.  Each cycle is then walked once, and each state's
  basin is the cycle its ``2**n``-th successor lies on.  Time ``O(n 2**n)``.
* **Asynchronous**: each state has an edge for every node whose rule disagrees
  with its value.  The attractors are the terminal strongly connected
  components of that graph, found by scipy's linear-time SCC routine; a
  component is terminal when no edge leaves it.  Time and memory
  ``O(n 2**n)``.

Results are exact and complete.  The memory a run needs is estimated before
anything is allocated and checked against :class:`~boolnet.limits.Limits`.
"""

from __future__ import annotations

import time

import numpy as np
import numpy.typing as npt

from ..errors import LimitError
from ..limits import Limits
from ..model import Network
from ..results import Attractor, AttractorKind, AttractorResult
from ..states import pattern, state_to_string
from ..update import Update
from .registry import Engine
from .vectorized import compile_rule, state_bits, state_dtype

__all__ = ["ENGINE", "estimate_memory", "successors_sync", "transitions_async"]

NAME = "exhaustive"
MAX_NODES = 32
BATCH = 1 << 20
_IntArray = npt.NDArray[np.integer]  # type: ignore[type-arg]


def estimate_memory(size: int, update: Update) -> int:
    """Bytes the exhaustive engine needs for a network of ``size`` nodes."""
    states = 1 << size
    word = 4 if size <= 32 else 8
    if update is Update.SYNCHRONOUS:
        return states * (4 * word + 8)  # successor map, its power, a temporary, labels
    # up to one edge per node per state (two indices and a flag each), plus labels
    return states * (size * 9 + 24)


def _check(network: Network, update: Update, limits: Limits) -> str | None:
    size = len(network)
    if size > MAX_NODES:
        return f"{size} nodes exceed its limit of {MAX_NODES} (2^{size} states)"
    need = estimate_memory(size, update)
    if need > limits.memory:
        return (
            f"needs about {need / 2**30:.1f} GiB for 2^{size} states, over the memory budget "
            f"of {limits.memory / 2**30:.1f} GiB (raise it with --memory or Limits(memory=...))"
        )
    return None


class _Clock:
    def __init__(self, limits: Limits) -> None:
        self.deadline = None if limits.timeout is None else time.monotonic() + limits.timeout
        self.timeout = limits.timeout

    def check(self) -> None:
        if self.deadline is not None and time.monotonic() > self.deadline:
            raise LimitError(
                f"the exhaustive engine ran past the time budget of {self.timeout:g} s "
                "(raise it with --timeout or Limits(timeout=...))",
                budget="timeout",
            )


def _batches(size: int) -> list[tuple[int, int]]:
    total = 1 << size
    return [(start, min(start + BATCH, total)) for start in range(0, total, BATCH)]


def successors_sync(network: Network, clock: _Clock | None = None) -> _IntArray:
    """The synchronous successor of every state, as an array indexed by state."""
    size = len(network)
    dtype = state_dtype(size)
    index = {node: i for i, node in enumerate(network.nodes)}
    rules = [compile_rule(rule.expr, index) for rule in network.rules]
    successor = np.empty(1 << size, dtype=dtype)
    for start, stop in _batches(size):
        bits = state_bits(np.arange(start, stop, dtype=dtype), size)
        batch = np.zeros(stop - start, dtype=dtype)
        for i, rule in enumerate(rules):
            batch |= rule(bits).astype(dtype) << dtype(i)
        successor[start:stop] = batch
        if clock:
            clock.check()
    return successor


def transitions_async(network: Network, clock: _Clock | None = None) -> tuple[_IntArray, _IntArray]:
    """Every asynchronous transition as ``(sources, targets)`` arrays of states."""
    size = len(network)
    dtype = state_dtype(size)
    index = {node: i for i, node in enumerate(network.nodes)}
    rules = [compile_rule(rule.expr, index) for rule in network.rules]
    sources: list[_IntArray] = []
    targets: list[_IntArray] = []
    for start, stop in _batches(size):
        states = np.arange(start, stop, dtype=dtype)
        bits = state_bits(states, size)
        for i, rule in enumerate(rules):
            moving = states[rule(bits) != bits[i]]
            sources.append(moving)
            targets.append(moving ^ dtype(1 << i))
        if clock:
            clock.check()
    return np.concatenate(sources), np.concatenate(targets)


def _attractor(kind: AttractorKind, states: list[int], size: int, limits: Limits, basin: int | None) -> Attractor:
    if len(states) > limits.listed_states:
        # the pattern needs every state; build it from integers
        fixed_on = np.bitwise_and.reduce(np.asarray(states, dtype=np.uint64))
        fixed_off = np.bitwise_and.reduce(~np.asarray(states, dtype=np.uint64))
        summary = "".join(
            "1" if int(fixed_on) >> i & 1 else "0" if int(fixed_off) >> i & 1 else "*" for i in range(size)
        )
        return Attractor(kind, len(states), summary, None, basin)
    strings = [state_to_string(state, size) for state in states]
    if kind is not AttractorKind.CYCLE:
        strings.sort()
    return Attractor(kind, len(states), pattern(strings), tuple(strings), basin)


def _run_sync(network: Network, limits: Limits) -> list[Attractor]:
    size = len(network)
    clock = _Clock(limits)
    successor = successors_sync(network, clock)
    ahead = successor
    for _ in range(size):  # ahead = successor^(2^size): every state lands on its cycle
        ahead = ahead[ahead]
        clock.check()
    cycle_states = np.unique(ahead)
    cycle_id = np.full(1 << size, -1, dtype=np.int64)
    cycles: list[list[int]] = []
    for state in cycle_states.tolist():
        if cycle_id[state] >= 0:
            continue
        cycle = [state]
        cycle_id[state] = len(cycles)
        nxt = int(successor[state])
        while nxt != state:
            cycle.append(nxt)
            cycle_id[nxt] = len(cycles)
            nxt = int(successor[nxt])
        cycles.append(cycle)
        clock.check()
    basins = np.bincount(cycle_id[ahead], minlength=len(cycles))
    attractors = []
    for number, cycle in enumerate(cycles):
        start = cycle.index(min(cycle))
        ordered = cycle[start:] + cycle[:start]
        kind = AttractorKind.FIXED_POINT if len(cycle) == 1 else AttractorKind.CYCLE
        attractors.append(_attractor(kind, ordered, size, limits, int(basins[number])))
    return attractors


def _run_async(network: Network, limits: Limits) -> list[Attractor]:
    from scipy.sparse import csr_matrix
    from scipy.sparse.csgraph import connected_components

    size = len(network)
    total = 1 << size
    clock = _Clock(limits)
    sources, targets = transitions_async(network, clock)
    graph = csr_matrix(
        (np.ones(len(sources), dtype=np.bool_), (sources.astype(np.int64), targets.astype(np.int64))),
        shape=(total, total),
    )
    count, labels = connected_components(graph, directed=True, connection="strong")
    clock.check()
    del graph
    leaving = labels[sources] != labels[targets]
    terminal = np.ones(count, dtype=bool)
    terminal[labels[sources[leaving]]] = False
    members = np.flatnonzero(terminal[labels])  # states in attractors, ascending
    order = np.argsort(labels[members], kind="stable")
    grouped = members[order]
    boundaries = np.flatnonzero(np.diff(labels[grouped])) + 1
    attractors = []
    for group in np.split(grouped, boundaries) if len(grouped) else []:
        states = group.tolist()
        kind = AttractorKind.FIXED_POINT if len(states) == 1 else AttractorKind.COMPLEX
        attractors.append(_attractor(kind, states, size, limits, None))
    return attractors


def _sort_key(attractor: Attractor) -> tuple[str, str]:
    return (attractor.pattern, attractor.states[0] if attractor.states else "")


def _run(network: Network, update: Update, limits: Limits) -> AttractorResult:
    found = _run_sync(network, limits) if update is Update.SYNCHRONOUS else _run_async(network, limits)
    found.sort(key=_sort_key)
    return AttractorResult(network, update, NAME, True, tuple(found))


ENGINE = Engine(
    name=NAME,
    description="explicit state space, bit-parallel with numpy; exact basins (sync); up to ~25 nodes",
    updates=frozenset(Update),
    check=_check,
    run=_run,
)
