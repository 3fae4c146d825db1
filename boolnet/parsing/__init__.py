"""Parsing rule text: expressions (through boolean.py) and the lines that hold them."""

from .expressions import parse_expression as parse_expression
from .lines import (
    Assignment as Assignment,
    decode_text as decode_text,
    parse_assignment as parse_assignment,
    split_comment as split_comment,
)
from .tokens import Position as Position

__all__ = ["parse_expression", "Assignment", "decode_text", "parse_assignment", "split_comment", "Position"]
