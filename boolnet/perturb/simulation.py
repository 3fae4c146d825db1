"""Stochastic simulation: many random trajectories of a (perturbed) network.

Asynchronous runs follow the asynchronous state transition graph as a random
walk: at each step one node whose rule disagrees with its value is chosen
uniformly at random and updated (a fixed point stays put).  Synchronous runs
update every node at once (deterministic; randomness is only in the initial
states).  All runs advance together as numpy arrays; a seed makes the result
reproducible.

The result gives, per time step, the fraction of runs whose state shows each
phenotype, and at the end the fraction of runs sitting in each attractor of
the perturbed network (e.g. the probability that a treatment lets the cell
escape the tumour state), plus the fraction not yet in any attractor.
"""

from __future__ import annotations

import re

import numpy as np
import numpy.typing as npt

from ..engines.vectorized import compile_rule, state_bits
from ..errors import InputError, LimitError
from ..expr import TRUE
from ..frozen import Frozen
from ..limits import Limits
from ..model import Network, Phenotype
from ..states import state_to_string
from ..update import Update, parse_update
from .evaluate import Evaluator
from .perturbations import Perturbation, check_nodes
from .phenotypes import evaluate_states, resolve_phenotype
from .scenarios import Scenario
from .symbolic_sets import SymbolicSet

__all__ = ["SimulationResult", "simulate"]

StateArray = npt.NDArray[np.uint64]
MAX_RUNS = 10_000_000


class SimulationResult(Frozen):
    """Phenotype fractions over time and the final attractor distribution.

    Attributes
    ----------
    phenotypes
        The phenotype names, in column order of ``fractions``.
    fractions
        ``fractions[t][j]``: the fraction of runs whose state at step ``t``
        (0 = initial) satisfies phenotype ``j``.
    attractors
        The perturbed network's attractors (patterns, ``*`` where they vary),
        with the fraction of runs in each at the end.
    unsettled
        The fraction of runs not in any attractor at the end.
    runs, steps, seed, update, perturbation, scenario, initial
        The settings, recorded for reproducibility.
    """

    phenotypes: tuple[str, ...]
    fractions: tuple[tuple[float, ...], ...]
    attractors: tuple[tuple[str, float], ...]
    unsettled: float
    runs: int
    steps: int
    seed: int | None
    update: Update
    perturbation: Perturbation
    scenario: Scenario
    initial: str

    def to_dict(self) -> dict[str, object]:
        """The JSON form."""
        return {
            "update": str(self.update),
            "perturbation": self.perturbation.as_dict(),
            "scenario": self.scenario.as_dict,
            "initial": self.initial,
            "runs": self.runs,
            "steps": self.steps,
            "seed": self.seed,
            "phenotypes": list(self.phenotypes),
            "fractions": [
                dict(zip(self.phenotypes, row, strict=True)) | {"step": t}
                for t, row in enumerate(self.fractions)
            ],
            "final_attractors": [{"pattern": p, "fraction": f} for p, f in self.attractors],
            "unsettled": self.unsettled,
        }


def _initial_states(
    network: Network,
    initial: str | None,
    scenario: Scenario,
    runs: int,
    rng: np.random.Generator,
    limits: Limits | None,
    update: Update,
    method: str,
) -> StateArray:
    size = len(network)
    if initial is None or initial == "random":
        return (
            rng.integers(0, 1 << size, size=runs, dtype=np.uint64, endpoint=False)
            if size < 64
            else (
                rng.integers(0, 2**63, size=runs, dtype=np.uint64) * np.uint64(2)
                + rng.integers(0, 2, size=runs, dtype=np.uint64)
            )
        )
    if set(initial) <= {"0", "1"}:
        if len(initial) != size:
            raise InputError(
                f"the initial state '{initial}' has {len(initial)} values; the model has {size} nodes "
                f"({', '.join(network.nodes[:4])}{', ...' if size > 4 else ''})",
                source="<initial>",
            )
        state = sum(1 << i for i, c in enumerate(initial) if c == "1")
        return np.full(runs, state, dtype=np.uint64)
    if re.fullmatch(r"[01]+\w+", initial) or (len(initial) == size and initial[0] in "01"):
        # a state string with a stray character, not an expression
        column = next(i for i, c in enumerate(initial) if c not in "01") + 1
        raise InputError(
            f"the initial state '{initial}' holds '{initial[column - 1]}': "
            "a state is a string of 0s and 1s, one per node",
            source="<initial>",
            line=1,
            column=column,
            source_line=initial,
        )
    phenotype = resolve_phenotype(network, initial)
    evaluator = Evaluator(network, phenotype, update=update, scenario=scenario, method=method, limits=limits)
    pool = evaluator.start_states()
    if len(pool) == 0:
        raise InputError(f"no attractor shows '{phenotype.name}' to start from", source="<initial>")
    return np.asarray(rng.choice(pool, size=runs), dtype=np.uint64)


def simulate(
    network: Network,
    *,
    initial: str | None = None,
    perturbation: Perturbation | None = None,
    scenario: Scenario | None = None,
    update: str | Update = "asynchronous",
    runs: int = 1000,
    steps: int = 50,
    seed: int | None = None,
    phenotypes: tuple[str, ...] | None = None,
    method: str = "auto",
    limits: Limits | None = None,
) -> SimulationResult:
    """Simulate ``runs`` random trajectories of ``steps`` steps.

    Parameters
    ----------
    network
        The unperturbed network.
    initial
        ``None``/``"random"`` (uniform random states), a state string
        (character ``i`` is node ``i``), or a phenotype name or expression:
        states drawn uniformly from the *unperturbed* network's attractors
        that show it (e.g. the established tumour, before treatment).
    perturbation
        Applied from step 0 on: the nodes it fixes hold their values in the
        initial states too (a knockout is in place when the runs start), and
        it overrides the scenario on inputs it fixes.
    scenario
        Inputs fixed in the initial states (whatever ``initial`` says) and
        the dynamics.
    update
        ``"async"`` (random order, one unstable node per step) or ``"sync"``.
    runs, steps, seed
        Number of trajectories, their length and the random seed.
    phenotypes
        Phenotype names or expressions to follow (default: the model's declared ones).
    method, limits
        The engine and the budgets for the attractor computations.

    Returns
    -------
    SimulationResult

    Raises
    ------
    InputError
        For an unknown phenotype, an initial phenotype no attractor shows,
        an initial state of the wrong length or with a character other than
        0 and 1 (located by column), or a negative seed.
    PerturbationError
        For a bad perturbation.

    Notes
    -----
    Time ``O(runs * steps * n)`` for the trajectories, plus one exact
    attractor computation for the final distribution.

    Examples
    --------
    >>> from boolnet.formats import parse_rules
    >>> net = parse_rules("a = !b\\nb = !a\\nphenotype A = a & !b")
    >>> result = simulate(net, initial="11", runs=1000, steps=5, seed=1)
    >>> result.unsettled, round(sum(f for _, f in result.attractors), 6)
    (0.0, 1.0)
    """
    if runs < 1 or runs > MAX_RUNS:
        raise InputError(f"runs must be between 1 and {MAX_RUNS}, not {runs}", source="<runs>")
    if steps < 0:
        raise InputError(f"steps must be 0 or more, not {steps}", source="<steps>")
    if seed is not None and seed < 0:
        raise InputError(f"the seed must be 0 or more, not {seed}", source="<seed>")
    scheme = parse_update(update)
    perturbation = perturbation or Perturbation()
    scenario = scenario or Scenario()
    check_nodes(perturbation, network)
    rng = np.random.default_rng(seed)
    states = _initial_states(network, initial, scenario, runs, rng, limits, scheme, method)
    held = scenario.as_dict | perturbation.fixed  # in place from step 0, whatever the initial state says
    held_mask = np.uint64(sum(1 << network.index(node) for node in held))
    held_values = np.uint64(sum(value << network.index(node) for node, value in held.items()))
    states = (states & ~held_mask) | held_values
    dynamics = perturbation.apply(scenario.without(perturbation.fixed).apply(network))
    size = len(network)
    index = {node: i for i, node in enumerate(network.nodes)}
    rules = [compile_rule(rule.expr, index) for rule in dynamics.rules]
    names = phenotypes if phenotypes is not None else tuple(p.name for p in network.phenotypes)
    followed: list[Phenotype] = [resolve_phenotype(network, name) for name in names]

    def fractions(current: StateArray) -> tuple[float, ...]:
        return tuple(float(evaluate_states(p.expr, network, current).mean()) for p in followed)

    rows = [fractions(states)]
    for _ in range(steps):
        bits = state_bits(states, size)
        values = [rule(bits) for rule in rules]
        if scheme is Update.SYNCHRONOUS:
            states = np.zeros(runs, dtype=np.uint64)
            for i, value in enumerate(values):
                states |= value.astype(np.uint64) << np.uint64(i)
        else:
            unstable = np.stack([values[i] != bits[i] for i in range(size)], axis=1)
            counts = unstable.sum(axis=1)
            # the k-th unstable node of each run, k uniform in [0, count)
            pick = np.floor(rng.random(runs) * np.maximum(counts, 1)).astype(np.int64)
            order = np.cumsum(unstable, axis=1) - 1
            chosen = np.argmax(unstable & (order == pick[:, None]), axis=1)
            flip = np.where(counts > 0, np.uint64(1) << chosen.astype(np.uint64), np.uint64(0))
            states = states ^ flip
        rows.append(fractions(states))
    evaluator = Evaluator(
        network,
        followed[0] if followed else Phenotype("any", TRUE),
        update=scheme,
        scenario=scenario,
        method=method,
        limits=limits,
    )
    attractors, _ = evaluator.global_attractors(perturbation)
    owner: dict[int, int] = {}
    for number, attractor in enumerate(attractors):
        if isinstance(attractor, SymbolicSet):
            raise LimitError(
                f"an attractor of {attractor.size} states is too large to tell which runs end in it "
                "(raise it with --listed-states or Limits(listed_states=...))",
                budget="listed_states",
            )
        for state in attractor.states.tolist():
            owner[int(state)] = number
    counts = np.zeros(len(attractors) + 1, dtype=np.int64)
    for state in states.tolist():
        counts[owner.get(int(state), len(attractors))] += 1
    listed = []
    for number, attractor in enumerate(attractors):
        if counts[number] and not isinstance(attractor, SymbolicSet):
            strings = [state_to_string(int(s), size) for s in attractor.states.tolist()]
            pattern = "".join(c[0] if len(set(c)) == 1 else "*" for c in zip(*strings, strict=True))
            listed.append((pattern, float(counts[number] / runs)))
    listed.sort(key=lambda item: (-item[1], item[0]))
    return SimulationResult(
        tuple(p.name for p in followed),
        tuple(rows),
        tuple(listed),
        float(counts[-1] / runs),
        runs,
        steps,
        seed,
        scheme,
        perturbation,
        scenario,
        initial or "random",
    )
