"""The search box's query logic (docs/assets/query.js and find.js) under Node's own test runner:
`node --test tests/js/*.test.js`, no npm package, well under a second. Skipped, saying why, on a
machine without Node 20.10 or newer; a failure shows node's report."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from support import ROOT

TESTS = ROOT / "tests" / "js"
# Node decides from its syntax that a .js file without a package.json is a module: by itself
# from 20.19 and 22.7, with this flag from 20.10 (and harmless after).
FLAGS = ["--experimental-detect-module", "--test", "--test-reporter=tap"]


def missing(reason: str) -> None:
    """A skip on a person's machine; in CI (.ci/run installs Node), a failure."""
    (pytest.fail if os.environ.get("CI") else pytest.skip)(reason)


def node() -> str:
    """The node to run, or a skip saying what is missing."""
    path = shutil.which("node")
    if path is None:
        missing("Node.js is not installed, so the search's query tests (tests/js/) did not run: "
                    "install Node 20 or newer (apt-get install -y nodejs)")
    version = subprocess.run([path, "--version"], capture_output=True, text=True, check=False).stdout
    found = re.match(r"v(\d+)\.(\d+)", version)
    if not found or (int(found[1]), int(found[2])) < (20, 10):
        missing(f"Node {version.strip() or '(unknown)'} is older than 20.10, so the search's "
                    "query tests (tests/js/) did not run: install Node 20 or newer")
    assert path is not None
    return path


def run_node(files: list[Path], env: dict[str, str] | None = None) -> str:
    """Node's report of the test files; fails with it unless every test ran and passed."""
    assert files, f"no *.test.js in {TESTS}"
    result = subprocess.run([node(), *FLAGS, *map(str, files)], capture_output=True, text=True,
                            cwd=ROOT, env={**os.environ, **(env or {})}, timeout=120, check=False)
    report = result.stdout + result.stderr
    counts = dict(re.findall(r"^# (tests|pass|fail|skipped|todo|cancelled) (\d+)$", report, re.M))
    ran = int(counts.get("tests", 0))
    assert result.returncode == 0 and ran > 0 and counts.get("pass") == str(ran), report
    return report


def test_the_query_logic_passes_its_node_tests() -> None:
    run_node(sorted(TESTS.glob("*.test.js")))


def test_typos_are_corrected_towards_the_built_sites_vocabulary(built_site: Path) -> None:
    """The typos once typed into the box, against the vocabulary and the index of a real build
    (tests/js/site/typos.test.js); the browser tests search the words they are corrected to."""
    run_node(sorted((TESTS / "site").glob("*.test.js")), {"CHRONO_SITE": str(built_site)})
