"""Perturbations, phenotypes, scenarios, intervention screens and literature validation.

* :mod:`.perturbations`: knockouts, over-expressions and cut regulations as values.
* :mod:`.phenotypes`: named conditions on states; classifying attractors against them.
* :mod:`.scenarios`: fixing the inputs of a model (mutations, environment, drugs).
* :mod:`.reduction`: exact attractors of perturbed networks by percolation and output elimination.
* :mod:`.reach`: the attractors reachable from given states (the treatment question).
* :mod:`.evaluate`: one perturbation's outcome against a phenotype.
* :mod:`.screen`: every combination of perturbations up to a size.
* :mod:`.interventions`: minimal abolishing perturbation sets, ranked by side effects.
* :mod:`.validation`: literature validation files and ``check``.
* :mod:`.simulate`: stochastic trajectories of (perturbed) networks.
"""

from .interventions import Intervention as Intervention
from .interventions import InterventionResult as InterventionResult
from .interventions import find_interventions as find_interventions
from .perturbations import Action as Action
from .perturbations import Perturbation as Perturbation
from .perturbations import parse_perturbation as parse_perturbation
from .phenotypes import Presence as Presence
from .phenotypes import classify as classify
from .phenotypes import resolve_phenotype as resolve_phenotype
from .scenarios import Scenario as Scenario
from .scenarios import parse_scenario as parse_scenario
from .screen import Screen as Screen
from .screen import ScreenEntry as ScreenEntry
from .screen import ScreenResult as ScreenResult
from .screen import screen as screen
from .simulate import SimulationResult as SimulationResult
from .simulate import simulate as simulate
from .validation import ValidationReport as ValidationReport
from .validation import check_model as check_model
from .validation import read_validation as read_validation

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
