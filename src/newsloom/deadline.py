"""A time limit on a block of Python code, in the main thread and in worker threads alike.

In the main thread a SIGALRM timer interrupts the block. Signals reach only the main thread, and
the stages also run in threads: a Dask worker runs its tasks in a thread pool, the web service in
its own. There one watchdog thread per process keeps every thread's deadline and, when one
passes, raises `Timeout` in that thread (CPython's ``PyThreadState_SetAsyncExc``).

A block inside `paused()` is not timed: loading a model the first time a document needs it is
not that document's fault, and an import interrupted half-way can leave a library (torch,
imported by spaCy) unusable for the rest of the process.

Both interrupt Python code only: a long call into native code (a regex, a C parser) is stopped
when it returns to Python. A hard limit on native code needs a process that can be killed
(`workers.WorkerPool`, which `ingest --workers` uses).
"""

from __future__ import annotations

import ctypes
import math
import signal
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import wraps
from typing import Any, ParamSpec, TypeVar

P = ParamSpec("P")
R = TypeVar("R")

__all__ = ["Timeout", "paused", "paused_seconds", "untimed", "within"]


class Timeout(Exception):
    """The block ran past its limit."""


@contextmanager
def within(seconds: float) -> Iterator[None]:
    """Interrupt the block with `Timeout` once it has run `seconds` (no limit when infinite)."""
    if seconds == math.inf:
        yield
    elif threading.current_thread() is threading.main_thread() and hasattr(signal, "setitimer"):
        with _alarm(seconds):
            yield
    else:
        token = _WATCHDOG.arm(seconds)
        try:
            yield
        finally:
            _WATCHDOG.disarm(token)


@contextmanager
def _alarm(seconds: float) -> Iterator[None]:
    def on_alarm(signum: int, frame: Any) -> None:
        raise Timeout

    previous = signal.signal(signal.SIGALRM, on_alarm)
    signal.setitimer(signal.ITIMER_REAL, max(seconds, 1e-6))
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


_local = threading.local()


def paused_seconds() -> float:
    """Seconds the current thread has spent in `paused` blocks: a clock that subtracts them
    (`time.monotonic() - paused_seconds()`) stops while models load."""
    return getattr(_local, "seconds", 0.0)


@contextmanager
def paused() -> Iterator[None]:
    """Stop the current thread's deadline for the block; the time left runs again after it.
    Outside `within` this is a plain block. Nested pauses count once in `paused_seconds`."""
    depth = getattr(_local, "depth", 0)
    _local.depth = depth + 1
    started = time.monotonic()
    main = threading.current_thread() is threading.main_thread() and hasattr(signal, "setitimer")
    left = signal.setitimer(signal.ITIMER_REAL, 0)[0] if main else 0.0
    held = None if main else _WATCHDOG.hold()
    try:
        yield
    finally:
        _local.depth = depth
        if depth == 0:
            _local.seconds = paused_seconds() + time.monotonic() - started
        if left > 0:
            signal.setitimer(signal.ITIMER_REAL, left)
        if held is not None:
            _WATCHDOG.resume(*held)


def untimed(func: Callable[P, R]) -> Callable[P, R]:
    """Run every call of `func` off the clock (`paused`): for the loaders of process-wide
    models and tables, under their `lru_cache`, so that only the first call pauses."""

    @wraps(func)
    def run(*args: P.args, **kwargs: P.kwargs) -> R:
        with paused():
            return func(*args, **kwargs)

    return run


_set_async_exc = ctypes.pythonapi.PyThreadState_SetAsyncExc
_set_async_exc.argtypes = (ctypes.c_ulong, ctypes.py_object)


class _Watchdog:
    """Deadlines of threads, kept by one daemon thread started on first use.

    Arming costs a lock and, only when the new deadline is the nearest, a wake-up: a stage
    armed and disarmed per document adds microseconds, not a thread per call.
    """

    def __init__(self) -> None:
        self._cond = threading.Condition()
        #: thread ident -> (due on the monotonic clock, token)
        self._due: dict[int, tuple[float, int]] = {}
        self._fired: set[int] = set()
        self._wake_at = math.inf
        self._tokens = 0
        self._thread: threading.Thread | None = None

    def arm(self, seconds: float) -> int:
        ident = threading.get_ident()
        due = time.monotonic() + max(seconds, 0.0)
        with self._cond:
            self._tokens += 1
            self._due[ident] = (due, self._tokens)
            if self._thread is None:
                self._thread = threading.Thread(
                    target=self._run, name="newsloom-deadline", daemon=True
                )
                self._thread.start()
            elif due < self._wake_at:
                self._cond.notify()
            return self._tokens

    def disarm(self, token: int) -> None:
        ident = threading.get_ident()
        with self._cond:
            entry = self._due.get(ident)
            if entry is not None and entry[1] == token:
                del self._due[ident]
            if token in self._fired:
                self._fired.discard(token)
                # fired but perhaps not raised yet: the block is over, so take it back
                _set_async_exc(ctypes.c_ulong(ident), ctypes.py_object())

    def hold(self) -> tuple[float, int] | None:
        """Take the current thread's deadline off the clock: (seconds left, token), or None
        when the thread has none (or it has already fired)."""
        with self._cond:
            entry = self._due.pop(threading.get_ident(), None)
        if entry is None:
            return None
        due, token = entry
        return max(due - time.monotonic(), 0.0), token

    def resume(self, seconds: float, token: int) -> None:
        """Put a held deadline back, `seconds` from now, under its own token."""
        with self._cond:
            due = time.monotonic() + seconds
            self._due[threading.get_ident()] = (due, token)
            if due < self._wake_at:
                self._cond.notify()

    def _run(self) -> None:
        with self._cond:
            while True:
                now = time.monotonic()
                for ident, (due, token) in list(self._due.items()):
                    if due <= now:
                        del self._due[ident]
                        self._fired.add(token)
                        _set_async_exc(ctypes.c_ulong(ident), ctypes.py_object(Timeout))
                self._wake_at = min((due for due, _ in self._due.values()), default=math.inf)
                wait = None if self._wake_at == math.inf else max(self._wake_at - now, 0.0)
                self._cond.wait(wait)


_WATCHDOG = _Watchdog()
