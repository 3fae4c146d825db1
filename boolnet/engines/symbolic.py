"""The symbolic engine: exact asynchronous attractors, from a few nodes to hundreds.

Method: constants (fixed inputs, knockouts) are percolated first
(:func:`.bitsets.percolate_rules`); every attractor lies in the trap space
they fix.  When at most ``EXPLICIT_MAX_FREE_NODES`` nodes stay free, as in
most published models with their inputs fixed, the attractors are the
terminal components of the free nodes' state graph, searched on state sets
held as bit vectors (:mod:`.bitsets`).  Otherwise the search runs on BDDs,
guided by the minimal trap spaces and proven complete by backward
reachability (:mod:`.bddsearch`), which loads dd and clingo.  When the free
nodes' feedback is a single strongly connected part of at most
``DIRECT_MAX_FEEDBACK_NODES`` nodes, its only minimal trap space is usually
the whole percolated space, so the BDD search decomposes that space directly,
without clingo.  All are the same forward/backward search on sets of states,
and all are exact and complete, motif-avoidant attractors included.  On
Linux, when the searches inside the minimal trap spaces take long, a forked
helper does them on a second core (:func:`.bddsearch.find_attractor_list`).
"""

from __future__ import annotations

from collections.abc import Mapping

from ..expr import substitute, variables
from ..limits import Limits
from ..model import Network
from ..results import AttractorResult, attractor_order
from ..update import Update
from .bitsets import EXPLICIT_MAX_FREE_NODES, explicit_async_attractors, percolate_rules
from .registry import Engine

__all__ = ["ENGINE", "find_async_attractors"]

NAME = "symbolic"
# measured on the corpus (inputs fixed, whole process): with one feedback part of up to 48 nodes the
# direct decomposition is 10-130 ms faster (clingo is not loaded); at 53 even, at 64 2.5 times slower
DIRECT_MAX_FEEDBACK_NODES = 48


def find_async_attractors(network: Network, limits: Limits | None = None) -> AttractorResult:
    """Every asynchronous attractor of ``network``, exactly, for networks of hundreds of nodes.

    Parameters
    ----------
    network
        The network (inputs may be free: every input combination is covered).
    limits
        ``timeout`` and ``memory`` bound the run; ``listed_states`` decides
        which attractors are listed state by state.

    Returns
    -------
    AttractorResult
        Complete; sorted by pattern, then first state.

    Raises
    ------
    LimitError
        When the time or memory budget runs out (the message names it).

    Notes
    -----
    Exact and complete, including motif-avoidant attractors (those outside
    every minimal trap space).  With ``k`` nodes free after percolation the
    cost is at most ``2**k`` bit operations per set operation for small
    ``k``; beyond, it is dominated by the symbolic reachability, exponential
    in the worst case but following the size of the BDDs of the state sets.

    Examples
    --------
    >>> from boolnet.formats import parse_rules
    >>> result = find_async_attractors(parse_rules("a = !b\\nb = !a\\nc = !c"))
    >>> [(a.pattern, a.size) for a in result.attractors]
    [('01*', 2), ('10*', 2)]
    """
    limits = limits or Limits()
    fixed = percolate_rules(network)
    if len(network) - len(fixed) <= EXPLICIT_MAX_FREE_NODES:
        found = explicit_async_attractors(network, fixed, limits)
        attractors = tuple(sorted(found, key=attractor_order))
    else:
        from .bddsearch import find_attractor_list  # loads dd and clingo, only for networks that need them

        parts = feedback_parts(network, fixed)
        direct = len(parts) <= 1 and sum(map(len, parts)) <= DIRECT_MAX_FEEDBACK_NODES
        attractors = find_attractor_list(network, limits, fixed=fixed, trap_spaces=not direct)
    return AttractorResult(network, Update.ASYNCHRONOUS, NAME, True, attractors)


def feedback_parts(network: Network, fixed: Mapping[str, bool]) -> list[list[str]]:
    """The strongly connected parts with a cycle among the nodes ``fixed`` leaves free.

    A regulation counts when its regulator is free and still read by the rule
    once the fixed values are substituted.  Tarjan's algorithm, iterative;
    linear in the size of the rules.
    """
    successors: dict[str, set[str]] = {node: set() for node in network.nodes if node not in fixed}
    for node in successors:
        for regulator in variables(substitute(network.rule(node).expr, fixed)):
            successors[regulator].add(node)
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    parts: list[list[str]] = []
    for root in successors:
        if root in index:
            continue
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        work = [(root, iter(successors[root]))]
        while work:
            node, targets = work[-1]
            for target in targets:
                if target not in index:
                    index[target] = low[target] = len(index)
                    stack.append(target)
                    on_stack.add(target)
                    work.append((target, iter(successors[target])))
                    break
                if target in on_stack:
                    low[node] = min(low[node], index[target])
            else:
                work.pop()
                if work:
                    parent = work[-1][0]
                    low[parent] = min(low[parent], low[node])
                if low[node] == index[node]:
                    part: list[str] = []
                    while not part or part[-1] != node:
                        part.append(stack.pop())
                        on_stack.discard(part[-1])
                    if len(part) > 1 or node in successors[node]:
                        parts.append(part)
    return parts


def _check(network: Network, update: Update, limits: Limits) -> str | None:
    if update is not Update.ASYNCHRONOUS:
        return "computes asynchronous attractors only"
    return None


def _run(network: Network, update: Update, limits: Limits) -> AttractorResult:
    return find_async_attractors(network, limits)


ENGINE = Engine(
    name=NAME,
    description=(
        "percolation + bit-vector state sets for small cores; trap spaces (clingo) + BDD "
        "reachability (CUDD via dd) beyond; exact async attractors, 100s of nodes"
    ),
    updates=frozenset({Update.ASYNCHRONOUS}),
    check=_check,
    run=_run,
)
