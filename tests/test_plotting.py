"""Figures: what they draw is the result they are given, and the CLI writes them where asked."""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import pytest
from click.testing import CliRunner

from boolnet.cli import main
from boolnet.formats import read_network
from boolnet.perturb.perturbations import parse_perturbation
from boolnet.perturb.screening import Screen, ScreenResult
from boolnet.perturb.simulation import simulate

pytest.importorskip("matplotlib")

from boolnet.plotting import plot_screen, plot_simulation, screen_matrix

MODEL = Path(__file__).resolve().parents[1] / "networks" / "il6_tumorigenesis.txt"
NETWORK = read_network(MODEL)


@pytest.fixture(scope="module")
def il6_screen() -> ScreenResult:
    screen = Screen(NETWORK, "Tumorigenic", update="async", max_size=2, scenario=None)
    return screen.result(list(screen))


def test_the_screen_matrix_holds_every_single_and_double(il6_screen: ScreenResult) -> None:
    actions, share, abolished, minimal = screen_matrix(il6_screen)
    position = {action: k for k, action in enumerate(actions)}
    assert np.array_equal(np.isnan(share), np.isnan(share.T))
    drawn = set()
    for entry in il6_screen.entries:
        i, j = (position[a] for a in (entry.perturbation.actions[0], entry.perturbation.actions[-1]))
        drawn |= {(i, j), (j, i)}
        for a, b in ((i, j), (j, i)):
            assert share[a, b] == entry.phenotype_attractors / entry.attractors
            assert abolished[a, b] == entry.abolished and minimal[a, b] == entry.minimal
    for i, j in zip(*np.nonzero(np.isnan(share)), strict=True):
        assert (i, j) not in drawn
        assert actions[i].target == actions[j].target  # only a node both knocked out and over-expressed
    assert len(drawn) + int(np.isnan(share).sum()) == len(actions) ** 2


def test_larger_perturbations_stay_out_of_the_matrix_and_an_empty_screen_draws_no_matrix() -> None:
    screen = Screen(NETWORK, "Tumorigenic", max_size=3, targets=["IL6", "JAK", "Notch3"], kinds="ko")
    result = screen.result(list(screen))
    assert any(entry.size == 3 for entry in result.entries)
    pairs = Screen(NETWORK, "Tumorigenic", max_size=2, targets=["IL6", "JAK", "Notch3"], kinds="ko")
    expected = screen_matrix(pairs.result(list(pairs)))
    for got, wanted in zip(screen_matrix(result), expected, strict=True):
        assert np.array_equal(np.asarray(got), np.asarray(wanted), equal_nan=isinstance(wanted, np.ndarray))
    empty = plot_screen(screen.result([], finished=False))  # no warning either: warnings are errors here
    assert len(empty.axes[0].images) == 0


def test_the_heat_map_shows_the_matrix_and_marks_the_hits(il6_screen: ScreenResult) -> None:
    import matplotlib.pyplot as plt

    figure = plot_screen(il6_screen)
    actions, share, abolished, minimal = screen_matrix(il6_screen)
    axes = figure.axes[0]
    shown = axes.images[0].get_array()
    assert np.array_equal(shown.mask, np.isnan(share))
    assert np.array_equal(shown.filled(-1), np.where(np.isnan(share), -1, share))
    plain, marked = (collection.get_offsets() for collection in axes.collections[:2])
    assert {(int(r), int(c)) for c, r in plain} == set(zip(*np.nonzero(abolished & ~minimal), strict=True))
    assert {(int(r), int(c)) for c, r in marked} == set(zip(*np.nonzero(minimal), strict=True))
    assert [label.get_text() for label in axes.get_yticklabels()] == [str(a) for a in actions]
    assert plt.get_fignums() == []  # figures are not kept by pyplot


def test_the_simulation_figure_draws_each_phenotype_and_where_the_runs_end() -> None:
    result = simulate(
        NETWORK,
        initial="Tumorigenic",
        perturbation=parse_perturbation("ko JAK"),
        runs=300,
        steps=3,
        seed=5,
    )
    assert result.unsettled > 0  # three steps are too few for every run
    curves, endings = plot_simulation(result).axes[:2]
    assert len(curves.get_lines()) == len(result.phenotypes) == 2
    for column, line in enumerate(curves.get_lines()):
        assert list(line.get_ydata()) == [row[column] for row in result.fractions]
        assert line.get_label() == result.phenotypes[column]
    widths = [bar.get_width() for bar in endings.patches]
    assert math.isclose(sum(widths), 1.0)
    assert widths[-1] == result.unsettled
    assert endings.get_yticklabels()[-1].get_text() == "not yet in an attractor"


def test_screen_and_simulate_draw_to_the_files_named(tmp_path: Path) -> None:
    heat_map = tmp_path / "screen.svg"
    result = CliRunner().invoke(
        main, ["screen", str(MODEL), "-p", "Tumorigenic", "--max-size", "2", "--plot", str(heat_map)]
    )
    assert result.exit_code == 0, result.output
    assert heat_map.read_text().startswith("<?xml")
    scenarios = tmp_path / "each.png"
    fixed = "EGFR=1,Ras=0,Hypoxia=0,Anti_IL6=0,JAKi=0"
    args = ["screen", str(MODEL), "-p", "Tumorigenic", "--scenario", fixed, "--scenarios", "all"]
    result = CliRunner().invoke(main, [*args, "--plot", str(scenarios)])
    assert result.exit_code == 0, result.output
    written = sorted(p.name for p in tmp_path.glob("each-*.png"))
    assert written == ["each-IL6_ext=0.png", "each-IL6_ext=1.png"]  # named after the swept input only
    missing = CliRunner().invoke(main, ["simulate", str(MODEL), "--plot", str(tmp_path / "no" / "x.png")])
    assert missing.exit_code == 2 and "the folder" in missing.stderr and "does not exist" in missing.stderr
    time_course = tmp_path / "runs.pdf"
    result = CliRunner().invoke(
        main, ["simulate", str(MODEL), "--runs", "20", "--steps", "5", "--plot", str(time_course)]
    )
    assert result.exit_code == 0, result.output
    assert time_course.read_bytes().startswith(b"%PDF")


@pytest.mark.parametrize("command", [["attractors"], ["screen", "-p", "Tumorigenic"], ["simulate"]])
def test_a_figure_file_without_a_picture_suffix_is_refused_before_any_work(
    tmp_path: Path, command: list[str]
) -> None:
    result = CliRunner().invoke(
        main, [command[0], str(MODEL), *command[1:], "--plot", str(tmp_path / "x.xyz")]
    )
    assert result.exit_code == 2
    assert "does not end in a picture suffix (.png, .svg, .pdf)" in result.stderr
    assert result.stdout == "" and not (tmp_path / "x.xyz").exists()
