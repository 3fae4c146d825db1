"""The forked helper process: values come back, failures come back as reasons, nothing hangs."""

from __future__ import annotations

import os
import threading
import time

import pytest

from boolnet.engines import forked
from boolnet.engines.forked import Forked, can_fork

needs_fork = pytest.mark.skipif(not can_fork(), reason="needs Linux fork and a second core")


def start(work: object) -> Forked[object]:
    helper = Forked.start(work)  # type: ignore[arg-type]
    assert helper is not None
    return helper


@needs_fork
def test_the_child_computes_on_a_copy_of_the_parents_objects() -> None:
    numbers = list(range(10))
    parent = os.getpid()

    def work() -> tuple[int, int, bool]:
        numbers.append(100)  # the child's copy: the parent's list stays as it was
        return sum(numbers), len(numbers), os.getpid() != parent

    assert start(work).result(30) == (True, (145, 11, True))
    assert numbers == list(range(10))


@needs_fork
def test_an_error_in_the_child_comes_back_as_its_reason() -> None:
    def work() -> None:
        raise ValueError("no such trap space")

    assert start(work).result(30) == (False, "ValueError: no such trap space")


@needs_fork
def test_a_value_that_cannot_be_pickled_comes_back_as_a_reason() -> None:
    succeeded, reason = start(lambda: lambda: None).result(30)
    assert not succeeded and reason.startswith("the answer could not be sent")


@needs_fork
def test_a_child_that_dies_without_answering_is_reported() -> None:
    assert start(lambda: os._exit(3)).result(30) == (False, "the child process ended without an answer")


@needs_fork
def test_waiting_past_the_timeout_stops_the_child() -> None:
    helper = start(lambda: time.sleep(60))
    began = time.monotonic()
    assert helper.result(0.2) == (False, "no answer in time")
    assert time.monotonic() - began < 5
    assert not helper._process.is_alive()


@needs_fork
def test_a_stopped_child_gives_no_answer_and_stopping_again_is_harmless() -> None:
    helper = start(lambda: time.sleep(60))
    helper.stop()
    helper.stop()
    assert not helper._process.is_alive()
    assert helper.result(30) == (False, "stopped")


@needs_fork
def test_a_child_whose_parent_stopped_listening_exits_quietly(capfd: pytest.CaptureFixture[str]) -> None:
    helper = start(lambda: time.sleep(0.2) or "x" * 2**20)  # more than a pipe holds
    helper._answers.close()
    helper._process.join(30)
    assert helper._process.exitcode == 0
    assert capfd.readouterr().err == ""


@pytest.mark.parametrize(
    ("platform", "cores", "expected"),
    [("linux", {0, 1}, True), ("linux", {0}, False), ("darwin", {0, 1}, False), ("win32", {0, 1}, False)],
)
def test_a_helper_runs_only_on_linux_with_a_second_core(
    platform: str, cores: set[int], expected: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(forked.sys, "platform", platform)
    monkeypatch.setattr(forked.os, "sched_getaffinity", lambda pid: cores, raising=False)
    assert can_fork() is expected
    if not expected:
        assert Forked.start(lambda: 1) is None


def test_no_helper_beside_another_python_thread() -> None:
    done = threading.Event()
    thread = threading.Thread(target=done.wait)
    thread.start()
    try:
        assert not can_fork()
        assert Forked.start(lambda: 1) is None
    finally:
        done.set()
        thread.join()
