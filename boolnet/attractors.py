"""Finding attractors: the one entry point to every engine.

An attractor is a terminal strongly connected component of the state
transition graph: a set of states the dynamics, once inside, never leaves and
all of whose states it keeps revisiting.  Under synchronous updating these are
fixed points and cycles; under asynchronous updating fixed points and complex
attractors.
"""

from __future__ import annotations

from collections.abc import Mapping

from .engines import select_engine
from .limits import Limits
from .model import Network
from .results import AttractorResult
from .update import Update, parse_update

__all__ = ["find_attractors"]


def find_attractors(
    network: Network,
    update: str | Update = "asynchronous",
    *,
    perturbation: Mapping[str, int] | None = None,
    method: str = "auto",
    limits: Limits | None = None,
) -> AttractorResult:
    """Every attractor of ``network`` under ``update``.

    Parameters
    ----------
    network
        The network.
    update
        ``"synchronous"``/``"sync"`` or ``"asynchronous"``/``"async"``.
    perturbation
        Nodes to fix first (node -> 0 for a knockout, 1 for over-expression);
        the same as calling ``network.perturbed(perturbation)``.
    method
        An engine name from :func:`boolnet.engines.engines`, or ``"auto"`` for
        the first engine that can answer within ``limits``.
    limits
        Memory, time and listing budgets (:class:`~boolnet.limits.Limits`).

    Returns
    -------
    AttractorResult
        The attractors, the engine used and whether the list is complete.

    Raises
    ------
    LimitError
        When no engine can answer within the budgets (the message says which).
    EngineError
        For an unknown update or method.
    PerturbationError
        For a perturbation of an unknown node or a conflicting one.

    Notes
    -----
    The exhaustive engine takes time and memory ``O(n 2**n)`` for ``n`` nodes
    and is exact; it gives basin sizes under synchronous updating.

    Examples
    --------
    >>> from boolnet.formats import parse_rules
    >>> toggle = parse_rules("a = !b\\nb = !a")
    >>> [a.states for a in find_attractors(toggle, "async").attractors]
    [('01',), ('10',)]
    """
    limits = limits or Limits()
    scheme = parse_update(update)
    if perturbation:
        network = network.perturbed(perturbation)
    engine = select_engine(network, scheme, method, limits)
    return engine.run(network, scheme, limits)
