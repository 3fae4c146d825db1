"""Parsing rule text: expressions (through boolean.py) and the lines that hold them."""

from .expressions import parse_expression as parse_expression
from .lines import (
    Assignment as Assignment,
)
from .lines import (
    decode_text as decode_text,
)
from .lines import (
    parse_assignment as parse_assignment,
)
from .lines import (
    split_comment as split_comment,
)
from .tokens import Position as Position

__all__ = ["Assignment", "Position", "decode_text", "parse_assignment", "parse_expression", "split_comment"]
