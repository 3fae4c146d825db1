"""``python -m boolnet``: the command line."""

from .cli import main

main(prog_name="boolnet")
