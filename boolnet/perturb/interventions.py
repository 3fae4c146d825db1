"""Minimal interventions: the smallest perturbation sets that abolish a phenotype, ranked by side effects.

A set of actions is a *minimal intervention* when it abolishes the phenotype
and no proper subset does.  Combinations are screened smallest first, and a
combination containing a known hit is skipped: it cannot be minimal (a
superset of an abolishing set need not abolish in a Boolean network, but it
is never minimal), so nothing a smaller set already settled is recomputed.

Hits are ranked by size, then by side effects: the other declared phenotypes
the perturbation removes from every attractor, and how many of the
unperturbed network's attractors that do *not* show the phenotype (the
healthy states) are no longer attractors.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence

from ..expr import Expr
from ..frozen import Frozen
from ..limits import Limits
from ..model import Network, Phenotype
from ..update import Update
from .evaluate import Evaluator, Mode, Outcome
from .perturbations import Perturbation
from .phenotypes import phenotype_expr, shows
from .scenarios import Scenario
from .screening import Screen, ScreenEntry, ScreenResult

__all__ = ["Intervention", "InterventionResult", "find_interventions"]


class Intervention(Frozen):
    """A minimal abolishing perturbation and its side effects.

    Attributes
    ----------
    perturbation
        The actions.
    attractors
        How many attractors the perturbed network has (in the screen's mode).
    lost_phenotypes
        Other declared phenotypes that some unperturbed attractor shows and
        no perturbed attractor does.
    lost_healthy_attractors
        Unperturbed attractors without the phenotype that are no longer attractors.
    """

    perturbation: Perturbation
    attractors: int
    lost_phenotypes: tuple[str, ...]
    lost_healthy_attractors: int

    @property
    def size(self) -> int:
        """The number of actions."""
        return len(self.perturbation)

    @property
    def rank_key(self) -> tuple[int, int, int, str]:
        """Smallest first, then fewest lost phenotypes, then fewest lost healthy attractors."""
        return (self.size, len(self.lost_phenotypes), self.lost_healthy_attractors, str(self.perturbation))


class InterventionResult(Frozen):
    """Minimal interventions, ranked, with the screen they came from.

    ``complete`` is True when every combination up to the size was settled
    (screened, or skipped as a superset of a hit) with exact attractors.
    """

    interventions: tuple[Intervention, ...]
    screen: ScreenResult
    skipped: int

    @property
    def complete(self) -> bool:
        """True when the search finished with exact attractors."""
        return self.screen.complete

    def to_dict(self) -> dict[str, object]:
        """The JSON form: the screen header and the ranked interventions."""
        head = self.screen.to_dict()
        head.pop("interventions")
        head["interventions"] = [
            {
                "perturbation": i.perturbation.as_dict(),
                "size": i.size,
                "attractors": i.attractors,
                "lost_phenotypes": list(i.lost_phenotypes),
                "lost_healthy_attractors": i.lost_healthy_attractors,
            }
            for i in self.interventions
        ]
        return head


def _side_effects(
    evaluator: Evaluator, phenotype: Phenotype, baseline: Outcome, after: Outcome
) -> tuple[tuple[str, ...], int]:
    network = evaluator.network
    lost = []
    for other in network.phenotypes:
        if other.name == phenotype.name:
            continue
        expr = phenotype_expr(network, other)

        def present(outcome: Outcome, expr: Expr = expr) -> bool:
            return any(shows(evaluator.presence_of(a, expr), strict=False) for a in outcome.attractors)

        if present(baseline) and not present(after):
            lost.append(other.name)
    remaining = {a.ident for a in after.attractors}
    healthy = [
        a
        for a, p in zip(baseline.attractors, baseline.presence, strict=True)
        if not shows(p, strict=baseline.strict)
    ]
    return tuple(lost), sum(1 for a in healthy if a.ident not in remaining)


class InterventionSearch:
    """An iterator over the screen behind :func:`find_interventions`, for progress and interruption."""

    def __init__(self, planned: Screen) -> None:
        self.planned = planned
        self.entries: list[ScreenEntry] = []

    def __iter__(self) -> Iterator[ScreenEntry]:
        for entry in self.planned:
            self.entries.append(entry)
            yield entry

    def result(self, *, finished: bool = True) -> InterventionResult:
        """The ranked minimal interventions found so far."""
        planned = self.planned
        screened = planned.result(self.entries, finished=finished)
        global_view = planned.evaluator
        baseline = global_view.outcome(Perturbation()) if planned.mode is Mode.GLOBAL else None
        found = []
        for entry in self.entries:
            if not entry.minimal:
                continue
            if baseline is None:
                # side effects are judged on the whole state space, whatever the mode
                attractors, complete = global_view.global_attractors(entry.perturbation)
                after = Outcome(
                    attractors, tuple(global_view.presence(a) for a in attractors), complete, planned.strict
                )
                base_attractors, base_complete = global_view.global_attractors(Perturbation())
                base = Outcome(
                    base_attractors,
                    tuple(global_view.presence(a) for a in base_attractors),
                    base_complete,
                    planned.strict,
                )
            else:
                after, base = entry.outcome, baseline
            lost, healthy = _side_effects(planned.evaluator, planned.phenotype, base, after)
            found.append(Intervention(entry.perturbation, entry.attractors, lost, healthy))
        found.sort(key=lambda i: i.rank_key)
        return InterventionResult(tuple(found), screened, planned.skipped)


def find_interventions(
    network: Network,
    phenotype: str | Phenotype,
    *,
    update: str | Update = "asynchronous",
    max_size: int = 2,
    scenario: Scenario | None = None,
    mode: str | Mode = Mode.GLOBAL,
    kinds: str | Iterable[str] = ("ko", "oe"),
    targets: Sequence[str] | None = None,
    exclude: Sequence[str] = (),
    strict: bool = False,
    method: str = "auto",
    limits: Limits | None = None,
    progress: Callable[[ScreenEntry], None] | None = None,
    jobs: int = 1,
) -> InterventionResult:
    """The minimal sets of up to ``max_size`` actions that abolish ``phenotype``, best first.

    Parameters
    ----------
    network
        The unperturbed network.
    phenotype
        A declared phenotype name, an expression over nodes and phenotypes,
        or a :class:`~boolnet.model.Phenotype`.
    update
        ``"async"`` (default) or ``"sync"``.
    max_size
        The largest set considered.
    scenario, mode, kinds, targets, exclude, strict, method, limits, jobs
        As in :class:`~.screen.Screen`.
    progress
        Called after each screened combination.

    Returns
    -------
    InterventionResult
        Minimal interventions ranked by size and side effects.

    Notes
    -----
    Exact: a set is reported only if no attractor of the perturbed network
    (or none reached from the disease state) shows the phenotype, and only
    if every proper subset was screened and does not abolish it.  Supersets
    of hits are never evaluated.

    Examples
    --------
    >>> from boolnet.formats import parse_rules
    >>> net = parse_rules("a = a\\nb = a | c\\nc = b\\nd = b & c\\nphenotype On = d")
    >>> [str(i.perturbation) for i in find_interventions(net, "On", max_size=2).interventions]
    ['ko b', 'ko c']
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
        prune=True,
        method=method,
        limits=limits,
        jobs=jobs,
    )
    search = InterventionSearch(planned)
    for entry in search:
        if progress is not None:
            progress(entry)
    return search.result()
