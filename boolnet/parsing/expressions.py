"""Parsing one Boolean expression with boolean.py.

This is the only module of boolnet that imports boolean.py.  Our tokenizer
(:mod:`.tokens`) finds and checks the tokens, so that syntax errors carry exact
columns; boolean.py then builds the tree with the usual precedence
(``not`` binds tighter than ``and``, which binds tighter than ``or``), and the
tree is converted to boolnet's own immutable :mod:`boolnet.expr` form.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import boolean

from ..errors import InputError
from ..expr import FALSE, MAX_NESTING, TRUE, And, Expr, Not, Or, Var, nesting_depth
from .tokens import NAME_PATTERN, Kind, Position, Token, check_syntax, tokenize

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
        symbols: dict[str, Any] = {}  # one symbol per name: rules repeat names thousands of times
        for token in self.pending:
            if token.kind is Kind.NAME:
                symbol = symbols.get(token.text)
                if symbol is None:
                    symbol = symbols[token.text] = self.Symbol(token.text)
                yield symbol, token.text, token.column
            elif token.kind is Kind.CONST:
                value = token.text.lower() in ("1", "true")
                yield (boolean.TOKEN_TRUE if value else boolean.TOKEN_FALSE), token.text, token.column
            else:
                yield _TOKEN_TYPES[token.kind], token.text, token.column


_ALGEBRA = _Algebra()


def _negation(arg: Expr) -> Expr:
    """``!arg``, a third negation in a row cancelling the two below it (``!!!a`` is ``!a``).

    Runs of negations thus stay at most two long, however many are written,
    so that no engine has to recurse through them; two are kept as written
    (``!!a``), as are all other operators.
    """
    if isinstance(arg, Not) and isinstance(arg.arg, Not):
        return arg.arg
    return Not(arg)


def _convert(root: Any) -> Expr:
    """Convert a boolean.py tree, iteratively: long rules nest thousands deep.

    A post-order walk with a stack of converted sub-expressions; each name
    becomes one shared :class:`Var`.  Linear in the size of the tree.
    """
    symbol, negation, conjunction = _ALGEBRA.Symbol, _ALGEBRA.NOT, _ALGEBRA.AND
    names: dict[str, Var] = {}
    done: list[Expr] = []  # the converted operands, innermost last
    stack: list[tuple[Any, bool]] = [(root, False)]
    while stack:
        node, children_done = stack.pop()
        if children_done:
            count = len(node.args)
            operands = done[-count:]
            del done[-count:]
            if isinstance(node, negation):
                done.append(_negation(operands[0]))
                continue
            kind = And if isinstance(node, conjunction) else Or
            args: list[Expr] = []
            for arg in operands:
                # a & (b & c) is a & b & c: flatten, so that printing and parsing round-trip
                args.extend(arg.args if isinstance(arg, kind) else (arg,))
            done.append(kind(tuple(args)))
        elif isinstance(node, symbol):
            name = str(node.obj)
            var = names.get(name)
            if var is None:
                var = names[name] = Var(name)
            done.append(var)
        elif node is _ALGEBRA.TRUE:
            done.append(TRUE)
        elif node is _ALGEBRA.FALSE:
            done.append(FALSE)
        else:
            stack.append((node, True))
            stack.extend((arg, False) for arg in reversed(node.args))
    return done[0]


def parse_expression(text: str, where: Position | None = None) -> Expr:
    """Parse a Boolean expression such as ``"JAK & !(SOCS3 | PIAS3)"``.

    Operators: ``&``/``and``, ``|``/``or``, ``!``/``~``/``not``, parentheses;
    constants ``0 1 true false`` (case-insensitive words).  The tree keeps the
    structure written, except that nested operators of one kind are
    flattened (``a & (b & c)`` is ``a & b & c``) and a run of more than two
    negations is shortened by pairs (``!!!a`` is ``!a``, ``!!!!a`` is
    ``!!a``); nothing else is simplified.

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
        With the position of the first syntax error, or of the expression
        when it nests too deep.

    Notes
    -----
    Expressions may nest at most :data:`boolnet.expr.MAX_NESTING` operators
    deep (after the flattening and shortening above; parentheses alone do not
    count): the engines compile rules by recursion.  Published models stay
    below ten levels.

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
    expr = _convert(tree)
    depth = nesting_depth(expr)
    if depth > MAX_NESTING:
        raise InputError.at(
            where,
            f"{_subject(where)} nests {depth} levels deep; at most {MAX_NESTING} are supported",
            column=tokens[0].column,
        )
    return expr


def _subject(where: Position) -> str:
    """What the expression at ``where`` defines, for messages: the name before it on its line, if any."""
    match = re.match(rf"\s*({NAME_PATTERN})", where.text[: where.column - 1])
    return f"the expression for '{match.group(1)}'" if match else "the expression"
