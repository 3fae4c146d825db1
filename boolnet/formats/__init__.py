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

# suffix -> the module of its format; a format's module is imported when a file of it is met
_MODULES = {
    ".bnet": ".bnet",
    ".txt": ".rules",
    ".rules": ".rules",
    ".booleannet": ".rules",
    ".sbml": ".sbml",
    ".xml": ".sbml",
}
SUFFIXES = tuple(_MODULES)


def _reader(suffix: str) -> Callable[[Path], Network]:
    """The ``read_...`` function of the format of ``suffix``, its module imported if need be."""
    format_name = _MODULES[suffix][1:]
    return getattr(importlib.import_module(f".{format_name}", __name__), f"read_{format_name}")  # type: ignore[no-any-return]


def _formatter(suffix: str) -> Callable[[Network], str]:
    """The ``format_...`` function of the format of ``suffix``, its module imported if need be."""
    format_name = _MODULES[suffix][1:]
    return getattr(importlib.import_module(f".{format_name}", __name__), f"format_{format_name}")  # type: ignore[no-any-return]


def __getattr__(name: str) -> Any:
    """The per-format functions (``parse_bnet``, ``read_sbml``, ...), their module imported on first use."""
    verb, _, format_name = name.partition("_")
    if verb in ("parse", "read", "format", "write") and f".{format_name}" in _MODULES.values():
        value = getattr(importlib.import_module(f".{format_name}", __name__), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def _suffix(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix not in _MODULES:
        known = ", ".join(_MODULES)
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
    reader = _reader(_suffix(path))
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
    if suffix.lower() not in _MODULES:
        raise InputError(f"unknown format '{suffix}' (known: {', '.join(_MODULES)})", source="<format>")
    return _formatter(suffix.lower())(network)


def write_network(network: Network, path: str | Path) -> None:
    """Write ``network`` to ``path`` in the format of its suffix.

    Raises
    ------
    InputError
        For an unknown suffix (nothing is written).
    """
    path = Path(path)
    text = _formatter(_suffix(path))(network)
    path.write_text(text, encoding="utf-8")
