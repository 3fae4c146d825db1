"""Validation files: reading a model's literature cases into checkable values.

The format is described in :mod:`.validation`, which runs the cases; this
module reads a file (TOML), checks every key and value, and locates each
mistake by line and column.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path, PurePosixPath
from typing import Any

from ..errors import BoolnetError, InputError
from ..frozen import Frozen, replace
from ..model import Network, Phenotype
from ..parsing import decode_text
from .perturbations import Perturbation, parse_perturbation
from .phenotypes import Presence, resolve_phenotype
from .scenarios import Scenario, parse_scenario

__all__ = ["Case", "Check", "Claim", "parse_validation", "read_validation", "validation_path"]

SUFFIX = ".validation.toml"
_CLAIM = re.compile(
    r"^\s*(some|no|every)\s+attractors?\s+(?:(always|never)\s+)?shows?\s+(.+?)\s*$", re.IGNORECASE
)
_CASE_KEYS = {"id", "finding", "source", "scenario", "synchronous", "check", "note"}
_CHECK_KEYS = {"expect", "scenario", "perturbation", "from", "note"}


class Claim(Frozen):
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


class Check(Frozen):
    """One check of a case: a setting (scenario, perturbation, start) and claims about its attractors."""

    claims: tuple[Claim, ...]
    scenario: Scenario
    perturbation: Perturbation
    start: Phenotype | None
    line: int
    note: str = ""


class Case(Frozen):
    """A published finding, its source, and the checks that encode it."""

    id: str
    finding: str
    source: str
    synchronous: bool | None
    checks: tuple[Check, ...]
    line: int


def validation_path(model: str | Path) -> Path:
    """The validation file of a model: ``networks/x.txt`` -> ``networks/x.validation.toml``.

    Only the last suffix is replaced, so ``x.v2.txt`` has its own ``x.v2.validation.toml``.
    """
    model = Path(model)
    return model.with_name(model.stem + SUFFIX)


def read_validation(
    path: str | Path, network: Network, *, model: str | Path | None = None
) -> tuple[Case, ...]:
    """Read a validation file for ``network`` (see the module docstring for the format).

    Parameters
    ----------
    path
        The validation file.
    network
        The model the cases are checked on.
    model
        The file ``network`` was read from: when given, and the file says
        ``model = "..."``, the two file names must be the same.

    Raises
    ------
    InputError
        For a missing, binary or non-UTF-8 file, invalid TOML, unknown keys, a value
        of the wrong type, a claim that does not read, or a scenario,
        perturbation or phenotype that names unknown nodes, or a file written
        for another model than ``model``; located by line (and column where
        known).
    """
    path = Path(path)
    if not path.is_file():
        raise InputError("no such file" if not path.exists() else "not a file", source=str(path))
    return parse_validation(_decode(path.read_bytes(), str(path)), network, source=str(path), model=model)


def _decode(data: bytes, source: str) -> str:
    """A validation file's bytes as text: UTF-8 (a byte order mark is dropped), never binary data.

    Worded like the model readers (:func:`boolnet.parsing.decode_text`),
    which this calls after refusing binary data in words that fit a TOML file.
    """
    if b"\x00" in data:
        line = data.count(b"\n", 0, data.index(b"\x00")) + 1
        raise InputError("this is a binary file, not a TOML validation file", source=source, line=line)
    return decode_text(data, source)


_CASE_HEADER = r"^\s*\[\[\s*case\s*\]\]"
_CASE_TABLE = r"^\s*\[\s*case\b"


def _key_pattern(key: str, *, first: bool = False) -> str:
    """A regex for ``key =`` in a line of TOML: anywhere (an inline table), or ``first`` on the line."""
    before = r"^\s*" if first else r"(?:^|[\s{,])"
    return rf"{before}([\"']?{re.escape(key)}[\"']?\s*=)"


def _key_column(text: str, key: str) -> int:
    """The 1-based column where the line ``text`` sets ``key`` (``key = ...``); 0 when it does not."""
    match = re.search(_key_pattern(key), text)
    return match.start(1) + 1 if match else 0


def _first_line(text: str) -> str:
    """The first non-blank line of a (possibly multi-line) string; "" when there is none."""
    return next((part for part in text.splitlines() if part.strip()), "")


class _Lines(Frozen):
    """A validation file's name and lines, to point an error at the line (and column) it is about.

    The TOML parser gives values without positions, so positions are found
    by searching the text from the table being read on: for the key that
    holds a bad value, or for the string an error was found in.  Comment
    lines are skipped, and a search stops at line index ``stop`` (the end
    of the case being read), so that it cannot land in the next case.
    """

    source: str
    lines: tuple[str, ...]
    stop: int | None = None

    def position(self, pattern: str, after: int = 0, column: int = 0) -> tuple[int, int]:
        """The number of the first line from index ``after`` (from ``column`` on it) that matches ``pattern``.

        Returns the line number and the index where the match ends on it; ``(0, 0)`` if none.
        """
        compiled = re.compile(pattern)
        stop = len(self.lines) if self.stop is None else min(self.stop, len(self.lines))
        for number in range(max(after, 0), stop):
            text = self.lines[number]
            if text.lstrip().startswith("#"):
                continue
            match = compiled.search(text, column if number == after else 0)
            if match:
                return number + 1, match.end()
        return 0, 0

    def search(self, pattern: str, after: int = 0) -> int:
        """The number of the first line from index ``after`` on that matches ``pattern``; 0 if none."""
        return self.position(pattern, after)[0]

    def find(self, needle: str, after: int = 0) -> int:
        """The number of the first line from index ``after`` on holding ``needle``'s first line; 0 if none."""
        first = _first_line(needle)
        return self.search(re.escape(first), after) if first else 0

    def key_line(self, key: str, line: int, after: int) -> int:
        """The line setting ``key``: ``line`` if it does, else the first from index ``after`` on, or ``line``.

        A key first on its line (in a ``[[case]]`` table) is preferred to one
        in an inline table, so a case's ``note`` is not taken for a check's.
        """
        if 0 < line <= len(self.lines) and _key_column(self.lines[line - 1], key):
            return line
        return (
            self.search(_key_pattern(key, first=True), after) or self.search(_key_pattern(key), after) or line
        )

    def error(
        self, message: str, line: int, *, key: str = "", column: int = 0, hint: str | None = None
    ) -> InputError:
        """``message`` about ``line`` (0: the whole file), pointing at ``key = `` on it (or at ``column``)."""
        if not 0 < line <= len(self.lines):
            return InputError(message, source=self.source, hint=hint)
        text = self.lines[line - 1]
        column = _key_column(text, key) if key else column
        return InputError(message, source=self.source, line=line, column=column, source_line=text, hint=hint)

    def relocate(self, error: InputError, needle: str, after: int, *, offset: int = 0) -> InputError:
        """``error``, raised on ``needle[offset:]`` read alone, moved to the file line that holds ``needle``.

        The first line from index ``after`` on that holds ``needle`` (else the
        line after ``after``: an empty string is found nowhere).  Searching
        for the whole string rather than the part read alone keeps a short
        name ("c") from being found inside a word ("expect").
        """
        line = self.find(needle, after)
        first = _first_line(needle)
        at = offset + error.column
        column = 0
        if not line:
            line = after + 1
        elif error.column and needle.startswith(first) and at <= len(first) + 1:
            column = self.lines[line - 1].index(first) + at
        return self.error(error.message, line, column=column, hint=error.hint)


def parse_validation(
    text: str, network: Network, *, source: str = "<validation>", model: str | Path | None = None
) -> tuple[Case, ...]:
    """Parse validation text (see :func:`read_validation`)."""
    lines = _Lines(source, tuple(text.splitlines()))
    data = _load(text, lines)
    _check_top_level(data, lines)
    if model is not None and "model" in data:
        _check_model_name(data["model"], Path(model).name, lines)
    raw_cases = _raw_cases(data, lines)
    # each [[case]] header starts a case; searches in one case stop at the next (unless the
    # headers cannot be told apart, say in cases written inline: then they run on)
    headers = [number for number, text in enumerate(lines.lines) if re.match(_CASE_HEADER, text)]
    ends = [*headers[1:], len(lines.lines)] if len(headers) == len(raw_cases) else [None] * len(raw_cases)
    cases: list[Case] = []
    first_seen: dict[str, int] = {}
    cursor = 0
    for raw, end in zip(raw_cases, ends, strict=True):
        header = lines.search(_CASE_HEADER, cursor)
        start = header - 1 if header else cursor
        case = _case(raw, network, replace(lines, stop=end), start)
        if case.id in first_seen:  # reports and JSON name cases by id
            message = f"case id '{case.id}' is given twice (first on line {first_seen[case.id]})"
            raise lines.error(message, case.line, key="id")
        first_seen[case.id] = case.line
        cases.append(case)
        cursor = max([start + 1, case.line, *(check.line for check in case.checks)])
    return tuple(cases)


def _load(text: str, lines: _Lines) -> dict[str, Any]:
    """The TOML document ``text``; a syntax error is located as the parser reports it."""
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        match = re.search(r"\(at line (\d+), column (\d+)\)", str(error))
        message = re.sub(r"\s*\(at line \d+, column \d+\)", "", str(error))
        line, column = (int(match[1]), int(match[2])) if match else (0, 0)
        raise lines.error(f"invalid TOML: {message}", line, column=column) from None


def _check_top_level(data: dict[str, Any], lines: _Lines) -> None:
    """Refuse top-level keys but ``case``, ``model`` and ``title``, and a model or title not a string."""
    unknown = sorted(set(data) - {"case", "model", "title"})
    if unknown:
        name = unknown[0]
        line = lines.key_line(name, 0, 0) or lines.find(name)
        raise lines.error(f"unknown key '{name}' (expected [[case]] tables)", line, key=name)
    for key in ("title", "model"):
        if key in data and not isinstance(data[key], str):
            raise lines.error(f"'{key}' must be a string", lines.key_line(key, 0, 0), key=key)


def _check_model_name(written: str, given: str, lines: _Lines) -> None:
    """Refuse a file whose ``model`` (``written``) has another file name than the model (``given``)."""
    if PurePosixPath(written.replace("\\", "/")).name != given:
        raise lines.error(
            f"this validation file is for the model '{written}', not '{given}'",
            lines.key_line("model", 0, 0),
            key="model",
            hint="check that model, or correct 'model' here (file names are compared, not folders)",
        )


def _raw_cases(data: dict[str, Any], lines: _Lines) -> list[dict[str, Any]]:
    """The ``[[case]]`` tables of the document, checked to be a non-empty array of tables."""
    raw = data.get("case", [])
    if not isinstance(raw, list):
        line = lines.key_line("case", 0, 0) or lines.search(_CASE_TABLE)
        raise lines.error(
            "'case' must be an array of tables: write [[case]], with two brackets", line, key="case"
        )
    if not raw:
        raise lines.error("no cases found: write [[case]] tables", 0)
    if not all(isinstance(item, dict) for item in raw):
        message = "each case is a table: write [[case]] and its keys below it"
        raise lines.error(message, lines.key_line("case", 0, 0), key="case")
    return raw


def _string(table: dict[str, Any], key: str, lines: _Lines, line: int, after: int) -> str:
    """``table[key]`` ("" when absent), which must be a string; else an error at the line that sets it."""
    value = table.get(key, "")
    if not isinstance(value, str):
        raise lines.error(f"'{key}' must be a string", lines.key_line(key, line, after), key=key)
    return value


def _case(raw: dict[str, Any], network: Network, lines: _Lines, start: int) -> Case:
    """One case, whose table starts at line index ``start`` (its ``[[case]]`` header)."""
    for key in raw:
        if key not in _CASE_KEYS:
            raise lines.error(
                f"unknown key '{key}' in a case (expected: {', '.join(sorted(_CASE_KEYS))})",
                lines.key_line(key, 0, start) or lines.find(key, start),
                key=key,
            )
    for key in ("id", "finding", "source"):
        if key not in raw:
            raise lines.error(f"a case needs '{key}' (every case cites its source)", start + 1)
    line = lines.key_line("id", start + 1, start)
    ident = _string(raw, "id", lines, line, start)
    if not ident.strip():
        raise lines.error("'id' must not be empty", line, key="id")
    finding = _string(raw, "finding", lines, line, start)
    source = _string(raw, "source", lines, line, start)
    scenario = _scenario(_string(raw, "scenario", lines, line, start), network, lines, line - 1)
    synchronous = raw.get("synchronous")
    if synchronous is not None and not isinstance(synchronous, bool):
        where = lines.key_line("synchronous", line, start)
        raise lines.error("'synchronous' must be true or false", where, key="synchronous")
    if "check" not in raw:
        raise lines.error(f"case '{ident}' has no checks", line)
    checks = _checks(raw["check"], ident, scenario, network, lines, line)
    return Case(ident, finding, source, synchronous, checks, line)


def _checks(
    raw: Any, ident: str, scenario: Scenario, network: Network, lines: _Lines, line: int
) -> tuple[Check, ...]:
    """The checks of the case ``ident`` (``raw``, its ``check`` value), whose ``id`` is on ``line``."""
    where = lines.key_line("check", line, line - 1)
    if not isinstance(raw, list):
        message = "'check' must be a list of tables such as [{ expect = \"...\" }]"
        raise lines.error(message, where, key="check")
    if not raw:
        raise lines.error(f"case '{ident}' has no checks", where, key="check")
    checks: list[Check] = []
    cursor = (line - 1, 0)
    for item in raw:
        if not isinstance(item, dict):
            raise lines.error('each check is a table such as { expect = "..." }', where, key="check")
        found, past = _check_position(item, lines, cursor)
        checks.append(_check(item, scenario, network, lines, found or line, cursor[0]))
        cursor = past
    return tuple(checks)


def _check_position(
    item: dict[str, Any], lines: _Lines, cursor: tuple[int, int]
) -> tuple[int, tuple[int, int]]:
    """The line of a check, found past ``cursor`` (a line index and a column), and the cursor past it.

    A check is where its first claim is (else its ``expect``, else its first
    key).  Checks repeat claims, so each is looked for past the previous
    one's claims: on the lines below, or further on the same line when
    inline tables share it.  The line is 0 when the check is not found.
    """
    expect = item.get("expect")
    claims = [e for e in (expect if isinstance(expect, list) else [expect]) if isinstance(e, str)]
    needles = [re.escape(first) for first in map(_first_line, claims) if first]
    if not needles and item:
        needles = [_key_pattern("expect" if "expect" in item else next(iter(item)))]
    line, past = 0, cursor
    for needle in needles:  # every claim in turn, so that the next check's search starts past them all
        number, end = lines.position(needle, *past)
        if number:
            line, past = line or number, (number - 1, end)
    return line, past


def _check(
    item: dict[str, Any], scenario: Scenario, network: Network, lines: _Lines, first: int, cursor: int
) -> Check:
    """One check, written on line ``first``, below line index ``cursor`` (where the previous check is)."""
    here = max(first - 1, cursor)
    for key in item:
        if key not in _CHECK_KEYS:
            raise lines.error(
                f"unknown key '{key}' in a check (expected: {', '.join(sorted(_CHECK_KEYS))})",
                lines.key_line(key, first, cursor),
                key=key,
            )
    if "expect" not in item:
        raise lines.error("a check needs 'expect'", first)
    texts = _expects(item["expect"], lines, lines.key_line("expect", first, cursor))
    claims = tuple(_claim(text, network, lines, here) for text in texts)
    extra = _scenario(_string(item, "scenario", lines, first, cursor), network, lines, here)
    perturbation = _perturbation(_string(item, "perturbation", lines, first, cursor), network, lines, here)
    start = None
    if "from" in item:
        name = _string(item, "from", lines, first, cursor)
        try:
            start = resolve_phenotype(network, name)
        except InputError as error:
            raise lines.relocate(error, name, here) from None
    note = _string(item, "note", lines, first, cursor)
    return Check(claims, scenario.merged(extra, network), perturbation, start, first, note)


def _expects(value: Any, lines: _Lines, line: int) -> list[str]:
    """The claims of an ``expect``: one string, or a non-empty list of strings."""
    texts = [value] if isinstance(value, str) else value
    if not isinstance(texts, list) or not all(isinstance(text, str) for text in texts):
        raise lines.error("'expect' must be a claim (a string) or a list of claims", line, key="expect")
    if not texts:
        raise lines.error("'expect' lists no claims", line, key="expect")
    return texts


def _perturbation(text: str, network: Network, lines: _Lines, after: int) -> Perturbation:
    """``text`` read as a perturbation that applies to ``network``; an error names the line that holds it."""
    try:
        perturbation = parse_perturbation(text)
        perturbation.apply(network)
    except BoolnetError as error:
        raise lines.error(str(error), lines.find(text, after) or after + 1) from None
    return perturbation


def _scenario(text: str, network: Network, lines: _Lines, after: int) -> Scenario:
    """``text`` read as a scenario of ``network``; an error is moved to the line that holds it."""
    try:
        return parse_scenario(text, network)
    except InputError as error:
        raise lines.relocate(error, text, after) from None


def _claim(text: str, network: Network, lines: _Lines, after: int) -> Claim:
    """``text`` read as a claim on ``network``'s attractors, written below line index ``after``."""
    match = _CLAIM.match(text)
    if not match:
        raise lines.error(
            f"cannot read the claim '{text}'",
            lines.find(text, after) or after + 1,
            hint="write 'some|no|every attractor [always|never] shows EXPRESSION'",
        )
    expression = match[3]
    try:
        phenotype = resolve_phenotype(network, expression)
    except InputError as error:
        if "\n" in text[: match.start(3)]:  # a claim over several lines: look for the expression itself
            raise lines.relocate(error, expression, after) from None
        raise lines.relocate(error, text, after, offset=match.start(3)) from None
    return Claim(text, match[1].lower(), (match[2] or "").lower(), phenotype)
