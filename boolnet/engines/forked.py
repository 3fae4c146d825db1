"""Running one part of a computation in a forked process, on a second core.

A forked child starts as a copy of its parent, BDD managers and solver state
included (pages are shared until either side writes them), so nothing is
pickled to start it: it calls a function of the parent's objects, and only the
value it returns travels back, pickled through a pipe.  The child is an
accelerator.  Whenever it cannot start (no ``fork`` on this platform, a single
core, a daemonic process) or does not answer (it failed, it was stopped), the
caller does the work itself, so results never depend on it.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import sys
import threading
import warnings
from collections.abc import Callable
from multiprocessing.connection import Connection
from typing import Any, Generic, TypeVar

__all__ = ["Forked", "can_fork"]

T = TypeVar("T")


def can_fork() -> bool:
    """Whether a forked helper can run beside this process on another core.

    Linux only: ``fork`` exists on macOS too, but some of its system libraries
    are unsafe in a forked child.  Not beside other Python threads (a Jupyter
    kernel's, say): a lock one of them holds at the fork would stay locked in
    the child.  Daemonic processes (workers of some pools) may not have
    children.
    """
    if not sys.platform.startswith("linux") or multiprocessing.current_process().daemon:
        return False
    return threading.active_count() == 1 and len(os.sched_getaffinity(0)) > 1


class Forked(Generic[T]):
    """A forked child computing one value; :meth:`result` waits for it, :meth:`stop` ends it."""

    def __init__(self, process: Any, answers: Connection) -> None:
        self._process = process
        self._answers = answers
        self._stopped = False

    @classmethod
    def start(cls, work: Callable[[], T]) -> Forked[T] | None:
        """Fork a child that runs ``work()`` and sends back its value; ``None`` if none can start."""
        if not can_fork():
            return None
        context = multiprocessing.get_context("fork")
        answers, sender = context.Pipe(duplex=False)
        # daemonic: it ends with the parent, and may not fork in turn
        process = context.Process(target=_child, args=(work, answers, sender), daemon=True)
        try:
            with warnings.catch_warnings():
                # Python 3.12+ warns of any other thread; those of native libraries (a test
                # runner's I/O thread, say) hold no lock the child takes, and Python's are excluded
                warnings.filterwarnings("ignore", ".*fork", DeprecationWarning)
                process.start()
        except OSError:  # no memory or process slot left for the child
            answers.close()
            sender.close()
            return None
        sender.close()  # the child's end: the parent sees the pipe close if the child dies
        return cls(process, answers)

    def result(self, timeout: float | None) -> tuple[bool, Any]:
        """Wait up to ``timeout`` seconds (``None``: no limit) for the child's answer.

        Returns ``(True, value)`` when it sent its value, ``(False, reason)``
        when it failed, died or did not answer in time (and is then stopped).
        """
        if self._stopped:
            return False, "stopped"
        try:
            ready = self._answers.poll(None if timeout is None else max(timeout, 0.0))
            answer = self._answers.recv() if ready else (False, "no answer in time")
        except (EOFError, OSError):
            answer = (False, "the child process ended without an answer")
        self.stop()
        return answer

    def stop(self) -> None:
        """End the child (if still running) and release its pipe; again, it does nothing."""
        if self._stopped:
            return
        self._stopped = True
        if self._process.is_alive():
            self._process.kill()
        self._process.join()
        self._answers.close()


def _child(work: Callable[[], Any], answers: Connection, sender: Connection) -> None:
    """The child's whole life: compute, send the value or why there is none, exit.

    It first closes its copy of the parent's end, so that sending fails, rather
    than waits for ever on a full pipe, once the parent no longer listens.
    """
    answers.close()
    try:
        answer: tuple[bool, Any] = (True, work())
    except BaseException as error:  # whatever went wrong, the parent does the work itself
        answer = (False, f"{type(error).__name__}: {error}")
    try:
        sender.send(answer)
    except OSError:  # the parent has closed its end: nobody waits for the answer
        pass
    except Exception as error:  # a value that does not pickle
        with contextlib.suppress(OSError):
            sender.send((False, f"the answer could not be sent: {error}"))
    sender.close()
