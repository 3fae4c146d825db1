"""The package's public names, and what importing it loads."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import boolnet
import boolnet.perturb

IL6_MODEL = Path(__file__).resolve().parents[1] / "networks" / "il6_tumorigenesis.txt"


@pytest.mark.parametrize("name", boolnet.__all__)
def test_every_public_name_resolves(name: str) -> None:
    assert callable(getattr(boolnet, name)) and name in dir(boolnet)


@pytest.mark.parametrize("name", boolnet.perturb.__all__)
def test_every_name_of_the_perturb_package_resolves(name: str) -> None:
    import boolnet.perturb.screening
    import boolnet.perturb.simulation

    value = getattr(boolnet.perturb, name)
    assert callable(value) and name in dir(boolnet.perturb)
    assert value.__module__.startswith("boolnet.perturb.")


def test_an_unknown_name_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError, match="no attribute 'find_atractors'"):
        boolnet.find_atractors  # noqa: B018
    with pytest.raises(AttributeError, match=r"'boolnet\.perturb' has no attribute 'scren'"):
        boolnet.perturb.scren  # noqa: B018


def test_the_registry_lists_every_builtin_engine_in_auto_order() -> None:
    assert [engine.name for engine in boolnet.list_engines()][:3] == ["symbolic", "exhaustive", "sat"]


@pytest.mark.parametrize("method", ["symbolic", "auto"])
def test_a_symbolic_run_loads_neither_numpy_nor_the_screens(method: str) -> None:
    # start-up is most of a small model's run: reading a model and finding its
    # attractors symbolically must not pay for numpy, networkx or the screens;
    # auto answers this 20-node model symbolically without loading the exhaustive engine
    expected = len(boolnet.find_attractors(boolnet.read_network(IL6_MODEL), "async", method="exhaustive"))
    script = (
        "import sys, boolnet\n"
        f"net = boolnet.read_network({str(IL6_MODEL)!r})\n"
        f"result = boolnet.find_attractors(net, 'async', method={method!r})\n"
        "assert result.engine == 'symbolic', result.engine\n"
        f"assert len(result) == {expected}, len(result)\n"
        "loaded = ('numpy', 'networkx', 'boolnet.perturb', 'boolnet.graph', 'boolnet.formats.sbml')\n"
        "print(sorted(m for m in loaded if m in sys.modules))\n"
    )
    run = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert run.stdout.strip() == "[]"


def test_a_small_asynchronous_run_loads_no_solver_library() -> None:
    # with few free nodes after percolation the bit-vector search answers: dd and clingo
    # (about 0.02 s to load) are left for the networks that need them
    rules = "\n".join(["s = 1", "a = s & !c", "b = a | c", "c = b & !a", "d = d & s"])
    script = (
        "import sys, boolnet\n"
        f"result = boolnet.find_attractors(boolnet.parse_rules({rules!r}), 'async')\n"
        "print(result.engine, [a.pattern for a in result.attractors])\n"
        "print(sorted(m for m in ('dd', 'clingo', 'numpy') if m in sys.modules))\n"
    )
    run = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    # a = !c, b = 1 and c = !a at rest, d kept: four fixed points
    assert run.stdout.splitlines() == ["symbolic ['10110', '10111', '11100', '11101']", "[]"]


def test_a_solver_stopped_by_its_budget_leaves_nothing_behind() -> None:
    # the first load of dd used to pin the caller's frames, so the cancelled clingo search
    # was destroyed only at exit, which printed errors although the library never prints;
    # 40 toggles have 2**40 minimal trap spaces, so the search is always cut short
    script = (
        "import boolnet\n"
        "from boolnet.engines.trapspaces import find_trap_spaces\n"
        "rules = '\\n'.join(f'a{i} = !b{i}\\nb{i} = !a{i}' for i in range(40))\n"
        "try:\n"
        "    find_trap_spaces(boolnet.parse_rules(rules), limits=boolnet.Limits(timeout=1e-9, listed_answers=2**50))\n"
        "except boolnet.LimitError as error:\n"
        "    print(error.budget)\n"
        "import dd._utils\n"
        "print(dd._utils._nx_error.__traceback__)\n"
    )
    run = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert (run.stdout, run.stderr) == ("timeout\nNone\n", "")


@pytest.mark.parametrize("verb", ["parse", "read", "format", "write"])
@pytest.mark.parametrize("format_name", ["bnet", "rules", "sbml"])
def test_every_format_function_resolves_from_the_formats_package(verb: str, format_name: str) -> None:
    import boolnet.formats

    function = getattr(boolnet.formats, f"{verb}_{format_name}")
    assert callable(function) and function.__module__ == f"boolnet.formats.{format_name}"


def test_an_unknown_format_function_is_an_attribute_error() -> None:
    import boolnet.formats

    with pytest.raises(AttributeError, match="has no attribute 'read_csv'"):
        boolnet.formats.read_csv  # noqa: B018


def test_engine_modules_import_by_their_dotted_names() -> None:
    # boolnet.engines is the subpackage (the registry's listing is boolnet.list_engines)
    import boolnet.engines.symbolic as symbolic

    assert symbolic.ENGINE.name == "symbolic" and boolnet.engines.symbolic is symbolic


def test_an_engine_is_looked_up_by_name() -> None:
    from boolnet.engines import engine

    assert engine("symbolic").name == "symbolic" and engine("symbolic") in boolnet.list_engines()
    with pytest.raises(
        boolnet.EngineError, match="unknown method 'symbolc' \\(available: auto, symbolic, exhaustive"
    ):
        engine("symbolc")


def test_a_command_loads_only_its_own_module() -> None:
    # the command line registers commands by name: `attractors` must not pay
    # for the screens, the interaction graph or networkx
    script = (
        "import sys\n"
        "from boolnet.cli import main\n"
        f"main.main(['attractors', {str(IL6_MODEL)!r}, '--method', 'symbolic'], standalone_mode=False)\n"
        "loaded = ('networkx', 'boolnet.perturb.screening', 'boolnet.graph', 'boolnet.cli.screen')\n"
        "print(sorted(m for m in loaded if m in sys.modules), file=sys.stderr)\n"
    )
    run = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert "engine symbolic" in run.stdout.splitlines()[0]
    assert run.stderr.strip() == "[]"


def test_the_help_lists_every_command() -> None:
    from click.testing import CliRunner

    from boolnet.cli import COMMANDS, main

    listed = CliRunner().invoke(main, ["--help"])
    assert listed.exit_code == 0
    for name in COMMANDS:
        assert f"  {name} " in listed.output
    unknown = CliRunner().invoke(main, ["atractors"])
    assert unknown.exit_code == 2 and "No such command 'atractors'" in unknown.output
