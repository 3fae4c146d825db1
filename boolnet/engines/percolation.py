"""Percolation of constants: the node values a network's constants force.

A node whose rule is constant (``X = 1``, a fixed input, a knockout) takes
that value and keeps it; substituting it into the other rules may make them
constant too, and so on.  The values reached this way fix the smallest trap
space containing every state where the constants already hold, and every
minimal trap space and every attractor lies inside it, so analyses run on the
remaining (free) nodes only.  The test "is the rule now constant" is semantic
(on BDDs), so ``A = B & !B`` is recognised as ``0``.

See Naldi et al. 2011 ("Dynamically consistent reduction of logical
regulatory graphs", Theor. Comput. Sci. 412:2207) for the reduction, and
Paulevé et al. 2020 (mpbn) for its use before trap-space enumeration.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence

from .rulebdd import BDD, Function

__all__ = ["percolate"]


def percolate(
    manager: BDD,
    functions: Mapping[str, Function],
    names: Mapping[str, str],
    values: Mapping[str, bool] | None = None,
    *,
    targets: Mapping[str, Sequence[str]] | None = None,
    new: Collection[str] | None = None,
) -> dict[str, bool]:
    """The node values forced by the constant rules (and by ``values``).

    Parameters
    ----------
    manager
        The BDD manager of ``functions``.
    functions
        Each node's update function, over the manager variables ``names[node]``.
    names
        Node name -> manager variable.
    values
        Extra node values to start from (e.g. a trap space's fixed nodes);
        they must describe a trap space for the result to be one.
    targets
        Node -> the nodes whose rules mention it (computed when absent).
    new
        When given, the other nodes of ``values`` are percolated already
        (no further rule is constant under them alone), so only the rules
        that mention a node of ``new`` are examined.

    Returns
    -------
    dict
        Node -> value for every node fixed by percolation, including ``values``.

    Notes
    -----
    Exact (semantic) and linear in the number of rule restrictions: each
    rule is re-examined only when one of its regulators becomes fixed.
    """
    fixed: dict[str, bool] = dict(values or {})
    node_of = {names[node]: node for node in functions}
    if targets is None:
        found: dict[str, list[str]] = {node: [] for node in functions}
        for node, function in functions.items():
            for var in manager.support(function):
                found[node_of[var]].append(node)
        targets = found
    if new is None:
        pending = [node for node in functions if node not in fixed]
        pending.extend(target for node in fixed for target in targets[node])
    else:
        pending = [target for node in new for target in targets[node]]
    while pending:
        node = pending.pop()
        if node in fixed:
            continue
        function = functions[node]
        # the fixed regulators, looked up from the rule's support (far fewer than the fixed nodes)
        assignment: dict[str, bool] = {}
        for var in manager.support(function):
            regulator = node_of.get(var)
            if regulator in fixed:
                assignment[var] = fixed[regulator]
        if assignment:
            function = manager.let(assignment, function)
        if function == manager.true or function == manager.false:
            fixed[node] = function == manager.true
            pending.extend(t for t in targets[node] if t not in fixed)
    return fixed
