"""Choosing an engine: by name, or the first of ``auto`` that can answer."""

from __future__ import annotations

import sys

import pytest

from boolnet import LimitError, Limits, MissingDependencyError, parse_rules
from boolnet.engines.registry import select_engine
from boolnet.update import Update


@pytest.fixture
def without_python_sat(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pysat.solvers", None)  # "import pysat.solvers" raises ImportError


@pytest.mark.usefixtures("without_python_sat")
def test_an_engine_named_without_its_package_says_which_to_install() -> None:
    toggle = parse_rules("a = !b\nb = !a")
    with pytest.raises(MissingDependencyError) as caught:
        select_engine(toggle, Update.SYNCHRONOUS, "sat", Limits())
    assert str(caught.value) == (
        "the SAT synchronous engine needs the 'python-sat' package; install it with `pip install 'boolnet[sat]'`"
    )


@pytest.mark.usefixtures("without_python_sat")
def test_auto_passes_over_an_engine_without_its_package() -> None:
    toggle = parse_rules("a = !b\nb = !a")
    assert select_engine(toggle, Update.SYNCHRONOUS, "auto", Limits()).name == "exhaustive"
    ring = parse_rules("\n".join(f"x{i} = x{(i + 1) % 40}" for i in range(40)))  # too large for 4 GiB
    with pytest.raises(LimitError) as caught:
        select_engine(ring, Update.SYNCHRONOUS, "auto", Limits())
    assert "sat: the SAT synchronous engine needs the 'python-sat' package" in str(caught.value)
