"""Attractor engines, one module per algorithm, behind one registry.

The registry order is the selection policy of ``method="auto"``: the first
engine that accepts a request answers it.  Each engine module is imported
when an engine is first asked for (see :mod:`.registry`).
"""

from ..update import Update
from .registry import Engine as Engine
from .registry import engine as engine
from .registry import engines as engines
from .registry import register as register
from .registry import register_module as register_module
from .registry import select_engine as select_engine

AUTO_ASYNC_MAX_NODES = 14  # measured on the corpus: the symbolic engine is faster from about 15 nodes on

register_module(
    "exhaustive",
    "boolnet.engines.exhaustive",
    updates=frozenset(Update),
    auto_max_nodes={Update.ASYNCHRONOUS: AUTO_ASYNC_MAX_NODES},
)
register_module("symbolic", "boolnet.engines.symbolic", updates=frozenset({Update.ASYNCHRONOUS}))
register_module("sat", "boolnet.engines.satsync", updates=frozenset({Update.SYNCHRONOUS}))

__all__ = ["Engine", "engine", "engines", "register", "register_module", "select_engine"]
