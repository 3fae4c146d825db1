"""Reading and writing networks, with the format chosen by file suffix.

=========================  ==========================================
suffix                     format
=========================  ==========================================
``.bnet``                  BoolNet / PyBoolNet / AEON ``.bnet``
``.txt``, ``.rules``,      native rules (``X = ...``) or BooleanNet
``.booleannet``            (``X* = ...``), told apart by the stars
``.sbml``, ``.xml``        SBML-qual (needs the ``sbml`` extra)
=========================  ==========================================
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from ..errors import InputError
from ..model import Network
from .bnet import format_bnet, parse_bnet, read_bnet, write_bnet
from .rules import format_rules, parse_rules, read_rules, write_rules
from .sbml import format_sbml, parse_sbml, read_sbml, write_sbml

__all__ = [
    "SUFFIXES",
    "format_bnet",
    "format_network",
    "format_rules",
    "format_sbml",
    "parse_bnet",
    "parse_rules",
    "parse_sbml",
    "read_bnet",
    "read_network",
    "read_rules",
    "read_sbml",
    "write_bnet",
    "write_network",
    "write_rules",
    "write_sbml",
]

_READERS: dict[str, Callable[[str | Path], Network]] = {
    ".bnet": read_bnet,
    ".txt": read_rules,
    ".rules": read_rules,
    ".booleannet": read_rules,
    ".sbml": read_sbml,
    ".xml": read_sbml,
}
_FORMATTERS: dict[str, Callable[[Network], str]] = {
    ".bnet": format_bnet,
    ".txt": format_rules,
    ".rules": format_rules,
    ".booleannet": format_rules,
    ".sbml": format_sbml,
    ".xml": format_sbml,
}
SUFFIXES = tuple(_READERS)


def _suffix(path: Path, table: dict[str, object]) -> str:
    suffix = path.suffix.lower()
    if suffix not in table:
        known = ", ".join(table)
        raise InputError(f"unknown file type '{suffix or path.name}' (known: {known})", source=str(path))
    return suffix


def read_network(path: str | Path) -> Network:
    """Read a network from ``path``, choosing the format by its suffix.

    Raises
    ------
    InputError
        For an unknown suffix, a missing or unreadable file, or a syntax error
        (the message names file, line and column).
    ModelError
        For a node defined twice or an undefined node.
    """
    path = Path(path)
    reader = _READERS[_suffix(path, _READERS)]  # type: ignore[arg-type]
    if not path.is_file():
        raise InputError("no such file" if not path.exists() else "not a file", source=str(path))
    return reader(path)


def format_network(network: Network, suffix: str) -> str:
    """The text of ``network`` in the format of ``suffix`` (e.g. ``".bnet"``).

    Raises
    ------
    InputError
        For an unknown suffix.
    """
    if suffix.lower() not in _FORMATTERS:
        raise InputError(f"unknown format '{suffix}' (known: {', '.join(_FORMATTERS)})", source="<format>")
    return _FORMATTERS[suffix.lower()](network)


def write_network(network: Network, path: str | Path) -> None:
    """Write ``network`` to ``path`` in the format of its suffix.

    Raises
    ------
    InputError
        For an unknown suffix (nothing is written).
    """
    path = Path(path)
    text = _FORMATTERS[_suffix(path, _FORMATTERS)](network)  # type: ignore[arg-type]
    path.write_text(text, encoding="utf-8")
