"""Tokenizing and checking the syntax of one Boolean expression.

The tokenizer knows the operator spellings of every supported format
(``& | !`` and ``~``, the words ``and or not``, the constants ``0 1 true
false``) and records the line and column of every token, so that every syntax
error can point at the exact character.  :func:`check_syntax` walks the token
stream once with a two-state machine (expecting an operand / an operator) and
a stack of open parentheses; whatever passes it is handed to boolean.py for
the tree.
"""

from __future__ import annotations

import re
from enum import Enum
from typing import NamedTuple

from ..errors import InputError

__all__ = ["NAME_PATTERN", "RESERVED_WORDS", "Kind", "Position", "Token", "check_syntax", "tokenize"]


class Kind(Enum):
    """The kinds of token in an expression."""

    NAME = "name"
    CONST = "constant"
    AND = "and"
    OR = "or"
    NOT = "not"
    LPAR = "("
    RPAR = ")"


class Position(NamedTuple):
    """Where an expression's text sits in its file, for error messages."""

    source: str
    line: int
    column: int  # 1-based column of the expression's first character
    text: str  # the whole line


class Token(NamedTuple):
    """One token: its kind, its text and its 1-based column in the source line.

    A named tuple rather than a dataclass: rules of published models run to
    tens of thousands of tokens, and a tuple is several times faster to make.
    """

    kind: Kind
    text: str
    column: int


NAME_PATTERN = r"[A-Za-z_][A-Za-z0-9_]*"
_NAME = re.compile(NAME_PATTERN)
_WORDS = {
    "and": Kind.AND,
    "or": Kind.OR,
    "not": Kind.NOT,
    "true": Kind.CONST,
    "false": Kind.CONST,
}
RESERVED_WORDS = frozenset(_WORDS)
_SYMBOLS = {"&": Kind.AND, "|": Kind.OR, "!": Kind.NOT, "~": Kind.NOT, "(": Kind.LPAR, ")": Kind.RPAR}
_HINTS = {
    "*": "write 'and' or '&' for a conjunction",
    "+": "write 'or' or '|' for a disjunction",
    "=": "a rule has a single '='",
    ",": "a rule has a single ','",
    "^": "exclusive or is written '(a & !b) | (!a & b)'",
}


# one token after optional spaces: an operator or parenthesis, a constant 0/1, or a name
_TOKEN = re.compile(r"\s*(?:(&&|\|\||[&|!~()])|([01])(?![A-Za-z0-9_])|(" + NAME_PATTERN + "))")


def tokenize(text: str, where: Position) -> list[Token]:
    """Split expression ``text`` into tokens, with columns relative to ``where``.

    Complexity: one regular-expression match per token.

    Raises
    ------
    InputError
        On a character that belongs to no token.
    """
    tokens: list[Token] = []
    append = tokens.append
    match = _TOKEN.match
    offset = where.column
    position, end = 0, len(text)
    while position < end:
        found = match(text, position)
        if found is None:
            rest = text[position:]
            if not rest.strip():
                break
            position += len(rest) - len(rest.lstrip())
            char = text[position]
            raise InputError.at(
                where, f"unexpected character {char!r}", column=offset + position, hint=_HINTS.get(char)
            )
        symbol, constant, name = found.groups()
        start = found.start(found.lastindex or 0)
        if symbol is not None:
            append(Token(_SYMBOLS[symbol[0]], symbol, offset + start))
        elif constant is not None:
            append(Token(Kind.CONST, constant, offset + start))
        else:
            append(Token(_WORDS.get(name.lower(), Kind.NAME), name, offset + start))
        position = found.end()
    return tokens


def _describe(token: Token) -> str:
    return f"'{token.text}'"


def check_syntax(tokens: list[Token], where: Position, end_column: int) -> None:
    """Check that ``tokens`` form one well-formed expression.

    ``end_column`` is the column just after the expression, where an error
    about a missing operand at the end points.

    Raises
    ------
    InputError
        With the first mistake: a missing operand or operator, an unbalanced
        parenthesis, or an empty expression.
    """
    if not tokens:
        raise InputError.at(where, "expected an expression", column=end_column)
    open_parens: list[Token] = []
    expect_operand = True
    previous: Token | None = None
    for token in tokens:
        if expect_operand:
            if token.kind in (Kind.NAME, Kind.CONST):
                expect_operand = False
            elif token.kind is Kind.LPAR:
                open_parens.append(token)
            elif token.kind is Kind.NOT:
                pass
            elif previous is None:
                raise InputError.at(
                    where, f"expected a node name before {_describe(token)}", column=token.column
                )
            elif previous.kind is Kind.LPAR and token.kind is Kind.RPAR:
                raise InputError.at(where, "empty parentheses", column=previous.column)
            else:
                raise InputError.at(
                    where, f"expected a node name after {_describe(previous)}", column=token.column
                )
        else:
            if token.kind in (Kind.AND, Kind.OR):
                expect_operand = True
            elif token.kind is Kind.RPAR:
                if not open_parens:
                    raise InputError.at(where, "unbalanced ')': no '(' opens it", column=token.column)
                open_parens.pop()
            else:
                assert previous is not None  # an operand came before
                raise InputError.at(
                    where,
                    f"expected an operator ('&' or '|') between {_describe(previous)} and {_describe(token)}",
                    column=token.column,
                )
        previous = token
    if expect_operand:
        assert previous is not None
        raise InputError.at(where, f"expected a node name after {_describe(previous)}", column=end_column)
    if open_parens:
        raise InputError.at(where, "unbalanced '(': no ')' closes it", column=open_parens[-1].column)
