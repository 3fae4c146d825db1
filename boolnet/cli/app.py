"""The command group and the one place that turns errors into exit codes.

Exit codes: 0 success, 1 a problem with the input or the computation (the
message goes to stderr, never a traceback), 2 a usage error (click's own),
130 interrupted.
"""

from __future__ import annotations

import importlib
from collections.abc import Mapping
from typing import Any

import click

from ..errors import BoolnetError, InputError

__all__ = ["BoolnetGroup"]


def _message(error: BaseException) -> str:
    if isinstance(error, InputError):
        return str(error)  # already "file:line:col: message" with the source line
    return f"error: {error}"


class BoolnetGroup(click.Group):
    """A click group that loads each command's module when it is run, and reports errors cleanly.

    ``lazy_commands`` maps each command name to ``"module:attribute"`` (relative to
    this package), so that ``boolnet attractors`` does not import the screens,
    numpy or networkx; ``boolnet --help`` imports them all to list them.
    """

    def __init__(self, *args: Any, lazy_commands: Mapping[str, str] | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.lazy_commands = dict(lazy_commands or {})

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*super().list_commands(ctx), *self.lazy_commands})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in self.commands and cmd_name in self.lazy_commands:
            module, attribute = self.lazy_commands[cmd_name].split(":")
            command = getattr(importlib.import_module(module, __package__), attribute)
            self.add_command(command, cmd_name)
        return super().get_command(ctx, cmd_name)

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except BoolnetError as error:
            click.echo(_message(error), err=True)
            ctx.exit(1)
        except OSError as error:  # unreadable input, unwritable output
            target = f"{error.filename}: " if error.filename else ""
            click.echo(f"error: {target}{error.strerror or error}", err=True)
            ctx.exit(1)
        except KeyboardInterrupt:
            click.echo("interrupted", err=True)
            ctx.exit(130)
