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

# asynchronous requests go to the symbolic engine whatever the size: it solves small networks on
# bit vectors without loading numpy (faster than the exhaustive engine on the corpus's networks of
# up to 14 nodes: 72 ms against 116 ms in all); synchronous ones to the exhaustive engine (exact
# basins) while it fits in memory, then to the SAT engine
register_module("symbolic", "boolnet.engines.symbolic", updates=frozenset({Update.ASYNCHRONOUS}))
register_module("exhaustive", "boolnet.engines.exhaustive", updates=frozenset(Update))
register_module("sat", "boolnet.engines.satsync", updates=frozenset({Update.SYNCHRONOUS}))

__all__ = ["Engine", "engine", "engines", "register", "register_module", "select_engine"]
