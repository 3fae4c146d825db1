"""Update rules as truth tables, irredundant covers and CNF clauses.

Published models often state a rule as the full disjunctive normal form of
its truth table (tens of thousands of literals for a dozen regulators), so
encoding the expression tree literally would bloat every SAT query.  Here a
rule over at most :data:`MAX_TABLE_INPUTS` regulators is turned into its truth
table (a Python integer, bit ``j`` of the index being regulator ``j``), from
which the Minato-Morreale algorithm derives irredundant sum-of-products
covers of the rule and of its negation (Minato 1992, "Fast generation of
irredundant sum-of-products forms from binary decision diagrams"; Morreale
1970).  The two covers give the clauses of ``x <-> f(y)`` without auxiliary
variables: a cube ``c`` of ``f`` gives ``c -> x`` and a cube ``d`` of ``!f``
gives ``d -> !x``.  Larger rules fall back to the Tseitin encoding of the
expression tree, with structural sharing of gates.

Literals follow the DIMACS convention: a positive or negative non-zero
integer naming a variable.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

import numpy as np

from ..expr import And, Const, Expr, Not, Or, Var, variables
from ..frozen import Frozen
from .vectorized import compile_rule

__all__ = ["MAX_TABLE_INPUTS", "Table", "cover_clauses", "isop", "truth_table", "tseitin_clauses"]

MAX_TABLE_INPUTS = 16
"""Rules with more regulators are not tabulated (the table has ``2**k`` bits)."""

Clause = tuple[int, ...]


class Table(Frozen):
    """A rule's truth table over its regulators.

    Attributes
    ----------
    inputs
        The regulators in table order: bit ``j`` of a row index is ``inputs[j]``.
    bits
        Bit ``r`` is the rule's value in row ``r``.
    """

    inputs: tuple[str, ...]
    bits: int

    @property
    def full(self) -> int:
        """The table of the constant ``1`` over the same inputs."""
        return (1 << (1 << len(self.inputs))) - 1

    @property
    def constant(self) -> bool | None:
        """The rule's value when it does not depend on its inputs, else ``None``."""
        if self.bits == 0:
            return False
        if self.bits == self.full:
            return True
        return None


def truth_table(expr: Expr, order: Sequence[str] | None = None) -> Table:
    """The truth table of ``expr`` over its variables (sorted, or in ``order``).

    Costs ``2**k`` evaluations of the tree, bit-parallel with numpy, for
    ``k`` variables; callers keep ``k`` at most :data:`MAX_TABLE_INPUTS`.
    """
    inputs = tuple(order) if order is not None else tuple(sorted(variables(expr)))
    rows = np.arange(1 << len(inputs), dtype=np.uint32)
    bits = [((rows >> np.uint32(j)) & np.uint32(1)).astype(bool) for j in range(len(inputs))]
    if not inputs:
        bits = [np.zeros(1, dtype=bool)]  # compile_rule sizes constants by the first array
    values = compile_rule(expr, {name: j for j, name in enumerate(inputs)})(bits)
    packed = np.packbits(values, bitorder="little").tobytes()
    return Table(inputs, int.from_bytes(packed, "little") & ((1 << (1 << len(inputs))) - 1))


def _masks(size: int) -> list[int]:
    """``masks[j]``: the rows of a ``size``-input table where input ``j`` is 1."""
    width = 1 << size
    masks = []
    for j in range(size):
        block = ((1 << (1 << j)) - 1) << (1 << j)  # 2**j zeros, then 2**j ones
        period = 1 << (j + 1)
        mask = block
        while period < width:
            mask |= mask << period
            period <<= 1
        masks.append(mask)
    return masks


def isop(table: Table, *, negate: bool = False) -> list[Clause]:
    """An irredundant sum-of-products cover of the table (or of its negation).

    Returns
    -------
    list of tuple of int
        The cubes; in a cube, ``j + 1`` is input ``j`` and ``-(j + 1)`` its
        negation.  ``[]`` is the constant 0 and ``[()]`` the constant 1.

    Notes
    -----
    The Minato-Morreale recursion on the interval ``[L, U]`` (here
    ``L = U``): split on an input, cover the rows only one cofactor can
    cover with cubes naming the input, and the rest with cubes that do not.
    The cover is irredundant (no cube can be dropped), not necessarily
    minimum.
    """
    size = len(table.inputs)
    full = table.full
    target = full ^ table.bits if negate else table.bits
    ones = _masks(size)
    zeros = [full ^ mask for mask in ones]

    def split(function: int, j: int) -> tuple[int, int]:
        shift = 1 << j
        low = function & zeros[j]
        high = function & ones[j]
        return low | (low << shift), high | (high >> shift)

    def cover(lower: int, upper: int, j: int) -> tuple[list[Clause], int]:
        if lower == 0:
            return [], 0
        if upper == full:
            return [()], full
        while True:
            j -= 1
            lower0, lower1 = split(lower, j)
            upper0, upper1 = split(upper, j)
            if lower0 != lower1 or upper0 != upper1:
                break
        cubes0, function0 = cover(lower0 & (full ^ upper1), upper0, j)
        cubes1, function1 = cover(lower1 & (full ^ upper0), upper1, j)
        rest = (lower0 & (full ^ function0)) | (lower1 & (full ^ function1))
        cubes_rest, function_rest = cover(rest, upper0 & upper1, j)
        cubes = [(-(j + 1), *c) for c in cubes0] + [(j + 1, *c) for c in cubes1] + cubes_rest
        return cubes, (function0 & zeros[j]) | (function1 & ones[j]) | function_rest

    return cover(target, target, size)[0]


def cover_clauses(output: int, table: Table, literal: Mapping[str, int]) -> list[Clause]:
    """Clauses of ``output <-> rule`` from the covers of the rule and its negation.

    ``literal`` maps each input of ``table`` to its literal.
    """
    inputs = [literal[name] for name in table.inputs]

    def lit(code: int) -> int:
        return inputs[code - 1] if code > 0 else -inputs[-code - 1]

    clauses: list[Clause] = [(output, *(-lit(code) for code in cube)) for cube in isop(table)]
    clauses.extend((-output, *(-lit(code) for code in cube)) for cube in isop(table, negate=True))
    return clauses


def tseitin_clauses(
    output: int, expr: Expr, literal: Mapping[str, int], fresh: Callable[[], int]
) -> list[Clause]:
    """Clauses of ``output <-> expr`` by the Tseitin encoding of the tree.

    ``literal`` maps each variable to its literal, ``fresh`` returns a new
    variable for each gate.  Identical sub-expressions (after flattening
    nested conjunctions and disjunctions) share one gate.
    """
    clauses: list[Clause] = []
    gates: dict[tuple[bool, tuple[int, ...]], int] = {}

    def flatten(kind: type[And] | type[Or], node: Expr) -> list[Expr]:
        if isinstance(node, kind):
            return [leaf for arg in node.args for leaf in flatten(kind, arg)]
        return [node]

    def operands(node: And | Or) -> tuple[int, ...]:
        return tuple(sorted({lit(arg) for arg in flatten(type(node), node)}))

    def define(gate: int, conjunction: bool, parts: tuple[int, ...]) -> None:
        if any(-part in parts for part in parts):  # a & !a is 0, a | !a is 1
            clauses.append((-gate,) if conjunction else (gate,))
        elif conjunction:
            clauses.extend((-gate, part) for part in parts)
            clauses.append((gate, *(-part for part in parts)))
        else:
            clauses.extend((gate, -part) for part in parts)
            clauses.append((-gate, *parts))

    def lit(node: Expr) -> int:
        if isinstance(node, Var):
            return literal[node.name]
        if isinstance(node, Not):
            return -lit(node.arg)
        if isinstance(node, Const):
            raise ValueError("constants must be folded before Tseitin encoding")
        parts = operands(node)
        key = (isinstance(node, And), parts)
        if key not in gates:
            gates[key] = fresh()
            define(gates[key], key[0], parts)
        return gates[key]

    if isinstance(expr, Const):
        return [(output,) if expr.value else (-output,)]
    if isinstance(expr, And | Or):
        define(output, isinstance(expr, And), operands(expr))
    else:
        inner = lit(expr)
        clauses.extend(((-output, inner), (output, -inner)))
    return clauses
