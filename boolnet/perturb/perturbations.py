"""Perturbations as values: knockouts, over-expressions and cut regulations.

An :class:`Action` is one change to a network: ``ko X`` fixes node X to 0,
``oe X`` fixes it to 1, and ``cut A->B`` makes B's rule see A fixed to 0
(``cut A->B=1``: fixed to 1) while every other rule still sees A.  A
:class:`Perturbation` is a set of actions applied together; two actions that
contradict each other (``ko X`` with ``oe X``, or a cut into a node that is
also fixed) are a :class:`~boolnet.errors.PerturbationError`.

Text form, used by validation files and messages: actions separated by
commas, e.g. ``"ko JAK, oe STAT3, cut IL6->IL6R"``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from enum import StrEnum

from ..errors import PerturbationError
from ..frozen import Frozen
from ..model import Network, suggest

__all__ = ["Action", "Kind", "Perturbation", "from_options", "parse_perturbation"]


class Kind(StrEnum):
    """The kind of one perturbation action."""

    KNOCKOUT = "ko"
    OVEREXPRESSION = "oe"
    CUT = "cut"

    def __str__(self) -> str:
        return self.value


class Action(Frozen, order=True):
    """One change to a network.

    Attributes
    ----------
    kind
        Knockout, over-expression or cut.
    target
        The node fixed (ko/oe) or whose rule loses a regulator (cut).
    source
        For a cut, the regulator the target no longer sees; ``""`` otherwise.
    value
        The value the node (or, for a cut, the regulator as seen by the target) is fixed to.
    """

    kind: Kind
    target: str
    source: str = ""
    value: int = 0

    @staticmethod
    def knockout(node: str) -> Action:
        """``ko node``: the node is fixed to 0."""
        return Action(Kind.KNOCKOUT, node, "", 0)

    @staticmethod
    def overexpression(node: str) -> Action:
        """``oe node``: the node is fixed to 1."""
        return Action(Kind.OVEREXPRESSION, node, "", 1)

    @staticmethod
    def cut(source: str, target: str, value: int = 0) -> Action:
        """``cut source->target``: the target's rule sees ``source`` as ``value``."""
        return Action(Kind.CUT, target, source, value)

    @property
    def key(self) -> str:
        """The name used in JSON and CSV: the node, or ``SOURCE->TARGET`` for a cut."""
        return f"{self.source}->{self.target}" if self.kind is Kind.CUT else self.target

    def __str__(self) -> str:
        if self.kind is Kind.CUT:
            return f"cut {self.key}" + ("=1" if self.value else "")
        return f"{self.kind} {self.target}"


class Perturbation(Frozen, order=True):
    """A set of actions applied together (sorted, without duplicates).

    Build one with :meth:`of`, which checks for conflicts.
    """

    actions: tuple[Action, ...] = ()

    @staticmethod
    def of(actions: Iterable[Action]) -> Perturbation:
        """The perturbation made of ``actions``.

        Raises
        ------
        PerturbationError
            When two actions conflict: a node both knocked out and
            over-expressed, an edge cut to both values, or a cut into a node
            that is also fixed.
        """
        unique = tuple(sorted(set(actions)))
        fixed: dict[str, Action] = {}
        cuts: dict[str, Action] = {}
        for action in unique:
            if action.kind is Kind.CUT:
                if action.key in cuts:
                    raise PerturbationError(f"conflicting cuts of {action.key}: fixed to 0 and to 1")
                cuts[action.key] = action
            else:
                if action.target in fixed:
                    raise PerturbationError(
                        f"conflicting perturbations of '{action.target}': {fixed[action.target]} and {action}"
                    )
                fixed[action.target] = action
        for action in cuts.values():
            if action.target in fixed:
                raise PerturbationError(
                    f"conflicting perturbations: {action} has no effect while {fixed[action.target]} fixes "
                    f"'{action.target}'"
                )
        return Perturbation(unique)

    @staticmethod
    def recorded_in(network: Network) -> Perturbation:
        """The perturbation ``network`` carries (its fixed nodes and cut regulations).

        >>> from boolnet.formats import parse_rules
        >>> str(Perturbation.recorded_in(parse_rules("a = a\\nb = a").perturbed({"b": 1})))
        'oe b'
        """
        actions = [
            Action.overexpression(node) if value else Action.knockout(node)
            for node, value in network.perturbation
        ]
        actions += [Action.cut(source, target, value) for source, target, value in network.cuts]
        return Perturbation(tuple(sorted(actions)))

    def __len__(self) -> int:
        return len(self.actions)

    def __str__(self) -> str:
        return ", ".join(str(a) for a in self.actions) or "none"

    @property
    def fixed(self) -> dict[str, int]:
        """The nodes fixed by knockouts and over-expressions (node -> 0/1)."""
        return {a.target: a.value for a in self.actions if a.kind is not Kind.CUT}

    @property
    def cuts(self) -> dict[tuple[str, str], int]:
        """The cut regulations ((source, target) -> value seen by the target)."""
        return {(a.source, a.target): a.value for a in self.actions if a.kind is Kind.CUT}

    def as_dict(self) -> dict[str, int]:
        """``{"JAK": 0, "IL6->IL6R": 0}``: the JSON form (a cut's key is ``SOURCE->TARGET``)."""
        return {a.key: a.value for a in self.actions}

    def issubset(self, other: Perturbation) -> bool:
        """True when every action of this perturbation is in ``other``."""
        return set(self.actions) <= set(other.actions)

    def apply(self, network: Network) -> Network:
        """``network`` with the actions applied (cuts first, then fixed nodes).

        Raises
        ------
        PerturbationError
            For unknown nodes (with a did-you-mean hint), or a cut of a
            regulation that does not exist.
        """
        if self.cuts:
            network = network.cut(self.cuts)
        if self.fixed:
            network = network.perturbed(self.fixed)
        return network


_ACTION = re.compile(
    r"^\s*(?P<kind>ko|oe|cut)\s+(?P<body>[A-Za-z_][A-Za-z0-9_.]*(?:\s*->\s*[A-Za-z_][A-Za-z0-9_.]*(?:\s*=\s*[01])?)?)\s*$",
    re.IGNORECASE,
)


def parse_cut(text: str) -> Action:
    """``"A->B"`` or ``"A->B=1"`` as a cut action.

    Raises
    ------
    PerturbationError
        When the text is not of that form.
    """
    match = re.fullmatch(
        r"\s*([A-Za-z_][A-Za-z0-9_.]*)\s*->\s*([A-Za-z_][A-Za-z0-9_.]*)\s*(?:=\s*([01]))?\s*", text
    )
    if not match:
        raise PerturbationError(f"cannot read the cut '{text}'; write SOURCE->TARGET or SOURCE->TARGET=1")
    return Action.cut(match[1], match[2], int(match[3] or 0))


def parse_perturbation(text: str) -> Perturbation:
    """Parse ``"ko JAK, oe STAT3, cut IL6->IL6R"`` (an empty text is no perturbation).

    Raises
    ------
    PerturbationError
        For an action that is not ``ko NODE``, ``oe NODE`` or
        ``cut SOURCE->TARGET[=0|1]``, or conflicting actions.

    Examples
    --------
    >>> str(parse_perturbation("oe b, ko a, cut a->c"))
    'cut a->c, ko a, oe b'
    """
    actions = []
    for part in filter(str.strip, text.split(",")):
        match = _ACTION.match(part)
        if not match:
            raise PerturbationError(
                f"cannot read the perturbation '{part.strip()}'; "
                "write 'ko NODE', 'oe NODE' or 'cut SOURCE->TARGET'"
            )
        kind = match["kind"].lower()
        body = match["body"]
        if kind == "cut":
            actions.append(parse_cut(body))
        elif "->" in body:
            raise PerturbationError(f"'{part.strip()}': only a cut takes SOURCE->TARGET")
        else:
            actions.append(Action.knockout(body) if kind == "ko" else Action.overexpression(body))
    return Perturbation.of(actions)


def from_options(
    knockouts: Iterable[str] = (), overexpressions: Iterable[str] = (), cuts: Iterable[str] = ()
) -> Perturbation:
    """The perturbation given by the CLI options ``--ko``, ``--oe`` and ``--cut``."""
    actions = [Action.knockout(n) for n in knockouts]
    actions += [Action.overexpression(n) for n in overexpressions]
    actions += [parse_cut(text) for text in cuts]
    return Perturbation.of(actions)


def check_nodes(perturbation: Perturbation, network: Network) -> None:
    """Raise :class:`PerturbationError` (with a hint) when an action names an unknown node."""
    for action in perturbation.actions:
        for node in (action.source, action.target):
            if node and node not in network:
                hint = suggest(node, network.nodes)
                raise PerturbationError(
                    f"cannot perturb unknown node '{node}'" + (f"; {hint}" if hint else "")
                )


def values_text(values: Mapping[str, int]) -> str:
    """``EGFR=1, Ras=0`` (or ``none``)."""
    return ", ".join(f"{k}={v}" for k, v in values.items()) or "none"
