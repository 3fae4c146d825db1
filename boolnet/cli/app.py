"""The command group and the one place that turns errors into exit codes.

Exit codes: 0 success, 1 a problem with the input or the computation (the
message goes to stderr, never a traceback), 2 a usage error (click's own),
130 interrupted.
"""

from __future__ import annotations

from typing import Any

import click

from ..errors import BoolnetError, InputError

__all__ = ["BoolnetGroup"]


def _message(error: BaseException) -> str:
    if isinstance(error, InputError):
        return str(error)  # already "file:line:col: message" with the source line
    return f"error: {error}"


class BoolnetGroup(click.Group):
    """A click group that reports boolnet errors cleanly on stderr."""

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
