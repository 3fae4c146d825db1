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

import importlib
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import InputError
from ..model import Network

if TYPE_CHECKING:
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

# suffix -> its format, whose module (``.bnet``, ``.rules``, ``.sbml``) is imported when first met
_FORMATS = {
    ".bnet": "bnet",
    ".txt": "rules",
    ".rules": "rules",
    ".booleannet": "rules",
    ".sbml": "sbml",
    ".xml": "sbml",
}
_VERBS = ("parse", "read", "format", "write")
SUFFIXES = tuple(_FORMATS)


def _function(format_name: str, verb: str) -> Any:
    """``{verb}_{format_name}`` (say ``read_bnet``), its module imported if it was not yet."""
    return getattr(importlib.import_module(f".{format_name}", __name__), f"{verb}_{format_name}")


def __getattr__(name: str) -> Any:
    """The per-format functions (``parse_bnet``, ``read_sbml``, ...), their module imported on first use."""
    verb, _, format_name = name.partition("_")
    if verb not in _VERBS or format_name not in _FORMATS.values():
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = _function(format_name, verb)
    globals()[name] = value
    return value


def _suffix(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix not in _FORMATS:
        known = ", ".join(_FORMATS)
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
    reader: Callable[[Path], Network] = _function(_FORMATS[_suffix(path)], "read")
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
    if suffix.lower() not in _FORMATS:
        raise InputError(f"unknown format '{suffix}' (known: {', '.join(_FORMATS)})", source="<format>")
    text: str = _function(_FORMATS[suffix.lower()], "format")(network)
    return text


def write_network(network: Network, path: str | Path) -> None:
    """Write ``network`` to ``path`` in the format of its suffix.

    Raises
    ------
    InputError
        For an unknown suffix (nothing is written).
    """
    path = Path(path)
    text: str = _function(_FORMATS[_suffix(path)], "format")(network)
    path.write_text(text, encoding="utf-8")
