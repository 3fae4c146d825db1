"""Perturbation screens: every combination of actions up to a size, against a phenotype.

A screen takes candidate nodes (by default every node that is neither an
input nor named by the phenotype), the kinds of action (``ko``, ``oe``,
``cut``: every regulation into a candidate, seen as 0), and evaluates every
combination of up to ``max_size`` non-conflicting actions, smallest first.
Each :class:`ScreenEntry` says how many attractors the perturbed network has
(globally, or reached from the disease state: see :class:`~.evaluate.Mode`),
how many show the phenotype, whether it is **abolished**, and whether the set
is **minimal** (it abolishes and no proper subset does).

:class:`Screen` is an iterator, so a caller can show progress and stop early
(e.g. on Ctrl-C) and still get a :class:`ScreenResult` of what finished,
marked incomplete; :func:`screen` runs it to the end.  The library never
prints.

Complexity: the number of combinations is ``sum_k C(a, k)`` for ``a``
actions; each costs a cached percolation and, for each distinct reduced core,
one attractor computation (see :mod:`.reduction`).
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable, Iterator, Sequence

from ..errors import PerturbationError
from ..expr import to_text
from ..frozen import Frozen, field
from ..limits import Limits
from ..model import Network, Phenotype, suggest
from ..update import Update, parse_update
from .evaluate import Evaluator, InputShare, Mode, Outcome, parse_mode
from .parallel import EvaluatorPool, deal_combinations
from .perturbations import Action, Kind, Perturbation
from .phenotypes import resolve_phenotype
from .scenarios import Scenario

__all__ = [
    "MAX_COMBINATIONS",
    "Screen",
    "ScreenEntry",
    "ScreenResult",
    "candidate_actions",
    "parse_kinds",
    "screen",
]

MAX_COMBINATIONS = 5_000_000


class ScreenEntry(Frozen):
    """The outcome of one perturbation in a screen.

    Attributes
    ----------
    perturbation
        The actions applied.
    attractors
        How many attractors the perturbed network has (in the screen's mode).
    phenotype_attractors
        How many of them show the phenotype.
    abolished
        True when none does.
    minimal
        True when abolished and no proper subset (screened before it) abolishes.
    complete
        True when the attractor list behind the counts is exact and complete.
    outcome
        The attractors themselves (for side effects and rendering).
    """

    perturbation: Perturbation
    attractors: int
    phenotype_attractors: int
    abolished: bool
    minimal: bool
    complete: bool
    outcome: Outcome = field(compare=False, repr=False)

    @property
    def size(self) -> int:
        """The number of actions."""
        return len(self.perturbation)


class ScreenResult(Frozen):
    """A finished (or interrupted) screen.

    Attributes
    ----------
    phenotype
        The phenotype's name (its expression text if it was given as one).
    expression
        The phenotype's expression over nodes.
    update
        The update scheme.
    scenario
        The inputs fixed by the scenario (the others range over both values).
    mode
        ``global`` or ``from-phenotype``.
    strict
        True when "shows" means "always shows".
    background
        The perturbation every screened network carries besides its own
        (the knockouts, over-expressions and cuts of the network screened).
    complete
        True when every planned combination was screened and every attractor
        list is exact and complete.
    baseline
        The outcome of the unperturbed network.
    entries
        One per screened perturbation, smallest first.
    planned
        How many perturbations the screen planned.
    """

    phenotype: str
    expression: str
    update: Update
    scenario: Scenario
    mode: Mode
    strict: bool
    background: Perturbation
    complete: bool
    baseline: Outcome
    entries: tuple[ScreenEntry, ...]
    planned: int

    @property
    def hits(self) -> tuple[ScreenEntry, ...]:
        """The entries that abolish the phenotype."""
        return tuple(e for e in self.entries if e.abolished)

    @property
    def nothing_to_abolish(self) -> bool:
        """True when no attractor of the unperturbed network shows the phenotype.

        Every perturbation then "abolishes" it trivially, and none is minimal:
        the empty set already does.
        """
        return self.baseline.abolished

    def to_dict(self) -> dict[str, object]:
        """The JSON form (the screen output contract)."""
        return {
            "phenotype": self.phenotype,
            "update": str(self.update),
            "scenario": self.scenario.as_dict,
            "mode": str(self.mode),
            "strict": self.strict,
            "background": self.background.as_dict(),
            "complete": self.complete,
            "baseline": {
                "attractors": len(self.baseline.attractors),
                "phenotype_attractors": self.baseline.phenotype_attractors,
            },
            "interventions": [
                {
                    "perturbation": e.perturbation.as_dict(),
                    "size": e.size,
                    "attractors": e.attractors,
                    "phenotype_attractors": e.phenotype_attractors,
                    "abolished": e.abolished,
                    "minimal": e.minimal,
                }
                for e in self.entries
            ],
        }


def parse_kinds(kinds: str | Iterable[str]) -> tuple[Kind, ...]:
    """``"ko,oe"`` as kinds of action.

    Raises
    ------
    PerturbationError
        For an unknown kind.
    """
    words = kinds.split(",") if isinstance(kinds, str) else list(kinds)
    found = []
    for word in (w.strip().lower() for w in words if w.strip()):
        try:
            found.append(Kind(word))
        except ValueError:
            raise PerturbationError(f"unknown perturbation kind '{word}' (use ko, oe, cut)") from None
    if not found:
        raise PerturbationError("no perturbation kind given (use ko, oe, cut)")
    return tuple(dict.fromkeys(found))


def candidate_actions(
    network: Network,
    phenotype: Phenotype,
    kinds: Sequence[Kind],
    targets: Sequence[str] | None = None,
    exclude: Sequence[str] = (),
) -> list[Action]:
    """The single actions a screen combines.

    Candidates are ``targets`` or, by default, every node that is not an
    input, not a declared read-out (:attr:`Network.readouts`), not named by
    the phenotype's expression and not fixed by the perturbation ``network``
    already carries (the screen's background); nodes in ``exclude`` are then
    left out.  A cut candidate is every regulation (other than
    self-regulation) into a candidate, seen as 0.

    Raises
    ------
    PerturbationError
        For an unknown target or excluded node (with a did-you-mean hint), an
        empty ``targets``, or a target the background already fixes.
    """
    from ..expr import variables

    for what, names in (("target", targets or ()), ("excluded", exclude)):
        for node in names:
            if node not in network:
                hint = suggest(node, network.nodes)
                raise PerturbationError(f"unknown {what} node '{node}'" + (f"; {hint}" if hint else ""))
    background = dict(network.perturbation)
    if targets is None:
        left_out = set(variables(phenotype.expr)) | set(network.inputs) | set(network.readouts)
        left_out |= set(exclude) | set(background)
    elif not targets:
        raise PerturbationError("no target nodes given")
    else:
        for node in targets:
            if node in background:
                action = "oe" if background[node] else "ko"
                raise PerturbationError(
                    f"target '{node}' is already fixed by the background perturbation {action} {node}"
                )
        left_out = (set(network.nodes) - set(targets)) | set(exclude)
    nodes = [n for n in network.nodes if n not in left_out]
    actions: list[Action] = []
    for node in nodes:
        if Kind.KNOCKOUT in kinds:
            actions.append(Action.knockout(node))
        if Kind.OVEREXPRESSION in kinds:
            actions.append(Action.overexpression(node))
        if Kind.CUT in kinds:
            actions += [Action.cut(source, node) for source in network.regulators(node) if source != node]
    return actions


def _compatible(actions: tuple[Action, ...]) -> bool:
    fixed = [a.target for a in actions if a.kind is not Kind.CUT]
    if len(set(fixed)) != len(fixed):
        return False
    return not any(a.kind is Kind.CUT and a.target in fixed for a in actions)


def _combinations(actions: Sequence[Action], max_size: int) -> Iterator[Perturbation]:
    for size in range(1, max_size + 1):
        yield from _combinations_of(actions, size)


def _combinations_of(actions: Sequence[Action], size: int) -> Iterator[Perturbation]:
    for combo in itertools.combinations(actions, size):
        if _compatible(combo):
            yield Perturbation(tuple(sorted(combo)))


class Screen:
    """A planned screen; iterate it to evaluate the perturbations one by one.

    Parameters
    ----------
    network
        The unperturbed network.
    phenotype
        A declared phenotype name, an expression, or a :class:`Phenotype`.
    update
        ``"async"`` (default) or ``"sync"``.
    scenario
        Inputs to fix; the others range over both values.
    mode
        ``"global"`` or ``"from-phenotype"`` (see :class:`~.evaluate.Mode`).
    max_size
        The largest number of actions combined.
    kinds
        Kinds of action (``ko``, ``oe``, ``cut``).
    targets
        Candidate nodes (default: not inputs, not read-outs, not named by the
        phenotype).
    exclude
        Nodes left out of the candidates (e.g. read-outs of a ``.bnet`` model,
        which cannot declare them).
    strict
        Count only attractors that always show the phenotype.
    prune
        Skip supersets of abolishing sets (they cannot be minimal); used by
        :func:`~.interventions.find_interventions`.
    method, limits
        For the attractor engine.
    jobs
        Worker processes evaluating perturbations (see :mod:`.parallel`);
        1 evaluates them in this process.  Entries are the same either way.

    Raises
    ------
    InputError
        For an unknown phenotype name or a bad expression.
    PerturbationError
        For unknown targets or kinds, or ``jobs`` below 1.
    """

    def __init__(
        self,
        network: Network,
        phenotype: str | Phenotype,
        *,
        update: str | Update = "asynchronous",
        scenario: Scenario | None = None,
        mode: str | Mode = Mode.GLOBAL,
        max_size: int = 1,
        kinds: str | Iterable[str] = ("ko", "oe"),
        targets: Sequence[str] | None = None,
        exclude: Sequence[str] = (),
        strict: bool = False,
        prune: bool = False,
        method: str = "auto",
        limits: Limits | None = None,
        jobs: int = 1,
    ) -> None:
        if max_size < 1:
            raise PerturbationError(f"the largest combination must have at least 1 action, not {max_size}")
        if jobs < 1:
            raise PerturbationError(f"a screen needs at least 1 job, not {jobs}")
        self.jobs = jobs
        self.network = network
        self.phenotype = (
            phenotype if isinstance(phenotype, Phenotype) else resolve_phenotype(network, phenotype)
        )
        self.update = parse_update(update)
        self.scenario = scenario or Scenario()
        self.mode = parse_mode(mode)
        self.strict = strict
        self.prune = prune
        self.actions = candidate_actions(network, self.phenotype, parse_kinds(kinds), targets, exclude)
        self.max_size = max_size
        self._settings = {
            "network": network,
            "phenotype": self.phenotype,
            "update": self.update,
            "scenario": self.scenario,
            "mode": self.mode,
            "strict": strict,
            "method": method,
            "limits": limits,
        }
        self.evaluator = Evaluator(**self._settings)  # type: ignore[arg-type]
        self.planned = sum(1 for _ in _combinations(self.actions, max_size))
        if self.planned > MAX_COMBINATIONS:
            raise PerturbationError(
                f"the screen has {self.planned} combinations, over the limit of {MAX_COMBINATIONS}; "
                "lower --max-size or restrict --targets"
            )
        self._baseline: Outcome | None = None
        self.skipped = 0

    @property
    def baseline(self) -> Outcome:
        """The unperturbed network's outcome."""
        if self._baseline is None:
            self._baseline = self.evaluator.outcome(Perturbation())
        return self._baseline

    def __iter__(self) -> Iterator[ScreenEntry]:
        # when the unperturbed network already lacks the phenotype, no perturbation is minimal
        hits: list[frozenset[Action]] = [frozenset()] if self.baseline.abolished else []
        pool = EvaluatorPool(self._settings, self.jobs, self._shares()) if self.jobs > 1 else None
        try:
            # size by size: whether a set is covered by a hit depends on smaller sets only
            for size in range(1, self.max_size + 1):
                batch = []
                for perturbation in _combinations_of(self.actions, size):
                    if self.prune and any(hit <= frozenset(perturbation.actions) for hit in hits):
                        self.skipped += 1
                    else:
                        batch.append(perturbation)
                if pool is None:
                    outcomes: Iterator[Outcome] = map(self.evaluator.outcome, batch)
                else:
                    outcomes = pool.outcomes(batch)
                for perturbation, outcome in zip(batch, outcomes, strict=True):
                    members = frozenset(perturbation.actions)
                    minimal = outcome.abolished and not any(hit <= members for hit in hits)
                    if minimal:
                        hits.append(members)
                    yield ScreenEntry(
                        perturbation,
                        len(outcome.attractors),
                        outcome.phenotype_attractors,
                        outcome.abolished,
                        minimal,
                        outcome.complete,
                        outcome,
                    )
        finally:
            if pool is not None:
                pool.close()

    def _shares(self) -> list[InputShare] | None:
        """Shares of the input combinations for the workers, when dividing by them pays (see .parallel)."""
        if self.mode is not Mode.GLOBAL or not self.evaluator.free_inputs:
            return None
        costs = self.evaluator.combination_costs()
        owners = deal_combinations(costs, self.jobs)
        if owners is None:
            return None
        by_values = dict(zip(costs, owners, strict=True))
        return [InputShare(self.evaluator.free_inputs, by_values, worker) for worker in range(self.jobs)]

    def result(self, entries: Iterable[ScreenEntry], *, finished: bool = True) -> ScreenResult:
        """The result of the entries evaluated so far; incomplete unless ``finished``."""
        done = tuple(entries)
        complete = finished and self.baseline.complete and all(e.complete for e in done)
        return ScreenResult(
            self.phenotype.name,
            to_text(self.phenotype.expr),
            self.update,
            self.scenario,
            self.mode,
            self.strict,
            Perturbation.recorded_in(self.network),
            complete,
            self.baseline,
            done,
            self.planned,
        )


def screen(
    network: Network,
    phenotype: str | Phenotype,
    *,
    update: str | Update = "asynchronous",
    scenario: Scenario | None = None,
    mode: str | Mode = Mode.GLOBAL,
    max_size: int = 1,
    kinds: str | Iterable[str] = ("ko", "oe"),
    targets: Sequence[str] | None = None,
    exclude: Sequence[str] = (),
    strict: bool = False,
    method: str = "auto",
    limits: Limits | None = None,
    progress: Callable[[ScreenEntry], None] | None = None,
    jobs: int = 1,
) -> ScreenResult:
    """Screen every combination of up to ``max_size`` actions against ``phenotype``.

    See :class:`Screen` for the parameters; ``progress`` is called after
    each perturbation.  Exact: every count comes from the exact attractors
    of the perturbed network (see :mod:`.reduction` and :mod:`.reach`).

    Examples
    --------
    >>> from boolnet.formats import parse_rules
    >>> net = parse_rules("s = s\\na = s | b\\nb = a\\nout = a & b")
    >>> result = screen(net, "out", scenario=None, max_size=1, kinds="ko")
    >>> [(str(e.perturbation), e.abolished) for e in result.entries]
    [('ko a', True), ('ko b', True)]
    """
    planned = Screen(
        network,
        phenotype,
        update=update,
        scenario=scenario,
        mode=mode,
        max_size=max_size,
        kinds=kinds,
        targets=targets,
        exclude=exclude,
        strict=strict,
        method=method,
        limits=limits,
        jobs=jobs,
    )
    entries = []
    for entry in planned:
        entries.append(entry)
        if progress is not None:
            progress(entry)
    return planned.result(entries)
