"""The code stays clean: ruff's lint rules and mypy's strict checks (settings in pyproject.toml)."""

from __future__ import annotations

import subprocess
import sys

from support import ROOT


def run(*command: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", *command], cwd=ROOT, capture_output=True,
                          text=True, check=False)


def test_ruff_finds_nothing() -> None:
    result = run("ruff", "check", "hooks", "tests", "--output-format", "concise")
    assert result.returncode == 0, result.stdout + result.stderr


def test_mypy_strict_passes_on_the_core_and_hook() -> None:
    result = run("mypy")
    assert result.returncode == 0, result.stdout + result.stderr
