"""Exact attractors of many perturbed versions of one network, by reduction and reuse.

A screen asks for the attractors of thousands of perturbed networks that
differ in one or two nodes.  Recomputing each from scratch repeats nearly all
the work, so :class:`Reducer` shrinks each perturbed network to its *core*
with two reductions that preserve attractors exactly, under both synchronous
and asynchronous updating, and caches the core's attractors:

1. **Constant percolation.**  A node whose rule is constant once the fixed
   nodes are substituted takes that value in every attractor (it is updated
   to it and never leaves), so it can be fixed, and so on to a fixpoint
   (the "percolation" of Naldi et al. 2011, doi:10.1007/978-3-642-24743-8_3).
2. **Output elimination.**  A node without self-regulation that regulates no
   other remaining node (essentially, i.e. its value can change some
   remaining rule) does not influence the rest.  Removing it maps
   attractors one-to-one (Naldi et al. 2011; Saadatpour et al. 2013,
   doi:10.1016/j.jtbi.2012.09.019); they are lifted back exactly: under
   asynchronous updating an attractor ``A`` becomes ``A x V`` where ``V`` is
   the set of values the output's rule takes on ``A`` (the dynamics of ``A``
   can be paused anywhere while the output catches up); under synchronous
   updating the output at step ``t`` is its rule at step ``t-1`` of the cycle.

The core's attractors come from :func:`boolnet.find_attractors` (so any
registered engine can answer; under asynchronous updating, a core too large
for bit vectors goes straight to the symbolic engine's BDD search, in the
variable order and without the trap spaces that suit a small strongly
connected network) and are cached by the core's rules: two
perturbations with the same core (e.g. knocking out a read-out node, or a
node the scenario already switched off) cost one computation.  Percolation is
incremental: a double perturbation extends the memoised percolation of its
first action.

Asynchronous attractors too large to list (``Limits.listed_states``) are
kept as BDDs from the symbolic engine and lifted and classified against the
``observed`` expressions without listing a state
(:mod:`.symbolic_sets`); they come back as
:class:`~.symbolic_sets.SymbolicSet` instead of :class:`StateSet`.

Complexity: percolation and elimination are linear in the size of the rules'
truth tables over their regulators; the core costs what its engine costs.
Exactness: exact whenever the core engine is (the result's ``complete`` flag
says so).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
import numpy.typing as npt

from ..attractors import find_attractors
from ..engines.bddsearch import find_attractor_sets, state_integers
from ..engines.bitsets import EXPLICIT_MAX_FREE_NODES
from ..engines.rulebdd import variable_order
from ..engines.vectorized import compile_rule, state_bits
from ..errors import LimitError
from ..expr import Const, Expr, evaluate, substitute, variables
from ..frozen import Frozen, field, replace
from ..limits import Limits
from ..model import Network, Rule
from ..results import Attractor, AttractorKind
from ..update import Update, parse_update
from .symbolic_sets import SymbolicCore, SymbolicCores, SymbolicSet

__all__ = ["AnySet", "CoreOutcome", "Reducer", "StateSet"]

StateArray = npt.NDArray[np.uint64]
MAX_TABLE_INPUTS = 16
MAX_REMEMBERED = 100_000  # values and essential regulators remembered per rule
_MEMO_DEPTH = 1  # memoise percolations of the scenario and of each single action


class StateSet(Frozen):
    """One attractor as integer states of the full network.

    ``states`` is sorted, except for a synchronous cycle, which is in the order
    the dynamics visits it starting from its smallest state.
    """

    kind: AttractorKind
    states: StateArray = field(compare=False)

    @property
    def key(self) -> tuple[int, ...]:
        """The states as a sorted tuple: equal for equal attractors."""
        return tuple(sorted(int(s) for s in self.states))

    @property
    def ident(self) -> bytes:
        """A cheap identity: the state array's bytes (each attractor has one canonical order)."""
        return self.states.tobytes()

    @property
    def order(self) -> tuple[int, int, bytes]:
        """Sort key: smallest state first (states are stored starting from the smallest)."""
        return (int(self.states[0]), len(self.states), self.ident)


AnySet = StateSet | SymbolicSet  # an attractor listed state by state, or known symbolically


class CoreOutcome(Frozen):
    """The attractors of one perturbed network and whether the list is exact and complete."""

    attractors: tuple[AnySet, ...]
    complete: bool
    engine: str
    core_size: int


class _Function:
    """A node's rule as a truth table over its regulators (or a compiled tree if it has many).

    The rule's value and its essential regulators are remembered per values of
    the regulators: a screen asks for them again and again as the same
    regulators recur fixed.
    """

    __slots__ = ("_essential", "_values", "expr", "regs", "table")

    def __init__(self, expr: Expr, index: Mapping[str, int]) -> None:
        self.expr = expr
        self.regs: tuple[int, ...] = tuple(sorted(index[v] for v in variables(expr)))
        self.table: npt.NDArray[np.bool_] | None = None
        self._essential: dict[tuple[int, ...], tuple[int, ...]] = {}
        self._values: dict[tuple[int, ...], int] = {}
        if len(self.regs) <= MAX_TABLE_INPUTS:
            k = len(self.regs)
            # row j of the grid is regulator j's value; axis j of the table is regulator j
            grid = ((np.arange(1 << k)[None, :] >> np.arange(k - 1, -1, -1)[:, None]) & 1).astype(bool)
            local = {name: self.regs.index(i) for name, i in index.items() if i in self.regs}
            values = compile_rule(expr, local)(list(grid)) if k else np.array([evaluate(expr, {})])
            self.table = np.asarray(values, dtype=bool).reshape((2,) * k)

    def restricted(self, vals: list[int]) -> tuple[tuple[int, ...], npt.NDArray[np.bool_] | Expr]:
        """The rule with the fixed regulators substituted: (free regulators, table or expression)."""
        if self.table is not None:
            index = tuple(vals[r] if vals[r] >= 0 else slice(None) for r in self.regs)
            free = tuple(r for r in self.regs if vals[r] < 0)
            return free, np.asarray(self.table[index])
        raise TypeError  # handled by callers through _restricted_expr

    def value(self, vals: list[int], names: tuple[str, ...]) -> int:
        """0 or 1 when the fixed regulators determine the rule, else -1 (remembered per key)."""
        key = tuple(vals[r] for r in self.regs)
        known = self._values.get(key)
        if known is None:
            known = self._value(vals, names)
            if len(self._values) < MAX_REMEMBERED:
                self._values[key] = known
        return known

    def _value(self, vals: list[int], names: tuple[str, ...]) -> int:
        if self.table is not None:
            sub = self.table[tuple(vals[r] if vals[r] >= 0 else slice(None) for r in self.regs)]
            if isinstance(sub, np.bool_):
                return int(sub)
            if sub.all():
                return 1
            return -1 if sub.any() else 0
        folded = substitute(self.expr, {names[r]: bool(vals[r]) for r in self.regs if vals[r] >= 0})
        return int(folded.value) if isinstance(folded, Const) else -1

    def essential(self, vals: list[int], names: tuple[str, ...]) -> tuple[int, ...]:
        """The free regulators whose value can change the rule, given the fixed ones."""
        key = tuple(vals[r] for r in self.regs)
        known = self._essential.get(key)
        if known is not None:
            return known
        if self.table is None:
            folded = substitute(self.expr, {names[r]: bool(vals[r]) for r in self.regs if vals[r] >= 0})
            found = tuple(sorted(names.index(v) for v in variables(folded)))
        else:
            free, sub = self.restricted(vals)
            assert isinstance(sub, np.ndarray)  # the table branch above
            found = tuple(
                r
                for axis, r in enumerate(free)
                if np.any(np.take(sub, 0, axis=axis) != np.take(sub, 1, axis=axis))
            )
        if len(self._essential) < MAX_REMEMBERED:
            self._essential[key] = found
        return found

    def evaluate(self, states: StateArray, size: int, index: Mapping[str, int]) -> npt.NDArray[np.bool_]:
        """The rule's value in each of ``states`` (full-network integers)."""
        if self.table is not None:
            k = len(self.regs)
            flat = np.zeros(len(states), dtype=np.int64)
            for j, r in enumerate(self.regs):
                flat |= ((states >> np.uint64(r)) & np.uint64(1)).astype(np.int64) << (k - 1 - j)
            return self.table.reshape(-1)[flat]
        return np.asarray(compile_rule(self.expr, index)(state_bits(states, size)), dtype=bool)


class Reducer:
    """Exact attractors of perturbed versions of ``network``.

    Parameters
    ----------
    network
        The unperturbed network (a scenario and the perturbations are given
        per call as fixed node values and cut regulations).
    update
        The update scheme.
    method, limits
        Passed to :func:`boolnet.find_attractors` for each distinct core.
    observed
        Expressions over the nodes that attractors too large to list are
        classified against (the screen's phenotypes).

    Notes
    -----
    Reusable across calls and cheap to keep: memory is the cache of cores.
    """

    def __init__(
        self,
        network: Network,
        update: str | Update,
        *,
        method: str = "auto",
        limits: Limits | None = None,
        observed: Sequence[Expr] = (),
    ) -> None:
        if len(network) > 64:
            raise LimitError(
                f"screens store states in 64 bits; this network has {len(network)} nodes",
                budget="nodes",
            )
        self.network = network
        self.update = parse_update(update)
        self.method = method
        self.limits = limits or Limits()
        self.names = network.nodes
        self.size = len(network)
        self.index = {name: i for i, name in enumerate(self.names)}
        self.functions = [_Function(rule.expr, self.index) for rule in network.rules]
        self.successors: list[set[int]] = [set() for _ in self.names]
        for i, function in enumerate(self.functions):
            for r in function.regs:
                self.successors[r].add(i)
        self._percolations: dict[tuple[object, ...], list[int]] = {}
        self.observed = tuple(observed)
        self._cores: dict[object, tuple[list[list[int]] | SymbolicCore, bool, str]] = {}
        self._symbolic = SymbolicCores()
        self._outcomes: dict[object, CoreOutcome] = {}
        self.core_computations = 0
        self.evaluations = 0

    # -- percolation -------------------------------------------------------------------
    def _functions(self, cuts: Mapping[tuple[int, int], int]) -> list[_Function]:
        if not cuts:
            return self.functions
        functions = list(self.functions)
        by_target: dict[int, dict[str, bool]] = {}
        for (source, target), value in cuts.items():
            by_target.setdefault(target, {})[self.names[source]] = bool(value)
        for target, values in by_target.items():
            functions[target] = _Function(substitute(self.network.rules[target].expr, values), self.index)
        return functions

    def _run(self, vals: list[int], queue: list[int], functions: list[_Function]) -> list[int]:
        pending = set(queue)
        while queue:
            i = queue.pop()
            pending.discard(i)
            if vals[i] >= 0:
                continue
            value = functions[i].value(vals, self.names)
            if value >= 0:
                vals[i] = value
                for j in self.successors[i]:
                    if vals[j] < 0 and j not in pending:
                        pending.add(j)
                        queue.append(j)
        return vals

    def _scratch(self, fixed: Mapping[int, int], functions: list[_Function]) -> list[int]:
        vals = [-1] * self.size
        for i, v in fixed.items():
            vals[i] = v
        return self._run(vals, [i for i in range(self.size) if vals[i] < 0], functions)

    def percolate(
        self,
        base: Mapping[int, int],
        extra: tuple[tuple[int, int], ...] = (),
        cuts: Mapping[tuple[int, int], int] | None = None,
    ) -> list[int]:
        """Node values fixed by percolation (-1 free) with ``base`` and ``extra`` nodes fixed.

        ``base`` is the scenario, ``extra`` the perturbation's fixed nodes;
        an extra value overrides a base value.  Memoised by prefix of ``extra``
        when there are no cuts.
        """
        if cuts:
            functions = self._functions(cuts)
            return self._scratch(dict(base) | dict(extra), functions)
        key = (tuple(sorted(base.items())), extra)
        if key in self._percolations:
            return self._percolations[key]
        vals = self._extended(base, extra) if extra else self._scratch(base, self.functions)
        if len(extra) <= _MEMO_DEPTH:
            self._percolations[key] = vals
        return vals

    def _extended(self, base: Mapping[int, int], extra: tuple[tuple[int, int], ...]) -> list[int]:
        """The percolation of ``extra``, extending that of all its actions but one.

        Fixing one more node, to a value the parent's percolation does not
        contradict, leaves every value the parent settled derivable, so the
        parent is only extended.  Each action in turn is tried as the one
        added (a knockout can settle the very node the other action
        over-expresses); when every one contradicts its parent, percolation
        starts again.
        """
        for position in reversed(range(len(extra))):
            node, value = extra[position]
            parent = self.percolate(base, extra[:position] + extra[position + 1 :])
            if parent[node] == value:
                return parent
            if parent[node] < 0:
                vals = list(parent)
                vals[node] = value
                return self._run(vals, [j for j in self.successors[node] if vals[j] < 0], self.functions)
            if len(extra) > _MEMO_DEPTH + 1:  # a parent that is not memoised costs a percolation
                break
        return self._scratch(dict(base) | dict(extra), self.functions)

    # -- core and lifting --------------------------------------------------------------
    def attractors(
        self,
        base: Mapping[int, int],
        extra: tuple[tuple[int, int], ...] = (),
        cuts: Mapping[tuple[int, int], int] | None = None,
    ) -> CoreOutcome:
        """Every attractor of the network with ``base`` and ``extra`` nodes fixed and ``cuts`` cut.

        Raises
        ------
        LimitError
            When the core engine cannot answer within the limits, or an
            attractor is too large to list (``Limits.listed_states``).
        """
        self.evaluations += 1
        cuts = dict(cuts or {})
        vals = self.percolate(base, extra, cuts)
        functions = self._functions(cuts)
        key = (tuple(vals), tuple(sorted(cuts.items())))
        if key in self._outcomes:
            return self._outcomes[key]
        free = [i for i in range(self.size) if vals[i] < 0]
        essential = {i: functions[i].essential(vals, self.names) for i in free}
        # output elimination, in rounds, until every remaining node feeds another
        remaining = set(free)
        readers: dict[int, set[int]] = {i: set() for i in free}
        for i in free:
            for r in essential[i]:
                readers[r].add(i)
        eliminated: list[int] = []
        candidates = [i for i in free if not readers[i]]
        while candidates:
            i = candidates.pop()
            if i not in remaining or readers[i]:  # a self-regulated node reads itself: kept
                continue
            remaining.discard(i)
            eliminated.append(i)
            for r in essential[i]:
                readers[r].discard(i)
                if r in remaining and not readers[r]:
                    candidates.append(r)
        core = sorted(remaining)
        core_states, complete, engine = self._core(core, vals, functions)
        lifted: list[AnySet] = []
        if isinstance(core_states, list):
            try:
                lifted.extend(self._lift_states(core_states, core, vals, eliminated, functions))
            except LimitError:  # a lifted attractor is too large to list
                if self.update is not Update.ASYNCHRONOUS:
                    raise
                core_states, complete, engine = self._core(core, vals, functions, symbolic=True)
        if isinstance(core_states, SymbolicCore):
            fixed = {self.names[i]: bool(vals[i]) for i in range(self.size) if vals[i] >= 0}
            outputs = [(node, functions[node].expr) for node in eliminated]
            lifted.extend(self._symbolic.lift(core_states, core, fixed, outputs, self.names, self.observed))
        lifted.sort(key=lambda a: a.order)
        outcome = CoreOutcome(tuple(lifted), complete, engine, len(core))
        self._outcomes[key] = outcome
        return outcome

    def _lift_states(
        self,
        core_states: list[list[int]],
        core: list[int],
        vals: list[int],
        eliminated: list[int],
        functions: list[_Function],
    ) -> list[StateSet]:
        constant = sum(1 << i for i in range(self.size) if vals[i] == 1)
        lifted = []
        for states in core_states:
            local = np.asarray(states, dtype=np.uint64)
            array = np.full(len(states), constant, dtype=np.uint64)
            for position, node in enumerate(core):
                array |= ((local >> np.uint64(position)) & np.uint64(1)) << np.uint64(node)
            for node in reversed(eliminated):
                array = self._lift(node, array, functions[node])
            lifted.append(self._state_set(array))
        return lifted

    def _lift(self, node: int, states: StateArray, function: _Function) -> StateArray:
        values = function.evaluate(states, self.size, self.index)
        bit = np.uint64(1) << np.uint64(node)
        if self.update is Update.SYNCHRONOUS:
            # the output at step t is its rule at step t-1 of the cycle
            return states | np.where(np.roll(values, 1), bit, np.uint64(0))
        if values.all():
            return states | bit
        if not values.any():
            return states
        if 2 * len(states) > self.limits.listed_states:
            budget = self.limits.listed_states
            raise LimitError(
                f"an attractor has more than {budget} state{'' if budget == 1 else 's'} to list "
                "(raise it with --listed-states or Limits(listed_states=...))",
                budget="listed_states",
            )
        return np.concatenate([states, states | bit])

    def _state_set(self, array: StateArray) -> StateSet:
        if self.update is Update.SYNCHRONOUS:
            start = int(np.argmin(array)) if len(array) else 0
            ordered = np.roll(array, -start)
            kind = AttractorKind.FIXED_POINT if len(array) == 1 else AttractorKind.CYCLE
            return StateSet(kind, ordered)
        ordered = np.unique(array)
        kind = AttractorKind.FIXED_POINT if len(ordered) == 1 else AttractorKind.COMPLEX
        return StateSet(kind, ordered)

    def _core(
        self, core: list[int], vals: list[int], functions: list[_Function], *, symbolic: bool = False
    ) -> tuple[list[list[int]] | SymbolicCore, bool, str]:
        """The attractors of the core: core-local integer states, or BDDs when too large (cached).

        ``symbolic`` asks for BDDs (asynchronous updating only) even when
        every attractor of the core could be listed.
        """
        if not core:
            return [[0]], True, "percolation"
        parts: list[object] = [symbolic]
        for i in core:
            function = functions[i]
            if function.table is not None:
                free, sub = function.restricted(vals)
                parts.append((i, free, np.asarray(sub).tobytes()))
            else:
                parts.append((i, function.expr, tuple(vals[r] for r in function.regs)))
        key = tuple(parts)
        if key in self._cores:
            return self._cores[key]
        self.core_computations += 1
        network = self._core_network(core, vals, functions)
        value: tuple[list[list[int]] | SymbolicCore, bool, str]
        if self._symbolic_engine(len(core), symbolic):
            # a core is small and mostly one strongly connected part: its search runs faster in
            # this order and without minimal trap spaces, which rarely narrow it (MAPK, T-LGL)
            order = variable_order(network)
            # no state strings: the states are read below as integers, straight from the BDDs
            unlisted = replace(self.limits, listed_states=0)
            found = find_attractor_sets(network, unlisted, order=order, trap_spaces=False)
            if symbolic or any(a.size > self.limits.listed_states for a in found.attractors):
                value = (self._symbolic.keep(found, len(core)), True, "symbolic")
            else:
                sets = zip(found.sets, found.attractors, strict=True)
                value = ([state_integers(found.manager, s, a.pattern) for s, a in sets], True, "symbolic")
        else:
            result = find_attractors(network, self.update, method=self.method, limits=self.limits)
            if any(a.states is None for a in result.attractors):
                if self.update is not Update.ASYNCHRONOUS:
                    raise LimitError(
                        "a synchronous attractor is too large to list "
                        "(raise it with --listed-states or Limits(listed_states=...))",
                        budget="listed_states",
                    )
                # remembered under this key too, so that the listing engine is not run again
                value = self._core(core, vals, functions, symbolic=True)
            else:
                value = (_local_states(result.attractors), result.complete, result.engine)
        self._cores[key] = value
        return value

    def _symbolic_engine(self, size: int, symbolic: bool) -> bool:
        """Whether the core's attractors come from the symbolic engine as BDDs."""
        if self.update is not Update.ASYNCHRONOUS or self.method not in ("auto", "symbolic"):
            return symbolic
        return symbolic or self.method == "symbolic" or size > EXPLICIT_MAX_FREE_NODES

    def _core_network(self, core: list[int], vals: list[int], functions: list[_Function]) -> Network:
        inside = set(core)
        fixed = {self.names[i]: bool(vals[i]) for i in range(self.size) if vals[i] >= 0}
        rules = []
        for i in core:
            expr = substitute(functions[i].expr, fixed)
            # eliminated outputs are not essential to core rules; any value gives the same rule
            outside = {v: False for v in variables(expr) if self.index[v] not in inside}
            rules.append(Rule(self.names[i], substitute(expr, outside) if outside else expr))
        return Network(tuple(rules), name=self.network.name)


def _local_states(attractors: Sequence[Attractor]) -> list[list[int]]:
    """Listed attractors (state strings) as lists of integers, bit ``j`` for character ``j``."""
    return [[int(s[::-1], 2) for s in a.states or ()] for a in attractors]  # character j is bit j


def fixed_indices(network: Network, values: Mapping[str, int]) -> dict[int, int]:
    """``{node: value}`` as ``{position: value}``."""
    return {network.index(n): int(v) for n, v in values.items()}
