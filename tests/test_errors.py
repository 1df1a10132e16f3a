"""Bad data: one run reports every problem like a compiler, never a traceback, never markup.

The fixture tests/fixtures/broken/data holds one of each mistake a maintainer is likely to
make; tests/golden/broken-report.txt is the whole report, in order. After an intended change
to a message, regenerate it with: UPDATE_GOLDEN=1 make test
"""

from __future__ import annotations

import os
import string
from pathlib import Path

import pytest
import yaml
from chronology.errors import DataError
from chronology.render import render_fragments, render_pages
from chronology.validate import load_chronology
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from support import (
    DERANDOMISE,
    EVENT,
    REPOSITORY,
    ROOT,
    build_editions,
    copy_project,
    examples,
    load_yaml,
    mkdocs_build,
    search_filters,
    write_data,
)

FIXTURE = ROOT / "tests" / "fixtures" / "broken" / "data"
# Property tests explore at random on a developer's machine, and run the same examples in CI
# (which sets CI), so that a CI failure is reproducible and a green run means the same thing twice.
GOLDEN = ROOT / "tests" / "golden" / "broken-report.txt"


def report_of(data: Path) -> str:
    with pytest.raises(DataError) as error:
        load_chronology(data)
    return error.value.report() + "\n"


def test_broken_fixture_gives_the_golden_report() -> None:
    report = report_of(FIXTURE)
    if os.environ.get("UPDATE_GOLDEN") and report != GOLDEN.read_text("utf-8"):
        GOLDEN.write_text(report, encoding="utf-8")
        pytest.fail("golden report rewritten; check the diff and run again")  # never passes
    assert report == GOLDEN.read_text("utf-8")


def test_every_problem_names_a_file_and_line() -> None:
    problems = pytest.raises(DataError, load_chronology, FIXTURE).value.problems
    assert len(problems) >= 30
    assert all(p.path.startswith("data/") and p.line >= 1 for p in problems)


@pytest.mark.build  # a real MkDocs run
def test_mkdocs_reports_the_same_problems_without_a_traceback(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    (project / "data").rename(project / "good-data")
    import shutil
    shutil.copytree(FIXTURE, project / "data")
    site = tmp_path / "site"
    result = mkdocs_build(project, site)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    for line in GOLDEN.read_text("utf-8").splitlines():
        assert line in result.stderr
    assert not site.exists()  # nothing was written


@pytest.mark.build
def test_two_builds_of_the_same_commit_are_byte_identical(built_site: Path, tmp_path: Path) -> None:
    """Every file of `make build`, the three editions' search bundles included: Pagefind 1.5
    writes its filters in hash order, which the build writes again sorted
    (chronology/search_bundle.py). The first is the run's own build (conftest.built_site)."""
    first, second = built_site, tmp_path / "two"
    assert build_editions(ROOT, second, REPOSITORY_URL=REPOSITORY).returncode == 0

    def files(site: Path) -> list[Path]:
        return sorted(p.relative_to(site) for p in site.rglob("*") if p.is_file())

    assert files(first) == files(second)
    different = [f for f in files(first) if (first / f).read_bytes() != (second / f).read_bytes()]
    assert different == []  # every page, export and search file, filters included
    for edition in (first, first / "ko", first / "ja"):
        assert sorted(search_filters(edition)) == ["actor", "phase", "topic", "year"]


# --- property-based: generated data builds, or fails with a clean report ------------------------

HOSTILE = ["<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "[x](javascript:alert(1))",
           '" onmouseover="alert(1)', "{{ config }}", "<!-- chronology:timeline -->", "&amp;",
           "---", "*[HTML]: injected", "\u202e", "한국어 日本語"]
texts = st.one_of(st.sampled_from(HOSTILE), st.text(min_size=0, max_size=40))
values = st.recursive(
    st.one_of(texts, st.integers(), st.booleans(), st.none(), st.dates().map(str)),
    lambda inner: st.one_of(st.lists(inner, max_size=3),
                            st.dictionaries(st.sampled_from(["source", "quote", "kind", "note",
                                                             "date", "basis", "phrase"]), inner,
                                            max_size=3)),
    max_leaves=6,
)
FIELDS = ["date", "date_basis", "title", "summary", "phase", "citations", "in_force", "actors",
          "topics", "order", "titel"]


def _assert_clean(data: Path) -> None:
    try:
        chronology = load_chronology(data)
    except DataError as error:
        assert error.problems
        assert all(p.path.startswith("data/") and p.line >= 1 for p in error.problems)
        return
    pages = list(render_pages(chronology).values()) + list(render_fragments(chronology).values())
    for page in pages:
        body = page.split("\n---\n", 1)[-1]
        assert "<script" not in body.lower() and "<img" not in body.lower()
        assert "javascript:" not in body.replace("[x](javascript:", "")  # only as escaped text
        assert "<!-- chronology:" not in body


@settings(max_examples=examples(150), deadline=None, derandomize=DERANDOMISE,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(changes=st.dictionaries(st.sampled_from(FIELDS), values, max_size=4),
       drop=st.sets(st.sampled_from(FIELDS), max_size=2))
def test_mutated_events_build_or_fail_cleanly(tmp_path_factory: pytest.TempPathFactory,
                                              changes: dict[str, object], drop: set[str]) -> None:
    event = load_yaml(EVENT)
    event.update(changes)
    for field in drop:
        event.pop(field, None)
    text = yaml.safe_dump(event, allow_unicode=True)
    _assert_clean(write_data(tmp_path_factory.mktemp("data"), events={"e.yaml": text}))


@settings(max_examples=examples(150), deadline=None, derandomize=DERANDOMISE,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(raw=st.binary(max_size=200) | st.text(alphabet=string.printable + "“”’é한", max_size=200))
def test_arbitrary_file_contents_never_crash(tmp_path_factory: pytest.TempPathFactory,
                                             raw: bytes | str) -> None:
    data = write_data(tmp_path_factory.mktemp("data"), events={})
    content = raw if isinstance(raw, bytes) else raw.encode("utf-8")
    (data / "events" / "e.yaml").write_bytes(content)
    _assert_clean(data)


@settings(max_examples=examples(60), deadline=None, derandomize=DERANDOMISE,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(title=st.sampled_from(HOSTILE) | st.text(min_size=1, max_size=60))
def test_any_title_is_shown_as_text(tmp_path_factory: pytest.TempPathFactory, title: str) -> None:
    event = load_yaml(EVENT)
    event["title"] = title
    text = yaml.safe_dump(event, allow_unicode=True)
    _assert_clean(write_data(tmp_path_factory.mktemp("data"), events={"e.yaml": text}))


def test_a_report_line_stays_one_line_whatever_the_data_holds() -> None:
    from chronology.errors import Problem
    problem = Problem("data/events/a\nb.yaml", 3, "title: 'x\u202ey\u2028z\x00' is wrong")
    assert str(problem) == "data/events/a\\nb.yaml:3: title: 'x\\u202ey\\u2028z\\x00' is wrong"


def test_an_undecodable_file_name_is_reported_not_raised(tmp_path: Path) -> None:
    # Linux file names are bytes; Python hands a non-UTF-8 one over with lone surrogates.
    data = write_data(tmp_path)
    (data / "events" / "caf\udce9.yaml").write_text(EVENT, "utf-8", errors="surrogateescape")
    with pytest.raises(DataError) as error:
        load_chronology(data)
    report = error.value.report()
    report.encode("utf-8")  # printable: no lone surrogate left to fail a log handler
    assert "data/events/caf\\udce9.yaml:1: file name:" in report
