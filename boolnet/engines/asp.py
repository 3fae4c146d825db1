"""The trap-space solver: the rules' prime implicants as an answer-set program, solved by clingo.

A *subspace* fixes some nodes to 0/1 and leaves the others free (``*``).  It
is a *trap space* when every fixed node's rule is constantly its fixed value
on the whole subspace.  Encoding (after Klarner, Bockmayr & Siebert 2015,
"Computing maximal and minimal trap spaces of Boolean networks", Natural
Computing 14:535, and the Petri-net view of Trinh, Benhamou, Hiraishi &
Paulevé 2023, "Minimal trap spaces of logical models are maximal siphons of
their Petri net encoding"):
atoms ``fix(v, b)`` choose the fixed nodes.  For node ``v`` fixed to ``b``
the rule ``f_v^b`` (``f_v`` for 1, ``!f_v`` for 0) must be 1 on the whole
subspace, which holds iff some prime implicant of ``f_v^b`` has all its
literals fixed (*support*), or equivalently iff every term of a DNF of
``f_v^(1-b)`` contradicts a fixed literal (*blocking*).  Each direction uses
whichever of the two lists is shorter, so a rule needs the primes of only one
of ``f`` and ``!f``.  Subset-minimal and subset-maximal trap spaces are
enumerated with clingo's domain heuristics (``--enum-mode=domRec``), which
return exactly the answer sets whose fixed literals are inclusion-maximal
(resp. minimal); see Gebser et al. 2013, "Domain-specific heuristics in
answer set programming", AAAI.

Before enumerating fixed points or minimal trap spaces, constants are
percolated (:mod:`.percolation`): both lie inside the percolated space.

:class:`MaximalTrapSpaces` answers "the maximal trap spaces strictly inside
this trap space" repeatedly from one grounded program: the subspace's fixed
literals are solver assumptions, and the externals ``inside(i)`` mark its
fixed nodes so that "some node is fixed" asks for one more.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping
from functools import lru_cache
from typing import Any

from ..errors import LimitError
from ..frozen import Frozen
from ..limits import Limits
from ..model import Network
from .percolation import percolate
from .primes import Implicant, TooManyPrimes, prime_implicants
from .rulebdd import BDD, Function, count_states, deep_recursion, new_manager, rule_bdds
from .trapspaces import TrapSpaceKind

__all__ = ["CompiledRules", "MaximalTrapSpaces", "count_fixed_points", "solve_patterns"]

PRIME_CAP = 50_000
SMALL_CAP = 2_000


def _cubes(manager: BDD, function: Function) -> list[Implicant]:
    """The cubes of the BDD's paths to 1: a DNF of ``function`` (the fallback when primes blow up)."""
    if function == manager.false:
        return []
    if function == manager.true:
        return [frozenset()]
    var = function.var
    cubes = [c | {(var, False)} for c in _cubes(manager, manager.let({var: False}, function))]
    cubes += [c | {(var, True)} for c in _cubes(manager, manager.let({var: True}, function))]
    if len(cubes) > PRIME_CAP:
        raise LimitError(
            f"a rule has more than {PRIME_CAP} prime implicants and BDD paths, too many to encode",
            budget="prime implicants",
        )
    return cubes


def _primes(manager: BDD, function: Function, cap: int) -> list[Implicant] | None:
    try:
        return sorted(prime_implicants(manager, function, cap=cap), key=sorted)
    except TooManyPrimes:
        return None


def _directions(manager: BDD, function: Function) -> list[tuple[int, list[Implicant], bool]]:
    """For values 1 and 0: the shortest term list that encodes "fixed to the value", and its use.

    ``(value, terms, True)`` means *support* (some term is a prime of ``f^value``
    whose literals are all fixed); ``False`` means *blocking* (the terms are a
    DNF of ``f^(1-value)``, each contradicted by a fixed literal).  Only the
    cheaper of ``f`` and ``!f`` needs its primes, so small caps are tried first.
    """
    on = _primes(manager, function, SMALL_CAP)
    # the primes of !f only help where they are fewer than those of f
    off = _primes(manager, ~function, SMALL_CAP if on is None else len(on))
    if on is None and off is None:
        on = _primes(manager, function, PRIME_CAP)
        if on is None:
            off = _primes(manager, ~function, PRIME_CAP)
    on_dnf, off_dnf = on, off
    if on is None and off is None:  # neither side has few primes: fall back to BDD paths
        on_dnf, off_dnf = _cubes(manager, function), _cubes(manager, ~function)
    result = []
    for value, support, blocking in ((1, on, off_dnf), (0, off, on_dnf)):
        options = [(len(t), use, t) for use, t in ((True, support), (False, blocking)) if t is not None]
        _, use, terms = min(options, key=lambda option: (option[0], not option[1]))
        result.append((value, terms, use))
    return result


class CompiledRules(Frozen):
    """A network's rules already built as BDDs, to share with the ASP encoder.

    ``functions`` maps each node to its rule over the variables ``x0, x1,
    ...`` (node ``i`` is ``x{i}``) of ``manager``; ``forced`` holds the values
    percolation fixes, when already computed.  Sharing saves a manager and a
    second compilation of every rule, most of a small model's run.
    """

    manager: BDD
    functions: Mapping[str, Function]
    forced: Mapping[str, bool] | None = None


def _program(
    network: Network, kind: TrapSpaceKind, compiled: CompiledRules | None = None
) -> tuple[str, dict[str, bool]]:
    """The ASP program for ``kind`` and the node values fixed beforehand by percolation."""
    variables = {node: f"x{i}" for i, node in enumerate(network.nodes)}
    atom = {f"x{i}": i for i in range(len(network))}
    if compiled is None:
        manager = new_manager(list(variables.values()))
        compiled = CompiledRules(manager, rule_bdds(network, manager, variables))
    manager, functions = compiled.manager, compiled.functions
    forced: dict[str, bool] = {}
    if kind != "maximal":
        forced = (
            dict(compiled.forced) if compiled.forced is not None else percolate(manager, functions, variables)
        )
    assignment = {variables[node]: value for node, value in forced.items()}
    lines: list[str] = []
    choice = (
        "1 {{ fix({0},0); fix({0},1) }} 1." if kind == "fixed_points" else "{{ fix({0},0); fix({0},1) }} 1."
    )

    def lit(term: Implicant, negate: bool) -> str:
        # a literal x=c of a term as an atom: "fixed to c" (support) or "not fixed to !c" (blocking)
        return ", ".join(
            f"not fix({atom[v]},{int(not c)})" if negate else f"fix({atom[v]},{int(c)})"
            for v, c in sorted(term)
        )

    for i, node in enumerate(network.nodes):
        if node in forced:
            lines.append(f"fix({i},{int(forced[node])}).")
            continue
        lines.append(choice.format(i))
        function = functions[node]
        if assignment:
            function = manager.let(assignment, function)
        for value, terms, support in _directions(manager, function):
            if support:
                if terms == [frozenset()]:
                    continue  # f^b is constantly 1: no condition
                if not terms:
                    lines.append(f":- fix({i},{value}).")
                    continue
                for term in terms:
                    lines.append(f"ok({i},{value}) :- {lit(term, False)}.")
                lines.append(f":- fix({i},{value}), not ok({i},{value}).")
            else:
                for term in terms:
                    body = lit(term, True)
                    lines.append(f":- fix({i},{value})" + (f", {body}." if body else "."))
    if kind == "maximal":
        # a proper trap space of the subspace of the (assumed) facts fix(i,v) with inside(i)
        lines.extend(f"#external inside({i})." for i in range(len(network)))
        lines.append("some :- fix(X,_), not inside(X).")
        lines.append(":- not some.")
    lines.append("#show fix/2.")
    return "\n".join(lines), forced


def solve_patterns(
    network: Network,
    kind: TrapSpaceKind,
    *,
    limit: int | None = None,
    limits: Limits | None = None,
    compiled: CompiledRules | None = None,
) -> tuple[list[str], bool]:
    """The patterns of the trap spaces of ``kind``, unsorted, and whether the list is complete.

    The workhorse of :func:`find_trap_spaces` and :func:`find_fixed_points`,
    also used by the symbolic attractor engine, which passes its ``compiled``
    rules.
    """
    limits = limits or Limits()
    deadline = None if limits.timeout is None else time.monotonic() + limits.timeout
    control = _control(network, kind, compiled)
    noun = {"fixed_points": "fixed points", "minimal": "minimal trap spaces"}.get(kind, "maximal trap spaces")

    def count_early() -> None:
        # fixed points are minimal trap spaces, so too many of them settles both kinds at once;
        # a count that would take long is given up, and the listing goes on to its own limit
        if kind == "maximal":
            return
        give_up = time.monotonic() + EARLY_COUNT_SECONDS
        fixed = count_fixed_points(network, deadline=give_up if deadline is None else min(deadline, give_up))
        if fixed is not None and fixed > limits.listed_answers:
            raise _TooManyAnswers(f"the network has {fixed} fixed points")

    try:
        return _solve(control, len(network), [], limit, deadline, limits, count_early)
    except _TooManyAnswers as many:
        found = str(many) or f"the network has more than {limits.listed_answers} {noun}"
    raise LimitError(
        f"{found}, too many to list (list the first ones with 'boolnet fixed-points --limit N' "
        "or limit=..., or raise Limits(listed_answers=...))",
        budget="listed_answers",
    )


def count_fixed_points(network: Network, *, deadline: float | None = None) -> int | None:
    """The exact number of fixed points, from the BDD of "every node agrees with its rule".

    Constants are percolated first (every fixed point has their values), and
    the constraints ``x == f(x)`` are conjoined lowest in the BDD order first.
    Returns None when ``time.monotonic()`` passes ``deadline`` between two
    conjunctions.  Complexity: the size of the BDDs met, small when the
    fixed points are many and independent (2^39 of them in 20 ms on a
    202-node model), exponential in the worst case (HYPOXIA-AND-
    MECHANOSENSING with its inputs free grows past 10^7 nodes for 1,324
    fixed points).
    """
    names = {node: f"x{i}" for i, node in enumerate(network.nodes)}
    with deep_recursion(len(network)):
        manager = new_manager(list(names.values()))
        rules = rule_bdds(network, manager, names)
        fixed = {names[node]: value for node, value in percolate(manager, rules, names).items()}
        constraints = []
        for node, rule in rules.items():
            var = names[node]
            if var not in fixed:
                agree = manager.apply("equiv", manager.var(var), manager.let(fixed, rule) if fixed else rule)
                levels = [manager.level_of_var(v) for v in manager.support(agree)]
                constraints.append((max(levels, default=-1), agree))
        constraints.sort(key=lambda pair: pair[0])
        every = manager.true
        for _, agree in constraints:
            if deadline is not None and time.monotonic() > deadline:
                return None
            every &= agree
        return count_states(manager, every, [var for var in names.values() if var not in fixed])


EARLY_COUNT = 1_000  # answers listed before the fixed points are counted, to stop early when too many
EARLY_COUNT_SECONDS = 1.0  # how long that count may take before it is given up


class _TooManyAnswers(Exception):
    """More answers than ``Limits.listed_answers`` and no ``limit`` asked for."""


def _control(network: Network, kind: TrapSpaceKind, compiled: CompiledRules | None = None) -> Any:
    """A clingo control with the grounded program for ``kind``."""
    import clingo  # a core dependency, imported on first use to keep start-up fast

    with deep_recursion(len(network)):
        program, _ = _program(network, kind, compiled)
    arguments = ["0", "--warn=none"]
    if kind == "minimal":
        arguments += ["--heuristic=Domain", "--enum-mode=domRec", "--dom-mod=true,show"]
    elif kind == "maximal":
        arguments += ["--heuristic=Domain", "--enum-mode=domRec", "--dom-mod=false,show"]
    # clingo reports to stderr by default; the library never prints
    control = clingo.Control(arguments, logger=lambda code, message: None)
    control.add("base", [], program)
    control.ground([("base", [])])
    return control


def _solve(
    control: Any,
    size: int,
    assumptions: list[tuple[Any, bool]],
    limit: int | None,
    deadline: float | None,
    limits: Limits,
    count_early: Callable[[], None] | None = None,
) -> tuple[list[str], bool]:
    """The patterns of the answers, and whether they are all (``limit`` reached or not).

    Without a ``limit``, ``count_early`` is called once ``EARLY_COUNT``
    answers (or ``limits.listed_answers``, if fewer) are listed, and listing
    past ``limits.listed_answers`` raises :class:`_TooManyAnswers`.
    """
    patterns: list[str] = []
    complete = True
    decode = _fix_atoms(size)
    with control.solve(assumptions=assumptions, yield_=True, async_=True) as handle:
        while True:
            handle.resume()
            remaining = None if deadline is None else max(0.0, deadline - time.monotonic())
            if remaining is None:
                handle.wait()
            elif not handle.wait(remaining):
                handle.cancel()
                raise _timeout(limits)
            model = handle.model()
            if model is None:
                break
            if limit is not None and len(patterns) >= limit:
                complete = False
                break
            if limit is None:
                if count_early is not None and len(patterns) == min(EARLY_COUNT, limits.listed_answers):
                    try:
                        count_early()
                    except _TooManyAnswers:
                        handle.cancel()
                        raise
                if len(patterns) >= limits.listed_answers:
                    handle.cancel()
                    raise _TooManyAnswers
            chars = ["*"] * size
            for symbol in model.symbols(shown=True):
                node, value = decode[symbol]
                chars[node] = value
            patterns.append("".join(chars))
    return patterns, complete


@lru_cache(maxsize=1)  # one size at a time: screens solve many networks of the same size
def _fix_atoms(size: int) -> dict[Any, tuple[int, str]]:
    """``fix(i,v)`` as a clingo symbol -> ``(i, "v")``: one hash lookup per shown atom.

    Reading the arguments of each symbol back costs three calls into clingo
    per atom, which dominated the enumeration of many small trap spaces.
    """
    import clingo

    return {
        clingo.Function("fix", [clingo.Number(i), clingo.Number(v)]): (i, str(v))
        for i in range(size)
        for v in (0, 1)
    }


class MaximalTrapSpaces:
    """The maximal trap spaces strictly inside given trap spaces, from one grounded program.

    The program of the maximal trap spaces is ground once; each query fixes
    the subspace's nodes by assumptions and asks for one more fixed node.
    Used by the symbolic attractor engine to descend the trap spaces of a
    network (its succession diagram).
    """

    def __init__(self, network: Network, compiled: CompiledRules | None = None) -> None:
        import clingo  # a core dependency, imported on first use

        self.size = len(network)
        self.control = _control(network, "maximal", compiled)
        self.fix = {
            (i, value): clingo.Function("fix", [clingo.Number(i), clingo.Number(value)])
            for i in range(self.size)
            for value in (0, 1)
        }
        self.inside = [clingo.Function("inside", [clingo.Number(i)]) for i in range(self.size)]

    def within(self, fixed: Mapping[int, bool], limits: Limits | None = None) -> list[str]:
        """The patterns of the maximal trap spaces strictly inside the trap space ``fixed`` (node: value)."""
        limits = limits or Limits()
        deadline = None if limits.timeout is None else time.monotonic() + limits.timeout
        for i in range(self.size):
            self.control.assign_external(self.inside[i], i in fixed)
        assumptions = [(self.fix[i, int(value)], True) for i, value in fixed.items()]
        try:
            patterns, _ = _solve(self.control, self.size, assumptions, None, deadline, limits)
        except _TooManyAnswers:
            raise LimitError(
                f"a trap space holds more than {limits.listed_answers} maximal trap spaces "
                "(raise Limits(listed_answers=...))",
                budget="listed_answers",
            ) from None
        return patterns


def _timeout(limits: Limits) -> LimitError:
    return LimitError.past_timeout("trap-space enumeration", limits.timeout)
