"""The attractors reachable from given states: the treatment question.

Starting from a set of states (e.g. every state of the tumour attractors of
the untreated network), the dynamics of a perturbed network can only end in
the attractors it reaches.  :func:`reachable_attractors` explores the
reachable part of the state transition graph explicitly, breadth first with
numpy, and returns its attractors: the terminal strongly connected components
of the reachable subgraph (it is closed under successors, so these are
attractors of the whole network).  Asynchronous: Tarjan-style strong
components (scipy); synchronous: the cycles of the successor map.

Complexity: time and memory linear in the number of reachable states times
the number of nodes; exact.  The exploration stops with a
:class:`~boolnet.errors.LimitError` past ``max_states`` reachable states.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

from ..engines.vectorized import compile_rule, state_bits
from ..errors import LimitError
from ..model import Network
from ..results import AttractorKind
from ..update import Update, parse_update
from .reduction import StateSet

__all__ = ["MAX_REACHABLE", "reachable_attractors", "successors"]

StateArray = npt.NDArray[np.uint64]
MAX_REACHABLE = 1 << 22


class _Compiled:
    def __init__(self, network: Network) -> None:
        index = {node: i for i, node in enumerate(network.nodes)}
        self.size = len(network)
        self.rules = [compile_rule(rule.expr, index) for rule in network.rules]

    def values(self, states: StateArray) -> tuple[list[npt.NDArray[np.bool_]], list[npt.NDArray[np.bool_]]]:
        bits = state_bits(states, self.size)
        return bits, [rule(bits) for rule in self.rules]


def successors(network: Network, states: StateArray, update: str | Update) -> tuple[StateArray, StateArray]:
    """Every transition out of ``states`` as ``(sources, targets)`` arrays."""
    return _successors(_Compiled(network), np.asarray(states, dtype=np.uint64), parse_update(update))


def _successors(compiled: _Compiled, states: StateArray, update: Update) -> tuple[StateArray, StateArray]:
    if len(states) == 0:
        return states, states
    bits, values = compiled.values(states)
    if update is Update.SYNCHRONOUS:
        target = np.zeros(len(states), dtype=np.uint64)
        for i, value in enumerate(values):
            target |= value.astype(np.uint64) << np.uint64(i)
        return states, target
    sources, targets = [], []
    for i, value in enumerate(values):
        moving = states[value != bits[i]]
        sources.append(moving)
        targets.append(moving ^ (np.uint64(1) << np.uint64(i)))
    return np.concatenate(sources), np.concatenate(targets)


def reachable_attractors(
    network: Network, starts: StateArray, update: str | Update, *, max_states: int = MAX_REACHABLE
) -> list[StateSet]:
    """The attractors of ``network`` reachable from any of ``starts``.

    Parameters
    ----------
    network
        The (perturbed) network whose dynamics is followed.
    starts
        Initial states as integers (bit ``i`` is node ``i``).
    update
        The update scheme.
    max_states
        Budget on the number of reachable states.

    Returns
    -------
    list of StateSet
        Sorted by smallest state.

    Raises
    ------
    LimitError
        When more than ``max_states`` states are reachable.
    """
    scheme = parse_update(update)
    compiled = _Compiled(network)
    visited = np.unique(np.asarray(starts, dtype=np.uint64))
    frontier = visited
    while len(frontier):
        _, targets = _successors(compiled, frontier, scheme)
        new = np.setdiff1d(np.unique(targets), visited, assume_unique=True)
        visited = np.union1d(visited, new)
        frontier = new
        if len(visited) > max_states:
            raise LimitError(
                f"more than {max_states} states are reachable from the start states "
                "(raise the reachable-states budget, max_states=...)",
                budget="reachable_states",
            )
    sources, targets = _successors(compiled, visited, scheme)
    src = np.searchsorted(visited, sources)
    dst = np.searchsorted(visited, targets)
    found = _cycles(visited, dst) if scheme is Update.SYNCHRONOUS else _terminal_components(visited, src, dst)
    found.sort(key=lambda a: int(a.states.min()))
    return found


def _cycles(visited: StateArray, successor: npt.NDArray[np.intp]) -> list[StateSet]:
    ahead = successor
    steps = 1
    while steps < len(visited):  # after >= N steps every state is on its cycle
        ahead = ahead[ahead]
        steps *= 2
    seen = np.zeros(len(visited), dtype=bool)
    found = []
    for start in np.unique(ahead).tolist():
        if seen[start]:
            continue
        cycle = [start]
        seen[start] = True
        nxt = int(successor[start])
        while nxt != start:
            cycle.append(nxt)
            seen[nxt] = True
            nxt = int(successor[nxt])
        states = visited[np.asarray(cycle)]
        states = np.roll(states, -int(np.argmin(states)))
        kind = AttractorKind.FIXED_POINT if len(cycle) == 1 else AttractorKind.CYCLE
        found.append(StateSet(kind, states))
    return found


def _terminal_components(
    visited: StateArray, src: npt.NDArray[np.intp], dst: npt.NDArray[np.intp]
) -> list[StateSet]:
    from scipy.sparse import csr_matrix
    from scipy.sparse.csgraph import connected_components

    total = len(visited)
    graph = csr_matrix((np.ones(len(src), dtype=np.bool_), (src, dst)), shape=(total, total))
    _, labels = connected_components(graph, directed=True, connection="strong")
    terminal = np.ones(labels.max() + 1, dtype=bool)
    terminal[labels[src[labels[src] != labels[dst]]]] = False
    found = []
    for label in np.flatnonzero(terminal).tolist():
        states = np.sort(visited[labels == label])
        kind = AttractorKind.FIXED_POINT if len(states) == 1 else AttractorKind.COMPLEX
        found.append(StateSet(kind, states))
    return found
