"""The engine registry: which attractor algorithm answers which request.

Engines are tried in registration order, except that an engine yields its
turn on networks larger than its ``auto_max_nodes`` for that update; the
first whose ``check`` accepts the network, update and limits runs
(``method="auto"``).  A caller may also name
an engine.  When no engine accepts, the error lists every engine's reason, so
the user learns which limit was hit and how to raise it.

The built-in engines are registered by module name, with the updates they
support and their ``auto_max_nodes``, and imported the first time they are
asked for: a run that names ``--method symbolic``, or that ``auto`` answers
symbolically, never loads numpy for the exhaustive engine, which keeps a
small model's whole run short.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from ..errors import EngineError, LimitError
from ..limits import Limits
from ..model import Network
from ..results import AttractorResult
from ..update import Update

__all__ = ["Engine", "engine", "engines", "register", "register_module", "select_engine"]


@dataclass(frozen=True, slots=True)
class Engine:
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
        limits)``, else the reason it cannot (e.g. the memory it would need).
    run
        Computes the attractors.
    auto_max_nodes
        Per update, the network size above which ``auto`` first tries the
        engines after this one (they are faster there); this engine remains
        the fallback when none of them accepts.
    """

    name: str
    description: str
    updates: frozenset[Update]
    check: Callable[[Network, Update, Limits], str | None]
    run: Callable[[Network, Update, Limits], AttractorResult]
    auto_max_nodes: Mapping[Update, int] = field(default_factory=dict)

    def preferred_for(self, network: Network, update: Update) -> bool:
        """Whether ``auto`` should try this engine before those registered after it."""
        return len(network) <= self.auto_max_nodes.get(update, len(network))


@dataclass(frozen=True, slots=True)
class _Unloaded:
    """An engine known by its module, with what ``auto`` needs to order it before loading it."""

    module: str
    updates: frozenset[Update]
    auto_max_nodes: Mapping[Update, int]

    def preferred_for(self, network: Network, update: Update) -> bool:
        return len(network) <= self.auto_max_nodes.get(update, len(network))


_ENGINES: dict[str, Engine | _Unloaded] = {}  # name -> engine, or the module that defines it as ENGINE


def register(engine: Engine) -> Engine:
    """Add ``engine`` to the registry (after those already there)."""
    _ENGINES[engine.name] = engine
    return engine


def register_module(
    name: str,
    module: str,
    *,
    updates: frozenset[Update],
    auto_max_nodes: Mapping[Update, int] | None = None,
) -> None:
    """Add the engine ``name``, defined as ``ENGINE`` in ``module``, imported on first use.

    ``updates`` and ``auto_max_nodes`` must be the engine's own: ``auto``
    orders the engines by them without importing any it does not try
    (checked when the module is imported).
    """
    _ENGINES[name] = _Unloaded(module, updates, dict(auto_max_nodes or {}))


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
        assert (loaded.updates, dict(loaded.auto_max_nodes)) == (entry.updates, entry.auto_max_nodes), (
            f"{name}: registered with other updates or auto limits than its module declares"
        )
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
    LimitError
        When no engine (or not the named one) can answer within ``limits``.
    """
    if method != "auto":
        names = [engine(method).name]
    else:  # engines are imported only when they are checked
        names = sorted(_ENGINES, key=lambda name: not _ENGINES[name].preferred_for(network, update))
    reasons = []
    for name in names:
        if update not in _ENGINES[name].updates:
            reasons.append(f"{name}: does not support {update} updating")
            continue
        candidate = engine(name)
        reason = candidate.check(network, update, limits)
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
