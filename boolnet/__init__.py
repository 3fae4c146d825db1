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
"""

from .attractors import find_attractors as find_attractors
from .engines import engines as engines
from .engines.trapspaces import TrapSpace as TrapSpace
from .engines.trapspaces import TrapSpaceResult as TrapSpaceResult
from .engines.trapspaces import find_fixed_points as find_fixed_points
from .engines.trapspaces import find_trap_spaces as find_trap_spaces
from .errors import (
    BoolnetError as BoolnetError,
)
from .errors import (
    EngineError as EngineError,
)
from .errors import (
    InputError as InputError,
)
from .errors import (
    LimitError as LimitError,
)
from .errors import (
    MissingDependencyError as MissingDependencyError,
)
from .errors import (
    ModelError as ModelError,
)
from .errors import (
    PerturbationError as PerturbationError,
)
from .formats import (
    format_network as format_network,
)
from .formats import (
    parse_bnet as parse_bnet,
)
from .formats import (
    parse_rules as parse_rules,
)
from .formats import (
    read_network as read_network,
)
from .formats import (
    write_network as write_network,
)
from .graph import Sign as Sign
from .graph import feedback_loops as feedback_loops
from .graph import interaction_graph as interaction_graph
from .limits import Limits as Limits
from .model import Network as Network
from .model import Phenotype as Phenotype
from .model import Rule as Rule
from .parsing import parse_expression as parse_expression
from .perturb import (
    Perturbation as Perturbation,
)
from .perturb import (
    Scenario as Scenario,
)
from .perturb import (
    check_model as check_model,
)
from .perturb import (
    find_interventions as find_interventions,
)
from .perturb import (
    parse_perturbation as parse_perturbation,
)
from .perturb import (
    parse_scenario as parse_scenario,
)
from .perturb import (
    read_validation as read_validation,
)
from .perturb import (
    resolve_phenotype as resolve_phenotype,
)
from .perturb import (
    screen as screen,
)
from .perturb import (
    simulate as simulate,
)
from .results import Attractor as Attractor
from .results import AttractorKind as AttractorKind
from .results import AttractorResult as AttractorResult
from .update import Update as Update

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
    "engines",
    "feedback_loops",
    "find_attractors",
    "find_fixed_points",
    "find_interventions",
    "find_trap_spaces",
    "format_network",
    "interaction_graph",
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
