"""Update rules as binary decision diagrams (BDDs), with the pure-Python ``dd.autoref`` package.

One BDD manager holds one variable per node (declared in the network's node
order); :func:`rule_bdds` compiles every rule's expression tree into it.  The
compilation walks the tree (no rule text is ever evaluated), so a rule with
dozens of regulators costs the size of its BDD, not of its truth table.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from typing import Any

from ..expr import And, Const, Expr, Not, Var
from ..model import Network

__all__ = ["BDD", "Function", "expr_to_bdd", "new_manager", "rule_bdds"]

BDD = Any  # dd.autoref.BDD (untyped package)
Function = Any  # dd.autoref.Function


def new_manager(names: Sequence[str]) -> BDD:
    """A fresh BDD manager with one variable per name, in the given order."""
    from dd import autoref  # a core dependency, imported on first use to keep start-up fast
    from dd import bdd as plain

    class QuietBDD(plain.BDD):
        # dd asserts on garbage collection that no node is still referenced; when a
        # manager dies in one reference cycle with its functions (a traceback kept by a
        # caller, say) the collection order is arbitrary and the assertion is spurious
        def __del__(self) -> None:
            pass

    manager = autoref.BDD()
    quiet: Any = QuietBDD
    manager._bdd.__class__ = quiet
    manager.declare(*names)
    return manager


def expr_to_bdd(manager: BDD, expr: Expr, names: Mapping[str, str] | None = None) -> Function:
    """The BDD of ``expr``; ``names`` maps node names to manager variables (identity if absent)."""
    if isinstance(expr, Const):
        return manager.true if expr.value else manager.false
    if isinstance(expr, Var):
        return manager.var(names[expr.name] if names is not None else expr.name)
    if isinstance(expr, Not):
        return ~expr_to_bdd(manager, expr.arg, names)
    parts = [expr_to_bdd(manager, arg, names) for arg in expr.args]
    result = parts[0]
    for part in parts[1:]:
        result = result & part if isinstance(expr, And) else result | part
    return result


def rule_bdds(network: Network, manager: BDD, names: Mapping[str, str]) -> dict[str, Function]:
    """The BDD of every node's rule, keyed by node, over the variables ``names[node]``."""
    return {rule.target: expr_to_bdd(manager, rule.expr, names) for rule in network.rules}


@contextmanager
def deep_recursion(variables: int) -> Iterator[None]:
    """Allow the recursion depth that dd's pure-Python BDD operations need on ``variables`` levels.

    dd recurses once or twice per BDD level, so a thousand-node network
    exceeds Python's default limit of 1000 frames.  The previous limit is
    restored on exit.
    """
    previous = sys.getrecursionlimit()
    sys.setrecursionlimit(max(previous, 4 * variables + 1000))
    try:
        yield
    finally:
        sys.setrecursionlimit(previous)
