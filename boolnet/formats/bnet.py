"""The ``.bnet`` format of BoolNet, PyBoolNet, AEON and the BBM corpus.

::

    targets, factors
    EGFR, EGFR
    STAT3, JAK & !SOCS3

The ``targets, factors`` header is optional (only a file's first line that
holds more than a comment can be it, so a node may be called ``targets``);
``#`` starts a comment.  Inputs are written ``X, X``.  Phenotype and read-out declarations have no place in
``.bnet`` and are not written.  BoolNet's probabilistic networks (a
``probabilities`` column, several rules for one target) are refused with a
clear message: boolnet reads one deterministic rule per node.
"""

from __future__ import annotations

import re
from pathlib import Path

from ..errors import InputError
from ..expr import to_text
from ..model import Network, Rule, SourceLocation
from ..parsing import decode_text, parse_assignment, split_comment

__all__ = ["format_bnet", "has_bnet_header", "parse_bnet", "read_bnet", "write_bnet"]

_HEADER = re.compile(
    r"\s*targets\s*,\s*factors\s*(?:,\s*(?P<probabilities>probabilities)\s*)?$", re.IGNORECASE
)
# a third, numeric column after the rule: BoolNet's probability of choosing it
_PROBABILITY = re.compile(r",\s*[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?\s*$")
_PROBABILISTIC = "probabilistic BoolNet networks are not supported"
_ONE_RULE = "boolnet reads one deterministic rule per node"


def has_bnet_header(text: str) -> bool:
    """True when the first line of ``text`` that holds more than a comment is ``targets, factors``."""
    for line in text.splitlines():
        content = split_comment(line)
        if content.strip():
            return _HEADER.match(content) is not None
    return False


def parse_bnet(text: str, source: str = "<bnet>") -> Network:
    """Parse ``.bnet`` text into a :class:`Network` (node order = line order).

    Raises
    ------
    InputError
        For a syntax error (with line and column), an empty file, or a
        probabilistic BoolNet network (a ``probabilities`` column).
    ModelError
        For a node defined twice or an undefined node.
    """
    rules: list[Rule] = []
    first = True  # only the first line that holds more than a comment can be the header
    for number, line in enumerate(text.splitlines(), start=1):
        content = split_comment(line)
        if not content.strip():
            continue
        location = SourceLocation(source, number, line)
        if first and (header := _HEADER.match(content)):
            first = False
            if header.group("probabilities"):
                column = header.start("probabilities") + 1
                message = f"{_PROBABILISTIC} (the header has a 'probabilities' column)"
                raise InputError.at(location, message, column=column, hint=_ONE_RULE)
            continue
        first = False
        _refuse_probability(content, location)
        parsed = parse_assignment(line, number, source, separator=",")
        rules.append(Rule(parsed.target, parsed.expr, location))
    if not rules:
        raise InputError("no rules found: the file is empty or holds only comments", source=source)
    return Network(tuple(rules), name=source)


def _refuse_probability(content: str, location: SourceLocation) -> None:
    """Refuse a rule line with a probability column (``A, B & C, 0.5``), pointing at its ','."""
    separator = content.find(",")
    match = _PROBABILITY.search(content, separator + 1) if separator >= 0 else None
    if match:
        raise InputError.at(
            location,
            f"{_PROBABILISTIC} (this rule has a probability column)",
            column=match.start() + 1,
            hint=_ONE_RULE,
        )


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
