"""Phenotypes: named conditions on states, and classifying attractors against them.

A phenotype is a Boolean expression over nodes, declared in a model file
(``phenotype Tumorigenic = STAT3 & (SelfRenewal | HypoxiaSurvival)``) or given
as text.  An attractor shows it **always** (every state satisfies it),
**sometimes** (some states do: an oscillation) or **never**.  "Shows the
phenotype" means always or sometimes, or always only when ``strict``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from enum import StrEnum

import numpy as np
import numpy.typing as npt

from ..engines.vectorized import compile_rule, state_bits
from ..errors import InputError
from ..expr import And, Expr, Not, Or, Var, variables
from ..model import Network, Phenotype, suggest
from ..parsing import Position, parse_expression

__all__ = ["Presence", "classify", "evaluate_states", "phenotype_expr", "resolve_phenotype", "shows"]

StateArray = npt.NDArray[np.uint64]


class Presence(StrEnum):
    """How an attractor relates to a phenotype."""

    ALWAYS = "always"
    SOMETIMES = "sometimes"
    NEVER = "never"

    def __str__(self) -> str:
        return self.value


def shows(presence: Presence, *, strict: bool = False) -> bool:
    """True when an attractor with ``presence`` shows the phenotype (always only if ``strict``)."""
    return presence is Presence.ALWAYS or (presence is Presence.SOMETIMES and not strict)


def _inline(expr: Expr, phenotypes: Mapping[str, Phenotype], seen: tuple[str, ...] = ()) -> Expr:
    """Replace phenotype names inside ``expr`` by their expressions (recursively)."""
    names = variables(expr) & phenotypes.keys()
    if not names:
        return expr

    def go(node: Expr) -> Expr:
        if isinstance(node, Var) and node.name in phenotypes:
            if node.name in seen:
                raise InputError(
                    f"phenotype '{node.name}' is defined in terms of itself", source="<phenotype>"
                )
            return _inline(phenotypes[node.name].expr, phenotypes, (*seen, node.name))
        if isinstance(node, Not):
            return Not(go(node.arg))
        if isinstance(node, And | Or):
            return type(node)(tuple(go(arg) for arg in node.args))
        return node

    return go(expr)


def phenotype_expr(network: Network, phenotype: Phenotype) -> Expr:
    """The phenotype's expression over nodes only (phenotype names inlined)."""
    return _inline(phenotype.expr, {p.name: p for p in network.phenotypes})


def resolve_phenotype(network: Network, text: str) -> Phenotype:
    """The phenotype named ``text`` in the model, or ``text`` read as an expression.

    An expression may mention nodes and the model's declared phenotypes
    (``"Tumorigenic & !Hypoxia"``).

    Raises
    ------
    InputError
        For a syntax error, or a name that is neither a node nor a declared
        phenotype (with a did-you-mean hint), located by column.

    Examples
    --------
    >>> from boolnet.formats import parse_rules
    >>> net = parse_rules("a = b\\nb = a\\nphenotype On = a & b")
    >>> resolve_phenotype(net, "On").name, resolve_phenotype(net, "a | !b").name
    ('On', 'a | !b')
    """
    declared = {p.name: p for p in network.phenotypes}
    stripped = text.strip()
    if stripped in declared:
        found = declared[stripped]
        return Phenotype(found.name, phenotype_expr(network, found), found.location)
    expr = parse_expression(text, Position("<phenotype>", 1, 1, text))
    known = set(network.nodes) | declared.keys()
    for name in sorted(variables(expr) - known):
        match = re.search(rf"(?<![A-Za-z0-9_.]){re.escape(name)}(?![A-Za-z0-9_.])", text)
        column = match.start() + 1 if match else 0
        hint = suggest(name, sorted(known))
        raise InputError(
            f"unknown node or phenotype '{name}' in the phenotype",
            source="<phenotype>",
            line=1,
            column=column,
            source_line=text,
            hint=hint,
        )
    return Phenotype(stripped, _inline(expr, declared))


def evaluate_states(expr: Expr, network: Network, states: StateArray) -> npt.NDArray[np.bool_]:
    """The value of ``expr`` (over ``network``'s nodes) in each of ``states`` (integers)."""
    if len(states) == 0:
        return np.zeros(0, dtype=bool)
    index = {node: i for i, node in enumerate(network.nodes)}
    bits = state_bits(np.asarray(states, dtype=np.uint64), len(network))
    return np.asarray(compile_rule(expr, index)(bits), dtype=bool)


def classify(values: npt.NDArray[np.bool_]) -> Presence:
    """``always``/``sometimes``/``never`` from the phenotype's value in each state of an attractor."""
    if values.all():
        return Presence.ALWAYS
    return Presence.SOMETIMES if values.any() else Presence.NEVER
