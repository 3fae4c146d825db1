"""Attractor engines, one module per algorithm, behind one registry.

The registry order is the selection policy of ``method="auto"``: the first
engine that accepts a request answers it.  Each engine module is imported
when an engine is first asked for (see :mod:`.registry`).
"""

from .registry import Engine as Engine
from .registry import engine as engine
from .registry import engines as engines
from .registry import register as register
from .registry import register_module as register_module
from .registry import select_engine as select_engine

register_module("exhaustive", "boolnet.engines.exhaustive")
register_module("symbolic", "boolnet.engines.symbolic")
register_module("sat", "boolnet.engines.satsync")

__all__ = ["Engine", "engine", "engines", "register", "register_module", "select_engine"]
