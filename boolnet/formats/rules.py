"""The native rule format (``.txt``, ``.rules``) and BooleanNet (``.booleannet``).

Native format, one rule a line::

    # IL-6 tumorigenesis (comments start with '#', e.g. citations)
    EGFR = EGFR                      # an input: its rule names only itself
    STAT3 = JAK & !SOCS3             # operators & | ! (or ~), parentheses
    Notch3 = JAK or Jagged1          # the words and, or, not work too
    Const_on = 1                     # constants 0 1 true false
    readout Proliferation, SelfRenewal
    phenotype Tumorigenic = STAT3 & (SelfRenewal | HypoxiaSurvival)

``phenotype NAME = expression`` lines declare named phenotypes (conditions on
states), used by screens.  ``readout NODE, NODE...`` lines declare nodes that
read out a phenotype (proliferation, apoptosis...) rather than act as drug
targets: screens leave them out of their default candidates.

BooleanNet files write rules as ``STAT3* = JAK and not SOCS3``; in such a file
the lines without a star (``STAT3 = False``, ``A = B = Random``) set initial
values for simulations and are skipped here, except that a node with an
initial value and no rule keeps its value: an input.  Ranks before rules
(``1: A* = B``) are read and ignored, as BooleanNet ignores them under
synchronous and asynchronous updates (see :func:`parse_booleannet`).  A
``.txt`` or ``.rules`` file is read as BooleanNet when a rule is starred, and
as ``.bnet`` when its first line (comments aside) is BoolNet's ``targets,
factors`` header; a ``.booleannet`` file is always BooleanNet, and is written
in BooleanNet syntax (see :func:`format_booleannet`).
"""

from __future__ import annotations

import re
from pathlib import Path

from ..errors import InputError, ModelError
from ..expr import Expr, Var, to_text
from ..model import Network, Phenotype, Rule, SourceLocation, suggest, word_column
from ..parsing import decode_text, parse_assignment, split_comment
from ..parsing.tokens import NAME_PATTERN
from .bnet import has_bnet_header, parse_bnet

__all__ = [
    "format_booleannet",
    "format_rules",
    "parse_booleannet",
    "parse_rules",
    "read_booleannet",
    "read_rules",
    "write_booleannet",
    "write_rules",
]

_PHENOTYPE = re.compile(r"\s*phenotype(?=\s)(?!\s*[*=])\s+")  # "phenotype = A" is a rule
_READOUT = re.compile(r"\s*readout(?=\s|$)(?!\s*[*=])")
_NAME = re.compile(NAME_PATTERN)
# BooleanNet's initial values: ``A = True``, ``A = B = C = Random``
_INITIAL_VALUE = re.compile(rf"\s*((?:{NAME_PATTERN}\s*=\s*)+)(?:true|false|random|0|1)\s*$", re.IGNORECASE)
_RANK = re.compile(r"\s*\d+\s*:")  # BooleanNet's rank before a rule: ``1: A* = B``
_STARRED = re.compile(rf"(?:{_RANK.pattern})?\s*{NAME_PATTERN}\s*\*\s*=")


def parse_rules(text: str, source: str = "<rules>") -> Network:
    """Parse native or BooleanNet rule text into a :class:`Network`.

    The node order is the order of the rules.  Text with a starred rule
    (``X* = ...``) is read as BooleanNet (see :func:`parse_booleannet`).
    Text whose first line (comments aside) is BoolNet's ``targets, factors``
    header is read as ``.bnet`` (see :func:`~boolnet.formats.bnet.parse_bnet`):
    BoolNet's own examples are ``.txt`` files.

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
    boolean_net = any(_STARRED.match(split_comment(line)) for line in text.splitlines())
    return _parse(text, source, boolean_net=boolean_net)


def parse_booleannet(text: str, source: str = "<booleannet>") -> Network:
    """Parse BooleanNet text into a :class:`Network`.

    Rules are starred, ``A* = B and not C``.  Lines such as ``A = True`` or
    ``A = B = Random`` set initial values for BooleanNet's simulations; boolnet
    has no initial state, so they are skipped, except that a node with an
    initial value and no rule keeps that value, as in BooleanNet: it is read
    as an input (``A* = A``), after the nodes that have rules.  A rank before a
    rule (``1: A* = B``) orders BooleanNet's ranked updates; BooleanNet ignores
    ranks under its synchronous and asynchronous updates, and boolnet, which
    has only those, reads and ignores them.  ``phenotype`` and ``readout``
    lines are read as in the native format.

    Raises
    ------
    InputError
        For a syntax error (with line and column), an empty file, or a plain
        ``A = expression`` rule, which BooleanNet would read as an initial
        value.
    ModelError
        For a node defined twice or an undefined node (with a hint in
        BooleanNet syntax).
    """
    return _parse(text, source, boolean_net=True)


def _parse(text: str, source: str, *, boolean_net: bool) -> Network:
    """Native rules, or BooleanNet ones when ``boolean_net``, with phenotypes and read-outs."""
    rules: list[Rule] = []
    phenotypes: list[Phenotype] = []
    readouts: list[tuple[str, int, SourceLocation]] = []  # name, column, where
    initialised: dict[str, SourceLocation] = {}  # BooleanNet nodes with an initial value, and where
    for number, line in enumerate(text.splitlines(), start=1):
        content = split_comment(line)
        if not content.strip():
            continue
        location = SourceLocation(source, number, line)
        if match := _READOUT.match(content):
            readouts += _readout_names(content, match.end(), location)
        elif match := _PHENOTYPE.match(content):
            parsed = parse_assignment(
                line, number, source, separator="=", what="phenotype", start=match.end()
            )
            phenotypes.append(Phenotype(parsed.target, parsed.expr, location))
        elif boolean_net and (initial := _INITIAL_VALUE.match(content)):
            for name in _NAME.findall(initial.group(1)):
                initialised.setdefault(name, location)
        else:
            rules.append(_booleannet_rule(location) if boolean_net else _native_rule(location))
    defined = {rule.target for rule in rules}
    rules += [Rule(name, Var(name), where) for name, where in initialised.items() if name not in defined]
    if not rules:
        raise InputError("no rules found: the file is empty or holds only comments", source=source)
    if boolean_net:
        _check_booleannet_references(rules)
    _check_phenotype_names(phenotypes, rules)
    _check_readouts(readouts, rules)
    names = tuple(dict.fromkeys(name for name, _, _ in readouts))
    return Network(tuple(rules), tuple(phenotypes), name=source, readouts=names)


def _native_rule(location: SourceLocation) -> Rule:
    parsed = parse_assignment(location.text, location.line, location.source, separator="=")
    return Rule(parsed.target, parsed.expr, location)


def _booleannet_rule(location: SourceLocation) -> Rule:
    """A BooleanNet rule, ``A* = expression``, after an optional rank (``1:``), which is ignored."""
    rank = _RANK.match(location.text)
    start = rank.end() if rank else 0
    parsed = parse_assignment(
        location.text, location.line, location.source, separator="=", allow_star=True, start=start
    )
    if not parsed.starred:
        raise InputError.at(
            location,
            f"plain rule for '{parsed.target}' in a BooleanNet file; write '{parsed.target}* = ...'",
            column=location.text.index(parsed.target, start) + 1,
        )
    return Rule(parsed.target, parsed.expr, location)


def _check_booleannet_references(rules: list[Rule]) -> None:
    """Refuse a rule that reads a node with neither a rule nor an initial value, with a BooleanNet hint."""
    known = {rule.target for rule in rules}
    for rule in rules:
        for name in sorted(rule.regulators - known):
            raise _undefined_in_booleannet(name, rule, known)


def _undefined_in_booleannet(name: str, rule: Rule, known: set[str]) -> ModelError:
    assert rule.location is not None  # set by the parser above
    column = word_column(rule.location, name)
    if name == "Random":  # BooleanNet's random value, not a node
        return ModelError.at(
            rule.location,
            "'Random' in a rule is not supported",
            column=column,
            hint="boolnet's rules are deterministic",
        )
    hint = (
        suggest(name, known)
        or f"give it a rule ('{name}* = ...') or an initial value, which it keeps ('{name} = False')"
    )
    return ModelError.at(rule.location, f"undefined node '{name}'", column=column, hint=hint)


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


def read_booleannet(path: str | Path) -> Network:
    """Read a BooleanNet file (see :func:`parse_booleannet`)."""
    path = Path(path)
    return parse_booleannet(decode_text(path.read_bytes(), str(path)), str(path))


def format_rules(network: Network) -> str:
    """The native text of ``network``: one ``node = expression`` line per node."""
    width = max(len(node) for node in network.nodes)
    lines = [f"{rule.target:<{width}} = {to_text(rule.expr)}" for rule in network.rules]
    return "\n".join(lines + _declarations(network)) + "\n"


def _declarations(network: Network) -> list[str]:
    """The native ``readout`` and ``phenotype`` lines of ``network``."""
    lines = [f"readout {', '.join(network.readouts)}"] if network.readouts else []
    return lines + [f"phenotype {p.name} = {to_text(p.expr)}" for p in network.phenotypes]


def write_rules(network: Network, path: str | Path) -> None:
    """Write ``network`` in the native format."""
    Path(path).write_text(format_rules(network), encoding="utf-8")


def format_booleannet(network: Network) -> str:
    """The BooleanNet text of ``network``: initial values, then one ``node* = expression`` rule per node.

    Rules are written with ``and``, ``or``, ``not``, ``True`` and ``False``;
    an input is ``X* = X``.  BooleanNet needs an initial value for every node
    and a boolnet network has none, so each node starts ``Random`` (edit those
    lines to set a start state; boolnet skips them when it reads the file
    back).  Read-outs and phenotypes have no place in BooleanNet: they follow
    as comments, in native syntax, and are not read back.

    Raises
    ------
    InputError
        For a node named ``Random``, which BooleanNet reserves for a random value.
    """
    if "Random" in network:
        raise InputError(
            "node 'Random' cannot be written to BooleanNet, where 'Random' is a reserved word",
            source="<booleannet>",
            hint="rename the node",
        )
    width = max(len(node) for node in network.nodes) + 1
    lines = [
        "# initial values: BooleanNet needs one for every node",
        *(f"{n} = Random" for n in network.nodes),
    ]
    lines += ["", "# update rules"]
    lines += [f"{rule.target + '*':<{width}} = {_booleannet_text(rule.expr)}" for rule in network.rules]
    if declarations := _declarations(network):
        lines += ["", "# boolnet declarations that BooleanNet has no place for (native syntax):"]
        lines += [f"# {line}" for line in declarations]
    return "\n".join(lines) + "\n"


def _booleannet_text(expr: Expr) -> str:
    """``expr`` in BooleanNet syntax, parenthesised only where the precedence (not > and > or) needs it."""
    return to_text(expr, and_op=" and ", or_op=" or ", not_op="not ", true="True", false="False")


def write_booleannet(network: Network, path: str | Path) -> None:
    """Write ``network`` as BooleanNet (see :func:`format_booleannet`)."""
    Path(path).write_text(format_booleannet(network), encoding="utf-8")
