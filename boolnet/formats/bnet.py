"""The ``.bnet`` format of BoolNet, PyBoolNet, AEON and the BBM corpus.

::

    targets, factors
    EGFR, EGFR
    STAT3, JAK & !SOCS3

The ``targets, factors`` header is optional; ``#`` starts a comment.  Inputs
are written ``X, X``.  Phenotype and read-out declarations have no place in
``.bnet`` and are not written.
"""

from __future__ import annotations

import re
from pathlib import Path

from ..errors import InputError
from ..expr import to_text
from ..model import Network, Rule, SourceLocation
from ..parsing import decode_text, parse_assignment, split_comment

__all__ = ["format_bnet", "parse_bnet", "read_bnet", "write_bnet"]

_HEADER = re.compile(r"\s*targets\s*,\s*factors\s*$", re.IGNORECASE)


def parse_bnet(text: str, source: str = "<bnet>") -> Network:
    """Parse ``.bnet`` text into a :class:`Network` (node order = line order).

    Raises
    ------
    InputError
        For a syntax error (with line and column) or an empty file.
    ModelError
        For a node defined twice or an undefined node.
    """
    rules: list[Rule] = []
    for number, line in enumerate(text.splitlines(), start=1):
        content = split_comment(line)
        if not content.strip() or _HEADER.match(content):
            continue
        parsed = parse_assignment(line, number, source, separator=",")
        rules.append(Rule(parsed.target, parsed.expr, SourceLocation(source, number, line)))
    if not rules:
        raise InputError("no rules found: the file is empty or holds only comments", source=source)
    return Network(tuple(rules), name=source)


def read_bnet(path: str | Path) -> Network:
    """Read a ``.bnet`` file (see :func:`parse_bnet`)."""
    path = Path(path)
    return parse_bnet(decode_text(path.read_bytes(), str(path)), str(path))


def format_bnet(network: Network) -> str:
    """The ``.bnet`` text of ``network``, with the ``targets, factors`` header."""
    width = max(len(node) for node in network.nodes) + 1
    lines = ["targets, factors"]
    lines += [f"{rule.target + ',':<{width}} {to_text(rule.expr)}" for rule in network.rules]
    return "\n".join(lines) + "\n"


def write_bnet(network: Network, path: str | Path) -> None:
    """Write ``network`` as ``.bnet``."""
    Path(path).write_text(format_bnet(network), encoding="utf-8")
