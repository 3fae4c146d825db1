"""Reading text files and splitting ``target <sep> expression`` lines.

Every rule format boolnet reads is line based: a target name, a separator
(``=``, ``*=`` or ``,``), and an expression, with ``#`` comments.  This module
turns bytes into checked text and one such line into its parts, with exact
columns for every error.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from ..errors import InputError
from ..expr import Expr
from .expressions import parse_expression
from .tokens import NAME_PATTERN, RESERVED_WORDS, Position

__all__ = ["Assignment", "decode_text", "parse_assignment", "split_comment"]

_NAME = re.compile(NAME_PATTERN)


class Assignment(NamedTuple):
    """One parsed ``target <sep> expression`` line."""

    target: str
    expr: Expr
    line: int
    text: str
    starred: bool = False  # BooleanNet's ``target* = ...``


def decode_text(data: bytes, source: str) -> str:
    """Decode a rule file's bytes as UTF-8 text (UTF-16 when it opens with its byte order mark).

    Windows editors save "Unicode" text as UTF-16 with a byte order mark;
    anything else must be UTF-8 (a UTF-8 byte order mark is allowed).

    Raises
    ------
    InputError
        For a file that contains NUL bytes (binary) or is not valid UTF-8;
        the message gives the line and column of the first bad byte.
    """
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise InputError(
                "not a valid UTF-16 text file", source=source, hint="save the file as UTF-8"
            ) from None
    if b"\x00" in data:
        line = data.count(b"\n", 0, data.index(b"\x00")) + 1
        raise InputError("this is a binary file, not a text file of rules", source=source, line=line)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        start = data.rfind(b"\n", 0, exc.start) + 1
        line = data.count(b"\n", 0, exc.start) + 1
        column = len(data[start : exc.start].decode("utf-8", errors="replace")) + 1
        raise InputError(
            f"not a UTF-8 text file (byte 0x{data[exc.start]:02x} cannot be decoded)",
            source=source,
            line=line,
            column=column,
            hint="save the file as UTF-8",
        ) from None
    return text


def split_comment(line: str) -> str:
    """The part of ``line`` before a ``#`` comment."""
    return line.split("#", 1)[0]


def parse_assignment(
    line_text: str,
    line_number: int,
    source: str,
    *,
    separator: str,
    allow_star: bool = False,
    what: str = "rule",
    start: int = 0,
) -> Assignment:
    """Parse one ``target <separator> expression`` line (a ``#`` comment may follow).

    With ``allow_star``, the BooleanNet form ``target* = expression`` is also
    accepted and flagged ``starred``.  ``start`` is the 0-based offset where
    the target may begin, after a keyword (``phenotype``) or a BooleanNet rank
    (``1:``) that the caller has read: columns stay those of the whole line.

    Raises
    ------
    InputError
        For a missing or invalid target name, a reserved word used as a name,
        a missing separator, or any syntax error in the expression.
    """
    content = split_comment(line_text)

    def error(message: str, column: int) -> InputError:
        return InputError(message, source=source, line=line_number, column=column, source_line=line_text)

    def skip_spaces(position: int) -> int:
        while position < len(content) and content[position].isspace():
            position += 1
        return position

    position = skip_spaces(start)
    match = _NAME.match(content, position)
    if not match:
        raise error(f"expected a node name at the start of the {what}", position + 1)
    target = match.group()
    if target.lower() in RESERVED_WORDS:
        raise error(f"'{target}' is a reserved word and cannot name a node", position + 1)
    position = skip_spaces(match.end())
    starred = allow_star and content.startswith("*", position)
    if starred:
        position = skip_spaces(position + 1)
    if not content.startswith(separator, position):
        raise error(f"expected '{separator}' after the node name '{target}'", position + 1)
    start = position + len(separator)
    where = Position(source, line_number, start + 1, line_text)
    expr = parse_expression(content[start:], where)
    return Assignment(target, expr, line_number, line_text, starred)
