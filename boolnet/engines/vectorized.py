"""Evaluating rules on many states at once with numpy.

A rule compiles to a closure tree over boolean numpy arrays: ``bits[i]`` holds
node ``i``'s value in each state of a batch, and the compiled rule returns its
value in each state.  No text is evaluated; the closures are built from the
expression tree once and called once per batch.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

import numpy as np
import numpy.typing as npt

from ..expr import And, Const, Expr, Not, Var

__all__ = ["BoolArray", "compile_rule", "state_bits", "state_dtype"]

BoolArray = npt.NDArray[np.bool_]
Evaluator = Callable[[Sequence[BoolArray]], BoolArray]


def state_dtype(size: int) -> type[np.unsignedinteger]:
    """The narrowest unsigned integer type that holds a state of ``size`` nodes."""
    if size <= 32:
        return np.uint32
    if size <= 64:
        return np.uint64
    raise ValueError(f"a state of {size} nodes does not fit in 64 bits")


def state_bits(states: npt.NDArray[np.unsignedinteger], size: int) -> list[BoolArray]:
    """``bits[i]``: node ``i``'s value in each of ``states``."""
    one = states.dtype.type(1)
    return [((states >> states.dtype.type(i)) & one).astype(bool) for i in range(size)]


def compile_rule(expr: Expr, index: Mapping[str, int]) -> Evaluator:
    """Compile ``expr`` into a function of the per-node bit arrays of a batch.

    ``index`` maps node names to their position in ``bits``.  Every call
    returns a fresh array, so callers may modify it in place.
    """
    if isinstance(expr, Const):
        value = expr.value
        return lambda bits: np.full(len(bits[0]), value, dtype=bool)
    if isinstance(expr, Var):
        position = index[expr.name]
        return lambda bits: bits[position].copy()
    if isinstance(expr, Not):
        inner = compile_rule(expr.arg, index)

        def negate(bits: Sequence[BoolArray]) -> BoolArray:
            return np.logical_not(inner(bits), out=None)

        return negate
    parts = [compile_rule(arg, index) for arg in expr.args]
    combine = np.logical_and if isinstance(expr, And) else np.logical_or

    def fold(bits: Sequence[BoolArray]) -> BoolArray:
        result = parts[0](bits)
        for part in parts[1:]:
            combine(result, part(bits), out=result)
        return result

    return fold
