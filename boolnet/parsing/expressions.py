"""Parsing one Boolean expression with boolean.py.

This is the only module of boolnet that imports boolean.py.  Our tokenizer
(:mod:`.tokens`) finds and checks the tokens, so that syntax errors carry exact
columns; boolean.py then builds the tree with the usual precedence
(``not`` binds tighter than ``and``, which binds tighter than ``or``), and the
tree is converted to boolnet's own immutable :mod:`boolnet.expr` form.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import boolean

from ..expr import FALSE, TRUE, And, Expr, Not, Or, Var
from .tokens import Kind, Position, Token, check_syntax, tokenize

__all__ = ["parse_expression"]

_TOKEN_TYPES = {
    Kind.AND: boolean.TOKEN_AND,
    Kind.OR: boolean.TOKEN_OR,
    Kind.NOT: boolean.TOKEN_NOT,
    Kind.LPAR: boolean.TOKEN_LPAR,
    Kind.RPAR: boolean.TOKEN_RPAR,
}


class _Algebra(boolean.BooleanAlgebra):  # type: ignore[misc]
    """A boolean.py algebra fed with tokens our tokenizer has already checked."""

    def __init__(self) -> None:
        super().__init__()
        self.pending: list[Token] = []

    def tokenize(self, expr: str) -> Iterator[tuple[Any, str, int]]:
        for token in self.pending:
            if token.kind is Kind.NAME:
                yield self.Symbol(token.text), token.text, token.column
            elif token.kind is Kind.CONST:
                value = token.text.lower() in ("1", "true")
                yield (boolean.TOKEN_TRUE if value else boolean.TOKEN_FALSE), token.text, token.column
            else:
                yield _TOKEN_TYPES[token.kind], token.text, token.column


_ALGEBRA = _Algebra()


def _leaf(node: Any) -> Expr | None:
    if node is _ALGEBRA.TRUE:
        return TRUE
    if node is _ALGEBRA.FALSE:
        return FALSE
    if isinstance(node, _ALGEBRA.Symbol):
        return Var(str(node.obj))
    return None


def _convert(root: Any) -> Expr:
    """Convert a boolean.py tree, iteratively: long rules nest thousands deep."""
    done: dict[int, Expr] = {}
    stack: list[tuple[Any, bool]] = [(root, False)]
    while stack:
        node, children_done = stack.pop()
        leaf = _leaf(node)
        if leaf is not None:
            done[id(node)] = leaf
        elif not children_done:
            stack.append((node, True))
            stack.extend((arg, False) for arg in node.args)
        elif isinstance(node, _ALGEBRA.NOT):
            done[id(node)] = Not(done[id(node.args[0])])
        else:
            kind = And if isinstance(node, _ALGEBRA.AND) else Or
            args: list[Expr] = []
            for arg in (done[id(child)] for child in node.args):
                # a & (b & c) is a & b & c: flatten, so that printing and parsing round-trip
                args.extend(arg.args if isinstance(arg, kind) else (arg,))
            done[id(node)] = kind(tuple(args))
    return done[id(root)]


def parse_expression(text: str, where: Position | None = None) -> Expr:
    """Parse a Boolean expression such as ``"JAK & !(SOCS3 | PIAS3)"``.

    Operators: ``&``/``and``, ``|``/``or``, ``!``/``~``/``not``, parentheses;
    constants ``0 1 true false`` (case-insensitive words).  The tree keeps the
    structure written, except that nested operators of one kind are
    flattened (``a & (b & c)`` is ``a & b & c``); nothing is simplified.

    Parameters
    ----------
    text
        The expression.
    where
        Where ``text`` sits in its file, so that errors point at the right
        line and column; defaults to a one-line ``<expression>``.

    Raises
    ------
    InputError
        With the position of the first syntax error.

    Examples
    --------
    >>> from boolnet.expr import to_text
    >>> to_text(parse_expression("a and not (b or c)"))
    'a & !(b | c)'
    """
    where = where or Position("<expression>", 1, 1, text)
    tokens = tokenize(text, where)
    check_syntax(tokens, where, where.column + len(text.rstrip()))
    _ALGEBRA.pending = tokens
    try:
        tree = _ALGEBRA.parse("", simplify=False)
    finally:
        _ALGEBRA.pending = []
    return _convert(tree)
