"""Literature validation: expected behaviours of a model, stated with their sources, and checked.

A validation file sits next to its model (``model.txt`` ->
``model.validation.toml``) and lists *cases*, each a published finding with
its source, written as checks on the model's attractors::

    [[case]]
    id = "ras-needs-il6"
    finding = "Oncogenic Ras needs IL-6 for tumorigenesis"
    source = "Ancrile et al. 2007, Genes Dev 21:1714 (AN1)"
    scenario = "EGFR=0, Ras=1"             # inputs fixed for every check of the case
    synchronous = true                     # the case also holds under synchronous updating
    check = [
      { expect = "some attractor shows Tumorigenic" },
      { perturbation = "ko IL6", expect = "no attractor shows Tumorigenic" },
      { scenario = "Anti_IL6=1", expect = "no attractor shows Tumorigenic" },
      { from = "Tumorigenic", perturbation = "ko JAK", expect = "no attractor shows STAT3" },
    ]

A check's ``scenario`` adds to (and overrides) the case's; ``perturbation``
is ``ko NODE``, ``oe NODE`` or ``cut SOURCE->TARGET`` items separated by
commas, and overrides the scenario on the inputs it perturbs (a drug given
to a mutant).  Without ``from`` a check is about every attractor of the
network; with ``from = PHENOTYPE`` it is about the attractors the perturbed
dynamics reaches from every state of the unperturbed attractors that show
the phenotype (the treatment question).  ``expect`` is one claim or a list:

    some|no|every attractor [always|never] shows EXPRESSION

where EXPRESSION is over nodes and declared phenotypes; "shows" means in
some state of the attractor, "always shows" in every state.  A case passes
when every check holds under asynchronous updating and, when it says
``synchronous = true`` or ``false``, the synchronous result agrees.  A case
that fails is reported with the attractors that break it, never skipped.

The file may say which model it is written for, ``model = "x.txt"``, and
should, so that it is not run on the wrong model by mistake: when the
caller names the model being checked (``boolnet check`` always does), a
file written for another one is refused.  Only file names are compared,
not folders, so a model and its validation file can be moved or copied
together; a renamed copy of a model needs its own file (or ``model``
changed).
"""

from __future__ import annotations

from ..frozen import Frozen
from ..limits import Limits
from ..model import Network
from ..states import state_to_string
from ..update import Update
from .evaluate import Evaluator, Mode
from .reduction import AnySet
from .symbolic_sets import SymbolicSet
from .validation_file import Case, Check, Claim, parse_validation, read_validation, validation_path

__all__ = [
    "Case",
    "CaseResult",
    "Check",
    "CheckResult",
    "Claim",
    "ValidationReport",
    "check_model",
    "parse_validation",
    "read_validation",
    "validation_path",
]


class CheckResult(Frozen):
    """The outcome of one check under one update.

    ``breaking`` holds the patterns (one character per node, ``*`` where
    the attractor varies) of the attractors that break a claim, per claim.
    """

    check: Check
    update: Update
    passed: bool
    attractors: int
    failures: tuple[tuple[Claim, tuple[str, ...]], ...]
    note: str = ""


class CaseResult(Frozen):
    """A case's checks under asynchronous (and synchronous) updating."""

    case: Case
    asynchronous: tuple[CheckResult, ...]
    synchronous: tuple[CheckResult, ...]

    @property
    def holds_async(self) -> bool:
        """True when every check holds under asynchronous updating."""
        return all(r.passed for r in self.asynchronous)

    @property
    def holds_sync(self) -> bool:
        """True when every check holds under synchronous updating."""
        return all(r.passed for r in self.synchronous)

    @property
    def sync_as_stated(self) -> bool:
        """True when the file's ``synchronous`` statement (if any) is right."""
        return self.case.synchronous is None or self.case.synchronous == self.holds_sync

    @property
    def passed(self) -> bool:
        """True when the case holds asynchronously and its synchronous statement is right."""
        return self.holds_async and self.sync_as_stated


class ValidationReport(Frozen):
    """Every case of a validation file, evaluated."""

    source: str
    nodes: tuple[str, ...]
    cases: tuple[CaseResult, ...]

    @property
    def passed(self) -> bool:
        """True when every case passed."""
        return all(c.passed for c in self.cases)


def _run_check(network: Network, check: Check, update: Update, limits: Limits | None) -> CheckResult:
    target = check.start or check.claims[0].phenotype
    evaluator = Evaluator(
        network,
        target,
        update=update,
        scenario=check.scenario,
        mode=Mode.FROM_PHENOTYPE if check.start else Mode.GLOBAL,
        limits=limits,
        observed=[claim.phenotype.expr for claim in check.claims],
    )
    outcome = evaluator.outcome(check.perturbation)
    attractors = outcome.attractors
    if check.start is not None and len(evaluator.start_states()) == 0:
        claim = check.claims[0]
        return CheckResult(
            check, update, False, 0, ((claim, ()),), f"no attractor shows {check.start.name} to start from"
        )
    failures = []
    for claim in check.claims:
        presences = [evaluator.presence_of(a, claim.phenotype.expr) for a in attractors]
        ok, breaking = claim.holds(presences)
        if not ok:
            failures.append((claim, tuple(_pattern(attractors[i], len(network)) for i in breaking)))
    return CheckResult(check, update, not failures, len(attractors), tuple(failures))


def _pattern(attractor: AnySet, size: int) -> str:
    if isinstance(attractor, SymbolicSet):
        return attractor.pattern
    strings = [state_to_string(int(s), size) for s in attractor.states]
    return "".join(c[0] if len(set(c)) == 1 else "*" for c in zip(*strings, strict=True))


def check_model(
    network: Network, cases: tuple[Case, ...], *, source: str = "", limits: Limits | None = None
) -> ValidationReport:
    """Evaluate every case under asynchronous and synchronous updating.

    Exact: each check uses the exact attractors of the (perturbed) network
    in its scenario (see :mod:`.evaluate`).

    Raises
    ------
    LimitError
        When an attractor computation exceeds its budget.
    """
    results = []
    for case in cases:
        asynchronous = tuple(_run_check(network, c, Update.ASYNCHRONOUS, limits) for c in case.checks)
        synchronous = tuple(_run_check(network, c, Update.SYNCHRONOUS, limits) for c in case.checks)
        results.append(CaseResult(case, asynchronous, synchronous))
    return ValidationReport(source, network.nodes, tuple(results))
