"""The engine registry: which attractor algorithm answers which request.

Engines are tried in registration order; the first whose ``check`` accepts
the network, update and limits runs (``method="auto"``).  A caller may also
name an engine.  When no engine accepts, the error lists every engine's reason, so
the user learns which limit was hit and how to raise it.

The built-in engines are registered by module name, with the updates they
support, and imported the first time they are asked for: a run that names
``--method symbolic``, or that ``auto`` answers symbolically, never loads
numpy for the exhaustive engine, which keeps a small model's whole run short.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import NamedTuple

from ..errors import EngineError, LimitError, MissingDependencyError
from ..frozen import Frozen
from ..limits import Limits
from ..model import Network
from ..results import AttractorResult
from ..update import Update

__all__ = ["Engine", "engine", "engines", "register", "register_module", "select_engine"]


class Engine(Frozen):
    """An attractor algorithm and the requests it can answer.

    Attributes
    ----------
    name
        Short name used by ``--method`` and recorded in results.
    description
        One line for ``boolnet engines``.
    updates
        The update schemes it supports.
    check
        Returns ``None`` when the engine can answer ``(network, update,
        limits)``, else the reason it cannot (e.g. the memory it would need);
        raises :class:`~boolnet.errors.MissingDependencyError` when a package
        it needs is not installed.
    run
        Computes the attractors.
    """

    name: str
    description: str
    updates: frozenset[Update]
    check: Callable[[Network, Update, Limits], str | None]
    run: Callable[[Network, Update, Limits], AttractorResult]


class _Unloaded(NamedTuple):
    """An engine known by its module, with the updates ``auto`` checks before loading it."""

    module: str
    updates: frozenset[Update]


_ENGINES: dict[str, Engine | _Unloaded] = {}  # name -> engine, or the module that defines it as ENGINE


def register(engine: Engine) -> Engine:
    """Add ``engine`` to the registry (after those already there)."""
    _ENGINES[engine.name] = engine
    return engine


def register_module(name: str, module: str, *, updates: frozenset[Update]) -> None:
    """Add the engine ``name``, defined as ``ENGINE`` in ``module``, imported on first use.

    ``updates`` must be the engine's own: ``auto`` skips the engines that
    lack the update without importing them (checked when the module is
    imported).
    """
    _ENGINES[name] = _Unloaded(module, updates)


def engine(name: str) -> Engine:
    """The registered engine called ``name``, its module imported if it was not yet.

    Raises
    ------
    EngineError
        For an unknown name (the message lists the available ones).
    """
    entry = _ENGINES.get(name)
    if entry is None:
        raise EngineError(f"unknown method '{name}' (available: auto, {', '.join(_ENGINES)})")
    if isinstance(entry, _Unloaded):
        loaded = importlib.import_module(entry.module).ENGINE
        assert isinstance(loaded, Engine) and loaded.name == name, f"{name}: not the engine registered"
        assert loaded.updates == entry.updates, f"{name}: registered with other updates than it declares"
        _ENGINES[name] = entry = loaded
    return entry


def engines() -> tuple[Engine, ...]:
    """Every registered engine, in the order ``auto`` tries them."""
    return tuple(engine(name) for name in list(_ENGINES))


def select_engine(network: Network, update: Update, method: str, limits: Limits) -> Engine:
    """The engine that will answer the request.

    Raises
    ------
    EngineError
        For an unknown method name or an engine that lacks the update.
    MissingDependencyError
        When the engine named by ``method`` needs a package that is not installed.
    LimitError
        When no engine (or not the named one) can answer within ``limits``.
    """
    # engines are imported only when they are checked
    names = [engine(method).name] if method != "auto" else list(_ENGINES)
    reasons = []
    for name in names:
        if update not in _ENGINES[name].updates:
            reasons.append(f"{name}: does not support {update} updating")
            continue
        candidate = engine(name)
        try:
            reason = candidate.check(network, update, limits)
        except MissingDependencyError as missing:
            if method != "auto":  # the engine asked for by name cannot run here at all
                raise
            reason = str(missing)
        if reason is None:
            return candidate
        reasons.append(f"{candidate.name}: {reason}")
    if method != "auto" and update not in _ENGINES[method].updates:
        raise EngineError(reasons[0])
    raise LimitError(
        f"no engine can compute the {update} attractors of this {len(network)}-node network:\n  "
        + "\n  ".join(reasons),
        budget="engines",
    )
