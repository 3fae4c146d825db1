"""The ``boolnet`` command line: a thin layer over the library.

Each command lives in a module by topic and is registered here.
"""

from __future__ import annotations

import click

from .. import __version__
from .app import BoolnetGroup
from .check import check_command
from .network_commands import attractors, convert, engines_command, graph, info
from .screen import interventions_command, screen_command
from .simulate import simulate_command
from .trapspaces import fixed_points_command, trapspaces_command

__all__ = ["main"]


@click.group(cls=BoolnetGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="boolnet")
def main() -> None:
    """boolnet: Boolean network models, attractors, knockouts and intervention screens."""


for command in (
    info,
    attractors,
    graph,
    convert,
    trapspaces_command,
    fixed_points_command,
    engines_command,
    screen_command,
    interventions_command,
    check_command,
    simulate_command,
):
    main.add_command(command)
