"""Exhaustive, bit-parallel attractor search over the whole state space.

Every one of the ``2**n`` states is an integer (bit ``i`` is node ``i``).

* **Synchronous**: the successor map ``F`` is a function, so every trajectory
  ends in a cycle.  The rules are evaluated on 64 states per machine word
  (bitwise numpy operations on ``uint64`` arrays, one batch of ``2**20``
  states at a time), and each state's successor is counted, which gives the
  image ``I1 = F(S)`` with the number of states mapped to each image state.
  The images ``I(k+1) = F(Ik)`` shrink until they stop changing; then they
  are exactly the cycle states (``Ik`` equals the cycle states once ``k`` is
  at least the longest transient, and a strictly shrinking chain of sets
  stops only there).  The counts are pushed along with the states (each
  state's weight moves to its successor), so when the chain stops every
  state of the network has been counted on the cycle state its trajectory
  reaches: summing over a cycle gives the exact basin.  Cycles are labelled
  by pointer jumping (each state takes the least state within ``2**t``
  steps), without a Python loop over states; only the states of listed
  attractors are walked, to print them in visiting order.  Time
  ``O(2**n)`` rule evaluations plus one random-access pass over ``2**n``
  counters plus ``O(sum |Ik|)``; memory 4 bytes per state plus 8 per state
  of ``I1`` (checked before each allocation).
* **Asynchronous**: each state has an edge for every node whose rule disagrees
  with its value (the bits of ``x ^ F(x)``, so the rules are evaluated 64
  states per word here too).  The graph is built as a compressed sparse row
  matrix at its exact size, and the attractors are its terminal strongly
  connected components, found by scipy's linear-time SCC routine; a component
  is terminal when no edge leaves it.  Time ``O(n 2**n)``; memory 44 bytes
  per state plus 4 per transition.

Results are exact and complete.  The memory a run needs is estimated before
anything is allocated and checked against :class:`~boolnet.limits.Limits`.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator, Sequence
from typing import Any

import numpy as np
import numpy.typing as npt

from ..errors import LimitError
from ..expr import And, Const, Expr, Not, Var
from ..limits import Limits
from ..model import Network
from ..results import Attractor, AttractorKind, AttractorResult, attractor_order
from ..states import pattern, state_to_string
from ..update import Update
from .registry import Engine
from .vectorized import compile_rule, state_bits, state_dtype

__all__ = ["ENGINE", "estimate_memory", "successors_sync"]

NAME = "exhaustive"
MAX_NODES = 31  # synchronous counters are uint32; a state's weight can reach 2**n
BATCH_BITS = 20
BATCH = 1 << BATCH_BITS
_IntArray = npt.NDArray[np.integer]
_U32 = npt.NDArray[np.uint32]
_Words = npt.NDArray[np.uint64] | np.uint64
_ALL = np.uint64(0xFFFF_FFFF_FFFF_FFFF)
_NONE = np.uint64(0)
# bytes per state of a batch in flight: successors, unpacked bits, bit arrays of the slow path
_BATCH_BYTES_PER_STATE = 48
# bytes per cycle state while cycles are labelled (states, successors, indices, labels, jumps, groups)
_CYCLE_BYTES_PER_STATE = 64
# bytes per state of scipy's strong-component routine and the terminal test (labels, work arrays; measured)
_SCC_BYTES_PER_STATE = 32
# moving nodes per state assumed before the exact count is known (half the nodes, measured on the corpus)
_ASYNC_MOVES_PER_NODE = 0.5


def estimate_memory(size: int, update: Update) -> int:
    """Bytes the exhaustive engine needs at least for a network of ``size`` nodes.

    Synchronous: a ``uint32`` counter per state, plus the batches in flight;
    the image and cycle arrays that follow are checked against the budget
    once their sizes are known.  Asynchronous: the moves and row pointers of
    every state, the SCC work arrays, and 4 bytes per transition, assuming
    half the nodes can move in a state; the exact transition count is checked
    against the budget before the edge array is allocated.
    """
    states = 1 << size
    if update is Update.SYNCHRONOUS:
        return states * 4 + min(states, BATCH) * (_BATCH_BYTES_PER_STATE + 2 * size)
    moves = int(states * size * _ASYNC_MOVES_PER_NODE)
    return states * (12 + _SCC_BYTES_PER_STATE) + moves * 4


def _check(network: Network, update: Update, limits: Limits) -> str | None:
    size = len(network)
    if size > MAX_NODES:
        return f"{size} nodes exceed its limit of {MAX_NODES} (2^{size} states)"
    need = estimate_memory(size, update)
    if need > limits.memory:
        return (
            f"needs about {need / 2**30:.1f} GiB for 2^{size} states, over the memory budget "
            f"of {limits.memory / 2**30:.3g} GiB (raise it with --memory or Limits(memory=...))"
        )
    return None


def _need(limits: Limits, need: int, what: str) -> None:
    """Raise before allocating ``need`` bytes beyond the budget."""
    if need > limits.memory:
        raise LimitError(
            f"the exhaustive engine needs about {need / 2**30:.1f} GiB for {what}, over the memory budget "
            f"of {limits.memory / 2**30:.3g} GiB (raise it with --memory or Limits(memory=...))",
            budget="memory",
        )


class _Clock:
    def __init__(self, limits: Limits) -> None:
        self.deadline = None if limits.timeout is None else time.monotonic() + limits.timeout
        self.timeout = limits.timeout

    def check(self) -> None:
        if self.deadline is not None and time.monotonic() > self.deadline:
            raise LimitError.past_timeout("the exhaustive engine", self.timeout)


def _batches(size: int) -> list[tuple[int, int]]:
    total = 1 << size
    return [(start, min(start + BATCH, total)) for start in range(0, total, BATCH)]


# -- synchronous successors, 64 states per word ----------------------------------------------


def _compile_packed(expr: Expr, index: dict[str, int]) -> Callable[[Sequence[_Words]], _Words]:
    """Compile ``expr`` to a function of per-node words (bit ``j`` of a word is one state).

    The result may be a scalar word when the rule only reads nodes that are
    constant over the batch; inputs are never modified.
    """
    if isinstance(expr, Const):
        value = _ALL if expr.value else _NONE
        return lambda words: value
    if isinstance(expr, Var):
        position = index[expr.name]
        return lambda words: words[position]
    if isinstance(expr, Not):
        inner = _compile_packed(expr.arg, index)
        return lambda words: np.invert(inner(words))
    parts = [_compile_packed(arg, index) for arg in expr.args]
    combine = np.bitwise_and if isinstance(expr, And) else np.bitwise_or

    def fold(words: Sequence[_Words]) -> _Words:
        result = parts[0](words)
        for part in parts[1:]:
            result = combine(result, part(words))
        return result

    return fold


def _low_words(size: int) -> list[_Words]:
    """Each node's words over one batch, for the nodes below the batch's high bits."""
    bits = min(size, BATCH_BITS)
    count = 1 << (bits - 6)
    words: list[_Words] = []
    for i in range(min(bits, 6)):  # within a word: states j with bit i of j set
        word = sum(1 << j for j in range(64) if j >> i & 1)
        words.append(np.full(count, word, dtype=np.uint64))
    offsets = np.arange(count, dtype=np.uint64)
    for i in range(6, bits):  # across words: word w holds states 64 w .. 64 w + 63
        chosen = (offsets >> np.uint64(i - 6)) & np.uint64(1)
        words.append(np.where(chosen.astype(bool), _ALL, _NONE))
    return words


def _successor_batches(network: Network, clock: _Clock | None = None) -> Iterator[tuple[int, _U32]]:
    """``(start, successors)`` for consecutive batches of states."""
    size = len(network)
    if size < 6:  # fewer states than a word holds
        yield 0, _successors_of(np.arange(1 << size, dtype=np.uint32), _compile_bool(network))
        return
    index = {node: i for i, node in enumerate(network.nodes)}
    packed_rules = [_compile_packed(rule.expr, index) for rule in network.rules]
    low = _low_words(size)
    count = 1 << (min(size, BATCH_BITS) - 6)
    states = count * 64
    for start, _ in _batches(size):
        words = low + [_ALL if start >> i & 1 else _NONE for i in range(len(low), size)]
        successor = np.zeros(states, dtype=np.dtype("<u4"))
        columns = successor.view(np.uint8).reshape(states, 4)
        byte = np.empty(states, dtype=np.uint8)
        for group in range(0, size, 8):
            byte[:] = 0
            for i in range(group, min(size, group + 8)):
                value = np.broadcast_to(packed_rules[i](words), (count,))
                packed = np.ascontiguousarray(value, dtype=np.dtype("<u8")).view(np.uint8)
                bits = np.unpackbits(packed, bitorder="little")
                if i > group:
                    np.left_shift(bits, i - group, out=bits)
                np.bitwise_or(byte, bits, out=byte)
            columns[:, group // 8] = byte
        yield start, successor.view(np.uint32)
        if clock:
            clock.check()


def _compile_bool(
    network: Network,
) -> list[Callable[[Sequence[npt.NDArray[np.bool_]]], npt.NDArray[np.bool_]]]:
    index = {node: i for i, node in enumerate(network.nodes)}
    return [compile_rule(rule.expr, index) for rule in network.rules]


def _successors_of(
    states: _U32, rules: Sequence[Callable[[Sequence[npt.NDArray[np.bool_]]], npt.NDArray[np.bool_]]]
) -> _U32:
    """The successors of arbitrary states (not a whole batch), in batches."""
    size = len(rules)
    result = np.empty(len(states), dtype=np.uint32)
    for start in range(0, len(states), BATCH):
        chunk = states[start : start + BATCH]
        bits = state_bits(chunk, size)
        batch = np.zeros(len(chunk), dtype=np.uint32)
        for i, rule in enumerate(rules):
            batch |= rule(bits).astype(np.uint32) << np.uint32(i)
        result[start : start + BATCH] = batch
    return result


def successors_sync(network: Network, clock: _Clock | None = None) -> _IntArray:
    """The synchronous successor of every state, as an array indexed by state.

    Memory ``4 * 2**n`` bytes (``uint32``); rules are evaluated 64 states per
    word.
    """
    size = len(network)
    successor = np.empty(1 << size, dtype=state_dtype(size))
    for start, batch in _successor_batches(network, clock):
        successor[start : start + len(batch)] = batch
    return successor


def _async_graph(network: Network, limits: Limits, clock: _Clock) -> Any:
    """The asynchronous state transition graph as a scipy CSR matrix, built in place.

    A state's moves are the bits of ``state ^ F(state)`` (``F`` the synchronous
    successor, evaluated 64 states per word); the row pointers come from their
    counts, so the edge array is allocated once at its exact size, after the
    budget is checked.  The edge weights are one broadcast value, not an array.
    """
    from scipy.sparse import csr_matrix

    size = len(network)
    total = 1 << size
    _need(limits, total * 12, f"the moves of 2^{size} states")
    moves = np.empty(total, dtype=np.uint32)  # bit i set: node i's rule disagrees with its value
    indptr = np.zeros(total + 1, dtype=np.int64)
    bits = np.uint32(1) << np.arange(size, dtype=np.uint32)
    for start, successors in _successor_batches(network, clock):
        stop = start + len(successors)
        block = moves[start:stop]
        np.bitwise_xor(successors, np.arange(start, stop, dtype=np.uint32), out=block)
        indptr[start + 1 : stop + 1] = np.count_nonzero(block[:, None] & bits, axis=1)
    np.cumsum(indptr, out=indptr)
    edges = int(indptr[-1])
    if edges >= 1 << 31:
        raise LimitError(
            f"the {edges} asynchronous transitions of 2^{size} states exceed the 2^31 that the "
            "exhaustive engine's SCC routine indexes (use --method symbolic)",
            budget="memory",
        )
    _need(limits, total * (12 + _SCC_BYTES_PER_STATE) + edges * 4, f"{edges} transitions")
    indices = np.empty(edges, dtype=np.int32)
    for start, stop in _batches(size):
        rows, columns = np.nonzero(moves[start:stop, None] & bits)
        targets = rows.astype(np.uint32) + np.uint32(start)
        targets ^= bits[columns]
        indices[indptr[start] : indptr[stop]] = targets.view(np.int32)
        clock.check()
    del moves
    weights = np.broadcast_to(np.float64(1.0), (edges,))
    return csr_matrix((weights, indices, indptr.astype(np.int32)), shape=(total, total))


def _attractor(
    kind: AttractorKind, states: list[int], size: int, limits: Limits, basin: int | None
) -> Attractor:
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


# -- synchronous attractors --------------------------------------------------------------------

_CHUNK = 1 << 24
_DENSE = 16  # an image with more than 1/_DENSE of all states is accumulated in a full counter array


def _nonzero(counts: _U32, clock: _Clock) -> tuple[_U32, _U32]:
    """The states with a non-zero count (ascending) and their counts, without int64 temporaries."""
    found = sum(int(np.count_nonzero(counts[i : i + _CHUNK])) for i in range(0, len(counts), _CHUNK))
    states = np.empty(found, dtype=np.uint32)
    weights = np.empty(found, dtype=np.uint32)
    filled = 0
    for start in range(0, len(counts), _CHUNK):
        chunk = counts[start : start + _CHUNK]
        where = np.flatnonzero(chunk)
        states[filled : filled + len(where)] = where + start
        weights[filled : filled + len(where)] = chunk[where]
        filled += len(where)
        clock.check()
    return states, weights


def _push(
    states: _U32,
    weights: _U32,
    rules: Sequence[Callable[..., npt.NDArray[np.bool_]]],
    size: int,
    limits: Limits,
    clock: _Clock,
) -> tuple[_U32, _U32]:
    """Move each state's weight to its successor: the next image and its weights, ascending."""
    total = 1 << size
    if len(states) * _DENSE > total:
        # many states: accumulate into one counter per state, as in the first pass
        _need(limits, total * 4 + len(states) * 8, f"the image of {len(states)} states")
        counts = np.zeros(total, dtype=np.uint32)
        for start in range(0, len(states), BATCH):
            targets = _successors_of(states[start : start + BATCH], rules)
            np.add.at(counts, targets, weights[start : start + BATCH])
            clock.check()
        del states, weights
        return _nonzero(counts, clock)
    targets = _successors_of(states, rules)
    order = np.argsort(targets, kind="stable")
    ordered = targets[order]
    starts = np.flatnonzero(np.r_[True, ordered[1:] != ordered[:-1]])
    return ordered[starts], np.add.reduceat(weights[order], starts).astype(np.uint32)


def _cycles(
    states: _U32, rules: Sequence[Callable[..., npt.NDArray[np.bool_]]], clock: _Clock
) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.int64]]:
    """Label each cycle state with its cycle, numbered by least state; and each state's successor index.

    Pointer jumping: after ``t`` rounds each state holds the least state
    within ``2**t`` steps ahead.  A round that changes nothing means every
    state holds the least state of its cycle: a state's window and the
    windows ``2**(t-1)``, ``2*2**(t-1)``, ... steps ahead have the same
    minimum, and together they cover the whole cycle.
    """
    following = np.searchsorted(states, _successors_of(states, rules)).astype(np.int64)
    least = np.arange(len(states), dtype=np.int64)  # states ascend, so index order is state order
    jump = following.copy()
    while True:
        ahead = np.minimum(least, least[jump])
        if np.array_equal(ahead, least):
            break
        least = ahead
        jump = jump[jump]
        clock.check()
    representatives = np.flatnonzero(least == np.arange(len(states)))
    return np.searchsorted(representatives, least), following


def _run_sync(network: Network, limits: Limits) -> list[Attractor]:
    size = len(network)
    total = 1 << size
    clock = _Clock(limits)
    _need(limits, estimate_memory(size, Update.SYNCHRONOUS), f"2^{size} states")
    counts = np.zeros(total, dtype=np.uint32)
    for _, successors in _successor_batches(network, clock):
        np.add.at(counts, successors, np.uint32(1))
    image = sum(int(np.count_nonzero(counts[i : i + _CHUNK])) for i in range(0, total, _CHUNK))
    _need(limits, total * 4 + image * 8, f"the image of 2^{size} states ({image} states)")
    states, weights = _nonzero(counts, clock)
    del counts
    rules = _compile_bool(network)
    previous = total
    while len(states) < previous:  # images shrink until they are the cycle states
        previous = len(states)
        states, weights = _push(states, weights, rules, size, limits, clock)
    _need(limits, len(states) * _CYCLE_BYTES_PER_STATE, f"labelling {len(states)} cycle states")
    cycle, following = _cycles(states, rules, clock)
    count = int(cycle.max()) + 1
    sizes = np.bincount(cycle, minlength=count)
    basins = np.bincount(cycle, weights=weights.astype(np.float64), minlength=count)  # exact below 2**53
    order = np.argsort(cycle, kind="stable")
    starts = np.flatnonzero(np.r_[True, np.diff(cycle[order]) != 0])
    grouped = states[order]
    on = np.bitwise_and.reduceat(grouped, starts)
    off = np.bitwise_and.reduceat(~grouped, starts)
    listed = int(sizes[sizes <= limits.listed_states].sum())
    _need(limits, listed * (size + 80) + count * 400, f"listing {count} attractors ({listed} states)")
    first = states[order[starts]]  # the least state of each cycle
    attractors = []
    for number in range(count):
        length = int(sizes[number])
        kind = AttractorKind.FIXED_POINT if length == 1 else AttractorKind.CYCLE
        summary = "".join(
            "1" if int(on[number]) >> i & 1 else "0" if int(off[number]) >> i & 1 else "*"
            for i in range(size)
        )
        basin = int(basins[number])
        if length > limits.listed_states:
            attractors.append(Attractor(kind, length, summary, None, basin))
            continue
        position = int(order[starts[number]])
        walk = [state_to_string(int(first[number]), size)]
        for _ in range(length - 1):
            position = int(following[position])
            walk.append(state_to_string(int(states[position]), size))
        attractors.append(Attractor(kind, length, summary, tuple(walk), basin))
        if number % 4096 == 4095:
            clock.check()
    return attractors


def _run_async(network: Network, limits: Limits) -> list[Attractor]:
    from scipy.sparse.csgraph import connected_components

    size = len(network)
    clock = _Clock(limits)
    graph = _async_graph(network, limits, clock)
    count, labels = connected_components(graph, directed=True, connection="strong")
    clock.check()
    terminal = np.ones(count, dtype=bool)  # no transition leaves the component
    for start, stop in _batches(size):
        first, last = graph.indptr[start], graph.indptr[stop]
        sources = np.repeat(labels[start:stop], np.diff(graph.indptr[start : stop + 1]))
        leaving = sources != labels[graph.indices[first:last]]
        terminal[sources[leaving]] = False
    del graph
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


def _run(network: Network, update: Update, limits: Limits) -> AttractorResult:
    found = _run_sync(network, limits) if update is Update.SYNCHRONOUS else _run_async(network, limits)
    found.sort(key=attractor_order)
    return AttractorResult(network, update, NAME, True, tuple(found))


ENGINE = Engine(
    name=NAME,
    description="explicit state space, bit-parallel with numpy; exact basins (sync); sync up to ~30 nodes",
    updates=frozenset(Update),
    check=_check,
    run=_run,
)
