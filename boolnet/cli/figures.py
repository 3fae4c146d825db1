"""The ``--plot FILE`` option the commands share, and writing the figure it names.

The file's suffix chooses the picture format; it and the file's folder are
checked when the option is read, so a long computation does not end in a
figure that cannot be written (and the commands print their results first).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

if TYPE_CHECKING:
    from matplotlib.figure import Figure

__all__ = ["PICTURES", "plot_option", "save_figure"]

PICTURES = ("png", "svg", "pdf")
F = TypeVar("F", bound=Callable[..., Any])


class _FigureFile(click.Path):
    """A file to draw a figure to, its suffix one of :data:`PICTURES`."""

    def __init__(self) -> None:
        super().__init__(dir_okay=False, path_type=Path)

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        path = super().convert(value, param, ctx)
        if os.path.splitext(os.fsdecode(path))[1].lower().lstrip(".") not in PICTURES:
            suffixes = ", ".join(f".{p}" for p in PICTURES)
            self.fail(f"'{value}' does not end in a picture suffix ({suffixes})", param, ctx)
        folder = os.path.dirname(os.path.abspath(os.fsdecode(path)))
        if not os.path.isdir(folder):
            self.fail(f"'{value}': the folder {folder} does not exist", param, ctx)
        return path


def plot_option(what: str, note: str = "") -> Callable[[F], F]:
    """``--plot FILE``: also draw ``what`` to FILE (the ``plot`` extra); ``note`` ends the help."""
    option: Callable[[F], F] = click.option(
        "--plot",
        type=_FigureFile(),
        default=None,
        metavar="FILE",
        help=f"Also draw {what} to this .png, .svg or .pdf file (the `plot` extra){note}.",
    )
    return option


def save_figure(figure: Figure, path: Path) -> None:
    """Write ``figure`` to ``path`` in the format its suffix names."""
    figure.savefig(path, dpi=150)
