"""Attractor engines, one module per algorithm, behind one registry.

The registry order is the selection policy of ``method="auto"``: the first
engine that accepts a request answers it.
"""

from . import exhaustive, satsync, symbolic
from .registry import Engine as Engine
from .registry import engines as engines
from .registry import register as register
from .registry import select_engine as select_engine

register(exhaustive.ENGINE)
register(symbolic.ENGINE)
register(satsync.ENGINE)

__all__ = ["Engine", "engines", "register", "select_engine"]
