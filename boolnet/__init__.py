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
    "PerturbationError",
    "Phenotype",
    "Rule",
    "Sign",
    "Update",
    "engines",
    "feedback_loops",
    "find_attractors",
    "format_network",
    "interaction_graph",
    "parse_bnet",
    "parse_expression",
    "parse_rules",
    "read_network",
    "write_network",
]
