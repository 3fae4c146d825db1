"""The symbolic engine: exact asynchronous attractors, from a few nodes to hundreds.

Method: constants (fixed inputs, knockouts) are percolated first
(:func:`.bitsets.percolate_rules`); every attractor lies in the trap space
they fix.  When at most ``EXPLICIT_MAX_FREE_NODES`` nodes stay free, as in
most published models with their inputs fixed, the attractors are the
terminal components of the free nodes' state graph, searched on state sets
held as bit vectors (:mod:`.bitsets`).  Otherwise the search runs on BDDs,
guided by the minimal trap spaces and proven complete by backward
reachability (:mod:`.bddsearch`), which loads dd and clingo.  Both are the
same forward/backward search on sets of states, and both are exact and
complete, motif-avoidant attractors included.
"""

from __future__ import annotations

from ..limits import Limits
from ..model import Network
from ..results import AttractorResult
from ..update import Update
from .bitsets import EXPLICIT_MAX_FREE_NODES, explicit_async_attractors, percolate_rules
from .registry import Engine

__all__ = ["ENGINE", "find_async_attractors"]

NAME = "symbolic"


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
        attractors = tuple(sorted(found, key=lambda a: (a.pattern, a.states[0] if a.states else "")))
    else:
        from .bddsearch import find_attractor_sets  # loads dd and clingo, only for networks that need them

        attractors = find_attractor_sets(network, limits, fixed=fixed).attractors
    return AttractorResult(network, Update.ASYNCHRONOUS, NAME, True, attractors)


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
