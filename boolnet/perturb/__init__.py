"""Perturbations, phenotypes, scenarios, intervention screens and literature validation.

* :mod:`.perturbations`: knockouts, over-expressions and cut regulations as values.
* :mod:`.phenotypes`: named conditions on states; classifying attractors against them.
* :mod:`.scenarios`: fixing the inputs of a model (mutations, environment, drugs).
* :mod:`.reduction`: exact attractors of perturbed networks by percolation and output elimination.
* :mod:`.reach`: the attractors reachable from given states (the treatment question).
* :mod:`.evaluate`: one perturbation's outcome against a phenotype.
* :mod:`.screening`: every combination of perturbations up to a size.
* :mod:`.interventions`: minimal abolishing perturbation sets, ranked by side effects.
* :mod:`.validation`: literature validation: ``check`` (files read by :mod:`.validation_file`).
* :mod:`.simulation`: stochastic trajectories of (perturbed) networks.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .._lazy import lazy_getattr

if TYPE_CHECKING:
    from .interventions import Intervention, InterventionResult, find_interventions
    from .perturbations import Action, Perturbation, parse_perturbation
    from .phenotypes import Presence, classify, resolve_phenotype
    from .scenarios import Scenario, parse_scenario
    from .screening import Screen, ScreenEntry, ScreenResult, screen
    from .simulation import SimulationResult, simulate
    from .validation import ValidationReport, check_model, read_validation

# name -> the submodule that defines it, imported on first access (PEP 562), so
# that parsing a perturbation does not load the screens, numpy or networkx
_LAZY = {
    **dict.fromkeys(["Intervention", "InterventionResult", "find_interventions"], ".interventions"),
    **dict.fromkeys(["Action", "Perturbation", "parse_perturbation"], ".perturbations"),
    **dict.fromkeys(["Presence", "classify", "resolve_phenotype"], ".phenotypes"),
    **dict.fromkeys(["Scenario", "parse_scenario"], ".scenarios"),
    **dict.fromkeys(["Screen", "ScreenEntry", "ScreenResult", "screen"], ".screening"),
    **dict.fromkeys(["SimulationResult", "simulate"], ".simulation"),
    **dict.fromkeys(["ValidationReport", "check_model", "read_validation"], ".validation"),
}


__getattr__ = lazy_getattr(__name__, _LAZY, globals())


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))


__all__ = [
    "Action",
    "Intervention",
    "InterventionResult",
    "Perturbation",
    "Presence",
    "Scenario",
    "Screen",
    "ScreenEntry",
    "ScreenResult",
    "SimulationResult",
    "ValidationReport",
    "check_model",
    "classify",
    "find_interventions",
    "parse_perturbation",
    "parse_scenario",
    "read_validation",
    "resolve_phenotype",
    "screen",
    "simulate",
]
