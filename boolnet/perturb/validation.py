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
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import BoolnetError, InputError
from ..limits import Limits
from ..model import Network, Phenotype
from ..parsing import decode_text
from ..states import state_to_string
from ..update import Update
from .evaluate import Evaluator, Mode
from .perturbations import Perturbation, parse_perturbation
from .phenotypes import Presence, resolve_phenotype
from .reduction import AnySet
from .scenarios import Scenario, parse_scenario
from .symbolic_sets import SymbolicSet

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

SUFFIX = ".validation.toml"
_CLAIM = re.compile(
    r"^\s*(some|no|every)\s+attractors?\s+(?:(always|never)\s+)?shows?\s+(.+?)\s*$", re.IGNORECASE
)
_CASE_KEYS = {"id", "finding", "source", "scenario", "synchronous", "check", "note"}
_CHECK_KEYS = {"expect", "scenario", "perturbation", "from", "note"}


@dataclass(frozen=True, slots=True)
class Claim:
    """``some|no|every attractor [always|never] shows EXPRESSION``."""

    text: str
    quantifier: str
    modifier: str
    phenotype: Phenotype

    def satisfied_by(self, presence: Presence) -> bool:
        """Whether one attractor with ``presence`` counts as showing (in the claim's sense)."""
        if self.modifier == "always":
            return presence is Presence.ALWAYS
        if self.modifier == "never":
            return presence is Presence.NEVER
        return presence is not Presence.NEVER

    def holds(self, presences: list[Presence]) -> tuple[bool, list[int]]:
        """Whether the claim holds over attractors, and the indices of those that break it."""
        marks = [self.satisfied_by(p) for p in presences]
        if self.quantifier == "some":
            return any(marks), ([] if any(marks) else list(range(len(marks))))
        if self.quantifier == "no":
            return not any(marks), [i for i, m in enumerate(marks) if m]
        return all(marks), [i for i, m in enumerate(marks) if not m]


@dataclass(frozen=True, slots=True)
class Check:
    """One check of a case: a setting (scenario, perturbation, start) and claims about its attractors."""

    claims: tuple[Claim, ...]
    scenario: Scenario
    perturbation: Perturbation
    start: Phenotype | None
    line: int
    note: str = ""


@dataclass(frozen=True, slots=True)
class Case:
    """A published finding, its source, and the checks that encode it."""

    id: str
    finding: str
    source: str
    synchronous: bool | None
    checks: tuple[Check, ...]
    line: int


@dataclass(frozen=True, slots=True)
class CheckResult:
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


@dataclass(frozen=True, slots=True)
class CaseResult:
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


@dataclass(frozen=True, slots=True)
class ValidationReport:
    """Every case of a validation file, evaluated."""

    source: str
    nodes: tuple[str, ...]
    cases: tuple[CaseResult, ...]

    @property
    def passed(self) -> bool:
        """True when every case passed."""
        return all(c.passed for c in self.cases)


def validation_path(model: str | Path) -> Path:
    """The validation file of a model: ``networks/x.txt`` -> ``networks/x.validation.toml``.

    Only the last suffix is replaced, so ``x.v2.txt`` has its own ``x.v2.validation.toml``.
    """
    model = Path(model)
    return model.with_name(model.stem + SUFFIX)


def read_validation(path: str | Path, network: Network) -> tuple[Case, ...]:
    """Read a validation file for ``network`` (see the module docstring for the format).

    Raises
    ------
    InputError
        For a binary or non-UTF-8 file, invalid TOML, unknown keys, a claim
        that does not read, or a scenario, perturbation or phenotype that
        names unknown nodes; located by line (and column where known).
    """
    path = Path(path)
    return parse_validation(_decode(path.read_bytes(), str(path)), network, source=str(path))


def _decode(data: bytes, source: str) -> str:
    """A validation file's bytes as text: UTF-8 (a byte order mark is dropped), never binary data.

    Worded like the model readers (:func:`boolnet.parsing.decode_text`),
    which this calls after refusing binary data in words that fit a TOML file.
    """
    if b"\x00" in data:
        line = data.count(b"\n", 0, data.index(b"\x00")) + 1
        raise InputError("this is a binary file, not a TOML validation file", source=source, line=line)
    return decode_text(data, source)


def _line_of(lines: list[str], needle: str, after: int = 0) -> int:
    for number in range(after, len(lines)):
        if needle in lines[number]:
            return number + 1
    return 0


def _relocate(error: InputError, lines: list[str], needle: str, source: str, after: int) -> InputError:
    """Move an error raised on a snippet to the file line that holds the snippet."""
    line = _line_of(lines, needle, after)
    if not line:
        return InputError(error.message, source=source, hint=error.hint)
    column = lines[line - 1].index(needle) + max(error.column, 1) if error.column else 0
    return InputError(
        error.message, source=source, line=line, column=column, source_line=lines[line - 1], hint=error.hint
    )


def parse_validation(text: str, network: Network, *, source: str = "<validation>") -> tuple[Case, ...]:
    """Parse validation text (see :func:`read_validation`)."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        match = re.search(r"\(at line (\d+), column (\d+)\)", str(error))
        message = re.sub(r"\s*\(at line \d+, column \d+\)", "", str(error))
        line, column = (int(match[1]), int(match[2])) if match else (0, 0)
        lines = text.splitlines()
        raise InputError(
            f"invalid TOML: {message}",
            source=source,
            line=line,
            column=column,
            source_line=lines[line - 1] if 0 < line <= len(lines) else None,
        ) from None
    lines = text.splitlines()
    unknown = set(data) - {"case", "model", "title"}
    if unknown:
        name = sorted(unknown)[0]
        raise InputError(
            f"unknown key '{name}' (expected [[case]] tables)", source=source, line=_line_of(lines, name)
        )
    raw_cases = data.get("case", [])
    if not isinstance(raw_cases, list) or not raw_cases:
        raise InputError("no cases found: write [[case]] tables", source=source)
    cases = []
    cursor = 0
    for raw in raw_cases:
        ident = str(raw.get("id", ""))
        line = _line_of(lines, f'"{ident}"', cursor) if ident else _line_of(lines, "[[case]]", cursor)
        cursor = max(cursor, line)
        cases.append(_case(raw, network, lines, source, line))
    return tuple(cases)


def _text(value: Any, key: str, source: str, line: int) -> str:
    if not isinstance(value, str):
        raise InputError(f"'{key}' must be a string", source=source, line=line)
    return value


def _case(raw: dict[str, Any], network: Network, lines: list[str], source: str, line: int) -> Case:
    for key in raw:
        if key not in _CASE_KEYS:
            raise InputError(
                f"unknown key '{key}' in a case (expected: {', '.join(sorted(_CASE_KEYS))})",
                source=source,
                line=_line_of(lines, key, max(line - 1, 0)),
            )
    for key in ("id", "finding", "source"):
        if key not in raw:
            raise InputError(f"a case needs '{key}' (every case cites its source)", source=source, line=line)
    after = max(line - 1, 0)
    scenario = _scenario(raw.get("scenario", ""), network, lines, source, after)
    synchronous = raw.get("synchronous")
    if synchronous is not None and not isinstance(synchronous, bool):
        raise InputError("'synchronous' must be true or false", source=source, line=line)
    raw_checks = raw.get("check", [])
    if not isinstance(raw_checks, list) or not raw_checks:
        raise InputError(f"case '{raw['id']}' has no checks", source=source, line=line)
    checks = []
    cursor = after
    for item in raw_checks:
        if not isinstance(item, dict):
            raise InputError('each check is a table such as { expect = "..." }', source=source, line=line)
        for key in item:
            if key not in _CHECK_KEYS:
                raise InputError(
                    f"unknown key '{key}' in a check (expected: {', '.join(sorted(_CHECK_KEYS))})",
                    source=source,
                    line=_line_of(lines, key, cursor),
                )
        expects = item.get("expect")
        if expects is None:
            raise InputError("a check needs 'expect'", source=source, line=line)
        expects = [expects] if isinstance(expects, str) else expects
        # a check is an inline table, so one line: find it, then look for the next one below it
        first = _line_of(lines, str(expects[0]), cursor) or line
        here = max(first - 1, cursor)
        cursor = max(cursor, first)
        claims = tuple(
            _claim(_text(e, "expect", source, first), network, lines, source, here) for e in expects
        )
        extra = _scenario(item.get("scenario", ""), network, lines, source, here)
        text = _text(item.get("perturbation", ""), "perturbation", source, first)
        try:
            perturbation = parse_perturbation(text)
            perturbation.apply(network)
        except BoolnetError as error:
            raise InputError(str(error), source=source, line=_line_of(lines, text, here) or first) from None
        start = None
        if "from" in item:
            name = _text(item["from"], "from", source, first)
            try:
                start = resolve_phenotype(network, name)
            except InputError as error:
                raise _relocate(error, lines, name, source, here) from None
        note = _text(item.get("note", ""), "note", source, first)
        checks.append(Check(claims, scenario.merged(extra, network), perturbation, start, first, note))
    return Case(
        str(raw["id"]),
        _text(raw["finding"], "finding", source, line),
        _text(raw["source"], "source", source, line),
        synchronous,
        tuple(checks),
        line,
    )


def _scenario(text: Any, network: Network, lines: list[str], source: str, after: int) -> Scenario:
    text = _text(text, "scenario", source, after + 1)
    try:
        return parse_scenario(text, network)
    except InputError as error:
        raise _relocate(error, lines, text, source, after) from None


def _claim(text: str, network: Network, lines: list[str], source: str, after: int) -> Claim:
    match = _CLAIM.match(text)
    if not match:
        line = _line_of(lines, text, after)
        raise InputError(
            f"cannot read the claim '{text}'",
            source=source,
            line=line,
            source_line=lines[line - 1] if line else None,
            hint="write 'some|no|every attractor [always|never] shows EXPRESSION'",
        )
    expression = match[3]
    try:
        phenotype = resolve_phenotype(network, expression)
    except InputError as error:
        raise _relocate(error, lines, expression, source, after) from None
    return Claim(text, match[1].lower(), (match[2] or "").lower(), phenotype)


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
