"""The native rule format (``.txt``, ``.rules``) and BooleanNet-style rules.

A ``.txt`` file whose first line (comments aside) is BoolNet's ``targets,
factors`` header is a BoolNet file and is read as ``.bnet``.

Native format, one rule a line::

    # IL-6 tumorigenesis (comments start with '#', e.g. citations)
    EGFR = EGFR                      # an input: its rule names only itself
    STAT3 = JAK & !SOCS3             # operators & | ! (or ~), parentheses
    Notch3 = JAK or Jagged1          # the words and, or, not work too
    Const_on = 1                     # constants 0 1 true false
    readout Proliferation, SelfRenewal
    phenotype Tumorigenic = STAT3 & (SelfRenewal | HypoxiaSurvival)

BooleanNet files write rules as ``STAT3* = JAK and not SOCS3``; in such a file
the lines without a star (``STAT3 = False``, ``A = Random``) set initial values
for simulations and are skipped here.  ``phenotype NAME = expression`` lines
declare named phenotypes (conditions on states), used by screens.
``readout NODE, NODE...`` lines declare nodes that read out a phenotype
(proliferation, apoptosis...) rather than act as drug targets: screens leave
them out of their default candidates.
"""

from __future__ import annotations

import re
from pathlib import Path

from ..errors import InputError
from ..expr import to_text
from ..model import Network, Phenotype, Rule, SourceLocation, suggest
from ..parsing import Assignment, decode_text, parse_assignment, split_comment
from ..parsing.tokens import NAME_PATTERN
from .bnet import has_bnet_header, parse_bnet

__all__ = ["format_rules", "parse_rules", "read_rules", "write_rules"]

_PHENOTYPE = re.compile(r"\s*phenotype\s+")
_READOUT = re.compile(r"\s*readout(?=\s|$)(?!\s*[*=])")
_NAME = re.compile(NAME_PATTERN)
_INITIAL_VALUE = re.compile(r"\s*[A-Za-z_][A-Za-z0-9_]*\s*=\s*(?:true|false|random|0|1)\s*$", re.IGNORECASE)
_STARRED = re.compile(r"\s*[A-Za-z_][A-Za-z0-9_]*\s*\*\s*=")


def parse_rules(text: str, source: str = "<rules>") -> Network:
    """Parse native or BooleanNet rule text into a :class:`Network`.

    The node order is the order of the rules.  A file is read as BooleanNet
    when a rule is starred (``X* = ...``).  Text whose first line (comments
    aside) is BoolNet's ``targets, factors`` header is read as ``.bnet`` (see
    :func:`~boolnet.formats.bnet.parse_bnet`): BoolNet's own examples are
    ``.txt`` files.

    Raises
    ------
    InputError
        For a syntax error (with line and column), an empty file, or a
        BooleanNet file that mixes in plain rules.
    ModelError
        For a node defined twice or an undefined node.
    """
    if has_bnet_header(text):
        return parse_bnet(text, source)
    lines = text.splitlines()
    boolean_net = any(_STARRED.match(split_comment(line)) for line in lines)
    rules: list[Rule] = []
    phenotypes: list[Phenotype] = []
    readouts: list[tuple[str, int, SourceLocation]] = []  # name, column, where
    for number, line in enumerate(lines, start=1):
        content = split_comment(line)
        if not content.strip():
            continue
        location = SourceLocation(source, number, line)
        if match := _READOUT.match(content):
            readouts += _readout_names(content, match.end(), location)
            continue
        if match := _PHENOTYPE.match(content):
            masked = " " * match.end() + line[match.end() :]  # keep columns
            parsed = parse_assignment(masked, number, source, separator="=", what="phenotype")
            phenotypes.append(Phenotype(parsed.target, parsed.expr, SourceLocation(source, number, line)))
            continue
        if boolean_net and _INITIAL_VALUE.match(content):
            continue
        parsed = parse_assignment(line, number, source, separator="=", allow_star=boolean_net)
        if boolean_net and not parsed.starred:
            raise InputError.at(
                location,
                f"plain rule for '{parsed.target}' in a BooleanNet file; write '{parsed.target}* = ...'",
                column=len(content) - len(content.lstrip()) + 1,
            )
        rules.append(_rule(parsed, location))
    if not rules:
        raise InputError("no rules found: the file is empty or holds only comments", source=source)
    _check_phenotype_names(phenotypes, rules)
    _check_readouts(readouts, rules)
    names = tuple(dict.fromkeys(name for name, _, _ in readouts))
    return Network(tuple(rules), tuple(phenotypes), name=source, readouts=names)


def _rule(parsed: Assignment, location: SourceLocation) -> Rule:
    return Rule(parsed.target, parsed.expr, location)


def _check_phenotype_names(phenotypes: list[Phenotype], rules: list[Rule]) -> None:
    nodes = {rule.target for rule in rules}
    seen: dict[str, int] = {}
    for phenotype in phenotypes:
        location = phenotype.location
        assert location is not None  # set by the parser above
        column = location.text.index(phenotype.name) + 1
        if phenotype.name in nodes:
            raise InputError.at(
                location, f"phenotype '{phenotype.name}' has the name of a node", column=column
            )
        if phenotype.name in seen:
            raise InputError.at(
                location,
                f"phenotype '{phenotype.name}' is defined twice (first on line {seen[phenotype.name]})",
                column=column,
            )
        seen[phenotype.name] = location.line


def _readout_names(
    content: str, start: int, location: SourceLocation
) -> list[tuple[str, int, SourceLocation]]:
    """The names of a ``readout A, B`` line (from ``start``), each with its 1-based column."""
    names: list[tuple[str, int, SourceLocation]] = []
    position = start
    while True:
        while position < len(content) and content[position].isspace():
            position += 1
        match = _NAME.match(content, position)
        if not match:
            raise InputError.at(location, "expected a node name in the read-out list", column=position + 1)
        names.append((match.group(), position + 1, location))
        position = match.end()
        while position < len(content) and content[position].isspace():
            position += 1
        if position == len(content):
            return names
        if content[position] != ",":
            raise InputError.at(location, "expected ',' between read-out names", column=position + 1)
        position += 1


def _check_readouts(readouts: list[tuple[str, int, SourceLocation]], rules: list[Rule]) -> None:
    by_name = {rule.target: rule for rule in rules}
    for name, column, location in readouts:
        if name not in by_name:
            hint = suggest(name, by_name)
            raise InputError.at(location, f"read-out '{name}' is not a node", column=column, hint=hint)
        if by_name[name].is_input:
            raise InputError.at(
                location,
                f"read-out '{name}' is an input",
                column=column,
                hint="an input is set from outside (a mutation, a drug); a read-out reports a phenotype",
            )


def read_rules(path: str | Path) -> Network:
    """Read a native or BooleanNet rule file (see :func:`parse_rules`)."""
    path = Path(path)
    return parse_rules(decode_text(path.read_bytes(), str(path)), str(path))


def format_rules(network: Network) -> str:
    """The native text of ``network``: one ``node = expression`` line per node."""
    width = max(len(node) for node in network.nodes)
    lines = [f"{rule.target:<{width}} = {to_text(rule.expr)}" for rule in network.rules]
    if network.readouts:
        lines.append(f"readout {', '.join(network.readouts)}")
    lines += [f"phenotype {p.name} = {to_text(p.expr)}" for p in network.phenotypes]
    return "\n".join(lines) + "\n"


def write_rules(network: Network, path: str | Path) -> None:
    """Write ``network`` in the native format."""
    Path(path).write_text(format_rules(network), encoding="utf-8")
