"""Scenarios: fixing a model's inputs (mutations, environment, drugs).

An input (a node whose rule is itself, ``EGFR = EGFR``) never changes, so a
model with ``k`` free inputs splits into ``2**k`` independent sub-models.  A
:class:`Scenario` fixes some inputs (``"EGFR=1,Ras=0"``); the inputs it leaves
free range over both values.  :func:`sweep` lists every combination of the
free inputs, for reports per scenario.

A perturbation of an input that the scenario fixes overrides the scenario
(an EGFR inhibitor given to an EGFR-mutant cell): see :meth:`Scenario.without`.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Iterator, Mapping

from ..errors import InputError
from ..frozen import Frozen
from ..model import Network, suggest

__all__ = ["Scenario", "input_combinations", "parse_scenario", "sweep"]

MAX_SWEEP_INPUTS = 16


class Scenario(Frozen, order=True):
    """Values of some inputs, in the network's node order."""

    values: tuple[tuple[str, int], ...] = ()

    @property
    def as_dict(self) -> dict[str, int]:
        """The fixed inputs as a dict (input -> 0/1)."""
        return dict(self.values)

    def __str__(self) -> str:
        return ",".join(f"{k}={v}" for k, v in self.values) or "all inputs free"

    def free_inputs(self, network: Network) -> tuple[str, ...]:
        """The inputs of ``network`` this scenario leaves free."""
        fixed = self.as_dict
        return tuple(n for n in network.inputs if n not in fixed)

    def without(self, nodes: Iterable[str]) -> Scenario:
        """This scenario with the given nodes released (they are perturbed instead)."""
        drop = set(nodes)
        return Scenario(tuple((k, v) for k, v in self.values if k not in drop))

    def merged(self, other: Scenario, network: Network) -> Scenario:
        """This scenario with ``other``'s values added (``other`` wins on a shared input)."""
        values = self.as_dict | other.as_dict
        return Scenario(tuple((n, values[n]) for n in network.nodes if n in values))

    def apply(self, network: Network) -> Network:
        """``network`` with the scenario's inputs fixed (recorded as a perturbation)."""
        return network.perturbed(self.as_dict) if self.values else network


def parse_scenario(text: str, network: Network, *, source: str = "<scenario>") -> Scenario:
    """Read ``"EGFR=1,Ras=0"`` (commas or spaces between items) for ``network``.

    Raises
    ------
    InputError
        For an item that is not ``INPUT=0|1``, an unknown node (with a
        did-you-mean hint), a node that is not an input, or an input given
        twice with different values.  The column points at the item.

    Examples
    --------
    >>> from boolnet.formats import parse_rules
    >>> net = parse_rules("a = a\\nb = b\\nc = a & b")
    >>> str(parse_scenario("b=1, a=0", net))
    'a=0,b=1'
    """
    values: dict[str, int] = {}
    for match in re.finditer(r"[^,\s]+(?:\s*=\s*[^,\s]*)?", text):
        item = match.group()

        def error(message: str, hint: str | None = None, *, at: int = match.start()) -> InputError:
            return InputError(message, source=source, line=1, column=at + 1, source_line=text, hint=hint)

        parts = re.fullmatch(r"([A-Za-z_][A-Za-z0-9_.]*)\s*=\s*([01])", item)
        if not parts:
            raise error(f"cannot read '{item}' in the scenario; write INPUT=0 or INPUT=1")
        node, value = parts[1], int(parts[2])
        if node not in network:
            raise error(
                f"unknown node '{node}' in the scenario", suggest(node, network.inputs or network.nodes)
            )
        if node not in network.inputs:
            inputs = ", ".join(network.inputs) or "none"
            raise error(
                f"'{node}' is not an input; a scenario fixes inputs only ({inputs})",
                "use --ko/--oe to perturb other nodes",
            )
        if values.get(node, value) != value:
            raise error(f"'{node}' is given twice with different values in the scenario")
        values[node] = value
    return Scenario(tuple((n, values[n]) for n in network.nodes if n in values))


def input_combinations(inputs: tuple[str, ...]) -> Iterator[dict[str, int]]:
    """Every assignment of 0/1 to ``inputs`` (``2**len(inputs)``), in binary order."""
    for combo in itertools.product((0, 1), repeat=len(inputs)):
        yield dict(zip(inputs, combo, strict=True))


def sweep(network: Network, base: Scenario | None = None) -> list[Scenario]:
    """Every scenario that fixes all inputs, extending ``base``.

    Raises
    ------
    InputError
        When more than 16 inputs are free (65,536 scenarios); fix some first.
    """
    base = base or Scenario()
    free = base.free_inputs(network)
    if len(free) > MAX_SWEEP_INPUTS:
        raise InputError(
            f"{len(free)} free inputs give 2^{len(free)} scenarios, over the limit of 2^{MAX_SWEEP_INPUTS}; "
            "fix some with --scenario",
            source="<scenario>",
        )
    fixed: Mapping[str, int] = base.as_dict
    result = []
    for combo in input_combinations(free):
        values = dict(fixed) | combo
        result.append(Scenario(tuple((n, values[n]) for n in network.nodes if n in values)))
    return result
