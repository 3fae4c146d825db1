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
from typing import TypeAlias, TypeVar

from .frozen import Frozen

__all__ = [
    "FALSE",
    "MAX_NESTING",
    "TRUE",
    "And",
    "Const",
    "Expr",
    "Not",
    "Or",
    "Var",
    "evaluate",
    "fold",
    "nesting_depth",
    "rename",
    "substitute",
    "to_text",
    "variables",
    "walk",
]


class Const(Frozen):
    """The constant ``0`` or ``1``."""

    value: bool


class Var(Frozen):
    """The current value of a node."""

    name: str


class Not(Frozen):
    """Negation of a sub-expression."""

    arg: Expr


class And(Frozen):
    """Conjunction of two or more sub-expressions."""

    args: tuple[Expr, ...]


class Or(Frozen):
    """Disjunction of two or more sub-expressions."""

    args: tuple[Expr, ...]


Expr: TypeAlias = Const | Var | Not | And | Or
T = TypeVar("T")

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


def fold(
    expr: Expr,
    leaf: Callable[[Const | Var], T],
    negate: Callable[[Not, T], T],
    combine: Callable[[And | Or, list[T]], T],
) -> T:
    """Compute a value bottom-up over ``expr``, without recursion.

    ``leaf`` gives the value of a constant or variable, ``negate`` that of a
    negation from its argument's value, and ``combine`` that of a conjunction
    or disjunction from its arguments' values (in order).  A walker built on
    it works at any depth: Python's recursion stops at 1,000 frames.

    >>> fold(Or((Var("a"), Not(Var("b")))), lambda n: 1, lambda n, d: d + 1, lambda n, ds: 1 + max(ds))
    3
    """
    if isinstance(expr, _LEAVES):
        return leaf(expr)
    # one frame per operator being folded, as recursion would keep: the operator, its
    # arguments still to fold and the values of those done; leaves are folded without a frame
    frames: list[tuple[Not | And | Or, Iterator[Expr], list[T]]] = [(expr, _arguments(expr), [])]
    while True:
        node, args, values = frames[-1]
        for arg in args:
            if isinstance(arg, _LEAVES):
                values.append(leaf(arg))
            else:
                frames.append((arg, _arguments(arg), []))
                break
        else:
            frames.pop()
            value = negate(node, values[0]) if isinstance(node, Not) else combine(node, values)
            if not frames:
                return value
            frames[-1][2].append(value)


def _arguments(node: Not | And | Or) -> Iterator[Expr]:
    return iter((node.arg,) if isinstance(node, Not) else node.args)


_LEAVES = (Var, Const)


# The deepest expression boolnet accepts from rule text.  Several engines compile a rule by
# recursion, at up to two Python frames per level, and Python allows 1,000 frames in all;
# 200 levels leave half of them to the callers, and are 30 times the deepest rule of the
# published models in the corpus (6 levels).
MAX_NESTING = 200


def nesting_depth(expr: Expr) -> int:
    """The number of operators on the longest path from the root of ``expr`` to a leaf.

    >>> nesting_depth(And((Var("a"), Not(Or((Var("b"), Var("c")))))))
    3
    """
    return fold(expr, lambda leaf: 0, lambda node, depth: depth + 1, lambda node, depths: 1 + max(depths))


def evaluate(expr: Expr, state: Mapping[str, bool]) -> bool:
    """The value of ``expr`` in ``state`` (a mapping from node name to value).

    A reference implementation for tests and small jobs; engines compile the
    tree instead of calling this per state.
    """
    return fold(
        expr,
        lambda leaf: leaf.value if isinstance(leaf, Const) else bool(state[leaf.name]),
        lambda node, value: not value,
        lambda node, values: all(values) if isinstance(node, And) else any(values),
    )


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
    def negate(node: Not, arg: Expr) -> Expr:
        if isinstance(arg, Const):
            return Const(not arg.value)
        if isinstance(arg, Not):
            return arg.arg
        return Not(arg)

    return fold(
        expr,
        lambda node: leaf(node) if isinstance(node, Var) else node,
        negate,
        lambda node, args: _combine(And if isinstance(node, And) else Or, args),
    )


_OR, _AND, _NOT = 1, 2, 3  # binding strength: a weaker operand is parenthesized
# a sub-expression being rendered: a leaf as its text, any other as its text without its
# leading negations, its binding strength and the number of negations in front of it (so
# that a run of them is seen whole)
_Rendered: TypeAlias = str | tuple[str, int, int]


def to_text(
    expr: Expr,
    *,
    and_op: str = "&",
    or_op: str = "|",
    not_op: str = "!",
    true: str = "1",
    false: str = "0",
) -> str:
    """Render ``expr`` with the given operator spellings and minimal parentheses.

    The default spelling is the native and ``.bnet`` syntax; BooleanNet uses
    ``and_op=" and "``-style words (pass them with spaces as wanted) and
    ``true="True"``, ``false="False"`` for the constants.  A run
    of more than two negations is written shortened by pairs (``!!!a`` as
    ``!a``, ``!!!!a`` as ``!!a``), as :func:`boolnet.parsing.parse_expression`
    reads it, so that text written here reads back to the same text.

    >>> to_text(Not(Not(Not(And((Var("a"), Var("b")))))))
    '!(a & b)'
    """
    and_sep, or_sep = (f" {op.strip()} " if op.strip() == op else op for op in (and_op, or_op))

    def finish(rendered: _Rendered, parent: int) -> str:
        if isinstance(rendered, str):
            return rendered
        text, own, negations = rendered
        if negations:
            text = f"({text})" if own < _NOT else text
            text, own = not_op * _shortened(negations) + text, _NOT
        return f"({text})" if own < parent else text

    def leaf(node: Const | Var) -> _Rendered:
        if isinstance(node, Var):
            return node.name
        return true if node.value else false

    def negate(node: Not, arg: _Rendered) -> _Rendered:
        if isinstance(arg, str):
            return arg, _NOT, 1
        return arg[0], arg[1], arg[2] + 1

    def combine(node: And | Or, args: list[_Rendered]) -> _Rendered:
        own, sep = (_AND, and_sep) if isinstance(node, And) else (_OR, or_sep)
        return sep.join([arg if isinstance(arg, str) else finish(arg, own) for arg in args]), own, 0

    return finish(fold(expr, leaf, negate, combine), 0)


def _shortened(negations: int) -> int:
    """How many of a run of ``negations`` negations are written: runs over two shrink by pairs."""
    return negations if negations <= 2 else 2 - negations % 2
