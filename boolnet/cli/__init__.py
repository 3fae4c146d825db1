"""The ``boolnet`` command line: a thin layer over the library.

Each command lives in a module by topic and is registered here by name;
its module is imported only when the command runs.
"""

from __future__ import annotations

import click

from .. import __version__
from .app import BoolnetGroup

__all__ = ["main"]

# command name -> "module:attribute"; a command's module is imported when it runs
COMMANDS = {
    "info": ".graph_commands:info",
    "graph": ".graph_commands:graph",
    "attractors": ".network_commands:attractors",
    "convert": ".network_commands:convert",
    "engines": ".network_commands:engines_command",
    "trapspaces": ".trapspaces:trapspaces_command",
    "fixed-points": ".trapspaces:fixed_points_command",
    "screen": ".screen:screen_command",
    "interventions": ".screen:interventions_command",
    "check": ".check:check_command",
    "simulate": ".simulate:simulate_command",
}


@click.group(
    cls=BoolnetGroup,
    lazy_commands=COMMANDS,
    context_settings={"help_option_names": ["-h", "--help"]},
)
@click.version_option(__version__, prog_name="boolnet")
def main() -> None:
    """boolnet: Boolean network models, attractors, knockouts and intervention screens."""
