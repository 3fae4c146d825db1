"""Update rules as binary decision diagrams (BDDs), with CUDD through ``dd.cudd``.

One BDD manager holds one variable per node; :func:`rule_bdds` compiles every
rule's expression tree into it.  The compilation walks the tree (no rule text
is ever evaluated), so a rule with dozens of regulators costs the size of its
BDD, not of its truth table.

The manager is CUDD's (``dd.cudd``, compiled C) wherever the installed ``dd``
wheel includes it, and otherwise the pure-Python ``dd.autoref`` with the same
interface.  Callers stay within the common part of the two: ``let`` with
Boolean values (cofactors) or one function (composition), ``apply``, ``ite``,
``cube``, ``support``, ``exist``, ``pick_iter`` and ``function.var``, and the
helpers here for what differs (:func:`pick_state`, :func:`count_states`,
:func:`levels`).  CUDD's dynamic variable reordering is off unless asked for,
so the declared order is the BDD order.
"""

from __future__ import annotations

import sys
from collections import deque
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from functools import cache
from typing import Any

from ..expr import And, Const, Expr, Not, Var
from ..model import Network

__all__ = [
    "BDD",
    "Function",
    "backend",
    "count_states",
    "deep_recursion",
    "expr_to_bdd",
    "levels",
    "memory_in_use",
    "new_manager",
    "pick_state",
    "rule_bdds",
    "variable_order",
]

BDD = Any  # dd.cudd.BDD or dd.autoref.BDD (untyped package)
Function = Any  # dd.cudd.Function or dd.autoref.Function

SMALL_MEMORY = 1 << 26  # CUDD's sizing hint for managers of rule BDDs only (bytes)
SMALL_CACHE = 1 << 12  # CUDD's first cache size (slots): it grows with use, up to what the memory hint allows
AUTOREF_BYTES_PER_NODE = 150  # measured footprint of one dd.autoref node (pure Python)


@cache
def backend() -> str:
    """``"cudd"`` when ``dd.cudd`` can be imported, else ``"autoref"``."""
    with _without_networkx():
        import dd
    try:
        import dd.cudd  # noqa: F401
    except ImportError:  # a dd wheel built without CUDD
        return "autoref"
    return "cudd"


@contextmanager
def _without_networkx() -> Iterator[None]:
    """Let ``dd`` load without networkx, which it imports (optionally) only to draw BDDs.

    Importing networkx costs about 0.2 s, most of a small model's whole run.
    ``dd`` catches the ``ImportError`` and leaves its drawing helpers
    unavailable; none is used here.  networkx stays importable for everyone
    else (the interaction graph): the block only hides it while ``dd`` loads.
    """
    if "networkx" in sys.modules:
        yield
        return
    sys.modules["networkx"] = None  # type: ignore[assignment]  # "import networkx" raises ImportError
    try:
        yield
    finally:
        if "networkx" in sys.modules and sys.modules["networkx"] is None:
            del sys.modules["networkx"]
        # dd keeps that ImportError (dd._utils._nx_error); its traceback would keep every frame
        # of the stack that first loaded dd alive, with their locals (BDDs, clingo controls),
        # until the interpreter exits, where destroying them prints errors
        error = getattr(sys.modules.get("dd._utils"), "_nx_error", None)
        if isinstance(error, BaseException):
            error.__traceback__ = None


def new_manager(names: Sequence[str], *, memory: int = SMALL_MEMORY, reordering: bool = False) -> BDD:
    """A fresh BDD manager with one variable per name, in the given order (top to bottom).

    ``memory`` is CUDD's sizing hint (bytes; it bounds the growth of its
    caches, not the nodes), and ``reordering`` turns on CUDD's dynamic
    reordering by group sifting; both are ignored by the ``dd.autoref``
    fallback.

    A ``dd.cudd`` function keeps its manager alive, so in ordinary use the
    manager dies last.  Only when it is collected in one reference cycle with
    its functions (say, a kept traceback whose frames hold BDDs) does CUDD's
    check that no node is still referenced fail, as an ignored exception
    (``dd.cudd.BDD`` is a C type, so the check cannot be silenced as it is
    here for ``dd.autoref``); engines therefore raise their limit errors
    without the frames that hold BDDs.
    """
    if backend() == "cudd":
        from dd import cudd

        total = _total_memory()
        # dd refuses a hint at or above the machine's memory
        hint = min(memory, total // 2) if total else memory
        # CUDD's default first cache (2**18 slots) costs a millisecond to set up; it grows on demand
        manager = cudd.BDD(memory_estimate=hint, initial_cache_size=SMALL_CACHE)
        manager.configure(reordering=False)
        manager.declare(*names)
        if reordering:
            manager.configure(reordering=True)
        return manager
    return _autoref_manager(names)


def _autoref_manager(names: Sequence[str]) -> BDD:
    backend()  # loads dd
    from dd import autoref
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


def _total_memory() -> int | None:
    try:
        from dd import _utils

        total = _utils.total_memory()
    except (ImportError, AttributeError):  # older or newer dd: no hint clamping
        return None
    return int(total) if total else None


def memory_in_use(manager: BDD) -> int:
    """Bytes held by the manager's nodes and caches (CUDD's count; an estimate for ``dd.autoref``)."""
    if _is_cudd(manager):
        return int(_cudd_memory(manager))
    return len(manager) * AUTOREF_BYTES_PER_NODE


def _is_cudd(manager: BDD) -> bool:
    return type(manager).__module__ == "dd.cudd"


def _cudd_memory(manager: BDD) -> float:
    import warnings

    with warnings.catch_warnings():
        # dd warns on every call that the unit of "mem" changed to bytes in 0.5.7
        warnings.simplefilter("ignore", UserWarning)
        return float(manager.statistics()["mem"])


def levels(manager: BDD, names: Sequence[str]) -> dict[str, int]:
    """The current BDD level of each variable (0 is the top; reordering changes it)."""
    return {name: manager.level_of_var(name) for name in names}


def pick_state(manager: BDD, function: Function, names: Sequence[str]) -> dict[str, bool]:
    """One satisfying assignment of every variable in ``names`` (0 where free); ``function`` is not 0.

    Descends one path of the BDD, choosing the 0-branch where it is not empty.
    (``dd.cudd``'s ``pick`` leaves dynamic reordering switched off.)
    """
    state = dict.fromkeys(names, False)
    node = function
    while node != manager.true:
        var = node.var
        low = manager.let({var: False}, node)
        if low != manager.false:
            node = low
        else:
            state[var] = True
            node = manager.let({var: True}, node)
    return state


def count_states(manager: BDD, function: Function, names: Sequence[str]) -> int:
    """The exact number of assignments to ``names`` (a superset of the support) satisfying ``function``."""
    total = len(names)
    if _is_cudd(manager) and total < 1000:  # CUDD counts in doubles: exact below 2**53, finite to 2**1023
        approximate = manager.count(function, nvars=total)
        if approximate < 2**52:
            return int(approximate)
    position = levels(manager, names)
    ranked = sorted(position.values())
    rank = {level: k for k, level in enumerate(ranked)}
    memo: dict[int, tuple[Function, int]] = {}

    def depth(node: Function) -> int:
        return total if node.var is None else rank[position[node.var]]

    def count(node: Function) -> int:
        # models over the variables from the node's level down
        if node == manager.false:
            return 0
        if node == manager.true:
            return 1
        key = int(node)
        if key in memo:
            return memo[key][1]
        var = node.var
        here = depth(node)
        result = 0
        for value in (False, True):
            child = manager.let({var: value}, node)
            result += count(child) << (depth(child) - here - 1)
        memo[key] = (node, result)  # keeping the node alive keeps its id unique
        return result

    try:
        return count(function) << depth(function)
    finally:
        memo.clear()


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


def variable_order(network: Network) -> list[int]:
    """Node positions in reverse Cuthill-McKee order of the undirected interaction graph.

    The order of a BDD's variables decides its size.  Declaring a node close
    to its regulators and targets keeps the rules' BDDs, and the state sets
    built from them, small.  Which order is best depends on the network:
    measured, the attractor search over the cores of screens (27-48 nodes,
    MAPK and T-LGL models) runs 1.5 times faster in this order than in file
    order, while the corpus's large models run faster in file order.
    Breadth-first from a node of least degree, neighbours by increasing
    degree (Cuthill & McKee 1969), one connected part after the other, then
    reversed, which narrows the profile further (George 1971).

    Complexity: O(E log E) for E regulations.
    """
    count = len(network)
    neighbours: list[set[int]] = [set() for _ in range(count)]
    for target, rule in enumerate(network.rules):
        for regulator in rule.regulators:
            source = network.index(regulator)
            if source != target:
                neighbours[target].add(source)
                neighbours[source].add(target)
    degree = [len(adjacent) for adjacent in neighbours]
    by_degree = sorted(range(count), key=lambda i: (degree[i], i))
    placed = [False] * count
    order: list[int] = []
    for start in by_degree:
        if placed[start]:
            continue
        placed[start] = True
        queue = deque([start])
        while queue:
            node = queue.popleft()
            order.append(node)
            for other in sorted(neighbours[node], key=lambda i: (degree[i], i)):
                if not placed[other]:
                    placed[other] = True
                    queue.append(other)
    order.reverse()
    return order


def rule_bdds(network: Network, manager: BDD, names: Mapping[str, str]) -> dict[str, Function]:
    """The BDD of every node's rule, keyed by node, over the variables ``names[node]``."""
    return {rule.target: expr_to_bdd(manager, rule.expr, names) for rule in network.rules}


@contextmanager
def deep_recursion(variables: int) -> Iterator[None]:
    """Allow the recursion depth that BDD walks in Python need on ``variables`` levels.

    The pure-Python ``dd.autoref`` (and the prime-implicant and cube walks
    here) recurse once or twice per BDD level, so a thousand-node network
    exceeds Python's default limit of 1000 frames.  The previous limit is
    restored on exit.
    """
    previous = sys.getrecursionlimit()
    sys.setrecursionlimit(max(previous, 4 * variables + 1000))
    try:
        yield
    finally:
        sys.setrecursionlimit(previous)
