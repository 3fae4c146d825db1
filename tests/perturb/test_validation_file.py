"""Reading validation files: where they are looked for, and exact messages for malformed ones."""

from __future__ import annotations

from pathlib import Path

import click
import pytest
from click.testing import CliRunner, Result

from boolnet.cli.app import BoolnetGroup
from boolnet.cli.check import check_command
from boolnet.perturb.validation import validation_path


@click.group(cls=BoolnetGroup)
def main() -> None:
    """Test group holding the check command."""


main.add_command(check_command)

MODEL = "a = a\nb = a\nphenotype On = b\n"
CASE = '[[case]]\nid = "x"\nfinding = "b can be on"\nsource = "made up"\n'


@pytest.fixture
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh working folder, so that messages name files relative to it."""
    monkeypatch.chdir(tmp_path)
    return tmp_path


def run_check(folder: Path, model: str, cases: bytes | str | None, *args: str) -> Result:
    """``boolnet check MODEL`` in ``folder``, with ``cases`` as the model's validation file."""
    (folder / model).write_text(MODEL)
    if cases is not None:
        target = folder / validation_path(model)
        target.write_bytes(cases if isinstance(cases, bytes) else cases.encode())
    return CliRunner().invoke(main, ["check", model, *args])


def test_the_validation_file_replaces_only_the_last_suffix() -> None:
    assert validation_path("networks/il6.txt") == Path("networks/il6.validation.toml")
    assert validation_path("networks/il6.v2.txt") == Path("networks/il6.v2.validation.toml")
    assert validation_path("il6") == Path("il6.validation.toml")


def test_check_finds_the_validation_file_of_a_dotted_model_name(here: Path) -> None:
    (here / "m.validation.toml").write_text(CASE + 'check = [{ expect = "no attractor shows b" }]\n')
    result = run_check(here, "m.v2.txt", CASE + 'check = [{ expect = "some attractor shows b" }]\n')
    assert result.exit_code == 0, result.output
    assert result.output.startswith("m.v2.validation.toml: 1 cases")


def assert_fails_cleanly(result: Result, message: str) -> None:
    """Exit 1 with ``message`` as the first line on stderr, and no traceback."""
    assert result.exit_code == 1, result.output
    assert result.stderr.splitlines()[0] == message
    assert "Traceback" not in result.output + result.stderr
    assert isinstance(result.exception, SystemExit)


UNREADABLE = [
    (
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
        "m.validation.toml:3: this is a binary file, not a TOML validation file",
    ),
    (
        CASE.replace("made up", "Caf\xe9").encode("latin-1"),
        "m.validation.toml:4:14: not a UTF-8 text file (byte 0xe9 cannot be decoded); save the file as UTF-8",
    ),
]


@pytest.mark.parametrize(("data", "message"), UNREADABLE, ids=["binary", "latin-1"])
def test_a_file_that_is_not_utf8_text_is_refused_with_its_name(here: Path, data: bytes, message: str) -> None:
    assert_fails_cleanly(run_check(here, "m.txt", data), message)


def test_a_byte_order_mark_is_read_as_utf8(here: Path) -> None:
    text = "\ufeff" + CASE + 'check = [{ expect = "some attractor shows b" }]\n'
    result = run_check(here, "m.txt", text.encode("utf-8"))
    assert result.exit_code == 0, result.output
