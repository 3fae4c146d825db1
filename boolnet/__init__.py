"""boolnet: Boolean network models for systems biology.

Read a network of Boolean update rules, draw its signed interaction graph,
find its attractors under synchronous and asynchronous updating, and perturb
it (knockouts, over-expressions)::

    import boolnet
    net = boolnet.read_network("networks/il6_tumorigenesis.txt")
    result = boolnet.find_attractors(net, "async")
    for attractor in result.attractors:
        print(attractor.kind, attractor.pattern)
"""

from .attractors import find_attractors as find_attractors
from .engines import engines as engines
from .errors import (
    BoolnetError as BoolnetError,
    EngineError as EngineError,
    InputError as InputError,
    LimitError as LimitError,
    MissingDependencyError as MissingDependencyError,
    ModelError as ModelError,
    PerturbationError as PerturbationError,
)
from .formats import (
    format_network as format_network,
    parse_bnet as parse_bnet,
    parse_rules as parse_rules,
    read_network as read_network,
    write_network as write_network,
)
from .limits import Limits as Limits
from .model import Network as Network, Phenotype as Phenotype, Rule as Rule
from .parsing import parse_expression as parse_expression
from .results import Attractor as Attractor, AttractorKind as AttractorKind, AttractorResult as AttractorResult
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
    "PerturbationError",
    "Phenotype",
    "Rule",
    "Update",
    "engines",
    "find_attractors",
    "format_network",
    "parse_bnet",
    "parse_expression",
    "parse_rules",
    "read_network",
    "write_network",
]
