"""What a reader does with an event once found, in every edition: copy its link (by the title,
or a heading's), cite it in the formats researchers use and paste them into a reference manager,
see when it last changed and what changed, report an error; and the same for the chronology as
a whole on the About page, with its licence, and the Changes page and its feed."""

from __future__ import annotations

import datetime
import urllib.request
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from functools import cache
from urllib.parse import parse_qs, urljoin, urlsplit

import pytest
from chronology.cite import text_date
from chronology.messages import Messages
from chronology.translations.localize import messages
from chronology.validate import load_chronology
from citation_formats import bibtex_value, read_bibtex, read_csl, read_ris
from playwright.sync_api import Page, expect
from support import DESKTOP, PHONE, REPOSITORY, ROOT, load_yaml, screenshot
from test_accessibility import axe_violations

EDITIONS = {"en": "", "ko": "ko/", "ja": "ja/"}
EVENT = "events/2019-01-03-court-approves-seizure-of-nippon-steel-shares/"
FORMER = "events/2019-01-08-court-approves-seizure-of-nippon-steel-shares/"
CLIPBOARD = ["clipboard-read", "clipboard-write"]
CHANGES = load_yaml((ROOT / "data" / "changes.yaml").read_text("utf-8"))


@cache
def words(lang: str) -> Messages:
    chronology = load_chronology(ROOT / "data")
    return Messages(lang, messages(chronology, lang))


def today(page: Page) -> datetime.date:
    """The reader's day, as their browser has it."""
    return datetime.date.fromisoformat(page.evaluate(
        "(() => { const d = new Date(); return [d.getFullYear(), d.getMonth() + 1, d.getDate()]"
        ".map((n) => String(n).padStart(2, '0')).join('-'); })()"))


def clipboard(page: Page) -> str:
    return str(page.evaluate("navigator.clipboard.readText()"))


@pytest.fixture
def reader(open_page) -> Iterator[Page]:  # type: ignore[no-untyped-def]
    with open_page(permissions=CLIPBOARD) as page:
        yield page


@pytest.mark.parametrize("lang", EDITIONS)
def test_copy_link_by_the_title_with_the_keyboard(reader: Page, site_url: str, lang: str) -> None:
    address = f"{site_url}{EDITIONS[lang]}{EVENT}"
    reader.goto(address + "?from=search#sources")
    button = reader.get_by_role("button", name=words(lang).text("event.copy-link"), exact=True)
    expect(button).to_be_visible()
    # Reached with Tab from the phase's link just before it, and pressed with Enter.
    reader.locator(".chrono-event__meta a").last.focus()
    reader.keyboard.press("Tab")
    expect(button).to_be_focused()
    reader.keyboard.press("Enter")
    status = reader.get_by_role("status").filter(has_text=words(lang).text("script.copied.link"))
    expect(status).to_be_visible()
    assert clipboard(reader) == address  # the page's own address: no query, no #part


def test_without_a_clipboard_the_link_is_selected_to_copy(open_page, site_url: str) -> None:  # type: ignore[no-untyped-def]
    with open_page() as page:
        # A browser that gives the page no clipboard (an http:// site, or one that refuses).
        page.add_init_script("Object.defineProperty(Navigator.prototype, 'clipboard', "
                             "{get: () => undefined})")
        page.goto(site_url + EVENT)
        page.get_by_role("button", name="Copy link", exact=True).click()
        field = page.get_by_role("textbox", name="Link to copy")
        expect(field).to_be_focused()
        expect(field).to_have_value(site_url + EVENT)
        assert field.evaluate("f => [f.selectionStart, f.selectionEnd]") == [0, len(site_url + EVENT)]
        expect(page.locator(".chrono-toast[role=status]")).to_contain_text("the text is selected")
        page.keyboard.press("Escape")
        expect(field).to_have_count(0)
        # A citation: its text selected in the page.
        page.get_by_role("button", name="Copy citation").click()
        assert page.evaluate("getSelection().toString()").startswith("A South Korean court")


def test_a_headings_link_leads_there_and_is_copied(reader: Page, site_url: str) -> None:
    reader.goto(site_url + EVENT)
    heading = reader.locator("#sources h2")
    heading.hover()
    heading.locator("a.headerlink").click()
    expect(reader).to_have_url(site_url + EVENT + "#sources")
    assert clipboard(reader) == site_url + EVENT + "#sources"
    # On a hand-written page too (Material's own permanent links).
    reader.goto(site_url + "about/")
    reader.locator("#licence a.headerlink").click()
    assert clipboard(reader) == site_url + "about/#licence"


@pytest.mark.parametrize("lang", EDITIONS)
def test_an_event_cites_in_every_format_and_reference_managers_read_it(
        reader: Page, site_url: str, lang: str) -> None:
    address = f"{site_url}{EDITIONS[lang]}{EVENT}"
    reader.goto(address)
    day = today(reader)
    box = reader.locator("#cite")
    t = words(lang)
    # The plain styles, with the day accessed filled in by the browser.
    box.get_by_role("button", name=t.text("cite.copy")).click()
    apa = clipboard(reader)
    assert apa.startswith(reader.locator("h1").inner_text().strip())
    assert text_date(day, lang, "chicago") in apa and apa.endswith(address)  # Month Day, Year
    chicago = reader.locator("#citation-chicago").inner_text()
    assert address in chicago
    for name, check in (("BibTeX", check_bibtex), ("RIS", check_ris), ("CSL-JSON", check_csl)):
        box.locator("summary", has_text=name).click()
        box.get_by_role("button", name=t.text("cite.copy.format", format=name)).click()
        check(clipboard(reader), address, day, lang, reader.locator("h1").inner_text().strip())


def check_bibtex(copied: str, address: str, day: datetime.date, lang: str, title: str) -> None:
    [(kind, _, fields)] = read_bibtex(copied)
    assert kind == "online"  # Zotero: a web page
    assert bibtex_value(fields["title"]) == title
    assert (fields["url"], fields["urldate"], fields["langid"]) == (address, day.isoformat(), lang)


def check_ris(copied: str, address: str, day: datetime.date, lang: str, title: str) -> None:
    [record] = read_ris(copied)
    assert record["TY"] == ["ELEC"] and record["TI"] == [title]
    assert (record["UR"], record["Y2"], record["LA"]) == ([address], [day.strftime("%Y/%m/%d")], [lang])


def check_csl(copied: str, address: str, day: datetime.date, lang: str, title: str) -> None:
    [item] = read_csl(copied)
    assert (item["type"], item["title"], item["URL"], item["language"]) == (
        "webpage", title, address, lang)
    assert item["accessed"] == {"date-parts": [[day.year, day.month, day.day]]}


def test_without_javascript_the_citation_leaves_out_the_day_and_says_so(open_page, site_url: str) -> None:  # type: ignore[no-untyped-def]
    with open_page(java_script_enabled=False) as page:
        page.goto(site_url + EVENT)
        expect(page.locator("#citation-apa")).not_to_contain_text("Retrieved")
        expect(page.locator(".chrono-cite__note")).to_contain_text("Without JavaScript it is left out")
        expect(page.locator("button.chrono-copy-link")).to_be_hidden()
        text = page.locator("#citation-csl").text_content() or ""
        [item] = read_csl(text)  # still valid, without "accessed"
        assert "accessed" not in item


@pytest.mark.parametrize("lang", EDITIONS)
def test_an_event_says_when_it_changed_what_changed_and_where_to_report(
        reader: Page, site_url: str, lang: str) -> None:
    reader.goto(f"{site_url}{EDITIONS[lang]}{EVENT}")
    changed = reader.locator(".chrono-cite__changed time").first
    assert changed.get_attribute("datetime")  # a day, from the history of the event's files
    seizure = next(c for c in CHANGES if c["id"] == "nippon-steel-seizure-redated")
    link = reader.locator(f"#cite a[href$='changes/#{seizure['id']}']")
    expect(link).to_have_count(1)
    report = reader.locator("a.chrono-report__link")
    expect(report).to_have_text(words(lang).text("report.event.link"))
    href = urlsplit(report.get_attribute("href") or "")
    assert f"{href.scheme}://{href.netloc}{href.path}" == REPOSITORY + "/issues/new"
    query = parse_qs(href.query)
    assert "2019-01-03-court-approves-seizure-of-nippon-steel-shares" in query["title"][0]
    assert EVENT in query["body"][0]  # the page's address (from the site's root: no SITE_URL)
    link.click()
    expect(reader.locator(f"#{seizure['id']}")).to_be_in_viewport()


def test_the_former_address_of_the_re_dated_event_leads_to_it(page: Page, site_url: str) -> None:
    page.goto(site_url + FORMER)
    expect(page).to_have_url(site_url + EVENT)


@pytest.mark.parametrize("lang", EDITIONS)
def test_the_about_page_cites_the_chronology_states_its_licences_and_takes_reports(
        reader: Page, site_url: str, lang: str) -> None:
    reader.goto(f"{site_url}{EDITIONS[lang]}about/")
    for part in ("#who", "#report", "#licence", "#cite"):
        expect(reader.locator(part)).to_be_visible()
    expect(reader.locator("#licence ~ ul a[href^='https://creativecommons.org/licenses/by/4.0/']"
                          ).first).to_be_visible()
    report = reader.locator("a.chrono-report__link").get_attribute("href") or ""
    assert report.startswith(f"{REPOSITORY}/issues/new?title=")
    whole = reader.locator(".chrono-cite--whole")
    whole.locator("summary", has_text="RIS").click()
    whole.get_by_role("button", name=words(lang).text("cite.copy.format", format="RIS")).click()
    [record] = read_ris(clipboard(reader))
    assert record["TY"] == ["DATA"]  # Zotero: a data set
    assert record["ET"] == ["2023-11-14"]  # the version: the build's day (SOURCE_DATE_EPOCH)
    assert record["UR"] == [f"{site_url}{EDITIONS[lang]}"]
    whole.locator("summary", has_text="CSL-JSON").click()
    whole.get_by_role("button", name=words(lang).text("cite.copy.format", format="CSL-JSON")).click()
    [item] = read_csl(clipboard(reader))
    assert (item["type"], item["version"]) == ("dataset", "2023-11-14")


@pytest.mark.parametrize("lang", EDITIONS)
def test_the_changes_page_and_its_feed(page: Page, site_url: str, lang: str) -> None:
    t = words(lang)
    page.goto(f"{site_url}{EDITIONS[lang]}corrections/")
    page.get_by_role("link", name=t.text("corrections.changes-link")).click()
    expect(page.locator("h1")).to_have_text(t.text("changes.title"))
    expect(page.locator("nav.md-nav--primary a.md-nav__link--active").first).to_have_text(
        t.text("changes.title"))
    expect(page.locator("section.chrono-change")).to_have_count(len(CHANGES))
    expect(page.locator("section.chrono-change").first).to_have_id(CHANGES[0]["id"])
    feed = page.get_by_role("link", name=t.text("changes.feed-link")).get_attribute("href")
    with urllib.request.urlopen(urljoin(page.url, feed)) as response:
        root = ET.fromstring(response.read())
    atom = "{http://www.w3.org/2005/Atom}"
    assert root.get("{http://www.w3.org/XML/1998/namespace}lang") == lang
    assert len(root.findall(f"{atom}entry")) == len(CHANGES)


@pytest.mark.parametrize("lang", EDITIONS)
def test_axe_finds_nothing_with_every_citation_open_and_a_link_copied(
        open_page, site_url: str, lang: str) -> None:  # type: ignore[no-untyped-def]
    for scheme in ("light", "dark"):
        with open_page(permissions=CLIPBOARD, color_scheme=scheme) as page:
            page.goto(f"{site_url}{EDITIONS[lang]}{EVENT}")
            for details in page.locator("#cite details").all():
                details.evaluate("d => d.open = true")
            page.locator("button.chrono-copy-link").click()
            expect(page.locator(".chrono-toast")).not_to_be_empty()
            assert axe_violations(page) == []
            page.goto(f"{site_url}{EDITIONS[lang]}changes/")
            assert axe_violations(page) == []


@pytest.mark.review
@pytest.mark.parametrize("lang", EDITIONS)
@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["390", "1280"])
def test_screenshots_of_citing_and_changes(open_page, site_url: str, lang: str,  # type: ignore[no-untyped-def]
                                           viewport: dict[str, int]) -> None:
    width = viewport["width"]
    with open_page(viewport=viewport, permissions=CLIPBOARD) as page:
        page.goto(f"{site_url}{EDITIONS[lang]}{EVENT}")
        page.locator("button.chrono-copy-link").click()
        page.screenshot(path=str(shot(f"cite-top-{lang}-{width}")))
        for details in page.locator("#cite details").all():
            details.evaluate("d => d.open = true")
        page.locator("#cite").screenshot(path=str(shot(f"cite-box-{lang}-{width}")))
        page.goto(f"{site_url}{EDITIONS[lang]}about/#who")
        page.locator("article").screenshot(path=str(shot(f"cite-about-{lang}-{width}")))
        page.goto(f"{site_url}{EDITIONS[lang]}changes/")
        screenshot(page, f"cite-changes-{lang}-{width}")


def shot(name: str):  # type: ignore[no-untyped-def]
    from support import ARTIFACTS
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS / f"{name}.png"
