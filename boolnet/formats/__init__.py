"""Reading and writing networks, with the format chosen by file suffix.

=========================  ==========================================
suffix                     format
=========================  ==========================================
``.bnet``                  BoolNet / PyBoolNet / AEON ``.bnet``
``.txt``, ``.rules``       native rules (``X = ...``); read as
                           BooleanNet when a rule is starred
                           (``X* = ...``), as ``.bnet`` after a
                           ``targets, factors`` header
``.booleannet``            BooleanNet (``X* = ... and not ...``)
``.sbml``, ``.xml``        SBML-qual (needs the ``sbml`` extra)
=========================  ==========================================

Only the native format holds read-out and phenotype declarations besides
the rules; :func:`dropped_declarations` says what another format leaves out.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import InputError
from ..model import Network

if TYPE_CHECKING:
    from .bnet import format_bnet, parse_bnet, read_bnet, write_bnet
    from .rules import (
        format_booleannet,
        format_rules,
        parse_booleannet,
        parse_rules,
        read_booleannet,
        read_rules,
        write_booleannet,
        write_rules,
    )
    from .sbml import format_sbml, parse_sbml, read_sbml, write_sbml

__all__ = [
    "SUFFIXES",
    "convert_network",
    "dropped_declarations",
    "format_bnet",
    "format_booleannet",
    "format_network",
    "format_rules",
    "format_sbml",
    "parse_bnet",
    "parse_booleannet",
    "parse_rules",
    "parse_sbml",
    "read_bnet",
    "read_booleannet",
    "read_network",
    "read_rules",
    "read_sbml",
    "write_bnet",
    "write_booleannet",
    "write_network",
    "write_rules",
    "write_sbml",
]

# suffix -> its format, whose functions are {verb}_{format} (say read_bnet)
_FORMATS = {
    ".bnet": "bnet",
    ".txt": "rules",
    ".rules": "rules",
    ".booleannet": "booleannet",
    ".sbml": "sbml",
    ".xml": "sbml",
}
# format -> the module that defines it (imported when first met), where it is not the format's name
_MODULES = {"booleannet": "rules"}
_VERBS = ("parse", "read", "format", "write")
SUFFIXES = tuple(_FORMATS)
"""Every suffix :func:`read_network` and :func:`write_network` know."""


def _function(format_name: str, verb: str) -> Any:
    """``{verb}_{format_name}`` (say ``read_bnet``), its module imported if it was not yet."""
    module = importlib.import_module(f".{_MODULES.get(format_name, format_name)}", __name__)
    return getattr(module, f"{verb}_{format_name}")


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
        if not suffix:
            raise InputError(
                f"the file name has no suffix to choose a format by (known: {known})", source=str(path)
            )
        raise InputError(f"unknown file type '{suffix}' (known: {known})", source=str(path))
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
    text: str = _function(_format_of(suffix), "format")(network)
    return text


def _format_of(suffix: str) -> str:
    """The format of ``suffix`` (``".bnet"``: ``"bnet"``)."""
    if suffix.lower() not in _FORMATS:
        raise InputError(f"unknown format '{suffix}' (known: {', '.join(_FORMATS)})", source="<format>")
    return _FORMATS[suffix.lower()]


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


def dropped_declarations(network: Network, suffix: str) -> tuple[str, ...]:
    """What of ``network`` a file in the format of ``suffix`` cannot hold, one description each.

    The native format (``.txt``, ``.rules``) holds the rules and the
    read-out and phenotype declarations; the others hold only the rules.
    Nothing is dropped silently: callers report what this returns.

    Raises
    ------
    InputError
        For an unknown suffix.

    Examples
    --------
    >>> from boolnet.formats.rules import parse_rules
    >>> network = parse_rules("A = A\\nB = A\\nreadout B\\nphenotype On = B")
    >>> dropped_declarations(network, ".bnet")
    ('read-out B', 'phenotype On')
    >>> dropped_declarations(network, ".txt")
    ()
    """
    if _format_of(suffix) == "rules":
        return ()
    dropped = []
    if network.readouts:
        dropped.append(_listed("read-out", network.readouts))
    if network.phenotypes:
        dropped.append(_listed("phenotype", [p.name for p in network.phenotypes]))
    return tuple(dropped)


def _listed(noun: str, names: Sequence[str]) -> str:
    """``"read-out P"``, ``"read-outs P, Q"``."""
    return f"{noun}{'s' if len(names) > 1 else ''} {', '.join(names)}"


def convert_network(source: str | Path, target: str | Path) -> tuple[str, ...]:
    """Read ``source`` and write it to ``target``, each in the format of its suffix.

    Returns
    -------
    tuple of str
        The declarations ``target``'s format cannot hold (see
        :func:`dropped_declarations`), for the caller to report.

    Raises
    ------
    InputError
        When ``target`` is ``source`` (writing over it would lose its
        comments and citations; nothing is written), or as
        :func:`read_network` and :func:`write_network` do.
    """
    source, target = Path(source), Path(target)
    _suffix(target)  # an unknown output type is refused before the input is read
    if source.exists() and target.exists() and source.samefile(target):
        raise InputError(
            "the output is the input file, and converting would overwrite it",
            source=str(target),
            hint="write to another file (comments and citations are not converted)",
        )
    network = read_network(source)
    dropped = dropped_declarations(network, target.suffix)
    write_network(network, target)
    return dropped
