"""`python -m newsloom` is the command line."""

import subprocess
import sys


def test_module_runs_the_command_line() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "newsloom", "--help"], capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert "usage:" in done.stdout
    assert "stories" in done.stdout


def test_module_reports_a_bad_command() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "newsloom", "no-such-command"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode != 0
    assert "no-such-command" in done.stderr
