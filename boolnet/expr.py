"""Boolean expressions of update rules, as small immutable trees.

The parser (:mod:`boolnet.parsing`) turns rule text into these trees; every
engine compiles them to its own form (numpy bit operations, clauses, BDDs,
ASP facts).  The tree is deliberately tiny: constants, variables, negation,
and n-ary conjunction and disjunction.  Nothing here ever evaluates text.

>>> e = And((Var("JAK"), Not(Var("SOCS3"))))
>>> to_text(e)
'JAK & !SOCS3'
>>> evaluate(e, {"JAK": True, "SOCS3": False})
True
>>> sorted(variables(e))
['JAK', 'SOCS3']
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from typing import TypeAlias

__all__ = [
    "FALSE",
    "TRUE",
    "And",
    "Const",
    "Expr",
    "Not",
    "Or",
    "Var",
    "evaluate",
    "rename",
    "substitute",
    "to_text",
    "variables",
    "walk",
]


@dataclass(frozen=True, slots=True)
class Const:
    """The constant ``0`` or ``1``."""

    value: bool


@dataclass(frozen=True, slots=True)
class Var:
    """The current value of a node."""

    name: str


@dataclass(frozen=True, slots=True)
class Not:
    """Negation of a sub-expression."""

    arg: Expr


@dataclass(frozen=True, slots=True)
class And:
    """Conjunction of two or more sub-expressions."""

    args: tuple[Expr, ...]


@dataclass(frozen=True, slots=True)
class Or:
    """Disjunction of two or more sub-expressions."""

    args: tuple[Expr, ...]


Expr: TypeAlias = Const | Var | Not | And | Or

TRUE = Const(True)
FALSE = Const(False)


def walk(expr: Expr) -> Iterator[Expr]:
    """Yield ``expr`` and every sub-expression, parents before children."""
    stack = [expr]
    while stack:
        node = stack.pop()
        yield node
        if isinstance(node, Not):
            stack.append(node.arg)
        elif isinstance(node, And | Or):
            stack.extend(reversed(node.args))


def variables(expr: Expr) -> frozenset[str]:
    """The names of the nodes ``expr`` mentions (syntactically)."""
    return frozenset(node.name for node in walk(expr) if isinstance(node, Var))


def evaluate(expr: Expr, state: Mapping[str, bool]) -> bool:
    """The value of ``expr`` in ``state`` (a mapping from node name to value).

    A reference implementation for tests and small jobs; engines compile the
    tree instead of calling this per state.
    """
    if isinstance(expr, Const):
        return expr.value
    if isinstance(expr, Var):
        return bool(state[expr.name])
    if isinstance(expr, Not):
        return not evaluate(expr.arg, state)
    if isinstance(expr, And):
        return all(evaluate(arg, state) for arg in expr.args)
    return any(evaluate(arg, state) for arg in expr.args)


def _combine(kind: type[And] | type[Or], args: list[Expr]) -> Expr:
    absorbing = kind is Or  # True absorbs a disjunction, False a conjunction
    kept: list[Expr] = []
    for arg in args:
        if isinstance(arg, Const):
            if arg.value == absorbing:
                return Const(absorbing)
            continue
        if isinstance(arg, kind):
            kept.extend(arg.args)
        else:
            kept.append(arg)
    if not kept:
        return Const(not absorbing)
    if len(kept) == 1:
        return kept[0]
    return kind(tuple(kept))


def substitute(expr: Expr, values: Mapping[str, bool]) -> Expr:
    """Replace the named variables by constants and fold the constants away.

    >>> to_text(substitute(Or((Var("a"), And((Var("b"), Var("c"))))), {"b": False}))
    'a'
    """
    return _map(expr, lambda var: Const(values[var.name]) if var.name in values else var)


def rename(expr: Expr, names: Mapping[str, str]) -> Expr:
    """Rename variables (names missing from ``names`` are kept)."""
    return _map(expr, lambda var: Var(names.get(var.name, var.name)))


def _map(expr: Expr, leaf: Callable[[Var], Expr]) -> Expr:
    if isinstance(expr, Const):
        return expr
    if isinstance(expr, Var):
        return leaf(expr)
    if isinstance(expr, Not):
        arg = _map(expr.arg, leaf)
        if isinstance(arg, Const):
            return Const(not arg.value)
        if isinstance(arg, Not):
            return arg.arg
        return Not(arg)
    kind = And if isinstance(expr, And) else Or
    return _combine(kind, [_map(arg, leaf) for arg in expr.args])


_PRECEDENCE = {Or: 1, And: 2, Not: 3, Var: 4, Const: 4}


def to_text(expr: Expr, *, and_op: str = "&", or_op: str = "|", not_op: str = "!") -> str:
    """Render ``expr`` with the given operator spellings and minimal parentheses.

    The default spelling is the native and ``.bnet`` syntax; BooleanNet uses
    ``and_op=" and "``-style words (pass them with spaces as wanted).
    """

    def render(node: Expr, parent: int) -> str:
        own = _PRECEDENCE[type(node)]
        if isinstance(node, Const):
            text = "1" if node.value else "0"
        elif isinstance(node, Var):
            text = node.name
        elif isinstance(node, Not):
            text = not_op + render(node.arg, own)
        else:
            op = and_op if isinstance(node, And) else or_op
            sep = f" {op.strip()} " if op.strip() == op else op
            text = sep.join(render(arg, own) for arg in node.args)
        return f"({text})" if own < parent else text

    return render(expr, 0)
