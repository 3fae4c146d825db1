"""One perturbation's outcome against a phenotype, in a scenario, globally or from the disease state.

:class:`Evaluator` answers, for one network, phenotype, update scheme and
scenario, the question a screen asks of every perturbation:

* ``global``: the attractors of the perturbed network, whatever the initial
  state (over every combination of the inputs the scenario leaves free);
* ``from-phenotype``: the attractors the perturbed dynamics reaches from
  every state of the *unperturbed* network's attractors that show the
  phenotype: the treatment question, where a running autocrine loop can keep
  a pathway on after its trigger is removed.

The phenotype is *abolished* when none of those attractors shows it.  A
perturbation of an input the scenario fixes overrides the scenario.
Attractors come from :class:`~.reduction.Reducer` (global) and
:func:`~.reach.reachable_attractors` (from the phenotype); both are exact.

A global outcome is the union of independent parts, one per combination of
the free inputs, so worker processes can each answer an :class:`InputShare`
of the combinations and :meth:`Outcome.merged` joins their parts.
"""

from __future__ import annotations

import time
from collections.abc import Mapping, Sequence
from enum import StrEnum

import numpy as np

from ..errors import InputError, LimitError
from ..expr import Expr
from ..frozen import Frozen
from ..limits import Limits
from ..model import Network, Phenotype
from ..update import Update, parse_update
from .perturbations import Perturbation, check_nodes
from .phenotypes import Presence, classify, evaluate_states, phenotype_expr, shows
from .reach import MAX_REACHABLE, reachable_attractors
from .reduction import AnySet, Reducer
from .scenarios import Scenario, input_combinations
from .symbolic_sets import SymbolicSet

__all__ = ["Evaluator", "InputShare", "Mode", "Outcome", "parse_mode"]


class Mode(StrEnum):
    """Which attractors a screen asks about."""

    GLOBAL = "global"
    FROM_PHENOTYPE = "from-phenotype"

    def __str__(self) -> str:
        return self.value


def parse_mode(mode: str | Mode) -> Mode:
    """The :class:`Mode` named ``mode`` (``global`` or ``from-phenotype``)."""
    if isinstance(mode, Mode):
        return mode
    try:
        return Mode(mode)
    except ValueError:
        raise InputError(f"unknown mode '{mode}' (use global or from-phenotype)", source="<mode>") from None


class Outcome(Frozen):
    """The attractors a perturbation leaves and how each relates to the phenotype.

    Attributes
    ----------
    attractors
        Every attractor asked about (see :class:`Mode`), as integer states,
        or by pattern and size when too large to list.
    presence
        The phenotype's presence in each attractor.
    complete
        True when the attractor list is exact and complete.
    strict
        Whether "shows" means always (strict) or always-or-sometimes.
    """

    attractors: tuple[AnySet, ...]
    presence: tuple[Presence, ...]
    complete: bool
    strict: bool

    @property
    def phenotype_attractors(self) -> int:
        """How many attractors show the phenotype."""
        return sum(shows(p, strict=self.strict) for p in self.presence)

    @property
    def abolished(self) -> bool:
        """True when no attractor shows the phenotype."""
        return self.phenotype_attractors == 0

    @staticmethod
    def merged(parts: Sequence[Outcome]) -> Outcome:
        """One outcome from the outcomes of disjoint shares of the input combinations."""
        found: dict[bytes, tuple[AnySet, Presence]] = {}
        for part in parts:
            for attractor, presence in zip(part.attractors, part.presence, strict=True):
                found.setdefault(attractor.ident, (attractor, presence))
        ordered = sorted(found.values(), key=lambda pair: pair[0].order)
        return Outcome(
            tuple(a for a, _ in ordered),
            tuple(p for _, p in ordered),
            all(part.complete for part in parts),
            parts[0].strict,
        )


class InputShare(Frozen):
    """The combinations of the free inputs that one worker answers in a global screen.

    ``owners`` maps the values of the scenario's free ``inputs`` (in that
    order) to a worker; this share is ``worker``'s.  A perturbation that fixes
    an input keeps its value in the key (so its combinations go to the worker
    that has the unperturbed ones, and their cores, in cache); an input it
    cuts counts as 0.
    """

    inputs: tuple[str, ...]
    owners: Mapping[tuple[int, ...], int]
    worker: int

    def owns(self, values: Mapping[str, int]) -> bool:
        """Whether this share answers the combination with these input values."""
        return self.owners[tuple(values.get(n, 0) for n in self.inputs)] == self.worker


class Evaluator:
    """Outcomes of perturbations of one network for one phenotype, update, scenario and mode.

    Parameters
    ----------
    network
        The unperturbed network.
    phenotype
        The phenotype, with its expression over nodes (see
        :func:`~.phenotypes.resolve_phenotype`).
    update, scenario, mode, strict
        As in :func:`~.screen.screen`.
    method, limits
        For the attractor engine of each reduced core.
    max_reachable
        Budget on the states explored from the phenotype (from-phenotype mode).
    observed
        More expressions to classify attractors against with
        :meth:`presence_of` (the phenotype and the model's phenotypes always are).

    Notes
    -----
    Work is shared between calls: percolations and core attractors are
    cached by :class:`~.reduction.Reducer`.
    """

    def __init__(
        self,
        network: Network,
        phenotype: Phenotype,
        *,
        update: str | Update = "asynchronous",
        scenario: Scenario | None = None,
        mode: str | Mode = Mode.GLOBAL,
        strict: bool = False,
        method: str = "auto",
        limits: Limits | None = None,
        max_reachable: int = MAX_REACHABLE,
        observed: Sequence[Expr] = (),
    ) -> None:
        self.network = network
        self.phenotype = phenotype
        self.update = parse_update(update)
        self.scenario = scenario or Scenario()
        self.mode = parse_mode(mode)
        self.strict = strict
        self.max_reachable = max_reachable
        # attractors too large to list are classified as they are found, against these
        declared = [phenotype_expr(network, p) for p in network.phenotypes]
        watched = (phenotype.expr, *declared, *observed)
        self.reducer = Reducer(network, self.update, method=method, limits=limits, observed=watched)
        self._free_inputs = self.scenario.free_inputs(network)  # asked for every perturbation
        self._starts: np.ndarray | None = None
        self._costs: dict[tuple[int, ...], float] | None = None  # timed with the unperturbed network
        self._presence: dict[bytes, Presence] = {}

    def presence(self, attractor: AnySet) -> Presence:
        """The phenotype's presence in ``attractor`` (cached: attractors recur across perturbations)."""
        return self.presence_of(attractor, self.phenotype.expr)

    def presence_of(self, attractor: AnySet, expr: Expr) -> Presence:
        """The presence in ``attractor`` of ``expr``: the phenotype or one of the model's phenotypes."""
        if isinstance(attractor, SymbolicSet):
            return attractor.presence_of(expr)
        if expr != self.phenotype.expr:
            return classify(evaluate_states(expr, self.network, attractor.states))
        ident = attractor.ident
        known = self._presence.get(ident)
        if known is None:
            known = classify(evaluate_states(expr, self.network, attractor.states))
            self._presence[ident] = known
        return known

    def combination_costs(self) -> dict[tuple[int, ...], float]:
        """Seconds the unperturbed network took in each combination of the free inputs.

        Keyed by the inputs' values in :attr:`free_inputs` order; a guide to
        how a screen's work divides between the combinations.  Timed the first
        time the unperturbed network is evaluated (now, if it has not been).
        """
        if self._costs is None:
            self.global_attractors(Perturbation())
        assert self._costs is not None  # recorded by global_attractors
        return dict(self._costs)

    @property
    def free_inputs(self) -> tuple[str, ...]:
        """The inputs the scenario leaves free: a global outcome covers each of their combinations."""
        return self._free_inputs

    def global_attractors(
        self, perturbation: Perturbation, share: InputShare | None = None
    ) -> tuple[tuple[AnySet, ...], bool]:
        """Every attractor of the perturbed network in the scenario, and whether the list is complete.

        With ``share``, only the attractors of the input combinations it owns.
        """
        check_nodes(perturbation, self.network)
        fixed = perturbation.fixed
        scenario = self.scenario.without(fixed)
        base = {self.network.index(n): v for n, v in scenario.values}
        extra = tuple(sorted((self.network.index(n), v) for n, v in fixed.items()))
        cuts = {(self.network.index(s), self.network.index(t)): v for (s, t), v in perturbation.cuts.items()}
        if cuts:
            perturbation.apply(self.network)  # validates the cuts (regulations must exist)
        cut_targets = {t for (_, t) in perturbation.cuts}  # a cut self-regulation makes an input a constant
        # the inputs a perturbation releases from the scenario it fixes itself
        free = tuple(n for n in self._free_inputs if n not in fixed and n not in cut_targets)
        found: dict[bytes, AnySet] = {}
        complete = True
        baseline = self._costs is None and not perturbation.actions and share is None
        timed: dict[tuple[int, ...], float] | None = {} if baseline else None
        for combo in input_combinations(free):
            if share is not None and not share.owns(fixed | combo):
                continue
            inputs = base | {self.network.index(n): v for n, v in combo.items()}
            start = time.perf_counter()
            outcome = self.reducer.attractors(inputs, extra, cuts)
            if timed is not None:
                timed[tuple(combo.values())] = time.perf_counter() - start
            complete &= outcome.complete
            for attractor in outcome.attractors:
                found.setdefault(attractor.ident, attractor)
        if timed is not None:
            self._costs = timed
        ordered = tuple(sorted(found.values(), key=lambda a: a.order))
        return ordered, complete

    def start_states(self) -> np.ndarray:
        """Every state of the unperturbed network's attractors that show the phenotype."""
        if self._starts is None:
            attractors, _ = self.global_attractors(Perturbation())
            chosen = []
            for attractor in attractors:
                if not shows(self.presence(attractor), strict=self.strict):
                    continue
                if isinstance(attractor, SymbolicSet):
                    raise LimitError(
                        f"a phenotype attractor of {attractor.size} states is too large to start from "
                        "(raise it with --listed-states or Limits(listed_states=...), or screen globally)",
                        budget="listed_states",
                    )
                chosen.append(attractor.states)
            self._starts = np.unique(np.concatenate(chosen)) if chosen else np.zeros(0, dtype=np.uint64)
        return self._starts

    def outcome(self, perturbation: Perturbation, share: InputShare | None = None) -> Outcome:
        """The outcome of ``perturbation`` (see :class:`Mode`).

        With ``share`` (global mode only), the part of the outcome that comes
        from the input combinations it owns; :meth:`Outcome.merged` joins the
        parts of all shares into the outcome.

        Raises
        ------
        PerturbationError
            For unknown nodes or conflicting actions.
        LimitError
            When an engine or the reachability budget is exceeded.
        """
        if share is not None and self.mode is not Mode.GLOBAL:
            raise ValueError("only a global outcome divides into shares of the input combinations")
        attractors, complete = self.global_attractors(perturbation, share)
        if self.mode is Mode.FROM_PHENOTYPE:
            attractors = self._from_phenotype(perturbation, attractors)
        presence = tuple(self.presence(a) for a in attractors)
        return Outcome(attractors, presence, complete, self.strict)

    def _from_phenotype(
        self, perturbation: Perturbation, everywhere: tuple[AnySet, ...]
    ) -> tuple[AnySet, ...]:
        starts = self.start_states()
        if len(starts) == 0:
            return ()
        if len(everywhere) == 1:  # every trajectory ends there
            return everywhere
        scenario = self.scenario.without(perturbation.fixed)
        network = perturbation.apply(scenario.apply(self.network))
        reached = reachable_attractors(network, starts, self.update, max_states=self.max_reachable)
        return tuple(reached)
