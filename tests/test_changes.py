"""The chronology's own changes (data/changes.yaml): read, checked and declared like every other
kind of record, shown newest first on the Changes page and in its feed, in every edition."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from chronology.errors import DataError
from chronology.model import Chronology
from chronology.render import edition_site, iter_pages
from chronology.render.changes import render_changes_feed
from chronology.validate import load_chronology
from support import ROOT, load_yaml, write_data

ATOM = "{http://www.w3.org/2005/Atom}"
GOOD = """\
- id: older
  date: "2026-11-29"
  kind: addition
  title: An event added
  reason: It was missing.
  events: [something-happened]
- id: newer
  date: "2026-12-07"
  kind: correction
  title: "The <b>date</b> & the \\"title\\" corrected"
  reason: The paper gives another day.
"""


def problems(tmp_path: Path, changes: str) -> list[str]:
    with pytest.raises(DataError) as error:
        load_chronology(write_data(tmp_path, changes=changes))
    return [str(problem) for problem in error.value.problems]


def test_changes_read_newest_first(tmp_path: Path) -> None:
    chronology = load_chronology(write_data(tmp_path, changes=GOOD))
    assert [c.id for c in chronology.changes] == ["newer", "older"]
    assert chronology.changes[1].events == ("something-happened",)


@pytest.mark.parametrize(("changes", "expected"), [
    (GOOD.replace("kind: addition", "kind: fix"),
     "data/changes.yaml:3: kind: 'fix' is not one of correction, addition, wording, sources (a "
     "fact or date put right; events or records added; the chronology's own wording; better sources)"),
    (GOOD.replace("events: [something-happened]", "events: [something-happend]"),
     "data/changes.yaml:6: change 'older': unknown event 'something-happend'; did you mean "
     "'something-happened'?"),
    (GOOD.replace("  reason: It was missing.\n", ""),
     "data/changes.yaml:1: a change: missing required field 'reason'"),
    (GOOD.replace('date: "2026-11-29"', 'date: "2026-11"'),
     "data/changes.yaml:2: date: '2026-11' is too vague; write \"YYYY-MM-DD\""),
    (GOOD.replace('date: "2026-11-29"', "date: 2026-11-29"),
     "data/changes.yaml:2: date: write the date in double quotes, \"2026-11-29\", so YAML keeps it "
     "as text"),
    (GOOD.replace("title: An event added", "titel: An event added"),
     "data/changes.yaml:4: 'titel' is not a field of a change; did you mean 'title'?"),
    (GOOD.replace("id: newer", "id: older"),
     "data/changes.yaml:7: duplicate change id 'older' (first at data/changes.yaml:1); ids are "
     "permanent, choose a new one"),
    (GOOD.replace("id: newer", "id: changes"),
     "data/changes.yaml:7: id: 'changes' is already the id of a heading on the changes page, "
     "where each change is an anchor too; choose another id"),
])
def test_a_mistake_is_reported_at_its_line(tmp_path: Path, changes: str, expected: str) -> None:
    assert expected in problems(tmp_path, changes)


def test_the_page_and_the_feed_keep_hostile_text_text(tmp_path: Path) -> None:
    chronology = load_chronology(write_data(tmp_path, changes=GOOD))
    page = dict(iter_pages(chronology, "Site"))["changes/index.md"]
    assert "<b>date</b>" not in page and "The &lt;b&gt;date&lt;/b&gt; &amp; the &quot;title" in page
    assert page.index('id="newer"') < page.index('id="older"')
    assert '<a href="../changes.atom" type="application/atom+xml">' in page
    assert '<a href="../corrections/">the corrections page</a>' in page
    feed = ET.fromstring(render_changes_feed(edition_site(chronology, "Site"), "https://e.org/c/"))
    entries = feed.findall(f"{ATOM}entry")
    assert [e.findtext(f"{ATOM}title") for e in entries] == [
        'The <b>date</b> & the "title" corrected', "An event added"]
    assert entries[0].find(f"{ATOM}link").get("href") == "https://e.org/c/changes/#newer"
    # A feed reader shows a change on the day it was made, not on the day of its event.
    assert [e.findtext(f"{ATOM}updated") for e in entries] == ["2026-12-07T00:00:00Z",
                                                                "2026-11-29T00:00:00Z"]
    assert feed.findtext(f"{ATOM}updated") == "2026-12-07T00:00:00Z"


def test_without_changes_the_page_says_so(tmp_path: Path) -> None:
    page = dict(iter_pages(load_chronology(write_data(tmp_path))))["changes/index.md"]
    assert "No changes recorded yet." in page


def test_the_corrections_page_links_our_own(tmp_path: Path) -> None:
    page = dict(iter_pages(load_chronology(write_data(tmp_path))))["corrections/index.md"]
    assert '<a href="../changes/">the Changes page</a>' in page


def test_the_first_changes_are_decembers_fixes(real_chronology: Chronology) -> None:
    changes = {change.id: change for change in real_chronology.changes}
    seizure = changes["nippon-steel-seizure-redated"]
    assert seizure.events == ("2019-01-03-court-approves-seizure-of-nippon-steel-shares",)
    event = next(e for e in real_chronology.events if e.id == seizure.events[0])
    assert "2019-01-08-court-approves-seizure-of-nippon-steel-shares" in event.former_ids
    assert len(changes["twelve-milestones-added"].events) == 12
    assert {c.kind for c in changes.values()} == {"correction", "addition", "wording", "sources"}
    for lang in ("ko", "ja"):
        texts = real_chronology.translations[lang].texts
        assert all(("changes", c, field) in texts for c in changes for field in ("title", "reason"))


def test_the_changes_page_is_in_every_editions_navigation() -> None:
    english = load_yaml((ROOT / "mkdocs.yml").read_text("utf-8").replace("!ENV", ""))
    reference = next(entry["Reference"] for entry in english["nav"] if "Reference" in entry)
    assert {"Changes": "changes/index.md"} in reference
    for lang in ("ko", "ja"):
        titles = load_yaml((ROOT / f"mkdocs.{lang}.yml").read_text("utf-8"))["extra"]["nav_titles"]
        assert titles["Changes"]
