"""Time limits on a block of Python code, in the main thread and in other threads."""

from __future__ import annotations

import math
import threading
import time
from collections.abc import Callable
from functools import lru_cache

import pytest

from newsloom.deadline import Timeout, paused, paused_seconds, untimed, within


def _spin(seconds: float) -> None:
    until = time.monotonic() + seconds
    while time.monotonic() < until:
        pass


def _in_thread(body: Callable[[], object]) -> list[object]:
    """Run `body` in a new thread; what it returned or raised."""
    out: list[object] = []

    def run() -> None:
        try:
            out.append(body())
        except BaseException as exc:  # the test inspects it
            out.append(exc)

    worker = threading.Thread(target=run)
    worker.start()
    worker.join(10)
    return out


def test_main_thread_block_is_interrupted() -> None:
    started = time.monotonic()
    with pytest.raises(Timeout), within(0.1):
        _spin(5)
    assert time.monotonic() - started < 1


@pytest.mark.parametrize("seconds", [0.05, 0.2])
def test_worker_thread_block_is_interrupted(seconds: float) -> None:
    def body() -> str:
        with within(seconds):
            _spin(5)
        return "finished"

    started = time.monotonic()
    out = _in_thread(body)
    assert len(out) == 1 and isinstance(out[0], Timeout)
    assert time.monotonic() - started < 1 + seconds


def test_a_block_done_in_time_raises_nothing_later() -> None:
    def body() -> str:
        for _ in range(2000):  # armed and disarmed many times, as per stage and document
            with within(0.05):
                pass
        with within(0.05):
            _spin(0.01)
        _spin(0.2)  # past every deadline armed above
        return "finished"

    assert _in_thread(body) == ["finished"]


def test_threads_have_their_own_deadlines() -> None:
    results: dict[str, object] = {}

    def slow() -> None:
        try:
            with within(0.1):
                _spin(5)
            results["slow"] = "finished"
        except Timeout:
            results["slow"] = "timeout"

    def quick() -> None:
        with within(5):
            _spin(0.4)
        results["quick"] = "finished"

    threads = [threading.Thread(target=slow), threading.Thread(target=quick)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(10)
    assert results == {"slow": "timeout", "quick": "finished"}


def test_no_limit_is_a_plain_block() -> None:
    def body() -> str:
        with within(math.inf):
            _spin(0.05)
        return "finished"

    assert _in_thread(body) == ["finished"]


def _paused_then_spin(limit: float, held: float, after: float) -> str:
    """Spin `held` seconds off the clock inside a `limit` block, then `after` seconds on it."""
    with within(limit):
        with paused():
            _spin(held)
        _spin(after)
    return "finished"


@pytest.mark.parametrize("where", ["main", "thread"])
def test_a_paused_block_is_not_timed(where: str) -> None:
    run = lambda: _paused_then_spin(0.1, 0.3, 0.02)  # noqa: E731
    out = [run()] if where == "main" else _in_thread(run)
    assert out == ["finished"]


@pytest.mark.parametrize("where", ["main", "thread"])
def test_the_clock_runs_again_after_a_pause(where: str) -> None:
    def run() -> object:
        try:
            return _paused_then_spin(0.1, 0.05, 5)
        except Timeout as exc:
            return exc

    started = time.monotonic()
    out = [run()] if where == "main" else _in_thread(run)
    assert len(out) == 1 and isinstance(out[0], Timeout)
    assert time.monotonic() - started < 1


def test_a_pause_outside_any_limit_is_a_plain_block() -> None:
    with paused():
        _spin(0.01)
    assert _in_thread(lambda: _spin(0.01)) == [None]


def test_an_untimed_loader_runs_off_the_clock_and_counts_once() -> None:
    @lru_cache(maxsize=1)
    @untimed
    def load() -> str:
        with paused():  # a loader that calls another loader
            _spin(0.2)
        _spin(0.1)
        return "model"

    def body() -> tuple[str, float]:
        before = paused_seconds()
        with within(0.1):
            got = load()
        return got, paused_seconds() - before

    (out,) = _in_thread(body)
    assert isinstance(out, tuple) and out[0] == "model"
    assert 0.3 <= out[1] < 0.6  # the nested pause is not counted twice
    assert load.__name__ == "load"
