"""The symbolic asynchronous engine against the brute-force state graph and the exhaustive engine."""

from __future__ import annotations

import inspect
import logging
import os
import time
from pathlib import Path

import pytest
from bruteforce import async_attractors
from conftest import IL6_MODEL, corpus_params
from hypothesis import given, settings
from hypothesis import strategies as st
from strategies import networks

from boolnet import LimitError, Limits, find_attractors, parse_rules, read_network
from boolnet.engines import bddsearch, rulebdd, symbolic
from boolnet.engines.forked import can_fork
from boolnet.engines.symbolic import ENGINE, find_async_attractors
from boolnet.engines.trapspaces import find_fixed_points, find_trap_spaces
from boolnet.expr import substitute, variables
from boolnet.limits import GIB
from boolnet.model import Network
from boolnet.results import Attractor, AttractorKind, AttractorResult, attractor_order
from boolnet.update import Update


def state_sets(result: AttractorResult) -> set[frozenset[str]]:
    assert result.complete
    return {frozenset(a.states or ()) for a in result.attractors}


# the engine's two searches: on bit-vector state sets (few free nodes) and on BDDs
SEARCHES = ["explicit", "bdd"]


def find(network: Network, limits: Limits | None = None, *, search: str) -> AttractorResult:
    """The symbolic engine's answer through one of its searches, whatever the network's size."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(symbolic, "EXPLICIT_MAX_FREE_NODES", 64 if search == "explicit" else -1)
        return find_async_attractors(network, limits)


@pytest.mark.parametrize("search", SEARCHES)
@settings(max_examples=200, deadline=None)
@given(network=networks(max_nodes=8))
def test_matches_the_brute_force_state_graph(network: Network, search: str) -> None:
    result = find(network, search=search)
    assert result.engine == "symbolic" and result.update is Update.ASYNCHRONOUS
    assert state_sets(result) == async_attractors(network)
    for attractor in result.attractors:
        assert attractor.size == len(attractor.states or ())


def test_attractors_sort_by_pattern_then_first_listed_state() -> None:
    toggle = Attractor(AttractorKind.COMPLEX, 2, "*1", ("01", "11"))
    huge = Attractor(AttractorKind.COMPLEX, 2, "*1", None)
    fixed = Attractor(AttractorKind.FIXED_POINT, 1, "10", ("10",))
    assert [attractor_order(a) for a in (toggle, huge, fixed)] == [("*1", "01"), ("*1", ""), ("10", "10")]
    assert sorted([fixed, toggle, huge], key=attractor_order) == [huge, toggle, fixed]


@pytest.mark.parametrize("search", SEARCHES)
@settings(max_examples=50, deadline=None)
@given(network=networks(min_nodes=4, max_nodes=8))
def test_omitted_states_keep_exact_size_and_pattern(network: Network, search: str) -> None:
    full = find(network, search=search)
    short = find(network, Limits(listed_states=1), search=search)
    assert sorted((a.pattern, a.size, a.kind) for a in short.attractors) == sorted(
        (a.pattern, a.size, a.kind) for a in full.attractors
    )
    for attractor in short.attractors:
        assert (attractor.states is None) == (attractor.size > 1)


@settings(max_examples=100, deadline=None)
@given(network=networks(max_nodes=8), data=st.data())
def test_any_variable_order_gives_the_same_attractors(network: Network, data: st.DataObject) -> None:
    order = data.draw(st.permutations(range(len(network))))
    declared = bddsearch.find_attractor_sets(network, order=order)
    assert [declared.manager.var_at_level(k) for k in range(len(network))] == [f"x{i}" for i in order]
    assert declared.attractors == bddsearch.find_attractor_sets(network).attractors
    assert {frozenset(a.states or ()) for a in declared.attractors} == async_attractors(network)


@settings(max_examples=150, deadline=None)
@given(network=networks(max_nodes=8))
def test_decomposing_without_trap_spaces_matches_the_brute_force_state_graph(network: Network) -> None:
    direct = bddsearch.find_attractor_sets(network, trap_spaces=False)
    assert {frozenset(a.states or ()) for a in direct.attractors} == async_attractors(network)
    assert direct.attractors == bddsearch.find_attractor_sets(network).attractors


@settings(max_examples=100, deadline=None)
@given(network=networks(max_nodes=12))
def test_variable_order_is_a_reversed_breadth_first_order(network: Network) -> None:
    order = rulebdd.variable_order(network)
    assert sorted(order) == list(range(len(network)))
    neighbours: dict[int, set[int]] = {i: set() for i in range(len(network))}
    for target, rule in enumerate(network.rules):
        for source in map(network.index, rule.regulators):
            if source != target:
                neighbours[target].add(source)
                neighbours[source].add(target)
    place = {node: k for k, node in enumerate(reversed(order))}
    # breadth-first, only the first node of each connected part has no neighbour placed before it
    starts = [node for node in place if all(place[other] > place[node] for other in neighbours[node])]
    parts = []
    for node in neighbours:
        if not any(node in part for part in parts):
            part, stack = {node}, [node]
            while stack:
                for other in neighbours[stack.pop()] - part:
                    part.add(other)
                    stack.append(other)
            parts.append(part)
    assert len(starts) == len(parts)


@settings(max_examples=150, deadline=None)
@given(network=networks(max_nodes=12), data=st.data())
def test_feedback_parts_are_the_cyclic_strongly_connected_parts(
    network: Network, data: st.DataObject
) -> None:
    import networkx as nx

    fixed = data.draw(st.dictionaries(st.sampled_from(network.nodes), st.booleans()))
    graph = nx.DiGraph()
    graph.add_nodes_from(node for node in network.nodes if node not in fixed)
    for node in graph.nodes:
        rule = substitute(network.rule(node).expr, fixed)
        graph.add_edges_from((regulator, node) for regulator in variables(rule))
    cyclic = [
        part for part in nx.strongly_connected_components(graph) if graph.subgraph(part).number_of_edges()
    ]
    found = symbolic.feedback_parts(network, fixed)
    assert sorted(map(sorted, found)) == sorted(map(sorted, cyclic))


@pytest.mark.parametrize(
    ("rules", "trap_spaces"),
    [
        ("a = !c\nb = a\nc = b\nd = a & b", False),  # one feedback part, and a read-out
        ("a = !b\nb = a\nc = d\nd = c", True),  # two: a negative loop and a positive one
    ],
)
def test_one_small_feedback_part_is_decomposed_without_trap_spaces(
    rules: str, trap_spaces: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    network = parse_rules(rules)
    calls = []
    search = bddsearch.find_attractor_list

    def spy(*args: object, **kwargs: object) -> tuple[Attractor, ...]:
        calls.append(kwargs["trap_spaces"])
        return search(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(bddsearch, "find_attractor_list", spy)
    result = find(network, search="bdd")
    assert calls == [trap_spaces] and state_sets(result) == async_attractors(network)


# Rozum, Gómez Tejeda Zañudo, Gan, Deritei & Albert 2021 (Sci. Adv. 7:eabf8124), a motif-avoidant
# attractor: {000, 100, 010} lies in no minimal trap space (the only one is the fixed point 111).
MOTIF_AVOIDANT = """
A = !A & !B | C
B = !A & !B | C
C = A & B
"""


@settings(max_examples=150, deadline=None)
@given(networks(max_nodes=8))
def test_descending_every_trap_space_matches_the_brute_force_state_graph(network: Network) -> None:
    # no first try: every trap space on the way is split into its maximal trap spaces
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(bddsearch, "FIRST_TRY_SECONDS", 0.0)
        result = find(network, search="bdd")
    assert state_sets(result) == async_attractors(network)


@settings(max_examples=150, deadline=None)
@given(networks(max_nodes=8), st.integers(min_value=0, max_value=4))
def test_skipping_first_tries_by_codimension_matches_the_brute_force_state_graph(
    network: Network, codimension: int
) -> None:
    # small thresholds: the first tries towards few states are skipped, the others made
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(bddsearch, "SKIP_FREE_NODES", 0)
        patch.setattr(bddsearch, "SKIP_CODIMENSION", codimension)
        result = find(network, search="bdd")
    assert state_sets(result) == async_attractors(network)


@pytest.mark.parametrize(
    ("free_nodes", "codimension", "tried"),
    # the percolated space has 3 free nodes; its one known trap space is the fixed point 111,
    # 1 of its 8 states (codimension 3)
    [(0, 3, False), (0, 4, True), (3, 3, False), (4, 3, True)],
)
def test_first_try_is_skipped_when_the_targets_are_a_tiny_part_of_a_large_space(
    free_nodes: int, codimension: int, tried: bool
) -> None:
    network = parse_rules(MOTIF_AVOIDANT)
    moving: list[int] = []  # per first try, how many nodes may move in its trap space
    original = bddsearch._Dynamics.try_reach_back

    def spy(self: bddsearch._Dynamics, start: object, seconds: float) -> object:
        moving.append(len(self.can))
        return original(self, start, seconds)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(bddsearch, "SKIP_FREE_NODES", free_nodes)
        patch.setattr(bddsearch, "SKIP_CODIMENSION", codimension)
        patch.setattr(bddsearch._Dynamics, "try_reach_back", spy)
        sets = bddsearch.find_attractor_sets(network)
    assert (3 in moving) == tried  # the percolated space's try
    assert {frozenset(a.states or ()) for a in sets.attractors} == async_attractors(network)


@settings(max_examples=150, deadline=None)
@given(networks(max_nodes=8))
def test_transient_pivots_are_set_aside_exactly(network: Network) -> None:
    # no random walk: the pivot is the region's first state, often transient, so its forward
    # set leaves its backward set and the search goes on outside that backward set
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(bddsearch, "WALK_STEPS_PER_NODE", 0)
        direct = bddsearch.find_attractor_sets(network, trap_spaces=False)
        guided = find(network, search="bdd")
    assert {frozenset(a.states or ()) for a in direct.attractors} == async_attractors(network)
    assert state_sets(guided) == async_attractors(network)


@settings(max_examples=40, deadline=None)
@given(networks(max_nodes=7))
def test_pure_python_backend_gives_the_same_attractors(network: Network) -> None:
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(rulebdd, "backend", lambda: "autoref")
        fallback = find(network, search="bdd")
        patch.setattr(bddsearch, "FIRST_TRY_SECONDS", 0.0)
        descended = find(network, search="bdd")
    assert fallback.attractors == descended.attractors == find(network, search="bdd").attractors


@pytest.mark.parametrize("backend", ["cudd", "autoref"])
def test_state_counts_stay_exact_past_double_precision(backend: str) -> None:
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(rulebdd, "backend", lambda: backend)
        names = [f"x{i}" for i in range(70)]
        manager = rulebdd.new_manager(names)
        anything = manager.false
        for name in names[:60]:
            anything |= manager.var(name)
        assert rulebdd.count_states(manager, anything, names) == (2**60 - 1) * 2**10
        assert rulebdd.count_states(manager, manager.true, []) == 1
        del anything, manager


def test_huge_attractors_keep_exact_sizes_and_patterns() -> None:
    # 60 free oscillators beside the motif-avoidant triple {000, 100, 010} and the fixed point 111
    toggles = "\n".join(f"t{i} = !t{i}" for i in range(60))
    result = find_async_attractors(parse_rules(MOTIF_AVOIDANT + toggles), Limits(listed_states=10))
    assert [(a.pattern, a.size, a.states) for a in result.attractors] == [
        ("**0" + "*" * 60, 3 * 2**60, None),
        ("111" + "*" * 60, 2**60, None),
    ]


def test_decomposing_without_trap_spaces_finds_the_motif_avoidant_attractor() -> None:
    network = parse_rules(MOTIF_AVOIDANT)
    direct = bddsearch.find_attractor_sets(network, trap_spaces=False)
    assert {frozenset(a.states or ()) for a in direct.attractors} == async_attractors(network)
    assert len(direct.attractors) == 2


@pytest.mark.parametrize("search", SEARCHES)
def test_finds_a_motif_avoidant_attractor(search: str) -> None:
    network = parse_rules(MOTIF_AVOIDANT)
    assert [t.pattern for t in find_trap_spaces(network)] == ["111"]
    result = find(network, search=search)
    assert state_sets(result) == async_attractors(network)
    assert frozenset({"000", "100", "010"}) in state_sets(result)
    assert len(result) == 2


@pytest.mark.parametrize("search", SEARCHES)
def test_motif_avoidant_attractor_next_to_free_inputs(search: str) -> None:
    network = parse_rules(MOTIF_AVOIDANT + "D = D\nE = D & !E | A\n")
    assert state_sets(find(network, search=search)) == async_attractors(network)


def test_registry_entry() -> None:
    assert ENGINE.name == "symbolic" and ENGINE.updates == frozenset({Update.ASYNCHRONOUS})
    toggle = parse_rules("a = !b\nb = !a")
    assert ENGINE.check(toggle, Update.ASYNCHRONOUS, Limits()) is None
    assert ENGINE.check(toggle, Update.SYNCHRONOUS, Limits()) is not None


@pytest.mark.parametrize("search", SEARCHES)
def test_timeout_names_the_budget(search: str) -> None:
    ring = parse_rules("\n".join(f"x{i} = !x{(i + 1) % 12}" for i in range(12)))
    with pytest.raises(LimitError) as error:
        find(ring, Limits(timeout=1e-6), search=search)
    assert error.value.budget == "timeout"


def test_timeout_inside_the_trap_space_solver_names_the_users_budget() -> None:
    # the IL-6 model has several feedback parts, so the search first asks clingo for trap spaces
    network = read_network(IL6_MODEL)
    with pytest.raises(LimitError) as error:
        find(network, Limits(timeout=1e-6), search="bdd")
    assert error.value.budget == "timeout"
    assert "time budget of 1e-06 s" in str(error.value)


@pytest.mark.parametrize("search", SEARCHES)
def test_memory_budget_names_the_budget(search: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(bddsearch, "MEMORY_CHECK_INTERVAL", 0.0)  # measure at the first check
    ring = parse_rules("\n".join(f"x{i} = !x{(i + 1) % 12}" for i in range(12)))
    with pytest.raises(LimitError) as error:
        find(ring, Limits(memory=1), search=search)
    assert error.value.budget == "memory" and "memory budget" in str(error.value)


def test_slow_memory_measurements_are_spaced_out(monkeypatch: pytest.MonkeyPatch) -> None:
    # reading CUDD's statistics on a large manager takes milliseconds: the
    # clock measures less often then, so that measuring stays a small share
    measured = []

    def slow_measurement(manager: object) -> int:
        time.sleep(0.01)
        measured.append(time.monotonic())
        return GIB - 1  # at the budget's edge, so that only the measuring cost spaces readings out

    monkeypatch.setattr(bddsearch, "memory_in_use", slow_measurement)
    clock = bddsearch._Clock(Limits(memory=GIB))
    start = time.monotonic()
    while time.monotonic() - start < 0.5:
        clock.check(None)
    # every 0.06 s (the shortest interval plus one measurement) would be 8; one in 0.21 s is at most 3
    assert 1 <= len(measured) <= 3


@pytest.mark.parametrize(("in_use", "next_reading"), [(0, 0.5), (GIB // 2, 0.25), (GIB - 2**20, 0.05)])
def test_memory_is_read_more_often_near_the_budget(
    in_use: int, next_reading: float, monkeypatch: pytest.MonkeyPatch
) -> None:
    # the next reading waits as long as memory growing at MEMORY_GROWTH (2 GiB/s) would
    # take to reach the budget (1 GiB here), and at least MEMORY_CHECK_INTERVAL (0.05 s)
    monkeypatch.setattr(bddsearch, "memory_in_use", lambda manager: in_use)
    clock = bddsearch._Clock(Limits(memory=GIB))
    clock.memory_checked -= 1.0  # due for a reading
    clock.check(None)
    assert clock.memory_interval == pytest.approx(next_reading, abs=0.01)


# -- the forked helper for the minimal trap spaces --------------------------------------

needs_fork = pytest.mark.skipif(not can_fork(), reason="needs Linux fork and a second core")


def helped(network: Network, patch: pytest.MonkeyPatch) -> tuple[Attractor, ...]:
    """The search's attractors with the helper started before the first minimal trap space."""
    patch.setattr(bddsearch, "HELPER_AFTER_SECONDS", -1.0)
    return bddsearch.find_attractor_list(network)


@needs_fork
@settings(max_examples=60, deadline=None)
@given(networks(max_nodes=8))
def test_a_helper_for_the_minimal_trap_spaces_changes_no_attractor(network: Network) -> None:
    with pytest.MonkeyPatch.context() as patch:
        started = []
        start = bddsearch._Helper.start

        def spy(search: object, spaces: list[dict[str, bool]]) -> object:
            helper = start(search, spaces)  # type: ignore[arg-type]
            started.append(helper is not None)
            return helper

        patch.setattr(bddsearch._Helper, "start", spy)
        attractors = helped(network, patch)
    assert started == [True]  # every network has a minimal trap space, so the helper always starts
    assert {frozenset(a.states or ()) for a in attractors} == async_attractors(network)
    assert attractors == bddsearch.find_attractor_sets(network).attractors


@needs_fork
@pytest.mark.parametrize("failure", ["error", "exit"])
def test_the_search_does_a_failed_helpers_work_itself(failure: str, monkeypatch: pytest.MonkeyPatch) -> None:
    network = parse_rules(MOTIF_AVOIDANT + "D = !E\nE = D\nF = F & !D | E\n")
    parent = os.getpid()
    search_space = bddsearch._Search.attractors_in_space

    def failing_in_the_helper(search: bddsearch._Search, *args: object) -> None:
        if os.getpid() != parent:
            if failure == "exit":
                os._exit(9)
            raise MemoryError("the helper's part of the budget")
        search_space(search, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(bddsearch._Search, "attractors_in_space", failing_in_the_helper)
    attractors = helped(network, monkeypatch)
    assert {frozenset(a.states or ()) for a in attractors} == async_attractors(network)


@needs_fork
def test_the_search_takes_back_the_helpers_memory_when_it_needs_it(monkeypatch: pytest.MonkeyPatch) -> None:
    # past its three quarters of the budget, the search stops the helper instead of failing,
    # and then searches the minimal trap spaces itself
    network = parse_rules(MOTIF_AVOIDANT + "D = !E\nE = D\nF = F & !D | E\n")
    monkeypatch.setattr(bddsearch, "MEMORY_CHECK_INTERVAL", 0.0)
    monkeypatch.setattr(bddsearch, "MEMORY_GROWTH", float("inf"))
    readings = iter([0] + [int(0.9 * GIB)] * 10_000)  # before the fork, then in the parent
    monkeypatch.setattr(bddsearch, "memory_in_use", lambda manager: next(readings))
    stopped_by = []
    stop = bddsearch._Helper.stop

    def spy(helper: bddsearch._Helper) -> None:
        stopped_by.append(inspect.stack()[1].function)
        stop(helper)

    monkeypatch.setattr(bddsearch._Helper, "stop", spy)
    monkeypatch.setattr(bddsearch, "HELPER_AFTER_SECONDS", -1.0)
    attractors = bddsearch.find_attractor_list(network, Limits(memory=GIB))
    assert stopped_by[0] == "check"  # the clock stopped it
    assert {frozenset(a.states or ()) for a in attractors} == async_attractors(network)


def test_a_clock_with_a_helper_reclaims_the_budget_before_failing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(bddsearch, "memory_in_use", lambda manager: GIB * 3 // 4 + 1)
    clock = bddsearch._Clock(Limits(memory=GIB))
    reclaimed = []
    clock.memory_budget, clock.reclaim = GIB * 3 // 4, lambda: reclaimed.append(True)
    clock.memory_checked -= 1.0
    clock.check(None)  # over its part, within the whole budget: the helper is stopped instead
    assert reclaimed == [True] and clock.memory_budget == GIB and clock.reclaim is None
    monkeypatch.setattr(bddsearch, "memory_in_use", lambda manager: GIB + 1)
    clock.memory_checked -= 1.0
    with pytest.raises(LimitError):
        clock.check(None)


@pytest.mark.parametrize("rules", ["a = !a", "a = !a\nb = a & !b\nc = b | c", "a = !a\nb = !b\nc = a & b"])
def test_self_negating_nodes_log_nothing(rules: str, caplog: pytest.LogCaptureFixture) -> None:
    # the random walk tests whether such a node may move without substituting any variable
    # (dd logs a warning for every substitution of no variable)
    network = parse_rules(rules)
    with caplog.at_level(logging.WARNING):
        found = find(network, search="bdd")
    assert state_sets(found) == async_attractors(network)
    assert caplog.records == []


def _compare_with_exhaustive(path: Path, search: str) -> None:
    network = read_network(path)
    expected = find_attractors(network, "async", method="exhaustive")
    found = find(network, search=search)
    assert found.attractors == expected.attractors


@pytest.mark.parametrize("search", SEARCHES)
@pytest.mark.parametrize("path", corpus_params("bbm-inputs-fixed", max_nodes=20))
def test_corpus_inputs_fixed_agrees_with_exhaustive(path: Path, search: str) -> None:
    _compare_with_exhaustive(path, search)


@pytest.mark.parametrize("search", SEARCHES)
@pytest.mark.parametrize("path", corpus_params("bbm", max_nodes=12))
def test_corpus_free_inputs_agrees_with_exhaustive(path: Path, search: str) -> None:
    _compare_with_exhaustive(path, search)


# 30-50 s each: measured by benchmarks/attractors.py rather than run on every commit
BENCHMARK_ONLY = ("bbm-079-", "bbm-277-")


@pytest.mark.parametrize(
    "path",
    [
        param
        for param in corpus_params("bbm-inputs-fixed", min_nodes=21, max_nodes=200)
        if not str(param.id or "").startswith(BENCHMARK_ONLY)  # type: ignore[attr-defined]
    ],
)
def test_corpus_agrees_with_the_trap_space_solver(path: Path) -> None:
    # beyond the exhaustive engine's reach: the fixed points are exactly clingo's, and every
    # minimal trap space holds an attractor whose pattern fits in it
    network = read_network(path)
    found = find_async_attractors(network, Limits(timeout=60))
    fixed_points = {a.pattern for a in found.attractors if a.size == 1}
    assert fixed_points == {t.pattern for t in find_fixed_points(network).trap_spaces}
    for space in (t.pattern for t in find_trap_spaces(network, kind="minimal").trap_spaces):
        assert any(
            all(s == "*" or s == a for s, a in zip(space, attractor.pattern, strict=True))
            for attractor in found.attractors
        ), space


def test_loading_dd_leaves_networkx_unloaded_but_importable() -> None:
    # networkx costs ~0.2 s of every small run; dd only needs it to draw BDDs
    import subprocess
    import sys

    script = (
        "import sys\n"
        "from boolnet.engines.rulebdd import backend, new_manager\n"
        "backend(); new_manager(['a'])\n"
        "assert 'networkx' not in sys.modules, 'networkx was imported'\n"
        "import networkx\n"
        "from boolnet import interaction_graph, parse_rules\n"
        "print(interaction_graph(parse_rules('a = !b\\nb = a')).number_of_edges())\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "2"


def _network_of_successors(successor: dict[str, str]) -> Network:
    """The asynchronous network in which every state has exactly the given one-flip successor."""
    size = len(next(iter(successor)))
    lines = []
    for i in range(size):
        on = [s for s, t in successor.items() if t[i] == "1"]  # states where node i's rule is 1
        terms = [
            "(" + " & ".join(f"x{j}" if c == "1" else f"!x{j}" for j, c in enumerate(s)) + ")" for s in on
        ]
        lines.append(f"x{i} = " + (" | ".join(terms) or "0"))
    return parse_rules("\n".join(lines))


@pytest.mark.parametrize("search", SEARCHES)
def test_a_minimal_trap_space_holding_two_attractors(search: str) -> None:
    # two disjoint 8-cycles round the 4-cube, each moving every node both ways: the whole
    # space is the only trap space, and it holds both attractors (found one at a time)
    rings = ["0000 0001 0011 0111 1111 1110 1100 1000", "0101 0100 0110 0010 1010 1011 1001 1101"]
    successor = {}
    for ring in rings:
        states = ring.split()
        successor.update(zip(states, states[1:] + states[:1], strict=True))
    network = _network_of_successors(successor)
    assert [space.pattern for space in find_trap_spaces(network, kind="minimal")] == ["****"]
    result = find(network, search=search)
    assert state_sets(result) == async_attractors(network) == {frozenset(ring.split()) for ring in rings}
