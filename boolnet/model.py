"""The network model: immutable rules and networks.

A :class:`Network` is a value.  Its nodes keep the order of the file they came
from, and that order is the column order of every state string boolnet prints
(``"0101"`` means node 0 is off, node 1 on, ...).  "Changing" a network, e.g.
knocking a node out, returns a new network.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from types import MappingProxyType
from typing import NamedTuple

from .errors import ModelError, PerturbationError
from .expr import MAX_NESTING, Const, Expr, Var, nesting_depth, to_text, variables
from .frozen import Frozen, field, replace

__all__ = ["Network", "Phenotype", "Rule", "SourceLocation", "suggest", "word_column"]


class SourceLocation(NamedTuple):
    """Where a rule was written: file, 1-based line, and the line's text.

    A named tuple, as the parser's other per-line records: one is made for
    every line of a model, and a tuple is cheaper to define and to make.
    """

    source: str
    line: int
    text: str = ""


class Rule(Frozen):
    """The update rule of one node: ``target`` takes the value of ``expr``.

    A rule whose expression is the target itself (``EGFR = EGFR``) declares an
    input: a node set from outside the network and kept by the dynamics.

    Raises
    ------
    ModelError
        When the expression nests more than :data:`boolnet.expr.MAX_NESTING`
        operators deep (the engines compile rules by recursion; a rule read
        from a file is refused earlier, at its line).
    """

    target: str
    expr: Expr
    location: SourceLocation | None = field(default=None, compare=False)

    def __post_init__(self) -> None:
        _check_nesting(f"the rule of '{self.target}'", self.expr, self.location)

    @property
    def regulators(self) -> frozenset[str]:
        """The nodes the rule's expression mentions."""
        return variables(self.expr)

    @property
    def is_input(self) -> bool:
        """True when the rule keeps the node at its current value (``X = X``)."""
        return self.expr == Var(self.target)

    @property
    def is_constant(self) -> bool:
        """True when the rule is a constant ``0`` or ``1``."""
        return isinstance(self.expr, Const)

    @property
    def text(self) -> str:
        """The rule's expression in native syntax."""
        return to_text(self.expr)


class Phenotype(Frozen):
    """A named condition on states, e.g. ``Tumorigenic = STAT3 & SelfRenewal``."""

    name: str
    expr: Expr
    location: SourceLocation | None = field(default=None, compare=False)

    def __post_init__(self) -> None:
        _check_nesting(f"the phenotype '{self.name}'", self.expr, self.location)


def _check_nesting(subject: str, expr: Expr, location: SourceLocation | None) -> None:
    """Refuse an expression deeper than the engines can compile (Python's recursion stops at 1,000 frames)."""
    if isinstance(expr, Var | Const):  # most rules of a perturbed network: no walk needed
        return
    depth = nesting_depth(expr)
    if depth > MAX_NESTING:
        raise ModelError(
            f"{subject} nests {depth} levels deep; at most {MAX_NESTING} are supported",
            source="<network>" if location is None else location.source,
            line=0 if location is None else location.line,
        )


def suggest(name: str, candidates: Iterable[str]) -> str | None:
    """``did you mean 'X'?`` for the closest candidate to ``name``, if any is close."""
    import difflib  # only an error message needs it

    close = difflib.get_close_matches(name, list(candidates), n=1, cutoff=0.6)
    if not close:
        lowered = {c.lower(): c for c in candidates}
        if name.lower() in lowered:
            close = [lowered[name.lower()]]
    return f"did you mean '{close[0]}'?" if close else None


class Network(Frozen):
    """A Boolean network: one rule per node, in a fixed node order.

    Parameters
    ----------
    rules
        One rule per node, in the canonical node order.  Every node an
        expression mentions must have a rule.
    phenotypes
        Named conditions declared with the model (may be empty).
    perturbation
        The node values fixed by :meth:`perturbed` so far (node -> 0/1), in
        the order they were applied.
    name
        A label, usually the file the network was read from.
    cuts
        The regulations cut by :meth:`cut` so far, as ``(source, target,
        value)``: the target's rule sees ``source`` fixed to ``value``.
    readouts
        Nodes declared as phenotype read-outs (``Proliferation``,
        ``Apoptosis``...): they report what the cell does rather than being
        drug targets, so screens leave them out of their default candidates.

    Raises
    ------
    ModelError
        When a node is defined twice or an expression mentions an undefined node.
    """

    rules: tuple[Rule, ...]
    phenotypes: tuple[Phenotype, ...] = ()
    perturbation: tuple[tuple[str, int], ...] = ()
    name: str = ""
    cuts: tuple[tuple[str, str, int], ...] = ()
    readouts: tuple[str, ...] = ()
    _index: Mapping[str, int] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        index: dict[str, int] = {}
        for position, rule in enumerate(self.rules):
            if rule.target in index:
                first = self.rules[index[rule.target]].location
                raise _located(
                    f"node '{rule.target}' is defined twice"
                    + (f" (first on line {first.line})" if first else ""),
                    rule.location,
                )
            index[rule.target] = position
        object.__setattr__(self, "_index", MappingProxyType(index))
        for rule in self.rules:
            for name in sorted(rule.regulators - index.keys()):
                raise _undefined(name, rule.location, index)
        for phenotype in self.phenotypes:
            for name in sorted(variables(phenotype.expr) - index.keys()):
                if any(other.name == name for other in self.phenotypes):
                    raise _located(
                        f"phenotype '{phenotype.name}' names the phenotype '{name}'",
                        phenotype.location,
                        column=word_column(phenotype.location, name),
                        hint=f"a phenotype declared in the model names nodes only: write out '{name}'",
                    )
                raise _undefined(name, phenotype.location, index)
        for name in self.readouts:
            if name not in index:
                hint = suggest(name, index)
                raise ModelError(f"read-out '{name}' is not a node" + (f"; {hint}" if hint else ""))
        for position, name in enumerate(self.readouts):
            if name in self.readouts[:position]:
                raise ModelError(f"read-out '{name}' is declared twice")

    def __reduce__(self) -> tuple[object, ...]:
        # pickled by its fields (the derived index is rebuilt), e.g. for worker processes
        return (
            Network,
            (self.rules, self.phenotypes, self.perturbation, self.name, self.cuts, self.readouts),
        )

    # -- nodes ---------------------------------------------------------------
    @property
    def nodes(self) -> tuple[str, ...]:
        """Node names in canonical order."""
        return tuple(rule.target for rule in self.rules)

    def __len__(self) -> int:
        return len(self.rules)

    def __iter__(self) -> Iterator[str]:
        return iter(self.nodes)

    def __contains__(self, node: object) -> bool:
        return node in self._index

    def index(self, node: str) -> int:
        """The position of ``node`` in the canonical order (its bit in a state)."""
        try:
            return self._index[node]
        except KeyError:
            raise KeyError(node) from None

    def rule(self, node: str) -> Rule:
        """The rule of ``node``."""
        return self.rules[self.index(node)]

    @property
    def inputs(self) -> tuple[str, ...]:
        """Nodes whose rule is the node itself (``X = X``), in canonical order."""
        return tuple(rule.target for rule in self.rules if rule.is_input)

    @property
    def constants(self) -> tuple[str, ...]:
        """Nodes whose rule is a constant (including perturbed nodes)."""
        return tuple(rule.target for rule in self.rules if rule.is_constant)

    def regulators(self, node: str) -> tuple[str, ...]:
        """The regulators of ``node`` in canonical order."""
        found = self.rule(node).regulators
        return tuple(n for n in self.nodes if n in found)

    def phenotype(self, name: str) -> Phenotype:
        """The declared phenotype called ``name``."""
        for phenotype in self.phenotypes:
            if phenotype.name == name:
                return phenotype
        raise KeyError(name)

    # -- perturbations -------------------------------------------------------
    def perturbed(self, values: Mapping[str, int | bool]) -> Network:
        """A copy with each named node fixed: 0 is a knockout, 1 an over-expression.

        The node's rule becomes the constant; the perturbation is recorded in
        :attr:`perturbation`.  Fixing a node again to the same value is allowed,
        to the other value is a conflict.

        Raises
        ------
        PerturbationError
            For an unknown node, a value other than 0/1, or a conflict.

        Examples
        --------
        >>> net = Network((Rule("a", Var("b")), Rule("b", Var("a"))))
        >>> net.perturbed({"a": 0}).rule("a").text
        '0'
        """
        fixed = dict(self.perturbation)
        rules = list(self.rules)
        for node, value in values.items():
            if node not in self._index:
                hint = suggest(node, self.nodes)
                raise PerturbationError(
                    f"cannot perturb unknown node '{node}'" + (f"; {hint}" if hint else "")
                )
            if value not in (0, 1):
                raise PerturbationError(f"node '{node}' can only be fixed to 0 or 1, not {value!r}")
            value = int(value)
            if fixed.get(node, value) != value:
                raise PerturbationError(
                    f"conflicting perturbations of '{node}': fixed to {fixed[node]} and to {value}"
                )
            fixed[node] = value
            position = self._index[node]
            rules[position] = replace(rules[position], expr=Const(bool(value)))
        return replace(self, rules=tuple(rules), perturbation=tuple(fixed.items()))

    def cut(self, edges: Mapping[tuple[str, str], int | bool]) -> Network:
        """A copy in which each regulation ``(source, target)`` is cut.

        The target's rule sees the source fixed to the given value (0 or 1)
        while every other rule still sees the source itself, e.g. blocking
        IL-6 from reaching its receptor without removing IL-6.  The cut is
        recorded in :attr:`cuts`; cutting an edge again to the same value is
        allowed, to the other value is a conflict.

        Raises
        ------
        PerturbationError
            For an unknown node, a source that does not regulate the target,
            a value other than 0/1, a conflict, or a target fixed by
            :meth:`perturbed` (its rule no longer reads any regulator).

        Examples
        --------
        >>> net = Network((Rule("a", Var("a")), Rule("b", Var("a")), Rule("c", Var("a"))))
        >>> cut = net.cut({("a", "b"): 0})
        >>> cut.rule("b").text, cut.rule("c").text, cut.cuts
        ('0', 'a', (('a', 'b', 0),))
        """
        from .expr import substitute  # local: keeps the module's import list to what the model needs

        done = {(source, target): value for source, target, value in self.cuts}
        fixed = dict(self.perturbation)
        rules = list(self.rules)
        for (source, target), value in edges.items():
            for node in (source, target):
                if node not in self._index:
                    hint = suggest(node, self.nodes)
                    raise PerturbationError(
                        f"cannot cut a regulation of unknown node '{node}'" + (f"; {hint}" if hint else "")
                    )
            if value not in (0, 1):
                raise PerturbationError(f"a cut regulation can only be fixed to 0 or 1, not {value!r}")
            value = int(value)
            if done.get((source, target), value) != value:
                raise PerturbationError(
                    f"conflicting cuts of {source}->{target}: "
                    f"fixed to {done[(source, target)]} and to {value}"
                )
            if target in fixed:
                raise PerturbationError(
                    f"cannot cut {source}->{target}: '{target}' is fixed to {fixed[target]} by a perturbation"
                )
            position = self._index[target]
            # against the rule as it was before this call: an earlier cut may have folded the source away
            if (source, target) not in done and source not in self.rules[position].regulators:
                raise PerturbationError(
                    f"cannot cut {source}->{target}: '{source}' does not regulate '{target}'"
                )
            done[(source, target)] = value
            rules[position] = replace(
                rules[position], expr=substitute(rules[position].expr, {source: bool(value)})
            )
        return replace(self, rules=tuple(rules), cuts=tuple((s, t, v) for (s, t), v in done.items()))

    @property
    def perturbation_dict(self) -> dict[str, int]:
        """The perturbation as a plain dict (node -> 0/1)."""
        return dict(self.perturbation)


def _located(
    message: str, location: SourceLocation | None, *, column: int = 0, hint: str | None = None
) -> ModelError:
    if location is None:
        return ModelError(message, source="<network>", hint=hint)
    return ModelError.at(location, message, column=column, hint=hint)


def _undefined(name: str, location: SourceLocation | None, known: Mapping[str, int]) -> ModelError:
    # a BoolNet rule line reads 'target, factors' (whatever the file is called)
    bnet = location is not None and re.match(r"\s*[A-Za-z_][\w.]*\s*,", location.text) is not None
    rule = f"{name}, {name}" if bnet else f"{name} = {name}"
    hint = suggest(name, known) or f"give it a rule, or declare it an input with '{rule}'"
    return _located(f"undefined node '{name}'", location, column=word_column(location, name), hint=hint)


def word_column(location: SourceLocation | None, word: str) -> int:
    """The 1-based column of ``word`` in the expression of ``location``'s line (0 when unknown).

    >>> word_column(SourceLocation("m.txt", 2, "A = Ab & A  # A, then Ab"), "A")
    10
    """
    if location is None or not location.text:
        return 0
    return _find_word(location.text, word) + 1


def _find_word(text: str, word: str) -> int:
    """The 0-based offset of ``word`` as a whole identifier in ``text`` after the target."""
    # the first '=' (native, BooleanNet) or ',' (BoolNet) ends the target: a comment may hold either
    separator = min((at for at in (text.find("="), text.find(",")) if at >= 0), default=-1)
    for match in re.finditer(rf"(?<![A-Za-z0-9_]){re.escape(word)}(?![A-Za-z0-9_])", text):
        if match.start() > separator:
            return match.start()
    return -1
