"""Reading validation files: where they are looked for, and exact messages for malformed ones."""

from __future__ import annotations

import json
from pathlib import Path

import click
import pytest
from click.testing import CliRunner, Result
from hypothesis import given, settings
from hypothesis import strategies as st

from boolnet.cli.app import BoolnetGroup
from boolnet.cli.check import check_command
from boolnet.errors import InputError
from boolnet.formats import parse_rules, read_network
from boolnet.perturb.validation import parse_validation, validation_path


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


CLAIM = '"some attractor shows b"'
CHECK = f"check = [{{ expect = {CLAIM} }}]\n"
EXPECT = "'expect' must be a claim (a string) or a list of claims"
F = "m.validation.toml"

# (file text, first line of the message): every malformed value is named at the line that sets it
MALFORMED = {
    "expect-number": (CASE + "check = [{ expect = 5 }]\n", f"{F}:5:12: {EXPECT}"),
    "expect-true": (CASE + "check = [{ expect = true }]\n", f"{F}:5:12: {EXPECT}"),
    "expect-table": (CASE + "check = [{ expect = { a = 1 } }]\n", f"{F}:5:12: {EXPECT}"),
    "expect-list-with-number": (CASE + f"check = [{{ expect = [{CLAIM}, 5] }}]\n", f"{F}:5:12: {EXPECT}"),
    "expect-empty-list": (CASE + "check = [{ expect = [] }]\n", f"{F}:5:12: 'expect' lists no claims"),
    "expect-number-in-a-check-table": (
        CASE + "\n[[case.check]]\nnote = 'n'\nexpect = 5\n",
        f"{F}:8:1: {EXPECT}",
    ),
    "expect-missing": (CASE + 'check = [{ note = "n" }]\n', f"{F}:5: a check needs 'expect'"),
    "perturbation-number": (
        CASE + f"check = [{{ expect = {CLAIM}, perturbation = 3 }}]\n",
        f"{F}:5:47: 'perturbation' must be a string",
    ),
    "scenario-list": (
        CASE + f"check = [{{ expect = {CLAIM}, scenario = ['a=1'] }}]\n",
        f"{F}:5:47: 'scenario' must be a string",
    ),
    "from-true": (
        CASE + f"check = [{{ expect = {CLAIM}, from = true }}]\n",
        f"{F}:5:47: 'from' must be a string",
    ),
    "note-number": (
        CASE + f"check = [{{ expect = {CLAIM}, note = 1 }}]\n",
        f"{F}:5:47: 'note' must be a string",
    ),
    "id-number": (CASE.replace('"x"', "5") + CHECK, f"{F}:2:1: 'id' must be a string"),
    "id-empty": (CASE.replace('"x"', '""') + CHECK, f"{F}:2:1: 'id' must not be empty"),
    "finding-number": (CASE.replace('"b can be on"', "5") + CHECK, f"{F}:3:1: 'finding' must be a string"),
    "source-list": (CASE.replace('"made up"', '["made up"]') + CHECK, f"{F}:4:1: 'source' must be a string"),
    "case-scenario-number": (CASE + "scenario = 1\n" + CHECK, f"{F}:5:1: 'scenario' must be a string"),
    "synchronous-string": (
        CASE + 'synchronous = "yes"\n' + CHECK,
        f"{F}:5:1: 'synchronous' must be true or false",
    ),
    "check-string": (
        CASE + f"check = {CLAIM}\n",
        f"{F}:5:1: 'check' must be a list of tables such as [{{ expect = \"...\" }}]",
    ),
    "check-table": (
        CASE + f"check = {{ expect = {CLAIM} }}\n",
        f"{F}:5:1: 'check' must be a list of tables such as [{{ expect = \"...\" }}]",
    ),
    "check-list-of-strings": (
        CASE + f"check = [{CLAIM}]\n",
        f'{F}:5:1: each check is a table such as {{ expect = "..." }}',
    ),
    "check-empty": (CASE + "check = []\n", f"{F}:5:1: case 'x' has no checks"),
    "check-missing": (CASE, f"{F}:2: case 'x' has no checks"),
    "check-missing-before-another-case": (
        CASE + CASE.replace('"x"', '"y"') + CHECK,
        f"{F}:2: case 'x' has no checks",
    ),
    "case-numbers": (
        "case = [1, 2]\n",
        f"{F}:1:1: each case is a table: write [[case]] and its keys below it",
    ),
    "case-string": (
        'case = "x"\n',
        f"{F}:1:1: 'case' must be an array of tables: write [[case]], with two brackets",
    ),
    "case-single-table": (
        '[case]\nid = "x"\n',
        f"{F}:1: 'case' must be an array of tables: write [[case]], with two brackets",
    ),
    "cases-misspelt": (
        CASE.replace("[[case]]", "[[cases]]"),
        f"{F}:1: unknown key 'cases' (expected [[case]] tables)",
    ),
    "title-number": ("title = 5\n" + CASE + CHECK, f"{F}:1:1: 'title' must be a string"),
    "model-number": ("model = 5\n" + CASE + CHECK, f"{F}:1:1: 'model' must be a string"),
    "id-twice": (CASE + CHECK + CASE + CHECK, f"{F}:7:1: case id 'x' is given twice (first on line 2)"),
}


@pytest.mark.parametrize(("text", "message"), MALFORMED.values(), ids=MALFORMED)
def test_a_malformed_file_gives_an_exact_located_message(here: Path, text: str, message: str) -> None:
    assert_fails_cleanly(run_check(here, "m.txt", text), message)


# a mistake inside a string is put on the line (and column) that holds that string
CHECKS = CASE + f"check = [\n  {{ expect = {CLAIM} }},\n  {{ expect = {CLAIM}, %s }},\n]\n"
CONTENT = {
    "claim-unreadable": (
        CASE + 'check = [{ expect = "b is on" }]\n',
        f"{F}:5: cannot read the claim 'b is on'; write 'some|no|every attractor [always|never] shows EXPRESSION'",
    ),
    "claim-unknown-node-on-the-second-check": (
        CHECKS.replace(f"{CLAIM}, %s", '"no attractor shows c"'),
        f"{F}:7:34: unknown node or phenotype 'c' in the phenotype",
    ),
    "perturbation-unknown-node": (
        CHECKS % 'perturbation = "ko c"',
        f"{F}:7: cannot perturb unknown node 'c'",
    ),
    "scenario-not-an-input": (
        CHECKS % 'scenario = "b=1"',
        f"{F}:7:52: 'b' is not an input; a scenario fixes inputs only (a); use --ko/--oe to perturb other nodes",
    ),
    "from-empty": (CHECKS % 'from = ""', f"{F}:7: expected an expression"),
    "claim-in-the-second-table-of-a-line": (
        CASE + f'check = [{{ expect = {CLAIM} }}, {{ expect = "no attractor shows c" }}]\n',
        f"{F}:5:80: unknown node or phenotype 'c' in the phenotype",
    ),
    "claims-repeated-in-a-list": (
        CASE
        + f"check = [\n  {{ expect = [{CLAIM}, {CLAIM}] }},\n  {{ expect = {CLAIM}, perturbation = 'ko c' }},\n]\n",
        f"{F}:7: cannot perturb unknown node 'c'",
    ),
    "in-the-case-after-a-claim-written-with-an-escape": (
        CASE
        + 'check = [{ expect = "some attractor shows \\u0062" }]\n'
        + CASE.replace('"x"', '"y"').replace('"b can be on"', "5")
        + CHECK,
        f"{F}:8:1: 'finding' must be a string",
    ),
}


@pytest.mark.parametrize(("text", "message"), CONTENT.values(), ids=CONTENT)
def test_a_mistake_in_a_string_is_located_in_the_file(here: Path, text: str, message: str) -> None:
    assert_fails_cleanly(run_check(here, "m.txt", text), message)


def test_a_file_written_for_another_model_is_refused(here: Path) -> None:
    result = run_check(here, "m.txt", 'model = "networks/other.txt"\n' + CASE + CHECK)
    assert_fails_cleanly(
        result,
        f"{F}:1:1: this validation file is for the model 'networks/other.txt', not 'm.txt'; "
        "check that model, or correct 'model' here (file names are compared, not folders)",
    )


def test_a_file_given_with_cases_is_refused_for_another_model(here: Path) -> None:
    (here / "m.validation.toml").write_text('model = "m.txt"\n' + CASE + CHECK)
    result = run_check(here, "m2.txt", None, "--cases", "m.validation.toml")
    assert_fails_cleanly(
        result,
        f"{F}:1:1: this validation file is for the model 'm.txt', not 'm2.txt'; "
        "check that model, or correct 'model' here (file names are compared, not folders)",
    )


def test_the_model_is_matched_by_file_name_not_folder(here: Path) -> None:
    result = run_check(here, "m.txt", 'model = "elsewhere/m.txt"\n' + CASE + CHECK)
    assert result.exit_code == 0, result.output


def test_the_library_checks_the_model_only_when_told_which(here: Path) -> None:
    (here / "m.txt").write_text(MODEL)
    network = read_network(here / "m.txt")
    text = 'model = "other.txt"\n' + CASE + CHECK
    assert [case.id for case in parse_validation(text, network)] == ["x"]
    with pytest.raises(InputError) as error:
        parse_validation(text, network, model=here / "m.txt")
    assert error.value.message == "this validation file is for the model 'other.txt', not 'm.txt'"


def test_a_missing_validation_file_is_an_input_error(here: Path) -> None:
    assert_fails_cleanly(
        run_check(here, "m.txt", None),
        "m.validation.toml: no such file; write the model's validation file, or give --cases",
    )
    assert_fails_cleanly(run_check(here, "m.txt", None, "--cases", "nope.toml"), "nope.toml: no such file")


def toml_value(value: object) -> str:
    """``value`` written as an inline TOML value (JSON's string escapes are TOML's too)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str | int | float):
        return json.dumps(value)
    if isinstance(value, list):
        return "[" + ", ".join(toml_value(v) for v in value) + "]"
    assert isinstance(value, dict)
    return "{ " + ", ".join(f"{json.dumps(k)} = {toml_value(v)}" for k, v in value.items()) + " }"


WORDS = ["some attractor shows b", "no attractor shows On", "ko a", "a=1", "On", "b", "", "x", "expect"]
VALUES = st.recursive(
    st.one_of(st.sampled_from(WORDS), st.text(max_size=8), st.booleans(), st.integers(-2, 2)),
    lambda inner: st.one_of(
        st.lists(inner, max_size=3), st.dictionaries(st.sampled_from(WORDS), inner, max_size=2)
    ),
    max_leaves=6,
)
GOOD_CHECK = {"expect": "some attractor shows b"}
CHECKS = st.lists(
    st.builds(
        lambda changes: GOOD_CHECK | changes,
        st.dictionaries(
            st.sampled_from(["expect", "from", "note", "scenario", "perturbation", "k"]), VALUES, max_size=2
        ),
    )
    | VALUES,
    max_size=3,
)
GOOD_CASE = {"id": "x", "finding": "f", "source": "s"}
CASES = st.builds(
    lambda changes, checks: GOOD_CASE | {"check": checks} | changes,
    st.dictionaries(
        st.sampled_from(["id", "finding", "source", "scenario", "synchronous", "note", "k"]),
        VALUES,
        max_size=2,
    )
    | st.dictionaries(st.just("check"), VALUES, max_size=1),
    CHECKS,
)


@settings(max_examples=400, deadline=None)
@given(
    st.lists(CASES, min_size=1, max_size=3),
    st.sampled_from(["", "title = 1\n", 'model = "m.txt"\n', "case = 2\n"]),
)
def test_any_value_in_any_field_is_read_or_refused_with_an_input_error(
    cases: list[dict[str, object]], top: str
) -> None:
    network = parse_rules(MODEL)
    text = top + "".join(
        "[[case]]\n" + "".join(f"{key} = {toml_value(value)}\n" for key, value in case.items())
        for case in cases
    )
    try:
        parse_validation(text, network, source="v.toml", model="m.txt")
    except InputError as error:  # located: only "no cases at all" is about the whole file
        assert error.source == "v.toml"
        assert error.line > 0 or error.message.startswith("no cases found"), error
