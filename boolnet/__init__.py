"""boolnet: Boolean network models for systems biology.

Read a network of Boolean update rules, draw its signed interaction graph,
find its attractors under synchronous and asynchronous updating, and perturb
it (knockouts, over-expressions), list its fixed points and trap spaces, and
screen for the interventions that abolish a phenotype::

    import boolnet
    net = boolnet.read_network("networks/il6_tumorigenesis.txt")
    result = boolnet.find_attractors(net, "async")
    for attractor in result.attractors:
        print(attractor.kind, attractor.pattern)

The package loads what a call needs when it is first used: reading a model
and finding its attractors does not load the screens, the interaction graph
or numpy, so a small model's whole run stays short.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ._lazy import lazy_getattr
from .engines.registry import engines as list_engines
from .errors import (
    BoolnetError,
    EngineError,
    InputError,
    LimitError,
    MissingDependencyError,
    ModelError,
    PerturbationError,
)
from .formats import format_network, read_network, write_network
from .limits import Limits
from .model import Network, Phenotype, Rule
from .parsing import parse_expression
from .results import Attractor, AttractorKind, AttractorResult
from .update import Update

if TYPE_CHECKING:
    from .attractors import find_attractors
    from .engines.trapspaces import TrapSpace, TrapSpaceResult, find_fixed_points, find_trap_spaces
    from .formats import parse_bnet, parse_rules
    from .graph import Sign, feedback_loops, interaction_graph
    from .perturb import (
        Perturbation,
        Scenario,
        check_model,
        find_interventions,
        parse_perturbation,
        parse_scenario,
        read_validation,
        resolve_phenotype,
        screen,
        simulate,
    )

# name -> the module that defines it, imported on first access (PEP 562)
_LAZY = {
    "find_attractors": ".attractors",
    **dict.fromkeys(["parse_bnet", "parse_rules"], ".formats"),
    **dict.fromkeys(
        ["TrapSpace", "TrapSpaceResult", "find_fixed_points", "find_trap_spaces"], ".engines.trapspaces"
    ),
    **dict.fromkeys(["Sign", "feedback_loops", "interaction_graph"], ".graph"),
    **dict.fromkeys(
        [
            "Perturbation",
            "Scenario",
            "check_model",
            "find_interventions",
            "parse_perturbation",
            "parse_scenario",
            "read_validation",
            "resolve_phenotype",
            "screen",
            "simulate",
        ],
        ".perturb",
    ),
}


__getattr__ = lazy_getattr(__name__, _LAZY, globals())


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))


__version__ = "0.1.0"

__all__ = [
    "Attractor",
    "AttractorKind",
    "AttractorResult",
    "BoolnetError",
    "EngineError",
    "InputError",
    "LimitError",
    "Limits",
    "MissingDependencyError",
    "ModelError",
    "Network",
    "Perturbation",
    "PerturbationError",
    "Phenotype",
    "Rule",
    "Scenario",
    "Sign",
    "TrapSpace",
    "TrapSpaceResult",
    "Update",
    "check_model",
    "feedback_loops",
    "find_attractors",
    "find_fixed_points",
    "find_interventions",
    "find_trap_spaces",
    "format_network",
    "interaction_graph",
    "list_engines",
    "parse_bnet",
    "parse_expression",
    "parse_perturbation",
    "parse_rules",
    "parse_scenario",
    "read_network",
    "read_validation",
    "resolve_phenotype",
    "screen",
    "simulate",
    "write_network",
]
